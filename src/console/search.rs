//! Search hits as a person reads them in a terminal: the count and time, how the query was
//! read, then each hit with its fields and snippet.

use std::io::{self, Write};

use crate::index::SearchResult;
use crate::message;

/// Writes the result of a search that took `took` seconds; `bold` marks the matched words
/// with terminal bold (else «»).
pub fn hits(o: &mut dyn Write, r: &SearchResult, took: f64, bold: bool) -> io::Result<()> {
    writeln!(o, "{}", message::found(r.total, took))?;
    if let Some(relaxed) = &r.relaxed {
        writeln!(o, "{}", relaxed.note)?;
    }
    for e in &r.expanded {
        writeln!(o, "{}", message::expanded(&e.typed, &e.forms))?;
    }
    for i in &r.interpreted {
        let mut said = i.candidates.iter().map(|c| c.said.as_str());
        if let Some(first) = said.next() {
            writeln!(o, "{}", message::interpreted(&i.typed, first))?;
        }
        for other in said {
            writeln!(o, "  {} {other}", message::DID_YOU_MEAN)?;
        }
    }
    if r.total == 0 {
        writeln!(o, "{}", message::NO_RESULTS)?;
    }
    for (i, h) in r.hits.iter().enumerate() {
        let field = |v: &Option<String>| v.clone().unwrap_or_else(|| message::NONE.into());
        let date = h.date.map_or(message::NONE.into(), |d| d.display());
        writeln!(
            o,
            "\n{}. {}  [{}]\n   {} · {} · {} · {}",
            i + 1,
            h.label,
            h.id,
            field(&h.kind),
            date,
            field(&h.level),
            field(&h.place),
        )?;
        writeln!(o, "   {}", plain(&h.snippet, bold))?;
    }
    Ok(())
}

/// A snippet for a terminal: marks in bold (or «» when not a terminal), entities decoded.
pub fn plain(snippet: &str, bold: bool) -> String {
    let (on, off) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    snippet
        .replace("<b>", on)
        .replace("</b>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
