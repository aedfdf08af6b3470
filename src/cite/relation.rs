//! Relations: what a document does with each identifier it cites (implements, based on,
//! amends, replaces, repeals, guides, cites), and the edges the text states between two other
//! documents.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::verb::{self, Verbs};
use super::CiteId;
use crate::text::is_furniture;

/// What a document does with a cited identifier.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
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

/// How a preamble clause opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// `Thực hiện ...`, `Triển khai thực hiện ...`, `Để triển khai ...`
    Implements,
    /// `Căn cứ ...`
    Basis,
    /// `Theo đề nghị ...`, `Xét ...`: the proposal a decision answers.
    Proposal,
    /// Any other clause (`Để ...`, `Trên cơ sở ...`).
    Other,
}

/// The parts of a document that decide relations, as byte ranges of the composed text.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub title: Option<Range<usize>>,
    /// The preamble's clauses, each from its opening words to the next clause.
    pub preamble: Vec<(Range<usize>, Opening)>,
}

/// An edge between two cited documents, stated in the text (`Kế hoạch số 107-KH/TU ... về
/// thực hiện Kết luận số 21-KL/TW`, `Nghị định số 78/2025/NĐ-CP (được sửa đổi, bổ sung tại
/// Nghị định số 187/2025/NĐ-CP)`).
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
    pub alias_naming: bool,
}

static JOIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s,*_]*(?:và)?[\s*_]*$").unwrap());

/// Longest phrase between two identifiers that can state a relation between them.
const MAX_LINK: usize = 320;

/// True when `b` continues a list begun by `a` (`X ngày ... và Y`, `217, 218-QĐ/TW`).
fn joined(text: &str, a: &Occurrence, b: &Occurrence) -> bool {
    b.lead <= a.context_end || JOIN.is_match(&text[a.context_end..b.lead])
}

/// A list member named before its number: `, Luật Nhà ở số `, ` và Luật Các tổ chức tín
/// dụng số ` (the kind word is not right before `số`, so it is not the occurrence's lead).
static NAMED_MEMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:,|\svà)\s+[^,;:()]{2,60}?\s(?:số|Số)\s*$").unwrap());

/// Longest phrase between two members of a list read loosely.
const MAX_LIST_GAP: usize = 160;

/// Like [`joined`], and also when what stands between them is words of `a`'s description
/// that end in `và` or a comma with no verb among them (`75-KL/TW ngày … của Ban Chấp hành
/// Trung ương Đảng khóa XIV và Chương trình hành động số 31-CTr/TW`).
fn listed_with(text: &str, a: &Occurrence, b: &Occurrence) -> bool {
    if joined(text, a, b) {
        return true;
    }
    let Some(gap) = text.get(a.context_end..b.lead) else {
        return false;
    };
    let tail = gap.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    gap.len() <= MAX_LIST_GAP
        && (tail.ends_with(" và") || tail.ends_with(',') || NAMED_MEMBER.is_match(gap))
        && !gap.contains(';')
        && !verb::may_hold(gap)
}

/// The phrase from `a`'s context to `b`'s kind word, when it is short and stays in one
/// sentence.
fn link(text: &str, a: &Occurrence, b: &Occurrence) -> Option<Range<usize>> {
    if b.lead < a.context_end || b.lead - a.context_end > MAX_LINK {
        return None;
    }
    let phrase = &text[a.context_end..b.lead];
    let breaks = phrase.contains(';') || phrase.contains("\n\n") || phrase.contains(':');
    (!breaks && !sentence_ends(phrase)).then_some(a.context_end..b.lead)
}

/// A full stop followed by a capital letter: a new sentence.
fn sentence_ends(phrase: &str) -> bool {
    phrase.match_indices('.').any(|(i, _)| {
        let mut rest = phrase[i + 1..].chars().skip_while(|c| c.is_whitespace());
        phrase[i + 1..].starts_with(char::is_whitespace)
            && rest.next().is_some_and(char::is_uppercase)
    })
}

/// Proposals and reports are answered, never carried out or amended, and they propose
/// rather than do.
fn is_proposal(id: &CiteId) -> bool {
    matches!(id.kind.as_str(), "TTr" | "BC" | "TTR")
}

