//! Opening or creating an index directory, with the analyzers registered and one reader
//! kept for the life of the handle.

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, TantivyError};

use super::ids::IdCache;
use super::schema::{self, Fields};
use super::writer::Writer;
use crate::doc::Document;
use crate::error::{Error, Result};

/// Memory budget of a writer for a bulk build, shared by its threads: large segments make
/// fewer of them, and per-segment overhead is most of a small query's cost.
pub const BUILD_BUDGET: usize = 1 << 30;
/// Memory budget of a writer for a few documents (`add`, `remove`).
pub const SMALL_BUDGET: usize = 64 << 20;

/// An index directory opened for reading and, on demand, writing.
pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
    pub(crate) ids: IdCache,
    path: PathBuf,
    /// The writer's memory for a bulk build, shared by its threads.
    build_budget: usize,
    /// True when its folder cannot be written: it is read, and writes are refused.
    read_only: bool,
}

impl SearchIndex {
    /// Bulk builds of this handle write with `bytes` of memory (shared by the writer's
    /// threads; tantivy wants 15 MB to 4 GB per thread) instead of [`BUILD_BUDGET`].
    pub fn with_build_budget(mut self, bytes: usize) -> SearchIndex {
        self.build_budget = bytes;
        self
    }

    /// The writer's memory for a bulk build.
    pub fn build_budget(&self) -> usize {
        self.build_budget
    }

    /// Opens the index in `dir`, creating an empty one if the directory has none.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, fields) = schema::build();
        if Self::exists(dir) {
            Self::check_schema(dir)?;
        }
        let mmap = MmapDirectory::open(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let index = Index::open_or_create(mmap, schema)?;
        Self::from_index(index, fields, dir)
    }

    /// Opens the index in `dir` to be rebuilt whole: an index of an older schema there is
    /// removed first (its files only: what else the directory holds stays).
    pub fn open_to_replace(dir: &Path) -> Result<SearchIndex> {
        if Self::exists(dir) && Self::check_schema(dir).is_err() {
            let io = |source| Error::Io {
                path: dir.to_path_buf(),
                source,
            };
            for entry in std::fs::read_dir(dir).map_err(io)? {
                let path = entry.map_err(io)?.path();
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                let ours = name == "meta.json"
                    || name == ".managed.json"
                    || name.ends_with(".lock")
                    || name.contains('.') && name.split('.').next().is_some_and(|s| s.len() == 32);
                if ours && path.is_file() {
                    std::fs::remove_file(&path).map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                }
            }
        }
        Self::open_or_create(dir)
    }

    /// An index written with another schema (an older trichdan) cannot be read by this one.
    fn check_schema(dir: &Path) -> Result<()> {
        let on_disk = Index::open_in_dir(dir)?.schema();
        if on_disk == schema::build().0 {
            Ok(())
        } else {
            Err(Error::Outdated {
                path: dir.to_path_buf(),
            })
        }
    }

