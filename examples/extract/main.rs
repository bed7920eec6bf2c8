//! Prints the JSON of SPEC.md section 3 for an article.
//!
//! ```text
//! cargo run --release --example extract                       # the built-in sample article
//! cargo run --release --example extract -- article.txt        # a file
//! cargo run --release --example extract -- - < article.txt    # stdin
//! cargo run --release --example extract -- --pretty article.txt
//! cargo run --release --example extract -- --jsonl lines.txt  # one document per line
//! cargo run --release --example extract -- --html out.html article.txt
//! ```
//!
//! Errors (a missing file, invalid UTF-8, an unknown flag) print one line to
//! stderr and exit with status 1.

mod html;

use khabar::Extractor;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

/// The seed article, embedded so that the example runs without arguments.
const SAMPLE: &str = include_str!("../../data/sample/mehr-qom-70-projects.txt");

const HELP: &str = "\
extract: typed records from Persian news text, as JSON (khabar)

usage: extract [OPTIONS] [FILE | -]

  FILE          the article to read (UTF-8); `-` reads stdin;
                without FILE, the built-in sample article is used
  --jsonl       one document per input line; one compact JSON object per
                output line, same order and count (an empty line gives an
                empty object of the same shape)
  --pretty      indented JSON
  --compact     one-line JSON (the default)
  --html OUT    write a self-contained right-to-left HTML page of the article
                with every entity highlighted to OUT (instead of JSON)
  -h, --help    this help

Every JSON object has the keys officials, organizations, projects, counts,
money, percentages, dates, locations, quotes and source (SPEC.md section 3).
Spans are UTF-8 byte offsets into the input.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            // One line, always.
            eprintln!("extract: {}", msg.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

/// What the command line asks for.
#[derive(Debug, Default)]
struct Options {
    jsonl: bool,
    pretty: bool,
    html: Option<String>,
    input: Option<String>,
    help: bool,
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.into_iter();
    let mut flags_done = false;
    while let Some(arg) = it.next() {
        if flags_done || arg == "-" || !arg.starts_with('-') {
            if o.input.is_some() {
                return Err(format!("unexpected argument `{arg}`: only one input may be given (try --help)"));
            }
            o.input = Some(arg);
            continue;
        }
        match arg.as_str() {
            "--" => flags_done = true,
            "--jsonl" => o.jsonl = true,
            "--pretty" => o.pretty = true,
            "--compact" => o.pretty = false,
            "-h" | "--help" => o.help = true,
            "--html" => match it.next() {
                Some(p) if !p.is_empty() => o.html = Some(p),
                _ => return Err("--html needs an output file name (try --help)".into()),
            },
            a => {
                if let Some(p) = a.strip_prefix("--html=") {
                    o.html = Some(p.to_string());
                } else {
                    return Err(format!("unknown option `{a}` (try --help)"));
                }
            }
        }
    }
    if o.jsonl && o.html.is_some() {
        return Err("--html shows one article; it cannot be combined with --jsonl".into());
    }
    Ok(o)
}

fn run(args: Vec<String>) -> Result<(), String> {
    let o = parse_args(args)?;
    if o.help {
        println!("{HELP}");
        return Ok(());
    }
    let ex = Extractor::new();
    if o.jsonl {
        return jsonl(&ex, o.input.as_deref());
    }
    let (text, name) = read_document(o.input.as_deref())?;
    let result = ex.extract(&text);
    if let Some(out) = &o.html {
        let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or(name.as_str()).trim();
        let page = html::render(&text, &result, title);
        std::fs::write(out, page).map_err(|e| format!("cannot write {out}: {e}"))?;
        eprintln!("extract: wrote {out}");
        return Ok(());
    }
    let json = if o.pretty { result.to_json_pretty() } else { result.to_json() };
    let stdout = io::stdout();
    let mut w = stdout.lock();
    write_ok(writeln!(w, "{json}").and_then(|_| w.flush()))
}

/// Treats a closed pipe (`| head`) as success, any other write error as an
/// error.
fn write_ok(r: io::Result<()>) -> Result<(), String> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// The whole input as UTF-8 text, and a name for it.
fn read_document(path: Option<&str>) -> Result<(String, String), String> {
    let (bytes, name) = match path {
        None => return Ok((SAMPLE.to_string(), "sample article".to_string())),
        Some("-") => {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read stdin: {e}"))?;
            (buf, "stdin".to_string())
        }
        Some(p) => (std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}"))?, p.to_string()),
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, name)),
        Err(e) => Err(format!(
            "{name} is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// One document per line in, one compact JSON object per line out, streamed.
fn jsonl(ex: &Extractor, path: Option<&str>) -> Result<(), String> {
    let (mut reader, name): (Box<dyn BufRead>, String) = match path {
        None | Some("-") => (Box::new(io::stdin().lock()), "stdin".to_string()),
        Some(p) => {
            let f = std::fs::File::open(p).map_err(|e| format!("cannot read {p}: {e}"))?;
            (Box::new(io::BufReader::with_capacity(1 << 16, f)), p.to_string())
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = Vec::new();
    let mut lineno = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| format!("cannot read {name}: {e}"))?;
        if n == 0 {
            break;
        }
        lineno += 1;
        let mut line = &buf[..];
        if let Some(l) = line.strip_suffix(b"\n") {
            line = l;
        }
        if let Some(l) = line.strip_suffix(b"\r") {
            line = l;
        }
        let text = std::str::from_utf8(line).map_err(|e| {
            let _ = out.flush();
            format!(
                "{name}: line {lineno} is not valid UTF-8 (invalid byte at column {})",
                e.valid_up_to() + 1
            )
        })?;
        let json = ex.extract(text).to_json();
        let written = out.write_all(json.as_bytes()).and_then(|_| out.write_all(b"\n"));
        if written.is_err() {
            return write_ok(written);
        }
    }
    write_ok(out.flush())
}
