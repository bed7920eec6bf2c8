//! The normalizer: every row of SPEC.md section 1, numbers kept intact, ZWNJ
//! repair (and what it must leave alone), the offset map, the data files,
//! and properties that hold for every input.

use khabar::{normalize, DigitTarget, Normalizer, Span};
use proptest::prelude::*;

const Z: char = '\u{200C}';

/// Shows ZWNJ as `|` in failure messages.
fn show(s: &str) -> String {
    s.replace(Z, "|")
}

/// Asserts that every `(input, expected)` normalizes (default options) to
/// the expected text.
fn check(rows: &[(&str, &str)]) {
    for &(input, want) in rows {
        let got = normalize(input);
        assert_eq!(show(got.as_str()), show(want), "input {:?}", show(input));
    }
}

/// The char pass only (no ZWNJ repair), then without ZWNJ and spaces: what
/// two spellings of one word have in common.
fn fold(s: &str) -> String {
    let n = Normalizer::builder().repair_zwnj(false).build();
    n.normalize(s).as_str().chars().filter(|&c| c != Z && c != ' ' && c != '\n').collect()
}

// ---------------------------------------------------------------------------
// SPEC.md section 1, row by row

#[test]
fn zwnj_stripped_entirely() {
    check(&[
        ("پروژهها", "پروژه‌ها"),
        ("میشود", "می‌شود"),
        ("بینالملل", "بین‌الملل"),
        ("سرمایهگذاری", "سرمایه‌گذاری"),
        ("نمیتوانند", "نمی‌توانند"),
        ("طرحهای عمرانی", "طرح‌های عمرانی"),
        ("شدهاند", "شده‌اند"),
        ("گستردهتری", "گسترده‌تری"),
        ("نشاندهنده", "نشان‌دهنده"),
        ("تعیینکننده", "تعیین‌کننده"),
        ("بهرهگیری", "بهره‌گیری"),
        ("همافزایی", "هم‌افزایی"),
        ("آیتالله", "آیت‌الله"),
        ("حملونقل", "حمل‌ونقل"),
        ("آیندهنگرانه", "آینده‌نگرانه"),
        ("پیادهراه", "پیاده‌راه"),
        ("کلنگزنی", "کلنگ‌زنی"),
        ("سرمایهگذاریها", "سرمایه‌گذاری‌ها"),
        ("میتوانستهاند", "می‌توانسته‌اند"),
        ("خانهای", "خانه‌ای"),
    ]);
}

#[test]
fn zwnj_replaced_by_a_space() {
    check(&[
        ("می شود", "می‌شود"),
        ("نمی کند", "نمی‌کند"),
        ("سال ها", "سال‌ها"),
        ("پروژه های جدید", "پروژه‌های جدید"),
        ("شده اند", "شده‌اند"),
        ("سرمایه گذاری", "سرمایه‌گذاری"),
        ("سرمایه گذاری ها", "سرمایه‌گذاری‌ها"),
        ("مهم ترین", "مهم‌ترین"),
    ]);
}

#[test]
fn zwnj_misplaced() {
    check(&[
        // Doubled.
        ("شهرداری\u{200C}\u{200C}ها", "شهرداری‌ها"),
        // Beside a space, at the ends, after punctuation.
        ("یک\u{200C} سال", "یک سال"),
        ("یک \u{200C}سال", "یک سال"),
        ("\u{200C}سال\u{200C}", "سال"),
        ("سال،\u{200C}ماه", "سال،ماه"),
        // After a non-joining letter: invisible, dropped.
        ("کنارگذر\u{200C}ها", "کنارگذرها"),
        ("آزاد\u{200C}سازی", "آزادسازی"),
    ]);
}

#[test]
fn lrm_rlm_used_as_zwnj() {
    check(&[
        ("خیابان\u{200E}ها", "خیابان‌ها"),
        ("می\u{200F}شود", "می‌شود"),
        ("می\u{200E}\u{200C}شود", "می‌شود"),
        // Not between letters: dropped.
        ("سال\u{200E} ماه", "سال ماه"),
    ]);
}

