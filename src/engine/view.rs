//! The engine's answers as the CLI prints them and the API sends them: a document with its
//! citations and relation groups, a chain as a tree of edges, a citation report, a lookup
//! with candidates or near spellings, implementers, counts.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::cite::Relation;
use crate::date::Date;
use crate::doc::rendering::{self, Mark};
use crate::doc::{Document, Level};
use crate::graph::{
    Chain, ChainEdge, ChainNode, Direction, Evidence, Graph, Implementer, Lookup, NamedRef, NodeIx,
    Statement,
};
use crate::index::{Facets, Hit};
use crate::message;

/// A document as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentView {
    pub id: String,
    /// What to call it (as in a list of hits, whole: title, else kind, number and date, else
    /// its first line).
    pub label: String,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub own_id: Option<String>,
    pub date: Option<Date>,
    /// The locality it belongs to (none for a central body).
    pub place: Option<String>,
    pub issuer: Option<String>,
    pub signer: Option<String>,
    pub level: Level,
    /// Its node in the graph.
    pub node: Option<String>,
    /// The composed text; citation spans are byte offsets into it.
    pub text: String,
    /// The text as the page shows it: sanitized HTML, Markdown rendered, plain text in
    /// paragraphs, citations and names linked (anchors `o<start>`).
    pub html: String,
    /// True when the text was read from a scan by OCR.
    pub ocr: bool,
    /// The classification it is stamped with (`MẬT` …): shown on the page as a banner.
    pub classification: Option<String>,
    /// The urgency it is stamped with (`KHẨN`, `HỎA TỐC` …).
    pub urgency: Option<String>,
    pub citations: Vec<CitationView>,
    /// Every relation kind both ways, empty groups included (the page greys them).
    pub relations: Vec<RelationGroup>,
    /// Edges this document states between other documents.
    pub stated: Vec<ChainEdge>,
    /// Documents it names without their numbers, in text order.
    pub named: Vec<NamedView>,
}

/// A document named in the text without its number (`Luật Mặt trận Tổ quốc Việt Nam`).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NamedView {
    /// The name as written.
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub relation: Relation,
    /// The node it names, when the archive ties the name to one number.
    pub node: Option<String>,
    /// The corpus document that is that node, when the archive holds it.
    pub doc: Option<String>,
    /// The numbers the name fits, when it fits more than one.
    pub candidates: Vec<String>,
    /// Where the archive writes the name with that number.
    pub evidence: Vec<Evidence>,
}

impl NamedView {
    fn of(r: &NamedRef, g: &Graph) -> NamedView {
        NamedView {
            name: r.name.clone(),
            start: r.span.start,
            end: r.span.end,
            relation: r.relation,
            node: r.node.map(|n| g.nodes[n].name.clone()),
            doc: r.node.and_then(|n| g.nodes[n].docs.first().cloned()),
            candidates: r
                .candidates
                .iter()
                .map(|&n| g.nodes[n].name.clone())
                .collect(),
            evidence: r.evidence.clone(),
        }
    }
}

/// One occurrence of an identifier in a document's text.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CitationView {
    /// The identifier in canonical form.
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub relation: Relation,
    /// The graph node it names.
    pub node: Option<String>,
    /// The corpus document that is that node, when the archive holds it.
    pub doc: Option<String>,
}

/// Which way a relation group points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Way {
    /// From this document to others (what it implements, is based on …).
    Outgoing,
    /// From others to this document (who implements it …).
    Incoming,
}

/// The documents in one relation to a document.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RelationGroup {
    pub rel: Relation,
    pub way: Way,
    #[schema(value_type = String)]
    pub label: &'static str,
    pub count: usize,
    pub documents: Vec<ChainNode>,
}

impl DocumentView {
    pub fn of(doc: Document, g: &Graph) -> DocumentView {
        let n = g.doc_node(&doc.id);
        let target_at: HashMap<usize, NodeIx> = n
            .map(|n| {
                g.citations_of(n)
                    .into_iter()
                    .flat_map(|e| e.spans.iter().map(move |s| (s.start, e.to)))
                    .collect()
            })
            .unwrap_or_default();
        let citations: Vec<CitationView> = doc
            .citations
            .iter()
            .map(|c| {
                let node = target_at.get(&c.span.start).copied();
                CitationView {
                    id: c.id.to_string(),
                    start: c.span.start,
                    end: c.span.end,
                    relation: c.relation,
                    node: node.map(|t| g.nodes[t].name.clone()),
                    doc: node.and_then(|t| g.nodes[t].docs.first().cloned()),
                }
            })
            .collect();
        let named: Vec<NamedView> = g
            .named_by(&doc.id)
            .iter()
            .map(|r| NamedView::of(r, g))
            .collect();
        DocumentView {
            html: rendering::html(&doc.text, &marks(&citations, &named)),
            ocr: doc.ocr,
            classification: doc.classification.map(|c| c.label().to_string()),
            urgency: doc.urgency.map(|u| u.label().to_string()),
            label: crate::index::name(&doc, &doc.text),
            place: doc.belongs_to().map(String::from),
            node: n.map(|n| g.nodes[n].name.clone()),
            relations: n.map(|n| relation_groups(g, n)).unwrap_or_default(),
            stated: stated_in(g, &doc.id),
            named,
            citations,
            own_id: doc.own_id.as_ref().map(|i| i.to_string()),
            id: doc.id,
            title: doc.title,
            kind: doc.kind,
            date: doc.date,
            issuer: doc.issuer,
            signer: doc.signer,
            level: doc.level,
            text: doc.text,
        }
    }
}

