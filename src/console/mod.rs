//! What the command line prints, as functions over any writer: search hits, chains and
//! candidates, a directive's follow-up, the agenda, the lint report, and a build's progress
//! and summary. The `trichdan` binary and the lab print through them; tests call them on a
//! buffer. The words are [`crate::message`]'s.

mod build;
mod check;
mod follow;
mod graph;
mod lint;
mod search;

pub use build::{
    add, build, default_options, must_build, open_at, threads, Built, DEFAULT_MEMORY_MB,
};
pub use check::check;
pub use follow::{agenda, due_text, follow_up};
pub use graph::{candidates, citations, describe, related, tree};
pub use lint::report;
pub use search::{hits, plain};

use std::io::{self, Write};

/// One JSON value on a line, as `--json` prints answers.
pub fn json(o: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *o, value)?;
    writeln!(o)
}