#[test]
fn arabic_letters_unified() {
    check(&[
        ("ميليارد ريال", "میلیارد ریال"),
        ("كشور", "کشور"),
        ("مصطفى", "مصطفی"),
        ("مدرسة", "مدرسه"),
        ("خانۀ", "خانه"),
    ]);
}

#[test]
fn mixed_digits() {
    // Kept as written by default.
    check(&[("۳۰, ٥٠, 30, ۵7", "۳۰, ٥٠, 30, ۵7")]);
    let ascii = Normalizer::builder().digits(DigitTarget::Ascii).build();
    let persian = Normalizer::builder().digits(DigitTarget::Persian).build();
    for (input, a, p) in [
        ("۳۰, ٥٠, 30, ۵7", "30, 50, 30, 57", "۳۰, ۵۰, ۳۰, ۵۷"),
        ("سال ۱۴۰۳", "سال 1403", "سال ۱۴۰۳"),
        ("٢٠ درصد", "20 درصد", "۲۰ درصد"),
    ] {
        assert_eq!(ascii.normalize(input).as_str(), a);
        assert_eq!(persian.normalize(input).as_str(), p);
    }
}

#[test]
fn slash_and_dot_decimals_kept() {
    check(&[("5/2 ميليارد دلار", "5/2 میلیارد دلار"), ("۵/۲ درصد", "۵/۲ درصد"), ("2.5 میلیون", "2.5 میلیون")]);
}

#[test]
fn glued_digits_split() {
    check(&[
        ("۲۴شهریورماه", "۲۴ شهریورماه"),
        ("160نفر", "160 نفر"),
        ("سال1403", "سال 1403"),
        ("۷۰پروژه", "۷۰ پروژه"),
    ]);
    let keep = Normalizer::builder().split_glued_digits(false).build();
    assert_eq!(keep.normalize("۲۴شهریور").as_str(), "۲۴شهریور");
}

#[test]
fn spaces_tatweel_harakat_presentation_forms() {
    check(&[
        ("سال\u{00A0}جاری", "سال جاری"),
        ("سال\u{202F}جاری", "سال جاری"),
        ("سال  \t جاری", "سال جاری"),
        ("ســـلام", "سلام"),
        ("سَلامٌ", "سلام"),
        ("مُحَمَّد", "محمد"),
        ("ﻣﺎ", "ما"),
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),
        ("\u{FEFF}سلام\u{200B}", "سلام"),
    ]);
}

// ---------------------------------------------------------------------------
// Numbers and negatives

#[test]
fn numbers_stay_intact() {
    let numbers = ["۱۲٫۵", "12.5", "5/2", "1403/05/12", "۱۴۰۳/۰۵/۱۲", "۱,۲۰۰,۰۰۰", "۱٬۲۰۰", "3,500", "٣٠٠"];
    for n in numbers {
        for sentence in [n.to_string(), format!("مبلغ {n} ریال"), format!("در {n}.")] {
            assert_eq!(normalize(&sentence).as_str(), sentence, "kept as written");
        }
        // With digits converted, only the digits change: no split.
        let ascii = Normalizer::builder().digits(DigitTarget::Ascii).build();
        let out = ascii.normalize(n);
        assert_eq!(out.as_str().chars().count(), n.chars().count(), "{n} -> {out}");
        assert!(!out.as_str().contains(' '), "{n} -> {out}");
    }
}

#[test]
fn words_that_merely_look_affixed_are_left_alone() {
    let words = [
        "میلیارد",
        "میلیون",
        "میدان",
        "میزان",
        "میز",
        "میهن",
        "میانه",
        "میراث",
        "تنها",
        "رها",
        "بها",
        "نهایت",
        "کنارگذرها",
        "بیشتر",
        "دفتر",
        "کیلومتر",
        "کلانتری",
        "همچنین",
        "بیمارستان",
        "دانشگاه",
        "کشور",
        "شهرداری",
    ];
    for w in words {
        for sentence in [w.to_string(), format!("در {w} گفت")] {
            assert_eq!(show(normalize(&sentence).as_str()), show(&sentence));
        }
    }
}

