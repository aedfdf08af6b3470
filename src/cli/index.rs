//! The commands that read files and write the index: extract, index, add, remove.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::out;
use trichdan::engine::{BuildOptions, Engine};
use trichdan::ingest::Policy;
use trichdan::{console, ingest, message};

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

/// Builds the index in `dir` from every document under `corpus`; a file not read makes the
/// exit code 1.
pub fn build(dir: &Path, corpus: &Path, options: BuildOptions) -> Result<ExitCode> {
    Ok(code(console::build(dir, corpus, options)?.all_read))
}

/// Adds files to the index in `dir` (creating it when there is none).
pub fn add(dir: &Path, files: &[PathBuf], policy: Policy) -> Result<ExitCode> {
    Ok(code(console::add(dir, files, policy)?.all_read))
}

fn code(all_read: bool) -> ExitCode {
    if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
/// Checks the index in `dir`; a problem makes the exit code 1.
pub fn check(dir: &Path, json: bool) -> Result<ExitCode> {
    let report = trichdan::engine::check::check(dir)?;
    if json {
        super::print_json(&report)?;
    } else {
        console::check(&mut out(), &report)?;
    }
    Ok(code(report.problems.is_empty()))
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
