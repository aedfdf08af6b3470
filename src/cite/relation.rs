//! Relations: what a document does with each identifier it cites (implements, based on,
//! amends, replaces, repeals, guides, cites), and the edges the text states between two other
//! documents.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::CiteId;

/// What a document does with a cited identifier.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The document carries the target out (title or preamble `Thực hiện ...`).
    Implements,
    /// The preamble names it as a basis (`Căn cứ ...`), or as a further authority in the
    /// opening `Thực hiện` clause beside the implemented target.
    BasedOn,
    /// It amends the target (`sửa đổi, bổ sung ...`).
    Amends,
    /// It replaces the target (`thay thế ...`).
    Replaces,
    /// It repeals the target, in whole or in part (`bãi bỏ ...`).
    Repeals,
    /// It guides or details the target (`hướng dẫn (thi hành) ...`, `quy định chi tiết ...`).
    Guides,
    /// Any other mention.
    Cites,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Implements => "implements",
            Relation::BasedOn => "based_on",
            Relation::Amends => "amends",
            Relation::Replaces => "replaces",
            Relation::Repeals => "repeals",
            Relation::Guides => "guides",
            Relation::Cites => "cites",
        }
    }

    /// Every relation, in the order the graph and the page list them.
    pub const ALL: [Relation; 7] = [
        Relation::Implements,
        Relation::BasedOn,
        Relation::Amends,
        Relation::Replaces,
        Relation::Repeals,
        Relation::Guides,
        Relation::Cites,
    ];

    /// The relation named `name` (`implements`, `based_on` …).
    pub fn from_name(name: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// Where in the document an occurrence stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Title,
    Preamble,
    Body,
}

/// How a preamble paragraph opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// `Thực hiện ...`, `Triển khai thực hiện ...`
    Implements,
    /// `Căn cứ ...`
    Basis,
}

/// The parts of a document that decide relations, as byte ranges of the composed text.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub title: Option<Range<usize>>,
    /// Where the title's `thực hiện` ends, when it says the document carries out what
    /// follows (`Thực hiện Kết luận …`, `CỦA BỘ CHÍNH TRỊ thực hiện …`).
    pub title_implements_from: Option<usize>,
    pub preamble: Vec<(Range<usize>, Opening)>,
}

/// An implements-edge between two cited documents, stated in the text
/// (`Kế hoạch số 107-KH/TU ... về thực hiện Kết luận số 21-KL/TW`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct StatedRelation {
    pub from: CiteId,
    pub rel: Relation,
    pub to: CiteId,
}

/// The facts about one occurrence that relation finding needs.
#[derive(Debug, Clone)]
pub struct Occurrence<'a> {
    pub id: &'a CiteId,
    pub start: usize,
    /// Where its kind word starts (or the identifier, without one).
    pub lead: usize,
    /// End of its date/issuer context.
    pub context_end: usize,
    pub marker_end: Option<usize>,
    pub alias_naming: bool,
}

static JOIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s,*_]*(?:và)?[\s*_]*$").unwrap());

/// True when `b` continues a list begun by `a` (`X ngày ... và Y`, `217, 218-QĐ/TW`).
fn joined(text: &str, a: &Occurrence, b: &Occurrence) -> bool {
    b.lead <= a.context_end || JOIN.is_match(&text[a.context_end..b.lead])
}

/// Stated edges, and which occurrences are their targets (nested, not the document's own).
pub fn stated(text: &str, occ: &[Occurrence]) -> (Vec<StatedRelation>, Vec<bool>) {
    let mut edges = Vec::new();
    let mut nested = vec![false; occ.len()];
    for (i, a) in occ.iter().enumerate() {
        let Some(mark) = a.marker_end else { continue };
        let Some(j) = (i + 1..occ.len()).find(|&j| occ[j].lead >= mark || occ[j].start >= mark)
        else {
            continue;
        };
        if occ[j].lead != mark && occ[j].start != mark {
            continue;
        }
        let mut k = j;
        loop {
            nested[k] = true;
            let edge = StatedRelation {
                from: a.id.clone(),
                rel: Relation::Implements,
                to: occ[k].id.clone(),
            };
            if edge.from != edge.to && !edges.contains(&edge) {
                edges.push(edge);
            }
            if k + 1 < occ.len() && joined(text, &occ[k], &occ[k + 1]) {
                k += 1;
            } else {
                break;
            }
        }
    }
    (edges, nested)
}

/// The section and relation of every occurrence.
pub fn assign(
    text: &str,
    occ: &[Occurrence],
    nested: &[bool],
    layout: &Layout,
) -> Vec<(Section, Relation)> {
    let top = |i: usize| !nested[i] && !occ[i].alias_naming;
    let in_title = |i: usize| {
        layout
            .title
            .as_ref()
            .is_some_and(|r| r.contains(&occ[i].start))
    };
    let opening = |i: usize| {
        layout
            .preamble
            .iter()
            .position(|(r, _)| r.contains(&occ[i].start))
    };
    let implemented_in_title = |i: usize| {
        layout
            .title_implements_from
            .is_some_and(|from| in_title(i) && occ[i].start >= from)
    };
    let title_targets: HashSet<String> = (0..occ.len())
        .filter(|&i| implemented_in_title(i) && top(i))
        .map(|i| occ[i].id.key())
        .collect();
    let first_group = first_implemented_group(text, occ, &top, &opening, layout);
    (0..occ.len())
        .map(|i| {
            if in_title(i) {
                let rel = if implemented_in_title(i) && top(i) {
                    Relation::Implements
                } else {
                    Relation::Cites
                };
                return (Section::Title, rel);
            }
            let Some(p) = opening(i) else {
                return (Section::Body, Relation::Cites);
            };
            let rel = match (top(i), layout.preamble[p].1) {
                (false, _) => Relation::Cites,
                (true, Opening::Basis) => Relation::BasedOn,
                (true, Opening::Implements) if title_targets.contains(&occ[i].id.key()) => {
                    Relation::Implements
                }
                (true, Opening::Implements)
                    if title_targets.is_empty() && first_group.contains(&i) =>
                {
                    Relation::Implements
                }
                (true, Opening::Implements) => Relation::BasedOn,
            };
            (Section::Preamble, rel)
        })
        .collect()
}

/// With no target in the title, the preamble's opening `Thực hiện` names it: the first
/// top-level occurrence there and those listed with it.
fn first_implemented_group(
    text: &str,
    occ: &[Occurrence],
    top: &dyn Fn(usize) -> bool,
    opening: &dyn Fn(usize) -> Option<usize>,
    layout: &Layout,
) -> Vec<usize> {
    let Some(p) = layout
        .preamble
        .iter()
        .position(|(_, o)| *o == Opening::Implements)
    else {
        return Vec::new();
    };
    let Some(first) = (0..occ.len()).find(|&i| opening(i) == Some(p) && top(i)) else {
        return Vec::new();
    };
    let mut group = vec![first];
    let mut last = first;
    for i in first + 1..occ.len() {
        if opening(i) != Some(p) || !top(i) {
            continue;
        }
        if !joined(text, &occ[last], &occ[i]) {
            break;
        }
        group.push(i);
        last = i;
    }
    group
}
