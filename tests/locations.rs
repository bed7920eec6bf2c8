//! Locations: gazetteer names in every spelling, keyword patterns, lists,
//! and common words that must not become places.

use khabar::{extract, Extraction, LocationKind};

fn spans_ok(input: &str, out: &Extraction) {
    for l in &out.locations {
        assert_eq!(&input[l.span.start..l.span.end], l.span.text, "span of {}", l.name);
    }
}

/// The (name without ZWNJ/spaces, kind) of every location found.
fn found(input: &str) -> Vec<(String, Option<LocationKind>)> {
    let out = extract(input);
    spans_ok(input, &out);
    out.locations.iter().map(|l| (l.name.replace(['\u{200c}', ' '], ""), l.kind)).collect()
}

fn has(input: &str, name: &str, kind: LocationKind) {
    let f = found(input);
    let want = name.replace(['\u{200c}', ' '], "");
    assert!(
        f.iter().any(|(n, k)| *n == want && *k == Some(kind)),
        "{name} ({kind:?}) not in {f:?} for «{input}»"
    );
}

#[test]
fn one_name_many_spellings() {
    for s in [
        "مردم خرم آباد به استقبال بهار رفتند.",
        "مردم خرم‌آباد به استقبال بهار رفتند.",
        "مردم خرمآباد به استقبال بهار رفتند.",
        "مردم صالح آباد به استقبال بهار رفتند.",
        "مردم صالح‌آباد به استقبال بهار رفتند.",
    ] {
        let f = found(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        assert_eq!(f[0].1, Some(LocationKind::City), "{s}");
    }
    // Arabic letters as older articles write them.
    has("سفر به كرمانشاه و يزد", "کرمانشاه", LocationKind::City);
}

#[test]
fn keywords_give_kinds() {
    use LocationKind as K;
    let table: &[(&str, &str, K)] = &[
        ("نماینده مردم استان اصفهان گفت", "اصفهان", K::Province),
        ("کشاورزان شهرستان سرباز نگران هستند", "سرباز", K::County),
        ("در شهر بم زلزله آمد", "بم", K::City),
        ("اهالی روستای گلابدره جمع شدند", "گلابدره", K::Village),
        ("فرمانداری نور اعلام کرد", "نور", K::City),
        ("ترافیک خیابان شهید بهشتی سنگین است", "خیابان شهید بهشتی", K::Street),
        ("تجمع در میدان آزادی برگزار شد", "میدان آزادی", K::Square),
        ("بلوار کشاورز بسته شد", "بلوار کشاورز", K::Street),
        ("کشتی در بندر چابهار پهلو گرفت", "بندر چابهار", K::Port),
        ("کشتی در بندر چابهار پهلو گرفت", "چابهار", K::City),
        ("ساکنان شهرک والفجر جابه‌جا شدند", "شهرک والفجر", K::District),
        ("سفر وزیر به عراق و ترکیه", "عراق", K::Country),
        ("سفر وزیر به عراق و ترکیه", "ترکیه", K::Country),
        ("روابط ایران و امریکا", "امریکا", K::Country),
        ("نفت خلیج فارس", "خلیج فارس", K::Region),
        ("بخش مرکزی سراب کم‌آب است", "بخش مرکزی سراب", K::District),
        ("مسیر اتوبوس از نارمک تا آزادی است", "آزادی", K::City),
    ];
    for (s, name, kind) in table {
        has(s, name, *kind);
    }
}

#[test]
fn lists_of_places() {
    use LocationKind as K;
    let s = "گازرسانی به روستاهای گلابدره، کندک و سیاه‌کوه انجام شد";
    for n in ["گلابدره", "کندک", "سیاه‌کوه"] {
        has(s, n, K::Village);
    }
    let s = "سالن‌ها در مناطق مختلف به‌ویژه نارمک ساخته شد";
    has(s, "نارمک", K::District);
    // a list right after مناطق, with a known place in it; an unknown
    // first item is skipped
    let s = "جنگل‌کاری در مناطق سادات محمودی، کلاته‌بن، آب‌گرم، گچساران و لنده اجرا شد";
    for n in ["کلاته‌بن", "آب‌گرم", "لنده"] {
        has(s, n, K::District);
    }
    let s = "استان‌های گیلان، مازندران و گلستان بارانی است";
    for n in ["گیلان", "مازندران", "گلستان"] {
        has(s, n, K::Province);
    }
}

#[test]
fn elided_list_of_villages() {
    let s = "طرح هادی روستای گلابدره با هزینه ۲ میلیارد تومان، کندک با هزینه ۳ میلیارد تومان و روستای سیاه‌کوه با هزینه یک میلیارد تومان اجرا شد.";
    for n in ["گلابدره", "کندک", "سیاه‌کوه"] {
        has(s, n, LocationKind::Village);
    }
    // Without the same word after each item, nothing more is a place.
    let f = found("اهالی روستای گلابدره با شادی، امید و انگیزه آمدند.");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn one_record_per_place_first_mention() {
    let s = "شهردار قم گفت: قم و کاشان و باز قم.";
    let out = extract(s);
    spans_ok(s, &out);
    let qom: Vec<_> = out.locations.iter().filter(|l| l.name == "قم").collect();
    assert_eq!(qom.len(), 1);
    assert_eq!(qom[0].span.start, "شهردار ".len());
}

#[test]
fn common_words_are_not_places() {
    for s in [
        "به گزارش خبرگزاری فارس، جلسه برگزار شد.",
        "به گزارش فارس، جلسه برگزار شد.",
        "در گفت‌وگو با خبرنگار اقتصادی فارس گفت",
        "بهار امسال باران زیادی بارید.",
        "نور خورشید به اتاق تابید.",
        "در میان مردم حاضر شد.",
        "در مهر ماه مدارس باز می‌شوند.",
        "این کار را در بافت فرسوده انجام دادند.",
        "یک سرباز وظیفه از پل عبور کرد.",
        "بازیکنان به میدان رفتند و میدان مین را دیدند.",
        "وزیر از افزایش صادرات این کشور خبر داد.",
        "بخش‌های مختلف صنعت فعال هستند.",
        "شهرستان برگزار کننده این جشنواره بود.",
        "امید داریم که کار به جایی برسد.",
    ] {
        let f = found(s);
        assert!(f.is_empty(), "«{s}» gave {f:?}");
    }
}

#[test]
fn empty_and_odd_input() {
    for s in ["", " ", "،،،", "استان", "خیابان", "روستاهای", "میدان ", "بندر", "قم"]
    {
        let out = extract(s);
        spans_ok(s, &out);
    }
}

#[test]
fn areas_outside_the_gazetteer() {
    use LocationKind as K;
    let table: &[(&str, &str, K)] = &[
        ("کارخانه در استان مرکزی ساخته شد", "مرکزی", K::Province),
        ("اهالی دهستان کلاته بالا جمع شدند", "کلاته بالا", K::District),
        ("اهالی دهستان گلسفید از این طرح راضی هستند", "گلسفید", K::District),
        ("آبخیزداری در حوضه آبخیز گلرود انجام شد", "گلرود", K::Region),
        ("سیل در حوزه آبریز کارون خسارت زد", "کارون", K::Region),
        ("سازه در حوضه آبخیز دره سلیمان ساخته شد", "دره سلیمان", K::Region),
        // the rest of a list after a keyword and a known name
        ("آبخیزداری در بخش سلفچگان، کهک، قاهان و ونارچ انجام شد", "قاهان", K::District),
        ("آبخیزداری در بخش سلفچگان، کهک، قاهان و ونارچ انجام شد", "ونارچ", K::District),
        ("باران در بخش‌های کهک، قاهان و ونارچ بارید", "قاهان", K::District),
        ("پنج طرح در بخش سرباز افتتاح شد", "سرباز", K::District),
        ("باران در بخش‌های قاهان، ونارچ و کهک بارید", "ونارچ", K::District),
    ];
    for (s, name, kind) in table {
        has(s, name, *kind);
    }
    // common words after the same nouns stay common words
    for s in ["دهستان مرکزی کم‌آب است.", "حوضه آبخیز این منطقه تخریب شد.", "بخش مرکزی ساختمان تعمیر شد."]
    {
        let f = found(s);
        assert!(f.is_empty(), "«{s}» gave {f:?}");
    }
    // a list of everyday words after a known place is no list of places
    for s in [
        "در شهر تهران، مردم و مسئولان حضور داشتند.",
        "در استان قم، دولت و مجلس همکاری کردند.",
        "در بخش‌های صنعت، تهران و معدن سرمایه‌گذاری شد.",
    ] {
        let f = found(s);
        assert_eq!(f.len(), 1, "«{s}» gave {f:?}");
    }
}

#[test]
fn other_names_of_a_country_are_one_place() {
    let input = "ایالات متحده آمریکا و چین مذاکره کردند. آمریکا و ایالات متحده همان کشورند.";
    let out = extract(input);
    spans_ok(input, &out);
    let names: Vec<&str> = out.locations.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["آمریکا", "چین"]);
    assert_eq!(out.locations[0].span.text, "ایالات متحده آمریکا");
}
