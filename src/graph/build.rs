//! Building the graph from documents: mentions → nodes (grouped by identifier and scope,
//! split by year when one number names documents of different years) → edges.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::scope::{scope_named, Scope};
use super::{Edge, Graph, Node, NodeIx, Statement};
use crate::cite::{Citation, CiteId, Relation};
use crate::doc::locality::{named, Named};
use crate::doc::Document;

/// One document's mention of one identifier (all its occurrences together).
struct Mention {
    id: CiteId,
    scope: Scope,
    year: Option<u16>,
    statement: Option<Statement>,
}

/// The nodes of one (identifier, scope) group.
#[derive(Default)]
struct Group {
    single: Option<NodeIx>,
    by_year: HashMap<u16, NodeIx>,
    undated: Option<NodeIx>,
}

/// Where a mention's node is found.
type GroupKey = (String, Scope);

/// A document's edge: target and relation.
type EdgeKey = (NodeIx, Relation);

/// Builds the graph of `docs` (their text is not needed: citations, own identifiers,
/// header fields and localities are).
pub fn build(docs: &[Document]) -> Graph {
    let mut phrases: HashMap<String, Vec<Named>> = HashMap::new();
    let mentions: Vec<HashMap<String, Mention>> =
        docs.iter().map(|d| mentions_of(d, &mut phrases)).collect();
    let own: Vec<Option<Mention>> = docs.iter().map(|d| own_mention(d, &mut phrases)).collect();
    let mut g = Graph::default();
    let groups = nodes(&mut g, &mentions, &own);
    let doc_nodes: Vec<NodeIx> = docs
        .iter()
        .zip(&own)
        .map(|(d, o)| match o {
            Some(m) => node_for(&groups, m),
            None => add_doc_node(&mut g, d),
        })
        .collect();
    for ((d, m), &from) in docs.iter().zip(&mentions).zip(&doc_nodes) {
        attach_header(&mut g.nodes[from], d);
        edges_of(&mut g, d, m, from, &groups);
    }
    g.index();
    g
}

/// Each identifier a document cites, with the scope its most specific occurrence gives,
/// the year of its first dated occurrence and its richest statement.
fn mentions_of(
    d: &Document,
    phrases: &mut HashMap<String, Vec<Named>>,
) -> HashMap<String, Mention> {
    let mut out: HashMap<String, (Mention, usize)> = HashMap::new();
    for c in &d.citations {
        let named_here = c
            .issuer
            .as_deref()
            .map(|i| {
                phrases
                    .entry(i.to_string())
                    .or_insert_with(|| named(i))
                    .clone()
            })
            .unwrap_or_default();
        let rank = match named_here.first() {
            Some(n) if n.name.is_some() => 2,
            Some(_) => 1,
            None => 0,
        };
        let scope = scope_named(&c.id, &named_here, &d.locality);
        let statement = statement(d, c);
        let entry = out.entry(c.id.key()).or_insert_with(|| {
            (
                Mention {
                    id: c.id.clone(),
                    scope: scope.clone(),
                    year: None,
                    statement: None,
                },
                rank,
            )
        });
        if rank > entry.1 {
            entry.0.scope = scope;
            entry.1 = rank;
        }
        if entry.0.year.is_none() {
            entry.0.year = c.date.map(|d| d.year);
        }
        if richness(&statement) > entry.0.statement.as_ref().map_or(0, richness) {
            entry.0.statement = Some(statement);
        }
    }
    out.into_iter().map(|(k, (m, _))| (k, m)).collect()
}

/// The document's own identifier as a mention: scoped by its own issuer and locality.
fn own_mention(d: &Document, phrases: &mut HashMap<String, Vec<Named>>) -> Option<Mention> {
    let id = d.own_id.clone()?;
    let named_here = d
        .issuer
        .as_deref()
        .map(|i| {
            phrases
                .entry(i.to_string())
                .or_insert_with(|| named(i))
                .clone()
        })
        .unwrap_or_default();
    Some(Mention {
        scope: scope_named(&id, &named_here, &d.locality),
        id,
        year: d.date.map(|d| d.year),
        statement: None,
    })
}

fn statement(d: &Document, c: &Citation) -> Statement {
    Statement {
        doc: d.id.clone(),
        kind_word: c.kind_word.clone(),
        date: c.date,
        issuer: c.issuer.clone(),
        khoa: c.khoa.clone(),
        subject: c.subject.clone(),
    }
}

