//! The `trichdan bench` measurement: build an index from a folder (or from N pieces of about
//! 10 KB cut from it under new ids), then time a fixed set of queries per class.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use anyhow::{bail, Result};
use trichdan::cite::Relation;
use trichdan::doc::Document;
use trichdan::ingest;

use trichdan::engine::Engine;
use trichdan::error::Error;
use trichdan::graph::{self, Direction, NodeIx};
use trichdan::index::{self, Mode, SearchIndex, SearchRequest};
use trichdan::text::{compose, decode};

/// The query classes and the fixed queries of each.
pub const QUERIES: &[(&str, &[&str])] = &[
    (
        "identifier",
        &[
            "21-KL/TW",
            "124-qd/tw",
            "130/2020/NĐ-CP",
            "05-CT/TW",
            "75-KL/TW",
            "01/2021/TT-BTC",
        ],
    ),
    (
        "term",
        &["Đảng", "thuế", "dat", "khoáng", "ngân, sách", "thuế -đất"],
    ),
    (
        "topical",
        &[
            "bao hiem y te toan dan",
            "dữ liệu kết nối chia sẻ",
            "ke hoach phong chong tham nhung",
            "thu tuc hanh chinh cat giam don gian hoa",
            "MTTQ tham gia bau cu",
        ],
    ),
    (
        "phrase",
        &[
            "\"phòng, chống tham nhũng\"",
            "\"xây dựng Đảng\"",
            "\"quyền sử dụng đất\"",
            "\"hệ thống chính trị\"",
            "\"ngan sach nha nuoc\"",
        ],
    ),
    (
        "filter",
        &[
            "year:2020..2022 thuế",
            "kind:\"Nghị định\"",
            "year:2024",
            "kind:\"Kế hoạch\" Đảng",
        ],
    ),
];

/// `trichdan bench`'s arguments.
#[derive(clap::Args)]
pub struct Args {
    /// Folder of documents.
    #[arg(long)]
    corpus: PathBuf,
    /// Where to build the index (emptied first).
    #[arg(long = "index", default_value = "index-bench")]
    index: PathBuf,
    /// Index this many pieces of about 10 KB cut from the corpus (new ids) instead.
    #[arg(long)]
    cut: Option<usize>,
    /// Timed runs of each query.
    #[arg(long, default_value_t = 200)]
    runs: usize,
    /// Writer and reader threads (default: every core).
    #[arg(long)]
    threads: Option<usize>,
    /// Time the queries on the index already at --index, without building.
    #[arg(long)]
    no_build: bool,
    /// Also serve the index and load /api/search and /api/graph for this many seconds each.
    #[arg(long)]
    load: Option<f64>,
}

/// Runs the measurement and prints the figures as JSON.
pub fn command(args: &Args) -> Result<std::process::ExitCode> {
    let report = run(&BenchOptions {
        corpus: args.corpus.clone(),
        index: args.index.clone(),
        cut: args.cut,
        piece_bytes: 10_000,
        runs: args.runs,
        threads: super::threads(args.threads),
        no_build: args.no_build,
    })?;
    let load = match args.load {
        Some(seconds) => Some(super::load::run(
            &args.index,
            seconds,
            &QUERIES[..2],
            &report.graph.top_target,
        )?),
        None => None,
    };
    let mut json = serde_json::to_value(&report)?;
    json["load"] = serde_json::to_value(load)?;
    super::print_json(&json)?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub corpus: PathBuf,
    /// Where to build the index (emptied first).
    pub index: PathBuf,
    /// Index this many pieces of about `piece_bytes` cut from the corpus instead of its files.
    pub cut: Option<usize>,
    pub piece_bytes: usize,
    /// Timed runs of each query.
    pub runs: usize,
    pub threads: usize,
    /// Time queries on the index already in `index` instead of building one.
    pub no_build: bool,
}

