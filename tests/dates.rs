//! Dates: one value, many surface forms; and a negative corpus that must
//! yield no date. All sentences are written for these tests.

use khabar::{Calendar, DateMention, Relative, Weekday};

fn dates(input: &str) -> Vec<DateMention> {
    let out = khabar::extract(input);
    for d in &out.dates {
        assert_eq!(&input[d.span.start..d.span.end], d.span.text, "span of {input}");
    }
    out.dates
}

/// The only date of `input`.
fn one(input: &str) -> DateMention {
    let d = dates(input);
    assert_eq!(d.len(), 1, "{input}: {d:#?}");
    d.into_iter().next().unwrap()
}

type Ymd = (Option<Calendar>, Option<i32>, Option<u8>, Option<u8>);

fn ymd(d: &DateMention) -> Ymd {
    (d.calendar, d.year, d.month, d.day)
}

const J: Option<Calendar> = Some(Calendar::Jalali);
const G: Option<Calendar> = Some(Calendar::Gregorian);
const H: Option<Calendar> = Some(Calendar::Hijri);

#[test]
fn full_jalali_date_many_spellings() {
    // 12 Mordad 1403 = 2024-08-02.
    let forms = [
        "جلسه در ۱۲ مرداد ۱۴۰۳ برگزار شد.",
        "جلسه در 12 مرداد 1403 برگزار شد.",
        "جلسه در ۱۲ مردادماه ۱۴۰۳ برگزار شد.",
        "جلسه در ۱۲ مرداد ماه ۱۴۰۳ برگزار شد.",
        "جلسه در ۱۲ مرداد‌ماه سال ۱۴۰۳ برگزار شد.",
        "جلسه در ١٢ مرداد ١٤٠٣ برگزار شد.",
        "جلسه در ۱۲مرداد ۱۴۰۳ برگزار شد.",
        "جلسه در دوازدهم مرداد ۱۴۰۳ برگزار شد.",
        "جلسه در ۱۲ امرداد ۱۴۰۳ برگزار شد.",
        "جلسه در 1403/05/12 برگزار شد.",
        "جلسه در ۱۴۰۳/۵/۱۲ برگزار شد.",
        "جلسه در ۱۴۰۳-۰۵-۱۲ برگزار شد.",
        "جلسه در ۱۴۰۳.۰۵.۱۲ برگزار شد.",
        "جلسه در ۱۲/۰۵/۱۴۰۳ برگزار شد.",
        "جلسه در 12 مرداد 1403 هجری شمسی برگزار شد.",
        "جلسه در ۱۲ مرداد ۱۴۰۳ ه.ش برگزار شد.",
        "جلسه روز جمعه، ۱۲ مرداد ۱۴۰۳ برگزار شد.",
        "جلسه جمعه ۱۲ مرداد ۱۴۰۳ ساعت ۱۰ برگزار شد.",
    ];
    for f in forms {
        let d = one(f);
        assert_eq!(ymd(&d), (J, Some(1403), Some(5), Some(12)), "{f}");
        assert_eq!(d.gregorian.map(|g| g.to_string()).as_deref(), Some("2024-08-02"), "{f}");
    }
}

#[test]
fn day_and_month_without_year() {
    let table: [(&str, u8, u8); 11] = [
        ("مراسم پنج مهر برگزار می‌شود.", 7, 5),
        ("مراسم ۲۴ شهریورماه برگزار می‌شود.", 6, 24),
        ("مراسم ۲۴ شهریور برگزار می‌شود.", 6, 24),
        ("مراسم بیست و چهارم شهریور برگزار می‌شود.", 6, 24),
        ("مراسم ۱۵ تیر برگزار می‌شود.", 4, 15),
        ("مراسم اول مهر برگزار می‌شود.", 7, 1),
        ("مراسم یکم فروردین برگزار می‌شود.", 1, 1),
        ("مراسم ۳۰ اسفند برگزار می‌شود.", 12, 30),
        ("مراسم ۵ اردی‌بهشت برگزار می‌شود.", 2, 5),
        ("مراسم ۵ اردی بهشت برگزار می‌شود.", 2, 5),
        ("مراسم ۲۲ بهمن‌ماه برگزار می‌شود.", 11, 22),
    ];
    for (f, m, d) in table {
        let x = one(f);
        assert_eq!(ymd(&x), (J, None, Some(m), Some(d)), "{f}");
        assert_eq!(x.gregorian, None);
    }
}

