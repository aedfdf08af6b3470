//! The engine under the CLI and the server: the graph saved with each commit and loaded (or
//! rebuilt when it does not match the index), answers as trees of edges, errors a caller can
//! act on, and the CLI's manners.

use std::io::Read;
use std::process::{Command, Stdio};

use trichdan::cite::Relation;
use trichdan::engine::{Engine, TreeNode};
use trichdan::graph::{Direction, Graph};
use trichdan::index::{SearchIndex, SMALL_BUDGET};
use trichdan::{ingest, Error};

use crate::support::{samples_engine, temp_dir, trichdan};

const GRAPH_FILE: &str = "trichdan-graph.bin";

#[test]
fn the_graph_is_saved_with_the_commit_and_loaded_not_rebuilt() {
    let (engine, dir) = samples_engine("engine-save");
    let saved = std::fs::metadata(dir.join(GRAPH_FILE))
        .unwrap()
        .modified()
        .unwrap();
    let nodes = engine.stats().nodes;
    drop(engine);
    let again = Engine::open(&dir).unwrap();
    assert_eq!(again.stats().nodes, nodes);
    let now = std::fs::metadata(dir.join(GRAPH_FILE))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(
        saved, now,
        "opening loads the saved graph instead of writing a new one"
    );
}

#[test]
fn a_graph_saved_for_another_commit_is_rebuilt_not_answered_stale() {
    let (engine, dir) = samples_engine("engine-stale");
    assert!(engine.lookup("999-KH/TU@Quảng Nam").candidates.is_empty());
    drop(engine);
    // another writer commits behind the saved graph's back
    {
        let index = SearchIndex::open(&dir).unwrap();
        let mut w = index.writer(1, SMALL_BUDGET).unwrap();
        w.upsert(trichdan::doc::Document::from_text(
            "behind",
            "TỈNH ỦY QUẢNG NAM\nKẾ HOẠCH\nThực hiện Kế hoạch số 999-KH/TU ngày 01/02/2023 của Tỉnh ủy Quảng Nam".into(),
        ))
        .unwrap();
        w.commit().unwrap();
    }
    let engine = Engine::open(&dir).unwrap();
    assert!(
        !engine.lookup("999-KH/TU").candidates.is_empty(),
        "the graph was rebuilt for the new commit"
    );
    drop(engine);
    // a damaged graph file is rebuilt too
    // (past the format marker, so decoding itself fails)
    std::fs::write(dir.join(GRAPH_FILE), b"TDGRAPH2 garbage").unwrap();
    let engine = Engine::open(&dir).unwrap();
    assert!(!engine.lookup("999-KH/TU").candidates.is_empty());
}

#[test]
fn adding_and_removing_refresh_the_graph() {
    let (engine, dir) = samples_engine("engine-add");
    let docs = temp_dir("engine-add-docs");
    let file = docs.join("new_plan.txt");
    std::fs::write(
        &file,
        "ĐẢNG ỦY KHỐI\nKẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương",
    )
    .unwrap();
    let before = engine.related("21-KL/TW", Relation::Implements, 1).unwrap();
    engine.add(&[file], &|_| {}).unwrap();
    let after = engine.related("21-KL/TW", Relation::Implements, 1).unwrap();
    assert_eq!(after.implementers.len(), before.implementers.len() + 1);
    assert!(after.implementers.iter().any(|i| i.node == "new_plan"));
    let r = engine
        .remove(&["new_plan".into(), "not_there".into()])
        .unwrap();
    assert_eq!(
        (r.removed, r.missing),
        (vec!["new_plan".to_string()], vec!["not_there".to_string()])
    );
    let back = engine.related("21-KL/TW", Relation::Implements, 1).unwrap();
    assert_eq!(back.implementers.len(), before.implementers.len());
    // and a process opening the index afterwards sees the same
    drop(engine);
    let reopened = Engine::open(&dir).unwrap();
    let again = reopened
        .related("21-KL/TW", Relation::Implements, 1)
        .unwrap();
    assert_eq!(again.implementers.len(), before.implementers.len());
}

