//! Criterion benches, named by path: `normalize/article`, `extract/article`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const ARTICLE: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");

fn normalize(c: &mut Criterion) {
    let n = khabar::Normalizer::new();
    let _ = n.normalize(ARTICLE); // warm the lazy tables
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("article", |b| b.iter(|| n.normalize(black_box(ARTICLE))));
    g.finish();
}

fn extract(c: &mut Criterion) {
    let ex = khabar::Extractor::new();
    let _ = ex.extract(ARTICLE);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("article", |b| b.iter(|| ex.extract(black_box(ARTICLE))));
    g.finish();
}

criterion_group!(benches, normalize, extract);
criterion_main!(benches);