#[test]
fn never_a_zwnj_after_a_non_joining_letter() {
    for input in ["کنارگذرها", "کنارگذر ها", "ساختارها", "دارند", "آزادسازی", "کار ها", "ورود ها", "کاغذ ها"]
    {
        let out = normalize(input);
        let mut prev = None;
        for c in out.as_str().chars() {
            if c == Z {
                let p = prev.unwrap_or(' ');
                assert!(!"اآأإدذرزژو".contains(p), "{:?} -> {:?}", input, show(out.as_str()));
            }
            prev = Some(c);
        }
    }
}

#[test]
fn repair_can_be_turned_off() {
    let n = Normalizer::builder().repair_zwnj(false).build();
    assert_eq!(n.normalize("پروژهها میشود").as_str(), "پروژهها میشود");
    // Noise is still cleaned.
    assert_eq!(show(n.normalize("شهرداری\u{200C}\u{200C}ها").as_str()), "شهرداری|ها");
}

#[test]
fn seed_article_gets_its_35_zwnj() {
    let input = include_str!("../data/sample/mehr-qom-70-projects.txt");
    let out = normalize(input);
    let text = out.as_str();
    for w in [
        "بین‌الملل",
        "پروژه‌ها",
        "حوزه‌های",
        "حمل‌ونقل",
        "فعالیت‌های",
        "شده‌اند",
        "طرح‌ها",
        "سرمایه‌گذاری",
        "نشان‌دهنده",
        "زیرساخت‌ها",
        "آینده‌نگرانه",
        "می‌شود",
        "پروژه‌های",
        "پیاده‌راه",
        "آیت‌الله",
        "سالن‌های",
        "به‌ویژه",
        "دسترسی‌های",
        "خانواده‌ها",
        "کلنگ‌زنی",
        "طرح‌های",
        "تعیین‌کننده",
        "برنامه‌ها",
        "ارزش‌های",
        "بهره‌گیری",
        "ظرفیت‌های",
        "هم‌افزایی",
        "دستگاه‌ها",
        "گسترده‌تری",
        "زیرساخت‌های",
        "دستگاه‌های",
    ] {
        assert!(text.contains(w), "missing {}", show(w));
    }
    // Nothing but ZWNJ changed, and every line kept.
    assert_eq!(fold(text), fold(input));
    assert_eq!(text.lines().count(), input.lines().count());
}

// ---------------------------------------------------------------------------
// The offset map

