//! Properties that hold for every input: no panic, valid spans, idempotent
//! normalization, and extraction that is local to the text it reads.

use khabar::{Extraction, Span, TextSpan};
use proptest::prelude::*;

/// Every span of every record, with what kind of record it came from.
fn all_spans(e: &Extraction) -> Vec<(&'static str, &TextSpan)> {
    let mut v: Vec<(&'static str, &TextSpan)> = Vec::new();
    for o in &e.officials {
        v.extend(o.mentions.iter().map(|m| ("official", m)));
    }
    for o in &e.organizations {
        v.extend(o.mentions.iter().map(|m| ("organization", m)));
    }
    v.extend(e.projects.iter().map(|r| ("project", &r.span)));
    v.extend(e.counts.iter().map(|r| ("count", &r.span)));
    v.extend(e.money.iter().map(|r| ("money", &r.span)));
    v.extend(e.percentages.iter().map(|r| ("percentage", &r.span)));
    v.extend(e.dates.iter().map(|r| ("date", &r.span)));
    v.extend(e.locations.iter().map(|r| ("location", &r.span)));
    v.extend(e.quotes.iter().map(|r| ("quote", &r.span)));
    v.extend(e.quantities.iter().map(|r| ("quantity", &r.span)));
    v.extend(e.source.iter().map(|r| ("source", &r.span)));
    v
}

/// Asserts `&input[span] == text` for every record.
fn assert_spans_valid(input: &str, e: &Extraction) {
    for (kind, s) in all_spans(e) {
        assert!(s.start <= s.end && s.end <= input.len(), "{kind} span {}..{} out of bounds", s.start, s.end);
        assert!(
            input.is_char_boundary(s.start) && input.is_char_boundary(s.end),
            "{kind} span off a char boundary"
        );
        assert_eq!(&input[s.start..s.end], s.text, "{kind} span text");
    }
    for q in &e.quotes {
        if let Some(i) = q.speaker {
            assert!(i < e.officials.len(), "quote speaker index out of range");
        }
    }
}

const SAMPLE: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");

#[test]
fn seed_spans_are_valid() {
    assert_spans_valid(SAMPLE, &khabar::extract(SAMPLE));
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync + Clone + 'static>() {}
    check::<khabar::Extractor>();
    check::<khabar::Normalizer>();
    check::<khabar::Extraction>();
    // And it really works across threads, with the same answer.
    let ex = std::sync::Arc::new(khabar::Extractor::new());
    let want = ex.extract(SAMPLE);
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let ex = ex.clone();
            std::thread::spawn(move || ex.extract(SAMPLE))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), want);
    }
}

#[test]
fn json_has_every_key() {
    let v: serde_json::Value = serde_json::from_str(&khabar::extract("").to_json()).unwrap();
    for key in &khabar::Extraction::KEYS[..9] {
        assert_eq!(v[key], serde_json::json!([]), "{key}");
    }
    assert!(v["source"].is_null());
}

/// Strings mixing the characters that stress the normalizer and extractors.
fn persianish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "می",
        "شود",
        "ها",
        "های",
        "\u{200c}",
        "\u{200c}\u{200c}",
        "\u{200e}",
        "\u{200f}",
        "\u{200d}",
        " ",
        "\n",
        "،",
        ":",
        "«",
        "»",
        ".",
        "/",
        "٫",
        "٬",
        ",",
        "۱",
        "۲",
        "5",
        "٣",
        "0",
        "هزار",
        "میلیارد",
        "ریال",
        "تومان",
        "درصد",
        "و",
        "نیم",
        "سی",
        "صد",
        "پروژه",
        "وزیر",
        "سید",
        "شهرداری",
        "قم",
        "گفت",
        "افزود",
        "وی",
        "ي",
        "ك",
        "ة",
        "ۀ",
        "\u{064e}",
        "\u{0640}",
        "\u{00a0}",
        "ﻻ",
        "ﺑ",
        "x",
        "é",
        "👍",
        "\u{feff}",
        "\t",
        "۲۴شهریور",
        "1403/05/12",
        "سه شنبه",
        "خبرگزاری",
        "مهر",
        "به گزارش",
        "رمپ",
        "افتتاح",
        "فاز",
        "پنجم",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_spans_are_valid(s in persianish()) {
        assert_spans_valid(&s, &khabar::extract(&s));
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        assert_spans_valid(&s, &khabar::extract(&s));
        let _ = khabar::normalize(&s);
    }

    #[test]
    fn normalization_is_idempotent(s in persianish()) {
        let once = khabar::normalize(&s);
        let twice = khabar::normalize(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str());
    }

    #[test]
    fn offset_map_is_monotone_and_on_boundaries(s in persianish()) {
        let n = khabar::normalize(&s);
        let t = n.as_str();
        let mut last = 0;
        for (i, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            let o = n.to_original(Span::new(i, i));
            prop_assert!(s.is_char_boundary(o.start));
            prop_assert!(o.start >= last);
            last = o.start;
        }
        for (i, c) in t.char_indices() {
            let o = n.to_original(Span::new(i, i + c.len_utf8()));
            prop_assert!(o.start <= o.end && o.end <= s.len());
            prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
        }
    }

    #[test]
    fn extraction_is_local(a in persianish(), b in persianish()) {
        // Records of `a` keep their spans when more text follows a paragraph break.
        let joined = format!("{a}\n\n{b}");
        let ea = khabar::extract(&a);
        let ej = khabar::extract(&joined);
        assert_spans_valid(&joined, &ej);
        for m in &ea.money {
            prop_assert!(ej.money.iter().any(|n| n.span == m.span && n.amount == m.amount), "money {:?}", m);
        }
        for p in &ea.percentages {
            prop_assert!(ej.percentages.iter().any(|n| n.span == p.span), "percentage {:?}", p);
        }
        for d in &ea.dates {
            prop_assert!(ej.dates.iter().any(|n| n.span == d.span), "date {:?}", d);
        }
    }
}
