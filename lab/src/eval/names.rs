//! `trichdan-lab eval --names FILE`: documents typed by their names (`nghị quyết 57`, `NQ57`,
//! `nghi dinh 135/2026`), labelled by reading (tests/golden/names.json), scored for trichdan
//! and its peers in one run: success@3 (the document named, or, for one only cited, a
//! document citing it, in the top 3), per form, and how often trichdan read the name as the
//! identifier meant.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use trichdan::cite::CiteId;
use trichdan::doc::Document;
use trichdan::engine::Engine;
use trichdan::index::SearchRequest;
use trichdan::text::fold;

use crate::peers::Peer;

/// The labelled set as stored in `tests/golden/names.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct NameSet {
    #[allow(dead_code)]
    pub conventions: Vec<String>,
    pub queries: Vec<NameQuery>,
}

/// One typed name and what a person means by it.
#[derive(Debug, Clone, Deserialize)]
pub struct NameQuery {
    pub q: String,
    #[serde(default)]
    pub form: Vec<String>,
    pub means: String,
    /// Files that are the document meant (paths under the corpus).
    #[serde(default)]
    pub held: Vec<String>,
    /// Files citing it, for one the archive only cites.
    #[serde(default)]
    pub citing: Vec<String>,
}

/// One system's figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NameScore {
    pub system: String,
    pub success3: f64,
    /// success@3 per form tag: (found, queries).
    pub by_form: BTreeMap<String, (usize, usize)>,
    pub misses: Vec<String>,
    /// trichdan only: names read as the identifier meant.
    pub read_as_meant: Option<f64>,
    pub misread: Vec<String>,
}

/// Everything one run of `eval --names` measures.
#[derive(Debug, Clone, Serialize)]
pub struct NameReport {
    pub queries: usize,
    /// Queries left out because their files are not in the index.
    pub absent: Vec<String>,
    pub systems: Vec<NameScore>,
}

pub fn load(path: &Path) -> Result<NameSet> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
}

/// What answers one query: the ids of the files that are it, and the identifier's
/// spelling to find in a citing document's text.
struct Answer<'a> {
    query: &'a NameQuery,
    held: Vec<String>,
    citing: Vec<String>,
    written: String,
}

/// Scores every system; `docs` are the index's documents with their text.
pub fn run(
    set: &NameSet,
    systems: &[Box<dyn Peer + '_>],
    engine: &Engine,
    docs: &[Document],
) -> Result<NameReport> {
    let ids = IdOfPath::new(docs);
    let mut texts = Spelled {
        texts: docs
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_str()))
            .collect(),
        spelled: HashMap::new(),
    };
    let mut absent = Vec::new();
    let mut answers = Vec::new();
    for q in &set.queries {
        let held: Vec<String> = q.held.iter().filter_map(|p| ids.of(p)).collect();
        let citing: Vec<String> = q.citing.iter().filter_map(|p| ids.of(p)).collect();
        if !q.held.is_empty() && held.is_empty() {
            absent.push(q.q.clone());
            continue;
        }
        answers.push(Answer {
            query: q,
            held,
            citing,
            written: spelled(&q.means),
        });
    }
    let mut scores = Vec::new();
    for system in systems {
        let mut s = NameScore {
            system: system.name().to_string(),
            ..NameScore::default()
        };
        for a in &answers {
            let top = system.search(&a.query.q, 3)?;
            let found = top.iter().any(|id| answers_it(a, id, &mut texts));
            s.success3 += f64::from(u8::from(found));
            for form in &a.query.form {
                let e = s.by_form.entry(form.clone()).or_default();
                e.0 += usize::from(found);
                e.1 += 1;
            }
            if !found {
                s.misses.push(format!(
                    "{} → {} (top 3: {})",
                    a.query.q,
                    a.query.means,
                    top.join(", ")
                ));
            }
        }
        s.success3 /= answers.len().max(1) as f64;
        if system.name() == "trichdan" {
            read_as_meant(&mut s, &answers, engine)?;
        }
        scores.push(s);
    }
    Ok(NameReport {
        queries: answers.len(),
        absent,
        systems: scores,
    })
}

