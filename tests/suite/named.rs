//! References by name (issue 20): a law named without its number is resolved through the
//! names the archive writes with numbers, kept ambiguous when two numbers fit, kept as a
//! named mention when none does, and an amendment stated by name is an edge.

use trichdan::doc::Document;
use trichdan::engine::Engine;
use trichdan::graph::{build, Graph, NamedRef};
use trichdan::index::SearchRequest;

use crate::support::temp_dir;

/// A plan of a commune Front committee, dated, with `preamble` and `body`: its file stem
/// and text.
fn plan(id: &str, date: &str, preamble: &str, body: &str) -> (String, String) {
    let text = format!(
        "ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\n\nSố: {id}/KH-MTTQ-BTT\n\n\
         Lương Minh, {date}\n\nKẾ HOẠCH\nTổ chức hội nghị hiệp thương\n\n{preamble}\n\n\
         I. MỤC ĐÍCH, YÊU CẦU\n{body}\n\nT/M BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    );
    (format!("plan-{id}"), text)
}

/// A law's closing article: in force from a date, its predecessor repealed.
fn law(id: &str, number: &str, name: &str, from: &str, repealed: &str) -> (String, String) {
    let text = format!(
        "QUỐC HỘI\n\nLuật số: {number}\n\nLUẬT\n{name}\n\nĐiều 1. Phạm vi điều chỉnh\n\
         Luật này quy định về {name}.\n\nĐiều 2. Hiệu lực thi hành\n\
         1. Luật này có hiệu lực thi hành từ ngày {from}.\n\
         2. {repealed} hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n"
    );
    (id.to_string(), text)
}

fn refs<'g>(g: &'g Graph, doc: &str) -> &'g [NamedRef] {
    g.named_by(doc)
}

/// What `name` (as written in `doc`) resolves to: the node's name, or `?a|b` for the
/// candidates, or `-` for a name nothing ties.
fn resolved(g: &Graph, doc: &str, name: &str) -> String {
    let r = refs(g, doc)
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{doc}: {name} not found in {:#?}", refs(g, doc)));
    match (r.node, r.candidates.as_slice()) {
        (Some(n), _) => g.nodes[n].name.clone(),
        (None, []) => "-".into(),
        (None, many) => {
            let mut names: Vec<&str> = many.iter().map(|&n| g.nodes[n].name.as_str()).collect();
            names.sort();
            format!("?{}", names.join("|"))
        }
    }
}

fn archive() -> Vec<Document> {
    texts()
        .into_iter()
        .map(|(id, text)| Document::from_text(id, text))
        .collect()
}

fn texts() -> Vec<(String, String)> {
    vec![
        plan(
            "16",
            "ngày 10 tháng 11 năm 2025",
            "Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13, ngày 09/6/2015; Luật số \
             97/2025/QH15 ngày 25/6/2025 của Quốc hội sửa đổi, bổ sung một số điều của Luật Mặt \
             trận Tổ quốc Việt Nam, Luật Công đoàn;\nCăn cứ Luật Bầu cử đại biểu Quốc hội và đại \
             biểu Hội đồng nhân dân số 85/2015/QH13;",
            "Thực hiện đúng quy định của Luật Bầu cử.",
        ),
        plan(
            "20",
            "ngày 02 tháng 12 năm 2025",
            "Căn cứ Luật Mặt trận Tổ quốc Việt Nam;\nCăn cứ Hướng dẫn số 13/HD-MTTW-BTT;",
            "Tuyên truyền Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân, Luật \
             Việc làm, Luật Thủ đô và Luật Tố cáo; Luật này không được nêu. Góp ý dự án Luật \
             Đất đai (sửa đổi).",
        ),
        plan(
            "21",
            "ngày 05 tháng 3 năm 2017",
            "Căn cứ Hướng dẫn số 13/HD-MTTW-BTT;",
            "Tuyên truyền Luật Tố cáo và Luật Việc làm.",
        ),
        plan(
            "23",
            "ngày 06 tháng 12 năm 2025",
            "Căn cứ Luật\u{2009}Mặt trận Tổ quốc\u{2003}Việt Nam;",
            "Tuyên truyền Luật\u{2009}Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân.",
        ),
        plan(
            "22",
            "ngày 05 tháng 3 năm 2026",
            "Căn cứ Hướng dẫn số 13/HD-MTTW-BTT;",
            "Tuyên truyền Luật Việc làm năm 2013.",
        ),
        plan(
            "30",
            "ngày 01 tháng 8 năm 2020",
            "Căn cứ Luật Việc làm số 38/2013/QH13;\nCăn cứ Luật Tố cáo số 03/2011/QH13;",
            "",
        ),
        plan(
            "31",
            "ngày 01 tháng 8 năm 2025",
            "Căn cứ Luật Việc làm số 74/2025/QH15;",
            "",
        ),
        law(
            "luat-to-cao-2018",
            "25/2018/QH14",
            "TỐ CÁO",
            "01 tháng 01 năm 2019",
            "Luật Tố cáo số 03/2011/QH13",
        ),
    ]
}

/// A name the archive writes with one number takes it, with the places that say so; the
/// relation is read from where the name stands.
#[test]
fn a_name_written_elsewhere_with_its_number_is_resolved() {
    let g = build(&archive());
    assert_eq!(
        resolved(&g, "plan-20", "Luật Mặt trận Tổ quốc Việt Nam"),
        "75/2015/QH13"
    );
    let front = &refs(&g, "plan-20")[0];
    assert_eq!(front.relation.as_str(), "based_on");
    assert!(
        front
            .evidence
            .iter()
            .any(|e| e.doc == "plan-16"
                && e.quote == "Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13")
    );
    let long = "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân";
    assert_eq!(resolved(&g, "plan-20", long), "85/2015/QH13");
    // and the edge is in the graph like a numbered citation's
    let from = g.doc_node("plan-20").unwrap();
    let to = g
        .out_edges(from)
        .map(|e| g.nodes[e.to].name.as_str())
        .collect::<Vec<_>>();
    assert!(
        to.contains(&"75/2015/QH13") && to.contains(&"85/2015/QH13"),
        "{to:?}"
    );
}

/// `Luật Bầu cử` where the same document writes the full name with its number is that law.
#[test]
fn a_short_form_takes_the_full_name_the_document_writes() {
    let g = build(&archive());
    assert_eq!(resolved(&g, "plan-16", "Luật Bầu cử"), "85/2015/QH13");
}

/// Two numbers for one name: ambiguous unless the year written, the document's date or a
/// repeal clause tells them apart.
#[test]
fn a_name_fitting_two_numbers_stays_ambiguous_unless_told_apart() {
    let g = build(&archive());
    assert_eq!(
        resolved(&g, "plan-20", "Luật Việc làm"),
        "?38/2013/QH13|74/2025/QH15"
    );
    assert_eq!(resolved(&g, "plan-22", "Luật Việc làm"), "38/2013/QH13");
    // in 2017 the 2025 law did not exist
    assert_eq!(resolved(&g, "plan-21", "Luật Việc làm"), "38/2013/QH13");
    // 25/2018/QH14 repealed 03/2011/QH13 from 1 January 2019: after, the new one; before,
    // the old one
    assert_eq!(resolved(&g, "plan-20", "Luật Tố cáo"), "25/2018/QH14");
    assert_eq!(resolved(&g, "plan-21", "Luật Tố cáo"), "03/2011/QH13");
}

/// A name nothing ties is kept as a named mention; the document speaking of a law by
/// `Luật này` and a draft (`dự án Luật … (sửa đổi)`) are not references.
#[test]
fn names_nothing_ties_are_kept_and_drafts_are_not_references() {
    let g = build(&archive());
    assert_eq!(resolved(&g, "plan-20", "Luật Thủ đô"), "-");
    let names: Vec<&str> = refs(&g, "plan-20")
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("này") || n.contains("Đất đai")),
        "{names:?}"
    );
}

