//! Names the archive gives documents (aliases: a name written with a number, a law's own
//! title) and the references by name resolved with them, each with its evidence; a name
//! that fits two numbers stays ambiguous, one nothing ties stays a named mention.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::{Graph, NodeIx};
use crate::cite::named::{year_after, NamedMention, Names};
use crate::cite::{CiteId, Relation};
use crate::date::Date;
use crate::text::fold;

/// A document's reference to another by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedRef {
    /// The naming document.
    pub doc: String,
    /// The name's bytes in `doc`'s text.
    pub span: Range<usize>,
    /// The name as written (line breaks as spaces).
    pub name: String,
    pub relation: Relation,
    /// The document it names, when the archive ties the name to one number.
    pub node: Option<NodeIx>,
    /// The numbers the name fits when it fits more than one.
    pub candidates: Vec<NodeIx>,
    /// Where the archive writes the name with the number (up to three places).
    pub evidence: Vec<Evidence>,
    /// The numbered document the same sentence says amends the named one.
    pub amended_by: Option<NodeIx>,
}

/// One place that ties a name to a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evidence {
    /// The document that writes it.
    pub doc: String,
    /// The words, as written.
    pub quote: String,
}

/// A name's words, folded, with where each ends in the written name.
struct Words {
    keys: Vec<String>,
    ends: Vec<usize>,
}

/// Abbreviations written inside names, with the words they stand for.
const SHORT: [(&str, &[&str]); 3] = [
    ("mttq", &["mat", "tran", "to", "quoc"]),
    ("xhcn", &["xa", "hoi", "chu", "nghia"]),
    ("ubnd", &["uy", "ban", "nhan", "dan"]),
];

impl Words {
    fn of(name: &str) -> Words {
        let mut w = Words {
            keys: Vec::new(),
            ends: Vec::new(),
        };
        let mut at = 0;
        for token in name.split(|c: char| c.is_whitespace() || c == ',') {
            let end = at + token.len();
            at = end + 1;
            let t = fold(token.trim_matches(|c: char| !c.is_alphanumeric()));
            if t.is_empty() {
                continue;
            }
            match SHORT.iter().find(|(s, _)| *s == t) {
                Some((_, long)) => long.iter().for_each(|l| w.push(l, end)),
                None => w.push(&t, end),
            }
        }
        w
    }

    fn push(&mut self, key: &str, end: usize) {
        self.keys.push(key.to_string());
        self.ends.push(end);
    }

    fn key(&self, n: usize) -> String {
        self.keys[..n].join(" ")
    }
}

/// The folded key of a whole name.
pub fn key(name: &str) -> String {
    let w = Words::of(name);
    w.key(w.keys.len())
}

/// Where a name was taught.
struct Taught {
    node: NodeIx,
    entry: usize,
    quote: String,
}

/// The aliases of the whole archive.
#[derive(Default)]
pub(super) struct Table {
    by_key: FxHashMap<String, Vec<Taught>>,
    /// Keys by their first two words, for names written with a letter wrong.
    by_head: FxHashMap<String, Vec<String>>,
    /// Numbers a later document says ceased to be in force, and from when (that document's
    /// coming into force, else its date).
    repealed: FxHashMap<NodeIx, Option<Date>>,
    /// Per number, how many times it is written under an amending law's title and under
    /// another name: an amending law's number written with a base
    /// law's name written with one's number (`Luật Quảng cáo số 75/2025/QH15`) is not its
    /// name.
    amending: FxHashMap<String, (u32, u32)>,
}

/// One document as the table sees it: what it names and teaches, its date, its node.
pub(super) struct Namer<'a> {
    pub entry: usize,
    pub doc: &'a str,
    pub date: Option<Date>,
    /// Its node: its own number's, or the one made for it.
    pub node: NodeIx,
    pub names: &'a Names,
    /// The node each number it writes resolves to.
    pub node_of: &'a dyn Fn(&CiteId) -> Option<NodeIx>,
}

impl Table {
    pub(super) fn learn(&mut self, t: &Namer) {
        for a in &t.names.aliases {
            let votes = self.amending.entry(a.id.key()).or_default();
            if key(&a.name).starts_with("luat sua doi") {
                votes.0 += 1;
            } else {
                votes.1 += 1;
            }
        }
        for id in t
            .names
            .mentions
            .iter()
            .filter_map(|m| m.amended_by.as_ref())
        {
            self.amending.entry(id.key()).or_default().0 += 1;
        }
        for a in &t.names.aliases {
            let node = if a.own {
                Some(t.node)
            } else {
                (t.node_of)(&a.id)
            };
            let Some(node) = node else {
                continue;
            };
            let k = key(&a.name);
            let taught = self.by_key.entry(k.clone()).or_default();
            if taught.is_empty() {
                let head = Words::of(&a.name);
                if head.keys.len() >= 2 {
                    self.by_head.entry(head.key(2)).or_default().push(k);
                }
            }
            taught.push(Taught {
                node,
                entry: t.entry,
                quote: a.quote.clone(),
            });
            if a.repealed {
                let on = a.repealed_on.or(t.date);
                let at = self.repealed.entry(node).or_insert(on);
                *at = (*at).min(on);
            }
        }
    }

