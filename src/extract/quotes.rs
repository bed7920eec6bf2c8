//! Quotes: a reporting verb (`data/people/reporting-verbs.txt`) followed by
//! «:» opens a statement that runs to the closing » or the end of the
//! paragraph (a « opened and never closed included); a «...» statement
//! followed by a reporting verb in the same sentence. The speaker is the
//! official mentioned first in the reporting clause (a name, surname,
//! restated role or وی/او resolved by the officials stage).

use super::officials::lex::{Tok, TokKind, TITLES, VERBS};
use super::Doc;
use crate::model::{Extraction, Quote};

/// The official mentioned first in original byte range `s..e`; `mentions`
/// is sorted by start.
fn speaker_in(mentions: &[(usize, usize, usize)], s: usize, e: usize) -> Option<usize> {
    let k = mentions.partition_point(|m| m.0 < s);
    mentions[k..].iter().take_while(|m| m.0 < e).find(|m| m.1 <= e).map(|m| m.2)
}

/// The start of the clause that ends at token `v`: after the previous
/// sentence end.
fn clause_start(toks: &[Tok], v: usize) -> usize {
    let mut j = v;
    while j > 0 {
        if toks[j - 1].is_sentence_end() || matches!(toks[j - 1].kind, TokKind::Punct('»')) {
            return j;
        }
        j -= 1;
    }
    0
}

/// Finds the quotes of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let toks = doc.tokens();
    let mut mentions: Vec<(usize, usize, usize)> = out
        .officials
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| p.mentions.iter().map(move |m| (m.start, m.end, pi)))
        .collect();
    mentions.sort_unstable();
    let mut quotes = Vec::new();
    let mut other: Vec<usize> = Vec::new();
    let mut covered_until = 0usize;
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_word() {
            i += 1;
            continue;
        }
        let Some((ve, verb)) = VERBS.longest(&toks, i) else {
            i += 1;
            continue;
        };
        let colon = toks.get(ve).is_some_and(|t| matches!(t.kind, TokKind::Punct(':')));
        let guillemet = toks.get(ve).is_some_and(|t| matches!(t.kind, TokKind::Punct('«')));
        if colon || guillemet {
            // VERB: statement, or VERB «statement».
            let mut s = if colon { ve + 1 } else { ve };
            let mut opened = false;
            if toks.get(s).is_some_and(|t| matches!(t.kind, TokKind::Punct('«'))) {
                opened = true;
                s += 1;
            }
            let mut e = s;
            let mut depth = 0i32;
            while e < toks.len() {
                match toks[e].kind {
                    TokKind::Para => break,
                    TokKind::Punct('«') => depth += 1,
                    TokKind::Punct('»') => {
                        if depth == 0 && opened {
                            break;
                        }
                        depth -= 1;
                    }
                    _ => {}
                }
                e += 1;
            }
            // Trim trailing punctuation other than a full stop.
            let mut last = e;
            while last > s && matches!(toks[last - 1].kind, TokKind::Punct('»' | '«' | '،')) {
                last -= 1;
            }
            if last > s {
                let span = doc.span(toks[s].start..toks[last - 1].end);
                let cs = clause_start(&toks, i);
                let clause = doc.original(toks[cs].start..toks[i].start.max(toks[cs].start));
                let speaker = speaker_in(&mentions, clause.start, clause.end);
                // «این مسئول گفت:», «این مقام مسئول ...» restate the speaker before.
                let restated = |x: usize| {
                    (x.saturating_sub(2)..x)
                        .any(|p| p >= cs && matches!(toks[p].key.as_str(), "این" | "همین"))
                };
                if speaker.is_none() && (cs..i).any(|x| TITLES.longest(&toks, x).is_some() && !restated(x)) {
                    // Someone else (a role with no name) speaks: no carry-over.
                    other.push(quotes.len());
                }
                quotes.push(Quote { speaker, verb: verb.clone(), span });
                covered_until = toks[last - 1].end;
            }
            i = e.max(ve);
            continue;
        }
        i = ve;
    }
    // «...» followed by a reporting verb in the same sentence.
    let mut i = 0;
    while i < toks.len() {
        if !matches!(toks[i].kind, TokKind::Punct('«')) || toks[i].start < covered_until {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < toks.len() && !matches!(toks[e].kind, TokKind::Punct('»') | TokKind::Para) {
            e += 1;
        }
        if e >= toks.len() || toks[e].kind == TokKind::Para || e - i < 5 {
            i = e.max(i + 1);
            continue;
        }
        let mut v = e + 1;
        let mut hit = None;
        while v < toks.len() && v < e + 15 && !toks[v].is_sentence_end() {
            if let Some((ve, verb)) = VERBS.longest(&toks, v) {
                if !toks.get(ve).is_some_and(|t| matches!(t.kind, TokKind::Punct(':'))) {
                    hit = Some((v, ve, verb.clone()));
                }
                break;
            }
            v += 1;
        }
        if let Some((v, _, verb)) = hit {
            let span = doc.span(toks[i + 1].start..toks[e - 1].end);
            let clause = doc.original(toks[e].end..toks[v].start.max(toks[e].end));
            let mut speaker = speaker_in(&mentions, clause.start, clause.end);
            if speaker.is_none() {
                let cs = clause_start(&toks, i);
                let c2 = doc.original(toks[cs].start..toks[i].start.max(toks[cs].start));
                speaker = speaker_in(&mentions, c2.start, c2.end);
            }
            quotes.push(Quote { speaker, verb, span });
        }
        i = e + 1;
    }
    // A statement with no subject of its own continues the previous
    // speaker; with none before, the article's only official.
    let mut order: Vec<(usize, bool, usize)> =
        quotes.iter().enumerate().map(|(n, q)| (q.span.start, other.contains(&n), n)).collect();
    order.sort_unstable();
    let only = (out.officials.len() == 1).then_some(0);
    let mut last = None;
    for &(_, unnamed, n) in &order {
        let q = &mut quotes[n];
        match q.speaker {
            Some(s) => last = Some(s),
            None if unnamed => last = None,
            None => q.speaker = last.or(only),
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    out.quotes.extend(quotes);
}
