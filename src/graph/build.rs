//! Building the graph from documents: mentions → nodes (grouped by identifier and scope,
//! split by year when one number names documents of different years) → edges.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry as Slot;
use std::ops::Range;

use super::alias::{NamedRef, Namer, Table, Title};
use super::scope::{is_national, scope_named, Scope};
use super::{Edge, Graph, Node, NodeIx, Statement};
use crate::cite::named::Names;
use crate::cite::{Citation, CiteId, Relation, StatedRelation};
use crate::date::Date;
use crate::doc::locality::{named, Locality, Named};
use crate::doc::{Document, Level};

/// One document's mention of one identifier (all its occurrences together).
struct Mention {
    id: CiteId,
    /// `id.key()`, computed once.
    key: String,
    scope: Scope,
    year: Option<u16>,
    statement: Option<Kept>,
    /// The node it resolves to, once nodes exist.
    node: NodeIx,
}

/// What building shares across documents: the localities each issuer phrase names, and
/// whether each identifier is national.
#[derive(Default)]
struct Caches {
    phrases: FxHashMap<String, Vec<Named>>,
    national: FxHashMap<String, bool>,
}

impl Caches {
    /// The scope of `id` as cited with `phrase`, and how specific the phrase was about it
    /// (2: names a locality, 1: names a level, 0: nothing).
    fn scope(
        &mut self,
        id: &CiteId,
        key: &str,
        phrase: Option<&str>,
        doc: &Locality,
    ) -> (Scope, u8) {
        let named_here: &[Named] = match phrase {
            Some(p) => {
                if !self.phrases.contains_key(p) {
                    self.phrases.insert(p.to_string(), named(p));
                }
                &self.phrases[p]
            }
            None => &[],
        };
        let rank = match named_here.first() {
            Some(n) if n.name.is_some() => 2,
            Some(_) => 1,
            None => 0,
        };
        let national = match self.national.get(key) {
            Some(&n) => n,
            None => {
                let n = is_national(id);
                self.national.insert(key.to_string(), n);
                n
            }
        };
        let scope = if national {
            Scope::National
        } else {
            scope_named(id, named_here, doc)
        };
        (scope, rank)
    }
}

/// The nodes of one (identifier, scope) group.
#[derive(Default)]
struct Group {
    single: Option<NodeIx>,
    by_year: FxHashMap<u16, NodeIx>,
    undated: Option<NodeIx>,
}

/// Where a mention's node is found.
type GroupKey = (String, Scope);

/// A document's edge: target and relation.
type EdgeKey = (NodeIx, Relation);

/// Builds the graph of `docs` (their text is not needed: citations, own identifiers,
/// header fields and localities are).
pub fn build(docs: &[Document]) -> Graph {
    let mut b = Builder::default();
    docs.iter().for_each(|d| b.add(d));
    b.finish()
}

/// A graph built from documents given one at a time, in any order: each one's mentions are
/// read as it comes and only what the nodes and edges need of it is kept ([`Part`]), so a
/// large archive is never held whole.
#[derive(Default)]
pub struct Builder {
    caches: Caches,
    entries: Vec<Entry>,
}

/// One document as the builder keeps it.
struct Entry {
    part: Part,
    mentions: Mentions,
    own: Option<Mention>,
    /// The node of each mention once nodes exist (the mentions are then dropped).
    nodes: Vec<NodeIx>,
}

impl Builder {
    pub fn add(&mut self, d: &Document) {
        let mentions = mentions_of(d, &mut self.caches);
        self.entries.push(Entry {
            part: Part::of(d, &mentions),
            mentions,
            own: own_mention(d, &mut self.caches),
            nodes: Vec::new(),
        });
    }

    /// The graph, the documents taken in the order of their ids, so the same archive always
    /// makes the same graph whatever order its documents came in (sorted in place: a copy
    /// of a million entries would cost a gigabyte).
    pub fn finish(mut self) -> Graph {
        self.entries
            .sort_unstable_by(|a, b| a.part.id.cmp(&b.part.id));
        assemble(&mut self.entries)
    }
}

/// What the nodes and edges need of a document once its mentions are read.
struct Part {
    id: String,
    title: Option<String>,
    kind: Option<String>,
    date: Option<Date>,
    issuer: Option<String>,
    level: Level,
    province: Option<String>,
    dues: Vec<crate::duty::Deadline>,
    /// Each citation in order: its mention (in the document's list), relation and span
    /// (as `u32`s: texts are far under 4 GB, ingest stops files at 64 MB, and a million
    /// documents cite tens of millions of times).
    occurrences: Vec<(u32, Relation, Range<u32>)>,
    stated: Vec<StatedRelation>,
    names: Names,
}

impl Part {
    fn of(d: &Document, mentions: &Mentions) -> Part {
        Part {
            id: d.id.clone(),
            title: d.title.clone(),
            kind: d.kind.clone(),
            date: d.date,
            issuer: d.issuer.clone(),
            level: d.level,
            province: d.belongs_to().map(str::to_string),
            dues: d.duties.deadlines.clone(),
            occurrences: d
                .citations
                .iter()
                .map(|c| {
                    let span = c.span.start as u32..c.span.end as u32;
                    (mentions.by_key[&c.id.key()] as u32, c.relation, span)
                })
                .collect(),
            stated: d.stated_relations.clone(),
            names: d.names.clone(),
        }
    }
}

