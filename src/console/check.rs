//! What `trichdan check` found, for the person who runs it: each problem, then what to do.

use std::io::{self, Write};

use crate::engine::check::CheckReport;
use crate::message::check as words;

/// The verdict, then each problem and its cure.
pub fn check(o: &mut dyn Write, r: &CheckReport) -> io::Result<()> {
    if r.problems.is_empty() {
        return writeln!(o, "{}", words::sound(r.documents));
    }
    writeln!(o, "{}", words::found(r.problems.len()))?;
    for p in &r.problems {
        writeln!(o, "- {}\n  → {}", p.what, p.fix)?;
    }
    Ok(())
}
