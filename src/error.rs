//! The library's one error type: what went wrong, where, and what to do about it.

use std::path::PathBuf;

/// Everything the trichdan library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bytes that are not text in any encoding we accept.
    #[error(
        "{path}: not valid {encoding} at byte {offset}; save the file as UTF-8 \
         (or UTF-16 with a byte-order mark) and try again",
        path = path.display()
    )]
    Decode {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
    },
    /// A file in a known format whose content cannot be read as a document.
    #[error("{path}: {reason}", path = path.display())]
    Format { path: PathBuf, reason: String },
    /// A file could not be read.
    #[error("{path}: cannot read the file: {source}", path = path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A string that is not a document identifier (số ký hiệu).
    #[error(
        "{input:?} is not a document identifier: {reason} \
         (expected forms like 21-KL/TW, 07/CT-MTTW or 130/2020/NĐ-CP)"
    )]
    Identifier { input: String, reason: &'static str },
    /// Another process holds the index's writer lock.
    #[error(
        "{path}: the index is locked by another trichdan process that is writing to it; \
         wait for it to finish (or stop it) and try again",
        path = path.display()
    )]
    Locked { path: PathBuf },
    /// No index at the given place.
    #[error(
        "{path}: there is no index here; build one with `trichdan index --corpus DIR --index {path}`",
        path = path.display()
    )]
    NoIndex { path: PathBuf },
    /// An index written by an older trichdan, with other fields.
    #[error(
        "{path}: this index was built by an older version of trichdan; rebuild it with \
         `trichdan index --corpus DIR --index {path}`",
        path = path.display()
    )]
    Outdated { path: PathBuf },
    /// A search query that cannot be understood; the message is for the person who typed it.
    #[error("{0}")]
    Query(String),
    /// A failure inside the search index.
    #[error("index error: {0}")]
    Index(String),
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Index(e.to_string())
    }
}

impl From<tantivy::query::QueryParserError> for Error {
    fn from(e: tantivy::query::QueryParserError) -> Self {
        Error::Index(e.to_string())
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
