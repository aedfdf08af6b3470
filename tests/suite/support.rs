//! Shared helpers: paths to the project's corpus and gold file, and the shared corpus.

use std::path::PathBuf;

use serde_json::Value;
use trichdan::doc::Document;
use trichdan::ingest::read_document;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The five samples (`corpus/samples`), which the hand-checked expectations describe.
pub fn samples() -> PathBuf {
    root().join("corpus/samples")
}

/// A folder of the shared corpus beside the project (`../shared/corpus/SUB`); a test that
/// needs it fails, naming the path, when it is absent (CI has it).
pub fn shared_corpus(sub: &str) -> PathBuf {
    let dir = root().join("../shared/corpus").join(sub);
    assert!(
        dir.is_dir(),
        "this test reads {}: put the shared folder beside the project (CI has it)",
        dir.display()
    );
    dir
}

pub fn gold() -> Value {
    let text = std::fs::read_to_string(root().join("tests/golden/seeds.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

pub fn sample(id: &str) -> Document {
    read_document(&samples().join(format!("{id}.txt"))).unwrap()
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// A fresh, empty directory under the system temp dir, unique per call.
pub fn temp_dir(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("trichdan-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The sample files of `corpus/`.
pub fn sample_files() -> Vec<PathBuf> {
    trichdan::ingest::files(&samples()).unwrap()
}

/// Runs the `trichdan` binary in the project root.
pub fn trichdan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trichdan"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Builds `index` from `files` (ids as `trichdan add` gives them), replacing what it held.
pub fn build(
    index: &trichdan::index::SearchIndex,
    files: &[PathBuf],
    threads: usize,
) -> trichdan::index::BuildSummary {
    let inputs = trichdan::ingest::inputs(files);
    trichdan::index::build_from(
        index,
        inputs.len(),
        &|i| trichdan::ingest::read(&inputs[i]),
        &|i| inputs[i].path.clone(),
        trichdan::index::Mode::Replace,
        threads,
        &|_| {},
    )
    .unwrap()
}

/// An engine over the five samples in a fresh index directory, and that directory.
pub fn samples_engine(name: &str) -> (trichdan::engine::Engine, PathBuf) {
    let dir = temp_dir(name);
    let listing = trichdan::ingest::listing(&samples()).unwrap();
    let (engine, s) = trichdan::engine::Engine::build(&dir, &listing, 2, &|_| {}).unwrap();
    assert_eq!(s.documents, 5);
    (engine, dir)
}
