//! The peers on the bench's pieces (`lab/src/peers/`): their build, the same queries' latency,
//! and what each finds for queries typed without diacritics and for `124-QD/TW`; ratios are
//! trichdan's figure over the peer's (above 1: trichdan better).

use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::measure::{dir_size, time, timed, Latency};
use super::pieces::Pieces;
use super::{BenchOptions, BenchReport, QUERIES};
use crate::peers::{Fts5, Peer, PlainTantivy, Ripgrep};
use trichdan::index::SearchIndex;

/// Queries typed without diacritics: FTS5 folds tones but not `đ`, so it misses `đất đai`.
const FOLDED: &[&str] = &[
    "dat dai",
    "dang vien",
    "ngan sach nha nuoc",
    "phong chong tham nhung",
    "quyen su dung dat",
];
/// "Which documents cite 124-QĐ/TW", typed without `Đ`.
const IDENTIFIER: &str = "124-QD/TW";
/// The query classes every engine can answer.
const CLASSES: &[&str] = &["identifier", "term", "phrase"];

/// Everything the peers were measured on, trichdan first.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub engines: Vec<EngineRow>,
    pub ratios: Vec<Ratio>,
    pub folded: Vec<Found>,
    pub identifier: Found,
}

/// One engine's build and query latency.
#[derive(Debug, Clone, Serialize)]
pub struct EngineRow {
    pub name: String,
    pub build_seconds: f64,
    pub build_cpu_seconds: f64,
    pub mb_per_second: f64,
    pub disk_bytes: u64,
    pub queries: std::collections::BTreeMap<String, Latency>,
}

/// trichdan over one peer: build throughput, and how many times faster per query class
/// (the peer's p50 over trichdan's).
#[derive(Debug, Clone, Serialize)]
pub struct Ratio {
    pub peer: String,
    pub build_mb_per_second: f64,
    pub faster: std::collections::BTreeMap<String, f64>,
}

/// How many documents each engine finds for one query, and how trichdan's set compares with
/// FTS5's.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub query: String,
    pub counts: std::collections::BTreeMap<String, usize>,
    /// FTS5 finds these and trichdan does not (should be 0).
    pub fts5_only: usize,
    /// trichdan finds these and FTS5 does not.
    pub trichdan_only: usize,
}

impl Comparison {
    /// Lines for the terminal.
    pub fn summary(&self) -> String {
        let mut out = Vec::new();
        for r in &self.ratios {
            let faster: Vec<String> = r
                .faster
                .iter()
                .map(|(c, x)| format!("{c} {x:.1}×"))
                .collect();
            out.push(format!(
                "  trichdan vs {}: build MB/s {:.2}×, faster: {}",
                r.peer,
                r.build_mb_per_second,
                faster.join(", ")
            ));
        }
        for f in self.folded.iter().chain(std::iter::once(&self.identifier)) {
            out.push(format!(
                "  {:?}: {:?} (FTS5 only {}, trichdan only {})",
                f.query, f.counts, f.fts5_only, f.trichdan_only
            ));
        }
        out.join("\n")
    }
}

