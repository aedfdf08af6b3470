//! Names the archive gives documents (aliases: a name written with a number, a law's own
//! title) and the references by name resolved with them, each with its evidence; a name
//! that fits two numbers stays ambiguous, one nothing ties stays a named mention.

use std::ops::Range;

use rustc_hash::FxHashMap;
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
        for token in name.split(|c: char| c.is_whitespace() || c == ',') {
            // where the token ends in `name` (separators may be wider than a byte)
            let end = token.as_ptr() as usize - name.as_ptr() as usize + token.len();
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

    /// The key of the first `max` words, joined once, and where each word's key ends in it.
    fn joined(&self, max: usize) -> (String, Vec<usize>) {
        let n = self.keys.len().min(max);
        let mut at = Vec::with_capacity(n);
        let mut len = 0;
        for (i, k) in self.keys[..n].iter().enumerate() {
            len += k.len() + usize::from(i > 0);
            at.push(len);
        }
        (self.key(n), at)
    }
}

/// The folded key of a whole name.
pub fn key(name: &str) -> String {
    let w = Words::of(name);
    w.key(w.keys.len())
}

/// Where a name was written with a number, as learned.
struct Taught {
    node: NodeIx,
    entry: usize,
    quote: String,
}

/// One number a name was written with, summed over the archive once every document taught.
struct Tie {
    /// The number's identifier key.
    id: String,
    /// The node to link: one held in the archive, else one not ambiguous.
    node: NodeIx,
    year: Option<u16>,
    /// The documents that write the name with it, sorted.
    entries: Vec<usize>,
    /// The first places, one per document.
    quotes: Vec<(usize, String)>,
    /// Said to have ceased: from a date, or at a time no document gives.
    repealed: Option<Option<Date>>,
    amending: bool,
}

impl Tie {
    /// True when it ceased before `date` (or at a time unknown).
    fn repealed_by(&self, date: Option<Date>) -> bool {
        match (self.repealed, date) {
            (None, _) => false,
            (Some(Some(on)), Some(d)) => on <= d,
            (Some(_), _) => true,
        }
    }
}

/// The aliases of the whole archive: learned from every document, then sealed into ties.
#[derive(Default)]
pub(super) struct Table {
    taught: FxHashMap<String, Vec<Taught>>,
    /// Each name's numbers, once sealed.
    ties: FxHashMap<String, Vec<Tie>>,
    /// Keys by their first two words, for names written with a letter wrong.
    by_head: FxHashMap<String, Vec<(String, usize)>>,
    /// The most words a known name has.
    longest_name: usize,
    /// Numbers a later document says ceased to be in force, and from when.
    repealed: FxHashMap<NodeIx, Option<Date>>,
    /// Per number, how often it is written under an amending law's title or said to amend
    /// a law named, and how often under another name: a base law's name written with an
    /// amending law's number (`Luật Quảng cáo số 75/2025/QH15`) is not its name.
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
        let amended = t
            .names
            .mentions
            .iter()
            .filter_map(|m| m.amended_by.as_ref());
        for id in amended {
            self.amending.entry(id.key()).or_default().0 += 1;
        }
        for a in &t.names.aliases {
            let k = key(&a.name);
            let votes = self.amending.entry(a.id.key()).or_default();
            if k.starts_with("luat sua doi") {
                votes.0 += 1;
            } else {
                votes.1 += 1;
            }
            let node = if a.own {
                Some(t.node)
            } else {
                (t.node_of)(&a.id)
            };
            let Some(node) = node else {
                continue;
            };
            if a.repealed {
                // the earliest date known; unknown only when no document gives one
                let on = a.repealed_on.or(t.date);
                let at = self.repealed.entry(node).or_insert(on);
                *at = match (*at, on) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
            }
            let taught = self.taught.entry(k.clone()).or_default();
            if taught.is_empty() {
                let words = Words::of(&a.name);
                let n = words.keys.len();
                self.longest_name = self.longest_name.max(n);
                if n >= 2 {
                    self.by_head.entry(words.key(2)).or_default().push((k, n));
                }
            }
            taught.push(Taught {
                node,
                entry: t.entry,
                quote: a.quote.clone(),
            });
        }
    }

    /// Every name's numbers summed once: a mention then costs its name's numbers, not every
    /// place the archive writes them.
    pub(super) fn seal(&mut self, g: &Graph) {
        for (k, taught) in std::mem::take(&mut self.taught) {
            let mut by_id: FxHashMap<String, Vec<&Taught>> = FxHashMap::default();
            for t in &taught {
                by_id.entry(id_key(g, t.node)).or_default().push(t);
            }
            let mut ties: Vec<Tie> = by_id
                .into_iter()
                .map(|(id, ts)| self.tie(g, id, &ts))
                .collect();
            ties.sort_by(|a, b| a.id.cmp(&b.id));
            one_code_per_number(&mut ties);
            self.ties.insert(k, ties);
        }
    }

    fn tie(&self, g: &Graph, id: String, ts: &[&Taught]) -> Tie {
        let nodes: Vec<NodeIx> = ts.iter().map(|t| t.node).collect();
        let held = nodes.iter().copied().find(|&n| !g.nodes[n].docs.is_empty());
        let node = held
            .or_else(|| nodes.iter().copied().find(|&n| !g.nodes[n].ambiguous))
            .unwrap_or(nodes[0]);
        let mut entries: Vec<usize> = ts.iter().map(|t| t.entry).collect();
        entries.sort_unstable();
        entries.dedup();
        let mut quotes: Vec<(usize, String)> = Vec::new();
        for t in ts {
            if quotes.len() < 3 && !quotes.iter().any(|(e, _)| *e == t.entry) {
                quotes.push((t.entry, t.quote.clone()));
            }
        }
        let repealed = nodes
            .iter()
            .filter_map(|n| self.repealed.get(n).copied())
            .reduce(|x, y| match (x, y) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            });
        let amending = self
            .amending
            .get(&id)
            .is_some_and(|(titled, named)| titled >= named && *titled > 0);
        Tie {
            year: nodes.iter().find_map(|&n| node_year(g, n)),
            id,
            node,
            entries,
            quotes,
            repealed,
            amending,
        }
    }

    /// The longest name the written words start with: its key and word count.
    fn longest(&self, w: &Words) -> Option<(String, usize)> {
        let (joined, at) = w.joined(self.longest_name.min(64));
        (2..=at.len())
            .rev()
            .find(|&n| self.ties.contains_key(&joined[..at[n - 1]]))
            .map(|n| (joined[..at[n - 1]].to_string(), n))
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
            .filter(|(k, n)| k.len() >= 16 && *n <= w.keys.len())
            .filter_map(|(k, n)| {
                let written = w.key(*n);
                let close = written.len().abs_diff(k.len()) <= 2;
                close.then(|| (strsim::levenshtein(&written, k), k, *n))
            })
            .filter(|(d, _, _)| *d <= 2)
            .min_by_key(|(d, k, _)| (*d, std::cmp::Reverse(k.len())))
            .map(|(_, k, n)| (k.clone(), n))
    }
}