/// What stands between each occurrence and the one before it, read once: whether they are
/// one list, else the phrase that may state an edge between them.
pub struct Pairs {
    /// `joined[j]`: occurrence `j` continues a list begun by `j - 1`.
    joined: Vec<bool>,
    /// `link[j]`: the phrase from `j - 1`'s context to `j`'s kind word, when not joined and
    /// short and within one sentence.
    link: Vec<Option<Range<usize>>>,
}

/// Reads what stands between every two consecutive occurrences.
pub fn pairs(text: &str, occ: &[Occurrence]) -> Pairs {
    let mut joined_to = vec![false; occ.len()];
    let mut links = vec![None; occ.len()];
    for j in 1..occ.len() {
        joined_to[j] = joined(text, &occ[j - 1], &occ[j]);
        if !joined_to[j] {
            links[j] = link(text, &occ[j - 1], &occ[j]);
        }
    }
    Pairs {
        joined: joined_to,
        link: links,
    }
}

/// Where verbs will be asked about: the phrases between consecutive identifiers that may
/// state an edge, and the title up to each identifier in it (any verb); before each other
/// identifier, the stretch read for the document's own acts.
pub fn verb_ranges(
    occ: &[Occurrence],
    layout: &Layout,
    pairs: &Pairs,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut any: Vec<Range<usize>> = pairs.link.iter().flatten().cloned().collect();
    if let Some(title) = &layout.title {
        any.extend(
            occ.iter()
                .filter(|o| title.contains(&o.start))
                .map(|o| title.start..o.lead),
        );
    }
    let acts = occ
        .iter()
        .map(|o| o.lead.saturating_sub(OWN_ACT_WINDOW)..o.lead)
        .collect();
    (any, acts)
}

/// Stated edges, and which occurrences are their objects (described, not the document's own).
pub fn stated(
    text: &str,
    occ: &[Occurrence],
    pairs: &Pairs,
    verbs: &Verbs,
) -> (Vec<StatedRelation>, Vec<bool>) {
    let mut edges = Vec::new();
    // each occurrence's key made once; edges are told apart by them
    let keys: Vec<String> = occ.iter().map(|o| o.id.key()).collect();
    let mut seen: HashSet<(&str, Relation, &str)> = HashSet::new();
    let mut nested = vec![false; occ.len()];
    for j in 1..occ.len() {
        let i = j - 1;
        if pairs.joined[j] {
            continue;
        }
        if let Some(items) = amended_by_list(text, occ, i, j) {
            for k in items {
                nested[k] = true;
                push_edge(&mut edges, &mut seen, &keys, occ, (k, Relation::Amends, i));
            }
            continue;
        }
        let verb = pairs.link[j]
            .as_ref()
            .and_then(|r| verbs.governing(text, r.start, r.end));
        let Some(verb) = verb.filter(|v| !v.on_results) else {
            continue;
        };
        let objects = list_from(text, occ, j);
        let subjects = if verb.passive {
            vec![i]
        } else {
            list_to(text, occ, i)
        };
        for &o in &objects {
            nested[o] = true;
        }
        for &a in &subjects {
            for &b in &objects {
                let (from, to) = if verb.passive { (b, a) } else { (a, b) };
                if is_proposal(occ[to].id) || is_proposal(occ[from].id) {
                    continue;
                }
                push_edge(&mut edges, &mut seen, &keys, occ, (from, verb.rel, to));
            }
        }
    }
    (edges, nested)
}

/// Adds the edge between occurrences `from` and `to` unless it is a loop or already stated.
fn push_edge<'k>(
    edges: &mut Vec<StatedRelation>,
    seen: &mut HashSet<(&'k str, Relation, &'k str)>,
    keys: &'k [String],
    occ: &[Occurrence],
    (from, rel, to): (usize, Relation, usize),
) {
    let key = (keys[from].as_str(), rel, keys[to].as_str());
    if key.0 != key.2 && seen.insert(key) {
        edges.push(StatedRelation {
            from: occ[from].id.clone(),
            rel,
            to: occ[to].id.clone(),
        });
    }
}