/// The spans the page links: each citation to its document or identifier page, each name
/// to what it was resolved to, or a plain span saying what it may be.
fn marks(citations: &[CitationView], named: &[NamedView]) -> Vec<Mark> {
    let to = |doc: &Option<String>, node: &str| match doc {
        Some(d) => format!("/van-ban/{}", path_part(d)),
        None => format!("/so-hieu/{}", path_part(node)),
    };
    let cited = citations.iter().map(|c| Mark {
        start: c.start,
        end: c.end,
        href: Some(to(&c.doc, c.node.as_deref().unwrap_or(&c.id))),
        class: "cite",
        title: message::relation_outgoing(c.relation).to_string(),
    });
    let names = named.iter().map(|n| {
        let rel = message::relation_outgoing(n.relation);
        match &n.node {
            Some(node) => Mark {
                start: n.start,
                end: n.end,
                href: Some(to(&n.doc, node)),
                class: "cite named",
                title: format!("{rel} — {node}"),
            },
            None => Mark {
                start: n.start,
                end: n.end,
                href: None,
                class: "cite named open",
                title: format!("{rel} — {}", message::named_candidates(&n.candidates)),
            },
        }
    });
    cited.chain(names).collect()
}

/// A path segment as the page's links write it (`encodeURIComponent`).
fn path_part(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, PATH_PART).to_string()
}

/// What `encodeURIComponent` escapes: all but letters, digits and `-_.!~*'()`.
const PATH_PART: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// A node's relations, every kind both ways: its own and those stated by other documents.
pub fn relation_groups(g: &Graph, n: NodeIx) -> Vec<RelationGroup> {
    let mut groups = Vec::new();
    for way in [Way::Outgoing, Way::Incoming] {
        for rel in Relation::ALL {
            let mut seen = HashSet::new();
            let others: Vec<NodeIx> = match way {
                Way::Outgoing => g
                    .out_edges(n)
                    .filter(|e| e.rel == rel)
                    .map(|e| e.to)
                    .collect(),
                Way::Incoming => g
                    .in_edges(n)
                    .filter(|e| e.rel == rel)
                    .map(|e| e.from)
                    .collect(),
            };
            let documents: Vec<ChainNode> = others
                .into_iter()
                .filter(|&o| o != n && seen.insert(o))
                .map(|o| g.chain_node(o))
                .collect();
            groups.push(RelationGroup {
                rel,
                way,
                label: match way {
                    Way::Outgoing => message::relation_outgoing(rel),
                    Way::Incoming => message::relation_incoming(rel),
                },
                count: documents.len(),
                documents,
            });
        }
    }
    groups
}

fn stated_in(g: &Graph, doc: &str) -> Vec<ChainEdge> {
    g.stated_by(doc)
        .map(|e| ChainEdge {
            from: g.nodes[e.from].name.clone(),
            to: g.nodes[e.to].name.clone(),
            rel: e.rel,
            stated_in: e.stated_in.clone(),
        })
        .collect()
}

/// A chain drawn as a tree: every parent–child pair is an edge of the graph.
#[derive(Debug, Clone, Serialize)]
pub struct ChainTree {
    pub rel: Relation,
    /// `up` (what the root carries out) or `down` (what carries it out).
    pub direction: &'static str,
    pub root: TreeNode,
}

/// A node of a chain tree with the documents stating the edge to its parent.
#[derive(Debug, Clone, Serialize)]
pub struct TreeNode {
    #[serde(flatten)]
    pub node: ChainNode,
    /// Documents whose text states the edge between this node and its parent.
    pub stated_in: Vec<String>,
    /// True when the node's own subtree is drawn elsewhere in the tree (shown once).
    pub repeated: bool,
    pub children: Vec<TreeNode>,
}

