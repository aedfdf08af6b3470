//! The `trichdan-lab bench` measurement: indexes of pieces of about 10 KB cut from a corpus under
//! new ids and headers (`pieces`), at each of several sizes, or of the corpus's own files;
//! build figures, query latency per class, the graph's size and speed; and, on the same
//! pieces, the engines people would use instead (`compare`).

mod compare;
mod measure;
mod pieces;

use std::path::{Path, PathBuf};

use serde::Serialize;

use anyhow::{bail, Result};
use trichdan::cite::Relation;
use trichdan::ingest;

use trichdan::engine::Engine;
use trichdan::error::Error;
use trichdan::graph::{self, Direction, Graph, NodeIx};
use trichdan::index::{self, Mode, SearchIndex, SearchRequest};

use measure::{current_rss, dir_size, median, peak_rss, reset_peak, time, timed, Latency};
use pieces::Pieces;

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

/// `trichdan-lab bench`'s arguments.
#[derive(clap::Args)]
pub struct Args {
    /// Folder of documents.
    #[arg(long)]
    corpus: PathBuf,
    /// Where to build the index (emptied first); with --sizes, one folder per size in it.
    #[arg(long = "index", default_value = "index-bench")]
    index: PathBuf,
    /// Index this many pieces of about 10 KB cut from the corpus (new ids and headers), for
    /// each size in the list (`10000,100000,1000000`), instead of the corpus's files.
    #[arg(long, value_delimiter = ',')]
    sizes: Vec<usize>,
    /// Also build and ask these engines on the same pieces: fts5, ripgrep, tantivy.
    #[arg(long, value_delimiter = ',', value_parser = ["fts5", "ripgrep", "tantivy"])]
    peers: Vec<String>,
    /// Run the peers only at sizes up to this many pieces (FTS5 loads on one core).
    #[arg(long, default_value_t = 100_000)]
    peers_up_to: usize,
    /// Timed runs of each query.
    #[arg(long, default_value_t = 200)]
    runs: usize,
    /// Writer and reader threads (default: every core).
    #[arg(long)]
    threads: Option<usize>,
    /// The index writer's memory in MB, shared by its threads.
    #[arg(long, default_value_t = super::DEFAULT_MEMORY_MB,
          value_parser = clap::value_parser!(u64).range(64..=65_536))]
    memory_mb: u64,
    /// Time the queries on the indexes already there, without building.
    #[arg(long)]
    no_build: bool,
    /// Also serve the (last) index and load /api/search and /api/graph for this many seconds
    /// each.
    #[arg(long)]
    load: Option<f64>,
    /// Measure only the graph saved beside each index already built (size, load, memory,
    /// implementers and follow-up of the most implemented directive and of one with about
    /// 2,000 below it), as JSON: no build, no queries.
    #[arg(long)]
    graph_only: bool,
    /// Load the graph saved in --index and print the resident memory it added (the bench
    /// runs this in a fresh process of its own).
    #[arg(long, hide = true)]
    probe_graph: bool,
}