/// Nodes from the mentions, their statements, then each document's edges.
fn assemble(entries: &mut [Entry]) -> Graph {
    let mut g = Graph::default();
    let groups = nodes(&mut g, entries);
    // each mention's node and statement, then the mention is dropped: the edges need only
    // the node
    // statements saying the same thing are one, counted: a directive thousands of plans
    // cite alike holds one entry, not thousands
    let mut same: FxHashMap<(NodeIx, u64), usize> = FxHashMap::default();
    for e in entries.iter_mut() {
        for m in std::mem::take(&mut e.mentions.list) {
            let node = node_for(&groups, &m);
            e.nodes.push(node);
            if let Some(k) = m.statement {
                let statements = &mut g.nodes[node].statements;
                match same.entry((node, says(&k.statement))) {
                    Slot::Occupied(at) => statements[*at.get()].count += 1,
                    Slot::Vacant(at) => {
                        at.insert(statements.len());
                        statements.push(k.statement);
                    }
                }
            }
        }
        if let Some(own) = &mut e.own {
            own.node = node_for(&groups, own);
        }
    }
    drop((same, groups));
    let mut froms = Vec::with_capacity(entries.len());
    for e in entries.iter() {
        let from = match &e.own {
            Some(own) => own.node,
            None => add_doc_node(&mut g, &e.part),
        };
        attach_header(&mut g.nodes[from], &e.part);
        froms.push(from);
    }
    let (named, titles) = named_refs(&g, entries, &froms);
    g.titles = titles;
    for ((e, from), named) in entries.iter().zip(froms).zip(&named) {
        edges_of(&mut g, e, from, named);
    }
    g.named = named.into_iter().flatten().collect();
    g.index();
    g
}

/// The node a number the document writes resolves to.
fn node_in(e: &Entry, id: &CiteId) -> Option<NodeIx> {
    e.mentions.by_key.get(&id.key()).map(|&m| e.nodes[m])
}

/// Each document's references by name, resolved against the aliases all documents teach,
/// and the names the archive ties to numbers.
fn named_refs(g: &Graph, entries: &[Entry], froms: &[NodeIx]) -> (Vec<Vec<NamedRef>>, Vec<Title>) {
    let mut table = Table::default();
    let docs: Vec<&str> = entries.iter().map(|e| e.part.id.as_str()).collect();
    let each = |i: usize, e: &Entry, f: &mut dyn FnMut(&Namer)| {
        f(&Namer {
            entry: i,
            doc: &e.part.id,
            date: e.part.date,
            node: froms[i],
            names: &e.part.names,
            node_of: &|id: &CiteId| node_in(e, id),
        })
    };
    for (i, e) in entries.iter().enumerate() {
        each(i, e, &mut |n| table.learn(n));
    }
    table.seal(g);
    let mut out = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        each(i, e, &mut |n| out.push(table.resolve(n, &docs)));
    }
    (out, table.titles())
}

/// What a statement says, whoever says it, as a hash.
fn says(s: &Statement) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (
        &s.kind_word,
        s.date.map(|d| (d.year, d.month, d.day)),
        &s.issuer,
        &s.khoa,
        &s.subject,
    )
        .hash(&mut h);
    h.finish()
}

/// A document's mentions, and where each identifier key's is in the list.
struct Mentions {
    list: Vec<Mention>,
    by_key: FxHashMap<String, usize>,
}

