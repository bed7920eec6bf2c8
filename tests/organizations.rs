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
    ("بانک ملت به متقاضیان وام داد.", "بانک ملت", OrgKind::Bank),
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
    ("دولت قطر این پیشنهاد را پذیرفت.", "دولت قطر", OrgKind::Government),
    ("دادستانی شیراز کیفرخواست را صادر کرد.", "دادستانی شیراز", OrgKind::Court),
    ("یونسکو این بنا را ثبت جهانی کرد.", "یونسکو", OrgKind::Organization),
    ("صدا و سیما این برنامه را پخش کرد.", "صدا و سیما", OrgKind::Organization),
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

/// (input, the only body expected): long names with «و», lists and run-ons.
const LONG_NAMES: &[(&str, &str)] = &[
    (
        "رئیس بنیاد شهید و امور ایثارگران خوزستان گفت که کار ادامه دارد.",
        "بنیاد شهید و امور ایثارگران خوزستان",
    ),
    ("سهام هلدینگ نفت و گاز و پتروشیمی تامین رشد کرد.", "هلدینگ نفت و گاز و پتروشیمی تامین"),
    ("دانشگاه شهید بهشتی نتایج را اعلام کرد.", "دانشگاه شهید بهشتی"),
    // a list with «و غیره» is not part of the name
    ("کارکنان شرکت گاز، نوسازی و غیره در جلسه حاضر بودند.", "شرکت گاز"),
    // an adverb after «و» starts a new clause
    ("دفتر خدمات روستایی و همزمان مدرسه‌ها تعطیل شدند.", "دفتر خدمات روستایی"),
    // a role noun after «و», a compound verb's noun or a day ends the name
    ("سازمان میراث فرهنگی و کارشناس صنایع‌دستی گفتند.", "سازمان میراث فرهنگی"),
    ("شورای سلامت و پدافند غیرعامل چهاردهم بهمن‌ماه تشکیل جلسه داد.", "شورای سلامت و پدافند غیرعامل"),
    ("دادگاه انقلاب اسلامی واقع در خیابان معلم حکم را صادر کرد.", "دادگاه انقلاب اسلامی"),
    ("خبرگزاری مهر این خبر را منتشر کرد.", "خبرگزاری مهر"),
    ("سازمان ملل و کشورهای عضو این بیانیه را دادند.", "سازمان ملل"),
    ("سازمان فنی و حرفه‌ای دوره‌ها را برگزار کرد.", "سازمان فنی و حرفه‌ای"),
    ("شرکت آسان‌ساز خودرو و عدم پرداخت وام بحث شد.", "شرکت آسان‌ساز خودرو"),
    ("شرکت بیمه نظام آسایش متعلق به بخش خصوصی است.", "شرکت بیمه نظام آسایش"),
    // a plural with its ezafe goes on inside the name
    ("اتحادیه باشگاه‌های ورزشی کشور بیانیه داد.", "اتحادیه باشگاه‌های ورزشی کشور"),
    ("شرکت توسعه کشت دانه‌های روغنی گیلان خرید را آغاز کرد.", "شرکت توسعه کشت دانه‌های روغنی گیلان"),
    // but not after an adjective, nor the class noun وزارتخانه‌ها
    ("سازمان امور مالیاتی واقعیت‌های اقتصادی را نمی‌بیند.", "سازمان امور مالیاتی"),
    // a past stem closing the clause is the verb
    ("پس از آن به تحصیل در حوزه علمیه قم پرداخت.", "حوزه علمیه قم"),
    ("سپس نماینده فدراسیون فوتبال آمد.", "فدراسیون فوتبال"),
    // a deputy office is reported as its body
    ("معاونت فنی و عمرانی شهرداری ارومیه این کار را انجام داد.", "شهرداری ارومیه"),
];

#[test]
fn long_names() {
    for (input, name) in LONG_NAMES {
        let out = Extractor::new().extract(input);
        let names: Vec<String> = out.organizations.iter().map(|o| canon(&o.name)).collect();
        assert_eq!(names, vec![canon(name)], "{input}");
        for o in &out.organizations {
            for m in &o.mentions {
                assert_eq!(&input[m.start..m.end], m.text);
            }
        }
    }
}

/// A head after a count or an ordinal is a class of bodies, not a name; a
/// generic owner (صندوق دولت) is none either.
const CLASS_NOUNS: &[&str] = &[
    "تاکنون 14 صندوق حمایت از توسعه کشاورزی تشکیل شده است.",
    "نخستین بانک توسعه روستایی در سال گذشته آغاز به کار کرد.",
    "دو سازمان مردم نهاد در این طرح مشارکت کردند.",
    "از این تعداد ۲ هزار شرکت توسط شهرداری‌ها تأیید شدند.",
    "صدها شرکت خدماتی در این نمایشگاه حضور داشتند.",
    "دولت باید به این مشکل رسیدگی کند.",
    "جریمه به صندوق دولت واریز شد.",
    "سود به حساب شرکت سرمایه‌گذاری استان مربوطه واریز می‌شود.",
];

#[test]
fn class_nouns_are_not_bodies() {
    for input in CLASS_NOUNS {
        let out = Extractor::new().extract(input);
        assert!(out.organizations.is_empty(), "{input}: {:?}", out.organizations);
    }
    // a number naming a branch or a year is no count
    for (input, name) in [
        ("شورا در تاریخ 1387/2/17 شهرداری تهران را ملزم به تهیه گزارش کرد.", "شهرداری تهران"),
        ("پروژه‌های نیمه تمام بنیاد مسکن شهرستان دنا افتتاح شد.", "بنیاد مسکن شهرستان دنا"),
        ("بانک ملت به متقاضیان وام داد.", "بانک ملت"),
    ] {
        let out = Extractor::new().extract(input);
        assert!(
            out.organizations.iter().any(|o| canon(&o.name) == canon(name)),
            "{input}: {:?}",
            out.organizations
        );
    }
    let out = Extractor::new().extract("شعبه 2 دادگاه انقلاب حکم را صادر کرد.");
    assert!(
        out.organizations.iter().any(|o| canon(&o.name) == canon("دادگاه انقلاب")),
        "{:?}",
        out.organizations
    );
}

#[test]
fn acronym_is_a_mention_of_the_full_name() {
    let input = "سازمان صنعت، معدن و تجارت طرح را بررسی کرد و سازمان صمت نیز نظر داد.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.organizations.len(), 1, "{:?}", out.organizations);
    assert_eq!(out.organizations[0].mentions.len(), 2);
    // initials that do not fit keep the bodies apart
    let input = "سازمان صنعت، معدن و تجارت طرح را بررسی کرد و سازمان سما نیز نظر داد.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.organizations.len(), 2, "{:?}", out.organizations);
}

#[test]
fn exchange_by_its_city_is_one_body() {
    let input = "شاخص بورس اوراق بهادار تهران بالا رفت. در بورس تهران ۲ میلیارد سهم معامله شد.";
    let out = Extractor::new().extract(input);
    assert_eq!(out.organizations.len(), 1, "{:?}", out.organizations);
    assert_eq!(canon(&out.organizations[0].name), canon("بورس اوراق بهادار تهران"));
    assert_eq!(out.organizations[0].mentions.len(), 2);
}
