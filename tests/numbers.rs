//! The number grammar: one value, many surface forms; and text with no number.

use khabar::numbers::{number_prefix, ordinal_prefix, parse, parse_ordinal, scan, Form, NumberKind};

/// (value, surface forms that must parse to exactly it).
const CARDINALS: &[(&str, &[&str])] = &[
    ("0", &["صفر", "0", "۰"]),
    ("70", &["هفتاد", "70", "۷۰", "٧٠"]),
    ("118", &["صد و هجده", "صدوهجده", "یکصد و هجده", "صد هجده", "118", "۱۱۸"]),
    ("400", &["چهار صد", "چهارصد", "چهار‌صد", "۴۰۰"]),
    ("500", &["پانصد", "پونصد", "پنج صد"]),
    ("3212", &["سه هزار دویست و دوازده", "سه هزار و دویست و دوازده", "3,212", "۳٬۲۱۲", "۳،۲۱۲"]),
    ("4020", &["چهار هزار و بیست", "چهارهزار و بیست", "4 هزار و 20", "۴ هزار و بیست"]),
    ("1045", &["یک‌هزار و 45", "یک هزار و چهل و پنج", "یکهزار و چهل و پنج", "هزار و چهل و پنج", "1045"]),
    ("12022", &["دوازده هزار بیست دو", "دوازده هزار و بیست و دو", "۱۲ هزار و ۲۲"]),
    ("999999", &["نهصد نود نه هزار نهصد نود نه", "نهصد و نود و نه هزار و نهصد و نود و نه", "999,999"]),
    ("2500", &["2 هزار و 500", "دو هزار و پانصد", "دو و نیم هزار", "۲.۵ هزار"]),
    (
        "1200000",
        &["یک میلیون و دویست هزار", "1.2 میلیون", "۱/۲ میلیون", "۱٫۲ میلیون", "1,200,000", "1.200.000"],
    ),
    (
        "2500000",
        &[
            "۲.۵ میلیون",
            "دو و نیم میلیون",
            "دو میلیون و پانصد هزار",
            "2/5 میلیون",
            "دو ممیز پنج میلیون",
            "۲ و نیم میلیون",
        ],
    ),
    ("1500000", &["یک میلیون و نیم", "یک و نیم میلیون", "1.5 ميليون"]),
    ("500000", &["نیم میلیون", "پانصد هزار", "500 هزار"]),
    ("2500000000", &["دو میلیارد و پانصد میلیون", "۲٫۵ میلیارد", "2.5 ملیارد"]),
    ("5200000000", &["5/2 میلیارد", "۵/۲ میلیارد", "پنج ممیز دو میلیارد"]),
    ("30000000000000", &["سی هزار میلیارد", "۳۰ هزار میلیارد", "30 هزار ميليارد", "30000000000000"]),
    ("1000000000000", &["هزار میلیارد", "یک هزار میلیارد", "یک تریلیون"]),
    ("3500000000000", &["سه هزار و پانصد میلیارد", "۳ هزار و ۵۰۰ میلیارد", "3.5 هزار میلیارد"]),
    ("1000", &["هزار", "یک هزار", "یکهزار", "1000", "۱,۰۰۰"]),
    ("57", &["۵7", "5۷", "٥7", "پنجاه و هفت", "پنجاه هفت"]),
    ("12.5", &["۱۲٫۵", "12.5", "۱۲/۵", "دوازده ممیز پنج", "دوازده و نیم"]),
    ("0.05", &["صفر ممیز صفر پنج", "0.05"]),
    ("350", &["سیصدوپنجاه", "سیصد و پنجاه", "سیصد‌و‌پنجاه"]),
    ("21", &["بیست و یک", "بیست‌و‌یک", "بیست یک"]),
];

/// (value, ordinal forms).
const ORDINALS: &[(u64, &[&str])] = &[
    (1, &["اول", "اولین", "نخست", "نخستین", "یکم", "یکمین"]),
    (2, &["دوم", "دومین"]),
    (3, &["سوم", "سومین"]),
    (5, &["پنجم", "پنجمین", "۵ام", "5 ام"]),
    (9, &["نهم", "نهمین"]),
    (12, &["دوازدهم", "دوازدهمین"]),
    (21, &["بیست و یکم", "بیست و یکمین", "بیست‌و‌یکم"]),
    (30, &["سی ام", "سی‌ام", "سی‌امین", "سیام"]),
    (100, &["صدم", "صدمین"]),
    (125, &["صد و بیست و پنجمین"]),
    (1000, &["هزارم", "هزارمین"]),
];

