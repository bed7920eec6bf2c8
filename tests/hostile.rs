//! Hostile input: huge, degenerate or malformed text is handled without
//! panic, hang or unbounded memory, in seconds.

use std::time::{Duration, Instant};

fn check(input: &str, budget: Duration) {
    let t = Instant::now();
    let out = khabar::extract(input);
    let n = khabar::normalize(input);
    assert!(n.as_str().len() <= input.len() * 3 + 16);
    for m in &out.money {
        assert_eq!(&input[m.span.start..m.span.end], m.span.text);
    }
    for c in &out.counts {
        assert_eq!(&input[c.span.start..c.span.end], c.span.text);
    }
    // Debug builds are ~10-30x slower than release; the budget is generous.
    assert!(t.elapsed() < budget, "took {:?}", t.elapsed());
}

#[test]
fn one_letter_repeated() {
    check(&"ب".repeat(1_000_000), Duration::from_secs(20));
}

#[test]
fn no_whitespace() {
    check(&"پروژههایمیلیاردریال۱۲".repeat(20_000), Duration::from_secs(20));
}

#[test]
fn huge_number() {
    let digits = "۹".repeat(100_000);
    check(&format!("{digits} ریال"), Duration::from_secs(20));
    check(&format!("{} تومان", "1,000".repeat(10_000)), Duration::from_secs(20));
}

#[test]
fn stacked_scales_overflow() {
    let s = "هزار ".repeat(10_000) + "ریال";
    check(&s, Duration::from_secs(20));
    // A value that does not fit is dropped, not wrapped or panicked on.
    let out = khabar::extract(&s);
    for m in &out.money {
        assert!(m.amount.to_string().len() < 60);
    }
}

#[test]
fn control_and_mixed_scripts() {
    let mut s = String::new();
    for c in [
        '\0', '\u{1}', '\u{7f}', '\u{85}', '\u{2028}', '\u{200c}', '\u{200f}', 'ي', 'a', '😀', '\u{fdfd}',
        '\u{feff}',
    ] {
        for _ in 0..1000 {
            s.push(c);
            s.push_str("۱۲ میلیون دلار ");
        }
    }
    check(&s, Duration::from_secs(20));
}

#[test]
fn zwnj_storm() {
    check(&"\u{200c}".repeat(100_000), Duration::from_secs(10));
    check(&"می\u{200c}\u{200c} \u{200c}شود".repeat(20_000), Duration::from_secs(20));
}

#[test]
fn guillemets_never_closed() {
    check(&"وی گفت: «".repeat(20_000), Duration::from_secs(20));
}

#[test]
fn linear_time() {
    // 10x the input costs about 10x the time, not 100x.
    let unit = include_str!("../data/sample/mehr-qom-70-projects.txt");
    let small = unit.repeat(20);
    let big = unit.repeat(200);
    let ex = khabar::Extractor::new();
    let _ = ex.extract(unit);
    let t = Instant::now();
    let _ = ex.extract(&small);
    let ts = t.elapsed();
    let t = Instant::now();
    let _ = ex.extract(&big);
    let tb = t.elapsed();
    assert!(tb < ts * 30 + Duration::from_millis(200), "small {ts:?} big {tb:?}");
}

#[test]
fn fuzz_regressions() {
    // Inputs the fuzzers found interesting (tests/regressions/, small files).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries.flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        check(&text, Duration::from_secs(10));
        let n = khabar::normalize(&text);
        assert_eq!(khabar::normalize(n.as_str()).as_str(), n.as_str(), "{:?}", entry.path());
    }
}
