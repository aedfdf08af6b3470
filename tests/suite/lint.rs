//! The data-quality report over an archive: each check finds what it is for, at the right
//! place, and nothing in clean documents; the files an index run could not read are kept
//! beside the index and leave the list when they are read; the API serves it, pages it and
//! refuses an unknown check.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use trichdan::engine::Engine;
use trichdan::ingest;
use trichdan::lint::{Check, Finding, Report};
use trichdan::server::{app, AppState};

use crate::support::temp_dir;

/// A plan citing the Quy định 124-QĐ/TW correctly, 11-QĐi/TW of the Bộ Chính trị, and its
/// province's plan 156-KH/TU.
const GOOD: &str =
    "TỈNH ỦY KHÁNH HÒA\n*\nSố 200-KH/TU          Nha Trang, ngày 10 tháng 3 năm 2022\n\n\
    KẾ HOẠCH\nthực hiện Quy định số 124-QĐ/TW\n\n\
    Thực hiện Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư về giám sát; \
    Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị; \
    Kế hoạch số 156-KH/TU ngày 12/12/2019 của Ban Thường vụ Tỉnh ủy, Tỉnh ủy ban hành Kế hoạch.\n";

/// The same citations written wrong: a Quyết định for the Quy định, another day, another
/// body, the suffix twice; and no number of its own.
const SLOPPY: &str = "TỈNH ỦY KHÁNH HÒA\n*\nNha Trang, ngày 15 tháng 4 năm 2022\n\n\
    KẾ HOẠCH\nvề giám sát\n\n\
    Thực hiện Quyết định số 124-QĐ/TW ngày 03/02/2018 của Ban Bí thư về giám sát; \
    Quy định số 11-QĐi/TW ngày 18/02/2019 của Ban Chấp hành Trung ương; \
    Kế hoạch số 156-KH/TU-KH/TU ngày 12/12/2019 của Ban Thường vụ Tỉnh ủy, Tỉnh ủy ban hành Kế hoạch.\n";

/// A regulation written `QĐ` beside its own `QĐi` spelling of the same day.
const MIXED: &str = "TỈNH ỦY KHÁNH HÒA\n*\nSố 210-KH/TU          Nha Trang, ngày 20 tháng 5 năm 2022\n\n\
    KẾ HOẠCH\nthực hiện Quy định số 890-QĐi/TU\n\n\
    Thực hiện Quy định số 890-QĐi/TU ngày 05/3/2019 của Ban Thường vụ Tỉnh ủy, Tỉnh ủy ban hành Kế hoạch.\n\
    1. Các đảng ủy thực hiện Quy định số 890-QĐ/TU, ngày 05/3/2019 của Ban Thường vụ Tỉnh ủy.\n";

/// One regulation cited as `891-QĐi/TU` by one plan and as `891-QĐ/TU` by another, same day.
const AS_QDI: &str = "TỈNH ỦY KHÁNH HÒA\n*\nSố 220-KH/TU          Nha Trang, ngày 1 tháng 6 năm 2022\n\n\
    KẾ HOẠCH\nthực hiện Quy định số 891-QĐi/TU\n\n\
    Thực hiện Quy định số 891-QĐi/TU ngày 07/3/2019 của Ban Thường vụ Tỉnh ủy, Tỉnh ủy ban hành Kế hoạch.\n";
const AS_QD: &str = "TỈNH ỦY KHÁNH HÒA\n*\nSố 230-KH/TU          Nha Trang, ngày 2 tháng 6 năm 2022\n\n\
    KẾ HOẠCH\nthực hiện Quy định số 891-QĐ/TU\n\n\
    Thực hiện Quy định số 891-QĐ/TU ngày 07/3/2019 của Ban Thường vụ Tỉnh ủy, Tỉnh ủy ban hành Kế hoạch.\n";

