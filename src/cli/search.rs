//! The search command: hits as text for people or as JSON.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

use super::{open, out, print_json, OpenArgs};
use trichdan::console;
use trichdan::index::{SearchRequest, SearchResult, Sort};

/// The JSON answer: the search result and the time it took.
#[derive(Serialize)]
struct Answer<'a> {
    #[serde(flatten)]
    result: &'a SearchResult,
    took_ms: f64,
}

pub fn search(
    args: &OpenArgs,
    query: &str,
    limit: usize,
    offset: usize,
    sort: Sort,
) -> Result<ExitCode> {
    let engine = open(args)?;
    let request = SearchRequest {
        query: query.to_string(),
        limit,
        offset,
        sort,
    };
    let started = Instant::now();
    let result = engine.search(&request)?;
    let took = started.elapsed().as_secs_f64();
    if args.json {
        print_json(&Answer {
            result: &result,
            took_ms: took * 1e3,
        })?;
    } else {
        let bold = std::io::stdout().is_terminal();
        console::hits(&mut out(), &result, took, bold)?;
    }
    Ok(ExitCode::SUCCESS)
}
