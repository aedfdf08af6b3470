//! `trichdan-lab eval --named FILE`: references by name (`Luật Mặt trận Tổ quốc Việt Nam`)
//! labelled by reading (tests/golden/named_refs.json) against what the graph resolved:
//! mentions found (same line, same name), the number each resolves to (precision and
//! recall over the mentions the labels tie to a number), names left ambiguous, relations.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use trichdan::cite::CiteId;
use trichdan::doc::Document;
use trichdan::graph::{Graph, NamedRef};
use trichdan::text::fold;

/// The labelled set as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct NamedSet {
    #[allow(dead_code)]
    pub conventions: Vec<String>,
    pub documents: Vec<LabelledDoc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledDoc {
    pub path: String,
    pub refs: Vec<LabelledRef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledRef {
    pub text: String,
    pub line: usize,
    pub relation: String,
    pub id: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// What one run measures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NamedReport {
    pub documents: usize,
    pub absent: Vec<String>,
    pub labelled: usize,
    /// Labelled mentions tied to a number.
    pub labelled_ids: usize,
    /// Mentions we report (resolved or not) in the labelled documents.
    pub found: usize,
    /// Labelled mentions we found on their line.
    pub matched: usize,
    /// Mentions we resolved to a number, and how many of those the labels give.
    pub resolved: usize,
    pub resolved_right: usize,
    /// Labelled as ambiguous, and left ambiguous by us.
    pub ambiguous_labelled: usize,
    pub ambiguous_kept: usize,
    /// Relations agreeing among the matched mentions.
    pub relation_right: usize,
    pub precision: f64,
    pub recall: f64,
    pub misses: Vec<String>,
    pub wrong: Vec<String>,
    /// Matched mentions whose relation differs: path:line name, label, ours.
    pub relation_misses: Vec<String>,
    /// Per relation label: (agreeing, labelled and matched).
    pub relations: BTreeMap<String, (usize, usize)>,
}

pub fn load(path: &Path) -> Result<NamedSet> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
}

/// One of our references placed on its file's line.
struct Ours<'a> {
    line: usize,
    r: &'a NamedRef,
    taken: bool,
}

/// Scores the graph's references by name in the labelled documents. `docs` are the
/// index's documents with their text; `corpus` holds the labelled files (for the line a
/// bundle's part starts on).
pub fn run(set: &NamedSet, graph: &Graph, docs: &[Document], corpus: &Path) -> Result<NamedReport> {
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut rep = NamedReport::default();
    for labelled in &set.documents {
        let parts = parts_of(&labelled.path, &by_id);
        if parts.is_empty() {
            rep.absent.push(labelled.path.clone());
            continue;
        }
        rep.documents += 1;
        // read as the index read it (legacy encodings and glyph codes converted)
        let bytes = std::fs::read(corpus.join(&labelled.path)).unwrap_or_default();
        let file = trichdan::ingest::decode_any(&bytes).map_or_else(|_| String::new(), |(t, _)| t);
        let file = trichdan::text::compose(&file);
        let mut ours = Vec::new();
        for d in parts {
            let Some(first_line) = part_line(&file, &d.text) else {
                rep.absent.push(format!(
                    "{} (part {} not found in the file)",
                    labelled.path, d.id
                ));
                continue;
            };
            for r in graph.named_by(&d.id) {
                let line = first_line + d.text[..r.span.start].matches('\n').count();
                ours.push(Ours {
                    line,
                    r,
                    taken: false,
                });
            }
        }
        score_doc(&mut rep, labelled, &mut ours, graph);
    }
    rep.precision = rep.resolved_right as f64 / rep.resolved.max(1) as f64;
    rep.recall = rep.resolved_right as f64 / rep.labelled_ids.max(1) as f64;
    Ok(rep)
}

