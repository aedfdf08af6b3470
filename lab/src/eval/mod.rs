//! `trichdan-lab eval`: what the engine extracts from each set of a labelled corpus, compared
//! with the labels the sources give (`index.jsonl` beside each set's `docs/`).
//!
//! Per set: own-number, date and type agreement, `implements` agreement where the labels
//! have it (`party/`), and for `legal/phapdien/` the share of official `related` links whose
//! target number the text cites. Every disagreement is listed for reading.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use std::path::{Path, PathBuf};

use anyhow::Context;

use serde::Serialize;
use serde_json::Value;

use trichdan::cite::CiteId;
use trichdan::doc::Document;
use trichdan::error::{Error, Result};
use trichdan::ingest::read_documents;
use trichdan::text::fold;

mod duties;
pub mod golden;
mod headers;
pub mod judged;
mod named;
mod names;

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
    /// The signer, where the labels name one.
    pub signer: Agreement,
    /// The issuing body, where the labels name one.
    pub issuer: Agreement,
    /// Documents whose own title or opening clause says they carry out an identifier
    /// (read by a plain pattern, apart from the extractor): those that have that implements.
    pub says_implements: Agreement,
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
            match read_documents(&path) {
                Ok(docs) => {
                    let doc = labelled_part(&label, &docs);
                    compare(&set, &label, doc, &mut sr, &mut report.disagreements)
                }
                Err(_) => sr.failures += 1,
            }
        }
        report.sets.insert(set, sr);
    }
    Ok(report)
}

/// The document of a file that a label describes: the part whose own number is the
/// label's (a Công báo file bundles several), else the largest part.
fn labelled_part<'a>(label: &Value, docs: &'a [Document]) -> &'a Document {
    let by_number = label["number"].as_str().and_then(|n| {
        docs.iter().find(|d| {
            d.own_id
                .as_ref()
                .is_some_and(|o| same_number(n, &o.to_string()))
        })
    });
    by_number.unwrap_or_else(|| {
        docs.iter()
            .max_by_key(|d| d.text.len())
            .expect("a file reads into at least one document")
    })
}

/// Every `index.jsonl` under `dir`, sorted.
fn index_files(dir: &Path) -> Result<Vec<PathBuf>> {
    trichdan::ingest::walk(dir, &|p| p.file_name().is_some_and(|n| n == "index.jsonl"))
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
    for (field, ours, slot) in [
        ("signer", doc.signer.as_deref(), &mut sr.signer),
        ("issuer", doc.issuer.as_deref(), &mut sr.issuer),
    ] {
        if let Some(name) = label[field].as_str() {
            let agree = same_name(name, ours);
            slot.add(agree);
            if !agree {
                note(
                    field,
                    name.to_string(),
                    ours.unwrap_or_default().to_string(),
                );
            }
        }
    }
    if let Some(said) = says_it_implements(doc) {
        let agree = doc.implements().iter().any(|i| i.key() == said.key());
        sr.says_implements.add(agree);
        if !agree {
            note("says_implements", said.to_string(), String::new());
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

/// Names agree when folded, with spaces collapsed, one contains the other (a label may give
/// the issuing body without its parent: `Cục Thuế` for `BỘ TÀI CHÍNH CỤC THUẾ`).
pub(crate) fn same_name(label: &str, ours: Option<&str>) -> bool {
    let norm = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let (l, o) = (norm(label), ours.map(norm).unwrap_or_default());
    !o.is_empty() && (l == o || o.ends_with(&l) || l.ends_with(&o))
}

/// What a document's own words say it carries out, read plainly: the first identifier after
/// `thực hiện` / `triển khai` in its title, else the one that an opening line `Thực hiện
/// <kind> số X` names within the first lines after the title. Independent of the relation
/// reader, so it can check it.
pub fn says_it_implements(doc: &Document) -> Option<CiteId> {
    // `thực hiện Chỉ thị số 52-CT/TW`, `triển khai thực hiện Nghị quyết 57-NQ/TW`; not the
    // `hướng dẫn thực hiện …` of a guiding text
    static VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:^|[^n]\s)(?:thực\s+hiện|triển\s+khai)\s+(?:\p{L}+[\s,]+){0,6}?(?:số\s*)?",
        )
        .unwrap()
    });
    static OPENING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?m)^[\s*_]*(?:Thực|Triển khai) (?:thực )?hiện\s+(?:\p{L}+\s+){1,4}số\s*",
        )
        .unwrap()
    });
    let title = doc.title.as_deref().unwrap_or_default();
    for m in VERB.find_iter(title) {
        let first = trichdan::cite::scan(&title[m.end()..]).into_iter().next();
        if let Some(f) = first.filter(|f| f.span.start == 0) {
            return Some(f.id);
        }
    }
    // the opening stands before the operative part (`Điều 1`, `QUYẾT ĐỊNH:`, `... như sau:`)
    static OPERATIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?m)^[\s*_]*(?:Điều\s+1\b|Chương\s+I\b|QUYẾT\s+(?:ĐỊNH|NGHỊ)\s*:)|như\s+sau\s*:",
        )
        .unwrap()
    });
    let head = &doc.text[..doc.text.floor_char_boundary(6_000)];
    let head = &head[..OPERATIVE.find(head).map_or(head.len(), |m| m.start())];
    let m = OPENING.find(head)?;
    let first = trichdan::cite::scan(&head[m.end()..]).into_iter().next()?;
    (first.span.start == 0).then_some(first.id)
}

