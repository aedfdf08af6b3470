//! The commands that read files and write the index: extract, index, add, remove.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use super::{out, threads};
use trichdan::engine::Engine;
use trichdan::index::BuildSummary;
use trichdan::{ingest, message};

/// Prints every document that reads; reports the others on stderr and fails at the end.
pub fn extract(files: &[PathBuf], pretty: bool, text: bool) -> Result<ExitCode> {
    let mut o = out();
    let mut failed = 0;
    for path in files {
        match ingest::read_documents(path) {
            Ok(docs) => {
                for doc in docs {
                    let mut v = serde_json::to_value(&doc)?;
                    if text {
                        v["text"] = serde_json::Value::from(doc.text.as_str());
                    }
                    if pretty {
                        serde_json::to_writer_pretty(&mut o, &v)?;
                    } else {
                        serde_json::to_writer(&mut o, &v)?;
                    }
                    writeln!(o)?;
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("trichdan: {e}");
            }
        }
    }
    if failed > 0 {
        eprintln!("trichdan: {}", message::failed_files(failed));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn bar(len: usize) -> ProgressBar {
    ProgressBar::new(len as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} tệp, {per_sec} [{elapsed}]")
            .expect("static template"),
    )
}

/// Builds the index in `dir` from every document under `corpus`, with a progress bar.
pub fn build(
    dir: &Path,
    corpus: &Path,
    wanted: Option<usize>,
    memory: usize,
) -> Result<(Engine, ExitCode)> {
    let listing = ingest::listing(corpus)?;
    if !listing.skipped.is_empty() {
        eprintln!("{}", message::skipped_notes(listing.skipped.len()));
        for p in &listing.skipped {
            eprintln!("  {}", p.display());
        }
    }
    for (folder, why) in &listing.unreadable {
        eprintln!(
            "{}",
            message::unreadable_folder(&folder.display().to_string(), why)
        );
    }
    if !listing.renamed.is_empty() {
        eprintln!("{}", message::renamed(listing.renamed.len()));
        for i in &listing.renamed {
            eprintln!("  {} → {}", i.path.display(), i.id);
        }
    }
    let bar = bar(listing.documents.len());
    let started = Instant::now();
    let (engine, summary) =
        Engine::build_within(dir, &listing, threads(wanted), memory, &|_| bar.inc(1))?;
    bar.finish_and_clear();
    let code = report(&engine, &summary, started.elapsed());
    Ok((engine, code))
}

/// Adds files to the index in `dir` (creating it when there is none).
pub fn add(dir: &Path, files: &[PathBuf]) -> Result<ExitCode> {
    let engine = Engine::open_or_create(dir)?;
    let bar = bar(files.len());
    let started = Instant::now();
    let summary = engine.add(files, &|_| bar.inc(1))?;
    bar.finish_and_clear();
    Ok(report(&engine, &summary, started.elapsed()))
}

/// Prints what a build did; failures make the exit code 1.
fn report(engine: &Engine, s: &BuildSummary, took: Duration) -> ExitCode {
    let stats = engine.stats();
    eprintln!(
        "{}; {}",
        message::indexed(
            s.documents,
            s.bytes as f64 / 1e6,
            s.citations,
            took.as_secs_f64()
        ),
        message::holds(stats.documents).to_lowercase()
    );
    eprintln!("{}", message::graph_size(stats.nodes, stats.edges));
    if s.failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!("{}", message::failed_files(s.failures.len()));
    for f in &s.failures {
        eprintln!("  {}", f.reason);
    }
    ExitCode::FAILURE
}

/// Removes documents by id; ids the index does not hold make the exit code 1.
pub fn remove(dir: &Path, ids: &[String]) -> Result<ExitCode> {
    let engine = Engine::open(dir)?;
    let r = engine.remove(ids)?;
    eprintln!("{}", message::removed(r.removed.len(), r.total));
    for id in &r.missing {
        eprintln!("{}", message::not_held(id));
    }
    Ok(if r.missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
