//! Topical search on small written documents: words in any order, relaxing by dropping
//! words, title and opening over the body, abbreviations and number forms both ways, the
//! document an identifier names first, and a name for every hit.

use std::sync::OnceLock;

use trichdan::index::{SearchIndex, SearchRequest, SearchResult, ABBREVIATIONS};

use crate::support::temp_dir;

/// Filler that says nothing about any query, to give documents a body of some length.
fn filler() -> String {
    "Các cơ quan, đơn vị thực hiện nghiêm túc, báo cáo kết quả định kỳ theo quy định. ".repeat(20)
}

/// Flowers that keep each abbreviation's pair of documents apart.
const FLOWERS: &[&str] = &[
    "sen", "súng", "mai", "đào", "cúc", "lan", "huệ", "trúc", "tùng", "bưởi", "cau", "mận", "lê",
    "táo",
];

fn documents() -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = vec![
        ("kn_order".into(), "QUY ĐỊNH\nVề quản lý cơ sở dữ liệu\nBảo đảm dữ liệu kết nối chia sẻ an toàn.\n".into()),
        ("kn_other".into(), "NGHỊ ĐỊNH\nVề kết nối, chia sẻ dữ liệu giữa các cơ quan nhà nước\nNghị định này quy định việc kết nối, chia sẻ dữ liệu.\n".into()),
        (
            "train_title".into(),
            format!("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nSố: 12/QĐ-UBND\nQuảng Nam, ngày 5 tháng 3 năm 2025\nQUYẾT ĐỊNH\nVề việc đào tạo, bồi dưỡng cán bộ, công chức năm 2025\nCăn cứ Luật Cán bộ, công chức;\n{}\n", filler()),
        ),
        (
            "train_body".into(),
            format!(
                "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 7/2025/TT-BKHĐT\nHà Nội, ngày 9 tháng 4 năm 2025\nTHÔNG TƯ\nVề hỗ trợ doanh nghiệp nhỏ và vừa\nCăn cứ Luật Hỗ trợ doanh nghiệp nhỏ và vừa;\n{}\n{}\n",
                filler(),
                "Điều 9. Hỗ trợ đào tạo, bồi dưỡng cán bộ, công chức làm công tác hỗ trợ doanh nghiệp; đào tạo, bồi dưỡng cán bộ, công chức của hiệp hội; đào tạo, bồi dưỡng cán bộ, công chức ở địa phương."
            ),
        ),
        ("tn_plan".into(), "KẾ HOẠCH\nPhòng, chống tham nhũng, lãng phí năm 2025\nTăng cường công tác phòng, chống tham nhũng.\n".into()),
        ("tn_scatter".into(), "KẾ HOẠCH\nTổ chức hội thao\nCác đơn vị tham gia hội thao, phòng chống dịch bệnh cho những vận động viên.\n".into()),
        ("tn_other".into(), "KẾ HOẠCH\nTuyên truyền pháp luật năm 2025\n".into()),
        ("cq_02".into(), "Kết luận về mô hình chính quyền địa phương 02 cấp.\n".into()),
        ("cq_2".into(), "Sắp xếp đơn vị hành chính 2 cấp trong năm nay.\n".into()),
        ("id_own".into(), "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 75-KL/TW\nHà Nội, ngày 28 tháng 7 năm 2026\nKẾT LUẬN\ncủa Hội nghị Trung ương về bảo vệ môi trường\nNội dung kết luận.\n".into()),
        ("id_impl".into(), "TỈNH ỦY QUẢNG NAM\nSố 107-KH/TU\nQuảng Nam, ngày 1 tháng 9 năm 2026\nKẾ HOẠCH\nthực hiện Kết luận số 75-KL/TW\nNội dung kế hoạch.\n".into()),
        ("id_many".into(), "HUYỆN ỦY\nSố 13-BC/HU\nngày 1 tháng 12 năm 2026\nBÁO CÁO\ntổng kết năm\nTrong năm, các chi bộ đã học tập Kết luận số 75-KL/TW, Chỉ thị số 05-CT/TW, Quy định số 124-QĐ/TW, Quy định số 217-QĐ/TW, Nghị quyết số 57-NQ/TW và Kết luận số 21-KL/TW.\n".into()),
        ("id_cite".into(), "HUYỆN ỦY\nSố 12-BC/HU\nngày 1 tháng 11 năm 2026\nBÁO CÁO\ntình hình quý ba\nTheo tinh thần Kết luận số 75-KL/TW, các chi bộ đã họp.\n".into()),
        ("label_plain".into(), "Điều 1. Phạm vi điều chỉnh\n1. Nghị định này quy định về hỗ trợ thủy lợi.\n".into()),
        ("label_numbered".into(), "ĐẢNG ỦY XÃ\nSố 5-KH/ĐU\nngày 2 tháng 3 năm 2025\n".into()),
    ];
    assert!(
        ABBREVIATIONS.len() <= FLOWERS.len(),
        "a flower per abbreviation"
    );
    for i in 0..250 {
        docs.push((
            format!("paging_{i:03}"),
            format!("Công tác dân vận năm {i}.\n"),
        ));
    }
    for (i, (short, long)) in ABBREVIATIONS.iter().enumerate() {
        let flower = FLOWERS[i];
        docs.push((
            format!("ab_{i}_short"),
            format!("Báo cáo của {short} về vườn {flower}.\n"),
        ));
        docs.push((
            format!("ab_{i}_long"),
            format!("Báo cáo của {} về vườn {flower}.\n", long[0]),
        ));
    }
    docs
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let docs = temp_dir("relevance-docs");
        for (id, text) in documents() {
            std::fs::write(docs.join(format!("{id}.txt")), text).unwrap();
        }
        let index = SearchIndex::open_or_create(&temp_dir("relevance-index")).unwrap();
        let files = trichdan::ingest::files(&docs).unwrap();
        crate::support::build(&index, &files, 1);
        index
    })
}

