//! The data-quality report as text for an archivist.

use std::io::{self, Write};

use crate::lint::{Finding, Place, Report};
use crate::message::lint;

/// The report: counts per check, then each check's findings with their places.
pub fn report(o: &mut dyn Write, r: &Report) -> io::Result<()> {
    writeln!(o, "{}", lint::summary(r.documents, r.findings.len()))?;
    for c in &r.counts {
        writeln!(o, "  {:>6}  {}", c.count, c.label)?;
    }
    for c in r.counts.iter().filter(|c| c.count > 0) {
        writeln!(o, "\n== {} ({}) ==", c.label, c.count)?;
        for f in r.findings.iter().filter(|f| f.check == c.check) {
            finding(o, f)?;
        }
    }
    Ok(())
}

fn finding(o: &mut dyn Write, f: &Finding) -> io::Result<()> {
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
