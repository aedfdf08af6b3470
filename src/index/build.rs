//! Building an index from documents made on every core (by [`crate::ingest`] or a bench's
//! pieces), written through one writer, committed once at the end (so an interrupted build
//! leaves the previous commit intact). This module reads no files.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::Serialize;

use super::store::{SearchIndex, SMALL_BUDGET};
use crate::doc::Document;
use crate::error::{Error, Result};

/// What a build did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildSummary {
    pub documents: usize,
    pub citations: usize,
    pub bytes: u64,
    pub failures: Vec<Failure>,
    /// Files kept out because they are stamped secret (`MẬT` …) and that was not allowed.
    pub withheld: Vec<Failure>,
}

/// A file that could not be indexed, and why.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Failure {
    pub path: PathBuf,
    pub reason: String,
}

/// How a build treats what the index already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The index ends up holding exactly these files.
    Replace,
    /// These files are added, replacing documents with the same id; others stay.
    Add,
}

/// Indexes the documents `load` makes of `count` inputs (decoding, composing and extracting, on
/// `threads` threads); `name` says which input a failure came from. One commit at the end.
pub fn build_from(
    index: &SearchIndex,
    count: usize,
    load: &(dyn Fn(usize) -> Result<Vec<Document>> + Sync),
    name: &(dyn Fn(usize) -> PathBuf + Sync),
    mode: Mode,
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<BuildSummary> {
    let budget = if count > 1_000 {
        index.build_budget()
    } else {
        SMALL_BUDGET
    };
    let mut writer = index.writer(threads, budget)?;
    if mode == Mode::Replace {
        writer.clear()?;
    }
    let next = AtomicUsize::new(0);
    let summary = Mutex::new(BuildSummary::default());
    let writer_ref = &writer;
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                // a panic in one input's reader is that input's failure; the run goes on
                let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(i)))
                    .unwrap_or_else(|panic| Err(Error::panicked(&name(i), panic)));
                let outcome = loaded.and_then(|docs| {
                    let mut counts = (0, 0, 0u64);
                    for doc in docs {
                        counts.0 += 1;
                        counts.1 += doc.citations.len();
                        counts.2 += doc.text.len() as u64;
                        writer_ref.upsert(doc)?;
                    }
                    Ok(counts)
                });
                let mut sum = summary.lock().expect("summary lock");
                match outcome {
                    Ok((documents, citations, bytes)) => {
                        sum.documents += documents;
                        sum.citations += citations;
                        sum.bytes += bytes;
                    }
                    Err(e) => {
                        let classified = matches!(e, Error::Classified { .. });
                        let failure = Failure {
                            path: name(i),
                            reason: e.to_string(),
                        };
                        match classified {
                            true => sum.withheld.push(failure),
                            false => sum.failures.push(failure),
                        }
                    }
                }
                drop(sum);
                progress(i);
            });
        }
    });
    writer.commit()?;
    let mut summary = summary.into_inner().expect("summary lock");
    summary.failures.sort_by(|a, b| a.path.cmp(&b.path));
    summary.withheld.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(summary)
}
