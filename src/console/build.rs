//! A build as a person watches it: what the listing skipped or renamed, a progress bar, and
//! what was indexed and what failed, on standard error.

use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::engine::{BuildOptions, Engine, Missing};
use crate::index::BuildSummary;
use crate::ingest::{self, Policy};
use crate::{message, Result};

/// The index writer's memory for a build, in MB: 1 GB leaves most of a 24 GB, 2-core
/// machine free (the peak of a million-document build is in docs/performance.md).
pub const DEFAULT_MEMORY_MB: u64 = 1024;

/// A finished build: the engine over it, and whether every file was read.
pub struct Built {
    pub engine: Engine,
    pub all_read: bool,
}

/// A build on every core with the default memory, letting in what `policy` does.
pub fn default_options(policy: Policy) -> BuildOptions {
    BuildOptions {
        threads: threads(None),
        budget: (DEFAULT_MEMORY_MB << 20) as usize,
        policy,
    }
}

/// Every core, unless told otherwise.
pub fn threads(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
}

fn bar(len: usize) -> ProgressBar {
    ProgressBar::new(len as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} tệp, {per_sec} [{elapsed}]")
            .expect("static template"),
    )
}

/// Builds the index in `dir` from every document under `corpus`, showing progress and then
/// what was done.
pub fn build(dir: &Path, corpus: &Path, options: BuildOptions) -> Result<Built> {
    let listing = ingest::listing(corpus)?;
    if !listing.skipped.is_empty() {
        eprintln!("{}", message::skipped_notes(listing.skipped.len()));
        for p in &listing.skipped {
            eprintln!("  {}", p.display());
        }
    }
    for (folder, why) in &listing.unreadable {
        let folder = folder.display().to_string();
        eprintln!("{}", message::unreadable_folder(&folder, why));
    }
    if !listing.renamed.is_empty() {
        eprintln!("{}", message::renamed(listing.renamed.len()));
        for i in &listing.renamed {
            eprintln!("  {} → {}", i.path.display(), i.id);
        }
    }
    let bar = bar(listing.documents.len());
    let started = Instant::now();
    let (engine, summary) = Engine::build_with(dir, &listing, options, &|_| bar.inc(1))?;
    bar.finish_and_clear();
    let all_read = summarize(&engine, &summary, started.elapsed());
    Ok(Built { engine, all_read })
}

/// Adds files to the index in `dir` (creating it when there is none), showing progress and
/// then what was done.
pub fn add(dir: &Path, files: &[std::path::PathBuf], policy: Policy) -> Result<Built> {
    let engine = Engine::open_or_create(dir)?.with_policy(policy);
    let bar = bar(files.len());
    let started = Instant::now();
    let summary = engine.add(files, &|_| bar.inc(1))?;
    bar.finish_and_clear();
    let all_read = summarize(&engine, &summary, started.elapsed());
    Ok(Built { engine, all_read })
}

/// Says what a build did and which files failed; true when none did.
fn summarize(engine: &Engine, s: &BuildSummary, took: Duration) -> bool {
    let stats = engine.stats();
    let indexed = message::indexed(
        s.documents,
        s.bytes as f64 / 1e6,
        s.citations,
        took.as_secs_f64(),
    );
    let holds = message::holds(stats.documents).to_lowercase();
    eprintln!("{indexed}; {holds}");
    eprintln!("{}", message::graph_size(stats.nodes, stats.edges));
    if !s.withheld.is_empty() {
        eprintln!("{}", message::withheld(s.withheld.len()));
        for w in &s.withheld {
            eprintln!("  {}", w.path.display());
        }
    }
    if s.failures.is_empty() {
        return true;
    }
    eprintln!("{}", message::failed_files(s.failures.len()));
    for f in &s.failures {
        eprintln!("  {}", f.reason);
    }
    false
}

/// Opens the index in `dir`, building it first from `corpus` when there is none (or it is
/// outdated) and the corpus is there.
pub fn open_at(dir: &Path, corpus: &Path) -> Result<Engine> {
    if must_build(dir, corpus) {
        return Ok(build(dir, corpus, default_options(Policy::default()))?.engine);
    }
    Engine::open(dir)
}

/// True, having said so, when `dir` holds no index this version opens and `corpus` is there
/// to build one from.
pub fn must_build(dir: &Path, corpus: &Path) -> bool {
    let Some(missing) = Engine::missing(dir).filter(|_| corpus.is_dir()) else {
        return false;
    };
    eprintln!(
        "{}",
        message::building_first(
            &dir.display().to_string(),
            &corpus.display().to_string(),
            missing == Missing::Outdated
        )
    );
    true
}