impl ChainTree {
    /// The tree of a chain walked in `dir` from its root.
    pub fn of(chain: &Chain, rel: Relation, dir: Direction) -> ChainTree {
        let nodes: HashMap<&str, &ChainNode> =
            chain.nodes.iter().map(|n| (n.node.as_str(), n)).collect();
        // each parent's children in edge order, each child once with every stating document
        let mut children: HashMap<&str, Vec<(&str, Vec<String>)>> = HashMap::new();
        for e in &chain.edges {
            let (parent, child) = match dir {
                Direction::Down => (e.to.as_str(), e.from.as_str()),
                Direction::Up => (e.from.as_str(), e.to.as_str()),
            };
            let list = children.entry(parent).or_default();
            match list.iter_mut().find(|(c, _)| *c == child) {
                Some((_, docs)) => docs.push(e.stated_in.clone()),
                None => list.push((child, vec![e.stated_in.clone()])),
            }
        }
        let mut expanded = HashSet::new();
        let root = grow(&chain.root, Vec::new(), &nodes, &children, &mut expanded);
        ChainTree {
            rel,
            direction: match dir {
                Direction::Up => "up",
                Direction::Down => "down",
            },
            root,
        }
    }
}

/// The subtree under `name`, depth first, each node's children expanded once in the tree.
fn grow<'a>(
    name: &'a str,
    stated_in: Vec<String>,
    nodes: &HashMap<&str, &ChainNode>,
    children: &HashMap<&str, Vec<(&'a str, Vec<String>)>>,
    expanded: &mut HashSet<&'a str>,
) -> TreeNode {
    let node = nodes
        .get(name)
        .map_or_else(|| ChainNode::named(name), |n| (*n).clone());
    if !expanded.insert(name) {
        return TreeNode {
            node,
            stated_in,
            repeated: children.contains_key(name),
            children: Vec::new(),
        };
    }
    let kids = children
        .get(name)
        .into_iter()
        .flatten()
        .map(|(child, docs)| grow(child, docs.clone(), nodes, children, expanded))
        .collect();
    TreeNode {
        node,
        stated_in,
        repeated: false,
        children: kids,
    }
}

/// What a corpus document cites, and the edges it states between others.
#[derive(Debug, Clone, Serialize)]
pub struct CitationReport {
    pub doc: String,
    pub node: String,
    pub citations: Vec<CitedNode>,
    pub stated: Vec<ChainEdge>,
}

/// One node a document cites, how and how often.
#[derive(Debug, Clone, Serialize)]
pub struct CitedNode {
    pub to: String,
    pub rel: Relation,
    pub count: usize,
    pub spans: Vec<[usize; 2]>,
}

impl CitationReport {
    pub fn of(g: &Graph, doc: &str, n: NodeIx) -> CitationReport {
        CitationReport {
            doc: doc.to_string(),
            node: g.nodes[n].name.clone(),
            citations: g
                .citations_of(n)
                .into_iter()
                .map(|e| CitedNode {
                    to: g.nodes[e.to].name.clone(),
                    rel: e.rel,
                    count: e.spans.len(),
                    spans: e.spans.iter().map(|s| [s.start, s.end]).collect(),
                })
                .collect(),
            stated: stated_in(g, doc),
        }
    }
}

/// The nodes an identifier names, or the nearest known spellings when none.
#[derive(Debug, Clone, Serialize)]
pub struct LookupAnswer {
    pub query: String,
    pub candidates: Vec<Lookup>,
    pub suggestions: Vec<String>,
}

/// Who stands in a relation to a target, directly and down the chain.
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub target: ChainNode,
    pub rel: Relation,
    pub implementers: Vec<Implementer>,
}

/// An identifier's page: what the texts say it is, who implements it (down the chain,
/// grouped by tier and locality, each with its date and how long after the target it came),
/// who cites it, what it implements, and its relation groups.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IdentifierView {
    #[serde(flatten)]
    pub node: ChainNode,
    /// Corpus documents that are this node.
    pub docs: Vec<String>,
    /// What each citing document says of it (kind word, date, issuer, khóa, subject).
    pub statements: Vec<Statement>,
    pub implementers: Vec<ImplementerRow>,
    /// The implementers by tier and locality, central first.
    pub groups: Vec<ImplementerGroup>,
    pub citers: Vec<CiterRow>,
    pub implements: Vec<ChainNode>,
    pub relations: Vec<RelationGroup>,
}

/// One implementer on an identifier's page.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImplementerRow {
    #[serde(flatten)]
    pub node: ChainNode,
    /// 1 for a direct implementer, 2 for one that implements a direct one …
    pub depth: usize,
    /// The node it implements on the way to the target.
    pub via: String,
    /// Days between the target's date and this one's, when both are known.
    pub days_after: Option<i64>,
}

/// Implementers of one tier and locality.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImplementerGroup {
    #[schema(value_type = Option<String>)]
    pub tier: Option<&'static str>,
    pub locality: Option<String>,
    pub count: usize,
    /// Positions in [`IdentifierView::implementers`].
    pub rows: Vec<usize>,
}

