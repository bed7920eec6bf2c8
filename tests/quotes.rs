//! Quotes and the reporting agency.

use khabar::Extractor;

const SEED: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");

#[test]
fn seed_quotes() {
    let out = Extractor::new().extract(SEED);
    let verbs: Vec<&str> = out.quotes.iter().map(|q| q.verb.as_str()).collect();
    assert_eq!(verbs, vec!["اظهار کرد", "تأکید کرد", "افزود", "گفت", "افزود", "خاطرنشان کرد"]);
    for q in &out.quotes {
        assert_eq!(q.speaker, Some(0));
        assert_eq!(&SEED[q.span.start..q.span.end], q.span.text);
        assert!(!q.span.text.starts_with('«') && !q.span.text.ends_with('\n'));
    }
    // The statement opened with « and never closed runs to the paragraph end.
    assert!(out.quotes[1].span.text.starts_with("این حجم"));
    assert!(out.quotes[1].span.text.ends_with("محسوب میشود."));
    let src = out.source.expect("source");
    assert_eq!(src.agency, "مهر");
    assert_eq!(src.span.text, "مهر");
}

/// (input, verb, statement)
const TABLE: &[(&str, &str, &str)] = &[
    ("علی رضایی گفت: کار تمام شد.", "گفت", "کار تمام شد."),
    ("وی اظهار داشت: «پروژه آماده است.»", "اظهار داشت", "پروژه آماده است."),
    ("وی اظهارداشت: پروژه آماده است.", "اظهار داشت", "پروژه آماده است."),
    (
        "وی تاکید کرد: «این طرح مهم است و باید اجرا شود.\nپاراگراف بعد.",
        "تأکید کرد",
        "این طرح مهم است و باید اجرا شود.",
    ),
    ("وی یادآور شد: بودجه کافی نیست.", "یادآور شد", "بودجه کافی نیست."),
    ("وی گفت «کار تا پایان سال تمام می‌شود» و جلسه پایان یافت.", "گفت", "کار تا پایان سال تمام می‌شود"),
    ("«این طرح تا پایان سال تمام می‌شود» وزیر نیرو گفت.", "گفت", "این طرح تا پایان سال تمام می‌شود"),
];

#[test]
fn quote_table() {
    for (input, verb, statement) in TABLE {
        let out = Extractor::new().extract(input);
        assert_eq!(out.quotes.len(), 1, "{input}: {:?}", out.quotes);
        let q = &out.quotes[0];
        assert_eq!(q.verb, *verb, "{input}");
        assert_eq!(q.span.text, *statement, "{input}");
        assert_eq!(&input[q.span.start..q.span.end], q.span.text);
    }
}

#[test]
fn speaker_resolution() {
    let input = "علی رضایی، شهردار تبریز گفت: کار آغاز شد.\nوی افزود: پروژه تمام می‌شود.\nرضایی تصریح کرد: بودجه کافی است.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.quotes.len(), 3);
    assert!(out.quotes.iter().all(|q| q.speaker == Some(0)), "{:?}", out.quotes);
}

#[test]
fn a_role_without_a_name_is_not_the_previous_speaker() {
    let input = "علی رضایی، شهردار تبریز گفت: کار آغاز شد.\nاستاندار آذربایجان شرقی گفت: بودجه تامین است.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.quotes.len(), 2);
    assert_eq!(out.quotes[0].speaker, Some(0));
    assert_eq!(out.quotes[1].speaker, None);
}

#[test]
fn this_official_restates_the_previous_speaker() {
    let input = "علی رضایی، شهردار تبریز گفت: کار آغاز شد.\nمعاون استاندار نیز در این مراسم حضور داشت.\nاین مسئول افزود: بودجه تامین است.\nهمین مقام مسئول تصریح کرد: کار ادامه دارد.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.quotes.len(), 3, "{:?}", out.quotes);
    assert!(out.quotes.iter().all(|q| q.speaker == Some(0)), "{:?}", out.quotes);
}

#[test]
fn no_quotes() {
    for input in ["گفت‌وگو با خبرنگاران ادامه داشت.", "وی گفت که کار تمام شد", ""]
    {
        assert!(Extractor::new().extract(input).quotes.is_empty(), "{input}");
    }
}

/// (input, agency, span text)
const SOURCES: &[(&str, &str, &str)] = &[
    ("به گزارش خبرگزاری فارس از تبریز، کار آغاز شد.", "فارس", "فارس"),
    ("به گزارش خبرنگار اقتصادی ایسنا، قیمت‌ها ثابت ماند.", "ایسنا", "ایسنا"),
    ("به گزارش ایرنا، سد آبگیری شد.", "ایرنا", "ایرنا"),
    (
        "به گزارش گروه استان‌های باشگاه خبرنگاران جوان، باران بارید.",
        "باشگاه خبرنگاران جوان",
        "باشگاه خبرنگاران جوان",
    ),
    ("به گزارش خبرگزاری جمهوری اسلامی، جلسه برگزار شد.", "ایرنا", "جمهوری اسلامی"),
    ("خبرگزاری تسنیم: مجلس امروز تشکیل جلسه داد.", "تسنیم", "تسنیم"),
];

#[test]
fn source_table() {
    for (input, agency, text) in SOURCES {
        let out = Extractor::new().extract(input);
        let s = out.source.unwrap_or_else(|| panic!("no source in {input}"));
        assert_eq!(s.agency, *agency, "{input}");
        assert_eq!(s.span.text, *text, "{input}");
    }
    assert!(Extractor::new().extract("به گزارش روابط عمومی شهرداری، کار آغاز شد.").source.is_none());
}
