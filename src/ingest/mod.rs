//! Reading files into documents, for `index`, `add` and uploads alike: bytes → decoded text →
//! composed text → [`Document`]s, with limits on what a file may weigh and inflate to, text
//! that is not text refused, and a panic in any reader caught and reported with its file — a
//! bad file never takes a run down with it.

mod listing;

use std::path::Path;

use crate::doc::Document;
use crate::error::{Error, Limit, Result};
use crate::format::{self, html_text, Format};
use crate::text::{compose, decode, glyph, legacy, DecodeFailure};

pub use listing::{
    doc_id, files, ids, inputs, is_folder_note, listing, walk, Input, Listing, EXTENSIONS,
};

/// The most a file may weigh.
pub const MAX_FILE_BYTES: u64 = 64_000_000;
/// The deepest an HTML page may nest its elements.
pub const MAX_NESTING: usize = 5_000;
/// The most a compressed part of a file (a `.docx`'s `word/document.xml`) may inflate to.
pub const MAX_INFLATED_BYTES: u64 = 64_000_000;
/// Text with more than this share of characters that are not text (control characters,
/// private-use or replacement characters) is refused as not text. Random bytes read as an
/// 8-bit encoding give about a quarter; the worst real file of the shared corpus (a PDF
/// converted with its font's private glyph codes) 3%, and it still cites readable numbers.
const MAX_NOT_TEXT_SHARE: f64 = 0.10;

/// What may enter the index. A document stamped `MẬT`, `TỐI MẬT` or `TUYỆT MẬT` is kept out
/// unless the operator allows classified documents on this machine (`--allow-classified`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    pub allow_classified: bool,
}

impl Policy {
    /// The documents read from `path`, or [`Error::Classified`] when one is stamped secret
    /// and that is not allowed (a bundle is kept out whole: its parts share one file).
    pub fn admit(self, path: &Path, docs: Vec<Document>) -> Result<Vec<Document>> {
        if self.allow_classified {
            return Ok(docs);
        }
        match docs.iter().filter_map(|d| d.classification).max() {
            Some(c) => Err(Error::Classified {
                path: path.to_path_buf(),
                mark: c.label(),
            }),
            None => Ok(docs),
        }
    }
}

/// Reads one file into a document whose id is the file name without its extension.
pub fn read_document(path: &Path) -> Result<Document> {
    let mut docs = read_documents(path)?;
    Ok(docs.swap_remove(0))
}

/// Reads one file into the documents it holds, ids from the file name (see [`read`]).
pub fn read_documents(path: &Path) -> Result<Vec<Document>> {
    read(&Input {
        path: path.to_path_buf(),
        id: doc_id(path),
    })
}

/// Reads one input into the documents it holds: one, or each document of a bundle such as a
/// Công báo issue (see [`crate::doc::bundle`]), with ids `<id>`, `<id>#2`, `<id>#3` … A panic
/// anywhere in reading is caught and returned as [`Error::Unreadable`] naming the file.
pub fn read(input: &Input) -> Result<Vec<Document>> {
    let weight = std::fs::metadata(&input.path).map_err(|source| Error::Io {
        path: input.path.clone(),
        source,
    })?;
    if weight.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: input.path.clone(),
            limit: Limit::FileBytes(MAX_FILE_BYTES),
        });
    }
    let bytes = std::fs::read(&input.path).map_err(|source| Error::Io {
        path: input.path.clone(),
        source,
    })?;
    read_bytes(&input.path, &input.id, &bytes)
}

/// Reads a file's bytes (named `path`, for its format and messages) into its documents.
pub fn read_bytes(path: &Path, id: &str, bytes: &[u8]) -> Result<Vec<Document>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit: Limit::FileBytes(MAX_FILE_BYTES),
        });
    }
    std::panic::catch_unwind(|| documents(path, id, bytes))
        .unwrap_or_else(|panic| Err(Error::panicked(path, panic)))
}

