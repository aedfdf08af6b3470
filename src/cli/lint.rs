//! `lint`: the data-quality report over the archive, as text for an archivist or as JSON.

use std::process::ExitCode;

use anyhow::Result;

use super::{open, out, print_json, OpenArgs};
use trichdan::console;
use trichdan::lint::Check;

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
        console::report(&mut out(), &report)?;
    }
    Ok(ExitCode::SUCCESS)
}
