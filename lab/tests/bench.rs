//! The lab's bench as a user runs it: a growth curve over pieces of the samples, the graph
//! growing with the text, and the peers (SQLite FTS5, plain tantivy) asked the same queries.

use std::path::PathBuf;

use serde_json::Value;
use trichdan::cite::Relation;
use trichdan::engine::Engine;

/// The repository's root, where `corpus/` is.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fresh folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("trichdan-lab-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs `trichdan-lab` with `args` from the repository's root.
fn lab(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trichdan-lab"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

#[test]
fn the_bench_grows_the_graph_with_the_text_and_compares_with_its_peers_on_the_same_pieces() {
    let index = temp_dir("bench-curve");
    let out = lab(&[
        "bench",
        "--corpus",
        "corpus/samples",
        "--sizes",
        "40,120",
        "--runs",
        "1",
        "--peers",
        "fts5,tantivy",
        "--index",
        index.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sizes = report["sizes"].as_array().unwrap();
    assert_eq!(sizes.len(), 2);
    assert_eq!(
        (
            sizes[0]["documents"].as_u64(),
            sizes[1]["documents"].as_u64()
        ),
        (Some(40), Some(120))
    );
    let nodes = |s: &Value| s["graph"]["nodes"].as_u64().unwrap();
    assert!(
        nodes(&sizes[1]) > nodes(&sizes[0]) + 80,
        "new plans are new nodes"
    );
    for class in [
        "identifier",
        "term",
        "phrase",
        "filter",
        "implementers",
        "chain",
    ] {
        assert!(
            sizes[1]["queries"][class]["p50_ms"].as_f64().is_some(),
            "{class}"
        );
    }
    // the made-up plans: a province's plan implements 57-NQ/TW, its Front plans implement it
    let dir = index.join("120");
    let below = Engine::open(&dir)
        .unwrap()
        .related("57-NQ/TW", Relation::Implements, 3)
        .unwrap();
    let depths: Vec<usize> = below.implementers.iter().map(|i| i.depth).collect();
    assert!(depths.contains(&1) && depths.contains(&2), "{depths:?}");
    assert!(sizes[1]["build"]["peak_rss_bytes"].as_u64().unwrap() > 0);
    assert_eq!(report["growth"][0]["documents_ratio"], 3.0);
    let peers = &sizes[1]["peers"];
    let names: Vec<&str> = peers["engines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["trichdan", "FTS5", "tantivy"]);
    for f in peers["folded"].as_array().unwrap() {
        assert_eq!(f["fts5_only"], 0, "folded queries find all FTS5 finds: {f}");
    }
    let id = &peers["identifier"];
    assert_eq!(id["query"], "124-QD/TW");
    assert!(
        id["counts"]["trichdan"].as_u64().unwrap() > id["counts"]["FTS5"].as_u64().unwrap(),
        "{id}"
    );
}
