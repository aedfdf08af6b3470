//! Throughput of the indexing core over the five samples repeated to 32 MiB, one document
//! at a time: composition + cleanup (with the NFC crate we chose and the obvious other),
//! folding, the two index analyzers (tokens counted), identifier extraction, and whole
//! documents (header + extraction). Then one `Danh mục` listing of 10,000 and of 100,000
//! identifiers, whose time per identifier must stay flat (extraction is linear in them).
//!
//! Run: `cargo bench --bench text` (`-- listing` for the listing alone)

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use trichdan::cite::{extract, Layout};
use trichdan::doc::Document;
use trichdan::index::{fold_analyzer, tone_analyzer};
use trichdan::text::{clean, compose, fold};
use unicode_normalization::UnicodeNormalization;

const TARGET_BYTES: usize = 32 << 20;

/// The composed samples, repeated until they add up to 32 MiB.
fn documents() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/samples");
    let mut samples: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| compose(&std::fs::read_to_string(e.unwrap().path()).unwrap()))
        .collect();
    samples.sort();
    let mut docs = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for s in &samples {
            total += s.len();
            docs.push(s.clone());
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("text");
    g.sample_size(10)
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("compose_icu_normalizer", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| compose(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("compose_unicode_normalization", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| clean(black_box(d)).nfc().collect::<String>().len())
                .sum::<usize>()
        })
    });
    g.bench_function("fold", |b| {
        b.iter(|| docs.iter().map(|d| fold(black_box(d)).len()).sum::<usize>())
    });
    for (name, make) in [
        ("analyze_tone", tone_analyzer as fn() -> TextAnalyzer),
        ("analyze_fold", fold_analyzer),
    ] {
        let mut analyzer = make();
        g.bench_function(name, |b| {
            b.iter(|| docs.iter().map(|d| tokens(&mut analyzer, d)).sum::<usize>())
        });
    }
    let layout = Layout::default();
    g.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract(black_box(d), &layout, None).citations.len())
                .sum::<usize>()
        })
    });
    g.bench_function("document", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    Document::from_text("bench", black_box(d.clone()))
                        .citations
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

/// A `Danh mục` appendix listing `n` decisions, each with a plan and the directive it carries
/// out: every identifier of it is a full form, in lists and stated edges.
fn listing(n: usize) -> String {
    let mut text = String::from(
        "QUYẾT ĐỊNH\nCông bố Danh mục văn bản\nCăn cứ Luật số 47/2019/QH14;\nQUYẾT ĐỊNH:\n",
    );
    for i in 1..=n {
        text.push_str(&format!(
            "| {i} | Quyết định số {i}/QĐ-UBND ngày 01/02/2020 của UBND tỉnh, {}-KH/TU | thực hiện Chỉ thị số {}-CT/TW |\n",
            i + 7,
            i % 90 + 1
        ));
    }
    compose(&text)
}

fn bench_listing(c: &mut Criterion) {
    let mut g = c.benchmark_group("listing");
    g.sample_size(10);
    for n in [10_000, 100_000] {
        let text = listing(n);
        // per identifier: three are written out in each row
        g.throughput(Throughput::Elements(3 * n as u64));
        g.bench_function(format!("extract_{n}"), |b| {
            b.iter(|| {
                Document::from_text("listing", black_box(text.clone()))
                    .citations
                    .len()
            })
        });
    }
    g.finish();
}

/// How many tokens `analyzer` makes of `text` (each one written, as indexing does).
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(black_box(text));
    let mut n = 0;
    while stream.advance() {
        n += stream.token().text.len();
    }
    n
}

criterion_group!(benches, bench, bench_listing);
criterion_main!(benches);