/// Every normalized word (run of non-space chars) and its original slice.
fn words_and_originals(input: &str) -> Vec<(String, String)> {
    let n = normalize(input);
    let t = n.as_str();
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        if c == ' ' || c == '\n' {
            if let Some(s) = start.take() {
                let o = n.to_original(Span::new(s, i));
                out.push((t[s..i].to_string(), input[o.start..o.end].to_string()));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

#[test]
fn offset_map_words_map_back() {
    let input = "ميليارد  ريال، ۲۴شهریورماه\u{00A0}پروژهها\nمی شود ســلام ﻣﺎ خیابان\u{200E}ها یک\u{200C} سال 1403/05/12";
    let got = words_and_originals(input);
    let want = [
        ("میلیارد", "ميليارد"),
        ("ریال،", "ريال،"),
        ("۲۴", "۲۴"),
        ("شهریورماه", "شهریورماه"),
        ("پروژه‌ها", "پروژهها"),
        ("می‌شود", "می شود"),
        ("سلام", "ســلام"),
        ("ما", "ﻣﺎ"),
        ("خیابان‌ها", "خیابان\u{200E}ها"),
        ("یک", "یک"),
        ("سال", "سال"),
        ("1403/05/12", "1403/05/12"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, want);
}

#[test]
fn offset_map_edges() {
    let input = "ميشود";
    let n = normalize(input);
    assert_eq!(n.as_str(), "می‌شود");
    assert_eq!(n.original_len(), input.len());
    // The inserted ZWNJ maps to an empty range between می and شود.
    let z = n.as_str().find(Z).expect("a ZWNJ");
    assert_eq!(n.to_original(Span::new(z, z + 3)), Span::new(4, 4));
    // The whole text maps to the whole input; past the end clamps.
    assert_eq!(n.to_original(Span::new(0, n.as_str().len())), Span::new(0, input.len()));
    assert_eq!(n.to_original(Span::new(0, 1000)), Span::new(0, input.len()));
    assert_eq!(n.to_original(Span::new(1000, 1000)), Span::new(input.len(), input.len()));
    // Empty input.
    let e = normalize("");
    assert_eq!(e.as_str(), "");
    assert_eq!(e.to_original(Span::new(0, 0)), Span::new(0, 0));
    // Only dropped chars.
    let d = normalize("\u{064E}\u{0640}");
    assert_eq!(d.as_str(), "");
    assert_eq!(d.to_original(Span::new(0, 0)), Span::new(d.original_len(), d.original_len()));
    // A collapsed run of spaces maps to its first space.
    let s = normalize("الف    ب");
    let sp = s.as_str().find(' ').expect("a space");
    let o = s.to_original(Span::new(sp, sp + 1));
    assert_eq!(&"الف    ب"[o.start..o.end], " ");
}

// ---------------------------------------------------------------------------
// Data files

#[test]
fn every_data_entry_is_normalized() {
    let files = [
        ("compounds.txt", include_str!("../data/zwnj/compounds.txt")),
        ("joined.txt", include_str!("../data/zwnj/joined.txt")),
        ("verbs.txt", include_str!("../data/zwnj/verbs.txt")),
        ("heads.txt", include_str!("../data/zwnj/heads.txt")),
        ("tails.txt", include_str!("../data/zwnj/tails.txt")),
        ("spaced.txt", include_str!("../data/zwnj/spaced.txt")),
        ("he_words.txt", include_str!("../data/zwnj/he_words.txt")),
    ];
    let chars_only = Normalizer::builder().repair_zwnj(false).build();
    for (name, src) in files {
        assert!(src.starts_with('#'), "{name} has a header");
        let mut n = 0;
        for line in src.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            n += 1;
            for part in line.split('#') {
                assert!(!part.is_empty(), "{name}: {line:?}");
                assert_eq!(show(chars_only.normalize(part).as_str()), show(part), "{name}: not normalized");
                assert!(!part.contains(' '), "{name}: {line:?} has a space");
            }
        }
        assert!(n > 0, "{name} is empty");
    }
    // Whole words written joined stay joined, compounds keep their ZWNJ.
    for w in include_str!("../data/zwnj/joined.txt").lines().filter(|l| !l.starts_with('#')) {
        assert_eq!(show(normalize(w).as_str()), show(w), "joined.txt");
    }
    // Compounds keep every ZWNJ of the table (a part may get one more, as
    // the part's own entry says: ام‌ابی‌ها).
    for w in include_str!("../data/zwnj/compounds.txt").lines().filter(|l| !l.starts_with('#')) {
        let out = normalize(w);
        assert_eq!(fold(out.as_str()), fold(w), "compounds.txt");
        let parts: Vec<&str> = out.as_str().split(Z).collect();
        for part in w.split(Z) {
            assert!(
                parts.iter().any(|p| part.contains(p)),
                "compounds.txt: {} -> {}",
                show(w),
                show(out.as_str())
            );
        }
        assert!(out.as_str().matches(Z).count() >= w.matches(Z).count(), "compounds.txt: {}", show(w));
    }
}

// ---------------------------------------------------------------------------
// Properties

/// Persian-looking text: words of the lexicon, affixes, and every kind of
/// noise the normalizer handles, glued or spaced at random.
fn persian_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "می",
        "نمی",
        "شود",
        "کند",
        "ها",
        "های",
        "ای",
        "اند",
        "تر",
        "ترین",
        "پروژه",
        "سرمایه",
        "گذاری",
        "کننده",
        "سال",
        "خانه",
        "شده",
        "تنها",
        "میز",
        "میلیارد",
        "کنارگذر",
        "بین",
        "الملل",
        "ريال",
        "كشور",
        "ة",
        "ۀ",
        "ی",
        "ا",
        "د",
        "ر",
        "و",
        "ه",
        "ن",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\u{200C}",
        "\u{200C}\u{200C}",
        "\u{200E}",
        "\u{200F}",
        "\u{200D}",
        "\u{00A0}",
        "\u{0640}",
        "\u{064E}",
        "\u{0651}",
        "ﻣ",
        "ﺎ",
        "ﻻ",
        "۲۴",
        "160",
        "٥",
        "۱۲٫۵",
        "5/2",
        "1403/05/12",
        "۱,۲۰۰",
        "،",
        ".",
        "«",
        "»",
        "x",
        "é",
        "👍",
        "\t",
    ]);
    prop::collection::vec(atoms, 0..30).prop_map(|v| v.concat())
}