/// `... được sửa đổi, bổ sung bởi:` then an item line `1. Luật ... số X`: the opening of a
/// consolidated text (văn bản hợp nhất), which lists what amended the act it consolidates.
static AMENDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^;]{0,600}?được\s+sửa\s+đổi(?:\s*,\s*bổ\s+sung)?\s+(?:bởi|tại|theo)\s*:\s*\n\s*(?:1[.)]\s+)?[^\n;]{0,80}$").unwrap()
});

/// An item line of such a list, up to the item's first identifier: `2. Luật số `, or with
/// no number `Thông tư số ` (each item then ends with `;`).
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[0-9]{1,2}[.)]\s+)?(?:\p{Lu}[^\n;]{0,80})?$").unwrap());

/// Lines that open a preamble clause: the list is over.
static CLAUSE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:Căn cứ|Thực hiện|Theo|Xét|Triển khai)\b").unwrap());

/// The item occurrences of an amended-by list that starts between `i` and `j` (the first
/// item): one per numbered line, until a line that is not an item.
fn amended_by_list(text: &str, occ: &[Occurrence], i: usize, j: usize) -> Option<Vec<usize>> {
    let gap = text.get(occ[i].context_end..occ[j].lead)?;
    // the regex is slow over long gaps: first the colon and the word it needs
    if gap.len() > 1_200 || !gap.contains(':') || !gap.contains("được") || !AMENDED_BY.is_match(gap)
    {
        return None;
    }
    let line_of = |k: usize| text[..occ[k].lead].rfind('\n').map_or(0, |n| n + 1);
    let mut items = vec![j];
    let mut line = line_of(j);
    for k in j + 1..occ.len() {
        let start = line_of(k);
        if start == line {
            continue;
        }
        let head = &text[start..occ[k].lead];
        // the item before ends with `;` (page furniture may stand between)
        let before = text[line..start]
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty() && !is_furniture(l))
            .unwrap_or_default();
        if !ITEM.is_match(head) || CLAUSE_WORD.is_match(head) || !before.ends_with(';') {
            break;
        }
        items.push(k);
        line = start;
    }
    Some(items)
}

/// `j` and the occurrences listed after it (`Y1 và Y2`).
fn list_from(text: &str, occ: &[Occurrence], j: usize) -> Vec<usize> {
    let mut out = vec![j];
    while let Some(&k) = out.last() {
        if k + 1 < occ.len() && listed_with(text, &occ[k], &occ[k + 1]) {
            out.push(k + 1);
        } else {
            break;
        }
    }
    out
}

/// `i` and the occurrences listed before it (`X1 và X2 thực hiện ...`).
fn list_to(text: &str, occ: &[Occurrence], i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut k = i;
    while k > 0 && joined(text, &occ[k - 1], &occ[k]) {
        k -= 1;
        out.push(k);
    }
    out
}

/// Where one occurrence stands.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    Title,
    Clause(Opening),
    Body,
}

/// The section and relation of every occurrence.
pub fn assign(
    text: &str,
    occ: &[Occurrence],
    nested: &[bool],
    layout: &Layout,
    verbs: &Verbs,
) -> Vec<(Section, Relation)> {
    let place = |i: usize| {
        let at = occ[i].start;
        if layout.title.as_ref().is_some_and(|r| r.contains(&at)) {
            return Place::Title;
        }
        layout
            .preamble
            .iter()
            .find(|(r, _)| r.contains(&at))
            .map_or(Place::Body, |(_, o)| Place::Clause(*o))
    };
    let places: Vec<Place> = (0..occ.len()).map(place).collect();
    let mut rels = vec![Relation::Cites; occ.len()];
    for i in 0..occ.len() {
        if occ[i].alias_naming {
            continue;
        }
        // a list member inherits what the member before it got (checked only when that is
        // more than `cites`: the check reads the text between them)
        let inherits = |i: usize| {
            i > 0
                && places[i - 1] == places[i]
                && rels[i - 1] != Relation::Cites
                && !nested[i - 1]
                && listed_with(text, &occ[i - 1], &occ[i])
        };
        rels[i] = match places[i] {
            Place::Clause(Opening::Basis) => Relation::BasedOn,
            _ if nested[i] => Relation::Cites,
            _ if inherits(i) => rels[i - 1],
            Place::Title => {
                let title_start = layout.title.as_ref().map_or(0, |r| r.start);
                governed(verbs, text, occ, i, title_start)
            }
            Place::Clause(Opening::Implements) => Relation::Implements,
            Place::Clause(_) => Relation::Cites,
            Place::Body => own_act(verbs, text, &occ[i]),
        };
    }
    demote_beside_title(occ, &places, &mut rels);
    places
        .iter()
        .zip(rels)
        .map(|(p, r)| {
            let section = match p {
                Place::Title => Section::Title,
                Place::Clause(_) => Section::Preamble,
                Place::Body => Section::Body,
            };
            (section, r)
        })
        .collect()
}

