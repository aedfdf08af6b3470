//! Word `.docx`: the paragraphs of `word/document.xml` in order, each on its line; a table
//! row on one line with its cells three spaces apart.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::Unreadable;
use crate::error::Limit;
use crate::message;

/// The text of a `.docx` file, or why it could not be read. `word/document.xml` may inflate
/// to at most `max_inflated` bytes, whatever the archive claims.
pub fn text(bytes: &[u8], max_inflated: u64) -> Result<String, Unreadable> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| message::format::NOT_ZIP.to_string())?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|_| message::format::NOT_WORD.to_string())?;
    let too_large = Unreadable::Limit(Limit::InflatedBytes(max_inflated));
    if part.size() > max_inflated {
        return Err(too_large);
    }
    let mut xml = String::new();
    part.take(max_inflated + 1)
        .read_to_string(&mut xml)
        .map_err(|_| message::format::XML_UNREADABLE.to_string())?;
    if xml.len() as u64 > max_inflated {
        return Err(too_large);
    }
    Ok(paragraphs(&xml)?)
}

/// Walks the XML: text runs into paragraphs, paragraphs into lines or cells.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut para, mut cell, mut row) =
        (String::new(), String::new(), String::new(), Vec::new());
    let mut in_text = false;
    let mut cell_depth = 0usize;
    loop {
        match reader
            .read_event()
            .map_err(|_| message::format::XML_DAMAGED.to_string())?
        {
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" if cell_depth > 0 => {
                    cell.push_str(para.trim());
                    cell.push(' ');
                    para.clear();
                }
                "p" => {
                    out.push_str(para.trim_end());
                    out.push('\n');
                    para.clear();
                }
                "tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    row.push(cell.trim().to_string());
                    cell.clear();
                }
                "tr" => {
                    out.push_str(&row.join("   "));
                    out.push('\n');
                    row.clear();
                }
                _ => {}
            },
            Event::Start(e) if e.local_name().as_ref() == "tc" => cell_depth += 1,
            Event::Empty(e) => match e.local_name().as_ref() {
                "ta" => para.push(' '),
                "br" | "cr" => para.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => match r.resolve_char_ref() {
                Ok(Some(c)) => para.push(c),
                _ => para.push_str(match r.xml10_content().as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                }),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}
