//! One self-contained, right-to-left HTML page for an article: the text with
//! every entity highlighted in its type's colour, a legend, and side tables
//! of officials, projects, amounts and dates. No network fetches: no
//! scripts, fonts, images or style sheets from elsewhere.

use khabar::{Decimal, Extraction, TextSpan};
use serde::Serialize;
use std::fmt::Write;

/// An entity type as the page shows it.
pub struct Kind {
    /// The key in the JSON output (SPEC.md section 3).
    pub key: &'static str,
    /// The label in the legend.
    pub label: &'static str,
    /// Background colour of its highlight.
    pub colour: &'static str,
}

/// Every highlighted type, in legend order. Quotes come last: they hold
/// other entities and are drawn underneath them.
pub const KINDS: [Kind; 11] = [
    Kind { key: "officials", label: "مقام‌ها", colour: "#ffd29d" },
    Kind { key: "organizations", label: "سازمان‌ها", colour: "#b9f3b0" },
    Kind { key: "projects", label: "پروژه‌ها", colour: "#9eeefa" },
    Kind { key: "money", label: "مبالغ", colour: "#ffb3b3" },
    Kind { key: "counts", label: "شمارش‌ها", colour: "#fff59d" },
    Kind { key: "percentages", label: "درصدها", colour: "#ffc6ff" },
    Kind { key: "quantities", label: "مقادیر", colour: "#d7ccc8" },
    Kind { key: "dates", label: "تاریخ‌ها", colour: "#c5b8ff" },
    Kind { key: "locations", label: "مکان‌ها", colour: "#a8cbff" },
    Kind { key: "source", label: "منبع", colour: "#d0d0d0" },
    Kind { key: "quotes", label: "نقل‌قول‌ها", colour: "#f3f3f3" },
];

/// One highlighted span: its byte range in the input, its type (index into
/// [`KINDS`]) and the tooltip describing its values.
#[derive(Clone, Debug)]
pub struct Mark {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into [`KINDS`].
    pub kind: usize,
    /// Tooltip text (unescaped).
    pub title: String,
}

/// Escapes `s` for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A decimal string with `,` between thousands: `30000000000000` →
/// `30,000,000,000,000`.
pub fn thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The snake_case name serde gives an enum value.
fn name_of<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) | Err(_) => String::new(),
        Ok(other) => other.to_string(),
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn dec(d: &Decimal) -> String {
    thousands(&d.to_string())
}

/// Every highlighted span of `ex`.
pub fn marks(ex: &Extraction) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut add = |span: &TextSpan, kind: usize, title: String| {
        out.push(Mark {
            start: span.start,
            end: span.end,
            kind,
            title: format!("{}: {title}", KINDS[kind].key),
        });
    };
    for o in &ex.officials {
        let t = [o.name.clone(), opt(&o.role), opt(&o.organization)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        for m in &o.mentions {
            add(m, 0, t.clone());
        }
    }
    for o in &ex.organizations {
        let t = format!("{} {}", o.name, o.kind.as_ref().map(name_of).unwrap_or_default());
        for m in &o.mentions {
            add(m, 1, t.trim().to_string());
        }
    }
    for p in &ex.projects {
        let status = p.status.as_ref().map(name_of).unwrap_or_default();
        add(&p.span, 2, format!("{} {} {}", p.name, opt(&p.kind), status).trim().to_string());
    }
    for m in &ex.money {
        let mut t = format!("{} {}", dec(&m.amount), name_of(&m.currency));
        if let Some(max) = &m.max_amount {
            let _ = write!(t, " – {}", dec(max));
        }
        if let Some(r) = &m.rials {
            let _ = write!(t, " = {} ریال", dec(r));
        }
        if let Some(q) = &m.qualifier {
            let _ = write!(t, " ({})", name_of(q));
        }
        add(&m.span, 3, t);
    }
    for c in &ex.counts {
        add(&c.span, 4, format!("{} {}", thousands(&c.value.to_string()), c.noun));
    }
    for p in &ex.percentages {
        let t = match &p.max_value {
            Some(max) => format!("{}–{}%", p.value, max),
            None => format!("{}%", p.value),
        };
        add(&p.span, 5, t);
    }
    for q in &ex.quantities {
        add(&q.span, 6, format!("{} {}", dec(&q.value), q.unit));
    }
    for d in &ex.dates {
        add(&d.span, 7, date_value(d));
    }
    for l in &ex.locations {
        let t = format!("{} {}", l.name, l.kind.as_ref().map(name_of).unwrap_or_default());
        add(&l.span, 8, t.trim().to_string());
    }
    if let Some(s) = &ex.source {
        add(&s.span, 9, s.agency.clone());
    }
    for q in &ex.quotes {
        let speaker = q.speaker.and_then(|i| ex.officials.get(i)).map(|o| o.name.clone()).unwrap_or_default();
        add(&q.span, 10, format!("{} {}", speaker, q.verb).trim().to_string());
    }
    out
}