/// A document citing an identifier, how and how often.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CiterRow {
    #[serde(flatten)]
    pub node: ChainNode,
    pub relation: Relation,
    pub count: usize,
}

impl IdentifierView {
    pub fn of(g: &Graph, n: NodeIx, depth: usize) -> IdentifierView {
        let node = g.chain_node(n);
        let tree = g.related_tree(n, Relation::Implements, depth);
        let implementers: Vec<ImplementerRow> = tree
            .found
            .iter()
            .map(|&(i, d)| {
                let row = g.chain_node(i);
                let days_after = row.date.zip(node.date).map(|(a, b)| a.days() - b.days());
                ImplementerRow {
                    node: row,
                    depth: d,
                    via: g.nodes[tree.via(i)].name.clone(),
                    days_after,
                }
            })
            .collect();
        IdentifierView {
            docs: g.nodes[n].docs.clone(),
            statements: g.nodes[n].statements.clone(),
            groups: group(&implementers),
            implementers,
            citers: g
                .citers(n)
                .into_iter()
                .map(|(c, relation, count)| CiterRow {
                    node: g.chain_node(c),
                    relation,
                    count,
                })
                .collect(),
            implements: g
                .out_edges(n)
                .filter(|e| e.rel == Relation::Implements)
                .map(|e| e.to)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .map(|t| g.chain_node(t))
                .collect(),
            relations: relation_groups(g, n),
            node,
        }
    }
}

/// Rows grouped by tier (central first) and locality (by name, unknown last).
fn group(rows: &[ImplementerRow]) -> Vec<ImplementerGroup> {
    let rank = |t: Option<&str>| match t {
        Some("Trung ương") => 0,
        Some("Tỉnh") => 1,
        Some("Huyện") => 2,
        Some("Xã") => 3,
        _ => 4,
    };
    let mut groups: BTreeMap<(u8, Option<String>), ImplementerGroup> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let key = (rank(r.node.tier), r.node.locality.clone());
        let g = groups.entry(key).or_insert_with(|| ImplementerGroup {
            tier: r.node.tier,
            locality: r.node.locality.clone(),
            count: 0,
            rows: Vec::new(),
        });
        g.count += 1;
        g.rows.push(i);
    }
    groups.into_values().collect()
}

/// What a removal did.
#[derive(Debug, Clone, Serialize)]
pub struct Removal {
    pub removed: Vec<String>,
    pub missing: Vec<String>,
    pub total: u64,
}

/// Counts of what the archive holds.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Stats {
    pub documents: u64,
    pub nodes: usize,
    pub edges: usize,
    /// Edges per relation kind.
    #[schema(value_type = BTreeMap<String, usize>)]
    pub relations: BTreeMap<&'static str, usize>,
    /// Edges stated between other documents.
    pub stated: usize,
}

impl Stats {
    pub fn of(documents: u64, g: &Graph) -> Stats {
        let mut relations = BTreeMap::new();
        for e in &g.edges {
            *relations.entry(e.rel.as_str()).or_insert(0) += 1;
        }
        Stats {
            documents,
            nodes: g.nodes.len(),
            edges: g.edges.len(),
            relations,
            stated: g.edges.iter().filter(|e| e.stated).count(),
        }
    }
}

/// How many directives and newest documents the landing page lists.
pub const OVERVIEW_LIST: usize = 10;

/// What the archive holds, as its landing page shows it: the number of documents, counts per
/// kind, year, level, place and issuer, the documents with the most implementers and the
/// newest documents.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Overview {
    pub documents: usize,
    pub facets: Facets,
    pub most_implemented: Vec<Implemented>,
    pub newest: Vec<Hit>,
}

/// A document and how many others say they carry it out directly.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Implemented {
    #[serde(flatten)]
    pub node: ChainNode,
    pub implementers: usize,
}

/// The `n` nodes with the most direct implementers (distinct implementing nodes), most
/// first, then by name.
pub fn most_implemented(g: &Graph, n: usize) -> Vec<Implemented> {
    let mut by: HashMap<NodeIx, HashSet<NodeIx>> = HashMap::new();
    for e in g.edges.iter().filter(|e| e.rel == Relation::Implements) {
        by.entry(e.to).or_default().insert(e.from);
    }
    let mut counted: Vec<(usize, NodeIx)> = by.into_iter().map(|(t, f)| (f.len(), t)).collect();
    counted.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| g.nodes[a.1].name.cmp(&g.nodes[b.1].name))
    });
    counted
        .into_iter()
        .take(n)
        .map(|(count, t)| Implemented {
            node: g.chain_node(t),
            implementers: count,
        })
        .collect()
}
