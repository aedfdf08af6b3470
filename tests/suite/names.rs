//! Documents typed by their names (issue 20): `quy định 124`, `kết luận 21`, `NQ57` read as
//! references against the graph of the samples, the candidates reported, and topics left
//! alone.

use std::sync::OnceLock;

use trichdan::engine::Engine;
use trichdan::index::{SearchRequest, SearchResult};

use crate::support::samples_engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| samples_engine("names").0)
}

fn search(q: &str) -> SearchResult {
    let req = SearchRequest {
        query: q.into(),
        limit: 10,
        offset: 0,
    };
    engine().search(&req).unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// The identifier each typed name is read as, written with and without diacritics, glued
/// and with `số`: every form a person types reads as the same one.
#[test]
fn typed_names_read_as_identifiers() {
    let cases = [
        ("quy định 124", "124-QĐ/TW"),
        ("quy dinh so 124", "124-QĐ/TW"),
        ("QĐ 124 của Ban Bí thư", "124-QĐ/TW"),
        ("kết luận 21", "21-KL/TW"),
        ("ket luan 21", "21-KL/TW"),
        ("KL21", "21-KL/TW"),
        ("kết luận 21 khóa XIII", "21-KL/TW"),
        ("chỉ thị 05 học tập và làm theo", "05-CT/TW"),
        ("chương trình hành động 07", "07/CT-MTTW"),
        ("kế hoạch 37", "37/KH-MTTQ-BTT"),
    ];
    for (q, id) in cases {
        let r = search(q);
        let read = r
            .interpreted
            .first()
            .unwrap_or_else(|| panic!("{q}: not read as a name"));
        // a local identifier's node carries its scope: `37/KH-MTTQ-BTT@Khánh Hòa`
        let taken = read.id.split('@').next().unwrap();
        assert_eq!(taken, id, "{q}");
        assert_eq!(
            read.candidates[0].id, read.id,
            "{q}: the one taken comes first"
        );
        assert!(!read.candidates[0].said.is_empty(), "{q}");
    }
}

/// A name ranks what implements and cites the identifier above documents that only have
/// the words: every sample citing 124-QĐ/TW comes before any that does not.
#[test]
fn a_name_ranks_its_citers_above_the_words() {
    let r = search("quy định 124");
    let found = engine().lookup("124-QĐ/TW");
    let citers: Vec<&str> = found
        .candidates
        .iter()
        .flat_map(|c| c.cited_by.iter().map(String::as_str))
        .collect();
    assert!(citers.len() >= 3, "{citers:?}");
    let first: Vec<&str> = r
        .hits
        .iter()
        .take(citers.len())
        .map(|h| h.id.as_str())
        .collect();
    for id in &first {
        assert!(
            citers.contains(id),
            "{id} ranked among the citers: {first:?}"
        );
    }
}

/// Words that only name a topic, a kind without a number and numbers that fit no
/// identifier are searched as words.
#[test]
fn topics_are_not_names() {
    for q in [
        "kết luận thanh tra",
        "nghị quyết về khoa học",
        "kế hoạch 9999",
        "học tập 2022",
    ] {
        let r = search(q);
        assert!(r.interpreted.is_empty(), "{q}: {:?}", r.interpreted);
    }
}

/// A candidate carries what tells it apart from the others: kind, issuer, date, how many
/// implement it, and one line saying all of it.
#[test]
fn candidates_say_who_issued_them_and_when() {
    let r = search("kết luận 21");
    let c = &r.interpreted[0].candidates[0];
    assert_eq!(c.kind.as_deref(), Some("Kết luận"));
    assert!(
        c.issuer
            .as_deref()
            .is_some_and(|i| i.contains("Trung ương")),
        "{c:?}"
    );
    assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2021-10-25"));
    assert!(c.implementers >= 3, "{c:?}");
    assert!(c.said.starts_with("Kết luận 21-KL/TW của "), "{}", c.said);
}

/// `kế hoạch thực hiện nghị quyết 57` asks for the plans carrying it out: they come before
/// the resolution itself, which `nghị quyết 57` alone puts first.
#[test]
fn words_asking_for_plans_put_implementers_first() {
    let dir = crate::support::temp_dir("names-implementers");
    let engine = Engine::open_or_create(&dir).unwrap();
    let resolution = "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố 57-NQ/TW\n\nHà Nội, ngày 22 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đột phá phát triển khoa học, công nghệ\n\nPhát triển khoa học, công nghệ là yếu tố quyết định.\n";
    let plan = "TỈNH ỦY NGHỆ AN\n\nSố 12-KH/TU\n\nNghệ An, ngày 10 tháng 2 năm 2025\n\nKẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành kế hoạch thực hiện như sau:\n";
    engine
        .add_bytes("nq57.txt", "nq57", resolution.as_bytes())
        .unwrap();
    engine
        .add_bytes("kh12.txt", "kh12", plan.as_bytes())
        .unwrap();
    let first = |q: &str| {
        let req = SearchRequest {
            query: q.into(),
            limit: 10,
            offset: 0,
        };
        let r = engine.search(&req).unwrap();
        assert_eq!(r.interpreted[0].id, "57-NQ/TW", "{q}");
        r.hits[0].id.clone()
    };
    assert_eq!(first("nghị quyết 57"), "nq57");
    assert_eq!(first("kế hoạch thực hiện nghị quyết 57"), "kh12");
    assert_eq!(first("ke hoach trien khai NQ 57"), "kh12");
}
