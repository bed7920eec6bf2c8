//! Extracts every `.txt` article of a folder in parallel and prints the
//! throughput. One [`khabar::Extractor`] is shared by all threads: it is
//! `Send + Sync`, and its regexes and lexicons are built once.
//!
//! ```text
//! cargo run --release --example batch -- ../shared/corpus/fars
//! cargo run --release --example batch -- ../shared/corpus/fars --threads 2 --repeat 5
//! ```

use khabar::Extractor;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

const HELP: &str = "\
batch: extract every .txt article of a folder in parallel and print throughput

usage: batch DIR [--threads N] [--repeat N]

  DIR           a folder of UTF-8 .txt articles (one article per file)
  --threads N   worker threads (default: the number of CPUs)
  --repeat N    process the folder N times (steadier timing; default 1)
  -h, --help    this help";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("batch: {}", msg.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

fn number(v: Option<String>, flag: &str) -> Result<usize, String> {
    v.and_then(|s| s.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{flag} needs a positive whole number"))
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut dir: Option<PathBuf> = None;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut repeat = 1usize;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(());
            }
            "--threads" => threads = number(it.next(), "--threads")?,
            "--repeat" => repeat = number(it.next(), "--repeat")?,
            s if s.starts_with('-') => return Err(format!("unknown option `{s}` (try --help)")),
            s if dir.is_none() => dir = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument `{s}` (try --help)")),
        }
    }
    let dir = dir.ok_or("give a folder of .txt articles (try --help)")?;
    let docs = read_folder(&dir)?;
    if docs.is_empty() {
        return Err(format!("no .txt files in {}", dir.display()));
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();

    let ex = Extractor::new();
    // Build the lazily-initialized lexicons before the clock starts.
    let _ = ex.extract(&docs[0].1);

    let next = AtomicUsize::new(0);
    let total = docs.len() * repeat;
    let threads = threads.min(total);
    let started = Instant::now();
    let counts: Vec<[usize; 9]> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut c = [0usize; 9];
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= total {
                            break c;
                        }
                        let out = ex.extract(&docs[i % docs.len()].1);
                        for (slot, n) in c.iter_mut().zip([
                            out.officials.len(),
                            out.organizations.len(),
                            out.projects.len(),
                            out.counts.len(),
                            out.money.len(),
                            out.percentages.len(),
                            out.dates.len(),
                            out.locations.len(),
                            out.quotes.len(),
                        ]) {
                            *slot += n;
                        }
                    }
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or([0; 9])).collect()
    });
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let mut sum = [0usize; 9];
    for c in &counts {
        for (s, n) in sum.iter_mut().zip(c) {
            *s += n;
        }
    }
    let mb = (bytes * repeat) as f64 / 1e6;
    println!(
        "{} articles ({:.2} MB) x{} on {} threads in {:.3} s: {:.0} articles/s, {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        repeat,
        threads,
        secs,
        total as f64 / secs,
        mb / secs
    );
    let names = &khabar::Extraction::KEYS[..9];
    let per_pass: Vec<String> = names.iter().zip(sum).map(|(n, v)| format!("{n} {}", v / repeat)).collect();
    println!("records per pass: {}", per_pass.join(", "));
    Ok(())
}

/// Every `.txt` file of `dir` (not recursive), sorted by name, as text.
fn read_folder(dir: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut docs = Vec::with_capacity(paths.len());
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{} is not valid UTF-8", p.display()))?;
        docs.push((p, text));
    }
    Ok(docs)
}
