//! The library's front door: one index and its citation graph, opened (or built) once, that
//! answers everything the CLI and the server ask and refreshes both after each commit. What
//! it returns are the serializable answers of [`view`], printed by the CLI and sent by the API.

pub mod check;
pub mod view;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use crate::cite::Relation;
use crate::error::{Error, Result};
use crate::export;
use crate::followup::{self, agenda::Agenda, FollowUp};
use crate::graph::{self, Direction, Graph, NodeIx};
use crate::index::{
    self, BuildSummary, Clause, Mode, Named, SearchIndex, SearchRequest, SearchResult, SMALL_BUDGET,
};
use crate::ingest::{self, Input, Listing, Policy};
use crate::lint;

pub use view::{
    ChainTree, CitationReport, CitationView, CiterRow, DocumentView, IdentifierView,
    ImplementerGroup, ImplementerRow, LookupAnswer, NamedView, Related, RelationGroup, Removal,
    Stats, TreeNode, Way,
};
pub use view::{Implemented, Overview};

/// The deepest a chain or an implementers walk may go.
pub const MAX_DEPTH: usize = 10;
/// The most nodes a neighbourhood drawing may hold.
pub const MAX_NODES: usize = 500;
/// How many near spellings an unknown identifier gets.
const SUGGESTIONS: usize = 8;

/// Called after each file is read, with its path.
pub type Progress<'a> = &'a (dyn Fn(&Path) + Sync);

/// Why an index directory cannot be opened as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No index there yet.
    NoIndex,
    /// An index of an older schema.
    Outdated,
}

/// An open index and the citation graph of what it holds.
pub struct Engine {
    index: SearchIndex,
    graph: RwLock<Arc<Graph>>,
    writing: Mutex<()>,
    /// The last data-quality report and the commit it was made for.
    lint: Mutex<Option<(String, Arc<lint::Report>)>>,
    /// The last overview of the archive and the commit it was made for.
    overview: Mutex<Option<(String, Arc<Overview>)>>,
    /// What its writes let in.
    policy: Policy,
}

/// How a build runs: reader threads, the writer's memory in bytes (shared by its threads),
/// and what may enter the index.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    pub threads: usize,
    pub budget: usize,
    pub policy: Policy,
}

impl Engine {
    /// Whether `dir` holds an index this version can open.
    pub fn missing(dir: &Path) -> Option<Missing> {
        match SearchIndex::open(dir) {
            Err(Error::NoIndex { .. }) => Some(Missing::NoIndex),
            Err(Error::Outdated { .. }) => Some(Missing::Outdated),
            _ => None,
        }
    }

    /// Opens the index in `dir`; the graph is loaded from beside it, or rebuilt (and saved)
    /// when it was saved for another commit.
    pub fn open(dir: &Path) -> Result<Engine> {
        let index = SearchIndex::open(dir)?;
        let tag = index.commit_tag();
        let graph = match graph::load(dir, &tag) {
            Some(g) => g,
            None => {
                let mut b = graph::Builder::default();
                index.each_without_text(&mut |d| {
                    b.add(&d);
                    Ok(())
                })?;
                let g = b.finish();
                // a folder we may not write to still serves: the graph is rebuilt next time
                let _ = graph::save(dir, &tag, &g);
                g
            }
        };
        Ok(Engine {
            index,
            graph: RwLock::new(Arc::new(graph)),
            writing: Mutex::new(()),
            lint: Mutex::new(None),
            overview: Mutex::new(None),
            policy: Policy::default(),
        })
    }

    /// Builds the index in `dir` from a folder's listing, replacing what it held, and opens it.
    pub fn build(
        dir: &Path,
        listing: &Listing,
        threads: usize,
        progress: Progress,
    ) -> Result<(Engine, BuildSummary)> {
        Engine::build_within(dir, listing, threads, index::BUILD_BUDGET, progress)
    }

    /// [`Engine::build`] with the writer's memory (`budget` bytes, shared by its threads).
    pub fn build_within(
        dir: &Path,
        listing: &Listing,
        threads: usize,
        budget: usize,
        progress: Progress,
    ) -> Result<(Engine, BuildSummary)> {
        let policy = Policy::default();
        let options = BuildOptions {
            threads,
            budget,
            policy,
        };
        Engine::build_with(dir, listing, options, progress)
    }