fn search(q: &str) -> SearchResult {
    let req = SearchRequest {
        query: q.into(),
        limit: 20,
        offset: 0,
        sort: Default::default(),
    };
    index().search(&req).unwrap_or_else(|e| panic!("{q}: {e}"))
}

fn ids(r: &SearchResult) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn words_match_in_any_order() {
    let r = search("dữ liệu kết nối chia sẻ");
    let mut got = ids(&r);
    got.sort();
    assert_eq!(got, ["kn_order", "kn_other"], "{r:?}");
    assert!(r.relaxed.is_none());
}

#[test]
fn the_title_and_opening_outweigh_the_body() {
    let r = search("đào tạo bồi dưỡng cán bộ công chức");
    assert_eq!(ids(&r), ["train_title", "train_body"], "{r:?}");
}

#[test]
fn a_loose_query_needs_every_word_and_ranks_the_topic_first() {
    let r = search("ke hoach phong chong tham nhung");
    assert_eq!(ids(&r), ["tn_plan", "tn_scatter"], "{r:?}");
    assert!(r.relaxed.is_none());
}

#[test]
fn relaxing_drops_words_and_says_so() {
    let r = search("tham nhũng lãng phí xyzzy");
    assert_eq!(ids(&r), ["tn_plan"], "{r:?}");
    let relaxed = r.relaxed.as_ref().expect("relaxed");
    assert_eq!((relaxed.required, relaxed.typed), (4, 5));
    assert!(relaxed.note.contains("ít nhất 4 từ"), "{}", relaxed.note);
    assert!(search("\"phòng chống tham nhũng Quảng Nam\"")
        .hits
        .is_empty());
}

#[test]
fn relaxing_stops_at_half_the_words() {
    let r = search("tham nhũng xyzzy qwerty");
    let mut got = ids(&r);
    got.sort();
    assert_eq!(got, ["tn_plan", "tn_scatter"], "{r:?}");
    let relaxed = r.relaxed.as_ref().expect("relaxed");
    assert_eq!((relaxed.required, relaxed.typed), (2, 4));
    let r = search("tham xyzzy qwerty plugh");
    assert_eq!((r.total, r.relaxed.is_none()), (0, true), "{r:?}");
}

/// An index of `texts`, one file each, committed at once.
fn index_of(name: &str, texts: &[(String, String)]) -> SearchIndex {
    let docs = temp_dir(&format!("{name}-docs"));
    for (id, text) in texts {
        std::fs::write(docs.join(format!("{id}.txt")), text).unwrap();
    }
    let index = SearchIndex::open_or_create(&temp_dir(&format!("{name}-index"))).unwrap();
    let files = trichdan::ingest::files(&docs).unwrap();
    crate::support::build(&index, &files, 1);
    index
}

/// The two stages disagree: 125 short documents with the words apart, twice (first by
/// BM25), and 125 longer ones with them side by side, twice (first by proximity), among 250
/// without them. Reranking the window a deep page asks for, instead of the best 200, repeated hits.
#[test]
fn pages_past_the_reranked_best_neither_repeat_nor_skip() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for i in 0..125 {
        texts.push((
            format!("apart_{i:03}"),
            format!("Dân chủ, vận động; dân sinh, vận tải {i}.\n"),
        ));
        texts.push((
            format!("side_{i:03}"),
            format!("Báo cáo {i} về công tác dân vận ở cơ sở và dân vận của các đoàn thể, chính quyền.\n"),
        ));
    }
    for i in 0..250 {
        texts.push((
            format!("other_{i:03}"),
            format!("Báo cáo {i} về công tác thi đua.\n"),
        ));
    }
    let index = index_of("paging", &texts);
    let page = |offset: usize| {
        let req = SearchRequest {
            query: "dân vận".into(),
            limit: 10,
            offset,
            sort: Default::default(),
        };
        index.search(&req).unwrap()
    };
    let first = page(0);
    assert_eq!(first.total, 250);
    assert!(
        first.hits.iter().all(|h| h.id.starts_with("side_")),
        "{:?}",
        ids(&first)
    );
    let mut seen = std::collections::BTreeSet::new();
    for p in 0..25 {
        for h in page(p * 10).hits {
            assert!(seen.insert(h.id.clone()), "{} twice (page {})", h.id, p + 1);
        }
    }
    assert_eq!(seen.len(), 250);
}