/// A short description of a date's values.
fn date_value(d: &khabar::DateMention) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &d.calendar {
        parts.push(name_of(c));
    }
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => parts.push(format!("{y}/{m:02}/{day:02}")),
        (y, m, day) => {
            for (label, v) in
                [("year", y.map(i64::from)), ("month", m.map(i64::from)), ("day", day.map(i64::from))]
            {
                if let Some(v) = v {
                    parts.push(format!("{label} {v}"));
                }
            }
        }
    }
    if let Some(g) = &d.gregorian {
        parts.push(format!("= {g}"));
    }
    if let Some(w) = &d.weekday {
        parts.push(name_of(w));
    }
    if let Some(r) = &d.relative {
        parts.push(name_of(r));
    }
    parts.join(" ")
}

/// The article text with the marks as nested `<mark>` elements. Spans that
/// cross another span's end are cut at that end, so the result always
/// nests; spans off `char` boundaries or out of range are skipped.
pub fn highlight(input: &str, marks: &[Mark]) -> String {
    let mut spans: Vec<&Mark> = marks
        .iter()
        .filter(|m| {
            m.start < m.end
                && m.end <= input.len()
                && input.is_char_boundary(m.start)
                && input.is_char_boundary(m.end)
        })
        .collect();
    // Outer spans first; at equal ranges quotes (drawn underneath) first.
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(b.kind.cmp(&a.kind)));
    let mut out = String::with_capacity(input.len() * 2);
    let mut pos = 0;
    let mut stack: Vec<usize> = Vec::new();
    for m in spans {
        while let Some(&top) = stack.last() {
            if top <= m.start {
                out.push_str(&escape(&input[pos..top]));
                out.push_str("</mark>");
                pos = top;
                stack.pop();
            } else {
                break;
            }
        }
        let end = stack.last().map_or(m.end, |&top| m.end.min(top));
        if m.start < pos || end <= m.start {
            continue;
        }
        out.push_str(&escape(&input[pos..m.start]));
        let k = &KINDS[m.kind];
        let _ = write!(out, "<mark class=\"e-{}\" title=\"{}\">", k.key, escape(&m.title));
        pos = m.start;
        stack.push(end);
    }
    while let Some(top) = stack.pop() {
        out.push_str(&escape(&input[pos..top]));
        out.push_str("</mark>");
        pos = top;
    }
    out.push_str(&escape(&input[pos..]));
    out
}