    /// [`Engine::build`] with every option given; the engine keeps `options.policy` for
    /// its later writes.
    pub fn build_with(
        dir: &Path,
        listing: &Listing,
        options: BuildOptions,
        progress: Progress,
    ) -> Result<(Engine, BuildSummary)> {
        let BuildOptions {
            threads,
            budget,
            policy,
        } = options;
        let index = SearchIndex::open_to_replace(dir)?.with_build_budget(budget);
        let inputs = &listing.documents;
        let summary = write_inputs(&index, inputs, Mode::Replace, threads, policy, progress)?;
        // a report: a list that cannot be written leaves the lint without it, the index whole
        let _ = lint::unread::save(dir, &summary.failures);
        let engine = Engine {
            index,
            graph: RwLock::new(Arc::new(Graph::default())),
            writing: Mutex::new(()),
            lint: Mutex::new(None),
            overview: Mutex::new(None),
            policy,
        };
        engine.refresh()?;
        Ok((engine, summary))
    }

    /// Opens the index in `dir` (an empty one when there is none) with a graph made
    /// elsewhere (`trichdan serve --graph-from`): searches answer from the index, graph
    /// questions from `graph`. A write would rebuild the graph from the index, so a server
    /// opened this way takes none.
    pub fn with_graph(dir: &Path, graph: Graph) -> Result<Engine> {
        if Engine::missing(dir) == Some(Missing::NoIndex) {
            SearchIndex::open_or_create(dir)?;
        }
        Ok(Engine {
            index: SearchIndex::open(dir)?,
            graph: RwLock::new(Arc::new(graph)),
            writing: Mutex::new(()),
            lint: Mutex::new(None),
            overview: Mutex::new(None),
            policy: Policy::default(),
        })
    }

    /// Writes the documents and the graph as NDJSON for another engine (see [`export`]).
    pub fn export(&self, dir: &Path) -> Result<export::Exported> {
        export::write(&self.index, &self.graph(), dir)
    }

    /// Opens the index in `dir`, creating an empty one when there is none.
    pub fn open_or_create(dir: &Path) -> Result<Engine> {
        if Engine::missing(dir) == Some(Missing::NoIndex) {
            SearchIndex::open_or_create(dir)?;
        }
        Engine::open(dir)
    }

    /// The engine with what its writes (`add`, uploads, a watched folder) let in.
    pub fn with_policy(mut self, policy: Policy) -> Engine {
        self.policy = policy;
        self
    }

