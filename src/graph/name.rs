//! A typed name (`nghị quyết 57`) read against the graph: the identifiers that fit it,
//! held or only cited, ranked by how likely a person means each — the year and the issuer
//! typed first, then the kind word, the subject typed, prominence (central Party before
//! central State before province and below), how many documents cite it, and the newest.

use std::cmp::Reverse;

use super::query::ChainNode;
use super::{Graph, NodeIx};
use crate::cite::{Interpretation, NameCandidate, NamedDocuments, Relation, TypedName};
use crate::doc::{Branch, Tier};
use crate::message;
use crate::text::fold;

/// How many candidates an interpretation lists.
pub const MAX_CANDIDATES: usize = 6;
/// How many nodes of one number are ranked at most (the most cited).
const MAX_RANKED: usize = 200;

/// Words every issuer code stands for, so `của Bộ Chính trị` fits `TW`.
const CODE_WORDS: &[(&str, &str)] = &[
    (
        "TW",
        "trung uong tw bo chinh tri ban bi thu ban chap hanh dang bch",
    ),
    ("CP", "chinh phu cp"),
    ("TTG", "thu tuong chinh phu ttg"),
    ("QH", "quoc hoi qh"),
    ("UBTVQH", "uy ban thuong vu quoc hoi ubtvqh"),
    ("TU", "tinh uy thanh uy tu ban thuong vu"),
    ("HU", "huyen uy hu ban thuong vu"),
    ("MTTW", "uy ban trung uong mat tran to quoc viet nam mttq"),
    (
        "MTTQ",
        "uy ban mat tran to quoc viet nam mttq ban thuong truc",
    ),
    ("UBND", "uy ban nhan dan ubnd"),
];

impl Graph {
    /// What a typed name means: every node whose identifier has its number and a kind code
    /// it may stand for, most likely first. Empty when none fits.
    pub fn named(&self, name: &TypedName) -> Vec<NodeIx> {
        let mut found: Vec<(Rank, NodeIx)> = self
            .fitting(name)
            .into_iter()
            .map(|n| (self.rank(name, n), n))
            // a year or khóa typed that a candidate contradicts rules it out
            .filter(|(rank, _)| rank.0 .0 >= 0)
            .collect();
        found.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(self.nodes[a.1].name.cmp(&self.nodes[b.1].name))
        });
        found.into_iter().map(|(_, n)| n).collect()
    }

    /// The nodes with the name's number and a kind code it may stand for; of a number many
    /// share (`công văn 1` in a large archive), the [`MAX_RANKED`] most cited, so ranking
    /// stays cheap.
    fn fitting(&self, name: &TypedName) -> Vec<NodeIx> {
        let mut fit: Vec<NodeIx> = self
            .by_number
            .get(&name.number)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&n| {
                self.nodes[n]
                    .id
                    .as_ref()
                    .is_some_and(|id| name.fits_code(&id.kind))
            })
            .collect();
        if fit.len() > MAX_RANKED {
            fit.sort_by_key(|&n| std::cmp::Reverse(self.in_edges(n).count()));
            fit.truncate(MAX_RANKED);
        }
        fit
    }

    /// The documents implementing and citing node `n`, when other nodes share its identifier
    /// (so the identifier's key would also take theirs); None when it has the key to itself.
    pub fn tiers_if_shared(&self, n: NodeIx) -> Option<NamedDocuments> {
        let key = self.nodes[n].id.as_ref()?.key();
        if self.by_key.get(&key).is_none_or(|nodes| nodes.len() < 2) {
            return None;
        }
        let docs_of = |m: NodeIx| self.nodes[m].docs.iter().cloned();
        let mut tiers = NamedDocuments::default();
        for e in self.in_edges(n) {
            if e.rel == Relation::Implements {
                tiers.implementers.extend(docs_of(e.from));
            }
            tiers.citers.extend(docs_of(e.from));
            if e.stated {
                tiers.citers.push(e.stated_in.clone());
            }
        }
        for list in [&mut tiers.implementers, &mut tiers.citers] {
            list.sort_unstable();
            list.dedup();
        }
        Some(tiers)
    }

    /// The interpretation of a typed name as a search answer reports it, or None when no
    /// identifier fits.
    pub fn interpret(&self, name: &TypedName) -> Option<Interpretation> {
        let found = self.named(name);
        let first = *found.first()?;
        Some(Interpretation {
            typed: name.typed.clone(),
            id: self.nodes[first].name.clone(),
            candidates: found
                .into_iter()
                .take(MAX_CANDIDATES)
                .map(|n| self.name_candidate(n))
                .collect(),
        })
    }

    /// How a document's name typed without its number (`luat mat tran to quoc viet nam`)
    /// reads against the names the archive ties to numbers.
    pub fn interpret_title(&self, typed: &str) -> Option<Interpretation> {
        let found = self.titled(typed)?;
        let first = *found.first()?;
        Some(Interpretation {
            typed: typed.to_string(),
            id: self.nodes[first].name.clone(),
            candidates: found
                .into_iter()
                .take(MAX_CANDIDATES)
                .map(|n| self.name_candidate(n))
                .collect(),
        })
    }

    fn name_candidate(&self, n: NodeIx) -> NameCandidate {
        let c = self.chain_node(n);
        // counted on the tree alone: the paths as names are not needed for a number
        let implementers = self
            .related_tree(n, Relation::Implements, super::SHOWN_DEPTH)
            .found
            .len();
        NameCandidate {
            said: message::name_candidate(
                c.kind.as_deref(),
                &c.node,
                c.issuer.as_deref(),
                c.date,
                implementers,
            ),
            id: c.node,
            kind: c.kind,
            issuer: c.issuer,
            date: c.date,
            title: c.label,
            doc: c.doc,
            implementers,
            cited_by: self.cited_by_count(n),
        }
    }

    fn rank(&self, name: &TypedName, n: NodeIx) -> Rank {
        let node = &self.nodes[n];
        let shown = self.chain_node(n);
        let year = node
            .id
            .as_ref()
            .and_then(|id| id.year)
            .or(node.year)
            .or(shown.date.map(|d| d.year));
        let khoa_fits = name.term.is_some() && self.said_in_term(n, name);
        let year_fit = match name.fits_year(year) {
            _ if khoa_fits => 1,
            Some(true) => 1,
            Some(false) => -1,
            None => 0,
        };
        let issuer_words = self.issuer_words(n, &shown);
        let issuer = leading_fit(&name.after, &issuer_words, &self.codes(n));
        let kind_agrees = name.abbreviated
            || shown
                .kind
                .as_deref()
                .is_some_and(|k| fold(k).starts_with(name.kind_word));
        let subject = self.subject_words(n, &shown);
        let topic = name.after[issuer..]
            .iter()
            .chain(&name.before)
            .filter(|w| w.len() > 1 && subject.iter().any(|s| s == *w))
            .count();
        Reverse((
            year_fit,
            issuer,
            kind_agrees,
            if topic >= 2 { topic } else { 0 },
            prominence(node, &shown),
            self.cited_by_count(n) + node.docs.len(),
            shown.date,
        ))
    }

    /// The words an issuer may be typed with: its name as the texts give it, its codes'
    /// words and its locality.
    fn issuer_words(&self, n: NodeIx, shown: &ChainNode) -> Vec<String> {
        let node = &self.nodes[n];
        let mut text = shown.issuer.as_deref().map(fold).unwrap_or_default();
        if let Some(id) = &node.id {
            let codes = fold(&format!("{} {}", id.issuer, id.kind)).to_ascii_uppercase();
            text.push(' ');
            text.push_str(&codes.to_lowercase().replace('-', " "));
            for code in codes.split(['-', ' ']) {
                for (c, words) in CODE_WORDS {
                    let numbered = matches!(*c, "QH" | "UBTVQH") && code.starts_with(c);
                    if code == *c || numbered {
                        text.push(' ');
                        text.push_str(words);
                    }
                }
            }
        }
        if let Some(place) = &shown.locality {
            text.push(' ');
            text.push_str(&fold(place));
        }
        words(&text)
    }

    /// The node's codes, folded (`tw`, `nq`; `bct` of `40/VBHN-BCT`).
    fn codes(&self, n: NodeIx) -> Vec<String> {
        let Some(id) = &self.nodes[n].id else {
            return Vec::new();
        };
        fold(&format!("{}-{}", id.kind, id.issuer))
            .split('-')
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    }

    /// True when a text citing the node names the khóa typed (`khóa XIII`).
    fn said_in_term(&self, n: NodeIx, name: &TypedName) -> bool {
        let Some((from, _)) = name.term else {
            return false;
        };
        self.nodes[n].statements.iter().any(|s| {
            s.khoa
                .as_deref()
                .and_then(crate::cite::name::term_start)
                .is_some_and(|y| y == from)
        })
    }

    /// The words of what the node is about: its label and the subjects the texts give.
    fn subject_words(&self, n: NodeIx, shown: &ChainNode) -> Vec<String> {
        let mut text = fold(&shown.label);
        for s in &self.nodes[n].statements {
            if let Some(subject) = &s.subject {
                text.push(' ');
                text.push_str(&fold(subject));
            }
        }
        words(&text)
    }
}