    /// The longest name in `reach` the archive knows: its key and word count.
    fn longest(&self, w: &Words) -> Option<(String, usize)> {
        (2..=w.keys.len().min(64))
            .rev()
            .map(|n| (w.key(n), n))
            .find(|(k, _)| self.by_key.contains_key(k))
            .or_else(|| self.near(w))
    }

    /// A known name one or two letters from the written one (`Luật Địa chất và koáng sản`).
    fn near(&self, w: &Words) -> Option<(String, usize)> {
        if w.keys.len() < 3 {
            return None;
        }
        let known = self.by_head.get(&w.key(2))?;
        known
            .iter()
            .filter(|k| k.len() >= 16)
            .filter_map(|k| {
                let n = k.split(' ').count();
                (n <= w.keys.len()).then(|| (strsim::levenshtein(&w.key(n), k), k, n))
            })
            .filter(|(d, _, _)| *d <= 2)
            .min_by_key(|(d, k, _)| (*d, std::cmp::Reverse(k.len())))
            .map(|(_, k, n)| (k.clone(), n))
    }
}

/// A name matched: the node or candidates, the name's length in the reach.
struct Found {
    /// The alias's key.
    key: String,
    nodes: Vec<NodeIx>,
    name_end: usize,
    evidence: Vec<Evidence>,
}

impl Table {
    /// Every mention of `r`'s document resolved, ambiguous or kept as a named mention.
    pub(super) fn resolve(&self, g: &Graph, r: &Namer, docs: &[&str]) -> Vec<NamedRef> {
        let mentions = &r.names.mentions;
        let found: Vec<Option<Found>> = mentions
            .iter()
            .map(|m| self.matched(g, r, m, docs))
            .collect();
        // the full names this document writes, for its short forms
        let mut keys: Vec<String> = r.names.aliases.iter().map(|a| key(&a.name)).collect();
        keys.extend(found.iter().flatten().map(|f| f.key.clone()));
        keys.sort_unstable();
        keys.dedup();
        let mut out = Vec::new();
        for (m, f) in mentions.iter().zip(found) {
            let f = f.or_else(|| self.short_form(g, r, m, &keys, docs));
            let named = match f {
                Some(f) if f.nodes.contains(&r.node) => continue,
                Some(f) => {
                    let (node, candidates) = match f.nodes.as_slice() {
                        [one] => (Some(*one), Vec::new()),
                        many => (None, many.to_vec()),
                    };
                    let evidence = if node.is_some() {
                        f.evidence
                    } else {
                        Vec::new()
                    };
                    named_ref(r.doc, m, f.name_end, node, candidates, evidence)
                }
                None if m.capitalised => named_ref(r.doc, m, m.name_len, None, vec![], vec![]),
                None => continue,
            };
            out.push(NamedRef {
                amended_by: m.amended_by.as_ref().and_then(|id| (r.node_of)(id)),
                ..named
            });
        }
        out
    }

    /// The longest alias the mention starts with, unless a number follows it (the name
    /// then only teaches).
    fn matched(&self, g: &Graph, r: &Namer, m: &NamedMention, docs: &[&str]) -> Option<Found> {
        let w = Words::of(&m.reach);
        let (k, n) = self.longest(&w)?;
        let name_end = w.ends[n - 1];
        let rest = &m.reach[name_end..];
        if is_numbered(rest) {
            return None;
        }
        Some(self.choose(g, r, &k, year_after(rest), name_end, docs))
    }

    /// `Luật Bầu cử` where the same document writes `Luật Bầu cử đại biểu Quốc hội và …`
    /// with its number: the full name's.
    fn short_form(
        &self,
        g: &Graph,
        r: &Namer,
        m: &NamedMention,
        own_keys: &[String],
        docs: &[&str],
    ) -> Option<Found> {
        if !m.capitalised {
            return None;
        }
        let short = key(m.name());
        let prefix = format!("{short} ");
        let fulls: Vec<&String> = own_keys.iter().filter(|k| k.starts_with(&prefix)).collect();
        let [full] = fulls.as_slice() else {
            return None;
        };
        let rest = &m.reach[m.name_len..];
        Some(self.choose(g, r, full, year_after(rest), m.name_len, docs))
    }

