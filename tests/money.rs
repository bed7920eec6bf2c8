//! Money, percentages, counts and quantities: values, spans and negatives,
//! on sentences written for these tests (and the seed article).

use khabar::{extract, Currency, Extraction, Qualifier};

fn check_spans(input: &str, out: &Extraction) {
    let spans = out
        .money
        .iter()
        .map(|m| &m.span)
        .chain(out.percentages.iter().map(|p| &p.span))
        .chain(out.counts.iter().map(|c| &c.span))
        .chain(out.quantities.iter().map(|q| &q.span));
    for s in spans {
        assert_eq!(input.get(s.start..s.end), Some(s.text.as_str()), "{input}");
    }
}

/// (sentence, amount, currency, rials, max_amount, qualifier, span text)
#[allow(clippy::type_complexity)]
const MONEY: &[(&str, &str, Currency, Option<&str>, Option<&str>, Option<Qualifier>, &str)] = &[
    (
        "ارزش طرح‌ها بالغ بر ۳۰ هزار میلیارد ریال است.",
        "30000000000000",
        Currency::IRR,
        Some("30000000000000"),
        None,
        Some(Qualifier::Over),
        "۳۰ هزار میلیارد ریال",
    ),
    (
        "بودجه سی هزار میلیارد ريال شد.",
        "30000000000000",
        Currency::IRR,
        Some("30000000000000"),
        None,
        None,
        "سی هزار میلیارد ريال",
    ),
    (
        "قیمت آن دو و نیم میلیون تومان است.",
        "2500000",
        Currency::IRT,
        Some("25000000"),
        None,
        None,
        "دو و نیم میلیون تومان",
    ),
    ("صادرات به 5/2 ميليارد دلار رسید.", "5200000000", Currency::USD, None, None, None, "5/2 ميليارد دلار"),
    (
        "هزینه حدود ۲.۵ میلیون یورو برآورد شد.",
        "2500000",
        Currency::EUR,
        None,
        None,
        Some(Qualifier::About),
        "۲.۵ میلیون یورو",
    ),
    (
        "اعتبار ۱۰ تا ۱۲ میلیارد تومان تخصیص یافت.",
        "10000000000",
        Currency::IRT,
        Some("100000000000"),
        Some("12000000000"),
        None,
        "۱۰ تا ۱۲ میلیارد تومان",
    ),
    (
        "نرخ از ۴۰۰۰ ریال تا ۵۰۰۰ ریال متغیر است.",
        "4000",
        Currency::IRR,
        Some("4000"),
        Some("5000"),
        None,
        "۴۰۰۰ ریال تا ۵۰۰۰ ریال",
    ),
    (
        "قیمت بین ۱۷۰ و ۲۱۰ هزار تومان است.",
        "170000",
        Currency::IRT,
        Some("1700000"),
        Some("210000"),
        None,
        "۱۷۰ و ۲۱۰ هزار تومان",
    ),
    (
        "کمک ده‌میلیون‌تومانی پرداخت شد.",
        "10000000",
        Currency::IRT,
        Some("100000000"),
        None,
        None,
        "ده‌میلیون‌تومانی",
    ),
    (
        "وثیقه ۱۰۰ میلیونی تومانی خواستند.",
        "100000000",
        Currency::IRT,
        Some("1000000000"),
        None,
        None,
        "۱۰۰ میلیونی تومانی",
    ),
    (
        "جریمه ۸ میلیون تومانی صادر شد.",
        "8000000",
        Currency::IRT,
        Some("80000000"),
        None,
        None,
        "۸ میلیون تومانی",
    ),
    ("شهرداری ۵ همت بدهی دارد.", "5000000000000", Currency::IRT, Some("50000000000000"), None, None, "۵ همت"),
    (
        "کمتر از ۳ میلیارد ریال هزینه شد.",
        "3000000000",
        Currency::IRR,
        Some("3000000000"),
        None,
        Some(Qualifier::Under),
        "۳ میلیارد ریال",
    ),
    (
        "حداقل ۵۰۰ هزار تومان بپردازید.",
        "500000",
        Currency::IRT,
        Some("5000000"),
        None,
        Some(Qualifier::AtLeast),
        "۵۰۰ هزار تومان",
    ),
    (
        "وام تا ۲۰۰ میلیون تومان افزایش یافت.",
        "200000000",
        Currency::IRT,
        Some("2000000000"),
        None,
        Some(Qualifier::UpTo),
        "۲۰۰ میلیون تومان",
    ),
    ("هر بسته ۵۰ دلار و ۸۲ سنت قیمت دارد.", "50.82", Currency::USD, None, None, None, "۵۰ دلار و ۸۲ سنت"),
    (
        "سرمایه ۱۰۰ میلیون درهم امارات است.",
        "100000000",
        Currency::AED,
        None,
        None,
        None,
        "۱۰۰ میلیون درهم امارات",
    ),
    (
        "بدهی ۳ میلیارد ریال عربستان است.",
        "3000000000",
        Currency::SAR,
        None,
        None,
        None,
        "۳ میلیارد ریال عربستان",
    ),
    (
        "طرحی ۲۶۰۰ میلیاردتومانی تصویب شد.",
        "2600000000000",
        Currency::IRT,
        Some("26000000000000"),
        None,
        None,
        "۲۶۰۰ میلیاردتومانی",
    ),
    (
        "اعتباری معادل ۲۴۶ میلیون و ۵۱۲ هزار و ۳۳۰ هزار ریال تخصیص یافت.",
        "246512330000",
        Currency::IRR,
        Some("246512330000"),
        None,
        None,
        "۲۴۶ میلیون و ۵۱۲ هزار و ۳۳۰ هزار ریال",
    ),
    (
        "مبلغ یک میلیون و دویست هزار روبل پرداخت شد.",
        "1200000",
        Currency::RUB,
        None,
        None,
        None,
        "یک میلیون و دویست هزار روبل",
    ),
];

