//! Writing documents: add or replace by id, remove, clear, commit. A commit is atomic: a
//! writer killed before it leaves the last commit as it was.

use tantivy::schema::document::{ReferenceValue, ReferenceValueLeaf, Value};
use tantivy::schema::{Field, Term};
use tantivy::IndexWriter;

use super::schema::Fields;
use super::store::SearchIndex;
use crate::cite::Relation;
use crate::doc::Document;
use crate::error::Result;
use crate::text::{fold, tone_key};

/// The index's one writer (it holds the directory lock until dropped).
pub struct Writer<'a> {
    store: &'a SearchIndex,
    inner: IndexWriter<Entry>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(store: &'a SearchIndex, inner: IndexWriter<Entry>) -> Self {
        Writer { store, inner }
    }

    /// Adds `doc`, replacing any document with the same id (in the same commit).
    /// Takes `&self`: several threads may add at once.
    pub fn upsert(&self, doc: Document) -> Result<()> {
        let f = self.store.fields;
        self.inner.delete_term(Term::from_field_text(f.id, &doc.id));
        self.inner.add_document(Entry::new(doc, f)?)?;
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
        self.commit_unseen()?;
        self.store.reload()
    }

    /// Makes everything written so far durable, atomically; this handle's searches see it
    /// after [`SearchIndex::reload`] (so what is derived from it can be ready first).
    pub fn commit_unseen(&mut self) -> Result<()> {
        self.inner.commit()?;
        Ok(())
    }
}

/// One of our documents as tantivy reads it. Every value points into it, so the body and
/// the title are not copied once per field that indexes them (tantivy's own document type
/// would hold three copies of each body).
pub struct Entry {
    doc: Document,
    fields: Fields,
    /// Raw keyword values: identifier keys, kind and place (as written and folded).
    keys: Vec<(Field, String)>,
    numbers: Vec<(Field, u64)>,
    /// The document without its text, as JSON.
    meta: String,
}

impl Entry {
    fn new(doc: Document, fields: Fields) -> Result<Entry> {
        let keys = keys(&doc, &fields);
        let numbers = doc.date.map_or_else(Vec::new, |d| {
            let ymd = d.year as u64 * 10_000 + d.month as u64 * 100 + d.day as u64;
            vec![(fields.year, d.year as u64), (fields.date, ymd)]
        });
        let meta = serde_json::to_string(&doc).map_err(|e| crate::Error::Corrupt {
            what: doc.id.clone(),
            reason: e.to_string(),
        })?;
        Ok(Entry {
            doc,
            fields,
            keys,
            numbers,
            meta,
        })
    }
}

/// The raw keyword values of a document: each cited identifier's key once per field it goes
/// to, its own identifier, and kind and place as written (tone key) and folded.
fn keys(doc: &Document, f: &Fields) -> Vec<(Field, String)> {
    let mut keys: Vec<(Field, String)> = Vec::new();
    for c in &doc.citations {
        let key = c.id.key();
        match c.relation {
            Relation::Implements => keys.push((f.implements, key.clone())),
            Relation::BasedOn => keys.push((f.based_on, key.clone())),
            _ => {}
        }
        keys.push((f.cites, key));
    }
    keys.sort_unstable();
    keys.dedup();
    if let Some(own) = &doc.own_id {
        keys.push((f.own_id, own.key()));
    }
    let level = doc.level.tier.map(|t| t.name());
    for (value, written, folded) in [
        (doc.kind.as_deref(), f.kind, f.kind_key),
        (doc.belongs_to(), f.place, f.place_key),
        (level, f.level, f.level_key),
    ] {
        if let Some(v) = value {
            keys.push((written, tone_key(v).into_owned()));
            keys.push((folded, fold(v)));
        }
    }
    if let Some(issuer) = doc.issuer.as_deref() {
        keys.push((f.issuer, tone_key(issuer).into_owned()));
        for body in crate::doc::issuer::bodies(issuer) {
            keys.push((f.issuer_key, body.clone()));
            keys.push((f.under_key, body));
        }
        keys.extend(
            crate::doc::issuer::above(issuer)
                .into_iter()
                .map(|b| (f.under_key, b)),
        );
    }
    if let Some(signer) = doc.signer.as_deref() {
        keys.push((f.signer_key, crate::doc::issuer::key(signer)));
    }
    keys
}

/// A value of an [`Entry`]: text or a number, borrowed from it.
#[derive(Debug, Clone, Copy)]
pub enum EntryValue<'a> {
    Str(&'a str),
    U64(u64),
}

impl<'a> Value<'a> for EntryValue<'a> {
    type ArrayIter = std::iter::Empty<Self>;
    type ObjectIter = std::iter::Empty<(&'a str, Self)>;

    fn as_value(&self) -> ReferenceValue<'a, Self> {
        ReferenceValue::Leaf(match *self {
            EntryValue::Str(s) => ReferenceValueLeaf::Str(s),
            EntryValue::U64(n) => ReferenceValueLeaf::U64(n),
        })
    }
}

impl tantivy::Document for Entry {
    type Value<'a> = EntryValue<'a>;
    type FieldsValuesIter<'a> = std::vec::IntoIter<(Field, EntryValue<'a>)>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        use EntryValue::{Str, U64};
        let f = &self.fields;
        let title = self.doc.title.as_deref().unwrap_or_default();
        let mut values = vec![
            (f.id, Str(self.doc.id.as_str())),
            (f.title, Str(title)),
            (f.title_fold, Str(title)),
            (f.body, Str(self.doc.text.as_str())),
            (f.body_fold, Str(self.doc.text.as_str())),
            (f.opening_fold, Str(opening(&self.doc.text))),
            (f.meta, Str(self.meta.as_str())),
        ];
        values.extend(self.keys.iter().map(|(field, k)| (*field, Str(k.as_str()))));
        values.extend(self.numbers.iter().map(|&(field, n)| (field, U64(n))));
        values.into_iter()
    }
}

/// How much of a text's start is its opening, in bytes.
pub const OPENING_BYTES: usize = 1200;

/// The first [`OPENING_BYTES`] of a text, cut before the word the limit falls in (so every
/// word of the opening is a word of the body).
pub fn opening(text: &str) -> &str {
    if text.len() <= OPENING_BYTES {
        return text;
    }
    let mut end = OPENING_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) => &text[..space],
        None => &text[..end],
    }
}