/// The documents a labelled file became: itself, or each part of a bundle.
fn parts_of<'a>(path: &str, by_id: &HashMap<&str, &'a Document>) -> Vec<&'a Document> {
    let p = Path::new(path);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or(path);
    let no_ext = p.with_extension("");
    let no_ext = no_ext.to_str().unwrap_or(path);
    let Some(id) = [stem, no_ext, path]
        .into_iter()
        .find(|c| by_id.contains_key(c))
    else {
        return Vec::new();
    };
    let mut parts = vec![by_id[id]];
    parts.extend((2..).map_while(|k| by_id.get(format!("{id}#{k}").as_str()).copied()));
    parts
}

/// The 1-based line of the file a part's text starts on.
fn part_line(file: &str, part: &str) -> Option<usize> {
    let probe: String = part.chars().take(160).collect();
    let at = file.find(&probe)?;
    Some(1 + file[..at].matches('\n').count())
}

fn score_doc(rep: &mut NamedReport, labelled: &LabelledDoc, ours: &mut [Ours], g: &Graph) {
    rep.found += ours.len();
    for l in &labelled.refs {
        rep.labelled += 1;
        let want = l.id.as_deref().and_then(|id| CiteId::parse(id).ok());
        rep.labelled_ids += usize::from(want.is_some());
        let ambiguous = l.id.is_none() && l.note.starts_with("ambiguous");
        rep.ambiguous_labelled += usize::from(ambiguous);
        let at = ours.iter().position(|o| {
            !o.taken && o.line.abs_diff(l.line) <= 1 && same_name(&o.r.name, &l.text)
        });
        let Some(at) = at else {
            if want.is_some() {
                rep.misses.push(format!(
                    "{}:{} {} (not found)",
                    labelled.path, l.line, l.text
                ));
            }
            continue;
        };
        let o = &mut ours[at];
        o.taken = true;
        rep.matched += 1;
        let rel = rep.relations.entry(l.relation.clone()).or_default();
        rel.1 += 1;
        if o.r.relation.as_str() == l.relation {
            rel.0 += 1;
            rep.relation_right += 1;
        } else {
            rep.relation_misses.push(format!(
                "{}:{} {}: labelled {}, ours {}",
                labelled.path,
                l.line,
                l.text,
                l.relation,
                o.r.relation.as_str()
            ));
        }
        rep.ambiguous_kept += usize::from(ambiguous && !o.r.candidates.is_empty());
        let got = o.r.node.and_then(|n| g.nodes[n].id.clone());
        match (&want, &got) {
            (Some(w), Some(h)) if w.key() == h.key() => rep.resolved_right += 1,
            (Some(w), None) => rep.misses.push(format!(
                "{}:{} {} → {w}: not resolved (candidates: {})",
                labelled.path,
                l.line,
                l.text,
                o.r.candidates
                    .iter()
                    .map(|&n| g.nodes[n].name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => {}
        }
        if let Some(h) = &got {
            rep.resolved += 1;
            if want.as_ref().is_none_or(|w| w.key() != h.key()) {
                let w = l.id.as_deref().unwrap_or("no number");
                rep.wrong.push(format!(
                    "{}:{} {} → {h}, labelled {w}",
                    labelled.path, l.line, l.text
                ));
            }
        }
    }
    // resolved references the labels do not have
    for o in ours.iter().filter(|o| !o.taken) {
        if let Some(h) = o.r.node.and_then(|n| g.nodes[n].id.clone()) {
            rep.resolved += 1;
            rep.wrong.push(format!(
                "{}:{} {} → {h}, not labelled",
                labelled.path, o.line, o.r.name
            ));
        }
    }
}

/// The same name: one folded form starts the other, or their first four words agree.
fn same_name(ours: &str, label: &str) -> bool {
    let (a, b) = (words(ours), words(label));
    let n = a.len().min(b.len());
    a[..n] == b[..n] && (n >= 2 || a.len() == b.len()) || (n >= 4 && a[..4] == b[..4])
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}
