//! `trichdan-lab eval --duties FILE`: recipients, tasks and deadlines labelled by reading
//! (tests/golden/duties.json) against what `duty::read` finds: recipients as units after
//! groups are expanded with the dated table, the unit (and role) of each task, deadlines
//! normalized; precision and recall per field, every miss listed.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use trichdan::date::Date;
use trichdan::doc::Document;
use trichdan::duty::{self, unit, Addressee, Body, Due, Group, Period, Role};
use trichdan::followup::same_body;

#[derive(Debug, Clone, Deserialize)]
pub struct DutySet {
    #[allow(dead_code)]
    pub conventions: Vec<String>,
    pub documents: Vec<LabelledDoc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledDoc {
    pub file: String,
    pub date: Option<Date>,
    #[serde(default)]
    pub recipients: Vec<LabelledRecipient>,
    #[serde(default)]
    pub tasks: Vec<LabelledTask>,
    #[serde(default)]
    pub deadlines: Vec<LabelledDeadline>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledRecipient {
    pub line: usize,
    pub text: String,
    pub units: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledTask {
    pub line: usize,
    pub unit: String,
    pub role: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledDeadline {
    pub line: usize,
    pub text: String,
    pub due: Option<Date>,
    pub every: Option<String>,
    pub after_years: Option<u32>,
    pub after_months: Option<u32>,
}

/// Precision and recall of one field.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub labelled: usize,
    pub found: usize,
    /// Labelled entries we found (recall's numerator).
    pub right: usize,
    /// Entries of ours the labels have (precision's numerator).
    pub kept: usize,
    pub precision: f64,
    pub recall: f64,
    pub misses: Vec<String>,
    pub wrong: Vec<String>,
}

impl Score {
    fn finish(&mut self) {
        self.precision = self.kept as f64 / self.found.max(1) as f64;
        self.recall = self.right as f64 / self.labelled.max(1) as f64;
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DutyReport {
    pub documents: usize,
    pub absent: Vec<String>,
    /// Recipients as units, groups expanded on the document's date.
    pub recipients: Score,
    /// Recipient items (one line of a block) found, whatever they were read as.
    pub items: Score,
    /// Tasks: a unit given work on its line, the unit's name agreeing.
    pub tasks: Score,
    /// Of the tasks found on a labelled line with the unit agreeing, the role agreeing.
    pub roles_right: usize,
    pub deadlines: Score,
}

pub fn load(path: &Path) -> Result<DutySet> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
}

/// Where a labelled file is: under the corpus, or (`seeds/…`) beside it.
fn locate(corpus: &Path, file: &str) -> Option<PathBuf> {
    [corpus.join(file), corpus.join("..").join(file)]
        .into_iter()
        .find(|p| p.is_file())
}

/// Reads each labelled file as `index` would and scores what `duty::read` finds.
pub fn run(set: &DutySet, corpus: &Path) -> Result<DutyReport> {
    let mut rep = DutyReport::default();
    for l in &set.documents {
        let Some(path) = locate(corpus, &l.file) else {
            rep.absent.push(l.file.clone());
            continue;
        };
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let text = trichdan::ingest::decode_any(&bytes).map_or_else(|_| String::new(), |(t, _)| t);
        let doc = Document::from_text(l.file.clone(), trichdan::text::compose(&text));
        rep.documents += 1;
        recipients(&mut rep, l, &doc);
        tasks(&mut rep, l, &doc);
        deadlines(&mut rep, l, &doc);
    }
    for s in [
        &mut rep.recipients,
        &mut rep.items,
        &mut rep.tasks,
        &mut rep.deadlines,
    ] {
        s.finish();
    }
    Ok(rep)
}

fn line_of(doc: &Document, at: usize) -> usize {
    1 + doc.text[..at.min(doc.text.len())].matches('\n').count()
}

/// A labelled addressee expanded to the names of its units.
fn labelled_units(v: &serde_json::Value, text: &str, on: Option<Date>) -> Vec<String> {
    let s = |k: &str| v.get(k).and_then(|x| x.as_str());
    if let Some(u) = s("unit") {
        return vec![u.to_string()];
    }
    if let Some(p) = s("persons") {
        return vec![format!("persons: {p}")];
    }
    let group = match s("group") {
        Some("provinces") => Group::Provinces,
        Some("central-party-boards") => Group::CentralPartyBoards,
        Some("central-party-committees") => Group::CentralPartyCommittees,
        Some(other) => return vec![format!("group: {other}: {}", s("name").unwrap_or(text))],
        None => return Vec::new(),
    };
    let body = match s("body") {
        Some("party") => Body::Party,
        Some("people-committee") => Body::PeopleCommittee,
        Some("council") => Body::Council,
        Some("front") => Body::Front,
        Some("government") => Body::Government,
        _ => Body::Any,
    };
    expanded(group, body, on, text)
}

fn expanded(group: Group, body: Body, on: Option<Date>, text: &str) -> Vec<String> {
    match on {
        Some(on) => unit::expand(group, body, on)
            .into_iter()
            .map(|u| u.name)
            .collect(),
        None => vec![format!("group: {group:?}: {text}")],
    }
}

fn our_units(a: &Addressee, on: Option<Date>) -> Vec<String> {
    match a {
        Addressee::Unit { name } => vec![name.clone()],
        Addressee::Persons { who } => vec![format!("persons: {who}")],
        Addressee::Group {
            group:
                group @ (Group::Provinces | Group::CentralPartyBoards | Group::CentralPartyCommittees),
            body,
            name,
            ..
        } => expanded(*group, *body, on, name),
        Addressee::Group { group, name, .. } => {
            let key = serde_json::to_value(group).ok();
            let key = key.as_ref().and_then(|k| k.as_str()).unwrap_or("other");
            vec![format!("group: {key}: {name}")]
        }
    }
}

/// Names of one kind compared: units with units, groups by their written name.
fn same_unit(a: &str, b: &str) -> bool {
    let kind = |s: &str| {
        if s.starts_with("persons: ") {
            0
        } else if s.starts_with("group: ") {
            1
        } else {
            2
        }
    };
    let strip = |s: &str| -> String {
        match s.strip_prefix("group: ") {
            Some(rest) => rest.split_once(": ").map_or(rest, |(_, n)| n).to_string(),
            None => s.trim_start_matches("persons: ").to_string(),
        }
    };
    kind(a) == kind(b) && same_body(&strip(a), &strip(b))
}

fn recipients(rep: &mut DutyReport, l: &LabelledDoc, doc: &Document) {
    let on = l.date.or(doc.date);
    let ours: Vec<(usize, Vec<String>, &str)> = doc
        .duties
        .recipients
        .iter()
        .map(|r| {
            let units = r.addressees.iter().flat_map(|a| our_units(a, on)).collect();
            (line_of(doc, r.span.start), units, r.text.as_str())
        })
        .collect();
    let mut taken = vec![false; ours.len()];
    for lr in &l.recipients {
        let want: Vec<String> = lr
            .units
            .iter()
            .flat_map(|u| labelled_units(u, &lr.text, on))
            .collect();
        rep.items.labelled += 1;
        rep.recipients.labelled += want.len();
        let at = (0..ours.len()).find(|&i| !taken[i] && ours[i].0.abs_diff(lr.line) <= 1);
        let Some(at) = at else {
            rep.items
                .misses
                .push(format!("{}:{} {}", l.file, lr.line, lr.text));
            rep.recipients.misses.push(format!(
                "{}:{} {} (item not found)",
                l.file, lr.line, lr.text
            ));
            continue;
        };
        taken[at] = true;
        rep.items.right += 1;
        let got = &ours[at].1;
        let right = want
            .iter()
            .filter(|w| got.iter().any(|g| same_unit(w, g)))
            .count();
        let kept = got
            .iter()
            .filter(|g| want.iter().any(|w| same_unit(w, g)))
            .count();
        rep.recipients.right += right;
        rep.recipients.kept += kept;
        if right < want.len() || kept < got.len() {
            rep.recipients.wrong.push(format!(
                "{}:{} {}: labelled {:?}, ours {:?}",
                l.file,
                lr.line,
                lr.text,
                brief(&want),
                brief(got)
            ));
        }
    }
    rep.items.found += ours.len();
    rep.items.kept += taken.iter().filter(|t| **t).count();
    rep.recipients.found += ours.iter().map(|o| o.1.len()).sum::<usize>();
    for (i, o) in ours.iter().enumerate().filter(|(i, _)| !taken[*i]) {
        let _ = i;
        rep.items.wrong.push(format!("{}:{} {}", l.file, o.0, o.2));
    }
}

/// A long expansion shown by its first names and its size.
fn brief(names: &[String]) -> Vec<String> {
    if names.len() <= 4 {
        return names.to_vec();
    }
    let mut out: Vec<String> = names[..2].to_vec();
    out.push(format!("… {} in all", names.len()));
    out
}

fn role_of(label: &str) -> Role {
    match label {
        "chủ trì" => Role::Lead,
        "phối hợp" => Role::Support,
        _ => Role::Carry,
    }
}

fn tasks(rep: &mut DutyReport, l: &LabelledDoc, doc: &Document) {
    let ours: Vec<(usize, &duty::Task)> = doc
        .duties
        .tasks
        .iter()
        .map(|t| (line_of(doc, t.span.start), t))
        .collect();
    let mut taken = vec![false; ours.len()];
    rep.tasks.labelled += l.tasks.len();
    rep.tasks.found += ours.len();
    for lt in &l.tasks {
        let at = (0..ours.len()).find(|&i| {
            !taken[i] && ours[i].0.abs_diff(lt.line) <= 1 && same_body(&ours[i].1.unit, &lt.unit)
        });
        match at {
            Some(i) => {
                taken[i] = true;
                rep.tasks.right += 1;
                rep.roles_right += usize::from(ours[i].1.role == role_of(&lt.role));
            }
            None => rep
                .tasks
                .misses
                .push(format!("{}:{} {} ({})", l.file, lt.line, lt.unit, lt.role)),
        }
    }
    rep.tasks.kept += taken.iter().filter(|t| **t).count();
    for (i, (line, t)) in ours.iter().enumerate() {
        if !taken[i] {
            rep.tasks
                .wrong
                .push(format!("{}:{line} {} ({:?})", l.file, t.unit, t.role));
        }
    }
}

/// A labelled deadline's normal form as ours.
fn labelled_due(d: &LabelledDeadline) -> Option<Due> {
    if let Some(date) = d.due {
        return Some(Due::On { date });
    }
    if let Some(y) = d.after_years {
        return Some(Due::After { months: y * 12 });
    }
    if let Some(m) = d.after_months {
        return Some(Due::After { months: m });
    }
    let period = match d.every.as_deref()? {
        "week" => Period::Week,
        "month" => Period::Month,
        "quarter" => Period::Quarter,
        "half-year" => Period::HalfYear,
        "year" => Period::Year,
        _ => Period::Unspecified,
    };
    Some(Due::Every { period })
}

fn deadlines(rep: &mut DutyReport, l: &LabelledDoc, doc: &Document) {
    let ours: Vec<(usize, &duty::Deadline)> = doc
        .duties
        .deadlines
        .iter()
        .map(|d| (line_of(doc, d.span.start), d))
        .collect();
    let mut taken = vec![false; ours.len()];
    rep.deadlines.labelled += l.deadlines.len();
    rep.deadlines.found += ours.len();
    for ld in &l.deadlines {
        let want = labelled_due(ld);
        let at = (0..ours.len()).find(|&i| {
            !taken[i] && ours[i].0.abs_diff(ld.line) <= 1 && Some(ours[i].1.due) == want
        });
        match at {
            Some(i) => {
                taken[i] = true;
                rep.deadlines.right += 1;
            }
            None => {
                let near: Vec<String> = ours
                    .iter()
                    .filter(|o| o.0.abs_diff(ld.line) <= 1)
                    .map(|o| format!("{:?}", o.1.due))
                    .collect();
                rep.deadlines.misses.push(format!(
                    "{}:{} {} → {want:?} (ours on the line: {near:?})",
                    l.file, ld.line, ld.text
                ));
            }
        }
    }
    rep.deadlines.kept += taken.iter().filter(|t| **t).count();
    for (i, (line, d)) in ours.iter().enumerate() {
        if !taken[i] {
            rep.deadlines
                .wrong
                .push(format!("{}:{line} {} → {:?}", l.file, d.text, d.due));
        }
    }
}