/// Latency percentiles of one query class, in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// The figures `trichdan bench` prints.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub documents: usize,
    pub bytes: u64,
    pub build_seconds: f64,
    /// CPU time the process spent during the build (all threads, user and system):
    /// `bytes / build_cpu_seconds` is the throughput per busy core.
    pub build_cpu_seconds: f64,
    pub docs_per_second: f64,
    pub mb_per_second: f64,
    pub threads: usize,
    pub index_bytes: u64,
    pub peak_rss_bytes: u64,
    pub failures: usize,
    /// Matching and top-10 collection per class.
    pub queries: std::collections::BTreeMap<String, Latency>,
    /// A whole search request (top 10 with stored fields, snippets and facets) for the
    /// `term` queries, for comparison.
    pub full_search_term: Latency,
    pub graph: GraphFigures,
    pub engine: EngineFigures,
}

/// Opening the engine (index plus graph) and whole commands, as a user meets them.
#[derive(Debug, Clone, Serialize)]
pub struct EngineFigures {
    /// The first open after a build written by another path: the graph rebuilt and saved.
    pub open_rebuilding_graph_seconds: f64,
    /// Later opens: the graph loaded from beside the index (median of 5).
    pub open_seconds: f64,
    /// Opening and answering `implementers` to depth 3 for the most implemented node
    /// (median of 5).
    pub open_and_implementers_seconds: f64,
    /// `trichdan search` and `trichdan implementers` run as processes (median of 5, ms),
    /// and the second over the first.
    pub cli_search_ms: f64,
    pub cli_implementers_ms: f64,
    pub cli_graph_over_search: f64,
}

/// The citation graph rebuilt from the index, and its queries.
#[derive(Debug, Clone, Serialize)]
pub struct GraphFigures {
    pub documents: usize,
    pub nodes: usize,
    pub edges: usize,
    /// Reading the stored documents back from the index.
    pub load_seconds: f64,
    /// Building the graph from them.
    pub build_seconds: f64,
    /// `implementers` to depth 3 of the 20 most implemented nodes.
    pub implementers_depth3: Latency,
    /// `chain --down` to depth 3 of the same nodes.
    pub chain_depth3: Latency,
    /// Resident memory after the graph is built.
    pub rss_after_bytes: u64,
    /// The most implemented node, for the engine's figures.
    pub top_target: String,
}

/// Builds the index and times the queries.
pub fn run(opts: &BenchOptions) -> Result<BenchReport> {
    if opts.no_build {
        let index = SearchIndex::open(&opts.index)?;
        return measure(opts, &index, index::BuildSummary::default(), (0.0, 0.0));
    }
    if opts.index.exists() {
        std::fs::remove_dir_all(&opts.index).map_err(|source| Error::Io {
            path: opts.index.clone(),
            source,
        })?;
    }
    let index = SearchIndex::open_or_create(&opts.index)?;
    // The source files are read once, before timing; each piece is decoded, composed and
    // extracted in the timed part, like a file.
    let pieces = match opts.cut {
        Some(_) => Some(Pieces::cut(
            &ingest::files(&opts.corpus)?,
            opts.piece_bytes,
        )?),
        None => None,
    };
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let summary = match (opts.cut, &pieces) {
        (Some(n), Some(pieces)) => {
            let load = |i: usize| pieces.document(i).map(|d| vec![d]);
            let name = |i: usize| PathBuf::from(Pieces::id(i));
            index::build_from(
                &index,
                n,
                &load,
                &name,
                Mode::Replace,
                opts.threads,
                &|_| {},
            )?
        }
        _ => {
            let inputs = ingest::listing(&opts.corpus)?.documents;
            index::build_from(
                &index,
                inputs.len(),
                &|i| ingest::read(&inputs[i]),
                &|i| inputs[i].path.clone(),
                Mode::Replace,
                opts.threads,
                &|_| {},
            )?
        }
    };
    let secs = started.elapsed().as_secs_f64();
    measure(opts, &index, summary, (secs, cpu_seconds() - cpu_started))
}

