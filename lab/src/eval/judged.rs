//! `trichdan-lab eval --queries FILE`: a judged query set (queries as staff type them, documents
//! graded 0/1/2 by reading), scored for trichdan and its peers in one run (nDCG@10,
//! success@3), the known-item figure (titles typed without diacritics), and the pools a
//! judge reads (every system's top 10, merged, with nothing saying which system found what).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use trichdan::doc::Document;
use trichdan::engine::Engine;
use trichdan::index::SearchRequest;
use trichdan::text::fold;

use crate::peers::{Fts5, Peer, PlainTantivy};

/// How deep a ranking is scored and pooled.
pub const DEPTH: usize = 10;
/// How many words of a title the known-item queries type.
const TITLE_WORDS: usize = 10;

/// The judged set as stored in `tests/golden/queries.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct JudgedSet {
    pub conventions: Vec<String>,
    pub queries: Vec<Judged>,
}

/// One query, what the person typing it wants, and the grade of each judged document.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Judged {
    pub query: String,
    pub need: String,
    #[serde(default)]
    pub grades: BTreeMap<String, u8>,
}

/// The figures of one system.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SystemScore {
    pub system: String,
    pub ndcg10: f64,
    /// nDCG@10 of the ranking with unjudged documents left out (condensed), which a
    /// changed ranking cannot lose by bringing up documents nobody has read yet.
    pub condensed_ndcg10: f64,
    pub success3: f64,
    /// Documents in its top 10 that nobody judged (scored as 0).
    pub unjudged: usize,
    /// Titles typed without diacritics whose document is in the top 3.
    pub known_item3: f64,
    /// Queries with a document graded 2, which success@3 is counted over.
    pub success_queries: usize,
    /// nDCG@10 per query, in the set's order.
    pub per_query: Vec<f64>,
    /// The known-item queries whose document is not in the top 3.
    pub known_item_misses: Vec<String>,
}

/// Everything one run of `eval --queries` measures.
#[derive(Debug, Clone, Serialize)]
pub struct QueryReport {
    pub queries: usize,
    pub known_items: usize,
    pub systems: Vec<SystemScore>,
}

pub fn load(path: &Path) -> Result<JudgedSet> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let set: JudgedSet =
        serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))?;
    for q in &set.queries {
        if let Some((doc, g)) = q.grades.iter().find(|(_, g)| **g > 2) {
            anyhow::bail!(
                "{}: {:?} grades {doc} {g}; grades are 0, 1 or 2",
                path.display(),
                q.query
            );
        }
    }
    Ok(set)
}

/// trichdan as one of the systems.
struct Trichdan<'a>(&'a Engine);

impl Peer for Trichdan<'_> {
    fn name(&self) -> &'static str {
        "trichdan"
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let request = SearchRequest {
            query: query.to_string(),
            limit,
            offset: 0,
            sort: Default::default(),
        };
        // a query trichdan refuses (a stray quotation mark) finds nothing, as for a person
        match self.0.search(&request) {
            Ok(r) => Ok(r.hits.into_iter().map(|h| h.id).collect()),
            Err(trichdan::Error::Query(_)) => Ok(Vec::new()),
            Err(e) => Err(e.into()),
        }
    }

    fn matching(&self, query: &str) -> Result<Vec<String>> {
        Ok(self.0.index().matching_all(query)?)
    }
}

/// Each document's id and text, as the peers take them.
fn texts(docs: &[Document]) -> impl Iterator<Item = Result<(String, String)>> + '_ {
    docs.iter().map(|d| Ok((d.id.clone(), d.text.clone())))
}

/// The three systems over the engine's documents, trichdan first.
pub fn systems<'a>(engine: &'a Engine, docs: &[Document]) -> Result<Vec<Box<dyn Peer + 'a>>> {
    Ok(vec![
        Box::new(Trichdan(engine)),
        Box::new(Fts5::build(None, texts(docs))?),
        Box::new(PlainTantivy::build(None, 1, 200_000_000, texts(docs))?),
    ])
}