/// Runs the measurement and prints the figures as JSON.
pub fn command(args: &Args) -> Result<std::process::ExitCode> {
    if args.probe_graph {
        let before = current_rss();
        let index = SearchIndex::open(&args.index)?;
        let Some(g) = graph::load(&args.index, &index.commit_tag()) else {
            bail!("no graph saved for the index at {}", args.index.display());
        };
        let after = current_rss();
        println!("{}", after.saturating_sub(before));
        drop(g);
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if args.graph_only {
        let dirs: Vec<PathBuf> = match args.sizes.is_empty() {
            true => vec![args.index.clone()],
            false => args
                .sizes
                .iter()
                .map(|n| args.index.join(n.to_string()))
                .collect(),
        };
        let mut figures = Vec::new();
        for dir in &dirs {
            let index = SearchIndex::open(dir)?;
            figures.push(graph_figures(dir, &index)?.0);
        }
        super::print_json(&figures)?;
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let threads = super::threads(args.threads);
    let opts = |index: PathBuf, size: Option<usize>| BenchOptions {
        corpus: args.corpus.clone(),
        index,
        size,
        piece_bytes: 10_000,
        runs: args.runs,
        threads,
        memory: (args.memory_mb << 20) as usize,
        no_build: args.no_build,
        peers: if size.is_some_and(|n| n <= args.peers_up_to) {
            args.peers.clone()
        } else {
            Vec::new()
        },
    };
    let runs: Vec<BenchOptions> = if args.sizes.is_empty() {
        vec![opts(args.index.clone(), None)]
    } else {
        args.sizes
            .iter()
            .map(|&n| opts(args.index.join(n.to_string()), Some(n)))
            .collect()
    };
    let mut reports = Vec::new();
    for o in &runs {
        let report = run(o)?;
        eprintln!("{}", report.summary());
        reports.push(report);
    }
    let load = match (args.load, reports.last(), runs.last()) {
        (Some(seconds), Some(r), Some(o)) => Some(super::load::run(
            &o.index,
            seconds,
            &QUERIES[..2],
            &r.graph.top.name,
        )?),
        _ => None,
    };
    let growth = Growth::of(&reports);
    let json = serde_json::json!({ "sizes": reports, "growth": growth, "load": load });
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
    pub size: Option<usize>,
    pub piece_bytes: usize,
    /// Timed runs of each query.
    pub runs: usize,
    pub threads: usize,
    /// The writer's memory, in bytes.
    pub memory: usize,
    /// Time queries on the index already in `index` instead of building one.
    pub no_build: bool,
    /// The peers to build and ask on the same pieces.
    pub peers: Vec<String>,
}

/// The figures of one size.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub documents: usize,
    pub bytes: u64,
    pub build: BuildFigures,
    /// Matching and top-10 collection per class (`implementers` and `chain`: the graph's
    /// walks to depth 3 from the 20 most implemented directives).
    pub queries: std::collections::BTreeMap<String, Latency>,
    /// A whole search request (top 10 with stored fields, snippets and facets) for the
    /// `term` queries, for comparison.
    pub full_search_term: Latency,
    pub graph: GraphFigures,
    pub engine: EngineFigures,
    /// The peers on the same pieces, when asked for.
    pub peers: Option<compare::Comparison>,
}

/// Building: the index (every core), then the graph from it, as `trichdan index` does.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildFigures {
    /// Index and graph.
    pub seconds: f64,
    pub index_seconds: f64,
    /// Reading the stored documents back, building the graph and saving it.
    pub graph_seconds: f64,
    /// CPU time of the whole build (all threads, user and system): `bytes /
    /// cpu_seconds` is the throughput per busy core.
    pub cpu_seconds: f64,
    pub mb_per_second: f64,
    pub docs_per_second: f64,
    pub threads: usize,
    pub memory_budget_bytes: usize,
    /// The process's peak resident memory during the build.
    pub peak_rss_bytes: u64,
    /// Index and graph on disk.
    pub index_bytes: u64,
    pub failures: usize,
}

/// Opening the engine (index plus graph) and whole commands, as a user meets them.
#[derive(Debug, Clone, Serialize)]
pub struct EngineFigures {
    /// Opening index and graph (median of 5).
    pub open_seconds: f64,
    /// Opening and answering `implementers` to depth 3 for the most implemented node
    /// (median of 5).
    pub open_and_implementers_seconds: f64,
    /// `trichdan search` and `trichdan implementers` run as processes (median of 5, ms).
    pub cli_search_ms: f64,
    pub cli_implementers_ms: f64,
}

/// The citation graph as saved beside the index.
#[derive(Debug, Clone, Serialize)]
pub struct GraphFigures {
    pub nodes: usize,
    pub edges: usize,
    /// `trichdan-graph.bin` on disk.
    pub file_bytes: u64,
    /// Loading it (median of 3).
    pub load_seconds: f64,
    /// Resident memory the loaded graph adds.
    pub memory_bytes: u64,
    /// The most implemented node, and a directive with about two thousand below it.
    pub top: Directive,
    pub thousands: Directive,
}

