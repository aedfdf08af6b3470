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
        sort: Default::default(),
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
            sort: Default::default(),
        };
        let r = engine.search(&req).unwrap();
        assert_eq!(r.interpreted[0].id, "57-NQ/TW", "{q}");
        r.hits[0].id.clone()
    };
    assert_eq!(first("nghị quyết 57"), "nq57");
    assert_eq!(first("kế hoạch thực hiện nghị quyết 57"), "kh12");
    assert_eq!(first("ke hoach trien khai NQ 57"), "kh12");
}

/// How a person means a number shared by several documents: central Party before central
/// State; the issuer typed (two words or more) or the year typed decides; a year that
/// contradicts every candidate reads no name; a bare quantity is no name.
#[test]
fn the_candidate_a_person_means_comes_first() {
    let dir = crate::support::temp_dir("names-ranking");
    let engine = Engine::open_or_create(&dir).unwrap();
    let plans = [
        ("p1", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về khoa học, công nghệ."),
        ("p2", "Căn cứ Nghị quyết số 57/2020/NQ-CP ngày 10/5/2020 của Chính phủ về cải cách hành chính."),
        ("p3", "Căn cứ Nghị quyết số 57/2020/NQ-CP ngày 10/5/2020 của Chính phủ; Nghị quyết số 57/2020/NQ-CP."),
        ("p4", "Thực hiện Kế hoạch số 5-KH/TU ngày 1/2/2021 của Ban Thường vụ Tỉnh ủy Nghệ An."),
    ];
    for (id, body) in plans {
        let text = format!("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n\nKẾ HOẠCH\n{body}\n\n{body}\n");
        engine
            .add_bytes(&format!("{id}.txt"), id, text.as_bytes())
            .unwrap();
    }
    let read = |q: &str| {
        let req = SearchRequest {
            query: q.into(),
            limit: 10,
            offset: 0,
            sort: Default::default(),
        };
        let r = engine.search(&req).unwrap();
        r.interpreted.first().map(|i| i.id.clone())
    };
    // 57/2020/NQ-CP is cited more, but a central Party resolution comes first
    assert_eq!(read("nghị quyết 57").as_deref(), Some("57-NQ/TW"));
    assert_eq!(
        read("nghi quyet 57 cua chinh phu").as_deref(),
        Some("57/2020/NQ-CP")
    );
    assert_eq!(read("nghị quyết 57/2020").as_deref(), Some("57/2020/NQ-CP"));
    assert_eq!(read("nghị quyết 57 năm 2024").as_deref(), Some("57-NQ/TW"));
    assert_eq!(read("nghị quyết 57 năm 2019"), None);
    // a lone common word after the number names no issuer (`hội` of `hội nhập`)
    assert_eq!(read("nghị quyết 57 hội nhập").as_deref(), Some("57-NQ/TW"));
    assert_eq!(read("kế hoạch 5 năm 2021-2025"), None);
    assert!(read("kế hoạch số 5").is_some_and(|id| id.starts_with("5-KH/TU")));
}

/// A document without a title is called by its kind, number, issuer and date.
#[test]
fn an_untitled_document_is_named_by_its_issuer_too() {
    let dir = crate::support::temp_dir("names-untitled");
    let engine = Engine::open_or_create(&dir).unwrap();
    // no kind heading, no subject line: the kind is read from the number's code
    let text = "TỈNH ỦY LÀO CAI\n\nSố 12-TB/TU\n\nLào Cai, ngày 3 tháng 4 năm 2026\n\nNgày 2/4/2026, Ban Thường vụ Tỉnh ủy đã họp.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nHoàng Giang\n";
    engine
        .add_bytes("tb12.txt", "tb12", text.as_bytes())
        .unwrap();
    let req = SearchRequest {
        query: "12-TB/TU".into(),
        limit: 1,
        offset: 0,
        sort: Default::default(),
    };
    let hit = &engine.search(&req).unwrap().hits[0];
    assert_eq!(
        hit.label,
        "Thông báo số 12-TB/TU của Ban Thường vụ Tỉnh ủy Lào Cai ngày 03/04/2026"
    );
}

/// A local number shared by two provinces: the name read with its place ranks the citers of
/// that province's plan, not the other's, in the citing tier.
#[test]
fn a_local_number_ranks_its_own_provinces_citers() {
    let dir = crate::support::temp_dir("names-local");
    let engine = Engine::open_or_create(&dir).unwrap();
    let docs = [
        ("na", "TỈNH ỦY NGHỆ AN\n\nSố 20-KH/TU\n\nNghệ An, ngày 1 tháng 3 năm 2022\n\nKẾ HOẠCH\nvề tuyên truyền\n\nThực hiện Kế hoạch số 16-KH/TU ngày 10/1/2022 của Ban Thường vụ Tỉnh ủy Nghệ An về chuyển đổi số.\n"),
        ("lc", "TỈNH ỦY LÀO CAI\n\nSố 30-KH/TU\n\nLào Cai, ngày 1 tháng 3 năm 2022\n\nKẾ HOẠCH\nvề tuyên truyền\n\nThực hiện Kế hoạch số 16-KH/TU ngày 5/1/2022 của Ban Thường vụ Tỉnh ủy Lào Cai về du lịch.\n"),
    ];
    for (id, text) in docs {
        engine
            .add_bytes(&format!("{id}.txt"), id, text.as_bytes())
            .unwrap();
    }
    let req = SearchRequest {
        query: "kế hoạch 16 tỉnh ủy nghệ an".into(),
        limit: 10,
        offset: 0,
        sort: Default::default(),
    };
    let r = engine.search(&req).unwrap();
    assert_eq!(r.interpreted[0].id, "16-KH/TU@Nghệ An");
    assert_eq!(r.hits[0].id, "na");
    let other = r.hits.iter().find(|h| h.id == "lc");
    assert!(
        other.is_none_or(|h| h.score < r.hits[0].score - 1000.0),
        "{:?}",
        r.hits.iter().map(|h| (&h.id, h.score)).collect::<Vec<_>>()
    );
}
