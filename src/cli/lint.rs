//! `lint`: the data-quality report over the archive, as text for an archivist or as JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{open, out, print_json, OpenArgs};
use trichdan::lint::{Check, Finding, Place, Report};
use trichdan::message::lint;

#[derive(clap::Args)]
pub struct LintArgs {
    /// Only this check (qd_qdi, doubled_suffix, kind_disagrees, date_disagrees,
    /// issuer_disagrees, no_own_number, legacy_encoding, unread).
    #[arg(long, value_parser = check)]
    pub check: Option<Check>,
    #[command(flatten)]
    pub open: OpenArgs,
}

fn check(s: &str) -> Result<Check, String> {
    Check::parse(s).ok_or_else(|| format!("unknown check `{s}`"))
}

pub fn lint(a: &LintArgs) -> Result<ExitCode> {
    let report = open(&a.open)?.lint()?;
    let mut report = (*report).clone();
    if let Some(only) = a.check {
        report.findings.retain(|f| f.check == only);
        report.counts.retain(|c| c.check == only);
    }
    if a.open.json {
        print_json(&report)?;
    } else {
        print_report(&mut out(), &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(o: &mut impl Write, r: &Report) -> Result<()> {
    writeln!(o, "{}", lint::summary(r.documents, r.findings.len()))?;
    for c in &r.counts {
        writeln!(o, "  {:>6}  {}", c.count, c.label)?;
    }
    for c in r.counts.iter().filter(|c| c.count > 0) {
        writeln!(o, "\n== {} ({}) ==", c.label, c.count)?;
        for f in r.findings.iter().filter(|f| f.check == c.check) {
            print_finding(o, f)?;
        }
    }
    Ok(())
}

fn print_finding(o: &mut impl Write, f: &Finding) -> Result<()> {
    writeln!(o, "{}: {}", f.subject, f.detail)?;
    for p in f
        .places
        .iter()
        .filter(|p| p.doc != f.subject || p.span.is_some())
    {
        writeln!(o, "    {}", place(p))?;
    }
    Ok(())
}

/// `doc [start–end] …words [hit] words…`, or the document and what it says.
fn place(p: &Place) -> String {
    let at = match p.span {
        Some([s, e]) => format!("{} [{s}–{e}]", p.doc),
        None => format!("{} ({})", p.doc, lint::HEADER),
    };
    match (&p.excerpt, &p.said) {
        (Some(x), _) => format!("{at} …{}[{}]{}…", x.before, x.hit, x.after),
        (None, Some(said)) => format!("{at} «{said}»"),
        (None, None) => at,
    }
}
