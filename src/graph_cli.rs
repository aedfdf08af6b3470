//! The graph commands of the CLI: implementers, chain, cites, lookup (text or JSON).

use std::collections::HashSet;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use trichdan::cite::Relation;
use trichdan::graph::{self, Chain, Direction, Graph, NodeIx};

use super::{open_or_build, OpenArgs};

/// Exit code when an identifier names several nodes: the candidates are printed instead.
const AMBIGUOUS: u8 = 3;

fn load(open: &OpenArgs) -> Result<Graph> {
    let index = open_or_build(&open.index.dir, &open.corpus)?;
    Ok(graph::build(&index.documents()?))
}

/// The one node `query` names, or the exit code after printing why not.
fn resolve(g: &Graph, query: &str, json: bool) -> Result<NodeIx, ExitCode> {
    let found = g.lookup(query);
    match found.len() {
        1 => Ok(found[0]),
        0 => {
            eprintln!(
                "trichdan: nothing in the graph is named {query:?}; try `trichdan search {query}`"
            );
            Err(ExitCode::FAILURE)
        }
        _ => {
            print_candidates(g, query, &found, json);
            if !json {
                eprintln!(
                    "trichdan: {query} names {} documents; name one as shown above",
                    found.len()
                );
            }
            Err(ExitCode::from(AMBIGUOUS))
        }
    }
}

fn print_candidates(g: &Graph, query: &str, found: &[NodeIx], json: bool) {
    let candidates: Vec<_> = found.iter().map(|&n| g.candidate(n)).collect();
    if json {
        println!("{}", json!({"query": query, "candidates": candidates}));
        return;
    }
    for c in candidates {
        let n = &c.node;
        println!(
            "{}{}\n   {} · {} · {} · cited by {}",
            n.node,
            if n.ambiguous { "  (scope unknown)" } else { "" },
            n.locality.as_deref().unwrap_or("—"),
            n.date.map_or("—".into(), |d| d.to_string()),
            n.issuer.as_deref().unwrap_or("—"),
            if c.cited_by.is_empty() {
                "—".into()
            } else {
                c.cited_by.join(", ")
            },
        );
    }
}

pub fn lookup(open: &OpenArgs, query: &str) -> Result<ExitCode> {
    let g = load(open)?;
    let found = g.lookup(query);
    print_candidates(&g, query, &found, open.json);
    Ok(if found.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub fn implementers(open: &OpenArgs, query: &str, rel: Relation, depth: usize) -> Result<ExitCode> {
    let g = load(open)?;
    let target = match resolve(&g, query, open.json) {
        Ok(n) => n,
        Err(code) => return Ok(code),
    };
    let list = g.related(target, rel, depth);
    if open.json {
        println!(
            "{}",
            json!({"target": g.nodes[target].name, "rel": rel, "implementers": list})
        );
    } else {
        println!(
            "{}: {} documents ({})",
            g.nodes[target].name,
            list.len(),
            rel.as_str()
        );
        for i in &list {
            println!(
                "{}{}   ← {}",
                "  ".repeat(i.depth),
                i.node,
                i.path[1..].join(" ← ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn chain(
    open: &OpenArgs,
    query: &str,
    rel: Relation,
    dir: Direction,
    depth: usize,
) -> Result<ExitCode> {
    let g = load(open)?;
    let root = match resolve(&g, query, open.json) {
        Ok(n) => n,
        Err(code) => return Ok(code),
    };
    let chain = g.chain_of(root, rel, dir, depth);
    if open.json {
        println!("{}", serde_json::to_string(&chain)?);
    } else {
        print_tree(&chain, dir);
    }
    Ok(ExitCode::SUCCESS)
}

/// An indented tree: each node with kind, date, issuer, locality, and the document that
/// states the edge to its parent.
fn print_tree(chain: &Chain, dir: Direction) {
    let node = |name: &str| chain.nodes.iter().find(|n| n.node == name);
    let line = |name: &str| {
        let n = node(name).expect("chain node");
        let mut parts = vec![n.label.clone()];
        parts.extend(n.kind.clone());
        parts.extend(n.date.map(|d| d.to_string()));
        parts.extend(n.issuer.clone());
        parts.extend(n.locality.clone());
        if n.ambiguous {
            parts.push("scope unknown".into());
        }
        format!("{}  [{}]", n.node, parts.join(" · "))
    };
    println!("{}", line(&chain.root));
    let mut seen = HashSet::from([chain.root.clone()]);
    let mut stack: Vec<(String, usize)> = vec![(chain.root.clone(), 0)];
    while let Some((parent, level)) = stack.pop() {
        // each child once, with every document that states its edge to this parent
        let mut children: Vec<(String, Vec<&str>)> = Vec::new();
        for e in &chain.edges {
            let child = match dir {
                Direction::Down if e.to == parent => &e.from,
                Direction::Up if e.from == parent => &e.to,
                _ => continue,
            };
            match children.iter_mut().find(|(c, _)| c == child) {
                Some((_, docs)) => docs.push(&e.stated_in),
                None => children.push((child.clone(), vec![&e.stated_in])),
            }
        }
        for (child, docs) in children.into_iter().rev() {
            let indent = "   ".repeat(level + 1);
            println!("{indent}{}  (stated in {})", line(&child), docs.join(", "));
            if seen.insert(child.clone()) {
                stack.push((child, level + 1));
            }
        }
    }
}

pub fn cites(open: &OpenArgs, doc: &str) -> Result<ExitCode> {
    let g = load(open)?;
    let Some(n) = g.doc_node(doc) else {
        eprintln!("trichdan: no corpus document {doc:?} in the index; ids are file names without extension");
        return Ok(ExitCode::FAILURE);
    };
    let citations: Vec<_> = g
        .citations_of(n)
        .into_iter()
        .map(|e| json!({"to": g.nodes[e.to].name, "rel": e.rel, "count": e.spans.len(), "spans": e.spans.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>()}))
        .collect();
    let stated: Vec<_> = g
        .edges
        .iter()
        .filter(|e| e.stated && e.stated_in == doc)
        .map(|e| json!({"from": g.nodes[e.from].name, "rel": e.rel, "to": g.nodes[e.to].name}))
        .collect();
    if open.json {
        println!(
            "{}",
            json!({"doc": doc, "node": g.nodes[n].name, "citations": citations, "stated": stated})
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} cites:", g.nodes[n].name);
    for c in &citations {
        println!(
            "  {:<10} {} ×{}",
            c["rel"].as_str().unwrap_or_default(),
            c["to"].as_str().unwrap_or_default(),
            c["count"]
        );
    }
    if !stated.is_empty() {
        println!("and states:");
        for s in &stated {
            println!(
                "  {} {} {}",
                s["from"].as_str().unwrap_or_default(),
                s["rel"].as_str().unwrap_or_default(),
                s["to"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