#[test]
fn money_values_and_spans() {
    for &(input, amount, currency, rials, max, qualifier, span) in MONEY {
        let out = extract(input);
        check_spans(input, &out);
        assert_eq!(out.money.len(), 1, "{input}: {:?}", out.money);
        let m = &out.money[0];
        assert_eq!(m.amount.to_string(), amount, "{input}");
        assert_eq!(m.currency, currency, "{input}");
        assert_eq!(m.rials.map(|r| r.to_string()).as_deref(), rials, "{input}");
        assert_eq!(m.max_amount.map(|r| r.to_string()).as_deref(), max, "{input}");
        assert_eq!(m.qualifier, qualifier, "{input}");
        assert_eq!(m.span.text, span, "{input}");
        assert!(out.counts.is_empty(), "{input}: {:?}", out.counts);
    }
}

#[test]
fn shared_scale_and_lists() {
    let input = "برای مدارس ۲۰ و برای راه‌ها ۳۵ میلیارد تومان اختصاص یافت.";
    let out = extract(input);
    check_spans(input, &out);
    let got: Vec<String> = out.money.iter().map(|m| m.amount.to_string()).collect();
    assert_eq!(got, ["20000000000", "35000000000"]);
    assert!(out.money.iter().all(|m| m.currency == Currency::IRT));
    let input = "سهم سه شهر ۴۸، ۲۰۶ و ۳۱۵ میلیارد ریال است.";
    let got: Vec<String> = extract(input).money.iter().map(|m| m.amount.to_string()).collect();
    assert_eq!(got, ["48000000000", "206000000000", "315000000000"]);
}

#[test]
fn not_money() {
    for input in [
        "ارزش ریالی این طرح‌ها بالا است.",
        "چند میلیارد تومان هزینه شد.",
        "میلیون‌ها تومان از دست رفت.",
        "دلار در بازار گران شد.",
        "۷۰ پروژه افتتاح شد.",
        "صدای مردم از سیاست دوستانه نهادها شنیده شد.",
    ] {
        let out = extract(input);
        assert!(out.money.is_empty(), "{input}: {:?}", out.money);
    }
}

