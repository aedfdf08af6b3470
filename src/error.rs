//! The library's one error type: what went wrong and where, as variants a caller can act on
//! (the server maps each to one HTTP status). It stands on nothing else in the crate: the words
//! people read, and its `Display`, are in [`crate::message`].

use std::path::PathBuf;

/// Everything the trichdan library can fail with.
#[derive(Debug)]
pub enum Error {
    /// Bytes that are not text in any encoding we accept.
    Decode {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
    },
    /// Bytes that decode but are not text: mostly control characters or unassigned code points.
    NotText { path: PathBuf },
    /// A file in a known format whose content cannot be read as a document.
    Format { path: PathBuf, reason: String },
    /// A document stamped secret (`MẬT` …), kept out of the index: classified documents are
    /// indexed only when the operator allows them.
    Classified { path: PathBuf, mark: &'static str },
    /// A file over one of the reader's limits.
    TooLarge { path: PathBuf, limit: Limit },
    /// Reading a file failed inside a dependency (a panic, caught); the run goes on.
    Unreadable { path: PathBuf, cause: String },
    /// A file could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A string that is not a document identifier (số ký hiệu).
    Identifier { input: String, reason: IdProblem },
    /// The index's folder cannot be written (a read-only mount): it is read, not written.
    ReadOnly { path: PathBuf },
    /// The disk holding the index is full: the write did not happen, what was committed stays.
    DiskFull { path: PathBuf },
    /// Another process holds the index's writer lock.
    Locked { path: PathBuf },
    /// No index at the given place.
    NoIndex { path: PathBuf },
    /// An index written by an older trichdan, with other fields.
    Outdated { path: PathBuf },
    /// The index is being built and cannot answer yet.
    Building,
    /// A search query that cannot be understood; the message is for the person who typed it.
    Query(String),
    /// An identifier or node the archive does not know, with the nearest known spellings.
    NotFound {
        query: String,
        suggestions: Vec<String>,
    },
    /// A corpus document id the index does not hold.
    NoDocument { id: String },
    /// An identifier that names several documents: the names of their nodes
    /// (`107-KH/TU@Quảng Nam` …), each of which names one; `Engine::lookup` describes them.
    Ambiguous { query: String, nodes: Vec<String> },
    /// The index's files could not be read or written (disk, corruption): not the caller's doing.
    Storage(Box<tantivy::TantivyError>),
    /// A stored record that cannot be read back (written by a broken or foreign writer).
    Corrupt { what: String, reason: String },
    /// An export folder (`trichdan export`) whose file cannot be read as one: the caller
    /// exports again.
    BadExport { what: String, reason: String },
}

/// A limit a file went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The file itself weighs more than this many bytes.
    FileBytes(u64),
    /// A compressed part (a `.docx`'s XML) inflates to more than this many bytes.
    InflatedBytes(u64),
    /// An HTML page nests elements deeper than this (the parser's cost grows with the square
    /// of the depth: 22 s for 100,000 levels).
    Nesting(usize),
}

/// Why a string is not an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    YearNotNumber,
    NoNumber,
    UnknownOrder,
}

impl Error {
    /// A panic caught while reading `path`, with what it said.
    pub fn panicked(path: &std::path::Path, payload: Box<dyn std::any::Any + Send>) -> Error {
        let cause = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Error::Unreadable {
            path: path.to_path_buf(),
            cause,
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Storage(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Storage(Box::new(e))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
