//! `follow-up` and `due`: a directive's follow-up as a table (or JSON, CSV, a workbook) and
//! the agenda of what falls due in a period across the archive.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{open, out, print_json, OpenArgs};
use trichdan::console;
use trichdan::date::Date;
use trichdan::followup::sheet;
use trichdan::message::follow;

#[derive(clap::Args)]
pub struct FollowArgs {
    /// The directive: an identifier (31-CTr/TW), a scoped node or a corpus id.
    pub id: String,
    /// The day deadlines are judged on (YYYY-MM-DD; today by default).
    #[arg(long, value_parser = day)]
    pub as_of: Option<Date>,
    /// Also write the table as CSV to this file.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Also write the table and the deadlines as an Excel workbook to this file.
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
    #[command(flatten)]
    pub open: OpenArgs,
}

#[derive(clap::Args)]
pub struct DueArgs {
    /// The first day (YYYY-MM-DD; today by default).
    #[arg(long, value_parser = day)]
    pub from: Option<Date>,
    /// The last day (YYYY-MM-DD; 30 days after --from by default).
    #[arg(long, value_parser = day)]
    pub to: Option<Date>,
    #[command(flatten)]
    pub open: OpenArgs,
}

fn day(s: &str) -> Result<Date, String> {
    s.parse().map_err(|_| follow::BAD_DATE.to_string())
}

pub fn follow_up(a: &FollowArgs) -> Result<ExitCode> {
    let engine = open(&a.open)?;
    let as_of = a.as_of.unwrap_or_else(Date::today);
    let f = match engine.follow_up(&a.id, as_of) {
        Ok(f) => f,
        Err(e) => return super::graph::failed(&engine, e, a.open.json),
    };
    if let Some(p) = &a.csv {
        std::fs::write(p, sheet::csv(&f)).with_context(|| format!("writing {}", p.display()))?;
    }
    if let Some(p) = &a.xlsx {
        let bytes = sheet::xlsx(&f).context("making the workbook")?;
        std::fs::write(p, bytes).with_context(|| format!("writing {}", p.display()))?;
    }
    if a.open.json {
        print_json(&f)?;
    } else {
        console::follow_up(&mut out(), &f)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn due(a: &DueArgs) -> Result<ExitCode> {
    let from = a.from.unwrap_or_else(Date::today);
    let to = a.to.unwrap_or_else(|| Date::from_days(from.days() + 30));
    if to < from || to.days() - from.days() > 3 * 366 {
        anyhow::bail!(follow::BAD_PERIOD);
    }
    let agenda = open(&a.open)?.agenda(from, to);
    if a.open.json {
        print_json(&agenda)?;
    } else {
        console::agenda(&mut out(), &agenda)?;
    }
    Ok(ExitCode::SUCCESS)
}
