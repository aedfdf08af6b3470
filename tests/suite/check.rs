//! `trichdan check`: a sound index passes; a damaged file, a graph gone or saved from other
//! documents is named as such, with what to do, and the command exits 1.

use trichdan::engine::check::check;
use trichdan::graph;
use trichdan::index::SearchIndex;

use crate::support::{samples_engine, trichdan};

fn codes(dir: &std::path::Path) -> Vec<&'static str> {
    check(dir)
        .unwrap()
        .problems
        .iter()
        .map(|p| p.code)
        .collect()
}

#[test]
fn a_sound_index_passes() {
    let (engine, dir) = samples_engine("check-sound");
    drop(engine);
    let report = check(&dir).unwrap();
    assert_eq!((report.documents, report.problems.len()), (5, 0));
    let out = trichdan(&["check", "--index", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("đọc lại đủ 5 văn bản"));
}

#[test]
fn a_graph_gone_or_saved_from_other_documents_is_named() {
    let (engine, dir) = samples_engine("check-graph");
    drop(engine);
    std::fs::write(dir.join(graph::FILE), b"not a graph").unwrap();
    assert_eq!(codes(&dir), ["graph_missing"]);
    // a graph saved for this very commit, but from four of its five documents
    let index = SearchIndex::open(&dir).unwrap();
    let mut docs = index.documents().unwrap();
    docs.pop();
    graph::save(&dir, &index.commit_tag(), &graph::build(&docs)).unwrap();
    drop(index);
    let report = check(&dir).unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    let p = &report.problems[0];
    assert_eq!(p.code, "graph_disagrees");
    assert!(
        p.what.contains("thiếu") && p.fix.contains(graph::FILE),
        "{p:?}"
    );
}

#[test]
fn a_damaged_index_file_is_named_and_the_command_fails_saying_what_to_do() {
    let (engine, dir) = samples_engine("check-damaged");
    drop(engine);
    let store = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .expect("a segment's stored fields");
    let mut bytes = std::fs::read(&store).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&store, bytes).unwrap();
    let report = check(&dir).unwrap();
    let p = &report.problems[0];
    assert_eq!(p.code, "damaged_files", "{:?}", report.problems);
    let name = store.file_name().unwrap().to_str().unwrap();
    assert!(p.what.contains(name), "{p:?}");
    let out = trichdan(&["check", "--index", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("hỏng") && said.contains("trichdan index"),
        "{said}"
    );
}
