//! The `extract` example as a user runs it: the JSON contract of SPEC.md
//! section 3, `--jsonl` streaming, `--html`, and one-line errors.
//!
//! The example binary is built (or found up to date) with the same cargo that
//! runs the tests, and located through cargo's own JSON messages, so this
//! works under plain `cargo test` on a clean clone, whatever the target
//! directory.

#[path = "../examples/extract/html.rs"]
#[allow(dead_code)]
mod html;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

const SAMPLE: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");
const KEYS: [&str; 10] = khabar::Extraction::KEYS;

/// The path of the built `extract` example.
fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| env!("CARGO").to_string());
        let out = Command::new(cargo)
            .args(["build", "--quiet", "--example", "extract", "--message-format=json", "--manifest-path"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .stderr(Stdio::inherit())
            .output()
            .expect("run cargo build --example extract");
        assert!(out.status.success(), "cargo build --example extract failed");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "extract")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reported the extract executable")
    })
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(extract_bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn extract");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    // Feed stdin from a thread so that a full stdout pipe cannot deadlock.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for extract");
    feeder.join().expect("stdin feeder");
    out
}

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khabar-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// Every span of a record of the JSON object, with the key it came from.
fn spans(v: &Value) -> Vec<(String, usize, usize, String)> {
    let mut out = Vec::new();
    let mut push = |key: &str, s: &Value| {
        if let (Some(a), Some(b), Some(t)) = (s["start"].as_u64(), s["end"].as_u64(), s["text"].as_str()) {
            out.push((key.to_string(), a as usize, b as usize, t.to_string()));
        }
    };
    for key in KEYS.iter().chain(["quantities"].iter()) {
        let recs = match &v[*key] {
            Value::Array(a) => a.clone(),
            Value::Object(_) => vec![v[*key].clone()],
            _ => Vec::new(),
        };
        for r in &recs {
            if r["span"].is_object() {
                push(key, &r["span"]);
            }
            if let Some(ms) = r["mentions"].as_array() {
                for m in ms {
                    push(key, m);
                }
            }
        }
    }
    out
}

fn assert_shape(v: &Value) {
    let obj = v.as_object().expect("a JSON object");
    for key in KEYS {
        assert!(obj.contains_key(key), "key {key} missing");
        if key == "source" {
            assert!(v[key].is_null() || v[key].is_object());
        } else {
            assert!(v[key].is_array(), "{key} is an array");
        }
    }
}

fn one_error_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "exit status 1");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr: {err:?}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "no panic: {err}");
    assert!(
        out.stdout.is_empty() || String::from_utf8_lossy(&out.stdout).lines().all(|l| l.starts_with('{'))
    );
    err
}

