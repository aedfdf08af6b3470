//! The citation graph over the samples (gold expectations) and over small made-up corpora
//! for identity: scoping, dates, ambiguity, own identifiers.

use std::collections::BTreeSet;

use trichdan::cite::Relation;
use trichdan::doc::Document;
use trichdan::graph::{self, Direction, Graph};
use trichdan::text::compose;

use crate::support::{gold, sample, strings};

fn samples() -> Graph {
    let ids: Vec<String> = gold()["documents"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let docs: Vec<Document> = ids.iter().map(|id| sample(id)).collect();
    graph::build(&docs)
}

fn one(g: &Graph, q: &str) -> usize {
    let found = g.lookup(q);
    assert_eq!(
        found.len(),
        1,
        "{q}: {:?}",
        found.iter().map(|&n| &g.nodes[n].name).collect::<Vec<_>>()
    );
    found[0]
}

fn doc(id: &str, text: &str) -> Document {
    Document::from_text(id, compose(text))
}

#[test]
fn implementers_and_citers_are_exactly_the_gold_ones() {
    let g = samples();
    let gold = gold();
    for (target, expected) in gold["implementers"].as_object().unwrap() {
        let n = one(&g, target);
        let got: BTreeSet<String> = g
            .implementers(n, 1)
            .into_iter()
            .filter_map(|i| i.doc)
            .collect();
        assert_eq!(
            got,
            strings(expected).into_iter().collect(),
            "implementers of {target}"
        );
    }
    for (target, expected) in gold["citers"].as_object().unwrap() {
        let n = one(&g, target);
        let got: BTreeSet<String> = g
            .citers(n)
            .into_iter()
            .map(|(d, _, _)| g.nodes[d].docs[0].clone())
            .collect();
        assert_eq!(
            got,
            strings(expected).into_iter().collect(),
            "citers of {target}"
        );
        assert_eq!(g.cited_by_count(n), got.len());
    }
}

#[test]
fn stated_relations_are_edges_with_their_stating_document() {
    let g = samples();
    for e in gold()["external_relations"].as_array().unwrap() {
        let (from, to) = (e["from"].as_str().unwrap(), e["to"].as_str().unwrap());
        let stated_in = e["stated_in"].as_str().unwrap();
        let found = g.edges.iter().any(|x| {
            x.stated
                && x.rel == Relation::Implements
                && g.nodes[x.from]
                    .id
                    .as_ref()
                    .is_some_and(|i| i.to_string() == from)
                && g.nodes[x.to]
                    .id
                    .as_ref()
                    .is_some_and(|i| i.to_string() == to)
                && x.stated_in == stated_in
        });
        assert!(found, "{from} implements {to} stated in {stated_in}");
    }
}

#[test]
fn local_identifiers_are_distinct_nodes_with_their_localities() {
    let g = samples();
    let local = &gold()["local_identifiers"]["distinct"];
    let mut nodes = BTreeSet::new();
    for row in local.as_array().unwrap() {
        let (id, citing, place) = (
            row[0].as_str().unwrap(),
            row[1].as_str().unwrap(),
            row[2].as_str().unwrap(),
        );
        let place = place.split(" (").next().unwrap();
        let from = g.doc_node(citing).unwrap();
        let target = g
            .citations_of(from)
            .into_iter()
            .map(|e| e.to)
            .find(|&t| g.nodes[t].id.as_ref().is_some_and(|i| i.to_string() == id))
            .unwrap_or_else(|| panic!("{citing} does not cite {id}"));
        let shown = g.chain_node(target);
        let locality = shown.locality.unwrap_or_default();
        assert_eq!(
            trichdan::text::fold(&locality),
            trichdan::text::fold(place),
            "{id} in {citing}"
        );
        assert!(!shown.ambiguous);
        assert_eq!(g.nodes[target].name, format!("{id}@{locality}"));
        nodes.insert(target);
    }
    assert_eq!(nodes.len(), local.as_array().unwrap().len());
}

#[test]
fn the_chain_down_from_21_kl_tw_reaches_every_level() {
    let g = samples();
    let root = one(&g, "21-KL/TW");
    let chain = g.chain(root, Direction::Down, 3);
    // 003 names no province, so its Tỉnh ủy plan 65-KH/TU stays unscoped
    let expected = [
        ("07/CT-MTTW", "000_a72d46ed5ce96127"),
        ("02-KH/ĐĐ@Quảng Nam", "000_a72d46ed5ce96127"),
        ("107-KH/TU@Quảng Nam", "000_a72d46ed5ce96127"),
        ("65-KH/TU", "003_f48e0f285acd8aa3"),
        ("000_a72d46ed5ce96127", "000_a72d46ed5ce96127"),
        ("003_f48e0f285acd8aa3", "003_f48e0f285acd8aa3"),
    ];
    for (from, stated_in) in expected {
        assert!(
            chain
                .edges
                .iter()
                .any(|e| e.from == from && e.to == "21-KL/TW" && e.stated_in == stated_in),
            "{from} → 21-KL/TW stated in {stated_in}: {:?}",
            chain.edges
        );
        assert!(chain.nodes.iter().any(|n| n.node == from), "{from}");
    }
    assert!(
        chain
            .nodes
            .iter()
            .find(|n| n.node == "65-KH/TU")
            .unwrap()
            .ambiguous
    );
    // up from a plan: it carries out 21-KL/TW
    let up = g.chain(
        g.doc_node("003_f48e0f285acd8aa3").unwrap(),
        Direction::Up,
        3,
    );
    assert!(up.nodes.iter().any(|n| n.node == "21-KL/TW"));
}

#[test]
fn two_provinces_02_nq_tu_stay_apart() {
    let g = graph::build(&[
        doc("qn", "Quảng Nam, ngày 1 tháng 2 năm 2022\nKẾ HOẠCH\nThực hiện Nghị quyết số 02-NQ/TU ngày 10/1/2021 của Ban Thường vụ Tỉnh ủy về phát triển"),
        doc("th", "Thanh Hóa, ngày 3 tháng 4 năm 2022\nKẾ HOẠCH\nThực hiện Nghị quyết số 02-NQ/TU ngày 10/1/2021 của Tỉnh ủy về phát triển"),
    ]);
    let found = g.lookup("02-NQ/TU");
    let names: BTreeSet<String> = found.iter().map(|&n| g.nodes[n].name.clone()).collect();
    assert_eq!(
        names,
        [
            "02-NQ/TU@Quảng Nam".to_string(),
            "02-NQ/TU@Thanh Hóa".to_string()
        ]
        .into()
    );
    let cands: Vec<_> = found.iter().map(|&n| g.candidate(n)).collect();
    assert!(cands
        .iter()
        .all(|c| c.cited_by.len() == 1 && c.node.locality.is_some()));
}

#[test]
fn cited_with_and_without_a_date_is_one_node_unless_dates_disagree() {
    let g = graph::build(&[
        doc(
            "a",
            "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương",
        ),
        doc(
            "b",
            "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương",
        ),
    ]);
    assert_eq!(g.lookup("21-KL/TW").len(), 1);
    assert_eq!(g.implementers(one(&g, "21-KL/TW"), 1).len(), 2);

    let g = graph::build(&[
        doc("old", "KẾ HOẠCH\nThực hiện Nghị quyết số 28-NQ/TW ngày 10/9/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)"),
        doc("new", "KẾ HOẠCH\nThực hiện Nghị quyết số 28-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII)"),
        doc("undated", "KẾ HOẠCH\nThực hiện Nghị quyết số 28-NQ/TW của Trung ương"),
    ]);
    let names: BTreeSet<String> = g
        .lookup("28-NQ/TW")
        .iter()
        .map(|&n| g.nodes[n].name.clone())
        .collect();
    assert_eq!(
        names,
        ["28-NQ/TW", "28-NQ/TW@2013", "28-NQ/TW@2022"]
            .map(String::from)
            .into()
    );
    let undated = g.node_named("28-NQ/TW").unwrap();
    assert!(
        g.nodes[undated].ambiguous,
        "the undated mention is not placed"
    );
    assert_eq!(
        g.implementers(one(&g, "28-NQ/TW@2013"), 1)[0]
            .doc
            .as_deref(),
        Some("old")
    );
}

#[test]
fn an_unscoped_local_identifier_is_ambiguous_and_lookups_list_candidates() {
    let g = graph::build(&[
        doc("x", "KẾ HOẠCH\nThực hiện Kế hoạch số 107-KH/TU của Ban Thường vụ Tỉnh ủy"),
        doc("y", "Quảng Nam, ngày 1 tháng 2 năm 2022\nKẾ HOẠCH\nThực hiện Kế hoạch số 107-KH/TU của Tỉnh ủy"),
    ]);
    let found = g.lookup("107-KH/TU");
    assert_eq!(found.len(), 2);
    let unscoped = g.candidate(g.node_named("107-KH/TU").unwrap());
    assert!(unscoped.node.ambiguous && unscoped.node.locality.is_none());
    assert_eq!(unscoped.cited_by, ["x"]);
    assert_eq!(g.lookup("107-KH/TU@Quảng Nam").len(), 1);
    assert_eq!(g.lookup("107-kh/tu@quang nam").len(), 1);
}

#[test]
fn a_corpus_document_cited_by_its_own_identifier_is_one_node() {
    let g = graph::build(&[
        doc("plan", "ỦY BAN MTTQ VIỆT NAM\nTỈNH KHÁNH HÒA\nSố: 37/KH-MTTQ-BTT\nKhánh Hòa, ngày 04 tháng 02 năm 2020\nKẾ HOẠCH\nHọc tập chuyên đề\n\nThực hiện Kế hoạch số 156-KH/TU"),
        doc("report", "Khánh Hòa, ngày 1 tháng 6 năm 2020\nBÁO CÁO\nKết quả\n\nCăn cứ Kế hoạch số 37/KH-MTTQ-BTT ngày 04/02/2020 của Ban Thường trực Ủy ban MTTQ tỉnh"),
    ]);
    let n = one(&g, "37/KH-MTTQ-BTT");
    assert_eq!(g.nodes[n].name, "37/KH-MTTQ-BTT@Khánh Hòa");
    assert_eq!(g.nodes[n].docs, ["plan"]);
    assert_eq!(g.doc_node("plan"), Some(n));
    let citers: Vec<String> = g
        .citers(n)
        .iter()
        .map(|(d, _, _)| g.nodes[*d].name.clone())
        .collect();
    assert_eq!(citers, ["report"]);
    let path = g
        .path(
            g.doc_node("report").unwrap(),
            one(&g, "156-KH/TU@Khánh Hòa"),
        )
        .unwrap();
    assert_eq!(path.len(), 3, "report → plan → 156-KH/TU");
}

#[test]
fn statements_saying_the_same_thing_are_one_entry_counted() {
    let plan = |id: &str, kind: &str| {
        trichdan::doc::Document::from_text(
            id,
            format!("KẾ HOẠCH\nThực hiện {kind} số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"),
        )
    };
    let docs = [
        plan("a", "Nghị quyết"),
        plan("b", "Nghị quyết"),
        plan("c", "Nghị quyết"),
        plan("d", "Kết luận"),
    ];
    let g = trichdan::graph::build(&docs);
    let n = g.node_named("57-NQ/TW").unwrap();
    let said: Vec<(Option<&str>, u32)> = g.nodes[n]
        .statements
        .iter()
        .map(|s| (s.kind_word.as_deref(), s.count))
        .collect();
    assert_eq!(said, [(Some("Nghị quyết"), 3), (Some("Kết luận"), 1)]);
    // the most common reading still wins, counted by documents
    assert_eq!(g.chain_node(n).kind.as_deref(), Some("Nghị quyết"));
}

/// A Party-shaped number the archive lacks suggests Party-shaped numbers first, of its own
/// kind first, even when a law of that number is cited more.
#[test]
fn near_spellings_of_a_party_number_are_party_numbers_first() {
    let g = graph::build(&[
        doc(
            "a",
            "KẾ HOẠCH\nCăn cứ Luật số 21/2017/QH14; Luật số 21/2017/QH14 quy định.\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021 và Chỉ thị số 21-CT/TW.\n",
        ),
        doc(
            "b",
            "KẾ HOẠCH\nCăn cứ Luật số 21/2017/QH14 và Luật số 21/2017/QH14.\n",
        ),
    ]);
    let near: Vec<&str> = g
        .near("21-KL/TU", 8)
        .into_iter()
        .map(|n| g.nodes[n].name.as_str())
        .collect();
    assert_eq!(near, ["21-KL/TW", "21-CT/TW", "21/2017/QH14"]);
}

/// A central Party body's own number is national, whatever city its date line names: the
/// Đảng đoàn Quốc hội's plan and the Đảng ủy Chính phủ office's letter are not Hà Nội's.
#[test]
fn a_central_body_s_own_number_is_national() {
    let g = graph::build(&[
        doc(
            "kh-3260",
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG ĐOÀN QUỐC HỘI\nSố 3260-KH/ĐĐQH15\nHà Nội, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\ntriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n",
        ),
        doc(
            "cv-402",
            "ĐẢNG ỦY CHÍNH PHỦ\nVĂN PHÒNG\nSố 402-CV/VPĐU\nHà Nội, ngày 03 tháng 6 năm 2025\n\nV/v xin ý kiến dự thảo báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW\n",
        ),
        doc(
            "kh-tinh",
            "TỈNH ỦY NGHỆ AN\nSố 328-KH/TU\nNghệ An, ngày 24 tháng 4 năm 2025\n\nKẾ HOẠCH\nthực hiện Kế hoạch số 3260-KH/ĐĐQH15 của Đảng đoàn Quốc hội\n",
        ),
    ]);
    for name in ["3260-KH/ĐĐQH15", "402-CV/VPĐU"] {
        let n = one(&g, name);
        assert_eq!(g.nodes[n].name, name, "{name} scoped");
    }
    let cited = one(&g, "3260-KH/ĐĐQH15");
    assert_eq!(
        g.nodes[cited].docs,
        ["kh-3260"],
        "the province's citation names the same node"
    );
}