/// Sorted by this, the most likely candidate comes first.
type Rank = Reverse<(i8, usize, bool, usize, u8, usize, Option<crate::date::Date>)>;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How many of the words typed after the name (skipping a leading `của`) name the issuer:
/// two words or more (`bộ chính trị`, `tỉnh ủy lào cai`), or one of its codes (`TW`, `BCT`);
/// a lone common word (`hội` of `hội nhập`) names nobody.
fn leading_fit(after: &[String], issuer: &[String], codes: &[String]) -> usize {
    let skip = usize::from(after.first().is_some_and(|w| w == "cua"));
    let rest = &after[skip..];
    let fit = rest
        .iter()
        .take_while(|w| issuer.iter().any(|i| i == *w))
        .count();
    let code = rest.first().is_some_and(|w| codes.contains(w));
    if fit >= 2 || (fit == 1 && code) {
        fit + skip
    } else {
        0
    }
}

/// Central Party documents first, then central State (and Front), then provinces, then
/// the rest. A cited node's level is read from what the texts say of it and its number
/// (`66-NQ/TW` is the Party's by its shape).
fn prominence(node: &super::Node, shown: &ChainNode) -> u8 {
    let level = match node.level.tier {
        Some(_) => node.level,
        None => crate::doc::level::of(
            shown.issuer.as_deref(),
            node.id.as_ref(),
            shown.kind.as_deref(),
        ),
    };
    let party = node
        .id
        .as_ref()
        .is_some_and(|id| id.shape == crate::cite::Shape::Party);
    let branch = level.branch.or(party.then_some(Branch::Party));
    match (level.tier, branch) {
        (Some(Tier::Central), Some(Branch::Party)) => 4,
        (Some(Tier::Central), _) => 3,
        (Some(Tier::Province), _) => 2,
        (Some(_), _) => 1,
        (None, _) => 0,
    }
}
