//! Relations against a labelled set read by people (`tests/golden/relations.json`): the
//! document's own relations (implements, based on, amends, replaces, repeals, guides) and the
//! edges it states between other documents, as precision and recall, with every miss listed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{key, same_name};
use trichdan::cite::Relation;
use trichdan::doc::Document;
use trichdan::error::{Error, Result};
use trichdan::ingest::read_documents;

/// The labelled set: its conventions and one record per document.
#[derive(Debug, Clone, Deserialize)]
pub struct Golden {
    pub documents: Vec<Labelled>,
}

/// What a reader wrote down for one document.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    /// Relative to the corpus root.
    pub path: String,
    #[serde(default = "first")]
    pub part: usize,
    pub own_id: Option<String>,
    pub issuer: Option<String>,
    pub signer: Option<String>,
    #[serde(default)]
    pub implements: Vec<String>,
    #[serde(default)]
    pub based_on: Vec<String>,
    #[serde(default)]
    pub amends: Vec<String>,
    #[serde(default)]
    pub replaces: Vec<String>,
    #[serde(default)]
    pub repeals: Vec<String>,
    #[serde(default)]
    pub guides: Vec<String>,
    #[serde(default)]
    pub edges: Vec<LabelledEdge>,
}

fn first() -> usize {
    1
}

/// An edge stated between two other documents.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledEdge {
    pub from: String,
    pub rel: String,
    pub to: String,
}

/// True and false positives and false negatives of one kind of fact.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Score {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    /// Adds what `now` counts beyond `before`.
    fn add(&mut self, now: &Score, before: &Score) {
        self.true_pos += now.true_pos - before.true_pos;
        self.false_pos += now.false_pos - before.false_pos;
        self.false_neg += now.false_neg - before.false_neg;
    }

    fn count(&mut self, want: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.true_pos += want.intersection(got).count();
        self.false_pos += got.difference(want).count();
        self.false_neg += want.difference(got).count();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One fact the labels and the extraction disagree on.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub path: String,
    pub part: usize,
    /// `implements 52-CT/TW`, or an edge `71/NQ-CP implements 57-NQ/TW`.
    pub fact: String,
    /// `missed` (labelled, not extracted) or `extra` (extracted, not labelled).
    pub what: &'static str,
}

/// The scores of the whole labelled set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GoldenReport {
    pub documents: usize,
    /// Documents whose file is not in the corpus given.
    pub absent: usize,
    pub implements: Score,
    pub based_on: Score,
    /// Implements and based_on together: the target of the issue.
    pub implements_and_based_on: Score,
    /// Amends, replaces, repeals, guides: what the document itself does to others.
    pub other_kinds: Score,
    pub edges: Score,
    pub signer: super::Agreement,
    pub issuer: super::Agreement,
    /// Per set (`party`, `legal/congbao` …): implements + based_on, and stated edges.
    pub sets: BTreeMap<String, SetScores>,
    pub misses: Vec<Miss>,
}

/// The scores of one set of the labelled documents.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct SetScores {
    pub documents: usize,
    pub implements_and_based_on: Score,
    pub edges: Score,
}

/// Reads the labelled set at `golden` and scores extraction on the files under `corpus`.
pub fn run(golden: &Path, corpus: &Path) -> Result<GoldenReport> {
    let text = std::fs::read_to_string(golden).map_err(|source| Error::Io {
        path: golden.to_path_buf(),
        source,
    })?;
    let set: Golden = serde_json::from_str(&text).map_err(|e| Error::Format {
        path: golden.to_path_buf(),
        reason: format!("not a labelled relation set: {e}"),
    })?;
    let mut report = GoldenReport::default();
    for label in &set.documents {
        report.documents += 1;
        let path = corpus.join(&label.path);
        if !path.is_file() {
            report.absent += 1;
            continue;
        }
        let docs = read_documents(&path)?;
        let before = (report.implements_and_based_on, report.edges);
        score(label, pick(label, &docs), &mut report);
        let set = report.sets.entry(set_of(&label.path)).or_default();
        set.documents += 1;
        set.implements_and_based_on
            .add(&report.implements_and_based_on, &before.0);
        set.edges.add(&report.edges, &before.1);
    }
    Ok(report)
}

/// The set a labelled path belongs to: the folders before `docs/` (`legal/congbao`).
fn set_of(path: &str) -> String {
    path.split("/docs/").next().unwrap_or(path).to_string()
}

/// The document of a file a label describes: the one with the labelled own number, else the
/// labelled part in file order.
fn pick<'a>(label: &Labelled, docs: &'a [Document]) -> Option<&'a Document> {
    let by_number = label.own_id.as_deref().and_then(|n| {
        let k = key(n);
        docs.iter()
            .find(|d| d.own_id.as_ref().is_some_and(|o| o.key() == k))
    });
    by_number.or_else(|| docs.get(label.part.saturating_sub(1)))
}

fn score(label: &Labelled, doc: Option<&Document>, report: &mut GoldenReport) {
    let mut miss = |fact: String, what: &'static str| {
        report.misses.push(Miss {
            path: label.path.clone(),
            part: label.part,
            fact,
            what,
        })
    };
    let own = |rel: Relation| -> BTreeSet<String> {
        doc.map(|d| {
            d.citations
                .iter()
                .filter(|c| c.relation == rel)
                .map(|c| format!("{} {}", rel.as_str(), c.id.key()))
                .collect()
        })
        .unwrap_or_default()
    };
    let labelled = |rel: Relation, ids: &[String]| -> BTreeSet<String> {
        ids.iter()
            .map(|i| format!("{} {}", rel.as_str(), key(i)))
            .collect()
    };
    let kinds: [(Relation, &[String]); 6] = [
        (Relation::Implements, &label.implements),
        (Relation::BasedOn, &label.based_on),
        (Relation::Amends, &label.amends),
        (Relation::Replaces, &label.replaces),
        (Relation::Repeals, &label.repeals),
        (Relation::Guides, &label.guides),
    ];
    for (rel, ids) in kinds {
        let (want, got) = (labelled(rel, ids), own(rel));
        let slot = match rel {
            Relation::Implements => &mut report.implements,
            Relation::BasedOn => &mut report.based_on,
            _ => &mut report.other_kinds,
        };
        slot.count(&want, &got);
        if matches!(rel, Relation::Implements | Relation::BasedOn) {
            report.implements_and_based_on.count(&want, &got);
        }
        want.difference(&got)
            .for_each(|f| miss(f.clone(), "missed"));
        got.difference(&want).for_each(|f| miss(f.clone(), "extra"));
    }
    let want: BTreeSet<String> = label
        .edges
        .iter()
        .map(|e| format!("{} {} {}", key(&e.from), e.rel, key(&e.to)))
        .collect();
    let got: BTreeSet<String> = doc
        .map(|d| {
            d.stated_relations
                .iter()
                .map(|e| format!("{} {} {}", e.from.key(), e.rel.as_str(), e.to.key()))
                .collect()
        })
        .unwrap_or_default();
    report.edges.count(&want, &got);
    want.difference(&got)
        .for_each(|f| miss(f.clone(), "missed"));
    got.difference(&want).for_each(|f| miss(f.clone(), "extra"));
    if let Some(doc) = doc {
        if let Some(s) = &label.signer {
            report.signer.add(same_name(s, doc.signer.as_deref()));
        }
        if let Some(i) = &label.issuer {
            report.issuer.add(same_name(i, doc.issuer.as_deref()));
        }
    }
}
