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

use crate::error::{Error, Result};

pub use html::html_text;

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

/// The text of a `.docx` or `.pdf` file (binary formats; text formats are decoded as text).
pub fn binary_text(format: Format, bytes: &[u8], path: &Path) -> Result<String> {
    let fail = |reason: String| Error::Format {
        path: path.to_path_buf(),
        reason,
    };
    match format {
        Format::Docx => docx::text(bytes).map_err(fail),
        Format::Pdf => pdf::text(bytes).map_err(fail),
        Format::Text | Format::Html => Err(fail("not a binary format".into())),
    }
}