fn corpus() -> std::path::PathBuf {
    let dir = temp_dir("lint-corpus");
    std::fs::write(dir.join("as-qdi.txt"), AS_QDI).unwrap();
    std::fs::write(dir.join("as-qd.txt"), AS_QD).unwrap();
    std::fs::write(dir.join("good.txt"), GOOD).unwrap();
    std::fs::write(dir.join("sloppy.txt"), SLOPPY).unwrap();
    std::fs::write(dir.join("mixed.txt"), MIXED).unwrap();
    // 8-bit TCVN3: read, converted, and reported
    let tcvn: Vec<u8> =
        "KÕ ho¹ch\nThùc hiÖn KÕt luËn sè 21-KL/TW cña Ban ChÊp hµnh Trung \u{AD}¬ng"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
    std::fs::write(dir.join("tcvn.txt"), tcvn).unwrap();
    // not text: not indexed, but listed
    std::fs::write(
        dir.join("broken.txt"),
        [0u8, 1, 2, 3, 0xFF, 0xFE, 7, 8].repeat(64),
    )
    .unwrap();
    dir
}

fn engine(corpus: &std::path::Path, index: &std::path::Path) -> Engine {
    let listing = ingest::listing(corpus).unwrap();
    Engine::build(index, &listing, 2, &|_| {}).unwrap().0
}

fn of(r: &Report, check: Check) -> Vec<&Finding> {
    r.findings.iter().filter(|f| f.check == check).collect()
}

/// The text a place's span points at, read from the stored document.
fn at(e: &Engine, doc: &str, span: [usize; 2]) -> String {
    let d = e.index().document(doc).unwrap().unwrap();
    d.text[span[0]..span[1]].to_string()
}

#[test]
fn each_check_finds_its_fault_at_its_place() {
    let corpus = corpus();
    let e = engine(&corpus, &temp_dir("lint-index"));
    let r = e.lint().unwrap();
    assert_eq!(r.documents, 6);

    let doubled = of(&r, Check::DoubledSuffix);
    assert_eq!(doubled.len(), 1, "{doubled:?}");
    let p = &doubled[0].places[0];
    assert_eq!(
        (p.doc.as_str(), at(&e, &p.doc, p.span.unwrap()).as_str()),
        ("sloppy", "156-KH/TU-KH/TU")
    );
    assert_eq!(p.excerpt.as_ref().unwrap().hit, "156-KH/TU-KH/TU");

    let kind = of(&r, Check::KindDisagrees);
    assert_eq!(kind.len(), 1, "{kind:?}");
    assert_eq!(kind[0].subject, "124-QĐ/TW");
    // the rarer word first, at its place
    assert_eq!(kind[0].variants[0].value, "Quyết định");
    assert_eq!(kind[0].places[0].doc, "sloppy");

    let date = of(&r, Check::DateDisagrees);
    assert_eq!(date.len(), 1, "{date:?}");
    let said: Vec<&str> = date[0].variants.iter().map(|v| v.value.as_str()).collect();
    assert!(
        said.contains(&"03/02/2018") && said.contains(&"02/02/2018"),
        "{said:?}"
    );

    let issuer = of(&r, Check::IssuerDisagrees);
    assert_eq!(issuer.len(), 1, "{issuer:?}");
    assert_eq!(issuer[0].subject, "11-QĐi/TW");

    let qd = of(&r, Check::QdQdi);
    assert_eq!(qd.len(), 2, "{qd:?}");
    // written QĐ in a text that writes the same day's QĐi
    let mixed = qd.iter().find(|f| f.subject == "890-QĐi/TU").unwrap();
    let p = &mixed.places[0];
    assert_eq!(
        (p.doc.as_str(), at(&e, &p.doc, p.span.unwrap()).as_str()),
        ("mixed", "890-QĐ/TU")
    );
    // two documents, one spelling each: both nodes and both places listed
    let pair = qd
        .iter()
        .find(|f| f.subject.starts_with("891-QĐi/TU"))
        .unwrap();
    assert_eq!(pair.variants.len(), 2, "{pair:?}");
    let written: Vec<(String, String)> = pair
        .places
        .iter()
        .map(|p| (p.doc.clone(), at(&e, &p.doc, p.span.unwrap())))
        .collect();
    assert!(
        written.contains(&("as-qd".into(), "891-QĐ/TU".into())),
        "{written:?}"
    );
    assert!(
        written.contains(&("as-qdi".into(), "891-QĐi/TU".into())),
        "{written:?}"
    );

    let unnumbered: Vec<&str> = of(&r, Check::NoOwnNumber)
        .iter()
        .map(|f| f.subject.as_str())
        .collect();
    assert_eq!(unnumbered, ["sloppy", "tcvn"]);
    let legacy = of(&r, Check::LegacyEncoding);
    assert_eq!(legacy.len(), 1);
    assert_eq!(legacy[0].places[0].said.as_deref(), Some("TCVN3 (8-bit)"));

    let unread = of(&r, Check::Unread);
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert!(
        unread[0].subject.ends_with("broken.txt"),
        "{}",
        unread[0].subject
    );

    // the clean plan is the subject of no finding, and a place only as the other side of a
    // disagreement
    for f in &r.findings {
        assert_ne!(f.subject, "good");
        let spelled = matches!(f.check, Check::DoubledSuffix | Check::QdQdi);
        assert!(
            !spelled || f.places.iter().all(|p| p.doc != "good"),
            "{f:?}"
        );
    }
    let counted: usize = r.counts.iter().map(|c| c.count).sum();
    assert_eq!(counted, r.findings.len());
}