/// A name matched: its key, the numbers it fits, where it ends, the places that tie it.
struct Found {
    key: String,
    nodes: Vec<NodeIx>,
    name_end: usize,
    evidence: Vec<Evidence>,
}

impl Table {
    /// Every mention of `r`'s document resolved, ambiguous or kept as a named mention.
    pub(super) fn resolve(&self, r: &Namer, docs: &[&str]) -> Vec<NamedRef> {
        let mentions = &r.names.mentions;
        let found: Vec<Option<Found>> = mentions.iter().map(|m| self.matched(r, m, docs)).collect();
        // the full names this document writes, for its short forms
        let mut keys: Vec<String> = r.names.aliases.iter().map(|a| key(&a.name)).collect();
        keys.extend(found.iter().flatten().map(|f| f.key.clone()));
        keys.retain(|k| self.ties.contains_key(k));
        keys.sort_unstable();
        keys.dedup();
        let mut out = Vec::new();
        for (m, f) in mentions.iter().zip(found) {
            let f = f.or_else(|| self.short_form(r, m, &keys, docs));
            let named = match f {
                Some(f) if f.nodes.contains(&r.node) => continue,
                Some(f) => {
                    let (node, candidates) = match f.nodes.as_slice() {
                        [one] => (Some(*one), Vec::new()),
                        many => (None, many.to_vec()),
                    };
                    named_ref(r.doc, m, f.name_end, node, candidates, f.evidence)
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
    fn matched(&self, r: &Namer, m: &NamedMention, docs: &[&str]) -> Option<Found> {
        let w = Words::of(&m.reach);
        let (k, n) = self.longest(&w)?;
        let name_end = w.ends[n - 1];
        let rest = m.reach.get(name_end..)?;
        if is_numbered(rest) {
            return None;
        }
        Some(self.choose(r, &k, year_after(rest), name_end, docs))
    }

    /// `Luật Bầu cử` where the same document writes `Luật Bầu cử đại biểu Quốc hội và …`
    /// with its number: the full name's.
    fn short_form(
        &self,
        r: &Namer,
        m: &NamedMention,
        keys: &[String],
        docs: &[&str],
    ) -> Option<Found> {
        if !m.capitalised {
            return None;
        }
        let prefix = format!("{} ", key(m.name()));
        let from = keys.partition_point(|k| k.as_str() < prefix.as_str());
        let fulls: Vec<&String> = keys[from..]
            .iter()
            .take_while(|k| k.starts_with(&prefix))
            .collect();
        let [full] = fulls.as_slice() else {
            return None;
        };
        let rest = m.reach.get(m.name_len..)?;
        Some(self.choose(r, full, year_after(rest), m.name_len, docs))
    }

    /// The numbers a known name fits for this document: its own tie first, then the year
    /// written, then those not later than the document nor repealed before it.
    fn choose(
        &self,
        r: &Namer,
        k: &str,
        year: Option<u16>,
        name_end: usize,
        docs: &[&str],
    ) -> Found {
        let ties = &self.ties[k];
        let here: Vec<&Tie> = ties
            .iter()
            .filter(|t| t.entries.binary_search(&r.entry).is_ok())
            .collect();
        let fit = if here.is_empty() {
            narrow(ties, r.date, year)
        } else {
            here
        };
        let evidence = match fit.as_slice() {
            [one] => evidence(one, r, k, docs),
            _ => Vec::new(),
        };
        Found {
            key: k.to_string(),
            nodes: fit.iter().map(|t| t.node).collect(),
            name_end,
            evidence,
        }
    }
}

/// The numbers that fit the written year, else those not later than the document (dated
/// `date`), not amending while a base law fits, and not said to have ceased before it.
fn narrow(ties: &[Tie], date: Option<Date>, year: Option<u16>) -> Vec<&Tie> {
    if let Some(y) = year {
        let same: Vec<&Tie> = ties.iter().filter(|t| t.year == Some(y)).collect();
        if !same.is_empty() {
            return same;
        }
    }
    let mut fit: Vec<&Tie> = ties
        .iter()
        .filter(|t| match (t.year, date) {
            (Some(ty), Some(d)) => ty <= d.year,
            _ => true,
        })
        .collect();
    if fit.iter().any(|t| !t.amending) {
        fit.retain(|t| !t.amending);
    }
    fit.retain(|t| !t.repealed_by(date));
    fit
}

/// One number and year, one law: the issuer code most documents write (`Luật Đất đai số
/// 31/2024/QH14` is a slip for 31/2024/QH15); the slip's documents count for the law.
fn one_code_per_number(ties: &mut Vec<Tie>) {
    let number = |id: &str| id.split('/').take(2).collect::<Vec<_>>().join("/");
    ties.sort_by(|a, b| {
        (number(&a.id), std::cmp::Reverse(a.entries.len()), &a.id).cmp(&(
            number(&b.id),
            std::cmp::Reverse(b.entries.len()),
            &b.id,
        ))
    });
    let mut kept: Vec<Tie> = Vec::with_capacity(ties.len());
    for t in ties.drain(..) {
        match kept.last_mut() {
            Some(k) if number(&k.id) == number(&t.id) => {
                k.entries.extend(t.entries);
                k.entries.sort_unstable();
                k.entries.dedup();
            }
            _ => kept.push(t),
        }
    }
    *ties = kept;
}

/// Up to three places that tie the name to the number, the naming document's own first.
fn evidence(tie: &Tie, r: &Namer, k: &str, docs: &[&str]) -> Vec<Evidence> {
    let own = r
        .names
        .aliases
        .iter()
        .find(|a| a.id.key() == tie.id && key(&a.name) == k)
        .map(|a| (r.entry, a.quote.clone()));
    own.into_iter()
        .chain(tie.quotes.iter().filter(|(e, _)| *e != r.entry).cloned())
        .take(3)
        .map(|(e, quote)| Evidence {
            doc: docs[e].to_string(),
            quote,
        })
        .collect()
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
    /// Every name the archive ties to a number, with the numbers it names.
    pub(super) fn titles(&self) -> Vec<Title> {
        let newest = |ts: &mut Vec<&Tie>| ts.sort_by_key(|t| std::cmp::Reverse(t.year));
        let mut out: Vec<Title> = self
            .ties
            .iter()
            .map(|(k, ties)| {
                let mut now = narrow(ties, None, None);
                newest(&mut now);
                let mut older: Vec<&Tie> = ties
                    .iter()
                    .filter(|t| !now.iter().any(|n| n.id == t.id))
                    .collect();
                newest(&mut older);
                Title {
                    key: k.clone(),
                    nodes: now.iter().chain(&older).map(|t| t.node).collect(),
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

/// A node's identifier key (its name when it has none).
fn id_key(g: &Graph, n: NodeIx) -> String {
    g.nodes[n]
        .id
        .as_ref()
        .map_or_else(|| g.nodes[n].name.clone(), |id| id.key())
}

/// The year of a node's document: its own, its number's, or its date's.
fn node_year(g: &Graph, n: NodeIx) -> Option<u16> {
    let node = &g.nodes[n];
    node.year
        .or(node.id.as_ref().and_then(|id| id.year))
        .or(node.date.map(|d| d.year))
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