/// Scores every system on the judged set and on the known items.
pub fn run(
    set: &JudgedSet,
    systems: &[Box<dyn Peer + '_>],
    docs: &[Document],
) -> Result<QueryReport> {
    let items = known_items(docs);
    let mut scores = Vec::new();
    for system in systems {
        let mut s = SystemScore {
            system: system.name().to_string(),
            ..SystemScore::default()
        };
        let mut condensed = Vec::new();
        for q in &set.queries {
            let deeper = system.search(&q.query, 3 * DEPTH)?;
            let judged: Vec<String> = deeper
                .iter()
                .filter(|d| q.grades.contains_key(*d))
                .cloned()
                .collect();
            condensed.push(ndcg(&judged, &q.grades, DEPTH));
            let ranked: Vec<String> = deeper.into_iter().take(DEPTH).collect();
            s.unjudged += ranked.iter().filter(|d| !q.grades.contains_key(*d)).count();
            s.per_query.push(ndcg(&ranked, &q.grades, DEPTH));
            if q.grades.values().any(|g| *g == 2) {
                s.success_queries += 1;
                s.success3 += success(&ranked, &q.grades, 3) as u8 as f64;
            }
        }
        s.ndcg10 = mean(&s.per_query);
        s.condensed_ndcg10 = mean(&condensed);
        s.success3 /= s.success_queries.max(1) as f64;
        let mut found = 0;
        for item in &items {
            let top = system.search(&item.query, 3)?;
            if top.iter().any(|id| item.answers.contains(id)) {
                found += 1;
            } else {
                s.known_item_misses.push(item.query.clone());
            }
        }
        s.known_item3 = found as f64 / items.len().max(1) as f64;
        scores.push(s);
    }
    Ok(QueryReport {
        queries: set.queries.len(),
        known_items: items.len(),
        systems: scores,
    })
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

/// Normalised discounted cumulative gain at `k`, gains `2^grade − 1`; the ideal ranking is
/// every judged document by grade. A query with nothing relevant scores 0.
pub fn ndcg(ranked: &[String], grades: &BTreeMap<String, u8>, k: usize) -> f64 {
    let gain = |g: u8| f64::from((1u32 << g) - 1);
    let discount = |i: usize| (i as f64 + 2.0).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, d)| gain(grades.get(d).copied().unwrap_or(0)) / discount(i))
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(*g) / discount(i))
        .sum();
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

/// True when a document graded 2 (about the topic) is in the top `k` (counted only over
/// queries that have one).
pub fn success(ranked: &[String], grades: &BTreeMap<String, u8>, k: usize) -> bool {
    ranked.iter().take(k).any(|d| grades.get(d) == Some(&2))
}

/// A title typed without diacritics, and the documents that answer it (those whose folded
/// title starts with the same words).
#[derive(Debug, Clone)]
pub struct KnownItem {
    pub query: String,
    pub answers: HashSet<String>,
}

