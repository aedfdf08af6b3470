//! The watched folder (`trichdan serve --watch`): files added, changed or removed under the
//! corpus folder are indexed once they settle, with the ids and readers of `trichdan index`,
//! so the page follows the shared folder an office keeps its documents in.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};

use super::AppState;
use crate::ingest::{self, Input};
use crate::{message, Error, Result};

/// How long a file must be quiet before it is read (a copy in progress is not).
pub const SETTLE: Duration = Duration::from_millis(800);

/// A running watch; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher>,
}

/// Watches `folder` and keeps the engine `state` serves in step with it, from now on (what
/// changed while nothing watched is read by the next `trichdan index`).
pub fn watch(folder: &Path, state: AppState) -> Result<Watch> {
    // events name absolute paths: the listing must too, or a file changed in place under a
    // relative `--corpus` would never match its event
    let folder = std::path::absolute(folder).map_err(|e| Error::Io {
        path: folder.to_path_buf(),
        source: e,
    })?;
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(SETTLE, tx).map_err(|e| watch_failed(&folder, e))?;
    debouncer
        .watcher()
        .watch(&folder, RecursiveMode::Recursive)
        .map_err(|e| watch_failed(&folder, e))?;
    let known = ids_in(&folder, &HashMap::new()).unwrap_or_default();
    std::thread::Builder::new()
        .name("trichdan-watch".into())
        .spawn(move || follow(&folder, &state, known, &rx))
        .map_err(|e| Error::Io {
            path: PathBuf::from("trichdan-watch"),
            source: e,
        })?;
    Ok(Watch {
        _debouncer: debouncer,
    })
}

fn watch_failed(folder: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: folder.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// The id each document file of `folder` has, as `trichdan index` gives them; `None` when
/// the folder cannot be listed. Under a subfolder that cannot be read (a share gone for a
/// moment) the files `before` knew are kept, not taken for removed.
fn ids_in(folder: &Path, before: &HashMap<PathBuf, String>) -> Option<HashMap<PathBuf, String>> {
    let listing = ingest::listing(folder).ok()?;
    let mut now: HashMap<PathBuf, String> = listing
        .documents
        .into_iter()
        .map(|i| (i.path, i.id))
        .collect();
    for (dir, _) in &listing.unreadable {
        for (p, id) in before.iter().filter(|(p, _)| p.starts_with(dir)) {
            now.entry(p.clone()).or_insert_with(|| id.clone());
        }
    }
    Some(now)
}

/// Applies each settled batch of changes until the watch is dropped.
fn follow(
    folder: &Path,
    state: &AppState,
    mut known: HashMap<PathBuf, String>,
    rx: &mpsc::Receiver<DebounceEventResult>,
) {
    for batch in rx {
        let touched: HashSet<PathBuf> = match batch {
            Ok(events) => events.into_iter().map(|e| e.path).collect(),
            Err(e) => {
                tracing::warn!("{}", message::watch_error(folder, &e.to_string()));
                continue;
            }
        };
        let Some(now) = ids_in(folder, &known) else {
            tracing::warn!("{}", message::watch_unlisted(folder));
            continue;
        };
        let change = Change::between(&known, &now, &touched);
        // while the index is still built, the build reads the folder as it is
        if let (false, Ok(engine)) = (change.is_empty(), state.engine()) {
            apply(&engine, &change);
        }
        known = now;
    }
}

/// What a batch of events changed: ids gone (or renamed), files to read.
#[derive(Debug, Default, PartialEq)]
struct Change {
    removed: Vec<String>,
    read: Vec<Input>,
}

impl Change {
    /// The difference between two listings, with `touched` files read again even when their
    /// id did not change.
    fn between(
        before: &HashMap<PathBuf, String>,
        after: &HashMap<PathBuf, String>,
        touched: &HashSet<PathBuf>,
    ) -> Change {
        let still: HashSet<&String> = after.values().collect();
        let mut removed: Vec<String> = before
            .iter()
            .filter(|(p, id)| after.get(*p) != Some(id) && !still.contains(id))
            .map(|(_, id)| id.clone())
            .collect();
        let mut read: Vec<Input> = after
            .iter()
            .filter(|(p, id)| before.get(*p) != Some(id) || touched.contains(*p))
            .map(|(p, id)| Input {
                path: p.clone(),
                id: id.clone(),
            })
            .collect();
        removed.sort();
        read.sort_by(|a, b| a.path.cmp(&b.path));
        Change { removed, read }
    }

    fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.read.is_empty()
    }
}

