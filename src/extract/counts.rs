//! Counts: a whole number followed by the counted noun (`۷۰ پروژه`, `۱۰۴۵
//! نفر`, `هزار واحد مسکونی` → واحد, `۷ فقره پرونده` → فقره). Not money,
//! percentages, measurements (those records are found first and their
//! numbers skipped), years and labels (`سال ۱۴۰۲`, `منطقه ۷`), dates
//! (`۱۵ تیر`), durations (`۵ سال`), multipliers (`۳ برابر`), ordinals,
//! index points (`شاخص ... ۲۰۰ واحد`) or vague amounts (`چند هزار نفر`).

use super::money::currency_after;
use super::quantities::unit_after;
use super::Doc;
use crate::lexicon::FastSet as HashSet;
use crate::model::{Count, Extraction};
use crate::numbers::context::{identifier_before, is_year_like, next_word, prev_word, vague_before};
use crate::numbers::words;
use crate::numbers::{Form, NumberKind};
use crate::span::Span;
use std::sync::LazyLock;

static NOT_COUNTED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::entries(include_str!("../../data/numbers/not-counted.txt")).collect());

/// Nouns that are units of counting (classifiers and the most common
/// counted nouns of news reports): after یک, or after a year-like number.
static COUNT_UNITS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::entries(include_str!("../../data/numbers/count-units.txt")).collect());

/// `head` without a glued possessive or plural suffix (روزش → روز,
/// سالهای → سال), when it has one.
fn stem(head: &str) -> Option<&str> {
    ["هایشان", "هایش", "های", "ها", "شان", "ش", "ای", "ی"]
        .iter()
        .find_map(|s| head.strip_suffix(s))
        .filter(|w| w.chars().count() >= 2)
}

/// Finds the counts of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    // Spans already taken by money, percentages and quantities, in order.
    let mut taken: Vec<Span> = out
        .money
        .iter()
        .map(|m| Span::new(m.span.start, m.span.end))
        .chain(out.percentages.iter().map(|p| Span::new(p.span.start, p.span.end)))
        .chain(out.quantities.iter().map(|q| Span::new(q.span.start, q.span.end)))
        .collect();
    taken.sort_unstable();
    let mut t = 0;
    for m in doc.numbers().iter().copied() {
        let n = &m.number;
        if n.kind != NumberKind::Cardinal {
            continue;
        }
        let Some(value) = n.value.to_u64() else { continue };
        if value == 0 {
            continue;
        }
        let orig = doc.original(m.range());
        while t < taken.len() && taken[t].end <= orig.start {
            t += 1;
        }
        if taken[t..].iter().take_while(|s| s.start < orig.end).any(|s| s.overlaps(orig)) {
            continue;
        }
        let written = &text[m.start..m.end];
        // نه is mostly "no".
        if n.form == Form::Words && written == "نه" {
            continue;
        }
        // A code, not an amount: 021, 0912...
        if text[m.start..].starts_with('0') && value >= 1 && written.len() > 1 && n.form == Form::Digits {
            continue;
        }
        if (n.form != Form::Digits && vague_before(text, m.start)) || identifier_before(text, &m) {
            continue;
        }
        let Some((s, e)) = next_word(text, m.end) else { continue };
        let noun = &text[s..e];
        let head = noun.split('\u{200C}').next().unwrap_or(noun);
        if head.chars().count() < 2
            || NOT_COUNTED.contains(noun)
            || NOT_COUNTED.contains(head)
            || stem(head).is_some_and(|w| NOT_COUNTED.contains(w))
            || !head.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
            || (head.ends_with("ماه") && head.len() > "ماه".len())
            || words::lookup(head).is_some()
            || is_fraction(head)
            || currency_after(text, m.end).is_some()
            || unit_after(text, m.end).is_some()
        {
            continue;
        }
        // A verb (توپ ۱۰۶ نبود, انتخابات ۹۰ دانست) or a place (صیاد ۱۵
        // گرگان) after the number: the number was a label or a year.
        if !COUNT_UNITS.contains(head)
            && (super::officials::lex::is_verb_word(noun)
                || (crate::lexicon::is_past_stem(noun) && clause_ends(&text[e..]))
                || super::locations::sure_place_at(text, s).is_some())
        {
            continue;
        }
        // یک is mostly the indefinite article: a count only before a noun
        // that is itself a unit of counting (یک مورد, یک فقره, یک پروژه).
        if n.form == Form::Words && written == "یک" && !COUNT_UNITS.contains(head) {
            continue;
        }
        // «همین یک مورد», «این یک مورد»: one thing pointed at, not a count.
        if n.form == Form::Words
            && written == "یک"
            && prev_word(text, m.start)
                .is_some_and(|(a, b)| matches!(&text[a..b], "این" | "همین" | "آن" | "همان"))
        {
            continue;
        }
        // Billions of a thing that is not a unit of counting (سه هزار
        // میلیارد اختلاس) are an amount of money without its currency.
        if value >= 1_000_000_000 && !COUNT_UNITS.contains(head) {
            continue;
        }
        // A year written alone (۱۴۰۰ باید, 2017 خبر) unless a plain count noun follows.
        if is_year_like(&m) && value >= 1000 && !COUNT_UNITS.contains(head) {
            continue;
        }
        // Index points: شاخص ... ۲۰۰ واحد.
        if head == "واحد" {
            let window = text[..m.start].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
            if text[window..m.start].contains("شاخص") {
                continue;
            }
        }
        out.counts.push(Count { value, noun: without_ezafe(noun).to_string(), span: doc.span(m.start..e) });
    }
}