/// (sentence, value, max_value, span)
const PERCENT: &[(&str, &str, Option<&str>, &str)] = &[
    ("نرخ تورم ۱۲٫۵ درصد شد.", "12.5", None, "۱۲٫۵ درصد"),
    ("رشد ۱۰ تا ۱۵ درصد پیش‌بینی شد.", "10", Some("15"), "۱۰ تا ۱۵ درصد"),
    ("سهم بین ۱۰ و ۴۰ درصد است.", "10", Some("40"), "۱۰ و ۴۰ درصد"),
    ("افزایش ۱۰ درصدی قیمت تصویب شد.", "10", None, "۱۰ درصدی"),
    ("پیشرفت ۸۰٪ است.", "80", None, "۸۰٪"),
    ("پیشرفت 45% است.", "45", None, "45%"),
    ("بیست و پنج درصد کار مانده است.", "25", None, "بیست و پنج درصد"),
    ("شاخص ۶ دهم درصد کاهش یافت.", "0.6", None, "۶ دهم درصد"),
    ("رضایتی ۸۷ و سه دهم درصدی ثبت شد.", "87.3", None, "۸۷ و سه دهم درصدی"),
    ("پروژه صددرصد پیشرفت دارد.", "100", None, "صددرصد"),
    ("افزایش پنج‌درصدی حقوق تصویب شد.", "5", None, "پنج‌درصدی"),
    ("پیشرفت ٪۵۰ است.", "50", None, "٪۵۰"),
    ("نیم درصد کاهش یافت.", "0.5", None, "نیم درصد"),
    ("نرخ باید 23-22 درصد باشد.", "22", Some("23"), "23-22 درصد"),
    ("سهم ۸۰درصدش به مردم رسید.", "80", None, "۸۰درصد"),
];

#[test]
fn percentages() {
    for &(input, value, max, span) in PERCENT {
        let out = extract(input);
        check_spans(input, &out);
        assert_eq!(out.percentages.len(), 1, "{input}: {:?}", out.percentages);
        let p = &out.percentages[0];
        assert_eq!(p.value.to_string(), value, "{input}");
        assert_eq!(p.max_value.map(|v| v.to_string()).as_deref(), max, "{input}");
        assert_eq!(p.span.text, span, "{input}");
        assert!(out.counts.is_empty(), "{input}: {:?}", out.counts);
    }
    let out = extract("سهم از ۱۷٫۴ به ۲۹٫۵ درصد رسید.");
    let got: Vec<String> = out.percentages.iter().map(|p| p.value.to_string()).collect();
    assert_eq!(got, ["17.4", "29.5"]);
}

/// (sentence, value, noun)
const COUNTS: &[(&str, u64, &str)] = &[
    ("امسال ۷۰ پروژه عمرانی افتتاح شد.", 70, "پروژه"),
    ("یک‌هزار و 45 نفر ثبت‌نام کردند.", 1045, "نفر"),
    ("هزار واحد مسکونی ساخته شد.", 1000, "واحد"),
    ("۴۰ کلاس درس تجهیز شد.", 40, "کلاس"),
    ("۷ فقره پرونده تشکیل شد.", 7, "فقره"),
    ("۵ دستگاه کامیون توقیف شد.", 5, "دستگاه"),
    ("حدود ۳ هزار و ۴۷۶ نفر ثبت‌نام کردند.", 3476, "نفر"),
    ("۲۶۰۰ فرصت شغلی ایجاد شد.", 2600, "فرصت"),
    ("۱۹ میلیون نفر رأی دادند.", 19_000_000, "نفر"),
    ("صد و هجده مدرسه بازسازی شد.", 118, "مدرسه"),
    ("یک مورد تخلف ثبت شد.", 1, "مورد"),
    ("۱۰ تن از مسئولان حضور داشتند.", 10, "تن"),
    ("در این حادثه ۵ تن کشته شدند.", 5, "تن"),
    ("۲ تن از کشته شدگان کودک بودند.", 2, "تن"),
    ("۱۲ تن از کارکنان بازنشسته شدند.", 12, "تن"),
    ("در سال ۱۴۰۲ تعداد ۱۲ طرح افتتاح شد.", 12, "طرح"),
    ("۲ میلیارد سهم معامله شد.", 2_000_000_000, "سهم"),
    ("۳۰۰ هزار لبنانی بی‌خانمان شدند.", 300_000, "لبنانی"),
];

#[test]
fn counts() {
    for &(input, value, noun) in COUNTS {
        let out = extract(input);
        check_spans(input, &out);
        assert_eq!(out.counts.len(), 1, "{input}: {:?}", out.counts);
        assert_eq!(out.counts[0].value, value, "{input}");
        assert_eq!(out.counts[0].noun, noun, "{input}");
    }
}

