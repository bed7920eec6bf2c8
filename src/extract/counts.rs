//! Counts: a whole number followed by the counted noun (`۷۰ پروژه`, `۱۰۴۵
//! نفر`, `هزار واحد مسکونی` → واحد, `۷ فقره پرونده` → فقره). Not money,
//! percentages, measurements (those records are found first and their
//! numbers skipped), years and labels (`سال ۱۴۰۲`, `منطقه ۷`), dates
//! (`۱۵ تیر`), durations (`۵ سال`), multipliers (`۳ برابر`), ordinals,
//! index points (`شاخص ... ۲۰۰ واحد`) or vague amounts (`چند هزار نفر`).

use super::money::CURRENCIES;
use super::quantities::unit_after;
use super::Doc;
use crate::model::{Count, Extraction};
use crate::numbers::context::{identifier_before, next_word, vague_before};
use crate::numbers::{scan, Form, NumberKind};
use crate::span::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

static NOT_COUNTED: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::entries(include_str!("../../data/numbers/not-counted.txt"))
        .chain(crate::lexicon::entries(include_str!("../../data/numbers/identifier-nouns.txt")))
        .filter(|w| {
            !matches!(
                *w,
                "کلاس"
                    | "دوره"
                    | "جلسه"
                    | "طبقه"
                    | "قطار"
                    | "پرواز"
                    | "کانال"
                    | "نسخه"
                    | "فصل"
                    | "قسمت"
            )
        })
        .collect()
});

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
    for m in scan(text) {
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
        // یک is mostly the indefinite article, نه mostly "no".
        if n.form == Form::Words && matches!(written, "یک" | "نه") {
            continue;
        }
        if (n.form != Form::Digits && vague_before(text, m.start)) || identifier_before(text, m.start) {
            continue;
        }
        let Some((s, e)) = next_word(text, m.end) else { continue };
        let noun = &text[s..e];
        let head = noun.split('\u{200C}').next().unwrap_or(noun);
        if head.chars().count() < 2
            || NOT_COUNTED.contains(noun)
            || NOT_COUNTED.contains(head)
            || !head.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
            || CURRENCIES.at(text, m.end).is_some()
            || unit_after(text, m.end).is_some()
        {
            continue;
        }
        // Index points: شاخص ... ۲۰۰ واحد.
        if head == "واحد" {
            let window = text[..m.start].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
            if text[window..m.start].contains("شاخص") {
                continue;
            }
        }
        out.counts.push(Count { value, noun: noun.to_string(), span: doc.span(m.start..e) });
    }
}