#[test]
fn no_argument_prints_the_sample_json() {
    let out = run(&[], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(text.trim_end().lines().count(), 1, "compact by default");
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_shape(&v);
    for (key, a, b, t) in spans(&v) {
        assert_eq!(SAMPLE.get(a..b), Some(t.as_str()), "{key} span {a}..{b}");
    }
    // --pretty gives the same value over several lines; a file and stdin too.
    let pretty = run(&["--pretty"], b"");
    let p: Value = serde_json::from_slice(&pretty.stdout).expect("JSON");
    assert_eq!(p, v);
    assert!(String::from_utf8_lossy(&pretty.stdout).lines().count() > 10);
    let stdin = run(&["-"], SAMPLE.as_bytes());
    assert_eq!(serde_json::from_slice::<Value>(&stdin.stdout).expect("JSON"), v);
    let path = temp_path("sample.txt");
    std::fs::write(&path, SAMPLE).expect("write");
    let file = run(&["--compact", path.to_str().expect("path")], b"");
    assert_eq!(serde_json::from_slice::<Value>(&file.stdout).expect("JSON"), v);
}

#[test]
fn jsonl_keeps_order_and_count() {
    let lines = [
        "امروز ۷۰ پروژه در قم افتتاح شد.",
        "",
        "جلسه در ۱۵ تیر ۱۴۰۳ برگزار شد.\r",
        "سال گذشته بالغ بر ۳۰ هزار میلیارد ریال هزینه شد.",
        "   ",
    ];
    let mut input = String::new();
    for i in 0..10_000 {
        input.push_str(lines[i % lines.len()]);
        input.push('\n');
    }
    let out = run(&["--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), 10_000);
    for (i, l) in got.iter().enumerate().take(50) {
        let v: Value = serde_json::from_str(l).expect("one JSON object per line");
        assert_shape(&v);
        let src = lines[i % lines.len()].trim_end_matches('\r');
        for (key, a, b, t) in spans(&v) {
            assert_eq!(src.get(a..b), Some(t.as_str()), "line {i}: {key}");
        }
        if src.trim().is_empty() {
            assert!(
                KEYS.iter().all(|k| v[*k].as_array().is_none_or(Vec::is_empty)),
                "empty line, empty object"
            );
        }
    }
    let dated: Value = serde_json::from_str(got[2]).expect("JSON");
    assert_eq!(dated["dates"][0]["year"], 1403);
    // A last line without a newline still counts.
    let out = run(&["--jsonl", "-"], "یک\nدو".as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn invalid_utf8_is_one_line_and_exit_1() {
    let bad = b"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xff\xfe\n";
    let path = temp_path("bad.txt");
    std::fs::write(&path, bad).expect("write");
    let p = path.to_str().expect("path");
    let e = one_error_line(&run(&[p], b""));
    assert!(e.contains("UTF-8"), "{e}");
    let e = one_error_line(&run(&["-"], bad));
    assert!(e.contains("UTF-8"), "{e}");
    let mut lines = b"\xd8\xb3\n".to_vec();
    lines.extend_from_slice(bad);
    let out = run(&["--jsonl"], &lines);
    let e = one_error_line(&out);
    assert!(e.contains("line 2"), "{e}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "the good line before is printed");
}

#[test]
fn usage_errors_are_one_line() {
    let e = one_error_line(&run(&["/no/such/khabar/file.txt"], b""));
    assert!(e.contains("file.txt"), "{e}");
    let e = one_error_line(&run(&["--frobnicate"], b""));
    assert!(e.contains("--frobnicate"), "{e}");
    one_error_line(&run(&["a.txt", "b.txt"], b""));
    one_error_line(&run(&["--html"], b""));
    one_error_line(&run(&["--jsonl", "--html", "x.html"], b""));
    let help = run(&["--help"], b"");
    assert!(help.status.success());
    let h = String::from_utf8_lossy(&help.stdout);
    for flag in ["--jsonl", "--pretty", "--compact", "--html", "--help"] {
        assert!(h.contains(flag), "help mentions {flag}");
    }
}

/// Checks that `page` nests its elements properly and escapes its text;
/// returns the text of the `<article>` (unescaped) and the marks in it as
/// (class, start byte in that text).
fn check_html(page: &str) -> (String, Vec<(String, usize)>) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut article = String::new();
    let mut marks = Vec::new();
    let mut in_article = false;
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        check_text(text);
        if in_article {
            article.push_str(&unescape(text));
        }
        let gt = rest[lt..].find('>').expect("tag closed") + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
            if name == "article" {
                in_article = false;
            }
            continue;
        }
        let name = tag.split_whitespace().next().expect("tag name").to_string();
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "tag name {name}");
        assert_eq!(tag.matches('"').count() % 2, 0, "balanced quotes in <{tag}>");
        if name == "mark" && in_article {
            let class = tag.split("class=\"e-").nth(1).and_then(|s| s.split('"').next()).expect("mark class");
            marks.push((class.to_string(), article.len()));
        }
        if name == "article" {
            in_article = true;
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    (article, marks)
}

fn check_text(text: &str) {
    for (i, _) in text.match_indices('&') {
        let ent = &text[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| ent.starts_with(e)),
            "bare & in {text:?}"
        );
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn html_page_is_well_formed_and_carries_every_entity() {
    let path = temp_path("seed.html");
    let out = run(&["--html", path.to_str().expect("path")], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(&path).expect("page written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"fa\" dir=\"rtl\">"));
    for remote in ["http://", "https://", "<script", "<link", "url(", "@import", "src="] {
        assert!(!page.contains(remote), "self-contained: found {remote}");
    }
    let (article, marks) = check_html(&page);
    assert_eq!(article, SAMPLE, "the article is shown whole");
    let json: Value = serde_json::from_slice(&run(&[], b"").stdout).expect("JSON");
    let entities = spans(&json);
    assert!(!entities.is_empty());
    for (key, a, _, t) in &entities {
        assert!(marks.iter().any(|(c, s)| c == key && s == a), "{key} {t:?} at {a} is highlighted");
    }
    for k in &html::KINDS {
        assert!(page.contains(&format!("class=\"sw e-{}\"", k.key)), "legend has {}", k.key);
    }
}

#[test]
fn html_renderer_escapes_nests_and_shows_rials() {
    // An extraction of every type, built from JSON, over a text that needs
    // escaping.
    let input = "<b>وزیر</b> & «شهردار» گفت: ۳۰ هزار میلیارد ریال برای پل 'صدر' در تهران در ۱۵ تیر.";
    let find = |s: &str| {
        let a = input.find(s).expect("in input");
        serde_json::json!({"start": a, "end": a + s.len(), "text": s})
    };
    let ex = serde_json::json!({
        "officials": [{"name": "شهردار", "honorifics": [], "role": "شهردار", "organization": null,
                        "mentions": [find("شهردار")]}],
        "organizations": [{"name": "وزیر", "kind": null, "mentions": [find("وزیر")]}],
        "projects": [{"name": "پل صدر", "kind": "پل", "phase": null, "status": "opening",
                       "location": "تهران", "span": find("پل 'صدر'")}],
        "counts": [{"value": 30, "noun": "هزار", "span": find("۳۰")}],
        "money": [{"amount": "30000000000000", "currency": "IRR", "rials": "30000000000000",
                    "max_amount": null, "qualifier": "over", "span": find("۳۰ هزار میلیارد ریال")}],
        "percentages": [],
        "dates": [{"calendar": "jalali", "year": null, "month": 4, "day": 15, "weekday": null,
                    "relative": null, "span": find("۱۵ تیر")}],
        "locations": [{"name": "تهران", "kind": "city", "span": find("تهران")}],
        "quotes": [{"speaker": 0, "verb": "گفت", "span": find("۳۰ هزار میلیارد ریال برای پل 'صدر' در تهران")}],
        "source": {"agency": "مهر", "span": find("«شهردار»")},
        "quantities": []
    });
    let ex: khabar::Extraction = serde_json::from_value(ex).expect("an Extraction");
    let page = html::render(input, &ex, "a <title> & more");
    let (article, marks) = check_html(&page);
    assert_eq!(article, input);
    assert!(!page.contains("<b>وزیر") && page.contains("&lt;b&gt;"), "input markup is escaped");
    assert!(page.contains("a &lt;title&gt; &amp; more"), "title escaped");
    assert!(page.contains("30,000,000,000,000"), "rials with thousands separators");
    for key in [
        "officials",
        "organizations",
        "projects",
        "counts",
        "money",
        "dates",
        "locations",
        "quotes",
        "source",
    ] {
        assert!(marks.iter().any(|(c, _)| c == key), "{key} highlighted");
    }
    assert_eq!(html::thousands("1234567.5"), "1,234,567.5");
    assert_eq!(html::thousands("999"), "999");
    assert_eq!(html::thousands("1000"), "1,000");
    // Out-of-range or mid-character spans are skipped, never a panic.
    let bad = [
        html::Mark { start: 1, end: 3, kind: 0, title: String::new() },
        html::Mark { start: 0, end: 10_000, kind: 1, title: String::new() },
        html::Mark { start: 5, end: 2, kind: 2, title: String::new() },
    ];
    let out = html::highlight("سلام", &bad);
    assert_eq!(out, "سلام");
}

#[test]
fn extractor_is_send_and_sync() {
    fn shared<T: Send + Sync>() {}
    shared::<khabar::Extractor>();
    let ex = khabar::Extractor::new();
    let counts: Vec<usize> = std::thread::scope(|s| {
        let hs: Vec<_> =
            (0..4).map(|_| s.spawn(|| ex.extract("امروز ۱۵ تیر ۱۴۰۳ است.").dates.len())).collect();
        hs.into_iter().map(|h| h.join().expect("thread")).collect()
    });
    assert!(counts.iter().all(|&n| n == counts[0] && n > 0));
}