/// `Luật số 97/2025/QH15 … sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt
/// Nam`: an amends edge from 97/2025/QH15 to the law named, stated by the plan.
#[test]
fn an_amendment_stated_by_name_is_an_edge() {
    let g = build(&archive());
    let amends: Vec<(String, String)> = g
        .stated_by("plan-16")
        .filter(|e| e.rel.as_str() == "amends")
        .map(|e| (g.nodes[e.from].name.clone(), g.nodes[e.to].name.clone()))
        .collect();
    assert!(
        amends.contains(&("97/2025/QH15".into(), "75/2015/QH13".into())),
        "{amends:?}"
    );
}

/// Through the engine: a law typed by its name (`luật mặt trận tổ quốc việt nam`) is read as
/// the number the archive ties to it, and a document's page lists the names it writes with
/// what each resolves to and why.
#[test]
fn names_are_read_when_typed_and_shown_on_the_page() {
    let dir = temp_dir("named-corpus");
    for (id, text) in texts() {
        std::fs::write(dir.join(format!("{id}.txt")), text).unwrap();
    }
    let listing = trichdan::ingest::listing(&dir).unwrap();
    let (engine, _) = Engine::build(&temp_dir("named-index"), &listing, 2, &|_| {}).unwrap();
    for q in [
        "luật mặt trận tổ quốc việt nam",
        "luat mat tran to quoc viet nam",
    ] {
        let req = SearchRequest {
            query: q.into(),
            limit: 5,
            offset: 0,
            sort: Default::default(),
        };
        let r = engine.search(&req).unwrap();
        assert_eq!(
            r.interpreted.first().map(|i| i.id.as_str()),
            Some("75/2015/QH13"),
            "{q}"
        );
    }
    // a year typed picks among the numbers a name had
    let req = SearchRequest {
        query: "luật việc làm 2013".into(),
        limit: 5,
        offset: 0,
        sort: Default::default(),
    };
    let r = engine.search(&req).unwrap();
    assert_eq!(r.interpreted[0].id, "38/2013/QH13");
    let view = engine.document("plan-20").unwrap();
    let front = view
        .named
        .iter()
        .find(|n| n.name == "Luật Mặt trận Tổ quốc Việt Nam")
        .unwrap();
    assert_eq!(front.node.as_deref(), Some("75/2015/QH13"));
    assert!(front.evidence.iter().any(|e| e.doc == "plan-16"));
    let open = view
        .named
        .iter()
        .find(|n| n.name == "Luật Việc làm")
        .unwrap();
    assert_eq!(open.node, None);
    assert_eq!(open.candidates.len(), 2);
}

/// Every reference's span holds its name as written (line breaks as spaces), also when the
/// words are set apart by spaces wider than a byte: the page cuts the text at these bytes.
#[test]
fn spans_hold_the_names_as_written() {
    let docs = archive();
    let g = build(&docs);
    let mut seen = 0;
    for d in &docs {
        for r in g.named_by(&d.id) {
            assert_eq!(
                d.text[r.span.clone()].replace('\n', " "),
                r.name,
                "{}",
                d.id
            );
            seen += 1;
        }
    }
    assert!(seen >= 10, "{seen}");
    assert_eq!(
        resolved(
            &g,
            "plan-23",
            "Luật\u{2009}Mặt trận Tổ quốc\u{2003}Việt Nam"
        ),
        "75/2015/QH13"
    );
}
