//! The citation graph: a node per corpus document and per identifier cited anywhere, with
//! honest identity (local identifiers scoped by locality, central ones told apart by year,
//! the unknowable left ambiguous), edges for what each document implements, is based on and
//! cites, and the implements-edges the texts state between other documents.
//!
//! The graph is derived from the documents stored in the index (see ARCHITECTURE.md).

mod alias;
mod build;
mod name;
mod query;
mod scope;
mod store;

use rustc_hash::FxHashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::cite::{CiteId, Relation};
use crate::date::Date;
use crate::doc::Level;

pub use alias::{Evidence, NamedRef, Title};
pub use build::{build, Builder};
pub use query::{Chain, ChainEdge, ChainNode, Direction, Implementer, Lookup};
pub use scope::{is_national, scope, Scope};
pub use store::{load, save, FILE};

/// How deep implementers are counted and listed unless asked otherwise: the identifier
/// page's default and a typed name's count.
pub const SHOWN_DEPTH: usize = 3;

/// Index of a node in [`Graph::nodes`].
pub type NodeIx = usize;

/// A document, cited or in the corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Node {
    /// Canonical identifier, `@scope` when it has one (`107-KH/TU@Quảng Nam`), `/year` when
    /// the same number names documents of different years; or the corpus id.
    pub name: String,
    pub id: Option<CiteId>,
    pub scope: Option<Scope>,
    /// The year that tells this node apart from others with the same identifier and scope.
    pub year: Option<u16>,
    /// Corpus documents that are this node.
    pub docs: Vec<String>,
    /// True when the scope could not be known or several nodes share the identifier and
    /// this mention could not be placed among them.
    pub ambiguous: bool,
    /// What the texts say about it: one entry per distinct statement, with how many citing
    /// documents make it; conflicts kept.
    pub statements: Vec<Statement>,
    /// Header fields when the node is a corpus document.
    pub title: Option<String>,
    pub kind: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    /// The issuing body's level: a corpus document's own, else read from what the texts say
    /// of its issuer and from its number's codes.
    pub level: Level,
    /// The province a corpus document's issuer belongs to (none for a central body);
    /// defaulted when read from an export written before it existed.
    #[serde(default)]
    pub province: Option<String>,
    /// What a corpus document says falls due (for follow-up and the agenda).
    #[serde(default)]
    pub dues: Vec<crate::duty::Deadline>,
}

impl Node {
    /// A node with this name and nothing known about it yet.
    pub fn named(name: &str) -> Node {
        Node {
            name: name.to_string(),
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
            level: Level::default(),
            province: None,
            dues: Vec::new(),
        }
    }
}

/// What documents say about a node: the first to say it, and how many say the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Statement {
    pub doc: String,
    /// How many citing documents say exactly this (kind word, date, issuer, khóa, subject).
    pub count: u32,
    pub kind_word: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub khoa: Option<String>,
    pub subject: Option<String>,
}

/// A relation between two nodes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Edge {
    pub from: NodeIx,
    pub to: NodeIx,
    pub rel: Relation,
    /// The corpus document whose text gives this edge.
    pub stated_in: String,
    /// True for an edge between two cited documents (not from the stating document).
    pub stated: bool,
    /// Occurrences behind the edge, as byte spans in `stated_in`.
    pub spans: Vec<Range<usize>>,
}

/// The graph with its lookup tables.
#[derive(Debug, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// References by name, in the order of their documents.
    pub named: Vec<NamedRef>,
    /// The names the archive ties to numbers, sorted by key, for names typed.
    pub titles: Vec<Title>,
    out: Vec<Vec<usize>>,
    inc: Vec<Vec<usize>>,
    by_name: FxHashMap<String, NodeIx>,
    by_key: FxHashMap<String, Vec<NodeIx>>,
    by_doc: FxHashMap<String, NodeIx>,
    /// Nodes by their identifier's number without leading zeros, for near spellings.
    by_number: FxHashMap<String, Vec<NodeIx>>,
    /// Edges stated between other documents, by the document stating them.
    by_stater: FxHashMap<String, Vec<usize>>,
    /// References by name, by the naming document.
    by_namer: FxHashMap<String, Range<usize>>,
}

impl Graph {
    /// A graph of these nodes and edges, with its lookup tables.
    pub fn from_parts(
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        named: Vec<NamedRef>,
        titles: Vec<Title>,
    ) -> Graph {
        let mut g = Graph {
            nodes,
            edges,
            named,
            titles,
            ..Graph::default()
        };
        g.index();
        g
    }

    fn index(&mut self) {
        self.out = vec![Vec::new(); self.nodes.len()];
        self.inc = vec![Vec::new(); self.nodes.len()];
        self.by_stater.clear();
        for (i, e) in self.edges.iter().enumerate() {
            self.out[e.from].push(i);
            self.inc[e.to].push(i);
            if e.stated {
                self.by_stater
                    .entry(e.stated_in.clone())
                    .or_default()
                    .push(i);
            }
        }
        self.by_namer.clear();
        let mut start = 0;
        for (i, n) in self.named.iter().enumerate() {
            if self.named.get(i + 1).is_none_or(|next| next.doc != n.doc) {
                self.by_namer.insert(n.doc.clone(), start..i + 1);
                start = i + 1;
            }
        }
        self.by_name.clear();
        self.by_key.clear();
        self.by_doc.clear();
        self.by_number.clear();
        for (i, n) in self.nodes.iter().enumerate() {
            self.by_name.insert(crate::text::fold(&n.name), i);
            if let Some(id) = &n.id {
                self.by_key.entry(id.key()).or_default().push(i);
                self.by_number
                    .entry(query::bare_number(&id.number).to_string())
                    .or_default()
                    .push(i);
            }
            for d in &n.docs {
                self.by_doc.insert(d.clone(), i);
            }
        }
    }

    /// The node that is this corpus document.
    pub fn doc_node(&self, doc: &str) -> Option<NodeIx> {
        self.by_doc.get(doc).copied()
    }

    /// The edges a corpus document states between other documents.
    pub fn stated_by(&self, doc: &str) -> impl Iterator<Item = &Edge> {
        self.by_stater
            .get(doc)
            .into_iter()
            .flatten()
            .map(|&e| &self.edges[e])
    }

    /// The references by name a corpus document makes, in text order.
    pub fn named_by(&self, doc: &str) -> &[NamedRef] {
        self.by_namer
            .get(doc)
            .map_or(&[], |r| &self.named[r.clone()])
    }

    /// Edges leaving a node.
    pub fn out_edges(&self, n: NodeIx) -> impl Iterator<Item = &Edge> {
        self.out[n].iter().map(|&e| &self.edges[e])
    }

    /// Edges arriving at a node.
    pub fn in_edges(&self, n: NodeIx) -> impl Iterator<Item = &Edge> {
        self.inc[n].iter().map(|&e| &self.edges[e])
    }
}
