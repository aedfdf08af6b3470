//! `trichdan-lab eval --headers FILE`: header fields (kind, own number, date, issuer as a person
//! names it, title, signer, tier, branch, province) of documents labelled by reading
//! (tests/golden/headers.json), compared with what is read from each file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use trichdan::cite::CiteId;
use trichdan::doc::{Branch, Document, Tier};
use trichdan::ingest::read_documents;
use trichdan::text::fold;

/// The labelled set.
#[derive(Debug, Clone, Deserialize)]
pub struct HeaderSet {
    pub documents: Vec<HeaderLabel>,
}

/// What a reader wrote down of one document's header.
#[derive(Debug, Clone, Deserialize)]
pub struct HeaderLabel {
    pub path: String,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    /// Accepted forms, preferred first; empty when the document names none.
    #[serde(default)]
    pub issuer: Vec<String>,
    pub title: Option<String>,
    pub signer: Option<String>,
    pub tier: Option<String>,
    pub branch: Option<String>,
    pub province: Option<String>,
}

/// Right answers per field, and the disagreements.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HeaderReport {
    pub documents: usize,
    pub absent: Vec<String>,
    /// Field → (right, labelled documents).
    pub fields: BTreeMap<&'static str, (usize, usize)>,
    /// (path, field, label, ours).
    pub misses: Vec<(String, &'static str, String, String)>,
}

pub fn load(path: &Path) -> Result<HeaderSet> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
}

/// Where a labelled path lies: under the corpus, or `seeds/…` beside it.
fn file_of(corpus: &Path, path: &str) -> PathBuf {
    match path.strip_prefix("seeds/") {
        Some(rest) => corpus.join("../seeds").join(rest),
        None => corpus.join(path),
    }
}

/// Reads every labelled file and scores each field.
pub fn run(set: &HeaderSet, corpus: &Path) -> Result<HeaderReport> {
    let mut report = HeaderReport::default();
    for label in &set.documents {
        let path = file_of(corpus, &label.path);
        if !path.is_file() {
            report.absent.push(label.path.clone());
            continue;
        }
        report.documents += 1;
        let docs = read_documents(&path)?;
        let doc = pick(label, &docs);
        for (field, right, ours) in compare(label, doc) {
            let e = report.fields.entry(field).or_default();
            e.1 += 1;
            if right {
                e.0 += 1;
            } else {
                let said = labelled(label, field);
                report.misses.push((label.path.clone(), field, said, ours));
            }
        }
    }
    Ok(report)
}

/// The document of a file that the label describes: the one with its number, else the first.
fn pick<'a>(label: &HeaderLabel, docs: &'a [Document]) -> Option<&'a Document> {
    let key = label
        .number
        .as_deref()
        .and_then(|n| CiteId::parse(n).ok())
        .map(|i| i.key());
    key.and_then(|k| {
        docs.iter()
            .find(|d| d.own_id.as_ref().is_some_and(|o| o.key() == k))
    })
    .or_else(|| docs.first())
}

/// Each field: its name, whether ours agrees with the label, and ours as text.
fn compare(label: &HeaderLabel, doc: Option<&Document>) -> Vec<(&'static str, bool, String)> {
    let get = |f: &dyn Fn(&Document) -> Option<String>| doc.and_then(f);
    let number = get(&|d| d.own_id.as_ref().map(|i| i.to_string()));
    let number_key = |n: &str| {
        CiteId::parse(n)
            .map(|i| i.key())
            .unwrap_or_else(|_| fold(n))
    };
    let issuer = get(&|d| d.issuer.clone());
    let fields: Vec<(&'static str, bool, Option<String>)> = vec![
        (
            "kind",
            same(&label.kind, &get(&|d| d.kind.clone()), fold),
            get(&|d| d.kind.clone()),
        ),
        (
            "number",
            label.number.as_deref().map(number_key) == number.as_deref().map(number_key),
            number.clone(),
        ),
        (
            "date",
            label.date == get(&|d| d.date.map(|x| x.to_string())),
            get(&|d| d.date.map(|x| x.to_string())),
        ),
        (
            "issuer",
            match &issuer {
                None => label.issuer.is_empty(),
                Some(i) => label.issuer.iter().any(|l| fold(l) == fold(i)),
            },
            issuer.clone(),
        ),
        (
            "title",
            same(&label.title, &get(&|d| d.title.clone()), title_key),
            get(&|d| d.title.clone()),
        ),
        (
            "signer",
            same(&label.signer, &get(&|d| d.signer.clone()), fold),
            get(&|d| d.signer.clone()),
        ),
        (
            "tier",
            label.tier == get(&|d| d.level.tier.map(tier_code)),
            get(&|d| d.level.tier.map(tier_code)),
        ),
        (
            "branch",
            label.branch == get(&|d| d.level.branch.map(branch_code)),
            get(&|d| d.level.branch.map(branch_code)),
        ),
        (
            "province",
            same(
                &label.province,
                &get(&|d| d.belongs_to().map(String::from)),
                place_key,
            ),
            get(&|d| d.belongs_to().map(String::from)),
        ),
    ];
    fields
        .into_iter()
        .map(|(f, right, ours)| (f, right, ours.unwrap_or_default()))
        .collect()
}

fn same(a: &Option<String>, b: &Option<String>, key: fn(&str) -> String) -> bool {
    a.as_deref().map(key) == b.as_deref().map(key)
}

/// A title compared without case, diacritics, punctuation or a leading `về` / `V/v`.
fn title_key(t: &str) -> String {
    let f = fold(t);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let skip = match words.as_slice() {
        ["v", "v", ..] => 2,
        ["ve", ..] => 1,
        _ => 0,
    };
    words[skip..].join(" ")
}

/// A province compared without `tỉnh` / `thành phố` in front.
fn place_key(p: &str) -> String {
    let f = fold(p);
    let f = f
        .strip_prefix("thanh pho ")
        .or(f.strip_prefix("tinh "))
        .unwrap_or(&f);
    f.to_string()
}

fn tier_code(t: Tier) -> String {
    match t {
        Tier::Central => "central",
        Tier::Province => "province",
        Tier::District => "district",
        Tier::Commune => "commune",
    }
    .into()
}

fn branch_code(b: Branch) -> String {
    match b {
        Branch::Party => "party",
        Branch::State => "state",
        Branch::Front => "front",
    }
    .into()
}

/// The label of a field, as text.
fn labelled(label: &HeaderLabel, field: &str) -> String {
    let v = match field {
        "kind" => label.kind.clone(),
        "number" => label.number.clone(),
        "date" => label.date.clone(),
        "issuer" => Some(label.issuer.join(" | ")),
        "title" => label.title.clone(),
        "signer" => label.signer.clone(),
        "tier" => label.tier.clone(),
        "branch" => label.branch.clone(),
        _ => label.province.clone(),
    };
    v.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compared_without_their_opening_word() {
        assert_eq!(
            title_key("về Phông lưu trữ Đảng."),
            title_key("VỀ PHÔNG LƯU TRỮ ĐẢNG")
        );
        assert_eq!(title_key("V/v góp ý"), "gop y");
        assert_eq!(place_key("Thành phố Hà Nội"), place_key("Hà Nội"));
    }
}