    /// The graph as of the last commit (cheap: a shared handle).
    pub fn graph(&self) -> Arc<Graph> {
        self.graph.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The search index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Rebuilds the graph from the last commit, then makes the commit and its graph visible
    /// together (searches see a new document when lookups do), and saves the graph. The
    /// commit has happened: a graph that cannot be saved is rebuilt on the next open rather
    /// than failing the write.
    fn refresh(&self) -> Result<()> {
        let mut b = graph::Builder::default();
        let tag = self.index.latest_each(&mut |d| {
            b.add(&d);
            Ok(())
        })?;
        let g = Arc::new(b.finish());
        *self.graph.write().unwrap_or_else(|e| e.into_inner()) = g.clone();
        self.index.reload()?;
        let _ = graph::save(self.index.path(), &tag, &g);
        Ok(())
    }

    /// The write lock of this engine (a write that panicked leaves it usable).
    fn write_lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes through `write` in one commit, then refreshes the graph.
    fn commit(&self, write: impl FnOnce(&mut crate::index::Writer) -> Result<()>) -> Result<()> {
        let written = (|| {
            let mut writer = self.index.writer(1, SMALL_BUDGET)?;
            write(&mut writer)?;
            writer.commit_unseen()
        })();
        full_disk(self.index.path(), written)?;
        self.refresh()
    }

    /// Adds files (ids from their names, made unique among them), replacing documents with
    /// the same ids, in one commit.
    pub fn add(&self, files: &[PathBuf], progress: Progress) -> Result<BuildSummary> {
        self.add_inputs(&ingest::inputs(files), progress)
    }

    /// [`Engine::add`] of files with their ids given (a watched folder's, as `index` gives
    /// them).
    pub fn add_inputs(&self, inputs: &[Input], progress: Progress) -> Result<BuildSummary> {
        let _guard = self.write_lock();
        let written = write_inputs(&self.index, inputs, Mode::Add, 1, self.policy, progress);
        let summary = full_disk(self.index.path(), written)?;
        // the list first, so that a report made for the new commit reads it; and the cached
        // report dropped, as an add whose files all fail commits nothing new
        let paths: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
        let _ = lint::unread::merge(self.index.path(), &paths, &summary.failures);
        *self.lint.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.refresh()?;
        Ok(summary)
    }

    /// Adds a file received as bytes (an upload) under `id`; `name` gives its format.
    pub fn add_bytes(&self, name: &str, id: &str, bytes: &[u8]) -> Result<Vec<String>> {
        let docs = ingest::read_bytes(Path::new(name), id, bytes)?;
        let docs = self.policy.admit(Path::new(name), docs)?;
        let ids = docs.iter().map(|d| d.id.clone()).collect();
        let _guard = self.write_lock();
        self.commit(|w| docs.into_iter().try_for_each(|d| w.upsert(d)))?;
        Ok(ids)
    }

    /// Removes documents by id in one commit; ids the index does not hold are listed apart.
    pub fn remove(&self, ids: &[String]) -> Result<Removal> {
        let _guard = self.write_lock();
        let (present, missing): (Vec<String>, Vec<String>) =
            ids.iter().cloned().partition(|id| self.index.contains(id));
        if !present.is_empty() {
            self.commit(|w| {
                present.iter().for_each(|id| w.remove(id));
                Ok(())
            })?;
        }
        Ok(Removal {
            removed: present,
            missing,
            total: self.index.num_docs(),
        })
    }

    /// Runs a search. A group of words that names a document (`nghị quyết 57`, `NQ57`,
    /// `nghị định 135/2026`, or a law by its name, `luật mặt trận tổ quốc việt nam`) is read
    /// against the graph: the identifier a person most likely
    /// means ranks its own document first, then what implements and cites it, then the
    /// rest of the words' matches; the answer says how it was read (`interpreted`).
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResult> {
        let mut parsed = crate::index::parse_query(&req.query)?;
        let g = self.graph();
        let mut interpreted = Vec::new();
        for (i, c) in parsed.must.iter().enumerate() {
            let Clause::Text {
                text,
                quoted: false,
            } = c
            else {
                continue;
            };
            // the first name of the group that the graph knows (`báo cáo 5 … kết luận 21`)
            let read = crate::cite::name::read_all(text)
                .into_iter()
                .find_map(|name| {
                    let reading = g.interpret(&name)?;
                    let n = g.node_named(&reading.id)?;
                    Some((name, reading, n))
                });
            // else a name written without a number (`luật mặt trận tổ quốc việt nam`)
            let read = read
                .map(|(name, reading, n)| (name.asks_for_implementers(), reading, n))
                .or_else(|| {
                    let reading = g.interpret_title(text)?;
                    let n = g.node_named(&reading.id)?;
                    Some((false, reading, n))
                });
            let Some((implementers_first, reading, n)) = read else {
                continue;
            };
            let Some(id) = g.nodes[n].id.clone() else {
                continue;
            };
            parsed.named.push(Named {
                at: i,
                id,
                documents: g.tiers_if_shared(n),
                implementers_first,
            });
            interpreted.push(reading);
        }
        let mut result = self.index.search_parsed(&parsed, req)?;
        result.interpreted = interpreted;
        Ok(result)
    }

    /// Counts of what the archive holds.
    pub fn stats(&self) -> Stats {
        Stats::of(self.index.num_docs(), &self.graph())
    }

    /// The one node `query` names: a corpus id, a scoped node or an identifier in any
    /// spelling. None: [`Error::NotFound`] with near spellings; several: [`Error::Ambiguous`].
    pub fn resolve(&self, g: &Graph, query: &str) -> Result<NodeIx> {
        let found = g.lookup(query);
        match found.len() {
            1 => Ok(found[0]),
            0 => Err(Error::NotFound {
                query: query.trim().to_string(),
                suggestions: suggestions(g, query),
            }),
            _ => Err(Error::Ambiguous {
                query: query.trim().to_string(),
                nodes: found.into_iter().map(|n| g.nodes[n].name.clone()).collect(),
            }),
        }
    }

    /// Every node `query` names, with what tells them apart; near spellings when none.
    pub fn lookup(&self, query: &str) -> LookupAnswer {
        let g = self.graph();
        let found = g.lookup(query);
        let suggestions = if found.is_empty() {
            suggestions(&g, query)
        } else {
            Vec::new()
        };
        LookupAnswer {
            query: query.trim().to_string(),
            candidates: found.into_iter().map(|n| g.candidate(n)).collect(),
            suggestions,
        }
    }

    /// Who stands in relation `rel` to the node `query` names, down to `depth`.
    pub fn related(&self, query: &str, rel: Relation, depth: usize) -> Result<Related> {
        let g = self.graph();
        let target = self.resolve(&g, query)?;
        Ok(Related {
            target: g.chain_node(target),
            rel,
            implementers: g.related(target, rel, depth.min(MAX_DEPTH)),
        })
    }

    /// The chain of `rel` from the node `query` names, up or down, as a tree whose every
    /// parent–child pair is an edge.
    pub fn chain(
        &self,
        query: &str,
        rel: Relation,
        dir: Direction,
        depth: usize,
    ) -> Result<ChainTree> {
        let g = self.graph();
        let root = self.resolve(&g, query)?;
        let chain = g.chain_of(root, rel, dir, depth.min(MAX_DEPTH));
        Ok(ChainTree::of(&chain, rel, dir))
    }

    /// The chain of `rel` from a node as nodes and edges for drawing, at most `cap` nodes.
    pub fn chain_graph(
        &self,
        query: &str,
        rel: Relation,
        dir: Direction,
        depth: usize,
        cap: usize,
    ) -> Result<graph::Chain> {
        let g = self.graph();
        let root = self.resolve(&g, query)?;
        Ok(g.chain_capped(root, rel, dir, depth.min(MAX_DEPTH), cap.min(MAX_NODES)))
    }

    /// Everything within `depth` steps of a node, any relation, at most `cap` nodes.
    pub fn neighbourhood(&self, query: &str, depth: usize, cap: usize) -> Result<graph::Chain> {
        let g = self.graph();
        let root = self.resolve(&g, query)?;
        Ok(g.neighbourhood(root, depth.min(MAX_DEPTH), cap.min(MAX_NODES)))
    }

    /// A shortest path between two nodes over edges of any direction, if there is one.
    pub fn path(&self, from: &str, to: &str) -> Result<Option<Vec<graph::ChainNode>>> {
        let g = self.graph();
        let (a, b) = (self.resolve(&g, from)?, self.resolve(&g, to)?);
        Ok(g.path(a, b)
            .map(|p| p.into_iter().map(|n| g.chain_node(n)).collect()))
    }

    /// An identifier's page (see [`IdentifierView`]), implementers down to `depth`.
    pub fn identifier(&self, query: &str, depth: usize) -> Result<IdentifierView> {
        let g = self.graph();
        let n = self.resolve(&g, query)?;
        Ok(IdentifierView::of(&g, n, depth.min(MAX_DEPTH)))
    }

    /// The follow-up of the directive `query` names, as of `as_of`: the units asked, the
    /// plan each issued, tasks and what falls due (see [`crate::followup`]).
    pub fn follow_up(&self, query: &str, as_of: crate::date::Date) -> Result<FollowUp> {
        let g = self.graph();
        let n = self.resolve(&g, query)?;
        let doc = match g.nodes[n].docs.first() {
            Some(id) => self.index.document(id)?,
            None => None,
        };
        Ok(followup::follow_up(&g, n, doc.as_ref(), as_of))
    }

    /// What falls due between two days across the archive, by unit, marked as of today.
    pub fn agenda(&self, from: crate::date::Date, to: crate::date::Date) -> Agenda {
        followup::agenda::agenda(&self.graph(), from, to, crate::date::Date::today())
    }

    /// The data-quality report over the whole archive (see [`crate::lint`]), made once per
    /// commit: every document is read without its text, then the texts of the documents
    /// whose places need an excerpt.
    pub fn lint(&self) -> Result<Arc<lint::Report>> {
        let tag = self.index.commit_tag();
        let mut cached = self.lint.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, report)) = cached.as_ref().filter(|(t, _)| *t == tag) {
            return Ok(report.clone());
        }
        let g = self.graph();
        let mut collector = lint::Collector::new(&g);
        // the tag of the commit these documents are read from
        let tag = self.index.latest_each(&mut |d| {
            collector.add(&d);
            Ok(())
        })?;
        let mut report = collector.finish(&lint::unread::load(self.index.path()));
        report.fill_excerpts(|id| self.index.document(id))?;
        let report = Arc::new(report);
        *cached = Some((tag, report.clone()));
        Ok(report)
    }

    /// What the archive holds (the landing page), made once per commit.
    pub fn overview(&self) -> Result<Arc<Overview>> {
        let tag = self.index.commit_tag();
        let mut cached = self.overview.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, o)) = cached.as_ref().filter(|(t, _)| *t == tag) {
            return Ok(o.clone());
        }
        let (documents, facets, newest) = self.index.holdings(view::OVERVIEW_LIST)?;
        let overview = Arc::new(Overview {
            documents,
            facets,
            most_implemented: view::most_implemented(&self.graph(), view::OVERVIEW_LIST),
            newest,
        });
        *cached = Some((tag, overview.clone()));
        Ok(overview)
    }

    /// What a corpus document cites, and the edges it states between others.
    pub fn citations(&self, doc: &str) -> Result<CitationReport> {
        let g = self.graph();
        let n = g
            .doc_node(doc)
            .ok_or_else(|| Error::NoDocument { id: doc.into() })?;
        Ok(CitationReport::of(&g, doc, n))
    }

    /// A document with its text, its citations (each with the node it links to) and its
    /// relations grouped by kind, both ways.
    pub fn document(&self, id: &str) -> Result<DocumentView> {
        let doc = self
            .index
            .document(id)?
            .ok_or_else(|| Error::NoDocument { id: id.into() })?;
        Ok(DocumentView::of(doc, &self.graph()))
    }
}