#[test]
fn ranges_are_one_record() {
    let x = one("نمایشگاه از ۴ تا ۱۱ مهرماه دایر است.");
    assert_eq!(ymd(&x), (J, None, Some(7), Some(4)));
    assert_eq!(x.span.text, "۴ تا ۱۱ مهرماه");
    let x = one("ثبت‌نام از ۲۸ مرداد ۱۴۰۲ تا ۱۵ شهریور ۱۴۰۲ ادامه دارد.");
    assert_eq!(ymd(&x), (J, Some(1402), Some(5), Some(28)));
    assert_eq!(x.span.text, "۲۸ مرداد ۱۴۰۲ تا ۱۵ شهریور ۱۴۰۲");
    let x = one("این طرح در سال‌های ۹۸ و ۹۹ اجرا شد.");
    assert_eq!(ymd(&x), (J, Some(1398), None, None));
    let x = one("این طرح در سال‌های ۲۰۱۴ تا ۲۰۱۷ اجرا شد.");
    assert_eq!(ymd(&x), (G, Some(2014), None, None));
}

#[test]
fn years() {
    let table: [(&str, Ymd); 10] = [
        ("این پروژه در سال ۹۹ آغاز شد.", (J, Some(1399), None, None)),
        ("این پروژه در سال 99 آغاز شد.", (J, Some(1399), None, None)),
        ("این پروژه در سال ۱۴۰۲ آغاز شد.", (J, Some(1402), None, None)),
        ("این پروژه در سال ۱۳۹۸ آغاز شد.", (J, Some(1398), None, None)),
        ("این پروژه در سال ۰۲ آغاز شد.", (J, Some(1402), None, None)),
        ("این پروژه در سال ۲۰۲۳ میلادی آغاز شد.", (G, Some(2023), None, None)),
        ("این پروژه در سال ۲۰۲۳ آغاز شد.", (G, Some(2023), None, None)),
        ("این پروژه در ۲۰۲۳ میلادی آغاز شد.", (G, Some(2023), None, None)),
        ("این بنا در سال ۱۳۰۰ هجری قمری ساخته شد.", (H, Some(1300), None, None)),
        ("بودجه سال مالی ۱۴۰۲ تصویب شد.", (J, Some(1402), None, None)),
    ];
    for (f, want) in table {
        assert_eq!(ymd(&one(f)), want, "{f}");
    }
}

#[test]
fn gregorian_and_hijri_months() {
    let table: [(&str, Ymd); 8] = [
        ("نشست در ۹ دسامبر ۲۰۲۳ برگزار شد.", (G, Some(2023), Some(12), Some(9))),
        ("نشست در ۱۵ ژانویه برگزار شد.", (G, None, Some(1), Some(15))),
        ("نشست در ماه ژوئن برگزار شد.", (G, None, Some(6), None)),
        ("نشست در سپتامبر ۲۰۲۱ برگزار شد.", (G, Some(2021), Some(9), None)),
        ("نشست در ۹ مه ۲۰۲۲ برگزار شد.", (G, Some(2022), Some(5), Some(9))),
        ("مراسم در ماه مبارک رمضان برگزار شد.", (H, None, Some(9), None)),
        ("مراسم در ۱۰ محرم برگزار شد.", (H, None, Some(1), Some(10))),
        ("مراسم در ۱۳ رجب ۱۴۴۵ قمری برگزار شد.", (H, Some(1445), Some(7), Some(13))),
    ];
    for (f, want) in table {
        assert_eq!(ymd(&one(f)), want, "{f}");
    }
    let d = one("نشست در ۹ دسامبر ۲۰۲۳ برگزار شد.");
    assert_eq!(d.gregorian.map(|g| g.to_string()).as_deref(), Some("2023-12-09"));
}

#[test]
fn weekdays() {
    let table: [(&str, Weekday, &str); 9] = [
        ("وی صبح سه شنبه گفت", Weekday::Tuesday, "صبح سه شنبه"),
        ("وی صبح سه‌شنبه گفت", Weekday::Tuesday, "صبح سه‌شنبه"),
        ("وی روز سهشنبه گفت", Weekday::Tuesday, "روز سهشنبه"),
        ("وی یکشنبه گفت", Weekday::Sunday, "یکشنبه"),
        ("وی یک‌شنبه گفت", Weekday::Sunday, "یک‌شنبه"),
        ("وی روز پنج‌شنبه گفت", Weekday::Thursday, "روز پنج‌شنبه"),
        ("وی عصر پنجشنبه گفت", Weekday::Thursday, "عصر پنجشنبه"),
        ("وی شنبه گفت", Weekday::Saturday, "شنبه"),
        ("وی روز جمعه گفت", Weekday::Friday, "روز جمعه"),
    ];
    for (f, wd, text) in table {
        let d = one(f);
        assert_eq!(d.weekday, Some(wd), "{f}");
        assert_eq!(d.span.text, text, "{f}");
    }
    let d = one("این جلسه سه‌شنبه ۲۴ شهریور برگزار شد.");
    assert_eq!((d.weekday, d.month, d.day), (Some(Weekday::Tuesday), Some(6), Some(24)));
    let d = one("نشست بعدی شنبه ۲۸ خردادماه ۸۴ خواهد بود.");
    assert_eq!(ymd(&d), (J, Some(1384), Some(3), Some(28)));
    assert_eq!(d.gregorian.map(|g| g.weekday()), Some(Weekday::Saturday));
}