/// A directive and its implementers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Directive {
    pub name: String,
    pub direct: usize,
    /// Everything below it, to depth 3.
    pub below: usize,
    /// `implementers` to depth 3 (median of 20 runs, ms).
    pub implementers_ms: f64,
    /// Its follow-up as a directive asking every province, the central boards and the
    /// Front ([`ASKING`]), answered as JSON (median of 20 runs, ms).
    pub follow_up_ms: f64,
    /// Units that follow-up lists (asked, then plans by units not asked).
    pub follow_up_rows: usize,
}

/// A directive's recipients and tasks, read from text, as the follow-up of a measured node
/// reads its stored document: every province of 2024 (63), the central boards, the Front;
/// each unit is compared with every plan below the node.
const ASKING: &str = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 99-KL/TW          Hà Nội, ngày 10 tháng 5 năm 2024\n\n\
    KẾT LUẬN\nvề một nhiệm vụ\n\nIV. TỔ CHỨC THỰC HIỆN\n\
    1. Các tỉnh uỷ, thành uỷ xây dựng kế hoạch thực hiện; báo cáo trước ngày 31/12/2024.\n\
    2. Ban Tuyên giáo Trung ương chủ trì, phối hợp với Ban Tổ chức Trung ương hướng dẫn; định kỳ hằng năm báo cáo.\n\n\
    Nơi nhận:                                   T/M BỘ CHÍNH TRỊ\n- Các tỉnh uỷ, thành uỷ;\n\
    - Các ban đảng, đảng uỷ trực thuộc Trung ương;\n- Ủy ban Trung ương MTTQ Việt Nam;\n\
    - Lưu Văn phòng Trung ương Đảng.\n";

/// How build cost grows from one size to the next.
#[derive(Debug, Clone, Serialize)]
pub struct Growth {
    pub from: usize,
    pub to: usize,
    pub documents_ratio: f64,
    pub build_seconds_ratio: f64,
    pub build_cpu_ratio: f64,
}

impl Growth {
    fn of(reports: &[BenchReport]) -> Vec<Growth> {
        reports
            .windows(2)
            .map(|w| Growth {
                from: w[0].documents,
                to: w[1].documents,
                documents_ratio: w[1].documents as f64 / w[0].documents.max(1) as f64,
                build_seconds_ratio: w[1].build.seconds / w[0].build.seconds,
                build_cpu_ratio: w[1].build.cpu_seconds / w[0].build.cpu_seconds,
            })
            .collect()
    }
}

impl BenchReport {
    /// One line per size for the terminal.
    fn summary(&self) -> String {
        let q = |c: &str| self.queries.get(c).map_or(0.0, |l| l.p50_ms);
        let mut line = format!(
            "{} docs, {:.0} MB: build {:.1} s ({:.1} CPU s, {:.1} MB/s, peak {:.2} GB, index \
             {:.2} GB); graph {} nodes {} edges, load {:.2} s; p50 ms identifier {:.3} term \
             {:.2} phrase {:.2} filter {:.2} implementers {:.3} chain {:.3}",
            self.documents,
            self.bytes as f64 / 1e6,
            self.build.seconds,
            self.build.cpu_seconds,
            self.build.mb_per_second,
            self.build.peak_rss_bytes as f64 / 1e9,
            self.build.index_bytes as f64 / 1e9,
            self.graph.nodes,
            self.graph.edges,
            self.graph.load_seconds,
            q("identifier"),
            q("term"),
            q("phrase"),
            q("filter"),
            q("implementers"),
            q("chain"),
        );
        let t = &self.graph.thousands;
        line.push_str(&format!(
            "; follow-up of {} ({} below, {} rows) {:.2} ms",
            t.name, t.below, t.follow_up_rows, t.follow_up_ms
        ));
        if let Some(p) = &self.peers {
            line.push('\n');
            line.push_str(&p.summary());
        }
        line
    }
}

