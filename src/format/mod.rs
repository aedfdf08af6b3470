//! File formats staff have: plain text and Markdown as they are, HTML pages (body text,
//! portal metadata tables kept as rows, navigation and footers dropped), Word `.docx`
//! (paragraphs and table cells in order) and PDF with a text layer.
//!
//! Every reader turns bytes into text; table cells are separated by three spaces, the way
//! header columns are recognized downstream.

mod docx;
mod html;
mod pdf;

use std::path::Path;

use crate::error::{Error, Limit, Result};
use crate::ingest::MAX_INFLATED_BYTES;

pub use html::{html_text, nesting};

/// A file format the corpus reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Pdf,
}

impl Format {
    /// The format of a file, by its extension.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" => Format::Text,
            "html" | "htm" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

/// Why a binary file gave no text: a reason, or a limit it went over.
#[derive(Debug)]
pub enum Unreadable {
    Reason(String),
    Limit(Limit),
}

impl From<String> for Unreadable {
    fn from(reason: String) -> Self {
        Unreadable::Reason(reason)
    }
}

/// The text of a `.docx` or `.pdf` file (binary formats; text formats are decoded as text).
pub fn binary_text(format: Format, bytes: &[u8], path: &Path) -> Result<String> {
    let result = match format {
        Format::Docx => docx::text(bytes, MAX_INFLATED_BYTES),
        Format::Pdf => pdf::text(bytes).map_err(Unreadable::from),
        Format::Text | Format::Html => Err(crate::message::format::NOT_BINARY.to_string().into()),
    };
    result.map_err(|u| match u {
        Unreadable::Reason(reason) => Error::Format {
            path: path.to_path_buf(),
            reason,
        },
        Unreadable::Limit(limit) => Error::TooLarge {
            path: path.to_path_buf(),
            limit,
        },
    })
}