/// A hit answers the query when it is the document meant, or, for a document the archive
/// only cites, when it is a labelled citing document or its text writes the identifier (not
/// as the end of a longer number: `221-KL/TW` does not write `21-KL/TW`).
fn answers_it(a: &Answer, id: &str, texts: &mut Spelled) -> bool {
    if !a.held.is_empty() {
        // a file holding several documents (a Công báo issue) is labelled whole
        let part_of = |h: &str| id.strip_prefix(h).is_some_and(|r| r.starts_with('#'));
        return a.held.iter().any(|h| h == id || part_of(h));
    }
    a.citing.iter().any(|c| c == id) || texts.writes(id, &a.written)
}

/// Each document's text spelled for matching identifiers, made once when first asked.
struct Spelled<'a> {
    texts: HashMap<&'a str, &'a str>,
    spelled: HashMap<String, String>,
}

impl Spelled<'_> {
    fn writes(&mut self, id: &str, written: &str) -> bool {
        let Some(text) = self.texts.get(id) else {
            return false;
        };
        let spelled = self
            .spelled
            .entry(id.to_string())
            .or_insert_with(|| spelled(text));
        spelled.match_indices(written).any(|(at, _)| {
            !spelled[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        })
    }
}

/// Text folded, lowercase, without spaces around `-` and `/` (so `57 -NQ/TW` is `57-nq/tw`).
fn spelled(text: &str) -> String {
    let folded = fold(text).replace(['–', '—'], "-");
    let mut out = String::with_capacity(folded.len());
    for part in folded.split_whitespace() {
        let glue = out.ends_with(['-', '/']) || part.starts_with(['-', '/']);
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// How often trichdan read the name as the identifier meant.
fn read_as_meant(s: &mut NameScore, answers: &[Answer], engine: &Engine) -> Result<()> {
    let mut right = 0;
    for a in answers {
        let request = SearchRequest {
            query: a.query.q.clone(),
            limit: 1,
            offset: 0,
            sort: Default::default(),
        };
        let result = engine.search(&request)?;
        let taken = result.interpreted.first().map(|i| i.id.clone());
        let key = |s: &str| CiteId::parse(s.split('@').next().unwrap_or(s)).map(|i| i.key());
        let meant = key(&a.query.means).ok();
        if taken.as_deref().and_then(|t| key(t).ok()) == meant && meant.is_some() {
            right += 1;
        } else {
            s.misread.push(format!(
                "{} → {} (read: {})",
                a.query.q,
                a.query.means,
                taken.unwrap_or_default()
            ));
        }
    }
    s.read_as_meant = Some(right as f64 / answers.len().max(1) as f64);
    Ok(())
}

/// A labelled file's path to the id it has in the index: its stem, or its path under the
/// corpus (with or without its extension) when stems collide.
struct IdOfPath<'a> {
    ids: std::collections::HashSet<&'a str>,
}

impl<'a> IdOfPath<'a> {
    fn new(docs: &'a [Document]) -> Self {
        IdOfPath {
            ids: docs.iter().map(|d| d.id.as_str()).collect(),
        }
    }

    fn of(&self, path: &str) -> Option<String> {
        let p = Path::new(path);
        let stem = p.file_stem()?.to_str()?;
        let no_ext = p.with_extension("");
        let found = [stem, no_ext.to_str()?, path]
            .into_iter()
            .find(|c| self.ids.contains(c))
            .map(String::from);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_ignores_spaces_around_separators() {
        assert_eq!(spelled("số 57 -NQ/TW ngày"), "so 57-nq/tw ngay");
        assert!(spelled("Nghị quyết 57 – NQ / TW").contains(&spelled("57-NQ/TW")));
    }
}
