//! The engines a ranking is compared with, over the same documents: SQLite FTS5 as people
//! set it up for Vietnamese (`unicode61 remove_diacritics 2`, which does not fold `đ`), and
//! tantivy with its default tokenizer and query parser on one text field (a generic engine
//! with none of our analysis).

use anyhow::{Context, Result};
use rusqlite::Connection;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, Value, STORED, STRING, TEXT};
use tantivy::{doc, Index, IndexReader, TantivyDocument};

use trichdan::doc::Document;

/// A search engine answering a query with document ids, best first.
pub trait Peer {
    fn name(&self) -> &'static str;
    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>>;
}

/// SQLite FTS5 in memory, one `body` column, ranked by its bm25.
pub struct Fts5 {
    db: Connection,
}

impl Fts5 {
    pub fn build(docs: &[Document]) -> Result<Fts5> {
        let mut db = Connection::open_in_memory()?;
        db.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, \
             tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        let tx = db.transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO docs (id, body) VALUES (?1, ?2)")?;
            for d in docs {
                insert.execute((&d.id, &d.text))?;
            }
        }
        tx.commit()?;
        Ok(Fts5 { db })
    }

    /// The query as FTS5 reads typed words: each word quoted (so `-`, `/` or `:` are not
    /// operators), all of them required.
    fn expression(query: &str) -> String {
        query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Peer for Fts5 {
    fn name(&self) -> &'static str {
        "FTS5"
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let expression = Fts5::expression(query);
        if expression.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .db
            .prepare_cached("SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2")?;
        let rows = stmt.query_map((expression, limit as i64), |row| row.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .with_context(|| format!("FTS5 query {query:?}"))
    }
}

/// tantivy's defaults: one TEXT field (simple tokenizer, lowercased, no folding), the
/// query parser's default (any word, BM25).
pub struct PlainTantivy {
    reader: IndexReader,
    parser: QueryParser,
    id: Field,
}

impl PlainTantivy {
    pub fn build(docs: &[Document]) -> Result<PlainTantivy> {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer::<TantivyDocument>(200_000_000)?;
        for d in docs {
            writer.add_document(doc!(id => d.id.clone(), body => d.text.clone()))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let parser = QueryParser::for_index(&index, vec![body]);
        Ok(PlainTantivy { reader, parser, id })
    }
}

impl Peer for PlainTantivy {
    fn name(&self) -> &'static str {
        "tantivy"
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let (q, _errors) = self.parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(limit))?;
        top.into_iter()
            .map(|(_, addr)| {
                let stored: TantivyDocument = searcher.doc(addr)?;
                Ok(stored
                    .get_first(self.id)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts5_quotes_every_word() {
        assert_eq!(
            Fts5::expression("124-QD/TW dang uy"),
            "\"124\" \"QD\" \"TW\" \"dang\" \"uy\""
        );
        assert_eq!(Fts5::expression("\"-:"), "");
    }
}