/// The identity key of a label's number, or its folded uppercase text when it does not
/// parse (`2170/QĐ`, a number cut short by the source).
pub(crate) fn key(number: &str) -> String {
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
    trichdan::cite::KIND_WORDS
        .iter()
        .any(|(w, codes)| fold(w) == o && codes.iter().any(|c| fold(c) == l))
}

/// Prints the agreement figures per set and writes the disagreements to `out`.
pub fn command(
    corpus: &Path,
    out: &Path,
    json: bool,
    relations: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let mut o = super::out();
    let report = run(corpus)?;
    let golden = relations.map(|g| golden::run(g, corpus)).transpose()?;
    let mut tsv = String::from("set\tid\tfield\tlabel\tours\n");
    for d in &report.disagreements {
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            d.set, d.id, d.field, d.label, d.ours
        ));
    }
    for m in golden.iter().flat_map(|g| &g.misses) {
        tsv.push_str(&format!(
            "golden\t{}#{}\trelation\t{}\t{}\n",
            m.path, m.part, m.fact, m.what
        ));
    }
    std::fs::write(out, tsv).with_context(|| format!("writing {}", out.display()))?;
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(&report.sets)?)?;
    } else {
        writeln!(
            o,
            "{:<18} {:>6} {:>16} {:>16} {:>16} {:>16} {:>14} {:>16} {:>16} {:>16} {:>16}",
            "set",
            "docs",
            "own number",
            "(other labels)",
            "date",
            "type",
            "implements",
            "related cited",
            "signer",
            "issuer",
            "says implements"
        )?;
        let cell = |a: &Agreement| {
            if a.labelled == 0 {
                "—".to_string()
            } else {
                format!("{:.1}% of {}", a.percent(), a.labelled)
            }
        };
        for (set, r) in &report.sets {
            writeln!(
                o,
                "{:<18} {:>6} {:>16} {:>16} {:>16} {:>16} {:>14} {:>16} {:>16} {:>16} {:>16}",
                set,
                r.documents,
                cell(&r.own_number),
                cell(&r.own_number_other),
                cell(&r.date),
                cell(&r.kind),
                cell(&r.implements),
                cell(&r.related_cited),
                cell(&r.signer),
                cell(&r.issuer),
                cell(&r.says_implements)
            )?;
        }
    }
    if let Some(g) = &golden {
        print_golden(&mut o, g, json)?;
    }
    eprintln!(
        "{} disagreements written to {}",
        report.disagreements.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `eval --queries`: the judged set scored for every system, or its pools written.
pub fn queries(
    corpus: &Path,
    index: &Path,
    file: &Path,
    pool: Option<&Path>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let set = judged::load(file)?;
    let engine = super::open_at(index, corpus)?;
    let docs = engine.index().documents_with_text()?;
    let systems = judged::systems(&engine, &docs)?;
    if let Some(dir) = pool {
        let n = judged::write_pools(&set, &systems, &docs, dir)?;
        eprintln!("{n} unjudged documents pooled into {}", dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    let report = judged::run(&set, &systems, &docs)?;
    let mut o = super::out();
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        o,
        "{} judged queries ({}); known items: {} titles typed without diacritics\n",
        report.queries,
        file.display(),
        report.known_items
    )?;
    writeln!(
        o,
        "{:<10} {:>8} {:>10} {:>9} {:>10} {:>13}",
        "system", "nDCG@10", "success@3", "unjudged", "condensed", "known-item@3"
    )?;
    for s in &report.systems {
        writeln!(
            o,
            "{:<10} {:>8.3} {:>10.3} {:>9} {:>10.3} {:>13.3}",
            s.system, s.ndcg10, s.success3, s.unjudged, s.condensed_ndcg10, s.known_item3
        )?;
    }
    if let Some(s) = report.systems.first() {
        writeln!(
            o,
            "(success@3 over the {} queries with a document graded 2)",
            s.success_queries
        )?;
    }
    writeln!(o, "\nnDCG@10 per query:")?;
    for (i, q) in set.queries.iter().enumerate() {
        let cells: Vec<String> = report
            .systems
            .iter()
            .map(|s| format!("{:.2}", s.per_query[i]))
            .collect();
        writeln!(o, "{:>3}. {}  {}", i + 1, cells.join("  "), q.query)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `eval --headers`: header fields labelled by reading, field by field.
pub fn headers(corpus: &Path, file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let set = headers::load(file)?;
    let report = headers::run(&set, corpus)?;
    let mut o = super::out();
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        o,
        "{} documents with labelled headers ({}); {} absent",
        report.documents,
        file.display(),
        report.absent.len()
    )?;
    for (field, (right, n)) in &report.fields {
        let pct = 100.0 * *right as f64 / (*n).max(1) as f64;
        writeln!(o, "{field:<10} {pct:>6.1}%  ({right} of {n})")?;
    }
    writeln!(o, "\ndisagreements (path, field, label, ours):")?;
    for (path, field, label, ours) in &report.misses {
        writeln!(o, "  {path}\t{field}\t{label}\t{ours}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `eval --duties`: recipients, tasks and deadlines against the labels, every miss listed.
pub fn duties(corpus: &Path, file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let set = duties::load(file)?;
    let r = duties::run(&set, corpus)?;
    let mut o = super::out();
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(&r)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        o,
        "{} documents labelled ({}); {} absent {:?}",
        r.documents,
        file.display(),
        r.absent.len(),
        r.absent
    )?;
    let rows = [
        ("recipients (units, groups expanded)", &r.recipients),
        ("recipient items", &r.items),
        ("tasks (unit on its line)", &r.tasks),
        ("deadlines (normalized)", &r.deadlines),
    ];
    for (name, s) in rows {
        writeln!(
            o,
            "{name:<37} precision {:.3} ({} of {}), recall {:.3} ({} of {})",
            s.precision, s.kept, s.found, s.recall, s.right, s.labelled
        )?;
    }
    writeln!(
        o,
        "task roles agreeing                   {} of {}",
        r.roles_right, r.tasks.right
    )?;
    for (name, s) in rows {
        writeln!(o, "\n{name}: missed ({})", s.misses.len())?;
        for m in &s.misses {
            writeln!(o, "  {m}")?;
        }
        writeln!(o, "{name}: not in the labels ({})", s.wrong.len())?;
        for m in &s.wrong {
            writeln!(o, "  {m}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `eval --names`: documents typed by their names, scored for every system.
pub fn names(corpus: &Path, index: &Path, file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let set = names::load(file)?;
    let engine = super::open_at(index, corpus)?;
    let docs = engine.index().documents_with_text()?;
    let systems = judged::systems(&engine, &docs)?;
    let report = names::run(&set, &systems, &engine, &docs)?;
    let mut o = super::out();
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        o,
        "{} names typed ({}); {} left out, their documents not in the index",
        report.queries,
        file.display(),
        report.absent.len()
    )?;
    let forms: Vec<&String> = report
        .systems
        .first()
        .map(|s| s.by_form.keys().collect())
        .unwrap_or_default();
    write!(o, "{:<10} {:>10} {:>10}", "system", "success@3", "read")?;
    for f in &forms {
        write!(o, " {f:>13}")?;
    }
    writeln!(o)?;
    for s in &report.systems {
        let read = s.read_as_meant.map_or("—".into(), |r| format!("{r:.3}"));
        write!(o, "{:<10} {:>10.3} {:>10}", s.system, s.success3, read)?;
        for f in &forms {
            let (found, n) = s.by_form.get(*f).copied().unwrap_or_default();
            write!(o, " {:>13}", format!("{found}/{n}"))?;
        }
        writeln!(o)?;
    }
    for s in &report.systems {
        writeln!(o, "\n{} misses ({}):", s.system, s.misses.len())?;
        for m in &s.misses {
            writeln!(o, "  {m}")?;
        }
        for m in &s.misread {
            writeln!(o, "  misread: {m}")?;
        }
    }
    for q in &report.absent {
        writeln!(o, "left out: {q}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `eval --named`: references by name against the labels, with every miss and error.
pub fn named(corpus: &Path, index: &Path, file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let set = named::load(file)?;
    let engine = super::open_at(index, corpus)?;
    let docs = engine.index().documents_with_text()?;
    let r = named::run(&set, &engine.graph(), &docs, corpus)?;
    let mut o = super::out();
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(&r)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        o,
        "{} documents, {} references by name labelled ({} tied to a number); {} absent",
        r.documents,
        r.labelled,
        r.labelled_ids,
        r.absent.len()
    )?;
    writeln!(
        o,
        "mentions found on their line  {} of {} (we report {})",
        r.matched, r.labelled, r.found
    )?;
    writeln!(
        o,
        "numbers resolved              precision {:.3} ({} of {}), recall {:.3} ({} of {})",
        r.precision, r.resolved_right, r.resolved, r.recall, r.resolved_right, r.labelled_ids
    )?;
    writeln!(
        o,
        "ambiguous kept ambiguous      {} of {}",
        r.ambiguous_kept, r.ambiguous_labelled
    )?;
    writeln!(
        o,
        "relations agreeing            {} of {}",
        r.relation_right, r.matched
    )?;
    for (rel, (right, n)) in &r.relations {
        writeln!(o, "  {rel:<12} {right} of {n}")?;
    }
    for m in &r.relation_misses {
        writeln!(o, "  {m}")?;
    }
    writeln!(o, "\nwrong ({}):", r.wrong.len())?;
    for w in &r.wrong {
        writeln!(o, "  {w}")?;
    }
    writeln!(o, "\nmissed ({}):", r.misses.len())?;
    for m in &r.misses {
        writeln!(o, "  {m}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the scores against the labelled relation set.
fn print_golden(o: &mut impl Write, g: &golden::GoldenReport, json: bool) -> anyhow::Result<()> {
    if json {
        writeln!(o, "{}", serde_json::to_string_pretty(g)?)?;
        return Ok(());
    }
    writeln!(
        o,
        "\nrelations against the labelled set: {} documents ({} absent)",
        g.documents, g.absent
    )?;
    let rows = [
        ("implements", &g.implements),
        ("based_on", &g.based_on),
        ("implements + based_on", &g.implements_and_based_on),
        ("amends/replaces/repeals/guides", &g.other_kinds),
        ("stated edges", &g.edges),
    ];
    for (name, s) in rows {
        writeln!(
            o,
            "{:<32} precision {:.3}  recall {:.3}  ({} right, {} extra, {} missed)",
            name,
            s.precision(),
            s.recall(),
            s.true_pos,
            s.false_pos,
            s.false_neg
        )?;
    }
    for (set, s) in &g.sets {
        writeln!(
            o,
            "  {:<30} {:>3} documents: implements + based_on {:.3} / {:.3}, edges {:.3} / {:.3} (precision / recall)",
            set,
            s.documents,
            s.implements_and_based_on.precision(),
            s.implements_and_based_on.recall(),
            s.edges.precision(),
            s.edges.recall()
        )?;
    }
    writeln!(
        o,
        "{:<32} signer {:.1}% of {}, issuer {:.1}% of {}",
        "header",
        g.signer.percent(),
        g.signer.labelled,
        g.issuer.percent(),
        g.issuer.labelled
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The shared corpus; a test that needs it fails, naming the path, when it is absent
    /// (CI has it).
    fn shared_corpus() -> PathBuf {
        let corpus = root().join("../shared/corpus");
        assert!(
            corpus.is_dir(),
            "this test reads {}: put the shared folder beside the project",
            corpus.display()
        );
        corpus
    }

    /// Search on the judged query set, against SQLite FTS5 and plain tantivy over the same
    /// documents: the targets of the judged set, and the known-item figure of the version
    /// before it (764 of 768 titles typed without diacritics found in the top 3).
    #[test]
    fn the_judged_query_set_meets_its_targets() {
        let corpus = shared_corpus();
        let dir = std::env::temp_dir().join(format!("trichdan-judged-{}", std::process::id()));
        let listing = trichdan::ingest::listing(&corpus).unwrap();
        let (engine, _) = trichdan::engine::Engine::build(&dir, &listing, 2, &|_| {}).unwrap();
        let docs = engine.index().documents_with_text().unwrap();
        let set = super::judged::load(&root().join("tests/golden/queries.json")).unwrap();
        assert!(set.queries.len() >= 40);
        let systems = super::judged::systems(&engine, &docs).unwrap();
        let r = super::judged::run(&set, &systems, &docs).unwrap();
        let [ours, fts5, _plain] = &r.systems[..] else {
            panic!("three systems")
        };
        assert_eq!(ours.system, "trichdan");
        assert!(ours.ndcg10 >= 0.85, "nDCG@10 {:.3}", ours.ndcg10);
        assert!(
            ours.ndcg10 >= fts5.ndcg10 + 0.10,
            "{:.3} against FTS5 {:.3}",
            ours.ndcg10,
            fts5.ndcg10
        );
        assert!(
            ours.known_item_misses.len() <= 4,
            "known items {:.3}: {:?}",
            ours.known_item3,
            ours.known_item_misses
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The shared corpus and the samples beside it; a test that needs them fails, naming
    /// the path, when they are absent (CI has them).
    fn shared_or_fail() -> (PathBuf, PathBuf) {
        let corpus = root().join("../shared/corpus");
        let seeds = root().join("../shared/seeds");
        assert!(
            corpus.is_dir() && seeds.is_dir(),
            "this test reads {} and {}: put the shared folder beside the project",
            corpus.display(),
            seeds.display()
        );
        (corpus, seeds)
    }

    /// Names over the shared corpus and the samples (one index for both checks, built once:
    /// it is the slowest part of the lab's tests). Typed (tests/golden/names.json, labelled
    /// by reading): the document named, or one citing it, in the top 3 for at least 95%
    /// (issue 20), far above FTS5; the name read as the identifier meant. Written in the
    /// texts (tests/golden/named_refs.json): numbers resolved with precision ≥ 0.95 and
    /// recall ≥ 0.85 (issue 20 asks 0.8; 0.896 measured), the mentions found, ambiguous
    /// names left ambiguous.
    #[test]
    fn names_typed_and_written_find_the_documents_they_name() {
        let (corpus, seeds) = shared_or_fail();
        let dir = std::env::temp_dir().join(format!("trichdan-names-{}", std::process::id()));
        let mut listing = trichdan::ingest::listing(&corpus).unwrap();
        listing
            .documents
            .extend(trichdan::ingest::listing(&seeds).unwrap().documents);
        let (engine, _) = trichdan::engine::Engine::build(&dir, &listing, 2, &|_| {}).unwrap();
        let docs = engine.index().documents_with_text().unwrap();
        let set = super::names::load(&root().join("tests/golden/names.json")).unwrap();
        assert!(set.queries.len() >= 100);
        let systems = super::judged::systems(&engine, &docs).unwrap();
        let r = super::names::run(&set, &systems, &engine, &docs).unwrap();
        assert!(r.absent.is_empty(), "{:?}", r.absent);
        let [ours, fts5, _plain] = &r.systems[..] else {
            panic!("three systems")
        };
        assert!(
            ours.success3 >= 0.95,
            "success@3 {:.3}: {:#?}",
            ours.success3,
            ours.misses
        );
        assert!(
            ours.success3 >= fts5.success3 + 0.3,
            "FTS5 {:.3}",
            fts5.success3
        );
        let read = ours.read_as_meant.unwrap_or_default();
        assert!(read >= 0.95, "read as meant {read:.3}: {:#?}", ours.misread);
        let set = super::named::load(&root().join("tests/golden/named_refs.json")).unwrap();
        let n = super::named::run(&set, &engine.graph(), &docs, &corpus).unwrap();
        assert!(n.documents >= 20 && n.absent.is_empty(), "{:?}", n.absent);
        assert!(
            n.precision >= 0.95,
            "precision {:.3}: {:#?}",
            n.precision,
            n.wrong
        );
        assert!(n.recall >= 0.85, "recall {:.3}: {:#?}", n.recall, n.misses);
        assert!(
            n.matched as f64 >= 0.95 * n.labelled as f64,
            "{:#?}",
            n.misses
        );
        assert!(n.ambiguous_kept * 5 >= n.ambiguous_labelled * 4, "{n:#?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Recipients, tasks and deadlines against the 27 documents labelled by reading
    /// (tests/golden/duties.json; issue 21): floors at what is measured today. Recipients
    /// meet the issue's recall (R 0.911; P 0.943 against the 0.95 asked); deadlines
    /// (P 0.803, R 0.785) and tasks (R 0.398: appendix tables are not read) do not yet.
    #[test]
    fn duties_hold_their_floors() {
        let (corpus, _) = shared_or_fail();
        let set = super::duties::load(&root().join("tests/golden/duties.json")).unwrap();
        let r = super::duties::run(&set, &corpus).unwrap();
        assert!(r.documents >= 20 && r.absent.is_empty(), "{:?}", r.absent);
        let floors = [
            ("recipients", &r.recipients, 0.95, 0.91),
            ("deadlines", &r.deadlines, 0.88, 0.78),
            ("tasks", &r.tasks, 0.75, 0.38),
        ];
        for (name, s, p, rc) in floors {
            assert!(
                s.precision >= p,
                "{name} precision {:.3}: {:#?}",
                s.precision,
                s.wrong
            );
            assert!(
                s.recall >= rc,
                "{name} recall {:.3}: {:#?}",
                s.recall,
                s.misses
            );
        }
    }

    /// Header fields against the 66 documents labelled by reading: the floors measured once
    /// issuers were named as people name them and PDF glyph codes read as letters (issue
    /// 20); `eval --headers` lists every disagreement.
    #[test]
    fn header_fields_hold_their_floors() {
        let (corpus, _) = shared_or_fail();
        let set = super::headers::load(&root().join("tests/golden/headers.json")).unwrap();
        let r = super::headers::run(&set, &corpus).unwrap();
        assert!(r.documents >= 60 && r.absent.is_empty(), "{:?}", r.absent);
        let floors = [
            ("number", 0.99),
            ("kind", 0.95),
            ("date", 0.96),
            ("issuer", 0.90),
            ("title", 0.90),
            ("signer", 0.98),
            ("tier", 0.90),
            ("branch", 0.90),
            ("province", 0.87),
        ];
        for (field, floor) in floors {
            let (right, n) = r.fields[field];
            let share = right as f64 / n as f64;
            let misses: Vec<_> = r.misses.iter().filter(|m| m.1 == field).collect();
            assert!(share >= floor, "{field} {share:.3} < {floor}: {misses:#?}");
        }
    }

    #[test]
    fn eval_agrees_with_the_labels_or_the_disagreement_is_explained() {
        let corpus = shared_corpus();
        let report = super::run(&corpus).unwrap();
        let party = &report.sets["party"];
        assert_eq!(
            party.implements.agree, party.implements.labelled,
            "party implements"
        );
        assert!(party.implements.labelled >= 3);
        let explained = std::fs::read_to_string(root().join("eval/explained.tsv")).unwrap();
        let rows: Vec<Vec<&str>> = explained
            .lines()
            .skip(1)
            .map(|l| l.split('\t').collect())
            .collect();
        let unexplained: Vec<_> = report
            .disagreements
            .iter()
            .filter(|d| d.set != "legal/phapdien")
            // signer and issuer are figures of agreement (the labels name bodies in many ways)
            .filter(|d| !matches!(d.field, "signer" | "issuer"))
            .filter(|d| {
                !rows
                    .iter()
                    .any(|r| r[0] == d.set && r[1] == d.id && r[2] == d.field)
            })
            .collect();
        assert!(
            unexplained.is_empty(),
            "not in eval/explained.tsv: {unexplained:#?}"
        );
        for (set, r) in &report.sets {
            assert!(
                r.says_implements.percent() >= 98.0,
                "{set}: {:.1}% of {} documents whose title or opening says what they carry out have it",
                r.says_implements.percent(),
                r.says_implements.labelled
            );
        }
        for set in ["legal/tvpl", "legal/web2025", "provincial"] {
            let r = &report.sets[set];
            assert!(
                r.own_number.percent() >= 97.0,
                "{set} own number {:.1}%",
                r.own_number.percent()
            );
            assert!(
                r.date.percent() >= 95.0,
                "{set} date {:.1}%",
                r.date.percent()
            );
        }
    }

    #[test]
    fn the_labelled_set_meets_its_targets() {
        let corpus = shared_corpus();
        let golden = root().join("tests/golden/relations.json");
        let r = super::golden::run(&golden, &corpus).unwrap();
        assert!(
            r.documents >= 40 && r.absent == 0,
            "{} documents",
            r.documents
        );
        let misses: Vec<String> = r
            .misses
            .iter()
            .map(|m| format!("{}#{} {} ({})", m.path, m.part, m.fact, m.what))
            .collect();
        let ib = r.implements_and_based_on;
        assert!(
            ib.precision() >= 0.97 && ib.recall() >= 0.95,
            "implements + based_on precision {:.3} recall {:.3}\n{}",
            ib.precision(),
            ib.recall(),
            misses.join("\n")
        );
        assert!(
            r.edges.precision() >= 0.95 && r.edges.recall() >= 0.9,
            "stated edges precision {:.3} recall {:.3}\n{}",
            r.edges.precision(),
            r.edges.recall(),
            misses.join("\n")
        );
    }
}