#[test]
fn a_file_read_at_last_leaves_the_list_of_unread() {
    let corpus = corpus();
    let index = temp_dir("lint-index");
    let e = engine(&corpus, &index);
    assert_eq!(of(&e.lint().unwrap(), Check::Unread).len(), 1);
    // the list outlives the engine: another process reads it beside the index
    drop(e);
    let e = Engine::open(&index).unwrap();
    assert_eq!(of(&e.lint().unwrap(), Check::Unread).len(), 1);
    // fixed and added again: read, and gone from the list (a new report for the new commit)
    let broken = corpus.join("broken.txt");
    std::fs::write(
        &broken,
        "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021\n",
    )
    .unwrap();
    let summary = e.add(&[broken], &|_| {}).unwrap();
    assert!(summary.failures.is_empty());
    let r = e.lint().unwrap();
    assert!(
        of(&r, Check::Unread).is_empty(),
        "{:?}",
        of(&r, Check::Unread)
    );
    assert_eq!(r.documents, 7);
}

async fn fetch(router: axum::Router, uri: &str) -> (StatusCode, serde_json::Value) {
    let res = router
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&body).unwrap())
}

#[tokio::test]
async fn the_api_pages_the_report_and_refuses_an_unknown_check() {
    let corpus = corpus();
    let router = app(AppState::new(
        engine(&corpus, &temp_dir("lint-index")),
        None,
    ));
    let (s, all) = fetch(router.clone(), "/api/lint").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 8, "{all}");
    assert_eq!(all["counts"].as_array().unwrap().len(), Check::ALL.len());
    let (s, one) = fetch(router.clone(), "/api/lint?check=date_disagrees").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(one["total"], 1);
    assert_eq!(one["findings"][0]["check"], "date_disagrees");
    let (_, window) = fetch(router.clone(), "/api/lint?offset=2&limit=3").await;
    assert_eq!(window["findings"].as_array().unwrap().len(), 3);
    assert_eq!(window["findings"][0], all["findings"][2]);
    for uri in [
        "/api/lint?check=nope",
        "/api/lint?limit=1001",
        "/api/lint?offset=-1",
    ] {
        let (s, body) = fetch(router.clone(), uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            body["error"]["message"].as_str().unwrap().len() > 10,
            "{body}"
        );
    }
    let (_, spec) = fetch(router, "/api/openapi.json").await;
    assert!(spec["paths"]["/api/lint"]["get"].is_object());
}
