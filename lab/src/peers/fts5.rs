//! SQLite FTS5, one `body` column, `unicode61 remove_diacritics 2`, ranked by its bm25: in
//! memory for an evaluation, or in a file for a bench (journal off, one transaction: the
//! fastest bulk load SQLite offers).

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::Connection;

use super::Peer;

pub struct Fts5 {
    db: Connection,
}

impl Fts5 {
    /// Loads `docs` (id, text) into a new database at `file`, or in memory.
    pub fn build(
        file: Option<&Path>,
        docs: impl Iterator<Item = Result<(String, String)>>,
    ) -> Result<Fts5> {
        let mut db = match file {
            Some(f) => {
                let _ = std::fs::remove_file(f);
                Connection::open(f)?
            }
            None => Connection::open_in_memory()?,
        };
        db.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;\
             CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, \
             tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        let tx = db.transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO docs (id, body) VALUES (?1, ?2)")?;
            for d in docs {
                let (id, text) = d?;
                insert.execute((&id, &text))?;
            }
        }
        tx.commit()?;
        Ok(Fts5 { db })
    }

    /// The query as FTS5 reads typed words: each word quoted (so `-`, `/` or `:` are not
    /// operators, and `124-QD/TW` is the phrase `124 qd tw`), all of them required; a quoted
    /// phrase stays a phrase.
    pub fn expression(query: &str) -> String {
        let q = query.trim();
        let words: Vec<&str> = match q.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            Some(inner) => vec![inner],
            None => q.split_whitespace().collect(),
        };
        words
            .iter()
            .map(|w| w.replace('"', ""))
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn ids(&self, sql: &str, query: &str, limit: i64) -> Result<Vec<String>> {
        let expression = Fts5::expression(query);
        if expression.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.db.prepare_cached(sql)?;
        let rows = stmt.query_map((expression, limit), |row| row.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .with_context(|| format!("FTS5 query {query:?}"))
    }
}

impl Peer for Fts5 {
    fn name(&self) -> &'static str {
        "FTS5"
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let sql = "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2";
        self.ids(sql, query, limit as i64)
    }

    fn matching(&self, query: &str) -> Result<Vec<String>> {
        self.ids(
            "SELECT id FROM docs WHERE docs MATCH ?1 LIMIT ?2",
            query,
            -1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts5_quotes_every_word_and_keeps_a_phrase() {
        assert_eq!(
            Fts5::expression("124-QD/TW dang uy"),
            "\"124-QD/TW\" \"dang\" \"uy\""
        );
        assert_eq!(Fts5::expression("\"xây dựng Đảng\""), "\"xây dựng Đảng\"");
        assert_eq!(Fts5::expression("\"-:"), "");
    }

    #[test]
    fn fts5_folds_tones_but_not_đ() {
        let docs = [("a", "Xây dựng Đảng"), ("b", "xay dung dang")];
        let db = Fts5::build(
            None,
            docs.iter().map(|(i, t)| Ok((i.to_string(), t.to_string()))),
        )
        .unwrap();
        assert_eq!(db.matching("xay dung").unwrap().len(), 2);
        assert_eq!(db.matching("dang").unwrap(), ["b"]);
        let cites = [("c", "Quy định 124-QĐ/TW"), ("d", "số 124, mục QD và TW")];
        let db = Fts5::build(
            None,
            cites
                .iter()
                .map(|(i, t)| Ok((i.to_string(), t.to_string()))),
        )
        .unwrap();
        assert!(
            db.matching("124-QD/TW").unwrap().is_empty(),
            "a phrase, and Đ is not D"
        );
        assert_eq!(db.matching("124-QĐ/TW").unwrap(), ["c"]);
    }
}
