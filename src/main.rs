//! The `trichdan` command line: a thin layer over the library.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use trichdan::cite::Relation;
use trichdan::corpus::{self, read_documents};
use trichdan::graph::Direction;
use trichdan::index::{self, BuildSummary, Mode, SearchIndex, SearchRequest, SearchResult};

mod graph_cli;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Search and cross-reference Vietnamese Party and Fatherland Front documents.
#[derive(Parser)]
#[command(name = "trichdan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct IndexDir {
    /// Where the index lives.
    #[arg(long = "index", default_value = "index")]
    dir: PathBuf,
}

/// Where the index is, what to index first when there is none, and the output form.
#[derive(clap::Args, Clone)]
struct OpenArgs {
    #[command(flatten)]
    index: IndexDir,
    /// Folder indexed first when the index does not exist yet.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print each document's fields and citations as one JSON object per line.
    Extract {
        /// Document files (.txt, .md, .html).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Indented JSON for people.
        #[arg(long)]
        pretty: bool,
    },
    /// Build the index from every document under a folder (replacing what it held).
    Index {
        /// Folder of documents (.txt, .md, .html), read recursively.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        #[command(flatten)]
        index: IndexDir,
        /// Reader threads (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Add documents to the index, replacing those with the same id.
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        index: IndexDir,
    },
    /// Remove documents from the index by id (the file name without extension).
    Remove {
        #[arg(required = true)]
        ids: Vec<String>,
        #[command(flatten)]
        index: IndexDir,
    },
    /// Who implements a document: directly and down the chain, each with its path
    /// (`--rel amends` for who amends it, and so on).
    Implementers {
        /// An identifier (21-KL/TW), a scoped node (107-KH/TU@Quảng Nam) or a corpus id.
        id: String,
        #[arg(long, default_value_t = 3)]
        depth: usize,
        /// The relation to follow.
        #[arg(long, default_value = "implements", value_parser = relation_name)]
        rel: Relation,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// The implements-chain from a document, as an indented tree (`--rel` for another
    /// relation: amends, replaces, repeals, guides, based_on).
    Chain {
        id: String,
        /// The relation to follow.
        #[arg(long, default_value = "implements", value_parser = relation_name)]
        rel: Relation,
        /// What it carries out, up to the root directive.
        #[arg(long, conflicts_with = "down")]
        up: bool,
        /// What carries it out, down the levels (the default).
        #[arg(long)]
        down: bool,
        #[arg(long, default_value_t = 3)]
        depth: usize,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// What a corpus document cites, and the relations it states between others.
    Cites {
        /// The corpus id (file name without extension).
        doc: String,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// The nodes an identifier names, with what tells them apart.
    Lookup {
        id: String,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// Compare what is extracted with the labels of each set (index.jsonl) of a corpus.
    Eval {
        /// A corpus whose sets have an index.jsonl of labels.
        #[arg(long)]
        corpus: PathBuf,
        /// Where to write every disagreement (TSV).
        #[arg(long, default_value = "eval-disagreements.tsv")]
        out: PathBuf,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
        /// Also score relations against a labelled set read by people
        /// (tests/golden/relations.json); misses go to the disagreements file.
        #[arg(long)]
        relations: Option<PathBuf>,
    },
    /// Build an index and time queries; prints figures as JSON.
    Bench {
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
    },
    /// Search the index (see the README for the query language).
    Search {
        /// The query; several words are joined with spaces.
        #[arg(required = true)]
        query: Vec<String>,
        #[command(flatten)]
        open: OpenArgs,
        /// How many hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Skip this many hits (paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
}

fn main() -> Result<ExitCode> {
    match Cli::parse().command {
        Command::Extract { files, pretty } => extract(&files, pretty),
        Command::Index {
            corpus,
            index,
            threads,
        } => {
            let files = documents_of(&corpus)?;
            build(&index.dir, &files, Mode::Replace, threads)
        }
        Command::Add { files, index } => build(&index.dir, &files, Mode::Add, None),
        Command::Remove { ids, index } => remove(&index.dir, &ids),
        Command::Search {
            query,
            open,
            limit,
            offset,
        } => search(&open, &query.join(" "), limit, offset),
        Command::Implementers {
            id,
            depth,
            rel,
            open,
        } => graph_cli::implementers(&open, &id, rel, depth),
        Command::Chain {
            id,
            rel,
            up,
            down: _,
            depth,
            open,
        } => {
            let dir = if up { Direction::Up } else { Direction::Down };
            graph_cli::chain(&open, &id, rel, dir, depth)
        }
        Command::Cites { doc, open } => graph_cli::cites(&open, &doc),
        Command::Lookup { id, open } => graph_cli::lookup(&open, &id),
        Command::Eval {
            corpus,
            out,
            json,
            relations,
        } => eval(&corpus, &out, json, relations.as_deref()),
        Command::Bench {
            corpus,
            index,
            cut,
            runs,
            threads: wanted,
            no_build,
        } => {
            let report = trichdan::bench::run(&trichdan::bench::BenchOptions {
                corpus,
                index,
                cut,
                piece_bytes: 10_000,
                runs,
                threads: threads(wanted),
                no_build,
            })?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints every document that reads; reports the others on stderr and fails at the end.
fn extract(files: &[PathBuf], pretty: bool) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for path in files {
        match read_documents(path) {
            Ok(docs) => {
                for doc in docs {
                    if pretty {
                        serde_json::to_writer_pretty(&mut out, &doc)?;
                    } else {
                        serde_json::to_writer(&mut out, &doc)?;
                    }
                    writeln!(out)?;
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("trichdan: {e}");
            }
        }
    }
    if failed > 0 {
        eprintln!("trichdan: {failed} of {} files failed", files.len());
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn threads(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
}

/// Indexes `files` with a progress bar and prints a summary; failures make the exit code 1.
fn build(
    dir: &Path,
    files: &[PathBuf],
    mode: Mode,
    threads_wanted: Option<usize>,
) -> Result<ExitCode> {
    let index = match mode {
        Mode::Replace => SearchIndex::open_to_replace(dir)?,
        Mode::Add => SearchIndex::open_or_create(dir)?,
    };
    let bar = ProgressBar::new(files.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec} [{elapsed}]")
            .expect("static template"),
    );
    let started = std::time::Instant::now();
    let summary = index::build(&index, files, mode, threads(threads_wanted), &|_| {
        bar.inc(1)
    })?;
    bar.finish_and_clear();
    report(&summary, started.elapsed(), index.num_docs());
    let graph = trichdan::graph::build(&index.documents()?);
    eprintln!(
        "citation graph: {} nodes, {} edges",
        graph.nodes.len(),
        graph.edges.len()
    );
    Ok(if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn report(s: &BuildSummary, took: std::time::Duration, total: u64) {
    let secs = took.as_secs_f64().max(1e-9);
    eprintln!(
        "indexed {} documents ({:.1} MB, {} citations) in {:.2} s: {:.0} documents/s, {:.1} MB/s; \
         the index now holds {} documents",
        s.documents,
        s.bytes as f64 / 1e6,
        s.citations,
        secs,
        s.documents as f64 / secs,
        s.bytes as f64 / 1e6 / secs,
        total,
    );
    if !s.failures.is_empty() {
        eprintln!("{} files failed and were skipped:", s.failures.len());
        for f in &s.failures {
            eprintln!("  {}", f.reason);
        }
    }
}

fn remove(dir: &Path, ids: &[String]) -> Result<ExitCode> {
    let index = SearchIndex::open(dir)?;
    let (present, missing): (Vec<&String>, Vec<&String>) =
        ids.iter().partition(|id| index.contains(id));
    let mut writer = index.writer(1, index::SMALL_BUDGET)?;
    for id in &present {
        writer.remove(id);
    }
    writer.commit()?;
    eprintln!(
        "removed {} documents; the index now holds {}",
        present.len(),
        index.num_docs()
    );
    for id in &missing {
        eprintln!("not in the index: {id}");
    }
    Ok(if missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Prints the agreement figures per set and writes the disagreements to `out`.
fn eval(corpus: &Path, out: &Path, json: bool, relations: Option<&Path>) -> Result<ExitCode> {
    let report = trichdan::eval::run(corpus)?;
    let golden = relations
        .map(|g| trichdan::eval::golden::run(g, corpus))
        .transpose()?;
    let mut tsv = String::from("set\tid\tfield\tlabel\tours\n");
    for d in &report.disagreements {
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            d.set, d.id, d.field, d.label, d.ours
        ));
    }
    for m in golden.iter().flat_map(|g| &g.misses) {
        tsv.push_str(&format!(
            "golden\t{}#{}\trelation\t{}\t{}\n",
            m.path, m.part, m.fact, m.what
        ));
    }
    std::fs::write(out, tsv).with_context(|| format!("writing {}", out.display()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report.sets)?);
    } else {
        println!(
            "{:<18} {:>6} {:>16} {:>16} {:>16} {:>16} {:>14} {:>16} {:>16} {:>16} {:>16}",
            "set",
            "docs",
            "own number",
            "(other labels)",
            "date",
            "type",
            "implements",
            "related cited",
            "signer",
            "issuer",
            "says implements"
        );
        let cell = |a: &trichdan::eval::Agreement| {
            if a.labelled == 0 {
                "—".to_string()
            } else {
                format!("{:.1}% of {}", a.percent(), a.labelled)
            }
        };
        for (set, r) in &report.sets {
            println!(
                "{:<18} {:>6} {:>16} {:>16} {:>16} {:>16} {:>14} {:>16} {:>16} {:>16} {:>16}",
                set,
                r.documents,
                cell(&r.own_number),
                cell(&r.own_number_other),
                cell(&r.date),
                cell(&r.kind),
                cell(&r.implements),
                cell(&r.related_cited),
                cell(&r.signer),
                cell(&r.issuer),
                cell(&r.says_implements)
            );
        }
    }
    if let Some(g) = &golden {
        print_golden(g, json)?;
    }
    eprintln!(
        "{} disagreements written to {}",
        report.disagreements.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints the scores against the labelled relation set.
fn print_golden(g: &trichdan::eval::golden::GoldenReport, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(g)?);
        return Ok(());
    }
    println!(
        "\nrelations against the labelled set: {} documents ({} absent)",
        g.documents, g.absent
    );
    let rows = [
        ("implements", &g.implements),
        ("based_on", &g.based_on),
        ("implements + based_on", &g.implements_and_based_on),
        ("amends/replaces/repeals/guides", &g.other_kinds),
        ("stated edges", &g.edges),
    ];
    for (name, s) in rows {
        println!(
            "{:<32} precision {:.3}  recall {:.3}  ({} right, {} extra, {} missed)",
            name,
            s.precision(),
            s.recall(),
            s.true_pos,
            s.false_pos,
            s.false_neg
        );
    }
    for (set, s) in &g.sets {
        println!(
            "  {:<30} {:>3} documents: implements + based_on {:.3} / {:.3}, edges {:.3} / {:.3} (precision / recall)",
            set,
            s.documents,
            s.implements_and_based_on.precision(),
            s.implements_and_based_on.recall(),
            s.edges.precision(),
            s.edges.recall()
        );
    }
    println!(
        "{:<32} signer {:.1}% of {}, issuer {:.1}% of {}",
        "header",
        g.signer.percent(),
        g.signer.labelled,
        g.issuer.percent(),
        g.issuer.labelled
    );
    Ok(())
}

/// Opens the index, building it first from `corpus` when it does not exist yet.
fn open_or_build(dir: &Path, corpus: &Path) -> Result<SearchIndex> {
    let outdated = matches!(
        SearchIndex::open(dir),
        Err(trichdan::Error::Outdated { .. })
    );
    if (!SearchIndex::exists(dir) || outdated) && corpus.is_dir() {
        eprintln!(
            "{} index at {}/: indexing {} first",
            if outdated { "an outdated" } else { "no" },
            dir.display(),
            corpus.display()
        );
        let files = documents_of(corpus)?;
        build(dir, &files, Mode::Replace, None)?;
    }
    Ok(SearchIndex::open(dir)?)
}

/// A relation named on the command line (`implements`, `amends`, `based_on` …).
fn relation_name(name: &str) -> Result<Relation, String> {
    Relation::from_name(name).ok_or_else(|| {
        let all: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
        format!("not a relation; use one of {}", all.join(", "))
    })
}

/// The documents of a folder, saying which files were skipped as not documents.
fn documents_of(dir: &Path) -> Result<Vec<PathBuf>> {
    let listing = corpus::listing(dir)?;
    if !listing.skipped.is_empty() {
        eprintln!(
            "skipped {} files that describe the folder, not documents:",
            listing.skipped.len()
        );
        for p in &listing.skipped {
            eprintln!("  {}", p.display());
        }
    }
    Ok(listing.documents)
}

fn search(open: &OpenArgs, query: &str, limit: usize, offset: usize) -> Result<ExitCode> {
    let index = open_or_build(&open.index.dir, &open.corpus)?;
    let request = SearchRequest {
        query: query.to_string(),
        limit,
        offset,
    };
    let result = match index.search(&request) {
        Ok(r) => r,
        Err(trichdan::Error::Query(message)) => {
            eprintln!("trichdan: {message}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e).context("search failed"),
    };
    if open.json {
        println!("{}", serde_json::to_string(&result)?);
    } else {
        print_readable(&result);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_readable(r: &SearchResult) {
    let bold = io::stdout().is_terminal();
    println!(
        "{} documents{}",
        r.total,
        if r.relaxed {
            " (words matched in any order)"
        } else {
            ""
        }
    );
    for (i, h) in r.hits.iter().enumerate() {
        let field = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        let date = h.date.map_or("—".into(), |d| d.to_string());
        println!(
            "\n{}. {}  [{}]\n   {} · {} · {} · score {:.2}",
            i + 1,
            field(&h.title),
            h.id,
            field(&h.kind),
            date,
            field(&h.place),
            h.score
        );
        println!("   {}", plain(&h.snippet, bold));
    }
}

/// A snippet for a terminal: marks in bold (or «» when not a terminal), entities decoded.
fn plain(snippet: &str, bold: bool) -> String {
    let (on, off) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    snippet
        .replace("<b>", on)
        .replace("</b>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