#[test]
fn relative_expressions() {
    let table: [(&str, Relative); 30] = [
        ("امروز", Relative::Today),
        ("صبح امروز", Relative::Today),
        ("امروز صبح", Relative::Today),
        ("پیش از ظهر امروز", Relative::Today),
        ("دیروز", Relative::Yesterday),
        ("روز گذشته", Relative::Yesterday),
        ("دیشب", Relative::Yesterday),
        ("فردا", Relative::Tomorrow),
        ("پریروز", Relative::DayBeforeYesterday),
        ("پس‌فردا", Relative::DayAfterTomorrow),
        ("امسال", Relative::ThisYear),
        ("سال جاری", Relative::ThisYear),
        ("سال‌جاری", Relative::ThisYear),
        ("سالجاری", Relative::ThisYear),
        ("پایان سال جاری", Relative::ThisYear),
        ("سال گذشته", Relative::LastYear),
        ("پارسال", Relative::LastYear),
        ("سال قبل", Relative::LastYear),
        ("سال آینده", Relative::NextYear),
        ("نیمه اول سال آینده", Relative::NextYear),
        ("این هفته", Relative::ThisWeek),
        ("هفته جاری", Relative::ThisWeek),
        ("هفته گذشته", Relative::LastWeek),
        ("یک هفته گذشته", Relative::LastWeek),
        ("هفته آینده", Relative::NextWeek),
        ("ماه آینده", Relative::NextMonth),
        ("ماه گذشته", Relative::LastMonth),
        ("ماه جاری", Relative::ThisMonth),
        ("سه سال پیش", Relative::Past),
        ("دو هفته دیگر", Relative::Future),
    ];
    for (expr, rel) in table {
        let input = format!("این کار {expr} انجام شد.");
        let d = one(&input);
        assert_eq!(d.relative, Some(rel), "{expr}");
        assert_eq!(d.span.text, expr, "{expr}");
    }
    let d = one("این کار امروز چهارشنبه انجام شد.");
    assert_eq!((d.relative, d.weekday), (Some(Relative::Today), Some(Weekday::Wednesday)));
    let d = one("این کار پایان شهریور ماه سال جاری انجام می‌شود.");
    assert_eq!((d.month, d.relative), (Some(6), Some(Relative::ThisYear)));
    let d = one("این کار ۹ ماهه نخست سال جاری انجام شد.");
    assert_eq!(d.relative, Some(Relative::ThisYear));
}

#[test]
fn negative_corpus() {
    // Numbers that are counts, money, measures, invalid dates; words that
    // merely look like month or day names.
    let none = [
        "۱۴۰۰ نفر در این مراسم شرکت کردند.",
        "بودجه ۱۷۰۰ میلیارد تومان است.",
        "قیمت هر کیلو ۱۴۰۰ تومان شد.",
        "به گزارش خبرگزاری مهر، این طرح اجرا شد.",
        "او با تیر به هدف زد.",
        "سی دی این فیلم منتشر شد.",
        "آقای بهمن محمدی مدیر این طرح است.",
        "خانم آذر کریمی سخنرانی کرد.",
        "نماز جمعه این هفته برگزار نمی‌شود و امام جمعه سخنرانی نکرد.",
        "مردم در نماز عبادی ـ سیاسی جمعه شرکت کردند.",
        "دمای هوا به صفر رسید.",
        "این کار را می کنیم.",
        "مه غلیظ جاده را فرا گرفت.",
        "۳۵ مهر ماه",
        "۳۲ فروردین",
        "1403/13/05 شماره پرونده است.",
        "1403/07/31 شماره پرونده است.",
        "نسبت 5/2 است.",
        "جمعیت 1.200.000 نفر است.",
        "امروزه همه از این فناوری استفاده می‌کنند.",
        "۵ سال زندان برای او بریده شد.",
        "اسناد محرمانه منتشر شد.",
        "۱۲۰ میلیون تومان هزینه شد.",
        "تا پایان سال ۱۰ کیلومتر از جاده ساخته می‌شود.",
        "در سال‌های اخیر این روند ادامه داشته است.",
        "چند سال پیش این پل ساخته شد.",
        "ترافیک میدان ۱۵ خرداد سنگین است.",
        "بیمارستان ۲۲ بهمن بازسازی شد.",
        "دو ماه بعد از افتتاح، پل بسته شد.",
        "سی دی این آلبوم منتشر شد.",
        "",
        "   ",
    ];
    for s in none {
        let d = dates(s);
        let texts: Vec<&str> = d.iter().map(|d| d.span.text.as_str()).collect();
        let unexpected: Vec<&str> =
            texts.iter().copied().filter(|t| !t.contains("هفته") && !t.contains("پایان سال")).collect();
        assert!(unexpected.is_empty(), "{s}: {texts:?}");
    }
    // The one date in the prayer sentence is این هفته.
    let d = dates("نماز جمعه این هفته برگزار نمی‌شود و امام جمعه سخنرانی نکرد.");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].relative, Some(Relative::ThisWeek));
}

