//! Writing documents: add or replace by id, remove, clear, commit. A commit is atomic: a
//! writer killed before it leaves the last commit as it was.

use tantivy::schema::Term;
use tantivy::{IndexWriter, TantivyDocument};

use super::schema::Fields;
use super::store::SearchIndex;
use crate::cite::Relation;
use crate::doc::Document;
use crate::error::Result;
use crate::text::{fold, tone_key};

/// The index's one writer (it holds the directory lock until dropped).
pub struct Writer<'a> {
    store: &'a SearchIndex,
    inner: IndexWriter,
}

impl<'a> Writer<'a> {
    pub(super) fn new(store: &'a SearchIndex, inner: IndexWriter) -> Self {
        Writer { store, inner }
    }

    /// Adds `doc`, replacing any document with the same id (in the same commit).
    /// Takes `&self`: several threads may add at once.
    pub fn upsert(&self, doc: &Document) -> Result<()> {
        let f = &self.store.fields;
        self.inner.delete_term(Term::from_field_text(f.id, &doc.id));
        self.inner.add_document(to_tantivy(doc, f)?)?;
        Ok(())
    }

    /// Removes the document with this id, if there is one.
    pub fn remove(&self, id: &str) {
        let f = &self.store.fields;
        self.inner.delete_term(Term::from_field_text(f.id, id));
    }

    /// Removes every document (in the same commit as what follows).
    pub fn clear(&mut self) -> Result<()> {
        self.inner.delete_all_documents()?;
        Ok(())
    }

    /// Makes everything written so far durable and visible, atomically.
    pub fn commit(&mut self) -> Result<()> {
        self.inner.commit()?;
        self.store.reload()
    }
}

/// The tantivy document for one of ours.
fn to_tantivy(doc: &Document, f: &Fields) -> Result<TantivyDocument> {
    let mut t = TantivyDocument::default();
    t.add_text(f.id, &doc.id);
    let title = doc.title.as_deref().unwrap_or_default();
    t.add_text(f.title, title);
    t.add_text(f.title_fold, title);
    t.add_text(f.body, &doc.text);
    t.add_text(f.body_fold, &doc.text);
    let mut seen = std::collections::HashSet::new();
    for c in &doc.citations {
        let key = c.id.key();
        let field = match c.relation {
            Relation::Implements => Some(f.implements),
            Relation::BasedOn => Some(f.based_on),
            Relation::Cites => None,
        };
        if let Some(field) = field {
            if seen.insert((field, key.clone())) {
                t.add_text(field, &key);
            }
        }
        if seen.insert((f.cites, key.clone())) {
            t.add_text(f.cites, &key);
        }
    }
    if let Some(own) = &doc.own_id {
        t.add_text(f.own_id, own.key());
    }
    if let Some(kind) = &doc.kind {
        t.add_text(f.kind, tone_key(kind));
        t.add_text(f.kind_key, fold(kind));
    }
    if let Some(d) = doc.date {
        t.add_u64(f.year, d.year as u64);
        t.add_u64(
            f.date,
            d.year as u64 * 10_000 + d.month as u64 * 100 + d.day as u64,
        );
    }
    if let Some(place) = &doc.place {
        t.add_text(f.place, tone_key(place));
        t.add_text(f.place_key, fold(place));
    }
    let meta = serde_json::to_string(doc).map_err(|e| crate::Error::Index(e.to_string()))?;
    t.add_text(f.meta, meta);
    Ok(t)
}