fn documents(path: &Path, id: &str, bytes: &[u8]) -> Result<Vec<Document>> {
    let source = text_of(path, bytes)?;
    let text = &source.text;
    let starts = crate::doc::bundle::starts(text);
    if starts.is_empty() {
        return Ok(vec![document(id.to_string(), text.clone(), &source)]);
    }
    Ok(starts
        .iter()
        .enumerate()
        .map(|(k, &at)| {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            let part = if k == 0 {
                id.to_string()
            } else {
                format!("{id}#{}", k + 1)
            };
            document(part, text[at..end].to_string(), &source)
        })
        .collect())
}

fn document(id: String, text: String, source: &Source) -> Document {
    let mut doc = Document::from_text(id, text);
    doc.encoding = source.encoding.clone();
    doc.ocr = source.ocr;
    doc
}

/// A file's text, decoded (legacy encodings converted) and composed; the legacy encoding it
/// was converted from; whether it was read from a scan by OCR.
struct Source {
    text: String,
    encoding: Option<String>,
    ocr: bool,
}

fn text_of(path: &Path, bytes: &[u8]) -> Result<Source> {
    let format = Format::of(path).unwrap_or(Format::Text);
    let mut ocr = false;
    let (text, encoding) = match format {
        Format::Text | Format::Html => {
            let (text, encoding) = decode_any(bytes).map_err(|f| Error::Decode {
                path: path.to_path_buf(),
                encoding: f.encoding,
                offset: f.offset,
            })?;
            let text = if format == Format::Html {
                if format::nesting(&text) > MAX_NESTING {
                    return Err(Error::TooLarge {
                        path: path.to_path_buf(),
                        limit: Limit::Nesting(MAX_NESTING),
                    });
                }
                html_text(&text)
            } else {
                text
            };
            (text, encoding)
        }
        Format::Docx | Format::Doc | Format::Pdf => {
            let read = format::binary_text(format, bytes, path)?;
            ocr = read.ocr;
            (read.text, None)
        }
    };
    if !is_text(&text) {
        return Err(Error::NotText {
            path: path.to_path_buf(),
        });
    }
    Ok(Source {
        text: compose(&text),
        encoding,
        ocr,
    })
}

/// False when more than [`MAX_NOT_TEXT_SHARE`] of the characters cannot be in a document:
/// control characters other than line breaks, tabs and form feeds, private-use code points,
/// noncharacters and the replacement character (what random bytes turn into).
pub fn is_text(text: &str) -> bool {
    let (mut all, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        let odd = match c {
            '\n' | '\r' | '\t' | '\x0c' => false,
            c if c.is_control() => true,
            '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}' => true,
            '\u{FDD0}'..='\u{FDEF}' => true,
            _ => false,
        };
        bad += odd as usize;
    }
    bad == 0 || (bad as f64) <= MAX_NOT_TEXT_SHARE * all as f64
}

/// Decodes a file's bytes, converting text typed in a legacy Vietnamese encoding: 8-bit
/// TCVN3 or VNI bytes (which are not UTF-8), or such text already mis-decoded into Latin-1
/// characters; and words a PDF extractor wrote as a font's glyph codes. Returns the text and, when it was converted, which encoding it was in.
pub fn decode_any(bytes: &[u8]) -> Result<(String, Option<String>), DecodeFailure> {
    match decode(bytes) {
        Ok(text) => Ok(match legacy::detect(&text) {
            Some(l) => (
                legacy::convert(&text, l),
                Some(format!("{} (mis-decoded)", l.name())),
            ),
            None if glyph::detect(&text) => (glyph::convert(&text), Some(glyph::NAME.into())),
            None => (text, None),
        }),
        Err(failure) => {
            let latin = legacy::latin1(bytes);
            match legacy::detect(&latin) {
                Some(l) => Ok((
                    legacy::convert(&latin, l),
                    Some(format!("{} (8-bit)", l.name())),
                )),
                None => Err(failure),
            }
        }
    }
}
