//! tantivy's defaults: one TEXT field (simple tokenizer, lowercased, no folding) and the
//! query parser's default (any word, BM25), in memory or in a folder.

use std::path::Path;

use anyhow::Result;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, Value, STORED, STRING, TEXT};
use tantivy::{doc, DocAddress, Index, IndexReader, Searcher, TantivyDocument};

use super::Peer;

pub struct PlainTantivy {
    reader: IndexReader,
    parser: QueryParser,
    id: Field,
}

impl PlainTantivy {
    /// Indexes `docs` (id, text) into a new index in `dir`, or in memory, with `threads`
    /// writer threads sharing `budget` bytes.
    pub fn build(
        dir: Option<&Path>,
        threads: usize,
        budget: usize,
        docs: impl Iterator<Item = Result<(String, String)>>,
    ) -> Result<PlainTantivy> {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let body = schema.add_text_field("body", TEXT);
        let index = match dir {
            Some(d) => {
                let _ = std::fs::remove_dir_all(d);
                std::fs::create_dir_all(d)?;
                Index::create_in_dir(d, schema.build())?
            }
            None => Index::create_in_ram(schema.build()),
        };
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads, budget)?;
        for d in docs {
            let (i, text) = d?;
            writer.add_document(doc!(id => i, body => text))?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index.reader()?;
        let parser = QueryParser::for_index(&index, vec![body]);
        Ok(PlainTantivy { reader, parser, id })
    }

    fn id_of(&self, searcher: &Searcher, addr: DocAddress) -> Result<String> {
        let stored: TantivyDocument = searcher.doc(addr)?;
        Ok(stored
            .get_first(self.id)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string())
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
            .map(|(_, addr)| self.id_of(&searcher, addr))
            .collect()
    }

    fn matching(&self, query: &str) -> Result<Vec<String>> {
        let (q, _errors) = self.parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let all = searcher.search(&q, &DocSetCollector)?;
        all.into_iter()
            .map(|addr| self.id_of(&searcher, addr))
            .collect()
    }
}