#[test]
fn numbers_match_with_and_without_leading_zeros() {
    let r = search("chính quyền địa phương 2 cấp");
    assert_eq!(ids(&r), ["cq_02"]);
    let expanded: Vec<(&str, &[String])> = r
        .expanded
        .iter()
        .map(|e| (e.typed.as_str(), e.forms.as_slice()))
        .collect();
    assert_eq!(expanded, [("2", &["02".to_string()][..])]);
    assert_eq!(r.expanded[0].note, "Đã tìm cả: 2 = 02");
    assert_eq!(ids(&search("đơn vị hành chính 02 cấp")), ["cq_2"]);
}

#[test]
fn abbreviations_match_both_ways() {
    for (i, (short, long)) in ABBREVIATIONS.iter().enumerate() {
        let flower = FLOWERS[i];
        let pair = [format!("ab_{i}_long"), format!("ab_{i}_short")];
        for typed in [short, &long[0]] {
            let r = search(&format!("{typed} vườn {flower}"));
            let mut got: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
            got.sort();
            assert_eq!(got, pair, "{typed}");
            assert!(
                r.expanded.iter().any(|e| e.typed == *typed),
                "{typed}: {:?}",
                r.expanded
            );
        }
    }
}

#[test]
fn an_identifier_ranks_its_document_then_its_implementers_then_the_rest() {
    let tiers = ["id_own", "id_impl", "id_many", "id_cite"];
    assert_eq!(ids(&search("75-KL/TW")), tiers);
    assert_eq!(ids(&search("75-kl/tw")), tiers);
    assert_eq!(ids(&search("ket luan 75-KL/TW"))[0], "id_own");
}

#[test]
fn filters_select_without_scoring_so_the_newest_come_first() {
    // id_many cites six identifiers: scored, its cites field's length would put it last
    assert_eq!(
        ids(&search("cites:75-KL/TW")),
        ["id_many", "id_cite", "id_impl"]
    );
}

#[test]
fn every_hit_has_a_name_a_person_recognises() {
    let label = |q: &str, id: &str| {
        search(q)
            .hits
            .into_iter()
            .find(|h| h.id == id)
            .unwrap_or_else(|| panic!("{q}: no {id}"))
            .label
    };
    assert_eq!(
        label("thủy lợi", "label_plain"),
        "Nghị định này quy định về hỗ trợ thủy lợi."
    );
    assert_eq!(
        label("5-KH/ĐU", "label_numbered"),
        "Kế hoạch số 5-KH/ĐU ngày 02/03/2025"
    );
    assert!(label("75-KL/TW", "id_impl").starts_with("Kế hoạch thực hiện Kết luận số 75-KL/TW"));
    assert_eq!(
        label("đào tạo bồi dưỡng", "train_title"),
        "Quyết định về việc đào tạo, bồi dưỡng cán bộ, công chức năm 2025"
    );
}

#[test]
fn neighbours_are_found_side_by_side_across_segments() {
    let docs = temp_dir("proximity-docs");
    let write = |name: &str, text: &str| {
        let path = docs.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    // the same words, apart (and more often) in one document and side by side in the other,
    // each committed in its own segment: only proximity puts `side` first
    let apart = write(
        "apart.txt",
        "An toàn lao động, thực phẩm sạch; an toàn giao thông, thực phẩm tươi.\n",
    );
    let side = write(
        "side.txt",
        "Bảo đảm an toàn thực phẩm trong bếp ăn tập thể.\n",
    );
    let index = SearchIndex::open_or_create(&temp_dir("proximity-index")).unwrap();
    for file in [apart, side] {
        let inputs = trichdan::ingest::inputs(std::slice::from_ref(&file));
        trichdan::index::build_from(
            &index,
            1,
            &|i| trichdan::ingest::read(&inputs[i]),
            &|i| inputs[i].path.clone(),
            trichdan::index::Mode::Add,
            1,
            &|_| {},
        )
        .unwrap();
    }
    index.reload().unwrap();
    let req = SearchRequest {
        query: "an toan thuc pham".into(),
        limit: 10,
        offset: 0,
        sort: Default::default(),
    };
    let r = index.search(&req).unwrap();
    assert_eq!(ids(&r), ["side", "apart"], "{r:?}");
}
