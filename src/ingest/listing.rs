//! Which files of a folder are documents, and the id each one gets: its file name without
//! extension, or its path under the folder when another file has the same name (every
//! province has its `KH-01.docx`), so ids are unique within an index and no file silently
//! replaces another.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// File extensions read as documents.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "docx", "doc", "pdf"];

/// A file to read and the id its document gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub id: String,
}

/// The files of a folder: the documents, and those with a document's extension that are not
/// documents (`README.md`, `SOURCES.md`, `LICENSE.txt`), skipped and named so a user sees them.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub documents: Vec<Input>,
    pub skipped: Vec<PathBuf>,
    /// Inputs whose id is their path because their file name is not unique.
    pub renamed: Vec<Input>,
    /// Folders under the corpus that could not be read, with why (the rest is still listed).
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Lists the files under `dir`, sorted, sorting out what is not a document, each with a
/// unique id.
pub fn listing(dir: &Path) -> Result<Listing> {
    let mut unreadable = Vec::new();
    let found = walk_reporting(dir, &has_document_extension, &mut |d, e| {
        unreadable.push((d.to_path_buf(), e.to_string()))
    })?;
    let (skipped, files): (Vec<PathBuf>, Vec<PathBuf>) =
        found.into_iter().partition(|p| is_folder_note(p));
    let documents = ids(&files, dir);
    let renamed = documents
        .iter()
        .filter(|i| i.id != doc_id(&i.path))
        .cloned()
        .collect();
    Ok(Listing {
        documents,
        skipped,
        renamed,
        unreadable,
    })
}

/// Every document file under `dir`, sorted (the paths of [`listing`]'s documents).
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(listing(dir)?
        .documents
        .into_iter()
        .map(|i| i.path)
        .collect())
}

/// Files named one by one (`add`): ids as in [`ids`], under the folder they share.
pub fn inputs(files: &[PathBuf]) -> Vec<Input> {
    let mut root = files
        .first()
        .and_then(|p| p.parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    while !files.iter().all(|p| p.starts_with(&root)) {
        if !root.pop() {
            break;
        }
    }
    ids(files, &root)
}

/// Ids for `files` under `root`: the stem where it is unique, else the path under `root`
/// without extension, else with it (`a/KH-01.docx` beside `a/KH-01.pdf`).
pub fn ids(files: &[PathBuf], root: &Path) -> Vec<Input> {
    let stems = counts(files.iter().map(|p| doc_id(p)));
    let relative = |p: &Path, ext: bool| {
        let rel = p.strip_prefix(root).unwrap_or(p);
        let rel = if ext {
            rel.to_path_buf()
        } else {
            rel.with_extension("")
        };
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    };
    let paths = counts(
        files
            .iter()
            .filter(|p| stems[&doc_id(p)] > 1)
            .map(|p| relative(p, false)),
    );
    files
        .iter()
        .map(|p| {
            let stem = doc_id(p);
            let id = if stems[&stem] == 1 {
                stem
            } else if paths[&relative(p, false)] == 1 {
                relative(p, false)
            } else {
                relative(p, true)
            };
            Input {
                path: p.clone(),
                id,
            }
        })
        .collect()
}

fn counts(names: impl Iterator<Item = String>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for n in names {
        *out.entry(n).or_insert(0) += 1;
    }
    out
}

/// The stable id of a document file: its stem (`000_a72d46ed5ce96127`).
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Names of files that describe a folder: never a document, whatever their extension.
const FOLDER_NOTES: &[&str] = &[
    "README",
    "SOURCES",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "NOTICE",
    "CHANGELOG",
    "AUTHORS",
];

/// True for a file named like a note about its folder (`README.md`, `sources.txt`).
pub fn is_folder_note(path: &Path) -> bool {
    let stem = doc_id(path).to_ascii_uppercase();
    FOLDER_NOTES.iter().any(|n| {
        stem == *n || stem.starts_with(&format!("{n}.")) || stem.starts_with(&format!("{n}_"))
    })
}

/// Every file under `dir` (recursively) that `keep` accepts, sorted. Links to folders are not
/// followed (a link loop would never end); links to files are read.
pub fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut failed = None;
    let found = walk_reporting(dir, keep, &mut |d, e| {
        failed.get_or_insert_with(|| Error::Io {
            path: d.to_path_buf(),
            source: std::io::Error::new(e.kind(), e.to_string()),
        });
    })?;
    failed.map_or(Ok(found), Err)
}

/// [`walk`], where a folder below `dir` that cannot be read is passed to `unreadable` and
/// the walk goes on; only `dir` itself failing is an error.
fn walk_reporting(
    dir: &Path,
    keep: &dyn Fn(&Path) -> bool,
    unreadable: &mut dyn FnMut(&Path, &std::io::Error),
) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let io = |source| Error::Io {
            path: d.clone(),
            source,
        };
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) if d != dir => {
                unreadable(&d, &e);
                continue;
            }
            Err(e) => return Err(io(e)),
        };
        for entry in entries {
            let entry = entry.map_err(io)?;
            let (path, kind) = (entry.path(), entry.file_type().map_err(io)?);
            if kind.is_dir() {
                stack.push(path);
            } else if (kind.is_file() || kind.is_symlink() && path.is_file()) && keep(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_stems_where_they_can_be() {
        let root = Path::new("/c");
        let files: Vec<PathBuf> = [
            "/c/quangnam/KH-01.docx",
            "/c/nghean/KH-01.docx",
            "/c/a/x.txt",
            "/c/a/x.pdf",
            "/c/b/x.txt",
            "/c/only.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let got: Vec<String> = ids(&files, root).into_iter().map(|i| i.id).collect();
        assert_eq!(
            got,
            [
                "quangnam/KH-01",
                "nghean/KH-01",
                "a/x.txt",
                "a/x.pdf",
                "b/x",
                "only"
            ]
        );
    }
}