/// The known identifiers nearest an unknown one, by name.
fn suggestions(g: &Graph, query: &str) -> Vec<String> {
    g.near(query, SUGGESTIONS)
        .into_iter()
        .map(|n| g.nodes[n].name.clone())
        .collect()
}

/// Reads `inputs` on `threads` threads and writes them in one commit.
/// A write that failed because the disk is full, said so ([`Error::DiskFull`]); other
/// outcomes as they are. The storage layer reports it as an I/O error deep in its own
/// (`No space left on device (os error 28)`).
fn full_disk<T>(dir: &Path, written: Result<T>) -> Result<T> {
    written.map_err(|e| match &e {
        Error::Storage(_) | Error::Io { .. } if is_full(&e) => Error::DiskFull {
            path: dir.to_path_buf(),
        },
        _ => e,
    })
}

fn is_full(e: &Error) -> bool {
    let said = match e {
        Error::Storage(t) => format!("{t:?}"),
        Error::Io { source, .. } => format!("{source:?}"),
        _ => return false,
    };
    said.contains("StorageFull") || said.contains("os error 28") || said.contains("code: 28")
}

fn write_inputs(
    index: &SearchIndex,
    inputs: &[Input],
    mode: Mode,
    threads: usize,
    policy: Policy,
    progress: Progress,
) -> Result<BuildSummary> {
    index::build_from(
        index,
        inputs.len(),
        &|i| ingest::read(&inputs[i]).and_then(|docs| policy.admit(&inputs[i].path, docs)),
        &|i| inputs[i].path.clone(),
        mode,
        threads,
        &|i| progress(&inputs[i].path),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_found_the_disk_full_says_so() {
        let dir = Path::new("/srv/index");
        let full = std::io::Error::from_raw_os_error(28);
        let io = Err::<(), _>(Error::Io {
            path: dir.join("x.store"),
            source: full,
        });
        assert!(matches!(full_disk(dir, io), Err(Error::DiskFull { .. })));
        let storage = Err::<(), _>(Error::from(tantivy::TantivyError::from(
            std::io::Error::from_raw_os_error(28),
        )));
        assert!(matches!(
            full_disk(dir, storage),
            Err(Error::DiskFull { .. })
        ));
        let other = Err::<(), _>(Error::Io {
            path: dir.into(),
            source: std::io::Error::from_raw_os_error(13),
        });
        assert!(matches!(full_disk(dir, other), Err(Error::Io { .. })));
    }
}
