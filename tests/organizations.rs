//! Organizations: one table per pattern, nested bodies, boundaries.

use khabar::{Extractor, OrgKind};

fn canon(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{200C}').collect()
}

/// (input, name, kind)
const TABLE: &[(&str, &str, OrgKind)] = &[
    ("شهرداری قم صبح امروز طرح را افتتاح کرد.", "شهرداری قم", OrgKind::Municipality),
    ("استانداری فارس در این باره اطلاعیه داد.", "استانداری فارس", OrgKind::ProvinceOffice),
    ("وزارت راه و شهرسازی با این طرح موافقت کرد.", "وزارت راه و شهرسازی", OrgKind::Ministry),
    ("سازمان برنامه و بودجه کشور اعتبار را تخصیص داد.", "سازمان برنامه و بودجه کشور", OrgKind::Organization),
    (
        "اداره کل تعزیرات حکومتی استان لرستان پرونده را بررسی کرد.",
        "اداره کل تعزیرات حکومتی استان لرستان",
        OrgKind::ProvinceOffice,
    ),
    ("شرکت آب و فاضلاب در این زمینه فعال است.", "شرکت آب و فاضلاب", OrgKind::Company),
    ("بانک ملی به متقاضیان وام داد.", "بانک ملی", OrgKind::Bank),
    ("مجلس شورای اسلامی لایحه را تصویب کرد.", "مجلس شورای اسلامی", OrgKind::Parliament),
    ("نمایندگان مجلس با طرح مخالفت کردند.", "مجلس شورای اسلامی", OrgKind::Parliament),
    ("کمیته امداد امام خمینی به خانواده‌ها کمک کرد.", "کمیته امداد امام خمینی", OrgKind::Foundation),
    ("وزارت صنعت، معدن و تجارت در این باره مجوز صادر کرد.", "وزارت صنعت، معدن و تجارت", OrgKind::Ministry),
    (
        "اداره کل راهداری و حمل و نقل جاده‌ای استان گلستان گزارش داد.",
        "اداره کل راهداری و حمل و نقل جاده‌ای استان گلستان",
        OrgKind::ProvinceOffice,
    ),
    ("سهام فولاد مبارکه در بازار امروز رشد کرد.", "فولاد مبارکه", OrgKind::Company),
    ("پتروشیمی بندر امام در این مدت صادرات داشت.", "پتروشیمی بندر امام", OrgKind::Company),
    ("نیروی انتظامی در این زمینه اطلاعیه داد.", "نیروی انتظامی", OrgKind::Police),
];

#[test]
fn table() {
    for (input, name, kind) in TABLE {
        let out = Extractor::new().extract(input);
        let o = out
            .organizations
            .iter()
            .find(|o| canon(&o.name) == canon(name))
            .unwrap_or_else(|| panic!("{name} not in {input}: {:?}", out.organizations));
        assert_eq!(o.kind, Some(*kind), "{input}");
        for m in &o.mentions {
            assert_eq!(&input[m.start..m.end], m.text);
        }
    }
}

#[test]
fn nested_bodies() {
    let input = "اداره کل ارتباطات و امور بین‌الملل شهرداری قم برنامه‌ها را اعلام کرد.";
    let out = Extractor::new().extract(input);
    let names: Vec<String> = out.organizations.iter().map(|o| canon(&o.name)).collect();
    assert!(names.contains(&canon("اداره کل ارتباطات و امور بین‌الملل شهرداری قم")), "{names:?}");
    assert!(names.contains(&canon("شهرداری قم")), "{names:?}");
}

#[test]
fn restated_short_form_is_a_mention() {
    let input = "شورای شهر تهران جلسه داشت. در این جلسه شورای شهر نیز بودجه را تصویب کرد.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.organizations.len(), 1, "{:?}", out.organizations);
    assert_eq!(out.organizations[0].mentions.len(), 2);
}

/// Nothing here names a body.
const NEGATIVE: &[&str] = &[
    "شرکت در انتخابات وظیفه همه است.",
    "این سازمان در سال گذشته فعال بود.",
    "سازمان‌ها باید شفاف باشند.",
    // a head word followed by a verb: no body
    "آنها در این شرکت نکردند.",
    "همه بچه‌ها وارد دانشگاه شوند.",
    "",
];

#[test]
fn negative() {
    for input in NEGATIVE {
        let out = Extractor::new().extract(input);
        assert!(out.organizations.is_empty(), "{input}: {:?}", out.organizations);
    }
}

#[test]
fn agency_from_source() {
    let out = Extractor::new().extract("به گزارش خبرنگار مهر، کار آغاز شد.");
    assert!(out.organizations.iter().any(|o| o.name == "خبرگزاری مهر" && o.kind == Some(OrgKind::Agency)));
}

/// (input, the only body expected): the name ends where it should.
const BOUNDARIES: &[(&str, &str)] = &[
    ("شهرداری تهران درآمد حاصل از عوارض را هزینه می‌کند.", "شهرداری تهران"),
    ("شهرداری قم تلاش دارد خدمات بیشتری ارائه کند.", "شهرداری قم"),
    ("سازمان برنامه و بودجه کشور گزارش عملکرد را منتشر کرد.", "سازمان برنامه و بودجه کشور"),
    ("استانداری کهگیلویه و بویراحمد در این باره اطلاعیه داد.", "استانداری کهگیلویه و بویراحمد"),
    ("کمیسیون آموزش تا امروز نظری نداده است.", "کمیسیون آموزش"),
    ("اداره مبارزه با مواد مخدر محموله را توقیف کرد.", "اداره مبارزه با مواد مخدر"),
    // a verb form ends the name, and the noun of a compound verb before it
    ("سازمان امور مالیاتی باید این کار را انجام دهند.", "سازمان امور مالیاتی"),
    ("صندوق بازنشستگی کشوری بر این طرح نظارت نماید.", "صندوق بازنشستگی کشوری"),
    ("اتحادیه سراسری دامداران نامه‌ای نوشتند.", "اتحادیه سراسری دامداران"),
    // an ordinal, a superlative or an adverb ends the name
    ("دانشگاه صنعتی نخستین همایش را برگزار کرد.", "دانشگاه صنعتی"),
    ("شرکت پخش بیشترین سهم بازار را دارد.", "شرکت پخش"),
    ("پلیس راهور معمولا در این ساعت حاضر است.", "پلیس راهور"),
];

#[test]
fn boundaries() {
    for (input, name) in BOUNDARIES {
        let out = Extractor::new().extract(input);
        let names: Vec<String> = out.organizations.iter().map(|o| canon(&o.name)).collect();
        assert_eq!(names, vec![canon(name)], "{input}");
    }
}

#[test]
fn council_spellings_are_one_body() {
    let input = "شورای اسلامی شهر تبریز جلسه داشت. شورای شهر تبریز بودجه را تصویب کرد.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.organizations.len(), 1, "{:?}", out.organizations);
    assert_eq!(out.organizations[0].mentions.len(), 2);
}
