//! Normalizes stdin to stdout, line by line (the number of lines is kept).
//!
//! ```text
//! cargo run --release --example normalize < article.txt
//! ```

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

const HELP: &str = "\
normalize: Persian text as khabar's extractors see it (khabar)

usage: normalize < INPUT > OUTPUT

Reads UTF-8 text on stdin and writes it normalized to stdout, line by line
(the number of lines is kept): Arabic ي ك → ی ک, digits and spaces unified,
harakat and tatweel dropped, ZWNJ noise cleaned and missing ZWNJ restored.";

fn main() -> ExitCode {
    if let Some(arg) = std::env::args().nth(1) {
        if arg == "-h" || arg == "--help" {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        eprintln!("normalize: unexpected argument `{arg}`: the text is read from stdin (try --help)");
        return ExitCode::FAILURE;
    }
    let normalizer = khabar::Normalizer::new();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut buf = Vec::new();
    let mut input = stdin.lock();
    let mut lineno = 0usize;
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("normalize: cannot read stdin: {e}");
                return ExitCode::FAILURE;
            }
        }
        lineno += 1;
        let newline = buf.last() == Some(&b'\n');
        let body = if newline { &buf[..buf.len() - 1] } else { &buf[..] };
        let line = match std::str::from_utf8(body) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("normalize: line {lineno} is not valid UTF-8 (byte {})", e.valid_up_to());
                return ExitCode::FAILURE;
            }
        };
        let n = normalizer.normalize(line);
        let written = out.write_all(n.as_str().as_bytes()).and_then(|_| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        });
        if written.is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
