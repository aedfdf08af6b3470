//! Questions asked of the graph: lookup (with candidates when ambiguous), implementers to a
//! depth with paths, chains up and down, citers, a document's citations, the neighbourhood of
//! a node, and a path between two nodes.

use std::collections::VecDeque;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Serialize;

use super::{Edge, Graph, NodeIx, Scope};
use crate::cite::{CiteId, Relation};
use crate::date::Date;
use crate::text::fold;

/// Which way a chain is walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// What the node implements, up to the root directive.
    Up,
    /// What implements the node, down the levels.
    Down,
}

/// An implementer of a target, with the chain of nodes from it to the target.
#[derive(Debug, Clone, Serialize)]
pub struct Implementer {
    pub node: String,
    pub doc: Option<String>,
    pub depth: usize,
    pub path: Vec<String>,
}

/// The implementers of a target as indices: `found` breadth first with depths, and each
/// one's next node towards the target.
#[derive(Debug, Clone)]
pub struct ImplementerTree {
    pub target: NodeIx,
    pub found: Vec<(NodeIx, usize)>,
    parent: HashMap<NodeIx, NodeIx>,
}

impl ImplementerTree {
    /// The node `n` is linked through on its way to the target (the target for a direct one).
    pub fn via(&self, n: NodeIx) -> NodeIx {
        self.parent[&n]
    }

    /// The path from implementer `n` to the target.
    pub fn path(&self, mut n: NodeIx) -> Vec<NodeIx> {
        let mut path = vec![n];
        while n != self.target {
            n = self.parent[&n];
            path.push(n);
        }
        path
    }
}

/// A node as chains and lookups show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ChainNode {
    pub node: String,
    pub label: String,
    pub doc: Option<String>,
    pub kind: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub locality: Option<String>,
    /// The issuing body's tier, as staff name it (`Trung ương`, `Tỉnh`, `Huyện`, `Xã`).
    #[schema(value_type = Option<String>)]
    pub tier: Option<&'static str>,
    pub ambiguous: bool,
}

impl ChainNode {
    /// A node known by its name alone.
    pub fn named(name: &str) -> ChainNode {
        ChainNode {
            node: name.to_string(),
            label: name.to_string(),
            doc: None,
            kind: None,
            date: None,
            issuer: None,
            locality: None,
            tier: None,
            ambiguous: false,
        }
    }
}

/// A number without its leading zeros (`02` and `2` are one number).
pub(crate) fn bare_number(number: &str) -> &str {
    let t = number.trim_start_matches('0');
    if t.is_empty() {
        "0"
    } else {
        t
    }
}

/// An edge as chains show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ChainEdge {
    pub from: String,
    pub to: String,
    pub rel: Relation,
    pub stated_in: String,
}

/// A connected piece of the graph around a root.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Chain {
    pub root: String,
    pub nodes: Vec<ChainNode>,
    pub edges: Vec<ChainEdge>,
}

/// A lookup candidate: the node and what tells it apart from the others.
#[derive(Debug, Clone, Serialize)]
pub struct Lookup {
    #[serde(flatten)]
    pub node: ChainNode,
    pub year: Option<u16>,
    /// Corpus documents that cite it.
    pub cited_by: Vec<String>,
}

impl Graph {
    /// The nodes a name stands for: a corpus id, a scoped node name (`107-KH/TU@Quảng Nam`,
    /// any case and tone style), or an identifier in any spelling — then every node with it,
    /// so an ambiguous identifier lists its candidates (`QĐ`/`QĐi` tried both ways).
    pub fn lookup(&self, query: &str) -> Vec<NodeIx> {
        let q = query.trim();
        if let Some(n) = self.doc_node(q) {
            return vec![n];
        }
        if q.contains('@') {
            if let Some(n) = self.node_named(q) {
                return vec![n];
            }
        }
        let (id_part, scope_part) = q.split_once('@').unwrap_or((q, ""));
        let Ok(id) = CiteId::parse(id_part) else {
            return Vec::new();
        };
        let mut keys = vec![id.key()];
        if id.is_qd_family() {
            let other = if id.kind == "QĐ" { "QĐi" } else { "QĐ" };
            keys.push(
                CiteId {
                    kind: other.into(),
                    ..id.clone()
                }
                .key(),
            );
        }
        let scope = fold(scope_part);
        for key in keys {
            let found: Vec<NodeIx> = self
                .by_key
                .get(&key)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&n| scope.is_empty() || fold(&self.nodes[n].name).contains(&scope))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        self.node_named(q).into_iter().collect()
    }

