//! Prints the JSON of SPEC.md section 3 for an article.
//!
//! ```text
//! cargo run --release --example extract                 # the built-in sample article
//! cargo run --release --example extract -- article.txt  # a file
//! cargo run --release --example extract -- -            # stdin
//! cargo run --release --example extract -- --jsonl -   # one document per line
//! ```

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const SAMPLE: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("extract: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut jsonl = false;
    let mut pretty = false;
    let mut path: Option<String> = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--pretty" => pretty = true,
            "--compact" => pretty = false,
            "-h" | "--help" => {
                println!("usage: extract [--jsonl] [--pretty] [FILE | -]");
                return Ok(());
            }
            a if a.starts_with("--") => return Err(format!("unknown flag {a} (try --help)")),
            a => {
                if path.is_some() {
                    return Err("only one input may be given".into());
                }
                path = Some(a.to_string());
            }
        }
    }
    let ex = khabar::Extractor::new();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if jsonl {
        let reader: Box<dyn BufRead> = match path.as_deref() {
            None | Some("-") => Box::new(io::BufReader::new(io::stdin())),
            Some(p) => Box::new(io::BufReader::new(std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?)),
        };
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("read error: {e}"))?;
            let text =
                std::str::from_utf8(&line).map_err(|_| format!("line {} is not valid UTF-8", i + 1))?;
            let text = text.strip_suffix('\r').unwrap_or(text);
            writeln!(out, "{}", ex.extract(text).to_json()).map_err(|e| e.to_string())?;
        }
        return out.flush().map_err(|e| e.to_string());
    }
    let text = match path.as_deref() {
        None => SAMPLE.to_string(),
        Some("-") => {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf).map_err(|e| format!("stdin: {e}"))?;
            String::from_utf8(buf).map_err(|_| "stdin is not valid UTF-8".to_string())?
        }
        Some(p) => {
            let buf = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            String::from_utf8(buf).map_err(|_| format!("{p} is not valid UTF-8"))?
        }
    };
    let result = ex.extract(&text);
    let json = if pretty { result.to_json_pretty() } else { result.to_json() };
    writeln!(out, "{json}").map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())
}
