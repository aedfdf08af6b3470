//! The hand-off to a distributed engine: every document as one NDJSON line with its text
//! already composed, tone-keyed and folded (an engine without our analyzers indexes what it is
//! given), its identifier keys, header fields and level; the citation graph as a file of edges
//! (kind, stating document) and a file of nodes; and the graph read back from those two files
//! (`trichdan serve --graph-from`). `deploy/` holds engine configs that match these lines.

use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cite::Relation;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::graph::{Edge, Graph, Node};
use crate::index::{opening, SearchIndex};
use crate::text::{fold, tone_key};

/// The files an export writes.
pub const DOCUMENTS: &str = "documents.ndjson";
pub const EDGES: &str = "edges.ndjson";
pub const NODES: &str = "nodes.ndjson";

/// One document as an engine loads it. Every key is always written (`null` when unknown).
#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentLine {
    pub id: String,
    pub title: Option<String>,
    pub title_folded: Option<String>,
    /// The composed text, as shown.
    pub text: String,
    /// One tone-mark placement (`hoá` = `hóa`), case kept: search with diacritics.
    pub text_tone: String,
    /// Lowercase, no diacritics, `đ` → `d`: search as people type.
    pub text_folded: String,
    pub opening_folded: String,
    pub kind: Option<String>,
    pub kind_key: Option<String>,
    /// The document's own identifier as written, and its key.
    pub number: Option<String>,
    pub own_id: Option<String>,
    pub cites: Vec<String>,
    pub implements: Vec<String>,
    pub based_on: Vec<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub year: Option<u16>,
    pub place: Option<String>,
    pub place_key: Option<String>,
    pub level: Option<String>,
    pub level_key: Option<String>,
    pub issuer: Option<String>,
    pub signer: Option<String>,
}

impl DocumentLine {
    pub fn of(doc: &Document) -> DocumentLine {
        let keys = |rel: Option<Relation>| {
            let mut k: Vec<String> = doc
                .citations
                .iter()
                .filter(|c| rel.is_none_or(|r| c.relation == r))
                .map(|c| c.id.key())
                .collect();
            k.sort_unstable();
            k.dedup();
            k
        };
        let written = |v: Option<&str>| v.map(|v| tone_key(v).into_owned());
        let folded = |v: Option<&str>| v.map(fold);
        let level = doc.level.tier.map(|t| t.name());
        DocumentLine {
            id: doc.id.clone(),
            title: doc.title.clone(),
            title_folded: folded(doc.title.as_deref()),
            text: doc.text.clone(),
            text_tone: tone_key(&doc.text).into_owned(),
            text_folded: fold(&doc.text),
            opening_folded: fold(opening(&doc.text)),
            kind: written(doc.kind.as_deref()),
            kind_key: folded(doc.kind.as_deref()),
            number: doc.own_id.as_ref().map(|c| c.to_string()),
            own_id: doc.own_id.as_ref().map(|c| c.key()),
            cites: keys(None),
            implements: keys(Some(Relation::Implements)),
            based_on: keys(Some(Relation::BasedOn)),
            date: doc.date.map(|d| d.to_string()),
            year: doc.date.map(|d| d.year),
            place: written(doc.belongs_to()),
            place_key: folded(doc.belongs_to()),
            level: level.map(str::to_string),
            level_key: level.map(fold),
            issuer: doc.issuer.clone(),
            signer: doc.signer.clone(),
        }
    }
}

/// One edge of the citation graph, its ends named.
#[derive(Debug, Serialize, Deserialize)]
pub struct EdgeLine {
    pub from: String,
    pub to: String,
    /// The identifier keys of the two ends (`null` for a document without one).
    pub from_key: Option<String>,
    pub to_key: Option<String>,
    pub kind: Relation,
    /// The document whose text gives the edge.
    pub stated_in: String,
    /// True for an edge a document states between two others.
    pub stated: bool,
    pub spans: Vec<Range<usize>>,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    pub documents: usize,
    pub nodes: usize,
    pub edges: usize,
    pub files: Vec<PathBuf>,
}

