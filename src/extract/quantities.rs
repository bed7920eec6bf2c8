//! Quantities (extension beyond SPEC.md): a number followed by a unit of
//! measurement from `data/numbers/units.tsv` (`۲۰ کیلومتر`, `۵۰۰ متر مربع`,
//! `۱۰ مگاوات`, `۵7 کیلوگرم`).

use super::Doc;
use crate::model::{Extraction, Quantity};
use crate::numbers::context::{next_word, vague_before, Phrases};
use crate::numbers::{Form, NumberKind};
use std::sync::LazyLock;

/// Unit phrases and their dimension.
pub(crate) static UNITS: LazyLock<Phrases<&'static str>> = LazyLock::new(|| {
    Phrases::new(
        crate::lexicon::rows(include_str!("../../data/numbers/units.tsv"))
            .filter_map(|r| Some((r.first()?.to_string(), *r.get(1)?))),
    )
});

/// The unit right after `pos`: its (start, end), unless it is تن meaning
/// people (`۱۰ تن از مسئولان`, `۵ تن کشته شدند`).
pub(crate) fn unit_after(text: &str, pos: usize) -> Option<(usize, usize)> {
    let (_, s, e) = UNITS.at(text, pos)?;
    if &text[s..e] == "تن"
        && next_word(text, e).is_some_and(|(a, b)| {
            // ۱۰ تن از مسئولان: people; ۱۰ هزار تن از مزارع: tonnes.
            (&text[a..b] == "از" && next_word(text, b).is_some_and(|(c, d)| of_people(&text[c..d])))
                || CASUALTIES.contains(&&text[a..b])
        })
    {
        return None;
    }
    Some((s, e))
}

/// Words after «N تن» that make تن people (۵ تن کشته شدند).
const CASUALTIES: [&str; 10] =
    ["کشته", "زخمی", "مجروح", "مصدوم", "دستگیر", "بازداشت", "شهید", "جان", "مفقود", "اعدام"];

/// True when `w`, after «N تن از», names people: an animate plural
/// (مسئولان, کارکنان, معلمین), a casualty word (کشته شدگان) or a word for
/// a group of people.
fn of_people(w: &str) -> bool {
    // The plural with or without its ezafe (کارکنان, کارکنانی).
    let stem = w.trim_end_matches('ی').trim_end_matches('\u{200C}');
    stem.ends_with("ان")
        || stem.ends_with("ین")
        || CASUALTIES.contains(&w)
        || matches!(
            w,
            "اعضا"
                | "اعضای"
                | "افراد"
                | "مردم"
                | "نیروها"
                | "نیروهای"
                | "اهالی"
                | "اتباع"
                | "این"
                | "آن"
                | "آنها"
        )
}

/// Finds the quantities of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    for m in doc.numbers().iter().copied() {
        if m.number.kind != NumberKind::Cardinal
            || (m.number.form != Form::Digits && vague_before(text, m.start))
        {
            continue;
        }
        if let Some((s, e)) = unit_after(text, m.end) {
            out.quantities.push(Quantity {
                value: m.number.value,
                unit: text[s..e].to_string(),
                span: doc.span(m.start..e),
            });
        }
    }
}
