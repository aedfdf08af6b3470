//! Reading files into documents: bytes → decoded text → composed text → [`Document`].

use std::path::{Path, PathBuf};

use crate::doc::Document;
use crate::error::{Error, Result};
use crate::format::{self, html_text, Format};
use crate::text::{compose, decode, legacy, DecodeFailure};

/// File extensions read as documents.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "docx", "pdf"];

/// Reads one file into a document whose id is the file name without its extension.
pub fn read_document(path: &Path) -> Result<Document> {
    let (text, encoding) = read_text(path)?;
    Ok(document(doc_id(path), text, encoding))
}

fn document(id: String, text: String, encoding: Option<String>) -> Document {
    let mut doc = Document::from_text(id, text);
    doc.encoding = encoding;
    doc
}

/// Reads one file into the documents it holds: one, or each document of a bundle such as a
/// Công báo issue (see [`crate::doc::bundle`]), with ids `<stem>`, `<stem>#2`, `<stem>#3` …
pub fn read_documents(path: &Path) -> Result<Vec<Document>> {
    let (text, encoding) = read_text(path)?;
    let starts = crate::doc::bundle::starts(&text);
    if starts.is_empty() {
        return Ok(vec![document(doc_id(path), text, encoding)]);
    }
    let stem = doc_id(path);
    Ok(starts
        .iter()
        .enumerate()
        .map(|(k, &at)| {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            let id = if k == 0 {
                stem.clone()
            } else {
                format!("{stem}#{}", k + 1)
            };
            document(id, text[at..end].to_string(), encoding.clone())
        })
        .collect())
}

/// A file's text, decoded (legacy encodings converted) and composed, and the legacy
/// encoding it was converted from.
fn read_text(path: &Path) -> Result<(String, Option<String>)> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let format = Format::of(path).unwrap_or(Format::Text);
    let (text, encoding) = match format {
        Format::Text | Format::Html => {
            let (text, encoding) = decode_any(&bytes).map_err(|f| Error::Decode {
                path: path.to_path_buf(),
                encoding: f.encoding,
                offset: f.offset,
            })?;
            let text = if format == Format::Html {
                html_text(&text)
            } else {
                text
            };
            (text, encoding)
        }
        Format::Docx | Format::Pdf => (format::binary_text(format, &bytes, path)?, None),
    };
    Ok((compose(&text), encoding))
}

/// Decodes a file's bytes, converting text typed in a legacy Vietnamese encoding: 8-bit
/// TCVN3 or VNI bytes (which are not UTF-8), or such text already mis-decoded into Latin-1
/// characters. Returns the text and, when it was converted, which encoding it was in.
pub fn decode_any(bytes: &[u8]) -> Result<(String, Option<String>), DecodeFailure> {
    match decode(bytes) {
        Ok(text) => Ok(match legacy::detect(&text) {
            Some(l) => (
                legacy::convert(&text, l),
                Some(format!("{} (mis-decoded)", l.name())),
            ),
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

/// The stable id of a document file: its stem (`000_a72d46ed5ce96127`).
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every document file under `dir`, sorted, following the extensions above; files that are
/// notes about a folder rather than documents ([`listing`] names them) are left out.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(listing(dir)?.documents)
}

/// The files of a folder: the documents, and those with a document's extension that are not
/// documents (`README.md`, `SOURCES.md`, `LICENSE.txt`), skipped and named so a user sees them.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub documents: Vec<PathBuf>,
    pub skipped: Vec<PathBuf>,
}

/// Lists the files under `dir`, sorted, sorting out what is not a document.
pub fn listing(dir: &Path) -> Result<Listing> {
    let (skipped, documents) = walk(dir, &has_document_extension)?
        .into_iter()
        .partition(|p| is_folder_note(p));
    Ok(Listing { documents, skipped })
}

/// Names of files that describe a folder: never a document, whatever their extension.
const FOLDER_NOTES: &[&str] = &[
    "README",
    "SOURCES",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "NOTICE",
    "CHANGELOG",
    "AUTHORS",
];

/// True for a file named like a note about its folder (`README.md`, `sources.txt`).
pub fn is_folder_note(path: &Path) -> bool {
    let stem = doc_id(path).to_ascii_uppercase();
    FOLDER_NOTES.iter().any(|n| {
        stem == *n || stem.starts_with(&format!("{n}.")) || stem.starts_with(&format!("{n}_"))
    })
}

/// Every file under `dir` (recursively) that `keep` accepts, sorted.
pub fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let io = |source| Error::Io {
            path: d.clone(),
            source,
        };
        for entry in std::fs::read_dir(&d).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_dir() {
                stack.push(path);
            } else if keep(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}
