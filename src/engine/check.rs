//! `trichdan check`: whether an index can be trusted. Its files' checksums, every stored
//! document read back whole, the saved graph made for the last commit, and that graph equal
//! to the one the stored documents make — each problem said with what to do about it.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::graph::{self, Graph};
use crate::index::SearchIndex;
use crate::message::check as words;

/// What a check found.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Stored documents read back.
    pub documents: usize,
    pub problems: Vec<Problem>,
}

/// One thing wrong, and what to do about it (in Vietnamese).
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// A stable code: `damaged_files`, `unreadable_document`, `graph_missing`,
    /// `graph_disagrees`.
    pub code: &'static str,
    pub what: String,
    pub fix: String,
}

/// Checks the index in `dir`; an index that cannot be opened at all is an error.
pub fn check(dir: &Path) -> Result<CheckReport> {
    let index = SearchIndex::open(dir)?;
    let mut problems = Vec::new();
    let damaged = index.damaged_files()?;
    if !damaged.is_empty() {
        let names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
        problems.push(Problem {
            code: "damaged_files",
            what: words::damaged(&names),
            fix: words::REBUILD.into(),
        });
    }
    let mut built = graph::Builder::default();
    let mut documents = 0;
    let read = index.each_document(&mut |doc| {
        documents += 1;
        built.add(&doc);
        Ok(())
    });
    if let Err(e) = read {
        problems.push(Problem {
            code: "unreadable_document",
            what: words::unreadable(documents, &e.to_string()),
            fix: words::REBUILD.into(),
        });
        return Ok(CheckReport {
            documents,
            problems,
        });
    }
    match graph::load(dir, &index.commit_tag()) {
        None => problems.push(Problem {
            code: "graph_missing",
            what: words::GRAPH_MISSING.into(),
            fix: words::REOPEN.into(),
        }),
        Some(saved) => {
            let (missing, extra) = differences(&built.finish(), &saved);
            if !missing.is_empty() || !extra.is_empty() {
                problems.push(Problem {
                    code: "graph_disagrees",
                    what: words::disagrees(&missing, &extra),
                    fix: words::regraph(graph::FILE),
                });
            }
        }
    }
    Ok(CheckReport {
        documents,
        problems,
    })
}

/// Each edge as its names say it: `from —rel→ to (stated in doc)`.
fn edges(g: &Graph) -> BTreeSet<String> {
    g.edges
        .iter()
        .map(|e| {
            let (from, to) = (&g.nodes[e.from].name, &g.nodes[e.to].name);
            format!("{from} —{}→ {to} ({})", e.rel.as_str(), e.stated_in)
        })
        .collect()
}

/// The edges the documents make that the saved graph lacks, and those it has beyond them.
fn differences(made: &Graph, saved: &Graph) -> (Vec<String>, Vec<String>) {
    let (made, saved) = (edges(made), edges(saved));
    let missing = made.difference(&saved).cloned().collect();
    let extra = saved.difference(&made).cloned().collect();
    (missing, extra)
}