#[test]
fn errors_say_what_a_caller_can_act_on() {
    let (engine, _) = samples_engine("engine-errors");
    match engine.related("21-KL/TU", Relation::Implements, 3) {
        Err(Error::NotFound { suggestions, .. }) => {
            assert!(
                suggestions.contains(&"21-KL/TW".to_string()),
                "{suggestions:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        engine.document("nope"),
        Err(Error::NoDocument { .. })
    ));
    assert!(matches!(
        engine.citations("nope"),
        Err(Error::NoDocument { .. })
    ));
    let q = trichdan::index::SearchRequest {
        query: "\"mở".into(),
        limit: 10,
        offset: 0,
        sort: Default::default(),
    };
    assert!(matches!(engine.search(&q), Err(Error::Query(_))));
    // two provinces' plans numbered 05-KH/TU: the bare number names both
    let listing = ingest::listing(&crate::api::corpus_with_extras()).unwrap();
    let (engine, _) = Engine::build(&temp_dir("engine-ambiguous"), &listing, 2, &|_| {}).unwrap();
    match engine.chain("05-KH/TU", Relation::Implements, Direction::Up, 2) {
        Err(Error::Ambiguous { nodes, .. }) => assert_eq!(nodes.len(), 2),
        other => panic!("{other:?}"),
    }
}

/// Every parent–child pair of the tree is an edge of the graph in the walked direction;
/// returns how many pairs were checked.
fn assert_tree_is_edges(g: &Graph, node: &TreeNode, rel: Relation, dir: Direction) -> usize {
    let mut checked = 0;
    for child in &node.children {
        let (from, to) = match dir {
            Direction::Down => (&child.node.node, &node.node.node),
            Direction::Up => (&node.node.node, &child.node.node),
        };
        let stated: Vec<&str> = g
            .edges
            .iter()
            .filter(|e| e.rel == rel && &g.nodes[e.from].name == from && &g.nodes[e.to].name == to)
            .map(|e| e.stated_in.as_str())
            .collect();
        assert!(!stated.is_empty(), "no edge {from} → {to}");
        for doc in &child.stated_in {
            assert!(
                stated.contains(&doc.as_str()),
                "{from} → {to} is not stated in {doc}"
            );
        }
        checked += 1 + assert_tree_is_edges(g, child, rel, dir);
    }
    checked
}

#[test]
fn a_chain_is_a_tree_whose_every_parent_child_pair_is_an_edge() {
    let (engine, _) = samples_engine("engine-chain");
    let g = engine.graph();
    let mut checked = 0;
    for dir in [Direction::Down, Direction::Up] {
        for n in g.nodes.iter().filter(|n| n.id.is_some()) {
            let Ok(tree) = engine.chain(&n.name, Relation::Implements, dir, 4) else {
                continue;
            };
            checked += assert_tree_is_edges(&g, &tree.root, Relation::Implements, dir);
        }
    }
    assert!(checked >= 20, "only {checked} parent–child pairs checked");
}

#[test]
fn the_nghe_an_plan_is_drawn_under_the_plan_that_states_its_edge() {
    let corpus = crate::support::shared_corpus("legal");
    let dir = temp_dir("engine-nghean");
    let listing = ingest::listing(&corpus).unwrap();
    let (engine, _) = Engine::build(&dir, &listing, 2, &|_| {}).unwrap();
    let tree = engine
        .chain(
            "348/KH-UBND@Nghệ An",
            Relation::Implements,
            Direction::Up,
            3,
        )
        .unwrap();
    let checked = assert_tree_is_edges(
        &engine.graph(),
        &tree.root,
        Relation::Implements,
        Direction::Up,
    );
    assert!(checked >= 3, "{checked} pairs");
    let plan = tree
        .root
        .children
        .iter()
        .find(|c| c.node.node == "328-KH/TU@Nghệ An")
        .expect("328-KH/TU under 348/KH-UBND");
    assert!(plan.children.iter().any(|c| c.node.node == "57-NQ/TW"));
}

#[test]
fn a_document_view_links_each_citation_and_lists_every_relation_group() {
    let (engine, _) = samples_engine("engine-view");
    let v = engine.document("000_a72d46ed5ce96127").unwrap();
    assert!(!v.citations.is_empty());
    for c in &v.citations {
        assert_eq!(&v.text[c.start..c.end].is_empty(), &false);
        assert!(c.node.is_some(), "{} at {} links to no node", c.id, c.start);
    }
    assert_eq!(v.relations.len(), 2 * Relation::ALL.len());
    let implements = v
        .relations
        .iter()
        .find(|g| g.rel == Relation::Implements && g.label == "Văn bản được thực hiện")
        .unwrap();
    assert!(implements.documents.iter().any(|d| d.node == "21-KL/TW"));
}

#[test]
fn output_to_a_closed_pipe_ends_quietly_with_success() {
    let files: Vec<String> = (0..40)
        .flat_map(|_| trichdan::ingest::files(&crate::support::samples()).unwrap())
        .map(|p| p.display().to_string())
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_trichdan"))
        .arg("extract")
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take()); // like `| head -c 16`
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {err}", out.status);
    assert!(
        !err.contains("Broken pipe") && !err.contains("panicked"),
        "{err}"
    );
}

fn index_samples_for_cli() -> String {
    let (engine, dir) = samples_engine("engine-cli");
    drop(engine);
    dir.to_str().unwrap().to_string()
}

#[test]
fn lookup_of_an_unknown_identifier_says_so_and_suggests_near_spellings() {
    let dir = index_samples_for_cli();
    let out = trichdan(&["lookup", "21-KL/TU", "--index", &dir]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("Không có văn bản nào mang số ký hiệu 21-KL/TU"),
        "{err}"
    );
    assert!(err.contains("Có phải") && err.contains("21-KL/TW"), "{err}");
    let out = trichdan(&["lookup", "21-KL/TU", "--index", &dir, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "21-KL/TW"));
}

