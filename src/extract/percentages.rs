//! Percentages: a number followed by `درصد`, `درصدی`, `در صد`, `%` or `٪`,
//! and ranges as one record (`۱۰ تا ۱۵ درصد`, `بین ۱۰ و ۴۰ درصد`,
//! `۱۰ درصد تا ۱۵ درصد`).

use super::money::{is_range_connector, shared_before, shared_low};
use super::Doc;
use crate::model::{Extraction, Percentage};
use crate::numbers::context::{between, is_gap, is_word_char, next_word, vague_before};
use crate::numbers::{Form, NumberKind, NumberMatch};

/// The end of the percent sign or word right after `pos`, if any.
pub(crate) fn percent_after(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let skip = rest.len() - rest.trim_start_matches(is_gap).len();
    let sign = &rest[skip..];
    if sign.starts_with('%') || sign.starts_with('٪') {
        return Some(pos + skip + sign.chars().next().map_or(1, char::len_utf8));
    }
    let (s, e) = next_word(text, pos)?;
    let word = &text[s..e];
    // درصد with a glued suffix or a glued next word (۸۰درصدش); not درصدد (intending).
    if !matches!(word, "درصد" | "درصدی") && word.starts_with("درصد") && !word.starts_with("درصدد")
    {
        return Some(s + "درصد".len());
    }
    match word {
        "درصد" | "درصدی" => Some(e),
        // The older spaced spelling: ۱۰ در صد.
        "در" => next_word(text, e).filter(|&(s2, e2)| &text[s2..e2] == "صد").map(|(_, e2)| e2),
        _ => None,
    }
}

/// Finds the percentages of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    let nums: Vec<NumberMatch> =
        doc.numbers().iter().filter(|m| m.number.kind == NumberKind::Cardinal).copied().collect();
    let ends: Vec<Option<usize>> = nums.iter().map(|m| percent_after(text, m.end)).collect();
    let mut used = vec![false; nums.len()];
    let mut i = 0;
    while i < nums.len() {
        let a = nums[i];
        if a.number.form != Form::Digits && vague_before(text, a.start) {
            i += 1;
            continue;
        }
        // A range: a (with or without its own sign) then a connector then b with one.
        if let (Some(b), Some(Some(b_end))) = (nums.get(i + 1), ends.get(i + 1)) {
            let after_a = ends[i].unwrap_or(a.end);
            if is_range_connector(text, between(text, after_a, b.start), a.start) {
                let low = if ends[i].is_some() { a.number.value } else { shared_low(&a, b) };
                // Typed right to left, a range may read high to low: ۲۳-۲۲ درصد.
                let (low, high) =
                    if low > b.number.value { (b.number.value, low) } else { (low, b.number.value) };
                out.percentages.push(Percentage {
                    value: low,
                    max_value: Some(high),
                    span: doc.span(a.start..*b_end),
                });
                used[i] = true;
                used[i + 1] = true;
                i += 2;
                continue;
            }
        }
        // The sign written before the number (٪۵۰), as right-to-left typing leaves it.
        if ends[i].is_none() && !used[i] {
            if let Some(sign) = text[..a.start].chars().next_back().filter(|c| matches!(c, '%' | '٪')) {
                let start = a.start - sign.len_utf8();
                let glued_before = text[..start].chars().next_back().is_some_and(|c| c.is_ascii_digit());
                if !glued_before {
                    out.percentages.push(Percentage {
                        value: a.number.value,
                        max_value: None,
                        span: doc.span(start..a.end),
                    });
                    used[i] = true;
                    i += 1;
                    continue;
                }
            }
        }
        if let Some(end) = ends[i] {
            // Earlier bare numbers of a list share the sign: ۱۷٫۴ و ۲۹٫۵ درصد.
            let taken: Vec<bool> = ends.iter().zip(&used).map(|(e, u)| e.is_some() || *u).collect();
            for &j in shared_before(text, &nums, &taken, i, false).iter().rev() {
                let s = &nums[j];
                used[j] = true;
                out.percentages.push(Percentage {
                    value: s.number.value,
                    max_value: None,
                    span: doc.span(s.start..s.end),
                });
            }
            out.percentages.push(Percentage {
                value: a.number.value,
                max_value: None,
                span: doc.span(a.start..end),
            });
            used[i] = true;
        }
        i += 1;
    }
    glued(doc, out);
}

/// A number word glued to درصد: صددرصد.
fn glued(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    for (pos, _) in text.match_indices("درصد") {
        let Some(prev) = text[..pos].chars().next_back() else { continue };
        if !prev.is_alphabetic() {
            continue;
        }
        let start = text[..pos]
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut end = pos + "درصد".len();
        if text[end..].starts_with('ی') {
            end += 'ی'.len_utf8();
        }
        if text[end..].chars().next().is_some_and(is_word_char) {
            continue;
        }
        let Some(n) = crate::numbers::parse(&text[start..pos]) else { continue };
        if n.kind != NumberKind::Cardinal {
            continue;
        }
        let span = doc.span(start..end);
        let at = out.percentages.partition_point(|p| p.span.start < span.start);
        out.percentages.insert(at, Percentage { value: n.value, max_value: None, span });
    }
}
