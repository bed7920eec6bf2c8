//! Criterion benches, named by path (`normalize/article`, `extract/corpus`,
//! ...), reporting MB/s. The "corpus" is built from the project's own sample
//! article in the spellings real text arrives in (ZWNJ stripped, spaced,
//! Arabic letters, mixed digits), about 1 MB; no corpus file ships with the
//! crate.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const ARTICLE: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");

/// About 1 MB of text in four spellings of the sample.
fn corpus() -> String {
    let spaced = ARTICLE.replace('\u{200c}', " ");
    let arabic = ARTICLE.replace('ی', "ي").replace('ک', "ك");
    let digits: String = ARTICLE
        .chars()
        .map(|c| match c {
            '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    let unit = [ARTICLE, &spaced, &arabic, &digits].join("\n\n");
    let mut out = String::with_capacity(1 << 20);
    while out.len() < 1 << 20 {
        out.push_str(&unit);
        out.push_str("\n\n");
    }
    out
}

fn normalize(c: &mut Criterion) {
    let n = khabar::Normalizer::new();
    let corpus = corpus();
    // Warm the lazy tables and check the answer once.
    assert!(n.normalize(ARTICLE).as_str().contains("شهرداری قم"));
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("article", |b| b.iter(|| n.normalize(black_box(ARTICLE))));
    g.throughput(Throughput::Bytes(corpus.len() as u64));
    g.sample_size(20);
    g.bench_function("corpus", |b| b.iter(|| n.normalize(black_box(&corpus))));
    // The character pass alone, without the ZWNJ repair.
    let chars = khabar::Normalizer::builder().repair_zwnj(false).build();
    g.bench_function("chars", |b| b.iter(|| chars.normalize(black_box(&corpus))));
    g.finish();
}

fn extract(c: &mut Criterion) {
    let ex = khabar::Extractor::new();
    let corpus = corpus();
    let _ = ex.extract(ARTICLE);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("article", |b| b.iter(|| ex.extract(black_box(ARTICLE))));
    g.throughput(Throughput::Bytes(corpus.len() as u64));
    g.sample_size(10);
    g.bench_function("corpus", |b| b.iter(|| ex.extract(black_box(&corpus))));
    g.finish();
}

fn numbers(c: &mut Criterion) {
    let words = "دو میلیارد و پانصد میلیون";
    assert_eq!(khabar::numbers::parse(words).map(|n| n.value.to_string()), Some("2500000000".to_string()));
    let mut g = c.benchmark_group("numbers");
    g.throughput(Throughput::Bytes(words.len() as u64));
    g.bench_function("parse", |b| b.iter(|| khabar::numbers::parse(black_box(words))));
    let text = khabar::Normalizer::builder().digits(khabar::DigitTarget::Ascii).build().normalize(ARTICLE);
    g.throughput(Throughput::Bytes(text.as_str().len() as u64));
    g.bench_function("scan", |b| b.iter(|| khabar::numbers::scan(black_box(text.as_str()))));
    g.finish();

    // Money alone: the number extractors without the others.
    let ex = khabar::Extractor::builder()
        .officials(false)
        .organizations(false)
        .projects(false)
        .dates(false)
        .locations(false)
        .quotes(false)
        .source(false)
        .build()
        .expect("no custom data");
    assert_eq!(ex.extract(ARTICLE).money[0].amount.to_string(), "30000000000000");
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("money", |b| b.iter(|| ex.extract(black_box(ARTICLE))));
    g.finish();
}

criterion_group!(benches, normalize, extract, numbers);
criterion_main!(benches);