#[test]
fn a_commit_becomes_visible_to_searches_only_with_its_graph() {
    // the mechanism the engine uses: commit unseen, build from the latest commit, then reload
    let dir = temp_dir("engine-unseen");
    let index = SearchIndex::open_or_create(&dir).unwrap();
    let mut w = index.writer(1, SMALL_BUDGET).unwrap();
    w.upsert(trichdan::doc::Document::from_text(
        "late",
        "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW".into(),
    ))
    .unwrap();
    w.commit_unseen().unwrap();
    assert_eq!(
        index.num_docs(),
        0,
        "not yet visible to this handle's searches"
    );
    let (tag, docs) = index.latest().unwrap();
    assert_eq!(docs.len(), 1);
    assert_ne!(tag, index.commit_tag());
    index.reload().unwrap();
    assert_eq!((index.num_docs(), index.commit_tag()), (1, tag));
}

#[test]
fn a_document_lists_the_edges_it_states_between_others() {
    let (engine, _) = samples_engine("engine-stated");
    let gold = crate::support::gold();
    let want: Vec<(String, String)> = gold["external_relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["stated_in"] == "000_a72d46ed5ce96127")
        .map(|r| {
            let id = |k: &str| r[k].as_str().unwrap().to_string();
            (id("from"), id("to"))
        })
        .collect();
    assert!(!want.is_empty());
    let report = engine.citations("000_a72d46ed5ce96127").unwrap();
    let view = engine.document("000_a72d46ed5ce96127").unwrap();
    for (from, to) in &want {
        for stated in [&report.stated, &view.stated] {
            assert!(
                stated
                    .iter()
                    .any(|e| e.from.split('@').next() == Some(from) && &e.to == to),
                "{from} → {to} not listed: {stated:?}"
            );
        }
    }
}

#[test]
fn an_ambiguous_identifier_on_the_command_line_lists_its_candidates() {
    let dir = temp_dir("engine-cli-ambiguous");
    let corpus = crate::api::corpus_with_extras();
    let (dir_s, corpus_s) = (dir.to_str().unwrap(), corpus.to_str().unwrap());
    assert!(trichdan(&["index", "--corpus", corpus_s, "--index", dir_s])
        .status
        .success());
    let out = trichdan(&["chain", "05-KH/TU", "--index", dir_s]);
    assert_eq!(out.status.code(), Some(3));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    for place in ["Quảng Nam", "Nghệ An"] {
        assert!(stdout.contains(&format!("05-KH/TU@{place}")), "{stdout}");
        assert!(stderr.contains(&format!("05-KH/TU@{place}")), "{stderr}");
    }
    assert!(stderr.contains("(2)"), "{stderr}");
}

#[test]
fn searches_keep_answering_while_documents_are_added() {
    // bounded: 12 adds, each its own commit, against four threads searching (and asking the
    // graph) in a loop
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let (engine, _dir) = samples_engine("engine-concurrent");
    let done = AtomicBool::new(false);
    let answered = AtomicUsize::new(0);
    let request = |q: &str| trichdan::index::SearchRequest {
        query: q.into(),
        limit: 10,
        offset: 0,
        sort: Default::default(),
    };
    std::thread::scope(|s| {
        for q in [
            "Đảng",
            "21-KL/TW",
            "\"hệ thống chính trị\"",
            "kind:\"Kế hoạch\"",
        ] {
            let (engine, done, answered) = (&engine, &done, &answered);
            s.spawn(move || {
                let mut mine = 0;
                while !done.load(Ordering::Relaxed) || mine == 0 {
                    let found = engine.search(&request(q)).expect("a search during writes");
                    assert!(found.total > 0, "{q}: the samples are still there");
                    engine
                        .related("21-KL/TW", Relation::Implements, 2)
                        .expect("the graph during writes");
                    mine += 1;
                }
                answered.fetch_add(mine, Ordering::Relaxed);
            });
        }
        for n in 0..12 {
            let id = format!("them-{n}");
            let text = format!(
                "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW\nTừ khoá riêng xyzconcurrent{n} của văn bản.\n"
            );
            engine
                .add_bytes(&format!("{id}.txt"), &id, text.as_bytes())
                .unwrap();
            let found = engine
                .search(&request(&format!("xyzconcurrent{n}")))
                .unwrap();
            let ids: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
            assert_eq!(ids, [id.as_str()], "found right after its commit");
            let implementers = engine.related("21-KL/TW", Relation::Implements, 1).unwrap();
            assert!(
                serde_json::to_string(&implementers).unwrap().contains(&id),
                "{id} in the graph with its commit"
            );
        }
        done.store(true, Ordering::Relaxed);
    });
    assert!(
        answered.load(Ordering::Relaxed) > 12,
        "searches ran beside the adds"
    );
    let all = engine.search(&request("xyzconcurrent0")).unwrap();
    assert_eq!(all.total, 1);
    assert_eq!(engine.index().num_docs(), 5 + 12);
}
