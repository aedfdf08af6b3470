//! Follow-up on a directive: recipients expanded with the dated table of units (63 provinces
//! before 1 July 2025, 34 after), plans matched to the units asked by issuer and place, units
//! that acted unasked listed apart, deadlines counted from the directive; the API's JSON,
//! CSV and workbook answers and its refusals.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use trichdan::date::Date;
use trichdan::duty::{Due, Period};
use trichdan::engine::Engine;
use trichdan::followup::{DueStatus, FollowUp};
use trichdan::ingest;
use trichdan::server::{app, AppState};

use crate::support::temp_dir;

fn directive(number: &str, date: &str) -> String {
    let (d, m, y) = {
        let p: Vec<&str> = date.split('/').collect();
        (p[0].to_string(), p[1].to_string(), p[2].to_string())
    };
    format!(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố {number}          Hà Nội, ngày {d} tháng {m} năm {y}\n\n\
         KẾT LUẬN\nvề bảo vệ môi trường\n\nI. NỘI DUNG\nBảo vệ môi trường là nhiệm vụ của cả hệ thống chính trị.\n\n\
         IV. TỔ CHỨC THỰC HIỆN\n\
         1. Các tỉnh uỷ, thành uỷ xây dựng chương trình, kế hoạch thực hiện Kết luận; báo cáo kết quả trước ngày 31/12/{y}.\n\
         2. Ban Chính sách, chiến lược Trung ương chủ trì theo dõi, đôn đốc; định kỳ hằng năm báo cáo Bộ Chính trị. \
         Sau 5 năm thực hiện, tiến hành sơ kết.\n\n\
         Nơi nhận:                                   T/M BỘ CHÍNH TRỊ\n- Các tỉnh uỷ, thành uỷ;\n\
         - Ban Chính sách, chiến lược Trung ương;\n- Lưu Văn phòng Trung ương Đảng.\n"
    )
}

const PLAN: &str = "ĐẢNG BỘ TỈNH LÀO CAI\nTỈNH ỦY\n*\nSố 104-CTr/TU          Lào Cai, ngày 30 tháng 8 năm 2026\n\n\
    CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 99-KL/TW ngày 28/7/2026 của Ban Chấp hành Trung ương Đảng\n\n\
    Thực hiện Kết luận số 99-KL/TW ngày 28/7/2026 của Ban Chấp hành Trung ương Đảng, Tỉnh ủy ban hành Chương trình hành động.\n";

const UNASKED: &str = "ỦY BAN MTTQ VIỆT NAM\nTỈNH LÀO CAI\nBAN THƯỜNG TRỰC\nSố 12/KH-MTTQ-BTT          Lào Cai, ngày 10 tháng 9 năm 2026\n\n\
    KẾ HOẠCH\nthực hiện Kết luận số 99-KL/TW của Ban Chấp hành Trung ương Đảng\n\n\
    Thực hiện Kết luận số 99-KL/TW ngày 28/7/2026 của Ban Chấp hành Trung ương Đảng, Ban Thường trực ban hành Kế hoạch.\n";

/// An engine over the two directives (2024 and 2026), a province's plan and a plan by a
/// body the directive did not name.
fn engine() -> Engine {
    engine_at(&temp_dir("followup-index"))
}

fn engine_at(index: &std::path::Path) -> Engine {
    let dir = temp_dir("followup-corpus");
    std::fs::write(dir.join("kl99.txt"), directive("99-KL/TW", "28/7/2026")).unwrap();
    std::fs::write(dir.join("kl98.txt"), directive("98-KL/TW", "10/5/2024")).unwrap();
    std::fs::write(dir.join("ctr104.txt"), PLAN).unwrap();
    std::fs::write(dir.join("mttq12.txt"), UNASKED).unwrap();
    let listing = ingest::listing(&dir).unwrap();
    Engine::build(index, &listing, 2, &|_| {}).unwrap().0
}

