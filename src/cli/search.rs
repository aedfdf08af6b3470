//! The search command: hits as text for people or as JSON.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

use super::{open, out, print_json, OpenArgs};
use trichdan::index::{SearchRequest, SearchResult, Sort};
use trichdan::message;

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
        print_readable(&result, took)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_readable(r: &SearchResult, took: f64) -> Result<()> {
    let bold = std::io::stdout().is_terminal();
    let mut o = out();
    writeln!(o, "{}", message::found(r.total, took))?;
    if let Some(relaxed) = &r.relaxed {
        writeln!(o, "{}", relaxed.note)?;
    }
    for e in &r.expanded {
        writeln!(o, "{}", message::expanded(&e.typed, &e.forms))?;
    }
    for i in &r.interpreted {
        let said = i.candidates.iter().map(|c| c.said.as_str());
        let mut said = said.collect::<Vec<_>>().into_iter();
        if let Some(first) = said.next() {
            writeln!(o, "{}", message::interpreted(&i.typed, first))?;
        }
        for other in said {
            writeln!(o, "  {} {other}", message::DID_YOU_MEAN)?;
        }
    }
    if r.total == 0 {
        writeln!(o, "{}", message::NO_RESULTS)?;
    }
    for (i, h) in r.hits.iter().enumerate() {
        let field = |v: &Option<String>| v.clone().unwrap_or_else(|| message::NONE.into());
        let date = h.date.map_or(message::NONE.into(), |d| d.display());
        writeln!(
            o,
            "\n{}. {}  [{}]\n   {} · {} · {} · {}",
            i + 1,
            h.label,
            h.id,
            field(&h.kind),
            date,
            field(&h.level),
            field(&h.place),
        )?;
        writeln!(o, "   {}", plain(&h.snippet, bold))?;
    }
    Ok(())
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
