#![no_main]
//! Normalization never panics, is idempotent, and maps every position back
//! onto a char boundary of the input, monotonically.

use khabar::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let n = khabar::normalize(s);
    let t = n.as_str();
    assert_eq!(khabar::normalize(t).as_str(), t, "not idempotent");
    let mut last = 0;
    for (i, c) in t.char_indices() {
        let o = n.to_original(Span::new(i, i + c.len_utf8()));
        assert!(o.start >= last && o.end <= s.len());
        assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
        last = o.start;
    }
});