    /// The numbers a known name fits for this document: its own tie first, then the year
    /// written, then those not later than the document nor repealed before it.
    fn choose(
        &self,
        g: &Graph,
        r: &Namer,
        k: &str,
        year: Option<u16>,
        name_end: usize,
        docs: &[&str],
    ) -> Found {
        let taught = &self.by_key[k];
        // one candidate per identifier: a number split by year has several nodes
        let mut ids: Vec<String> = taught.iter().map(|t| id_key(g, t.node)).collect();
        ids.sort_unstable();
        ids.dedup();
        let here: Vec<String> = taught
            .iter()
            .filter(|t| t.entry == r.entry)
            .map(|t| id_key(g, t.node))
            .collect();
        if here.is_empty() {
            self.narrow(g, taught, r.date, year, &mut ids);
        } else {
            ids.retain(|id| here.contains(id));
        }
        one_code_per_number(g, taught, &mut ids);
        let nodes: Vec<NodeIx> = ids.iter().map(|id| best_node(g, taught, id)).collect();
        let evidence = match ids.as_slice() {
            [one] => evidence(g, taught, one, r.entry, docs),
            _ => Vec::new(),
        };
        Found {
            key: k.to_string(),
            nodes,
            name_end,
            evidence,
        }
    }

    /// The identifiers that fit the written year, else those not later than the document
    /// and not said to have ceased before it.
    fn narrow(
        &self,
        g: &Graph,
        taught: &[Taught],
        date: Option<Date>,
        year: Option<u16>,
        ids: &mut Vec<String>,
    ) {
        let year_of = |id: &String| {
            taught
                .iter()
                .filter(|t| id_key(g, t.node) == *id)
                .find_map(|t| node_year(g, t.node))
        };
        if let Some(y) = year {
            let same: Vec<String> = ids
                .iter()
                .filter(|id| year_of(id) == Some(y))
                .cloned()
                .collect();
            if !same.is_empty() {
                *ids = same;
                return;
            }
        }
        if let Some(y) = date.map(|d| d.year) {
            ids.retain(|id| year_of(id).is_none_or(|ny| ny <= y));
        }
        if ids.iter().any(|id| !self.is_amending(id)) {
            ids.retain(|id| !self.is_amending(id));
        }
        // ceased before the document, or at a time unknown
        let repealed = |id: &String| {
            taught
                .iter()
                .filter(|t| id_key(g, t.node) == *id)
                .filter_map(|t| self.repealed.get(&t.node))
                .any(|on| !matches!((on, date), (Some(on), Some(d)) if *on > d))
        };
        ids.retain(|id| !repealed(id));
    }
}

/// A name as staff may type it (`Luật Mặt trận Tổ quốc Việt Nam`) and the documents it
/// names: those of today first (not amending, not repealed), newest first, then the older.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Title {
    /// The name's folded words.
    pub key: String,
    pub nodes: Vec<NodeIx>,
}

impl Table {
    /// An amending law's number: written under an amending title (`Luật sửa đổi, bổ sung …`)
    /// or said to amend a law named, at least as often as under a base law's name (`Luật sửa
    /// đổi … của Luật Đất đai số 31/2024/QH15` may give the base law's number, and a law's
    /// closing articles amend others).
    fn is_amending(&self, id: &str) -> bool {
        self.amending
            .get(id)
            .is_some_and(|(titled, named)| titled >= named && *titled > 0)
    }

    /// Every name the archive ties to a number, with the numbers it names today.
    pub(super) fn titles(&self, g: &Graph) -> Vec<Title> {
        let mut out: Vec<Title> = self
            .by_key
            .iter()
            .map(|(k, taught)| {
                let mut all: Vec<String> = taught.iter().map(|t| id_key(g, t.node)).collect();
                all.sort_unstable();
                all.dedup();
                one_code_per_number(g, taught, &mut all);
                let mut now = all.clone();
                self.narrow(g, taught, None, None, &mut now);
                // the numbers it names today first, then the older ones (a year typed picks)
                let newest = |ids: &[String]| {
                    let mut nodes: Vec<NodeIx> =
                        ids.iter().map(|id| best_node(g, taught, id)).collect();
                    nodes.sort_by_key(|&n| std::cmp::Reverse(node_year(g, n)));
                    nodes
                };
                let mut nodes = newest(&now);
                all.retain(|id| !now.contains(id));
                nodes.extend(newest(&all));
                Title {
                    key: k.clone(),
                    nodes,
                }
            })
            .collect();
        out.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        out
    }
}

