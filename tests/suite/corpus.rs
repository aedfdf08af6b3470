//! Real documents: the bundled archive (`corpus/`, what a fresh clone serves) with its Lào Cai
//! chain and 57-NQ/TW carried out across provinces; the whole shared corpus (../shared/corpus)
//! indexed with no panic and no failure, and who carries out five directives in it.

use std::collections::BTreeSet;

use trichdan::graph::{self, Direction};
use trichdan::index::SearchIndex;

use crate::support::{root, temp_dir};

#[test]
fn the_bundled_archive_holds_the_lao_cai_chain_and_57_nq_tw_across_provinces() {
    let dir = temp_dir("bundled");
    let idx = SearchIndex::open_or_create(&dir).unwrap();
    let files = trichdan::ingest::files(&root().join("corpus")).unwrap();
    let summary = crate::support::build(&idx, &files, 2);
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    assert!(summary.documents >= 400, "{} documents", summary.documents);
    let g = graph::build(&idx.documents().unwrap());
    let nq57 = g.lookup("57-NQ/TW");
    assert_eq!(nq57.len(), 1);
    let places: BTreeSet<String> = g
        .implementers(nq57[0], 2)
        .into_iter()
        .filter_map(|i| i.node.split_once('@').map(|(_, place)| place.to_string()))
        .collect();
    for place in ["Bắc Ninh", "Nghệ An", "Đồng Nai"] {
        assert!(places.contains(place), "57-NQ/TW carried out in {places:?}");
    }
    let root = g.lookup("75-KL/TW");
    assert_eq!(root.len(), 1);
    let chain = g.chain(root[0], Direction::Down, 3);
    let expected = [
        ("31-CTr/TW", "75-KL/TW", "CTr-31-CTr-TW-2026"),
        (
            "104-CTr/TU@Lào Cai",
            "75-KL/TW",
            "CTr-104-CTr-TU-2026-LaoCai",
        ),
        (
            "104-CTr/TU@Lào Cai",
            "31-CTr/TW",
            "CTr-104-CTr-TU-2026-LaoCai",
        ),
        (
            "2449-CV/ĐU@Lào Cai",
            "104-CTr/TU@Lào Cai",
            "CV-2449-CV-DU-2026-LaoCai",
        ),
    ];
    for (from, to, stated_in) in expected {
        assert!(
            chain
                .edges
                .iter()
                .any(|e| e.from == from && e.to == to && e.stated_in == stated_in),
            "{from} → {to} stated in {stated_in}: {:#?}",
            chain.edges
        );
    }
    for node in ["31-CTr/TW", "104-CTr/TU@Lào Cai", "2449-CV/ĐU@Lào Cai"] {
        let n = chain.nodes.iter().find(|n| n.node == node).unwrap();
        assert!(n.doc.is_some(), "{node} is a corpus document");
    }
    // hits of Markdown sources (57-NQ/TW's own among them) read as text, not as markup
    let request = trichdan::index::SearchRequest {
        query: "57-NQ/TW".into(),
        limit: 20,
        offset: 0,
        sort: Default::default(),
    };
    let hits = idx.search(&request).unwrap().hits;
    assert!(hits.iter().any(|h| h.id == "NQ-57-NQ-TW-2024"));
    for h in &hits {
        for markup in ["**", "\\-", "## ", " --- "] {
            assert!(!h.snippet.contains(markup), "{}: {}", h.id, h.snippet);
        }
    }
}

#[test]
fn the_whole_corpus_indexes_without_failures() {
    let corpus = crate::support::shared_corpus("");
    let dir = temp_dir("whole");
    let idx = SearchIndex::open_or_create(&dir).unwrap();
    let files = trichdan::ingest::files(&corpus).unwrap();
    let summary = crate::support::build(&idx, &files, 2);
    assert!(
        summary.documents >= 2_788,
        "{} documents",
        summary.documents
    );
    assert_eq!(summary.failures.len(), 0, "{:?}", summary.failures);
    let g = graph::build(&idx.documents().unwrap());
    assert!(g.nodes.len() > summary.documents && !g.edges.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
    implementers_are_those_read(&g);
}

/// `implementers` of five directives lists the archive's documents that carry them out, as
/// tests/golden/implementers.json says after reading them: exactly the direct ones at depth
/// 1, and the indirect ones (through a plan) by depth 2.
fn implementers_are_those_read(g: &graph::Graph) {
    let text = std::fs::read_to_string(root().join("tests/golden/implementers.json")).unwrap();
    let golden: serde_json::Value = serde_json::from_str(&text).unwrap();
    let stem = |p: &serde_json::Value| {
        let p = p["path"].as_str().unwrap();
        p.rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".txt")
            .to_string()
    };
    for (directive, want) in golden["directives"].as_object().unwrap() {
        let found = g.lookup(directive);
        assert_eq!(found.len(), 1, "{directive} names one node");
        let docs_to = |depth: usize| -> BTreeSet<String> {
            g.implementers(found[0], depth)
                .into_iter()
                .filter_map(|i| i.doc)
                .collect()
        };
        let direct: BTreeSet<String> = want["direct"]
            .as_array()
            .unwrap()
            .iter()
            .map(stem)
            .collect();
        assert_eq!(docs_to(1), direct, "documents that carry out {directive}");
        let deeper = docs_to(2);
        for indirect in want["indirect"].as_array().unwrap() {
            let id = stem(indirect);
            assert!(
                deeper.contains(&id),
                "{id} carries out {directive} through a plan"
            );
        }
    }
}