/// Builds the index (unless told not to) and measures.
pub fn run(opts: &BenchOptions) -> Result<BenchReport> {
    let pieces = match opts.size {
        Some(_) => Some(Pieces::cut(
            &ingest::files(&opts.corpus)?,
            opts.piece_bytes,
        )?),
        None => None,
    };
    let (summary, build) = if opts.no_build {
        let index = SearchIndex::open(&opts.index)?;
        let summary = index::BuildSummary {
            documents: index.num_docs() as usize,
            ..Default::default()
        };
        (summary, BuildFigures::default())
    } else {
        build(opts, pieces.as_ref())?
    };
    let index = SearchIndex::open(&opts.index)?;
    let mut report = measure(opts, &index, summary, build)?;
    if let (Some(pieces), Some(n)) = (&pieces, opts.size) {
        if !opts.peers.is_empty() {
            report.peers = Some(compare::run(opts, pieces, n, &index, &report)?);
        }
    }
    Ok(report)
}

/// Builds the index and its graph, timed, as `trichdan index` does.
fn build(
    opts: &BenchOptions,
    pieces: Option<&Pieces>,
) -> Result<(index::BuildSummary, BuildFigures)> {
    if opts.index.exists() {
        std::fs::remove_dir_all(&opts.index).map_err(|source| Error::Io {
            path: opts.index.clone(),
            source,
        })?;
    }
    reset_peak();
    let index = SearchIndex::open_or_create(&opts.index)?.with_build_budget(opts.memory);
    let (summary, index_seconds, index_cpu) = timed(|| {
        Ok(match (opts.size, pieces) {
            (Some(n), Some(pieces)) => index::build_from(
                &index,
                n,
                &|i| pieces.document(i).map(|d| vec![d]),
                &|i| PathBuf::from(Pieces::id(i)),
                Mode::Replace,
                opts.threads,
                &|_| {},
            )?,
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
        })
    })?;
    drop(index);
    // the first open reads the stored documents back, builds the graph and saves it
    let (engine, graph_seconds, graph_cpu) = timed(|| Ok(Engine::open(&opts.index)?))?;
    drop(engine);
    let seconds = index_seconds + graph_seconds;
    let build = BuildFigures {
        seconds,
        index_seconds,
        graph_seconds,
        cpu_seconds: index_cpu + graph_cpu,
        mb_per_second: summary.bytes as f64 / 1e6 / seconds,
        docs_per_second: summary.documents as f64 / seconds,
        threads: opts.threads,
        memory_budget_bytes: opts.memory,
        peak_rss_bytes: peak_rss(),
        index_bytes: dir_size(&opts.index),
        failures: summary.failures.len(),
    };
    Ok((summary, build))
}

/// Times the queries on a built index and gathers the figures.
fn measure(
    opts: &BenchOptions,
    index: &SearchIndex,
    summary: index::BuildSummary,
    build: BuildFigures,
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
    let (graph, g) = graph_figures(&opts.index, index)?;
    let names = most_implemented(&g, 20);
    let node = |name: &str| g.node_named(name).expect("a node's own name");
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    queries.insert(
        "implementers".into(),
        time(&names, opts.runs, |n| {
            g.implementers(node(n), 3);
            Ok(())
        })?,
    );
    queries.insert(
        "chain".into(),
        time(&names, opts.runs, |n| {
            g.chain(node(n), Direction::Down, 3);
            Ok(())
        })?,
    );
    drop(g);
    let engine = engine_figures(&opts.index, &graph.top.name)?;
    Ok(BenchReport {
        documents: summary.documents,
        bytes: summary.bytes,
        build,
        queries,
        full_search_term,
        graph,
        engine,
        peers: None,
    })
}

/// The graph saved beside the index: its size, load time and memory, and two directives.
fn graph_figures(dir: &Path, index: &SearchIndex) -> Result<(GraphFigures, Graph)> {
    let tag = index.commit_tag();
    let load = || {
        graph::load(dir, &tag)
            .ok_or_else(|| anyhow::anyhow!("no graph saved for the index at {}", dir.display()))
    };
    let load_seconds = median(3, || load().map(drop))?;
    let g = load()?;
    let memory_bytes = graph_memory(dir)?;
    let top = most_implemented(&g, 1).pop().unwrap_or_default();
    let thousands = about_below(&g, 2_000);
    let figures = GraphFigures {
        nodes: g.nodes.len(),
        edges: g.edges.len(),
        file_bytes: std::fs::metadata(dir.join(graph::FILE)).map_or(0, |m| m.len()),
        load_seconds,
        memory_bytes,
        top: directive(&g, &top),
        thousands: thousands
            .map(|n| directive(&g, &g.nodes[n].name.clone()))
            .unwrap_or_default(),
    };
    Ok((figures, g))
}