/// Times the queries on a built index and gathers the figures.
fn measure(
    opts: &BenchOptions,
    index: &SearchIndex,
    summary: index::BuildSummary,
    (secs, cpu): (f64, f64),
) -> Result<BenchReport> {
    let mut queries = std::collections::BTreeMap::new();
    for (class, list) in QUERIES {
        queries.insert(
            class.to_string(),
            time(list, opts.runs, |q| {
                Ok(index.match_ids(&req(q)).map(drop)?)
            })?,
        );
    }
    let term = QUERIES[1].1;
    let full_search_term = time(term, opts.runs.min(50), |q| {
        Ok(index.search(&req(q)).map(drop)?)
    })?;
    let graph = graph_figures(index, opts.runs)?;
    let engine = engine_figures(&opts.index, &graph.top_target)?;
    Ok(BenchReport {
        documents: summary.documents,
        bytes: summary.bytes,
        build_seconds: secs,
        build_cpu_seconds: cpu,
        docs_per_second: summary.documents as f64 / secs,
        mb_per_second: summary.bytes as f64 / 1e6 / secs,
        threads: opts.threads,
        index_bytes: dir_size(&opts.index),
        peak_rss_bytes: peak_rss(),
        failures: summary.failures.len(),
        queries,
        full_search_term,
        graph,
        engine,
    })
}

/// Rebuilds the graph from the index and times implementers and chains to depth 3.
fn graph_figures(index: &SearchIndex, runs: usize) -> Result<GraphFigures> {
    let t = Instant::now();
    let docs = index.documents()?;
    let load_seconds = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let g = graph::build(&docs);
    let build_seconds = t.elapsed().as_secs_f64();
    let mut targets: Vec<(usize, NodeIx)> = (0..g.nodes.len())
        .map(|n| {
            let implemented = g
                .in_edges(n)
                .filter(|e| e.rel == Relation::Implements)
                .count();
            (implemented, n)
        })
        .collect();
    targets.sort_unstable_by(|a, b| b.cmp(a));
    let names: Vec<String> = targets
        .iter()
        .take(20)
        .map(|&(_, n)| g.nodes[n].name.clone())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let node = |name: &str| g.node_named(name).expect("a node's own name");
    let implementers_depth3 = time(&names, runs, |n| {
        g.implementers(node(n), 3);
        Ok(())
    })?;
    let chain_depth3 = time(&names, runs, |n| {
        g.chain(node(n), Direction::Down, 3);
        Ok(())
    })?;
    Ok(GraphFigures {
        documents: docs.len(),
        nodes: g.nodes.len(),
        edges: g.edges.len(),
        load_seconds,
        build_seconds,
        implementers_depth3,
        chain_depth3,
        rss_after_bytes: current_rss(),
        top_target: names.first().map_or(String::new(), |n| n.to_string()),
    })
}

/// Opens the engine as the CLI and the server do, and runs whole commands as processes.
fn engine_figures(dir: &Path, target: &str) -> Result<EngineFigures> {
    let t = Instant::now();
    drop(Engine::open(dir)?);
    let open_rebuilding_graph_seconds = t.elapsed().as_secs_f64();
    let open_seconds = median(5, || {
        drop(Engine::open(dir)?);
        Ok(())
    })?;
    let open_and_implementers_seconds = median(5, || {
        Engine::open(dir)?.related(target, Relation::Implements, 3)?;
        Ok(())
    })?;
    let exe = std::env::current_exe()?;
    let run = |args: &[&str]| -> Result<()> {
        let status = std::process::Command::new(&exe)
            .args(args)
            .arg("--index")
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        if !status.success() {
            bail!("`trichdan {}` failed: {status}", args.join(" "));
        }
        Ok(())
    };
    let cli_search_ms = median(5, || run(&["search", "Đảng"]))? * 1e3;
    let cli_implementers_ms = median(5, || run(&["implementers", target]))? * 1e3;
    Ok(EngineFigures {
        open_rebuilding_graph_seconds,
        open_seconds,
        open_and_implementers_seconds,
        cli_search_ms,
        cli_implementers_ms,
        cli_graph_over_search: cli_implementers_ms / cli_search_ms,
    })
}

