//! `trichdan eval`: what the engine extracts from each set of a labelled corpus, compared
//! with the labels the sources give (`index.jsonl` beside each set's `docs/`).
//!
//! Per set: own-number, date and type agreement, `implements` agreement where the labels
//! have it (`party/`), and for `legal/phapdien/` the share of official `related` links whose
//! target number the text cites. Every disagreement is listed for reading.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::cite::CiteId;
use crate::corpus::read_document;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::text::fold;

pub mod golden;

/// Agreement on one field: how many labelled documents, how many agree.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Agreement {
    pub labelled: usize,
    pub agree: usize,
}

impl Agreement {
    pub(crate) fn add(&mut self, agree: bool) {
        self.labelled += 1;
        self.agree += agree as usize;
    }

    /// The share that agree, in percent (100 when nothing is labelled).
    pub fn percent(&self) -> f64 {
        if self.labelled == 0 {
            100.0
        } else {
            100.0 * self.agree as f64 / self.labelled as f64
        }
    }
}

/// The figures of one set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetReport {
    pub documents: usize,
    pub failures: usize,
    /// Own numbers where the label was read from the document's header.
    pub own_number: Agreement,
    /// Own numbers whose label came from elsewhere (a source index, a file name).
    pub own_number_other: Agreement,
    pub date: Agreement,
    pub kind: Agreement,
    pub implements: Agreement,
    /// Official `related` links whose target number the text cites.
    pub related_cited: Agreement,
}

/// One field where the engine and the label differ.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub set: String,
    pub id: String,
    pub field: &'static str,
    pub label: String,
    pub ours: String,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub sets: BTreeMap<String, SetReport>,
    pub disagreements: Vec<Disagreement>,
}

/// Evaluates every set (a folder with an `index.jsonl`) under `corpus`.
pub fn run(corpus: &Path) -> Result<Report> {
    let mut report = Report::default();
    for index in index_files(corpus)? {
        let set_dir = index.parent().unwrap_or(corpus);
        let set = set_dir
            .strip_prefix(corpus)
            .unwrap_or(set_dir)
            .to_string_lossy()
            .into_owned();
        let set = if set.is_empty() { ".".to_string() } else { set };
        let text = std::fs::read_to_string(&index).map_err(|source| Error::Io {
            path: index.clone(),
            source,
        })?;
        let mut sr = SetReport::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(label) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let Some(path) = doc_path(set_dir, &label) else {
                continue;
            };
            sr.documents += 1;
            match read_document(&path) {
                Ok(doc) => compare(&set, &label, &doc, &mut sr, &mut report.disagreements),
                Err(_) => sr.failures += 1,
            }
        }
        report.sets.insert(set, sr);
    }
    Ok(report)
}

/// Every `index.jsonl` under `dir`, sorted.
fn index_files(dir: &Path) -> Result<Vec<PathBuf>> {
    crate::corpus::walk(dir, &|p| p.file_name().is_some_and(|n| n == "index.jsonl"))
}

/// The file a label describes: its `path` is relative to the corpus root, which is the set
/// folder or one of its ancestors.
fn doc_path(set_dir: &Path, label: &Value) -> Option<PathBuf> {
    let rel = label["path"].as_str()?;
    set_dir
        .ancestors()
        .take(4)
        .map(|a| a.join(rel))
        .find(|p| p.is_file())
}

fn compare(
    set: &str,
    label: &Value,
    doc: &Document,
    sr: &mut SetReport,
    out: &mut Vec<Disagreement>,
) {
    let mut note = |field: &'static str, label: String, ours: String| {
        out.push(Disagreement {
            set: set.to_string(),
            id: doc.id.clone(),
            field,
            label,
            ours,
        })
    };
    if let Some(number) = label["number"].as_str() {
        let ours = doc
            .own_id
            .as_ref()
            .map(|i| i.to_string())
            .unwrap_or_default();
        let agree = same_number(number, &ours);
        let from_header = label["number_source"].as_str().is_none_or(|s| s == "text");
        if from_header {
            sr.own_number.add(agree);
        } else {
            sr.own_number_other.add(agree);
        }
        if !agree {
            note("own_number", number.to_string(), ours);
        }
    }
    if let Some(date) = label["date"].as_str() {
        let ours = doc.date.map(|d| d.to_string()).unwrap_or_default();
        sr.date.add(ours == date);
        if ours != date {
            note("date", date.to_string(), ours);
        }
    }
    if let Some(kind) = label["type"].as_str().filter(|k| comparable_kind(k)) {
        let ours = doc.kind.clone().unwrap_or_default();
        let agree = same_kind(kind, &ours);
        sr.kind.add(agree);
        if !agree {
            note("kind", kind.to_string(), ours);
        }
    }
    if let Some(list) = label["implements"].as_array() {
        let want: Vec<String> = list.iter().filter_map(|v| v.as_str()).map(key).collect();
        let mut got: Vec<String> = doc.implements().iter().map(|i| i.key()).collect();
        let mut want_sorted = want.clone();
        want_sorted.sort();
        got.sort();
        sr.implements.add(want_sorted == got);
        if want_sorted != got {
            note("implements", want.join(" "), got.join(" "));
        }
    }
    if let Some(related) = label["related"].as_array() {
        let cited: Vec<String> = doc.cited().iter().map(|i| i.key()).collect();
        for r in related.iter().filter_map(|r| r["number"].as_str()) {
            let hit = cited.contains(&key(r));
            sr.related_cited.add(hit);
        }
    }
}

/// The identity key of a label's number, or its folded uppercase text when it does not
/// parse (`2170/QĐ`, a number cut short by the source).
fn key(number: &str) -> String {
    CiteId::parse(number)
        .map(|i| i.key())
        .unwrap_or_else(|_| fold(number).to_ascii_uppercase().replace(' ', ""))
}

/// The label's number names our identifier: the same key, or a label cut short before the
/// issuer (`2170/QĐ` for `2170/QĐ-UBND`).
fn same_number(label: &str, ours: &str) -> bool {
    if ours.is_empty() {
        return false;
    }
    let (l, o) = (key(label), key(ours));
    l == o || (CiteId::parse(label).is_err() && o.starts_with(&format!("{l}-")))
}

/// Labels too general to compare (`Khác`, `VB HN` for a consolidated text).
fn comparable_kind(kind: &str) -> bool {
    !matches!(fold(kind).as_str(), "khac" | "vb hn" | "van ban hop nhat")
}

/// Kinds agree when one folded name starts with the other (`Chương trình` and
/// `Chương trình hành động`), or the label abbreviates ours (`NQ` for `Nghị quyết`).
fn same_kind(label: &str, ours: &str) -> bool {
    let (l, o) = (fold(label), fold(ours));
    if o.is_empty() {
        return false;
    }
    if l.starts_with(&o) || o.starts_with(&l) {
        return true;
    }
    crate::cite::KIND_WORDS
        .iter()
        .any(|(w, codes)| fold(w) == o && codes.iter().any(|c| fold(c) == l))
}