/// When the title names what the document carries out, the other documents its `Thực hiện`
/// clause names are authorities it acts under (`Thực hiện Nghị quyết 28-NQ/TW; Kế hoạch
/// 617/KH-MTTQ-BTT ...` under the title `Thực hiện Nghị quyết 28-NQ/TW`).
fn demote_beside_title(occ: &[Occurrence], places: &[Place], rels: &mut [Relation]) {
    let targets: Vec<String> = (0..rels.len())
        .filter(|&i| places[i] == Place::Title && rels[i] == Relation::Implements)
        .map(|i| occ[i].id.key())
        .collect();
    if targets.is_empty() {
        return;
    }
    for i in 0..rels.len() {
        let in_clause = places[i] == Place::Clause(Opening::Implements);
        if in_clause && rels[i] == Relation::Implements && !targets.contains(&occ[i].id.key()) {
            rels[i] = Relation::BasedOn;
        }
    }
}

/// What the title's own words do with occurrence `i`: the verb right before it
/// (`Ban hành Kế hoạch thực hiện Chỉ thị số ...`, `sửa đổi, bổ sung một số điều của ...`).
fn governed(
    verbs: &Verbs,
    text: &str,
    occ: &[Occurrence],
    i: usize,
    title_start: usize,
) -> Relation {
    let from = if i > 0 && occ[i - 1].start >= title_start {
        occ[i - 1].context_end.min(occ[i].lead)
    } else {
        title_start
    };
    match verbs.governing(text, from, occ[i].lead) {
        Some(v) if !v.passive => v.rel,
        _ => Relation::Cites,
    }
}

/// Longest stretch before an identifier read for what the document itself does to it.
const OWN_ACT_WINDOW: usize = 240;

/// In the body, what the document itself does to an identifier: `Quyết định này thay thế
/// Quyết định số ...`, `Thông tư này quy định chi tiết ... Luật Hóa chất số ...`, an article
/// or item that opens `Bãi bỏ Quyết định số ...`, `Sửa đổi, bổ sung Điều 5 của Nghị định số`.
fn own_act(verbs: &Verbs, text: &str, o: &Occurrence) -> Relation {
    let (before, from) = super::window::window_before(text, o.lead, OWN_ACT_WINDOW);
    // most identifiers have no verb before them, or one that carries out (never the
    // document's own act in the body): both answered by the index alone
    match verbs.last_kind(from, o.lead) {
        None | Some((Relation::Implements, _)) | Some((_, true)) => return Relation::Cites,
        _ => {}
    }
    let sentence_start = before.rfind(['.', ';']).map_or(from, |k| from + k + 1);
    let Some(v) = verbs.governing(text, sentence_start, o.lead) else {
        return Relation::Cites;
    };
    if v.passive || v.rel == Relation::Implements {
        return Relation::Cites;
    }
    let head = &text[sentence_start..v.start];
    let line_head = head.rsplit('\n').next().unwrap_or(head);
    let opens_line = !line_head.chars().any(char::is_alphabetic);
    if head.contains(" này") || opens_line {
        v.rel
    } else {
        Relation::Cites
    }
}