/// Builds the peers named in `opts` on the first `n` pieces and compares them with trichdan's
/// figures in `report`.
pub fn run(
    opts: &BenchOptions,
    pieces: &Pieces,
    n: usize,
    index: &SearchIndex,
    report: &BenchReport,
) -> Result<Comparison> {
    let dir = PathBuf::from(format!("{}-peers", opts.index.display()));
    std::fs::create_dir_all(&dir)?;
    let texts = || (0..n).map(|i| Ok((Pieces::id(i), pieces.text(i)?)));
    let mut engines = vec![trichdan_row(report)];
    let mut peers: Vec<Box<dyn Peer>> = Vec::new();
    if opts.peers.iter().any(|p| p == "ripgrep") && !Ripgrep::available() {
        anyhow::bail!(
            "ripgrep is not installed: `apt-get install ripgrep`, or leave it out of --peers"
        );
    }
    for name in &opts.peers {
        // each peer's files are one path under `dir`, measured on disk after its build
        let at = dir.join(match name.as_str() {
            "fts5" => "fts5.db",
            "ripgrep" => "rg",
            _ => "tantivy",
        });
        let (peer, seconds, cpu): (Box<dyn Peer>, f64, f64) = match name.as_str() {
            "fts5" => {
                let (p, s, c) = timed(|| Fts5::build(Some(&at), texts()))?;
                (Box::new(p), s, c)
            }
            "ripgrep" => {
                let (p, s, c) = timed(|| Ripgrep::build(&at, texts()))?;
                (Box::new(p), s, c)
            }
            _ => {
                let (p, s, c) =
                    timed(|| PlainTantivy::build(Some(&at), opts.threads, opts.memory, texts()))?;
                (Box::new(p), s, c)
            }
        };
        let disk = dir_size(&at);
        // a scan per query: a few runs say enough
        let runs = if name == "ripgrep" {
            2
        } else {
            opts.runs.min(20)
        };
        let mut queries = std::collections::BTreeMap::new();
        for (class, list) in QUERIES.iter().filter(|(c, _)| CLASSES.contains(c)) {
            let latency = time(list, runs, |q| peer.search(q, 10).map(drop))?;
            queries.insert(class.to_string(), latency);
        }
        engines.push(EngineRow {
            name: peer.name().to_string(),
            build_seconds: seconds,
            build_cpu_seconds: cpu,
            mb_per_second: report.bytes as f64 / 1e6 / seconds,
            disk_bytes: disk,
            queries,
        });
        peers.push(peer);
    }
    let ratios = engines[1..].iter().map(|e| ratio(&engines[0], e)).collect();
    let folded = FOLDED
        .iter()
        .map(|q| found(q, index, &peers))
        .collect::<Result<Vec<_>>>()?;
    let identifier = found(IDENTIFIER, index, &peers)?;
    Ok(Comparison {
        engines,
        ratios,
        folded,
        identifier,
    })
}

/// trichdan's row, from the bench's own figures.
fn trichdan_row(report: &BenchReport) -> EngineRow {
    EngineRow {
        name: "trichdan".into(),
        build_seconds: report.build.seconds,
        build_cpu_seconds: report.build.cpu_seconds,
        mb_per_second: report.build.mb_per_second,
        disk_bytes: report.build.index_bytes,
        queries: report
            .queries
            .iter()
            .filter(|(c, _)| CLASSES.contains(&c.as_str()))
            .map(|(c, l)| (c.clone(), *l))
            .collect(),
    }
}

fn ratio(ours: &EngineRow, peer: &EngineRow) -> Ratio {
    Ratio {
        peer: peer.name.clone(),
        build_mb_per_second: ours.mb_per_second / peer.mb_per_second,
        faster: ours
            .queries
            .iter()
            .filter_map(|(c, l)| {
                let theirs = peer.queries.get(c)?;
                Some((c.clone(), theirs.p50_ms / l.p50_ms))
            })
            .collect(),
    }
}

/// What each engine finds for `query`.
fn found(query: &str, index: &SearchIndex, peers: &[Box<dyn Peer>]) -> Result<Found> {
    let ours: HashSet<String> = index.matching_all(query)?.into_iter().collect();
    let mut counts = std::collections::BTreeMap::from([("trichdan".to_string(), ours.len())]);
    let (mut fts5_only, mut trichdan_only) = (0, 0);
    for p in peers {
        let theirs: HashSet<String> = p.matching(query)?.into_iter().collect();
        counts.insert(p.name().to_string(), theirs.len());
        if p.name() == "FTS5" {
            fts5_only = theirs.difference(&ours).count();
            trichdan_only = ours.difference(&theirs).count();
        }
    }
    Ok(Found {
        query: query.to_string(),
        counts,
        fts5_only,
        trichdan_only,
    })
}
