//! What people would use instead of trichdan, built over the same documents and asked the
//! same questions, so `trichdan-lab bench` and `trichdan-lab eval` print both side by side:
//! SQLite FTS5 set up for Vietnamese as the guides say (`unicode61 remove_diacritics 2`, which
//! does not fold `đ`), ripgrep scanning the files, and tantivy with its default tokenizer on
//! one text field (a generic engine with none of our analysis). Part of the lab only: the
//! product does not carry SQLite. No network, no system library: SQLite is built from
//! source by rusqlite, ripgrep is Debian's `ripgrep` package.

pub mod fts5;
pub mod plain;
pub mod ripgrep;

use anyhow::Result;

pub use fts5::Fts5;
pub use plain::PlainTantivy;
pub use ripgrep::Ripgrep;

/// A search engine answering a query with document ids.
pub trait Peer {
    fn name(&self) -> &'static str;
    /// The best `limit` documents, best first (in the order the engine gives, for one that
    /// does not rank).
    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>>;
    /// Every document the query matches.
    fn matching(&self, query: &str) -> Result<Vec<String>>;
}