/// Words holding number words, and other text that is no number.
const NOT_NUMBERS: &[&str] = &[
    "صدا",
    "صدور",
    "صدها",
    "هزاران",
    "سیاست",
    "دوست",
    "نهاد",
    "هشتگ",
    "سیم",
    "سهم",
    "دوده",
    "دهه",
    "یکسان",
    "سیستم",
    "صدر",
    "هفتگی",
    "پنجره",
    "سیر",
    "دهان",
    "میلیونها",
    "میلیون‌ها",
    "ده‌ها",
    "سه‌شنبه",
    "پنجشنبه",
    "نهضت",
    "هشتاگون",
    "1403/05/12",
    "۱۴۰۳/۰۵/۱۲",
    "1403-05-12",
    "10:30",
    "1.2.3",
    "F16",
    "و",
    "",
    "  ",
];

#[test]
fn cardinals() {
    for (value, forms) in CARDINALS {
        for form in *forms {
            let n = parse(form).unwrap_or_else(|| panic!("no number in {form:?}"));
            assert_eq!(n.value.to_string(), *value, "{form:?}");
            assert_eq!(n.kind, NumberKind::Cardinal, "{form:?}");
        }
    }
}

#[test]
fn ordinals() {
    for (value, forms) in ORDINALS {
        for form in *forms {
            assert_eq!(parse_ordinal(form), Some(*value), "{form:?}");
            let n = parse(form).unwrap_or_else(|| panic!("{form:?}"));
            assert_eq!(n.kind, NumberKind::Ordinal, "{form:?}");
        }
    }
    for cardinal in ["پنج", "۵", "هزار", "سی"] {
        assert_eq!(parse_ordinal(cardinal), None, "{cardinal}");
    }
    assert_eq!(ordinal_prefix("پنجم خضر نبی"), Some((5, "پنجم".len())));
    assert_eq!(ordinal_prefix("بیست و یکمین جشنواره"), Some((21, "بیست و یکمین".len())));
    assert_eq!(ordinal_prefix("پنج پروژه"), None);
}

#[test]
fn not_numbers() {
    for text in NOT_NUMBERS {
        assert_eq!(parse(text), None, "{text:?}");
        assert!(scan(text).is_empty(), "{text:?}: {:?}", scan(text));
    }
    // Two numbers side by side are not one number.
    assert_eq!(parse("بیست بیست"), None);
    assert_eq!(scan("بیست بیست").len(), 2);
    // Words containing number words in running text.
    let text = "صدای مردم در سیاست دوستانه نهادهای هشتگ‌ها و صدور مجوز شنیده شد.";
    assert!(scan(text).is_empty(), "{:?}", scan(text));
}

#[test]
fn huge_numbers_do_not_panic() {
    assert_eq!(parse("340282366920938463463374607431768211456"), None);
    assert!(parse("هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار هزار").is_none());
    let big = "9".repeat(500);
    assert_eq!(parse(&big), None);
    assert!(scan(&format!("{big} میلیارد")).is_empty());
}

#[test]
fn scan_finds_ranges_and_values() {
    let text = "امسال ۷۰ پروژه با بالغ بر ۳۰ هزار میلیارد ریال و ۱۲٫۵ درصد پیشرفت در ۲۴ شهریور افتتاح شد.";
    let found = scan(text);
    let got: Vec<(&str, String)> =
        found.iter().map(|m| (&text[m.start..m.end], m.number.value.to_string())).collect();
    assert_eq!(
        got,
        vec![
            ("۷۰", "70".to_string()),
            ("۳۰ هزار میلیارد", "30000000000000".to_string()),
            ("۱۲٫۵", "12.5".to_string()),
            ("۲۴", "24".to_string()),
        ]
    );
    assert_eq!(found[1].number.form, Form::Mixed);
    assert_eq!(found[0].number.form, Form::Digits);
    assert_eq!(found[1].trailing_scale, Some(12));
    assert_eq!(found[0].trailing_scale, None);
}

#[test]
fn separate_numbers_stay_separate() {
    let text = "۱۰ ۲۰ و ۳۰";
    let found = scan(text);
    assert_eq!(found.len(), 3, "{found:?}");
    let text = "بین ۱۰ و ۲۰ میلیارد";
    let found = scan(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].number.value.to_string(), "20000000000");
    let (n, len) = number_prefix("یک‌هزار و 45 نفر").unwrap();
    assert_eq!(n.value.to_string(), "1045");
    assert_eq!(len, "یک‌هزار و 45".len());
}
