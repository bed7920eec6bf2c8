//! The reporting agency: «به گزارش خبرگزاری X», «به گزارش خبرنگار ... X»,
//! «به گزارش X», or an article opening with «خبرگزاری X:»; agencies from
//! `data/people/agencies.tsv`.

use super::officials::lex::{Tok, TokKind, AGENCIES};
use super::Doc;
use crate::model::{Extraction, Source};

/// Words that may stand between «به گزارش» and the agency's name.
fn is_reporter_word(t: &Tok) -> bool {
    matches!(
        t.key.as_str(),
        "خبرگزاری"
            | "خبرنگار"
            | "پایگاه"
            | "سایت"
            | "روزنامه"
            | "خبرنگاران"
            | "گروه"
            | "سرویس"
    )
}

/// The agency named after «به گزارش» at token `i` (the token after گزارش).
fn after_report(toks: &[Tok], i: usize) -> Option<(usize, usize, String)> {
    let mut saw_reporter = false;
    let mut j = i;
    while j < toks.len() && j < i + 8 {
        let t = &toks[j];
        if !t.is_word() {
            return None;
        }
        if let Some((e, a)) = AGENCIES.longest(toks, j) {
            if j == i || saw_reporter {
                return Some((j, e, a.clone()));
            }
        }
        if matches!(t.key.as_str(), "از" | "به" | "در" | "که" | "با") {
            return None;
        }
        saw_reporter |= is_reporter_word(t);
        j += 1;
    }
    None
}

/// The agency is named in an article's first sentences or lines: the
/// search looks no further than this many tokens.
const WINDOW: usize = 1000;

/// Finds the reporting agency of `doc`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let all = doc.tokens();
    let toks = &all[..all.len().min(WINDOW)];
    let mut found = None;
    for i in 1..toks.len() {
        if toks[i].key == "گزارش" && toks[i - 1].key == "به" {
            if let Some(f) = after_report(toks, i + 1) {
                found = Some(f);
                break;
            }
        }
    }
    if found.is_none() {
        // «خبرگزاری X» in the first paragraphs.
        let mut paras = 0;
        for i in 0..toks.len() {
            if toks[i].kind == TokKind::Para {
                paras += 1;
                if paras > 3 {
                    break;
                }
            }
            if toks[i].key == "خبرگزاری" {
                if let Some((e, a)) = AGENCIES.longest(toks, i + 1) {
                    found = Some((i + 1, e, a.clone()));
                    break;
                }
            }
        }
    }
    if found.is_none() {
        // «خبرنگار X» anywhere.
        for i in 0..toks.len() {
            if toks[i].key == "خبرنگار" {
                let mut j = i + 1;
                while j < toks.len() && j < i + 4 && toks[j].is_word() {
                    if let Some((e, a)) = AGENCIES.longest(toks, j) {
                        found = Some((j, e, a.clone()));
                        break;
                    }
                    j += 1;
                }
                if found.is_some() {
                    break;
                }
            }
        }
    }
    if let Some((s, e, agency)) = found {
        let span = doc.span(toks[s].start..toks[e - 1].end);
        out.source = Some(Source { agency, span });
    }
}
