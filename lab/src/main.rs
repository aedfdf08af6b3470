//! `trichdan-lab`: the measurements behind docs/performance.md and docs/real-documents.md,
//! kept apart from the product. `bench` builds indexes and times them against the engines
//! people would use instead ([`peers`]); `eval` scores extraction, relations, search, names,
//! headers and duties against labelled sets. Run it with
//! `cargo run --release -p trichdan-lab -- bench …`.

mod bench;
mod eval;
mod load;
mod peers;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

pub use trichdan::console::{open_at, threads, DEFAULT_MEMORY_MB};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// trichdan's lab: benchmarks against peers and evaluations against labelled sets.
#[derive(Parser)]
#[command(name = "trichdan-lab", version, about)]
struct Lab {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
pub struct IndexDir {
    /// Where the index lives.
    #[arg(long = "index", default_value = "index")]
    pub dir: PathBuf,
}

#[derive(Subcommand)]
enum Command {
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
        /// Instead, score search on a judged query set (tests/golden/queries.json) for
        /// trichdan, SQLite FTS5 and plain tantivy side by side, over the index of --corpus.
        #[arg(long)]
        queries: Option<PathBuf>,
        /// Instead, score documents typed by their names (tests/golden/names.json) for
        /// trichdan, SQLite FTS5 and plain tantivy, over the index of --corpus.
        #[arg(long, conflicts_with = "queries")]
        names: Option<PathBuf>,
        /// Instead, score header fields against a set labelled by reading
        /// (tests/golden/headers.json); `seeds/…` paths are read beside --corpus.
        #[arg(long, conflicts_with_all = ["queries", "names"])]
        headers: Option<PathBuf>,
        /// Instead, score references by name (tests/golden/named_refs.json) against the
        /// graph of the index of --corpus: mentions found, numbers resolved, ambiguity kept.
        #[arg(long, conflicts_with_all = ["queries", "names", "headers"])]
        named: Option<PathBuf>,
        /// Instead, score recipients, tasks and deadlines against a set labelled by reading
        /// (tests/golden/duties.json); `seeds/…` paths are read beside --corpus.
        #[arg(long, conflicts_with_all = ["queries", "names", "headers", "named"])]
        duties: Option<PathBuf>,
        /// With --queries: the index of the corpus (built there when missing).
        #[command(flatten)]
        index: IndexDir,
        /// With --queries: write each query's pool of unjudged top-10 documents, for
        /// judging, into this folder.
        #[arg(long, requires = "queries")]
        pool: Option<PathBuf>,
    },
    /// Build an index and time queries; prints figures as JSON.
    Bench(bench::Args),
}

fn main() -> ExitCode {
    match dispatch(Lab::parse().command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("trichdan-lab: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(command: Command) -> Result<ExitCode> {
    match command {
        Command::Eval {
            corpus,
            json,
            queries: Some(queries),
            index,
            pool,
            ..
        } => eval::queries(&corpus, &index.dir, &queries, pool.as_deref(), json),
        Command::Eval {
            corpus,
            json,
            names: Some(names),
            index,
            ..
        } => eval::names(&corpus, &index.dir, &names, json),
        Command::Eval {
            corpus,
            json,
            headers: Some(headers),
            ..
        } => eval::headers(&corpus, &headers, json),
        Command::Eval {
            corpus,
            json,
            duties: Some(duties),
            ..
        } => eval::duties(&corpus, &duties, json),
        Command::Eval {
            corpus,
            json,
            named: Some(named),
            index,
            ..
        } => eval::named(&corpus, &index.dir, &named, json),
        Command::Eval {
            corpus,
            out,
            json,
            relations,
            ..
        } => eval::command(&corpus, &out, json, relations.as_deref()),
        Command::Bench(args) => bench::command(&args),
    }
}

/// Standard output, locked.
pub fn out() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

/// Writes one JSON value on a line.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    Ok(trichdan::console::json(&mut out(), value)?)
}