/// Removes and reads what changed, reporting each file as `trichdan index` does.
fn apply(engine: &crate::engine::Engine, change: &Change) {
    if !change.removed.is_empty() {
        match engine.remove(&change.removed) {
            Ok(r) => tracing::info!("{}", message::watch_removed(&r.removed)),
            Err(e) => tracing::warn!("{}", message::watch_failed(&e.to_string())),
        }
    }
    if change.read.is_empty() {
        return;
    }
    match engine.add_inputs(&change.read, &|_| {}) {
        Ok(summary) => {
            tracing::info!("{}", message::watch_added(summary.documents));
            // a file stamped secret says so itself (its reason names the mark and the flag)
            for f in summary.failures.iter().chain(&summary.withheld) {
                tracing::warn!("{}", f.reason);
            }
        }
        Err(e) => tracing::warn!("{}", message::watch_failed(&e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(pairs: &[(&str, &str)]) -> HashMap<PathBuf, String> {
        pairs
            .iter()
            .map(|(p, id)| (PathBuf::from(p), id.to_string()))
            .collect()
    }

    type Pairs = &'static [(&'static str, &'static str)];
    type Names = &'static [&'static str];
    type Case = (Pairs, Pairs, Names, Names, Names);

    /// (before, after, touched, removed, read): what a batch changes.
    #[test]
    fn a_batch_removes_what_went_and_reads_what_came_or_changed() {
        let cases: &[Case] = &[
            // a file added
            (
                &[("c/a.txt", "a")],
                &[("c/a.txt", "a"), ("c/b.txt", "b")],
                &["c/b.txt"],
                &[],
                &["b"],
            ),
            // a file changed in place
            (
                &[("c/a.txt", "a")],
                &[("c/a.txt", "a")],
                &["c/a.txt"],
                &[],
                &["a"],
            ),
            // a file removed
            (
                &[("c/a.txt", "a"), ("c/b.txt", "b")],
                &[("c/a.txt", "a")],
                &["c/b.txt"],
                &["b"],
                &[],
            ),
            // moved to another folder: read again under the same id, nothing removed
            (
                &[("c/a.txt", "a")],
                &[("c/x/a.txt", "a")],
                &["c/a.txt", "c/x/a.txt"],
                &[],
                &["a"],
            ),
            // a file of the same stem beside it: both named with their extension, the old id goes
            (
                &[("c/a.txt", "a")],
                &[("c/a.txt", "a.txt"), ("c/a.pdf", "a.pdf")],
                &["c/a.pdf"],
                &["a"],
                &["a.pdf", "a.txt"],
            ),
            // an event on a file that is not a document
            (
                &[("c/a.txt", "a")],
                &[("c/a.txt", "a")],
                &["c/notes.xyz"],
                &[],
                &[],
            ),
        ];
        for (before, after, touched, removed, read) in cases {
            let touched: HashSet<PathBuf> = touched.iter().map(PathBuf::from).collect();
            let c = Change::between(&listing(before), &listing(after), &touched);
            assert_eq!(c.removed, *removed, "{before:?} → {after:?}");
            let ids: Vec<&str> = c.read.iter().map(|i| i.id.as_str()).collect();
            assert_eq!(ids, *read, "{before:?} → {after:?}");
        }
    }
}