    /// Known identifiers near one the graph does not hold, most cited first: the same number
    /// with another kind or issuer (or leading zeros), then the same kind and issuer with a
    /// close number.
    pub fn near(&self, query: &str, limit: usize) -> Vec<NodeIx> {
        let Ok(id) = CiteId::parse(query.split('@').next().unwrap_or(query)) else {
            return Vec::new();
        };
        let number = bare_number(&id.number);
        let same_number = self.by_number.get(number).into_iter().flatten().copied();
        let close: Vec<NodeIx> = number
            .parse::<u64>()
            .into_iter()
            .flat_map(|k| {
                [
                    k + 1,
                    k.saturating_sub(1),
                    k + 2,
                    k.saturating_sub(2),
                    k * 10,
                    k / 10,
                ]
            })
            .filter(|&k| k.to_string() != number)
            .flat_map(|k| {
                self.by_number
                    .get(&k.to_string())
                    .into_iter()
                    .flatten()
                    .copied()
            })
            .filter(|&n| {
                self.nodes[n]
                    .id
                    .as_ref()
                    .is_some_and(|o| o.kind == id.kind && o.issuer == id.issuer)
            })
            .collect();
        // the shape typed first (a Party number suggests Party numbers: `21-KL/TU` →
        // `21-KL/TW` before `21/2017/QH14`), then the same kind, the same issuer, the most cited
        let unlike = |n: NodeIx| {
            self.nodes[n].id.as_ref().map_or((true, true, true), |o| {
                (
                    o.shape != id.shape,
                    o.kind != id.kind,
                    o.issuer != id.issuer,
                )
            })
        };
        let by_cites = |list: Vec<NodeIx>| {
            let mut list: Vec<((bool, bool, bool), usize, NodeIx)> = list
                .into_iter()
                .map(|n| (unlike(n), self.cited_by_count(n), n))
                .collect();
            list.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(b.1.cmp(&a.1))
                    .then(self.nodes[a.2].name.cmp(&self.nodes[b.2].name))
            });
            list.into_iter().map(|(_, _, n)| n)
        };
        let mut out: Vec<NodeIx> = Vec::new();
        for n in by_cites(same_number.collect()).chain(by_cites(close)) {
            if !out.contains(&n) && out.len() < limit {
                out.push(n);
            }
        }
        out
    }

    /// The node with exactly this name (compared folded).
    pub fn node_named(&self, name: &str) -> Option<NodeIx> {
        self.by_name.get(&fold(name.trim())).copied()
    }

    /// Who implements `target`: directly (depth 1) and down the chain to `depth`, each with
    /// its path to the target, as node names.
    pub fn implementers(&self, target: NodeIx, depth: usize) -> Vec<Implementer> {
        self.related(target, Relation::Implements, depth)
    }

    /// Who stands in relation `rel` to `target` (who amends it, replaces it, guides it …),
    /// directly and down the chain to `depth`, each with its path to the target.
    pub fn related(&self, target: NodeIx, rel: Relation, depth: usize) -> Vec<Implementer> {
        let tree = self.related_tree(target, rel, depth);
        tree.found
            .iter()
            .map(|&(n, d)| Implementer {
                node: self.nodes[n].name.clone(),
                doc: self.nodes[n].docs.first().cloned(),
                depth: d,
                path: tree
                    .path(n)
                    .iter()
                    .map(|&i| self.nodes[i].name.clone())
                    .collect(),
            })
            .collect()
    }

    /// [`Graph::implementers`] as indices: every implementer breadth first with its depth,
    /// and the parent links its path follows. This is the query; naming is presentation.
    pub fn implementer_tree(&self, target: NodeIx, depth: usize) -> ImplementerTree {
        self.related_tree(target, Relation::Implements, depth)
    }

    /// [`Graph::related`] as indices.
    pub fn related_tree(&self, target: NodeIx, rel: Relation, depth: usize) -> ImplementerTree {
        let mut parent: HashMap<NodeIx, NodeIx> = HashMap::from_iter([(target, target)]);
        let mut found = Vec::new();
        let mut frontier = vec![target];
        for d in 1..=depth {
            let mut next = Vec::new();
            for &n in &frontier {
                for e in self.in_edges(n).filter(|e| e.rel == rel) {
                    if let std::collections::hash_map::Entry::Vacant(v) = parent.entry(e.from) {
                        v.insert(n);
                        next.push(e.from);
                        found.push((e.from, d));
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        ImplementerTree {
            target,
            found,
            parent,
        }
    }

    /// The implements-chain from `root`, up or down, to `depth` levels.
    pub fn chain(&self, root: NodeIx, dir: Direction, depth: usize) -> Chain {
        self.chain_of(root, Relation::Implements, dir, depth)
    }

    /// The chain of relation `rel` from `root` (what amends what amends it …).
    pub fn chain_of(&self, root: NodeIx, rel: Relation, dir: Direction, depth: usize) -> Chain {
        self.chain_capped(root, rel, dir, depth, usize::MAX)
    }

    /// [`Graph::chain_of`] with at most `cap` nodes (for drawing), the first found kept.
    pub fn chain_capped(
        &self,
        root: NodeIx,
        rel: Relation,
        dir: Direction,
        depth: usize,
        cap: usize,
    ) -> Chain {
        let (nodes, edges) = self.chain_walk(root, rel, dir, depth, cap);
        self.render(root, &nodes, &edges)
    }

    /// [`Graph::chain`] as node and edge indices: the query; [`Graph::chain`] names them.
    pub fn chain_ixs(
        &self,
        root: NodeIx,
        dir: Direction,
        depth: usize,
    ) -> (Vec<NodeIx>, Vec<usize>) {
        self.chain_ixs_of(root, Relation::Implements, dir, depth)
    }

    /// [`Graph::chain_of`] as node and edge indices.
    pub fn chain_ixs_of(
        &self,
        root: NodeIx,
        rel: Relation,
        dir: Direction,
        depth: usize,
    ) -> (Vec<NodeIx>, Vec<usize>) {
        self.chain_walk(root, rel, dir, depth, usize::MAX)
    }

    fn chain_walk(
        &self,
        root: NodeIx,
        rel: Relation,
        dir: Direction,
        depth: usize,
        cap: usize,
    ) -> (Vec<NodeIx>, Vec<usize>) {
        let edges = |n: NodeIx| match dir {
            Direction::Down => &self.inc[n],
            Direction::Up => &self.out[n],
        };
        self.walk(root, depth, cap, |n, out| {
            for &e in edges(n) {
                let edge = &self.edges[e];
                if edge.rel == rel {
                    let other = if dir == Direction::Down {
                        edge.from
                    } else {
                        edge.to
                    };
                    out.push((other, e));
                }
            }
        })
    }

    /// Everything within `depth` steps of `root` in either direction, any relation, at most
    /// `cap` nodes (for drawing).
    pub fn neighbourhood(&self, root: NodeIx, depth: usize, cap: usize) -> Chain {
        let (nodes, edges) = self.walk(root, depth, cap, |n, out| {
            out.extend(self.inc[n].iter().map(|&e| (self.edges[e].from, e)));
            out.extend(self.out[n].iter().map(|&e| (self.edges[e].to, e)));
        });
        self.render(root, &nodes, &edges)
    }

    /// Breadth-first from `root`; `step` lists (neighbour, edge) pairs. Returns the nodes in
    /// visiting order and the edges between visited nodes.
    fn walk(
        &self,
        root: NodeIx,
        depth: usize,
        cap: usize,
        step: impl Fn(NodeIx, &mut Vec<(NodeIx, usize)>),
    ) -> (Vec<NodeIx>, Vec<usize>) {
        let mut order = vec![root];
        let mut level = HashMap::from_iter([(root, 0usize)]);
        let mut edges = Vec::new();
        let mut seen_edges = HashSet::default();
        let mut buf = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let n = order[i];
            i += 1;
            let here = level[&n];
            if here >= depth {
                continue;
            }
            buf.clear();
            step(n, &mut buf);
            for &(next, e) in &buf {
                if let std::collections::hash_map::Entry::Vacant(v) = level.entry(next) {
                    if order.len() >= cap {
                        continue;
                    }
                    v.insert(here + 1);
                    order.push(next);
                }
                if seen_edges.insert(e) {
                    edges.push(e);
                }
            }
        }
        (order, edges)
    }

    fn render(&self, root: NodeIx, nodes: &[NodeIx], edges: &[usize]) -> Chain {
        Chain {
            root: self.nodes[root].name.clone(),
            nodes: nodes.iter().map(|&n| self.chain_node(n)).collect(),
            edges: edges
                .iter()
                .map(|&e| {
                    let e = &self.edges[e];
                    ChainEdge {
                        from: self.nodes[e.from].name.clone(),
                        to: self.nodes[e.to].name.clone(),
                        rel: e.rel,
                        stated_in: e.stated_in.clone(),
                    }
                })
                .collect(),
        }
    }

    /// Corpus documents citing `n`, with the relation and the number of occurrences.
    pub fn citers(&self, n: NodeIx) -> Vec<(NodeIx, Relation, usize)> {
        let mut out: Vec<(NodeIx, Relation, usize)> = self
            .in_edges(n)
            .filter(|e| !e.stated)
            .map(|e| (e.from, e.rel, e.spans.len()))
            .collect();
        out.sort_by(|a, b| {
            self.nodes[a.0]
                .name
                .cmp(&self.nodes[b.0].name)
                .then(a.1.cmp(&b.1))
        });
        out
    }

    /// How many corpus documents cite `n`.
    pub fn cited_by_count(&self, n: NodeIx) -> usize {
        let docs: HashSet<NodeIx> = self
            .in_edges(n)
            .filter(|e| !e.stated)
            .map(|e| e.from)
            .collect();
        docs.len()
    }

    /// What a corpus document's node cites, its own edges only.
    pub fn citations_of(&self, n: NodeIx) -> Vec<&Edge> {
        self.out_edges(n).filter(|e| !e.stated).collect()
    }

    /// A shortest path from `a` to `b` over edges in either direction, if one exists.
    pub fn path(&self, a: NodeIx, b: NodeIx) -> Option<Vec<NodeIx>> {
        let mut prev: HashMap<NodeIx, NodeIx> = HashMap::from_iter([(a, a)]);
        let mut queue = VecDeque::from([a]);
        while let Some(n) = queue.pop_front() {
            if n == b {
                let mut path = vec![b];
                while *path.last()? != a {
                    path.push(prev[path.last()?]);
                }
                path.reverse();
                return Some(path);
            }
            let next = self
                .in_edges(n)
                .map(|e| e.from)
                .chain(self.out_edges(n).map(|e| e.to));
            for m in next.collect::<Vec<_>>() {
                if let std::collections::hash_map::Entry::Vacant(v) = prev.entry(m) {
                    v.insert(n);
                    queue.push_back(m);
                }
            }
        }
        None
    }

    /// A lookup candidate with what distinguishes it.
    pub fn candidate(&self, n: NodeIx) -> Lookup {
        let mut cited_by: Vec<String> = self
            .in_edges(n)
            .filter(|e| !e.stated)
            .map(|e| e.stated_in.clone())
            .collect();
        cited_by.sort();
        cited_by.dedup();
        Lookup {
            node: self.chain_node(n),
            year: self.nodes[n].year,
            cited_by,
        }
    }

    /// A node as shown in chains: header fields for a corpus document, else what the texts
    /// citing it say most often.
    pub fn chain_node(&self, n: NodeIx) -> ChainNode {
        let node = &self.nodes[n];
        let most = |f: &dyn Fn(&super::Statement) -> Option<String>| {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for s in &node.statements {
                let Some(v) = f(s) else { continue };
                let n = s.count as usize;
                match counts.iter_mut().find(|(c, _)| *c == v) {
                    Some((_, k)) => *k += n,
                    None => counts.push((v, n)),
                }
            }
            counts.into_iter().max_by_key(|(_, k)| *k).map(|(v, _)| v)
        };
        let kind = node.kind.clone().or_else(|| most(&|s| s.kind_word.clone()));
        let date = node
            .date
            .or_else(|| most(&|s| s.date.map(|d| d.to_string())).and_then(|d| d.parse().ok()));
        let label = match (&node.title, &node.id, &kind) {
            (Some(t), _, _) => t.chars().take(120).collect(),
            (None, Some(id), Some(k)) => format!("{k} {id}"),
            (None, Some(id), None) => id.to_string(),
            (None, None, _) => node.name.clone(),
        };
        let issuer = node.issuer.clone().or_else(|| most(&|s| s.issuer.clone()));
        let tier = node.level.tier.or_else(|| {
            crate::doc::level::of(issuer.as_deref(), node.id.as_ref(), kind.as_deref()).tier
        });
        ChainNode {
            node: node.name.clone(),
            tier: tier.map(|t| t.name()),
            label,
            doc: node.docs.first().cloned(),
            kind,
            date,
            issuer,
            locality: match &node.scope {
                Some(Scope::Local(place)) => Some(place.clone()),
                _ => None,
            },
            ambiguous: node.ambiguous,
        }
    }
}
