//! File formats staff have: plain text and Markdown as they are, HTML pages (body text,
//! portal metadata tables kept as rows, navigation and footers dropped), Word `.docx`
//! (paragraphs and table cells in order), Word 97–2003 `.doc` (through antiword), PDF with a
//! text layer, and scanned PDF (through OCR).
//!
//! Every reader turns bytes into text; table cells are separated by three spaces, the way
//! header columns are recognized downstream.

mod doc;
mod docx;
mod html;
mod ocr;
mod pdf;
mod tool;

use std::path::Path;

use crate::error::{Error, Limit, Result};
use crate::ingest::MAX_INFLATED_BYTES;

pub use html::{html_text, nesting};
pub use ocr::{MAX_OCR_PAGES, OCR_PIXELS};
pub use tool::TOOL_TIMEOUT;

/// A file format the corpus reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Doc,
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
            "doc" => Format::Doc,
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

/// The text of a binary file, and whether it was read from a scan by OCR.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub ocr: bool,
}

fn written(text: String) -> Extracted {
    Extracted { text, ocr: false }
}

/// The text of a `.docx`, `.doc` or `.pdf` file (binary formats; text formats are decoded
/// as text); a PDF without a text layer is read by OCR.
pub fn binary_text(format: Format, bytes: &[u8], path: &Path) -> Result<Extracted> {
    let result = match format {
        Format::Docx => docx::text(bytes, MAX_INFLATED_BYTES).map(written),
        Format::Doc => doc::text(bytes).map(written).map_err(Unreadable::from),
        Format::Pdf => match pdf::text(bytes) {
            Ok(Some(text)) => Ok(written(text)),
            Ok(None) => ocr::pdf_text(bytes)
                .map(|text| Extracted { text, ocr: true })
                .map_err(Unreadable::from),
            Err(e) => Err(Unreadable::from(e)),
        },
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
