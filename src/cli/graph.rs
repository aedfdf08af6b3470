//! The graph commands: implementers, chain, cites, lookup (text or JSON). An identifier that
//! names several documents prints its candidates; one the archive does not know prints the
//! nearest known spellings.

use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use super::{open, out, print_json, OpenArgs, AMBIGUOUS};
use trichdan::cite::Relation;
use trichdan::engine::Engine;
use trichdan::graph::{Direction, Lookup};
use trichdan::{console, message, Error};

/// Prints what a failed resolution says (candidates or suggestions) and gives its exit code;
/// other errors go up.
pub fn failed(engine: &Engine, e: Error, json: bool) -> Result<ExitCode> {
    let said = e.to_string();
    match e {
        Error::Ambiguous { query, .. } => {
            print_candidates(&query, &engine.lookup(&query).candidates, json)?;
            if !json {
                eprintln!("trichdan: {said}");
            }
            Ok(ExitCode::from(AMBIGUOUS))
        }
        Error::NotFound { query, suggestions } => {
            if json {
                print_json(&json!({"query": query, "candidates": [], "suggestions": suggestions}))?;
            }
            eprintln!("trichdan: {}", message::not_found(&query, &suggestions));
            Ok(ExitCode::FAILURE)
        }
        e => Err(e.into()),
    }
}

fn print_candidates(query: &str, candidates: &[Lookup], json: bool) -> Result<()> {
    if json {
        return print_json(&json!({"query": query, "candidates": candidates}));
    }
    Ok(console::candidates(&mut out(), candidates)?)
}

pub fn lookup(args: &OpenArgs, query: &str) -> Result<ExitCode> {
    let engine = open(args)?;
    let answer = engine.lookup(query);
    if answer.candidates.is_empty() {
        let e = Error::NotFound {
            query: answer.query,
            suggestions: answer.suggestions,
        };
        return failed(&engine, e, args.json);
    }
    print_candidates(&answer.query, &answer.candidates, args.json)?;
    Ok(ExitCode::SUCCESS)
}

pub fn implementers(args: &OpenArgs, query: &str, rel: Relation, depth: usize) -> Result<ExitCode> {
    let engine = open(args)?;
    let related = match engine.related(query, rel, depth) {
        Ok(r) => r,
        Err(e) => return failed(&engine, e, args.json),
    };
    if args.json {
        print_json(&related)?;
    } else {
        console::related(&mut out(), &related, rel)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn chain(
    args: &OpenArgs,
    query: &str,
    rel: Relation,
    up: bool,
    depth: usize,
) -> Result<ExitCode> {
    let dir = if up { Direction::Up } else { Direction::Down };
    let engine = open(args)?;
    let tree = match engine.chain(query, rel, dir, depth) {
        Ok(t) => t,
        Err(e) => return failed(&engine, e, args.json),
    };
    if args.json {
        print_json(&tree)?;
    } else {
        console::tree(&mut out(), &tree)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn cites(args: &OpenArgs, doc: &str) -> Result<ExitCode> {
    let report = open(args)?.citations(doc)?;
    if args.json {
        print_json(&report)?;
    } else {
        console::citations(&mut out(), &report)?;
    }
    Ok(ExitCode::SUCCESS)
}