/// The graph saved beside the index reads back with the deadlines its nodes keep (postcard
/// cannot read internally tagged enums: a `Due` so tagged made every open rebuild the graph).
#[test]
fn the_saved_graph_reads_back_with_its_deadlines() {
    let dir = temp_dir("followup-saved");
    let e = engine_at(&dir);
    let tag = e.index().commit_tag();
    let g = trichdan::graph::load(&dir, &tag).expect("the saved graph reads back");
    let dues: usize = g.nodes.iter().map(|n| n.dues.len()).sum();
    assert!(dues >= 6, "{dues}");
    assert_eq!(
        dues,
        e.graph().nodes.iter().map(|n| n.dues.len()).sum::<usize>()
    );
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn provinces(f: &FollowUp) -> usize {
    f.units
        .iter()
        .filter(|u| u.phrase.contains("tỉnh uỷ"))
        .count()
}

#[test]
fn groups_expand_by_the_directive_date() {
    let e = engine();
    let new = e.follow_up("99-KL/TW", day("2026-12-07")).unwrap();
    let old = e.follow_up("98-KL/TW", day("2026-12-07")).unwrap();
    assert_eq!(provinces(&new), 34, "{:#?}", new.units);
    assert_eq!(provinces(&old), 63);
    assert!(old.units.iter().any(|u| u.name == "Tỉnh ủy Yên Bái"));
    assert!(!new.units.iter().any(|u| u.name == "Tỉnh ủy Yên Bái"));
    assert!(new
        .units
        .iter()
        .any(|u| u.name == "Ban Chính sách, chiến lược Trung ương"));
    // the map: every province of today has its square
    let squares = new.units.iter().filter(|u| u.tile.is_some()).count();
    assert_eq!(squares, 34);
}

#[test]
fn plans_answer_their_units_and_the_unasked_are_kept() {
    let f = engine().follow_up("99-KL/TW", day("2026-12-07")).unwrap();
    let lao_cai = f
        .units
        .iter()
        .find(|u| u.name == "Tỉnh ủy Lào Cai")
        .unwrap();
    let plan = &lao_cai.plans[0];
    assert_eq!(plan.node, "104-CTr/TU@Lào Cai");
    assert_eq!(plan.days_after, Some(33));
    assert_eq!(f.acted, 1);
    let unasked: Vec<&str> = f.unasked.iter().map(|p| p.node.as_str()).collect();
    assert_eq!(unasked.len(), 1, "{unasked:?}");
    assert_eq!(f.unasked_total, 1);
    assert!(unasked[0].starts_with("12/KH-MTTQ-BTT"), "{unasked:?}");
    let lead = f
        .tasks
        .iter()
        .find(|t| t.unit.starts_with("Ban Chính sách"))
        .unwrap();
    assert_eq!(lead.role, trichdan::duty::Role::Lead);
}

#[test]
fn deadlines_count_from_the_directive() {
    let f = engine().follow_up("99-KL/TW", day("2026-12-07")).unwrap();
    let of = |due: Due| f.deadlines.iter().find(|d| d.due == due).unwrap();
    let report = of(Due::On {
        date: day("2026-12-31"),
    });
    assert_eq!(report.status, DueStatus::Soon);
    let yearly = of(Due::Every {
        period: Period::Year,
    });
    assert_eq!(yearly.next, Some(day("2027-07-28")));
    let review = of(Due::After { months: 60 });
    assert_eq!(review.next, Some(day("2031-07-28")));
    let later = engine().follow_up("99-KL/TW", day("2027-01-05")).unwrap();
    let report = later
        .deadlines
        .iter()
        .find(|d| d.text.contains("31/12"))
        .unwrap();
    assert_eq!(report.status, DueStatus::Overdue);
}

/// The agenda lists what falls in the period asked and marks it as of another day: past,
/// coming due within 30 days, or later.
#[test]
fn the_agenda_marks_each_day_as_of_the_day_asked() {
    let e = engine();
    let g = e.graph();
    let (from, to) = (day("2026-12-01"), day("2027-01-31"));
    let status = |as_of: &str| -> Vec<DueStatus> {
        let a = trichdan::followup::agenda::agenda(&g, from, to, day(as_of));
        a.units
            .iter()
            .flat_map(|u| &u.items)
            .map(|d| d.status)
            .collect()
    };
    assert_eq!(status("2026-11-01"), [DueStatus::Later]);
    assert_eq!(status("2026-12-20"), [DueStatus::Soon]);
    assert_eq!(status("2027-01-05"), [DueStatus::Overdue]);
}

/// A directive with more plans by units it did not name than one answer lists: the first
/// [`MAX_UNASKED`] are listed, direct plans before the plans carrying those out, and all
/// are counted.
#[test]
fn a_long_list_of_unasked_plans_is_cut_and_counted() {
    use trichdan::doc::Document;
    use trichdan::followup::MAX_UNASKED;
    let plan = |i: usize, of: &str| {
        Document::from_text(
            format!("p{i}"),
            format!("KẾ HOẠCH\nThực hiện {of} ngày 10/01/2026, ban hành Kế hoạch như sau:\n"),
        )
    };
    // 2,010 plans carry out the conclusion; 5 plans carry out the first of them
    let mut docs: Vec<Document> = (0..MAX_UNASKED + 10)
        .map(|i| plan(i, "Kết luận số 9-KL/TW"))
        .collect();
    docs[0] = Document::from_text(
        "p0",
        "Số 1-KH/ĐU          Hà Nội, ngày 11 tháng 01 năm 2026\nKẾ HOẠCH\n\
             Thực hiện Kết luận số 9-KL/TW ngày 10/01/2026, ban hành như sau:\n"
            .to_string(),
    );
    // the plans below are dated and the direct ones not: by date alone they would come first
    docs.extend((0..5).map(|i| {
        Document::from_text(
            format!("q{i}"),
            format!(
                "Số {}-KH/CB          Hà Nội, ngày 12 tháng 01 năm 2026\nKẾ HOẠCH\n\
                 Thực hiện Kế hoạch số 1-KH/ĐU ngày 10/01/2026, ban hành như sau:\n",
                i + 2
            ),
        )
    }));
    assert!(docs.last().unwrap().date.is_some());
    let g = trichdan::graph::build(&docs);
    let n = g.lookup("9-KL/TW")[0];
    let f = trichdan::followup::follow_up(&g, n, None, day("2026-12-07"));
    assert_eq!(
        f.unasked_total,
        MAX_UNASKED + 15,
        "every plan below counted"
    );
    assert_eq!(f.unasked.len(), MAX_UNASKED, "the list cut");
    assert!(
        f.unasked.iter().all(|p| p.depth == 1),
        "direct plans listed first"
    );
}

async fn fetch(router: axum::Router, uri: &str) -> (StatusCode, Vec<u8>) {
    let res = router
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    (
        status,
        res.into_body().collect().await.unwrap().to_bytes().to_vec(),
    )
}

#[tokio::test]
async fn the_api_answers_json_csv_and_a_workbook() {
    let router = app(AppState::new(engine(), None));
    let (s, body) = fetch(router.clone(), "/api/follow-up/99-KL%2FTW?as_of=2026-12-07").await;
    assert_eq!(s, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["acted"], 1);
    let (s, csv) = fetch(router.clone(), "/api/follow-up/99-KL%2FTW?format=csv").await;
    assert_eq!(s, StatusCode::OK);
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("\"Đơn vị\"") && csv.contains("104-CTr/TU@Lào Cai"),
        "{csv}"
    );
    let (s, xlsx) = fetch(router.clone(), "/api/follow-up/99-KL%2FTW?format=xlsx").await;
    assert_eq!(s, StatusCode::OK);
    assert!(xlsx.starts_with(b"PK"), "a zip container");
    for (uri, want) in [
        (
            "/api/follow-up/99-KL%2FTW?as_of=07-12-2026",
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/follow-up/99-KL%2FTW?format=pdf",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/follow-up/77-KL%2FTW", StatusCode::NOT_FOUND),
        (
            "/api/due?from=2026-12-01&to=2026-11-01",
            StatusCode::BAD_REQUEST,
        ),
    ] {
        assert_eq!(fetch(router.clone(), uri).await.0, want, "{uri}");
    }
    let (s, body) = fetch(router, "/api/due?from=2026-12-01&to=2027-01-31").await;
    assert_eq!(s, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    // the 2026 report falls in the period; the 2024 one and both yearly reports do not
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["units"][0]["unit"], "Các tỉnh uỷ, thành uỷ");
}