/// The first words of every title of at least three words, folded, without punctuation.
pub fn known_items(docs: &[Document]) -> Vec<KnownItem> {
    let typed = |title: &str| -> Vec<String> {
        fold(title)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let titled: Vec<(&str, Vec<String>)> = docs
        .iter()
        .filter_map(|d| Some((d.id.as_str(), typed(d.title.as_deref()?))))
        .filter(|(_, words)| words.len() >= 3)
        .collect();
    let mut by_query: HashMap<String, HashSet<String>> = HashMap::new();
    for (_, words) in &titled {
        let n = words.len().min(TITLE_WORDS);
        by_query.entry(words[..n].join(" ")).or_default();
    }
    for (id, words) in &titled {
        for n in 3..=words.len().min(TITLE_WORDS) {
            if let Some(answers) = by_query.get_mut(&words[..n].join(" ")) {
                answers.insert(id.to_string());
            }
        }
    }
    let mut items: Vec<KnownItem> = by_query
        .into_iter()
        .map(|(query, answers)| KnownItem { query, answers })
        .collect();
    items.sort_by(|a, b| a.query.cmp(&b.query));
    items
}

/// Writes, per query, the documents every system ranks in its top 10, in an order that
/// does not tell the systems apart, with what a judge reads of each: its header, its
/// opening and the passages where the query's words are. Already judged documents are
/// left out, so a second pool holds only what a changed system brought.
pub fn write_pools(
    set: &JudgedSet,
    systems: &[Box<dyn Peer + '_>],
    docs: &[Document],
    dir: &Path,
) -> Result<usize> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut written = 0;
    for (n, q) in set.queries.iter().enumerate() {
        let mut pool: Vec<String> = Vec::new();
        for system in systems {
            for id in system.search(&q.query, DEPTH)? {
                if !q.grades.contains_key(&id) && !pool.contains(&id) {
                    pool.push(id);
                }
            }
        }
        pool.sort_by_key(|id| blind_order(id));
        let mut text = format!(
            "# Query {:02}: `{}`\n\nNeed: {}\n\n",
            n + 1,
            q.query,
            q.need
        );
        for id in &pool {
            if let Some(d) = by_id.get(id.as_str()) {
                text.push_str(&reading(d, &q.query));
            }
        }
        written += pool.len();
        let path = dir.join(format!("{:02}.md", n + 1));
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(written)
}

/// An order from the id alone (FNV-1a of its bytes).
fn blind_order(id: &str) -> u64 {
    id.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// What a judge reads of one document.
fn reading(d: &Document, query: &str) -> String {
    let field = |v: Option<&str>| v.unwrap_or("—").to_string();
    let mut out = format!(
        "\n---\n## {}\nKind: {} · Number: {} · Date: {} · Issuer: {}\nTitle: {}\n\nOpening:\n> {}\n",
        d.id,
        field(d.kind.as_deref()),
        d.own_id.as_ref().map_or("—".into(), |i| i.to_string()),
        d.date.map_or("—".into(), |x| x.display()),
        field(d.issuer.as_deref()),
        field(d.title.as_deref()),
        excerpt(&d.text, 0, 700),
    );
    for start in passages(&d.text, query, 2) {
        out.push_str(&format!(
            "\nPassage:\n> … {} …\n",
            excerpt(&d.text, start, 350)
        ));
    }
    out.push_str(&format!(
        "\n(length: {} characters)\n",
        d.text.chars().count()
    ));
    out
}

/// `len` characters from byte `start`, on one line.
fn excerpt(text: &str, start: usize, len: usize) -> String {
    let start = (0..=start.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    text[start..]
        .chars()
        .take(len)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Up to `n` starts of passages past the opening where most of the query's words (folded)
/// occur within 500 bytes.
fn passages(text: &str, query: &str, n: usize) -> Vec<usize> {
    let folded_query = fold(query);
    let words: Vec<&str> = folded_query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
        .collect();
    // fold char by char, remembering where each folded byte came from
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let f = fold(c.encode_utf8(&mut [0; 4]));
        origin.extend(std::iter::repeat_n(i, f.len()));
        folded.push_str(&f);
    }
    let mut hits: Vec<(usize, usize)> = Vec::new(); // (folded position, word)
    for (w, word) in words.iter().enumerate() {
        for (pos, _) in folded.match_indices(word) {
            let before = folded[..pos].chars().next_back();
            let after = folded[pos + word.len()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                hits.push((pos, w));
            }
        }
    }
    hits.sort_unstable();
    let mut windows: Vec<(usize, usize)> = hits
        .iter()
        .map(|&(pos, _)| {
            let distinct: HashSet<usize> = hits
                .iter()
                .filter(|(p, _)| *p >= pos && *p < pos + 500)
                .map(|(_, w)| *w)
                .collect();
            (distinct.len(), pos)
        })
        .filter(|(_, pos)| origin.get(*pos).is_some_and(|o| *o > 700))
        .collect();
    windows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, pos) in windows {
        if chosen.len() == n {
            break;
        }
        if chosen.iter().all(|c| c.abs_diff(pos) > 500) {
            chosen.push(pos);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|p| origin[p].saturating_sub(150))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(g: &[(&str, u8)]) -> BTreeMap<String, u8> {
        g.iter().map(|(d, n)| (d.to_string(), *n)).collect()
    }
    fn ranked(r: &[&str]) -> Vec<String> {
        r.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ndcg_table() {
        let g = grades(&[("a", 2), ("b", 1), ("c", 0)]);
        let cases: &[(&[&str], f64)] = &[
            (&["a", "b"], 1.0),
            (
                &["b", "a"],
                (1.0 + 3.0 / 3f64.log2()) / (3.0 + 1.0 / 3f64.log2()),
            ),
            (&["x", "y"], 0.0),
            (
                &["c", "a", "b"],
                (3.0 / 3f64.log2() + 1.0 / 2.0) / (3.0 + 1.0 / 3f64.log2()),
            ),
        ];
        for (r, want) in cases {
            let got = ndcg(&ranked(r), &g, 10);
            assert!((got - want).abs() < 1e-9, "{r:?}: {got} != {want}");
        }
        assert_eq!(ndcg(&ranked(&["a"]), &grades(&[("a", 0)]), 10), 0.0);
    }

    #[test]
    fn a_grade_above_2_is_refused() {
        let path = std::env::temp_dir().join(format!("judged-{}.json", std::process::id()));
        let set =
            r#"{"conventions": [], "queries": [{"query": "q", "need": "n", "grades": {"a": 3}}]}"#;
        std::fs::write(&path, set).unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(e.contains("grades are 0, 1 or 2"), "{e}");
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn success_needs_a_document_about_the_topic() {
        let g = grades(&[("a", 2), ("b", 1)]);
        assert!(success(&ranked(&["x", "y", "a"]), &g, 3));
        assert!(!success(&ranked(&["x", "y", "z", "a"]), &g, 3));
        assert!(!success(&ranked(&["b"]), &g, 3));
    }

    #[test]
    fn known_items_are_folded_title_starts_answered_by_every_title_sharing_them() {
        let doc = |id: &str, title: &str| {
            let mut d = Document::from_text(id, String::new());
            d.title = Some(title.into());
            d
        };
        let items = known_items(&[
            doc("a", "Kế hoạch kiểm tra, giám sát công tác bầu cử"),
            doc("b", "Kế hoạch kiểm tra, giám sát công tác bầu cử"),
            doc("c", "Luật Đất đai"),
            doc("d", "Hai từ"),
        ]);
        let queries: Vec<&str> = items.iter().map(|i| i.query.as_str()).collect();
        assert_eq!(
            queries,
            ["ke hoach kiem tra giam sat cong tac bau cu", "luat dat dai"]
        );
        assert_eq!(items[0].answers.len(), 2);
    }

    #[test]
    fn passages_fall_where_the_query_words_meet() {
        let text = format!(
            "{}Tham nhũng và lãng phí được bàn ở đây.",
            "x ".repeat(1000)
        );
        let starts = passages(&text, "tham nhung lang phi", 3);
        assert_eq!(starts.len(), 1);
        assert!(excerpt(&text, starts[0], 500).contains("Tham nhũng và lãng phí"));
    }
}