fn table(out: &mut String, caption: &str, head: &[&str], rows: &[Vec<String>]) {
    let _ = write!(out, "<section><h2>{} <span class=\"n\">{}</span></h2>", escape(caption), rows.len());
    if rows.is_empty() {
        out.push_str("<p class=\"none\">—</p></section>\n");
        return;
    }
    out.push_str("<table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", escape(h.trim_start_matches('#')));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if i > 0 && head.get(i).is_some_and(|h| h.starts_with('#')) {
                let _ = write!(out, "<td class=\"num\"><bdi dir=\"ltr\">{}</bdi></td>", escape(c));
            } else {
                let _ = write!(out, "<td>{}</td>", escape(c));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>\n");
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; background: #fafaf7; color: #1d1d1f;
  font-family: Vazirmatn, "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, "DejaVu Sans", sans-serif; line-height: 1.9; }
header h1 { margin: 0; font-size: 22px; }
header p { margin: 4px 0 12px; color: #555; font-size: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 14px; padding: 10px 12px; margin-bottom: 16px;
  background: #fff; border: 1px solid #e3e3e0; border-radius: 8px; font-size: 14px; }
.legend span.sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; margin-left: 6px;
  vertical-align: -2px; border: 1px solid rgba(0,0,0,.15); }
.legend code { color: #777; font-size: 12px; margin-right: 4px; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 20px; align-items: start; }
article { background: #fff; border: 1px solid #e3e3e0; border-radius: 8px; padding: 18px 22px;
  white-space: pre-wrap; font-size: 17px; line-height: 2.2; }
mark { border-radius: 3px; padding: 1px 0; color: inherit; }
"#;

const STYLE_TAIL: &str = r#"
mark.e-quotes { background: #f3f3f3; border-bottom: 2px dashed #9a9a9a; }
mark.e-source { font-weight: bold; }
aside { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; }
aside section { background: #fff; border: 1px solid #e3e3e0; border-radius: 8px; padding: 10px 14px; margin-bottom: 14px; }
aside h2 { font-size: 15px; margin: 0 0 6px; }
aside h2 .n { color: #888; font-weight: normal; font-size: 13px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; line-height: 1.6; }
th, td { text-align: right; padding: 3px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
th { color: #666; font-weight: normal; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
p.none { margin: 0; color: #aaa; }
footer { margin-top: 16px; color: #888; font-size: 12px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
"#;

/// `title` cut to about 90 characters at a word boundary.
fn short_title(title: &str) -> String {
    const MAX: usize = 90;
    if title.chars().count() <= MAX {
        return title.to_string();
    }
    let cut: String = title.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches(['،', ',', ' ']))
}

/// The whole page for `input` and its extraction.
pub fn render(input: &str, ex: &Extraction, title: &str) -> String {
    let marks = marks(ex);
    let mut out = String::with_capacity(input.len() * 3 + 8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>khabar: {}</title>", escape(&short_title(title)));
    out.push_str("<style>");
    out.push_str(STYLE);
    for k in &KINDS {
        let _ = writeln!(out, "mark.e-{} {{ background: {}; }}", k.key, k.colour);
        let _ = writeln!(out, ".legend .sw.e-{} {{ background: {}; }}", k.key, k.colour);
    }
    out.push_str(STYLE_TAIL);
    out.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p><span dir=\"ltr\">khabar · {} entities highlighted; hover one for its values.</span></p></header>",
        escape(&short_title(title)),
        marks.len()
    );
    out.push_str("<div class=\"legend\">");
    for (i, k) in KINDS.iter().enumerate() {
        let n = marks.iter().filter(|m| m.kind == i).count();
        let _ = write!(
            out,
            "<div><span class=\"sw e-{}\"></span>{} <code>{}</code> <b>{}</b></div>",
            k.key,
            escape(k.label),
            k.key,
            n
        );
    }
    out.push_str("</div>\n<main>\n<article>");
    out.push_str(&highlight(input, &marks));
    out.push_str("</article>\n<aside>\n");

    let officials: Vec<Vec<String>> = ex
        .officials
        .iter()
        .map(|o| vec![o.name.clone(), opt(&o.role), opt(&o.organization), o.mentions.len().to_string()])
        .collect();
    table(&mut out, "مقام‌ها", &["نام", "سمت", "سازمان", "#اشاره"], &officials);
    let projects: Vec<Vec<String>> = ex
        .projects
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                opt(&p.kind),
                p.status.as_ref().map(name_of).unwrap_or_default(),
                opt(&p.location),
            ]
        })
        .collect();
    table(&mut out, "پروژه‌ها", &["نام", "نوع", "وضعیت", "مکان"], &projects);
    let money: Vec<Vec<String>> = ex
        .money
        .iter()
        .map(|m| {
            let mut amount = format!("{} {}", dec(&m.amount), name_of(&m.currency));
            if let Some(max) = &m.max_amount {
                amount = format!("{} – {} {}", dec(&m.amount), dec(max), name_of(&m.currency));
            }
            vec![
                m.span.text.clone(),
                amount,
                m.rials.as_ref().map(dec).unwrap_or_default(),
                m.qualifier.as_ref().map(name_of).unwrap_or_default(),
            ]
        })
        .collect();
    table(&mut out, "مبالغ", &["متن", "#مقدار", "#ریال", "قید"], &money);
    let mut amounts: Vec<Vec<String>> = Vec::new();
    for c in &ex.counts {
        amounts.push(vec![c.span.text.clone(), thousands(&c.value.to_string()), c.noun.clone()]);
    }
    for p in &ex.percentages {
        let v = match &p.max_value {
            Some(max) => format!("{}–{}%", p.value, max),
            None => format!("{}%", p.value),
        };
        amounts.push(vec![p.span.text.clone(), v, "درصد".to_string()]);
    }
    for q in &ex.quantities {
        amounts.push(vec![q.span.text.clone(), dec(&q.value), q.unit.clone()]);
    }
    table(&mut out, "شمارش‌ها، درصدها و مقادیر", &["متن", "#مقدار", "واحد"], &amounts);
    let dates: Vec<Vec<String>> = ex.dates.iter().map(|d| vec![d.span.text.clone(), date_value(d)]).collect();
    table(&mut out, "تاریخ‌ها", &["متن", "#مقدار"], &dates);
    out.push_str("</aside>\n</main>\n");
    let _ = writeln!(
        out,
        "<footer><span dir=\"ltr\">khabar {} · spans are UTF-8 byte offsets into the original text.</span></footer>",
        escape(env!("CARGO_PKG_VERSION"))
    );
    out.push_str("</body>\n</html>\n");
    out
}