impl Graph {
    /// The nodes a typed name (`luat mat tran to quoc viet nam`, `Luật Đất đai 2013`) names:
    /// a known name, all the words typed but a year after it, which is then taken first.
    pub fn titled(&self, typed: &str) -> Option<Vec<NodeIx>> {
        let w = Words::of(typed);
        let year = w
            .keys
            .last()
            .and_then(|y| y.parse::<u16>().ok())
            .filter(|y| *y > 1900);
        let n = w.keys.len() - usize::from(year.is_some() && w.keys.len() > 2);
        let k = w.key(n);
        let at = self
            .titles
            .binary_search_by(|t| t.key.as_str().cmp(&k))
            .ok()?;
        let mut nodes = self.titles[at].nodes.clone();
        if let Some(y) = year {
            nodes.sort_by_key(|&node| node_year(self, node) != Some(y));
        }
        Some(nodes)
    }
}

/// One number and year, one law: the issuer code most documents write (`Luật Đất đai số
/// 31/2024/QH14` is a slip for 31/2024/QH15).
fn one_code_per_number(g: &Graph, taught: &[Taught], ids: &mut Vec<String>) {
    let teachers = |id: &String| {
        let mut e: Vec<usize> = taught
            .iter()
            .filter(|t| id_key(g, t.node) == *id)
            .map(|t| t.entry)
            .collect();
        e.dedup();
        e.len()
    };
    let number = |id: &String| id.split('/').take(2).collect::<Vec<_>>().join("/");
    let mut best: FxHashMap<String, (usize, String)> = FxHashMap::default();
    for id in ids.iter() {
        let n = teachers(id);
        let b = best.entry(number(id)).or_insert((n, id.clone()));
        if n > b.0 {
            *b = (n, id.clone());
        }
    }
    ids.retain(|id| best[&number(id)].1 == *id);
}

/// A node's identifier key (its name when it has none).
fn id_key(g: &Graph, n: NodeIx) -> String {
    g.nodes[n]
        .id
        .as_ref()
        .map_or_else(|| g.nodes[n].name.clone(), |id| id.key())
}

/// The node to link for an identifier: one held in the archive, else one not ambiguous.
fn best_node(g: &Graph, taught: &[Taught], id: &str) -> NodeIx {
    let nodes: Vec<NodeIx> = taught
        .iter()
        .map(|t| t.node)
        .filter(|&n| id_key(g, n) == id)
        .collect();
    let held = nodes.iter().copied().find(|&n| !g.nodes[n].docs.is_empty());
    held.or_else(|| nodes.iter().copied().find(|&n| !g.nodes[n].ambiguous))
        .unwrap_or(nodes[0])
}

/// Up to three places that tie the name to `node`, the naming document's own first.
fn evidence(g: &Graph, taught: &[Taught], id: &str, entry: usize, docs: &[&str]) -> Vec<Evidence> {
    let mut ties: Vec<&Taught> = taught.iter().filter(|t| id_key(g, t.node) == id).collect();
    ties.sort_by_key(|t| t.entry != entry);
    let mut seen = FxHashSet::default();
    ties.into_iter()
        .filter(|t| seen.insert(t.entry))
        .take(3)
        .map(|t| Evidence {
            doc: docs[t.entry].to_string(),
            quote: t.quote.clone(),
        })
        .collect()
}

/// `số 75/2015/QH13` right after the name, or the reach ending at `số` (the number follows).
fn is_numbered(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', ',']);
    let Some(after) = rest.strip_prefix("số").or_else(|| rest.strip_prefix("SỐ")) else {
        return false;
    };
    let after = after.trim_start_matches([' ', ':']);
    after.is_empty() || after.starts_with(|c: char| c.is_ascii_digit())
}

fn named_ref(
    doc: &str,
    m: &NamedMention,
    name_end: usize,
    node: Option<NodeIx>,
    candidates: Vec<NodeIx>,
    evidence: Vec<Evidence>,
) -> NamedRef {
    let name = m.reach[..name_end].trim_end().to_string();
    NamedRef {
        doc: doc.to_string(),
        span: m.span.start..m.span.start + name.len(),
        name,
        relation: m.relation,
        node,
        candidates,
        evidence,
        amended_by: None,
    }
}

/// The year of a node's document: its own, its number's, or its date's.
fn node_year(g: &Graph, n: NodeIx) -> Option<u16> {
    let node = &g.nodes[n];
    node.year
        .or(node.id.as_ref().and_then(|id| id.year))
        .or(node.date.map(|d| d.year))
}
