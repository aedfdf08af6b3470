//! The graph commands: implementers, chain, cites, lookup (text or JSON). An identifier that
//! names several documents prints its candidates; one the archive does not know prints the
//! nearest known spellings.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use super::{open, out, print_json, OpenArgs, AMBIGUOUS};
use trichdan::cite::Relation;
use trichdan::engine::TreeNode;
use trichdan::graph::{ChainNode, Direction, Lookup};
use trichdan::{message, Error};

/// Prints what a failed resolution says (candidates or suggestions) and gives its exit code;
/// other errors go up.
pub fn failed(e: Error, json: bool) -> Result<ExitCode> {
    let said = e.to_string();
    match e {
        Error::Ambiguous { query, candidates } => {
            print_candidates(&query, &candidates, json)?;
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

/// One line for a node: name, then kind · date · issuer · locality.
fn describe(n: &ChainNode) -> String {
    let mut parts = vec![n.label.clone()];
    parts.extend(n.kind.clone());
    parts.extend(n.date.map(|d| d.display()));
    parts.extend(n.issuer.clone());
    parts.extend(n.locality.clone());
    if n.ambiguous {
        parts.push(message::SCOPE_UNKNOWN.into());
    }
    format!("{}  [{}]", n.node, parts.join(" · "))
}

fn print_candidates(query: &str, candidates: &[Lookup], json: bool) -> Result<()> {
    if json {
        return print_json(&json!({"query": query, "candidates": candidates}));
    }
    let mut o = out();
    for c in candidates {
        let cited = if c.cited_by.is_empty() {
            message::NONE.to_string()
        } else {
            c.cited_by.join(", ")
        };
        writeln!(
            o,
            "{}\n   {}: {cited}",
            describe(&c.node),
            message::CITED_BY
        )?;
    }
    Ok(())
}

pub fn lookup(args: &OpenArgs, query: &str) -> Result<ExitCode> {
    let answer = open(args)?.lookup(query);
    if answer.candidates.is_empty() {
        return failed(
            Error::NotFound {
                query: answer.query,
                suggestions: answer.suggestions,
            },
            args.json,
        );
    }
    print_candidates(&answer.query, &answer.candidates, args.json)?;
    Ok(ExitCode::SUCCESS)
}

pub fn implementers(args: &OpenArgs, query: &str, rel: Relation, depth: usize) -> Result<ExitCode> {
    let related = match open(args)?.related(query, rel, depth) {
        Ok(r) => r,
        Err(e) => return failed(e, args.json),
    };
    if args.json {
        print_json(&related)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut o = out();
    writeln!(
        o,
        "{}",
        message::related_count(&related.target.node, related.implementers.len(), rel)
    )?;
    for i in &related.implementers {
        writeln!(
            o,
            "{}{}   ← {}",
            "  ".repeat(i.depth),
            i.node,
            i.path[1..].join(" ← ")
        )?;
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
    let tree = match open(args)?.chain(query, rel, dir, depth) {
        Ok(t) => t,
        Err(e) => return failed(e, args.json),
    };
    if args.json {
        print_json(&tree)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut o = out();
    writeln!(o, "{}", describe(&tree.root.node))?;
    print_children(&mut o, &tree.root, 1)?;
    Ok(ExitCode::SUCCESS)
}

/// Each child under its parent, indented, with the documents stating the edge between them.
fn print_children(o: &mut impl Write, parent: &TreeNode, level: usize) -> Result<()> {
    for child in &parent.children {
        writeln!(
            o,
            "{}{}  ({} {}){}",
            "   ".repeat(level),
            describe(&child.node),
            message::STATED_IN,
            child.stated_in.join(", "),
            if child.repeated {
                format!(" — {}", message::SHOWN_ABOVE)
            } else {
                String::new()
            }
        )?;
        print_children(o, child, level + 1)?;
    }
    Ok(())
}

pub fn cites(args: &OpenArgs, doc: &str) -> Result<ExitCode> {
    let report = open(args)?.citations(doc)?;
    if args.json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut o = out();
    writeln!(o, "{} {}", report.node, message::CITES)?;
    for c in &report.citations {
        writeln!(o, "  {:<10} {} ×{}", c.rel.as_str(), c.to, c.count)?;
    }
    if !report.stated.is_empty() {
        writeln!(o, "{}", message::STATES)?;
        for s in &report.stated {
            writeln!(o, "  {} {} {}", s.from, s.rel.as_str(), s.to)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
