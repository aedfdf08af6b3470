//! The graph on disk beside the index: written atomically after each commit and tagged with
//! that commit, so a graph that does not match the index is rebuilt instead of answering stale.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Edge, Graph, NamedRef, Node, Title};
use crate::error::{Error, Result};

/// The file's name inside the index directory.
pub const FILE: &str = "trichdan-graph.bin";
/// Format marker: bumped whenever what is written (`Node`, `Edge`, `NamedRef`, `Title`)
/// changes shape.
const MAGIC: &[u8; 8] = b"TDGRAPH6";

#[derive(Serialize)]
struct Written<'a> {
    tag: &'a str,
    nodes: &'a [Node],
    edges: &'a [Edge],
    named: &'a [NamedRef],
    titles: &'a [Title],
}

#[derive(Deserialize)]
struct Read {
    tag: String,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    named: Vec<NamedRef>,
    titles: Vec<Title>,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Writes `graph` for the commit `tag`: to a temporary file first, then renamed over the old
/// one, so a reader sees the old graph or the new one, never half of one.
pub fn save(dir: &Path, tag: &str, graph: &Graph) -> Result<()> {
    let tmp = dir.join(format!("{FILE}.tmp"));
    let io = |source| Error::Io {
        path: tmp.clone(),
        source,
    };
    let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(io)?);
    f.write_all(MAGIC).map_err(io)?;
    // written as it is serialized: a million documents' graph is hundreds of megabytes
    let written = Written {
        tag,
        nodes: &graph.nodes,
        edges: &graph.edges,
        named: &graph.named,
        titles: &graph.titles,
    };
    postcard::to_io(&written, &mut f).map_err(|e| Error::Corrupt {
        what: FILE.into(),
        reason: e.to_string(),
    })?;
    let f = f.into_inner().map_err(|e| io(e.into_error()))?;
    f.sync_all().map_err(io)?;
    drop(f);
    std::fs::rename(&tmp, path(dir)).map_err(|source| Error::Io {
        path: path(dir),
        source,
    })
}

/// The graph saved for commit `tag`, or `None` when there is none, it was saved for another
/// commit, or it cannot be read (then the caller rebuilds it).
pub fn load(dir: &Path, tag: &str) -> Option<Graph> {
    let bytes = std::fs::read(path(dir)).ok()?;
    let body = bytes.strip_prefix(MAGIC)?;
    let read: Read = postcard::from_bytes(body).ok()?;
    (read.tag == tag).then(|| Graph::from_parts(read.nodes, read.edges, read.named, read.titles))
}
