//! A directive's follow-up and the agenda of what falls due, as text reports.

use std::io::{self, Write};

use crate::duty::Due;
use crate::followup::{agenda::Agenda, DueItem, FollowUp};
use crate::message::{self, follow};

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

/// A directive's follow-up as a report: units asked and what each issued, tasks, units
/// not asked that acted, median lags, deadlines with their status.
pub fn follow_up(o: &mut dyn Write, f: &FollowUp) -> io::Result<()> {
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

/// What falls due in a period, by unit.
pub fn agenda(o: &mut dyn Write, a: &Agenda) -> io::Result<()> {
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