/// Any chars, with Arabic-script ones well represented.
fn any_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        any::<char>(),
        (0x0600u32..0x0700).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
        (0xFB50u32..0xFEFF).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
        (0x2000u32..0x2070).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
        Just(' '),
    ];
    prop::collection::vec(ch, 0..40).prop_map(|v| v.into_iter().collect())
}

fn check_map(input: &str) -> Result<(), TestCaseError> {
    let n = normalize(input);
    let t = n.as_str();
    let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain(std::iter::once(t.len())).collect();
    let mut last = (0, 0);
    for &i in &bounds {
        let o = n.to_original(Span::new(i, i));
        prop_assert!(input.is_char_boundary(o.start) && o.start <= input.len());
        prop_assert!(o.start >= last.0, "start not monotone at {}", i);
        last.0 = o.start;
    }
    for w in bounds.windows(2) {
        let o = n.to_original(Span::new(w[0], w[1]));
        prop_assert!(o.start <= o.end && o.end <= input.len());
        prop_assert!(input.is_char_boundary(o.start) && input.is_char_boundary(o.end));
        prop_assert!(o.end >= last.1, "end not monotone at {}", w[0]);
        last.1 = o.end;
    }
    for (word, orig) in words_and_originals(input) {
        // One presentation form may stand for several words (ﷺ).
        if orig.chars().any(|c| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')) {
            prop_assert!(fold(&orig).contains(&fold(&word)));
        } else {
            prop_assert_eq!(fold(&word), fold(&orig), "word {:?} from {:?}", show(&word), show(&orig));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics(s in any::<String>()) {
        let _ = normalize(&s);
        let _ = Normalizer::builder().digits(DigitTarget::Ascii).unify_letters(false).build().normalize(&s);
    }

    #[test]
    fn never_panics_on_arabic_script(s in any_text()) {
        let _ = normalize(&s);
    }

    #[test]
    fn idempotent(s in persian_text()) {
        let once = normalize(&s);
        let twice = normalize(once.as_str());
        prop_assert_eq!(show(once.as_str()), show(twice.as_str()));
    }

    #[test]
    fn idempotent_on_any_text(s in any_text()) {
        let once = normalize(&s);
        let twice = normalize(once.as_str());
        prop_assert_eq!(show(once.as_str()), show(twice.as_str()));
    }

    #[test]
    fn offset_map_holds(s in persian_text()) {
        check_map(&s)?;
    }

    #[test]
    fn offset_map_holds_on_any_text(s in any_text()) {
        check_map(&s)?;
    }

    #[test]
    fn lines_are_kept(s in persian_text()) {
        prop_assert_eq!(normalize(&s).as_str().matches('\n').count(), s.matches('\n').count());
    }
}