/// Writes the index's documents and the graph as NDJSON into `dir` (created if needed; each
/// file written beside and renamed when complete).
pub fn write(index: &SearchIndex, graph: &Graph, dir: &Path) -> Result<Exported> {
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut documents = 0;
    let docs = lines(&dir.join(DOCUMENTS), |out| {
        index.each_document(&mut |doc| {
            documents += 1;
            line(out, &DocumentLine::of(&doc))
        })
    })?;
    let nodes = lines(&dir.join(NODES), |out| {
        graph.nodes.iter().try_for_each(|n| line(out, n))
    })?;
    let edges = lines(&dir.join(EDGES), |out| {
        graph
            .edges
            .iter()
            .try_for_each(|e| line(out, &edge_line(graph, e)))
    })?;
    Ok(Exported {
        documents,
        nodes: graph.nodes.len(),
        edges: graph.edges.len(),
        files: vec![docs, nodes, edges],
    })
}

fn edge_line(g: &Graph, e: &Edge) -> EdgeLine {
    let (from, to) = (&g.nodes[e.from], &g.nodes[e.to]);
    EdgeLine {
        from: from.name.clone(),
        to: to.name.clone(),
        from_key: from.id.as_ref().map(|c| c.key()),
        to_key: to.id.as_ref().map(|c| c.key()),
        kind: e.rel,
        stated_in: e.stated_in.clone(),
        stated: e.stated,
        spans: e.spans.clone(),
    }
}

/// Reads a graph back from the `nodes.ndjson` and `edges.ndjson` an export wrote in `dir`.
pub fn read_graph(dir: &Path) -> Result<Graph> {
    let nodes: Vec<Node> = read_lines(&dir.join(NODES))?;
    let by_name: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.name.as_str(), i))
        .collect();
    if by_name.len() != nodes.len() {
        return Err(Error::BadExport {
            what: dir.join(NODES).display().to_string(),
            reason: "hai nút trùng tên".into(),
        });
    }
    let end = |name: &str, file: &Path| {
        by_name.get(name).copied().ok_or_else(|| Error::BadExport {
            what: file.display().to_string(),
            reason: format!("một quan hệ nêu nút {name:?} mà {NODES} không có"),
        })
    };
    let file = dir.join(EDGES);
    let edges = read_lines::<EdgeLine>(&file)?
        .into_iter()
        .map(|e| {
            Ok(Edge {
                from: end(&e.from, &file)?,
                to: end(&e.to, &file)?,
                rel: e.kind,
                stated_in: e.stated_in,
                stated: e.stated,
                spans: e.spans,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Graph::from_parts(nodes, edges, Vec::new(), Vec::new()))
}

/// Writes `file` through `fill`, to a temporary name first.
fn lines(
    file: &Path,
    fill: impl FnOnce(&mut BufWriter<std::fs::File>) -> Result<()>,
) -> Result<PathBuf> {
    let tmp = file.with_extension("ndjson.tmp");
    let mut out = BufWriter::new(std::fs::File::create(&tmp).map_err(|e| io(&tmp, e))?);
    fill(&mut out)?;
    out.flush().map_err(|e| io(&tmp, e))?;
    drop(out);
    std::fs::rename(&tmp, file).map_err(|e| io(file, e))?;
    Ok(file.to_path_buf())
}

fn line(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Error::Corrupt {
        what: "export line".into(),
        reason: e.to_string(),
    })?;
    out.write_all(b"\n").map_err(|e| io(Path::new("export"), e))
}

fn read_lines<T: for<'de> Deserialize<'de>>(file: &Path) -> Result<Vec<T>> {
    let reader = std::io::BufReader::new(std::fs::File::open(file).map_err(|e| io(file, e))?);
    let mut out = Vec::new();
    for (n, l) in reader.lines().enumerate() {
        let l = l.map_err(|e| io(file, e))?;
        if l.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&l).map_err(|e| Error::BadExport {
            what: format!("{}, dòng {}", file.display(), n + 1),
            reason: e.to_string(),
        })?);
    }
    Ok(out)
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}