fn richness(s: &Statement) -> usize {
    [
        s.kind_word.is_some(),
        s.date.is_some(),
        s.issuer.is_some(),
        s.khoa.is_some(),
        s.subject.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

/// Creates the identifier nodes: one per (identifier, scope), or one per year when dated
/// mentions disagree on the year, plus an ambiguous node for the undated ones then.
fn nodes(
    g: &mut Graph,
    mentions: &[HashMap<String, Mention>],
    own: &[Option<Mention>],
) -> HashMap<GroupKey, Group> {
    let all = mentions
        .iter()
        .flat_map(|m| m.values())
        .chain(own.iter().flatten());
    let mut years: HashMap<GroupKey, (CiteId, BTreeSet<u16>)> = HashMap::new();
    for m in all {
        let e = years
            .entry((m.id.key(), m.scope.clone()))
            .or_insert_with(|| (m.id.clone(), BTreeSet::new()));
        e.1.extend(m.year);
    }
    let mut keys: Vec<&GroupKey> = years.keys().collect();
    keys.sort();
    let mut groups: HashMap<GroupKey, Group> = HashMap::new();
    for key in keys {
        let (id, ys) = &years[key];
        let scope = &key.1;
        let base = match scope {
            Scope::Local(place) => format!("{id}@{place}"),
            Scope::National | Scope::Unknown => id.to_string(),
        };
        let mut group = Group::default();
        let unknown = *scope == Scope::Unknown;
        if ys.len() <= 1 || unknown {
            group.single = Some(push(g, &base, id, scope, None, unknown));
        } else {
            let sep = if *scope == Scope::National { "@" } else { "/" };
            for y in ys {
                let n = push(g, &format!("{base}{sep}{y}"), id, scope, Some(*y), false);
                group.by_year.insert(*y, n);
            }
            group.undated = Some(push(g, &base, id, scope, None, true));
        }
        groups.insert(key.clone(), group);
    }
    for m in mentions.iter().flat_map(|m| m.values()) {
        if let Some(s) = &m.statement {
            let n = node_for(&groups, m);
            g.nodes[n].statements.push(s.clone());
        }
    }
    groups
}

fn push(
    g: &mut Graph,
    name: &str,
    id: &CiteId,
    scope: &Scope,
    year: Option<u16>,
    ambiguous: bool,
) -> NodeIx {
    g.nodes.push(Node {
        name: name.to_string(),
        id: Some(id.clone()),
        scope: Some(scope.clone()),
        year,
        docs: Vec::new(),
        ambiguous,
        statements: Vec::new(),
        title: None,
        kind: None,
        date: None,
        issuer: None,
    });
    g.nodes.len() - 1
}

/// A corpus document without an identifier of its own: a node named by its corpus id.
fn add_doc_node(g: &mut Graph, d: &Document) -> NodeIx {
    g.nodes.push(Node {
        name: d.id.clone(),
        id: None,
        scope: None,
        year: None,
        docs: Vec::new(),
        ambiguous: false,
        statements: Vec::new(),
        title: None,
        kind: None,
        date: None,
        issuer: None,
    });
    g.nodes.len() - 1
}

fn attach_header(n: &mut Node, d: &Document) {
    if !n.docs.contains(&d.id) {
        n.docs.push(d.id.clone());
    }
    n.title = n.title.take().or_else(|| d.title.clone());
    n.kind = n.kind.take().or_else(|| d.kind.clone());
    n.date = n.date.or(d.date);
    n.issuer = n.issuer.take().or_else(|| d.issuer.clone());
}

fn node_for(groups: &HashMap<GroupKey, Group>, m: &Mention) -> NodeIx {
    let g = &groups[&(m.id.key(), m.scope.clone())];
    if let Some(n) = g.single {
        return n;
    }
    m.year
        .and_then(|y| g.by_year.get(&y).copied())
        .or(g.undated)
        .expect("a split group has an undated node")
}

/// The document's own edges (one per target and relation, with the spans) and the edges it
/// states between other documents.
fn edges_of(
    g: &mut Graph,
    d: &Document,
    mentions: &HashMap<String, Mention>,
    from: NodeIx,
    groups: &HashMap<GroupKey, Group>,
) {
    let mut own: Vec<(EdgeKey, Vec<Range<usize>>)> = Vec::new();
    for c in &d.citations {
        let to = node_for(groups, &mentions[&c.id.key()]);
        if to == from {
            continue;
        }
        match own.iter_mut().find(|(k, _)| *k == (to, c.relation)) {
            Some((_, spans)) => spans.push(c.span.clone()),
            None => own.push(((to, c.relation), vec![c.span.clone()])),
        }
    }
    for ((to, rel), spans) in own {
        g.edges.push(Edge {
            from,
            to,
            rel,
            stated_in: d.id.clone(),
            stated: false,
            spans,
        });
    }
    for s in &d.stated_relations {
        let (Some(a), Some(b)) = (mentions.get(&s.from.key()), mentions.get(&s.to.key())) else {
            continue;
        };
        let (a, b) = (node_for(groups, a), node_for(groups, b));
        if a != b {
            g.edges.push(Edge {
                from: a,
                to: b,
                rel: s.rel,
                stated_in: d.id.clone(),
                stated: true,
                spans: Vec::new(),
            });
        }
    }
}