/// The median wall time of `runs` calls of `f`, in seconds.
fn median(runs: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut secs = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        secs.push(t.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    Ok(secs[secs.len() / 2])
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.to_string(),
        limit: 10,
        offset: 0,
    }
}

/// Runs each query once to warm up, then `runs` times, and takes percentiles over all.
fn time(queries: &[&str], runs: usize, f: impl Fn(&str) -> Result<()>) -> Result<Latency> {
    let mut ms = Vec::with_capacity(queries.len() * runs);
    for q in queries {
        f(q)?;
        for _ in 0..runs {
            let t = Instant::now();
            f(q)?;
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    Ok(Latency {
        p50_ms: at(0.50),
        p99_ms: at(0.99),
    })
}

/// The corpus's bytes in memory, cut into pieces at line ends; piece `i` of a larger count
/// wraps around (its id is new either way).
struct Pieces {
    bytes: Vec<Vec<u8>>,
    cuts: Vec<(usize, std::ops::Range<usize>)>,
}

impl Pieces {
    fn cut(files: &[PathBuf], size: usize) -> Result<Pieces> {
        let mut bytes = Vec::new();
        let mut cuts = Vec::new();
        for f in files {
            let b = std::fs::read(f).map_err(|source| Error::Io {
                path: f.clone(),
                source,
            })?;
            let Ok(text) = std::str::from_utf8(&b) else {
                continue;
            };
            cuts.extend(line_cuts(text, size).into_iter().map(|r| (bytes.len(), r)));
            bytes.push(b);
        }
        if cuts.is_empty() {
            bail!("the corpus has no text to cut");
        }
        Ok(Pieces { bytes, cuts })
    }

    fn id(i: usize) -> String {
        format!("cut_{i:06}")
    }

    /// Decodes, composes and extracts piece `i`: the same work as reading a file.
    fn document(&self, i: usize) -> trichdan::Result<Document> {
        let (file, range) = &self.cuts[i % self.cuts.len()];
        let raw = &self.bytes[*file][range.clone()];
        let text = decode(raw).map_err(|f| Error::Decode {
            path: Self::id(i).into(),
            encoding: f.encoding,
            offset: f.offset,
        })?;
        Ok(Document::from_text(Self::id(i), compose(&text)))
    }
}

/// Consecutive ranges of `text` of at least `size` bytes each (the last may be shorter),
/// ending after a line break where there is one.
fn line_cuts(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let cut = text.ceil_char_boundary(start + size);
        let end = text[cut..].find('\n').map_or(text.len(), |i| cut + i + 1);
        out.push(start..end);
        start = end;
    }
    out
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The process's peak resident memory (VmHWM), where the system reports it.
pub fn peak_rss() -> u64 {
    proc_status("VmHWM:")
}

/// The process's resident memory now (VmRSS).
pub fn current_rss() -> u64 {
    proc_status("VmRSS:")
}

/// CPU time this process has used so far, user and system, all threads (from
/// `/proc/self/stat`, in the kernel's fixed 100 ticks per second); 0 where there is no /proc.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // the fields after the command name, which is in parentheses and may hold spaces
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11) // state is field 3; utime and stime are fields 14 and 15
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}

fn proc_status(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_line_breaks_and_never_inside_a_character() {
        let text = "Kế hoạch thực hiện\nNghị quyết số 28-NQ/TW\nđạo đức lối sống\n".repeat(50);
        for size in 1..80 {
            let cuts = line_cuts(&text, size);
            assert_eq!(cuts.first().map(|r| r.start), Some(0));
            assert_eq!(cuts.last().map(|r| r.end), Some(text.len()));
            for w in cuts.windows(2) {
                assert_eq!(w[0].end, w[1].start);
                assert!(text[..w[0].end].ends_with('\n'), "size {size}");
            }
        }
    }
}
