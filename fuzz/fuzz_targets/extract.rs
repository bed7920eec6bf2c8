#![no_main]
//! Extraction never panics and every span is a valid slice of the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let e = khabar::extract(s);
    let json = serde_json::to_value(&e).expect("serializes");
    fn walk(v: &serde_json::Value, s: &str) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(a), Some(b), Some(t)) = (m.get("start"), m.get("end"), m.get("text")) {
                    let (a, b) = (a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize);
                    assert_eq!(Some(t.as_str().unwrap()), s.get(a..b), "span {a}..{b}");
                }
                m.values().for_each(|v| walk(v, s));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, s)),
            _ => {}
        }
    }
    walk(&json, s);
});