    /// Opens an existing index; an error says how to build one when there is none.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        if !Self::exists(dir) {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
        Self::check_schema(dir)?;
        let read_only = super::readonly::is_read_only(dir);
        let index = match read_only {
            true => Index::open(super::readonly::ReadOnly(
                MmapDirectory::open(dir).map_err(|e| Error::Io {
                    path: dir.to_path_buf(),
                    source: std::io::Error::other(e.to_string()),
                })?,
            ))?,
            false => Index::open_in_dir(dir)?,
        };
        let (_, fields) = schema::build();
        let mut opened = Self::from_index(index, fields, dir)?;
        opened.read_only = read_only;
        Ok(opened)
    }

    /// True when its folder cannot be written (writes are refused).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// True when `dir` holds an index (a committed `meta.json`).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    fn from_index(index: Index, fields: Fields, dir: &Path) -> Result<SearchIndex> {
        super::analyzer::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            build_budget: BUILD_BUDGET,
            read_only: false,
            index,
            fields,
            reader,
            ids: IdCache::default(),
            path: dir.to_path_buf(),
        })
    }

    /// Takes the writer lock: one writer per index; a second one gets [`Error::Locked`].
    pub fn writer(&self, threads: usize, budget: usize) -> Result<Writer<'_>> {
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.path.clone(),
            });
        }
        let writer = self
            .index
            .writer_with_num_threads(threads.max(1), budget)
            .map_err(|e| match e {
                TantivyError::LockFailure(..) => Error::Locked {
                    path: self.path.clone(),
                },
                e => e.into(),
            })?;
        Ok(Writer::new(self, writer))
    }

    /// Makes the last commit visible to searches through this handle.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Number of documents searchable now.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when a document with this id is in the index.
    pub fn contains(&self, id: &str) -> bool {
        let term = tantivy::Term::from_field_text(self.fields.id, id);
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        self.reader
            .searcher()
            .search(&query, &tantivy::collector::Count)
            .is_ok_and(|n| n > 0)
    }

    /// Every stored document: header fields, locality and citations (the text is left out).
    /// The citation graph is built from these, so the index is its one source of truth.
    pub fn documents(&self) -> Result<Vec<Document>> {
        self.documents_in(&self.reader.searcher(), false)
    }

    /// Every stored document with its composed text (what evaluations give other engines).
    pub fn documents_with_text(&self) -> Result<Vec<Document>> {
        self.documents_in(&self.reader.searcher(), true)
    }

    /// The last commit as a new reader sees it, before this handle's searches do (they see it
    /// after [`SearchIndex::reload`]): its tag and its stored documents.
    pub fn latest(&self) -> Result<(String, Vec<Document>)> {
        let searcher = self.latest_searcher()?;
        Ok((tag_of(&searcher), self.documents_in(&searcher, false)?))
    }

    /// A searcher over the last commit, from a reader of its own.
    fn latest_searcher(&self) -> Result<tantivy::Searcher> {
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(reader.searcher())
    }

    /// Calls `f` with every stored document, without its text (what the graph is built
    /// from), one at a time.
    pub fn each_without_text(&self, f: &mut dyn FnMut(Document) -> Result<()>) -> Result<()> {
        self.visit(&self.reader.searcher(), false, f)
    }

    /// [`SearchIndex::latest`] with each document (without its text) given to `f` instead
    /// of collected; returns the commit's tag.
    pub fn latest_each(&self, f: &mut dyn FnMut(Document) -> Result<()>) -> Result<String> {
        let searcher = self.latest_searcher()?;
        self.visit(&searcher, false, f)?;
        Ok(tag_of(&searcher))
    }

    fn documents_in(&self, searcher: &tantivy::Searcher, with_text: bool) -> Result<Vec<Document>> {
        let mut out = Vec::with_capacity(searcher.num_docs() as usize);
        self.visit(searcher, with_text, &mut |doc| {
            out.push(doc);
            Ok(())
        })?;
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// The index's files whose checksums do not match their contents (a disk's or a copy's
    /// damage), by name.
    pub fn damaged_files(&self) -> Result<Vec<std::path::PathBuf>> {
        let mut damaged: Vec<_> = self.index.validate_checksum()?.into_iter().collect();
        damaged.sort();
        Ok(damaged)
    }

    /// Calls `f` with every stored document and its composed text, one at a time (in the
    /// index's order), so a whole archive is never in memory at once.
    pub fn each_document(&self, f: &mut dyn FnMut(Document) -> Result<()>) -> Result<()> {
        self.visit(&self.reader.searcher(), true, f)
    }

    fn visit(
        &self,
        searcher: &tantivy::Searcher,
        with_text: bool,
        f: &mut dyn FnMut(Document) -> Result<()>,
    ) -> Result<()> {
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(16)
                .map_err(|e| Error::from(tantivy::TantivyError::from(e)))?;
            for stored in store.iter::<TantivyDocument>(segment.alive_bitset()) {
                let stored = stored?;
                let meta = stored
                    .get_first(self.fields.meta)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                let mut doc: Document = serde_json::from_str(meta).map_err(|e| Error::Corrupt {
                    what: "stored document".into(),
                    reason: e.to_string(),
                })?;
                if with_text {
                    doc.text = stored
                        .get_first(self.fields.body)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string();
                }
                f(doc)?;
            }
        }
        Ok(())
    }

    /// One stored document with its composed text, or `None` when the index does not hold it.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        let searcher = self.reader.searcher();
        let term = tantivy::Term::from_field_text(self.fields.id, id);
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let top = searcher.search(&query, &tantivy::collector::TopDocs::with_limit(1))?;
        let Some(&(_, addr)) = top.first() else {
            return Ok(None);
        };
        let stored: TantivyDocument = searcher.doc(addr)?;
        let text = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
        };
        let mut doc: Document =
            serde_json::from_str(text(self.fields.meta)).map_err(|e| Error::Corrupt {
                what: id.to_string(),
                reason: e.to_string(),
            })?;
        doc.text = text(self.fields.body).to_string();
        Ok(Some(doc))
    }

    /// What identifies the commit searches see now: each segment with its size and deletions.
    /// Anything derived from the index (the graph) is tagged with it.
    pub fn commit_tag(&self) -> String {
        tag_of(&self.reader.searcher())
    }

    /// The directory this index lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A commit's tag: each segment with its size and deletions, as a searcher sees them.
fn tag_of(searcher: &tantivy::Searcher) -> String {
    searcher
        .segment_readers()
        .iter()
        .map(|s| {
            format!(
                "{}:{}:{}",
                s.segment_id().uuid_string(),
                s.max_doc(),
                s.num_deleted_docs()
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}