#[test]
fn seed_article() {
    let input = include_str!("../data/sample/mehr-qom-70-projects.txt");
    let d = dates(input);
    assert!(d.iter().any(|d| d.span.text == "صبح سه شنبه" && d.weekday == Some(Weekday::Tuesday)));
    assert!(d.iter().any(|d| d.span.text == "امسال" && d.relative == Some(Relative::ThisYear)));
}

#[test]
fn json_shape() {
    let d = one("جلسه در ۱۵ تیر ۱۴۰۳ برگزار شد.");
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["calendar"], "jalali");
    assert_eq!(v["year"], 1403);
    assert_eq!(v["month"], 4);
    assert_eq!(v["day"], 15);
    assert_eq!(v["gregorian"], "2024-07-05");
    assert!(v["weekday"].is_null());
    assert!(v["relative"].is_null());
    let back: DateMention = serde_json::from_value(v).unwrap();
    assert_eq!(back, d);
}

#[test]
fn hostile_input_never_panics() {
    let nasty = [
        "۱۴۰۳/",
        "/۱۴۰۳/۰۵/",
        "سال",
        "سال های",
        "از تا",
        "۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹ مهر",
        "روز روز روز",
        "نیمه اول نیمه اول نیمه اول",
        "\u{200c}\u{200c}سه\u{200c}\u{200c}شنبه",
        "12 ۱۲ ١٢ مهر",
        "سال ( ۱۴۰۰",
    ];
    for s in nasty {
        let _ = dates(s);
    }
}

mod fuzz {
    use proptest::prelude::*;

    /// Pieces that the date grammar reacts to, glued at random.
    const PIECES: [&str; 32] = [
        "سال",
        "های",
        "ماه",
        "۱۴۰۳",
        "99",
        "۱۲",
        "/",
        "-",
        ".",
        "مهر",
        "دی",
        "اسفند",
        "شهریورماه",
        "سه",
        "شنبه",
        "\u{200c}",
        " ",
        "تا",
        "و",
        "امروز",
        "صبح",
        "گذشته",
        "پیش",
        "۳۱",
        "۰",
        "(",
        ")",
        "میلادی",
        "ژانویه",
        "صفر",
        "نیمه اول",
        "ده",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn spans_are_slices_and_nothing_panics(idx in proptest::collection::vec(0usize..PIECES.len(), 0..24)) {
            let s: String = idx.iter().map(|&i| PIECES[i]).collect();
            let out = khabar::extract(&s);
            for d in &out.dates {
                prop_assert_eq!(s.get(d.span.start..d.span.end), Some(d.span.text.as_str()));
                if let (Some(m), Some(day)) = (d.month, d.day) {
                    prop_assert!((1..=12).contains(&m) && (1..=31).contains(&day));
                }
            }
        }
    }
}

#[test]
fn years_in_words() {
    let cases: [(&str, &str, Ymd); 4] = [
        ("این طرح تا پایان سال هشتاد و هفت تمام شد.", "پایان سال هشتاد و هفت", (J, Some(1387), None, None)),
        ("این طرح در سال نود و نه تمام شد.", "سال نود و نه", (J, Some(1399), None, None)),
        (
            "کارخانه در سال یک هزار و سیصد و نود ساخته شد.",
            "سال یک هزار و سیصد و نود",
            (J, Some(1390), None, None),
        ),
        (
            "این قانون در سال دو هزار و بیست و سه میلادی تصویب شد.",
            "سال دو هزار و بیست و سه میلادی",
            (G, Some(2023), None, None),
        ),
    ];
    for (input, text, want) in cases {
        let d = one(input);
        assert_eq!(d.span.text, text, "{input}");
        assert_eq!(ymd(&d), want, "{input}");
    }
    // Ordinals, small numbers and amounts after سال are not years.
    for input in [
        "در سال بیست و یکم انقلاب جشنی برپا شد.",
        "این کار در سال دو برابر شد.",
        "بودجه سال هشتاد و هفت میلیارد تومان افزایش یافت.",
    ] {
        assert!(dates(input).iter().all(|d| d.year.is_none()), "{input}: {:#?}", dates(input));
    }
}