/// The resident memory a loaded graph (and the index handle it needs) adds to a fresh
/// process.
fn graph_memory(dir: &Path) -> Result<u64> {
    let out = std::process::Command::new(std::env::current_exe()?)
        .args(["bench", "--probe-graph", "--corpus", "."])
        .arg("--index")
        .arg(dir)
        .output()?;
    if !out.status.success() {
        bail!(
            "probing the graph's memory failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().parse()?)
}

/// The names of the `n` nodes most often implemented directly.
fn most_implemented(g: &Graph, n: usize) -> Vec<String> {
    let mut targets: Vec<(usize, NodeIx)> = (0..g.nodes.len()).map(|n| (direct(g, n), n)).collect();
    targets.sort_unstable_by(|a, b| b.cmp(a));
    targets
        .iter()
        .take(n)
        .map(|&(_, n)| g.nodes[n].name.clone())
        .collect()
}

fn direct(g: &Graph, n: NodeIx) -> usize {
    g.in_edges(n)
        .filter(|e| e.rel == Relation::Implements)
        .count()
}

/// The node whose implementers to depth 3 number closest to `wanted`, among those with at
/// least a tenth of that directly.
fn about_below(g: &Graph, wanted: usize) -> Option<NodeIx> {
    (0..g.nodes.len())
        .filter(|&n| direct(g, n) * 10 >= wanted)
        .min_by_key(|&n| g.implementers(n, 3).len().abs_diff(wanted))
}

/// A directive's implementers counted and timed.
fn directive(g: &Graph, name: &str) -> Directive {
    let Some(n) = g.node_named(name) else {
        return Directive::default();
    };
    let implementers_ms = median(20, || {
        g.implementers(n, 3);
        Ok(())
    })
    .unwrap_or_default()
        * 1e3;
    let asked = trichdan::doc::Document::from_text("asking", ASKING.to_string());
    let as_of = trichdan::date::Date::today();
    let answer = || trichdan::followup::follow_up(g, n, Some(&asked), as_of);
    let follow_up_ms = median(20, || {
        serde_json::to_vec(&answer())?;
        Ok(())
    })
    .unwrap_or_default()
        * 1e3;
    let f = answer();
    Directive {
        name: name.to_string(),
        direct: direct(g, n),
        below: g.implementers(n, 3).len(),
        implementers_ms,
        follow_up_ms,
        follow_up_rows: f.units.len() + f.unasked.len(),
    }
}

/// Opens the engine as the CLI and the server do, and runs whole commands as processes.
fn engine_figures(dir: &Path, target: &str) -> Result<EngineFigures> {
    let open_seconds = median(5, || {
        drop(Engine::open(dir)?);
        Ok(())
    })?;
    let open_and_implementers_seconds = median(5, || {
        Engine::open(dir)?.related(target, Relation::Implements, 3)?;
        Ok(())
    })?;
    let exe = product_exe()?;
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
    Ok(EngineFigures {
        open_seconds,
        open_and_implementers_seconds,
        cli_search_ms: median(5, || run(&["search", "Đảng"]))? * 1e3,
        cli_implementers_ms: median(5, || run(&["implementers", target]))? * 1e3,
    })
}

/// The product's `trichdan` binary, beside this one (`cargo build --release` builds both).
fn product_exe() -> Result<PathBuf> {
    let name = format!("trichdan{}", std::env::consts::EXE_SUFFIX);
    let exe = std::env::current_exe()?.with_file_name(name);
    if !exe.is_file() {
        bail!(
            "{} is missing: build it with `cargo build --release`",
            exe.display()
        );
    }
    Ok(exe)
}

fn req(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.to_string(),
        limit: 10,
        offset: 0,
        sort: Default::default(),
    }
}
