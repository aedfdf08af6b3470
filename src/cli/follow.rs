//! `follow-up` and `due`: a directive's follow-up as a table (or JSON, CSV, a workbook) and
//! the agenda of what falls due in a period across the archive.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{open, out, print_json, OpenArgs};
use trichdan::date::Date;
use trichdan::duty::Due;
use trichdan::followup::{agenda::Agenda, sheet, DueItem, FollowUp};
use trichdan::message::{self, follow};

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
        Err(e) => return super::graph::failed(e, a.open.json),
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
        print_follow_up(&mut out(), &f)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A due day as staff read it: the date, or the recurrence.
pub fn due_text(d: &DueItem) -> String {
    match (d.next, d.due) {
        (Some(n), Due::On { .. } | Due::After { .. }) => n.display(),
        (Some(n), Due::Every { period }) => {
            format!("{} (kỳ tới {})", follow::every(period), n.display())
        }
        (None, Due::Every { period }) => follow::every(period).to_string(),
        (None, _) => message::NONE.to_string(),
    }
}

fn print_follow_up(o: &mut impl Write, f: &FollowUp) -> Result<()> {
    let head = [f.kind.as_deref(), Some(f.node.as_str()), f.title.as_deref()];
    let head: Vec<&str> = head.into_iter().flatten().collect();
    writeln!(o, "{} — {}", follow::TITLE, head.join(" "))?;
    writeln!(
        o,
        "Tính đến ngày {}. {}",
        f.as_of.display(),
        follow::summary(f.acted, f.asked)
    )?;
    if f.units.is_empty() {
        writeln!(o, "{}", follow::NO_RECIPIENTS)?;
    }
    for u in &f.units {
        let status = match u.plans.first() {
            Some(p) => {
                let lag = p.days_after.map(follow::lag).unwrap_or_default();
                format!(
                    "{} {} {}",
                    p.node,
                    p.date.map(|d| d.display()).unwrap_or_default(),
                    lag
                )
            }
            None => follow::NOT_SEEN.to_string(),
        };
        writeln!(o, "  {:<48} {}", u.name, status)?;
    }
    if !f.tasks.is_empty() {
        writeln!(o, "\nNhiệm vụ được giao:")?;
        for t in &f.tasks {
            writeln!(o, "  {} ({}): {}", t.unit, follow::role(t.role), t.text)?;
        }
    }
    if !f.unexpanded.is_empty() {
        writeln!(o, "\n{}:", follow::UNEXPANDED)?;
        for r in &f.unexpanded {
            writeln!(o, "  {r}")?;
        }
    }
    if !f.unasked.is_empty() {
        writeln!(o, "\n{}:", follow::UNASKED)?;
        for p in &f.unasked {
            let lag = p.days_after.map(follow::lag).unwrap_or_default();
            let issuer = p.issuer.as_deref().unwrap_or(message::NONE);
            writeln!(o, "  {issuer:<48} {} {lag}", p.node)?;
        }
        if f.unasked_total > f.unasked.len() {
            writeln!(o, "  {}", follow::more(f.unasked_total - f.unasked.len()))?;
        }
    }
    if !f.lags.is_empty() {
        writeln!(o, "\nThời gian ban hành văn bản thực hiện (trung vị):")?;
        for l in &f.lags {
            let tier = l.tier.map_or("Chưa rõ cấp", |t| t.name());
            let days = l
                .median_days
                .map_or(message::NONE.to_string(), |d| format!("{d} ngày"));
            writeln!(o, "  {tier:<16} {days} ({} văn bản)", l.plans)?;
        }
    }
    if !f.deadlines.is_empty() {
        writeln!(o, "\nThời hạn, báo cáo:")?;
        for d in &f.deadlines {
            let unit = d.unit.as_deref().unwrap_or("");
            writeln!(
                o,
                "  {:<24} {:<16} {} — {} [{}]",
                due_text(d),
                follow::status(d.status),
                d.text,
                unit,
                d.from
            )?;
        }
    }
    Ok(())
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
        print_agenda(&mut out(), &agenda)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_agenda(o: &mut impl Write, a: &Agenda) -> Result<()> {
    writeln!(
        o,
        "{}",
        follow::agenda(&a.from.display(), &a.to.display(), a.total)
    )?;
    for u in &a.units {
        writeln!(o, "\n{}", u.unit.as_deref().unwrap_or(follow::NO_UNIT))?;
        for d in &u.items {
            writeln!(o, "  {:<24} {} [{}]", due_text(d), d.text, d.from)?;
        }
    }
    Ok(())
}