/// True when `head` is an ordinal (چهارم, سوم): after a number it makes a
/// fraction (سه چهارم), not a count.
fn is_fraction(head: &str) -> bool {
    // سهم (a share) is not سه + م.
    head == "سوم" || head.strip_suffix('م').is_some_and(|w| w != "سه" && words::lookup(w).is_some())
}

/// True when `rest` (the text after a word) starts a new clause: a
/// punctuation mark, «و», «که» or the end. A past stem there is a verb
/// (انتخابات ۹۰ دانست و ...), elsewhere often a noun (۲ شیفت کاری).
fn clause_ends(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    rest.is_empty()
        || rest.starts_with(['.', '،', '؛', ':', '!', '؟', '\n', ','])
        || ["و ", "که "].iter().any(|w| rest.starts_with(w))
}

/// The noun without the ezafe ی written after a final vowel (`۳ روستای
/// استان` counts روستا; `۱۰ دانشجوی رشته` counts دانشجو).
fn without_ezafe(noun: &str) -> &str {
    match noun.strip_suffix('ی') {
        Some(stem) if (stem.ends_with('ا') || stem.ends_with('و')) && stem.chars().count() >= 3 => stem,
        _ => noun,
    }
}

#[cfg(test)]
mod tests {
    use super::{clause_ends, is_fraction, without_ezafe};
    use crate::extract::officials::lex::is_verb_word;

    #[test]
    fn not_count_nouns() {
        for w in ["چهارم", "سوم", "پنجم", "دهم"] {
            assert!(is_fraction(w), "{w}");
        }
        for w in ["نبود", "می\u{200C}شود", "کردند"] {
            assert!(is_verb_word(w), "{w}");
        }
        assert!(
            crate::lexicon::is_past_stem("دانست")
                && clause_ends(" و گفت")
                && clause_ends("، ")
                && !clause_ends(" کاری")
        );
        for w in ["نفر", "پروژه", "روستا", "واحد", "کلاس", "سهم"] {
            assert!(!is_fraction(w) && !is_verb_word(w), "{w}");
        }
    }

    #[test]
    fn ezafe() {
        for (written, noun) in
            [("روستای", "روستا"), ("دانشجوی", "دانشجو"), ("پروژه", "پروژه"), ("نفر", "نفر"), ("جای", "جای")]
        {
            assert_eq!(without_ezafe(written), noun);
        }
    }
}