#[test]
fn not_counts() {
    for input in [
        "این طرح ۵ سال طول کشید.",
        "۳ ماه و ۱۰ روز گذشت.",
        "جاده ۲۰ کیلومتر طول دارد.",
        "۵۰۰ متر مربع فضای سبز ایجاد شد.",
        "نیروگاه ۱۰ مگاوات برق تولید می‌کند.",
        "فاز پنجم پروژه آغاز شد.",
        "در ۲۴ شهریور افتتاح شد.",
        "تاریخ ۱۴۰۳/۰۵/۱۲ اعلام شد.",
        "شاخص بورس ۲۰۰۰ واحد افزایش یافت.",
        "قیمت ۳ برابر شد.",
        "در منطقه ۷ شهرداری اجرا شد.",
        "سال ۱۴۰۲ پایان یافت.",
        "چند هزار نفر آمدند.",
        "یک روز خوب بود.",
        "نه تنها این بلکه آن.",
        "۱۰ درصد رشد داشت.",
        "۳۰ هزار میلیارد ریال هزینه شد.",
        "صداهای دوستان در سیاست نهاد شنیده شد.",
        "در دهه ۶۰ ساخته شد.",
        "شماره تماس ۱۳۷ آماده پاسخگویی است.",
        "سه چهارم ظرفیت پر شد.",
        "سلاح ۱۰۶ نبود و راه بسته بود.",
        "مردم را پیروز انتخابات ۹۰ دانست.",
        "ساختمان صیاد ۱۵ اصفهان تخریب شد.",
        "اگر همین یک مورد را بیاموزیم کافی است.",
        "سالانه سه هزار میلیارد اختلاس رخ می‌دهد.",
        "اعتبار تا پایان سال مالی ۹۹ هزینه می‌شود.",
    ] {
        let out = extract(input);
        check_spans(input, &out);
        assert!(out.counts.is_empty(), "{input}: {:?}", out.counts);
    }
}

#[test]
fn quantities() {
    for (input, value, unit) in [
        ("وزن آن ۵7 کیلوگرم است.", "57", "کیلوگرم"),
        ("۲۰ کیلومتر راه ساخته شد.", "20", "کیلومتر"),
        ("۵۰۰ متر مربع فضای سبز ایجاد شد.", "500", "متر مربع"),
        ("۱.۵ میلیون متر مکعب آب ذخیره شد.", "1500000", "متر مکعب"),
        ("ظرفیت ۱۰ مگاوات است.", "10", "مگاوات"),
        ("۲۲ تن برنج کشف شد.", "22", "تن"),
        ("سالانه ۱۰ هزار تن از مزارع استان برداشت می‌شد.", "10000", "تن"),
    ] {
        let out = extract(input);
        check_spans(input, &out);
        assert_eq!(out.quantities.len(), 1, "{input}: {:?}", out.quantities);
        assert_eq!(out.quantities[0].value.to_string(), value, "{input}");
        assert_eq!(out.quantities[0].unit, unit, "{input}");
        assert!(out.counts.is_empty(), "{input}: {:?}", out.counts);
    }
}

#[test]
fn seed_article() {
    let input = include_str!("../data/sample/mehr-qom-70-projects.txt");
    let out = extract(input);
    check_spans(input, &out);
    assert!(out.counts.iter().any(|c| c.value == 70 && c.noun == "پروژه"), "{:?}", out.counts);
    let m = out
        .money
        .iter()
        .find(|m| m.amount.to_string() == "30000000000000")
        .expect("30 thousand billion rials");
    assert_eq!(m.currency, Currency::IRR);
    assert_eq!(m.qualifier, Some(Qualifier::Over));
    assert_eq!(m.span.text, "۳۰ هزار میلیارد ریال");
}

#[test]
fn currency_codes_round_trip() {
    for c in Currency::ALL {
        assert_eq!(c.to_string().parse::<Currency>().unwrap(), *c);
        assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{c}\""));
    }
    assert!("XYZ".parse::<Currency>().is_err());
}

#[test]
fn hostile_inputs_do_not_panic() {
    let long = "۹".repeat(300);
    for input in [
        "",
        "٫",
        "۱٫",
        "،،۱،۲",
        "1,2,3,4,5,6,7,8,9,10",
        "هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار تومان",
        long.as_str(),
        "و و و ۵ و و میلیارد",
        "ممیز ممیز ۲ ممیز",
        "سی‌‌ام\u{200c}\u{200c}",
        "۱۰ تا",
        "تا ۱۰",
        "بین ۱۰ و",
        "۵ دلار و",
        "۵ دلار و ۹۹۹ سنت",
        "ﺳﻲ ﻫﺰار ﻣﻴﻠﻴﺎرد ﺭﻳﺎﻝ",
    ] {
        let out = extract(input);
        check_spans(input, &out);
    }
}