/// Each identifier a document cites, with the scope its most specific occurrence gives,
/// the year of its first dated occurrence and its richest statement.
fn mentions_of(d: &Document, caches: &mut Caches) -> Mentions {
    let mut out: FxHashMap<String, (Mention, u8)> = FxHashMap::default();
    for c in &d.citations {
        let key = c.id.key();
        let (scope, rank) = caches.scope(&c.id, &key, c.issuer.as_deref(), &d.locality);
        let entry = out.entry(key.clone()).or_insert_with(|| {
            (
                Mention {
                    id: c.id.clone(),
                    key,
                    scope: scope.clone(),
                    year: None,
                    statement: None,
                    node: NodeIx::MAX,
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
        if richness(c) > entry.0.statement.as_ref().map_or(0, |s| s.richness) {
            entry.0.statement = Some(statement(d, c));
        }
    }
    // the order of a map keyed by identifier, as before the list was kept apart
    let by_key: FxHashMap<String, Mention> = out.into_iter().map(|(k, (m, _))| (k, m)).collect();
    let mut mentions = Mentions {
        list: Vec::with_capacity(by_key.len()),
        by_key: FxHashMap::default(),
    };
    for (k, m) in by_key {
        mentions.by_key.insert(k, mentions.list.len());
        mentions.list.push(m);
    }
    mentions
}

/// The document's own identifier as a mention: scoped by its own issuer and locality; a
/// central body's is national, whatever city its date line names (`3260-KH/ĐĐQH15`, Hà Nội).
fn own_mention(d: &Document, caches: &mut Caches) -> Option<Mention> {
    let id = d.own_id.clone()?;
    let key = id.key();
    let scope = if d.level.tier == Some(crate::doc::Tier::Central) {
        Scope::National
    } else {
        caches.scope(&id, &key, d.issuer.as_deref(), &d.locality).0
    };
    Some(Mention {
        scope,
        key,
        id,
        year: d.date.map(|d| d.year),
        statement: None,
        node: NodeIx::MAX,
    })
}

fn statement(d: &Document, c: &Citation) -> Kept {
    Kept {
        richness: richness(c),
        statement: Statement {
            doc: d.id.clone(),
            count: 1,
            kind_word: c.kind_word.clone(),
            date: c.date,
            issuer: c.issuer.clone(),
            khoa: c.khoa.clone(),
            subject: c.subject.clone(),
        },
    }
}

/// A statement kept for a mention, with how much it says.
struct Kept {
    richness: usize,
    statement: Statement,
}

/// How many of the fields a statement would carry an occurrence fills.
fn richness(c: &Citation) -> usize {
    [
        c.kind_word.is_some(),
        c.date.is_some(),
        c.issuer.is_some(),
        c.khoa.is_some(),
        c.subject.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

/// Creates the identifier nodes: one per (identifier, scope), or one per year when dated
/// mentions disagree on the year, plus an ambiguous node for the undated ones then.
fn nodes(g: &mut Graph, entries: &[Entry]) -> FxHashMap<GroupKey, Group> {
    let all = entries
        .iter()
        .flat_map(|e| e.mentions.list.iter())
        .chain(entries.iter().filter_map(|e| e.own.as_ref()));
    let mut years: FxHashMap<GroupKey, (CiteId, BTreeSet<u16>)> = FxHashMap::default();
    for m in all {
        let e = years
            .entry((m.key.clone(), m.scope.clone()))
            .or_insert_with(|| (m.id.clone(), BTreeSet::new()));
        e.1.extend(m.year);
    }
    let mut keys: Vec<&GroupKey> = years.keys().collect();
    keys.sort();
    let mut groups: FxHashMap<GroupKey, Group> = FxHashMap::default();
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
        id: Some(id.clone()),
        scope: Some(scope.clone()),
        year,
        ambiguous,
        ..Node::named(name)
    });
    g.nodes.len() - 1
}

/// A corpus document without an identifier of its own: a node named by its corpus id.
fn add_doc_node(g: &mut Graph, d: &Part) -> NodeIx {
    g.nodes.push(Node::named(&d.id));
    g.nodes.len() - 1
}

fn attach_header(n: &mut Node, d: &Part) {
    if !n.docs.contains(&d.id) {
        n.docs.push(d.id.clone());
    }
    n.title = n.title.take().or_else(|| d.title.clone());
    n.kind = n.kind.take().or_else(|| d.kind.clone());
    n.date = n.date.or(d.date);
    n.issuer = n.issuer.take().or_else(|| d.issuer.clone());
    if n.level == crate::doc::Level::default() {
        n.level = d.level;
    }
    n.province = n.province.take().or_else(|| d.province.clone());
    if n.dues.is_empty() {
        n.dues = d.dues.clone();
    }
}

fn node_for(groups: &FxHashMap<GroupKey, Group>, m: &Mention) -> NodeIx {
    let g = &groups[&(m.key.clone(), m.scope.clone())];
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
fn edges_of(g: &mut Graph, e: &Entry, from: NodeIx, named: &[NamedRef]) {
    let d = &e.part;
    // grouped through a map: a listing of 100,000 identifiers must not compare each with all
    let mut own: Vec<(EdgeKey, Vec<Range<usize>>)> = Vec::new();
    let mut slot: FxHashMap<EdgeKey, usize> = FxHashMap::default();
    let numbered = d.occurrences.iter().map(|(m, relation, span)| {
        let span = span.start as usize..span.end as usize;
        (e.nodes[*m as usize], *relation, span)
    });
    let by_name = named
        .iter()
        .filter_map(|n| Some((n.node?, n.relation, n.span.clone())));
    for (to, relation, span) in numbered.chain(by_name) {
        if to == from {
            continue;
        }
        let k = (to, relation);
        match slot.get(&k) {
            Some(&i) => own[i].1.push(span),
            None => {
                slot.insert(k, own.len());
                own.push((k, vec![span]));
            }
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
    let mut amends: Vec<(NodeIx, NodeIx)> = Vec::new();
    for n in named {
        let (Some(a), Some(b)) = (n.amended_by, n.node) else {
            continue;
        };
        if a != b && !amends.contains(&(a, b)) {
            amends.push((a, b));
            g.edges.push(Edge {
                from: a,
                to: b,
                rel: Relation::Amends,
                stated_in: d.id.clone(),
                stated: true,
                spans: vec![n.span.clone()],
            });
        }
    }
    for s in &d.stated {
        let (Some(a), Some(b)) = (node_in(e, &s.from), node_in(e, &s.to)) else {
            continue;
        };
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
