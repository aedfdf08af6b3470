//! The HTTP API through `app(...).oneshot(...)`: every endpoint, the gold answers, an
//! ambiguous identifier answering 300, bad inputs each with its status and message (never a
//! 500), writes behind the token, and an upload searchable after its commit.

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use trichdan::engine::Engine;
use trichdan::ingest;
use trichdan::server::{app, AppState, MAX_BODY_BYTES};

use crate::support::{gold, samples_engine, strings, temp_dir};

pub(crate) const TOKEN: &str = "s3cret";

/// The samples plus two plans numbered 05-KH/TU by two provinces (an ambiguous identifier).
pub fn corpus_with_extras() -> std::path::PathBuf {
    let dir = temp_dir("api-corpus");
    for f in ingest::files(&crate::support::samples()).unwrap() {
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    for (name, place) in [("qn_05", "QUẢNG NAM"), ("na_05", "NGHỆ AN")] {
        std::fs::write(
            dir.join(format!("{name}.txt")),
            format!(
                "ĐẢNG BỘ TỈNH {place}\nTỈNH ỦY\nSố 05-KH/TU\n\nKẾ HOẠCH\nThực hiện Kết luận số \
                 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng"
            ),
        )
        .unwrap();
    }
    dir
}

/// One read-only engine over the samples, shared by the tests.
fn shared_app() -> Router {
    static STATE: OnceLock<AppState> = OnceLock::new();
    let state = STATE.get_or_init(|| {
        let listing = ingest::listing(&corpus_with_extras()).unwrap();
        let (engine, s) = Engine::build(&temp_dir("api-index"), &listing, 2, &|_| {}).unwrap();
        assert_eq!(s.documents, 7);
        AppState::new(engine, Some(TOKEN.into()))
    });
    app(state.clone())
}

pub(crate) async fn send(app: Router, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, body)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let req = Request::get(uri).body(Body::empty()).unwrap();
    send(shared_app(), req).await
}

fn docs_of(rows: &Value) -> Vec<String> {
    let mut out: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["doc"].as_str().map(String::from))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[tokio::test]
async fn search_answers_hits_facets_and_the_time_taken() {
    let (status, body) = get("/api/search?q=ket%20luan%2021-KL%2FTW&limit=5").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ids: Vec<&str> = body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"000_a72d46ed5ce96127") && ids.contains(&"003_f48e0f285acd8aa3"));
    assert!(body["took_ms"].as_f64().unwrap() >= 0.0);
    assert!(body["facets"]["kind"].is_object());
    assert!(body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| !h["label"].as_str().unwrap().is_empty()));
    assert!(body["relaxed"].is_null());
}

#[tokio::test]
async fn search_says_what_it_expanded_and_how_it_relaxed() {
    let (status, body) = get("/api/search?q=MTTQ%20t%E1%BB%89nh").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["expanded"][0]["typed"], "MTTQ");
    assert_eq!(
        body["expanded"][0]["forms"],
        serde_json::json!(["Mặt trận Tổ quốc"])
    );
    assert_eq!(
        body["expanded"][0]["note"],
        "Đã tìm cả: MTTQ = Mặt trận Tổ quốc"
    );
    let (_, body) = get("/api/search?q=tham%20nh%C5%A9ng%20xyzzy").await;
    assert_eq!(body["relaxed"]["required"], 2, "{body}");
    assert_eq!(body["relaxed"]["typed"], 3);
    assert!(body["relaxed"]["note"]
        .as_str()
        .unwrap()
        .contains("ít nhất 2 từ"));
}

#[tokio::test]
async fn identifier_pages_give_the_gold_implementers_and_citers() {
    let g = gold();
    for id in ["21-KL/TW", "124-QĐ/TW"] {
        let uri = format!("/api/ids/{}?depth=1", urlencode(id));
        let (status, body) = get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{id}: {body}");
        let mut want = strings(&g["implementers"][id]);
        if id == "21-KL/TW" {
            want.extend(["na_05".to_string(), "qn_05".to_string()]);
        }
        want.sort();
        assert_eq!(docs_of(&body["implementers"]), want, "{id}");
    }
    let (status, body) = get(&format!("/api/ids/{}", urlencode("217-QĐ/TW"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(docs_of(&body["citers"]), strings(&g["citers"]["217-QĐ/TW"]));
}

/// A path segment, percent-encoded.
fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[tokio::test]
async fn an_ambiguous_identifier_answers_300_with_its_candidates() {
    let (status, body) = get("/api/ids/05-KH%2FTU").await;
    assert_eq!(status, StatusCode::MULTIPLE_CHOICES, "{body}");
    let names: Vec<&str> = body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["node"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("chọn một"));
    // one of them, named with its locality, answers
    let (status, _) = get(&format!("/api/ids/{}", urlencode(names[0]))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn documents_graph_stats_health_openapi_and_the_page_answer() {
    let (status, d) = get("/api/documents/000_a72d46ed5ce96127").await;
    assert_eq!(status, StatusCode::OK);
    assert!(d["text"].as_str().unwrap().contains("21-KL/TW"));
    assert!(
        d["label"].as_str().unwrap().starts_with("Kế hoạch"),
        "{}",
        d["label"]
    );
    assert!(d["citations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["node"].is_string()));
    assert_eq!(d["relations"].as_array().unwrap().len(), 14);

    let (status, g) = get("/api/graph?node=21-KL%2FTW&direction=down&depth=2").await;
    assert_eq!(status, StatusCode::OK);
    let nodes = g["nodes"].as_array().unwrap();
    assert!(nodes.iter().any(|n| n["node"] == "000_a72d46ed5ce96127"));
    assert!(nodes.iter().any(|n| n["tier"].is_string()));
    assert!(!g["edges"].as_array().unwrap().is_empty());
    let (status, both) = get("/api/graph?node=21-KL%2FTW&cap=3").await;
    assert_eq!(status, StatusCode::OK);
    assert!(both["nodes"].as_array().unwrap().len() <= 3);
    let (status, capped) = get("/api/graph?node=21-KL%2FTW&direction=down&cap=2").await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = capped["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["node"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    for e in capped["edges"].as_array().unwrap() {
        assert!(
            names.contains(&e["from"].as_str().unwrap())
                && names.contains(&e["to"].as_str().unwrap())
        );
    }

    let (status, s) = get("/api/stats").await;
    assert_eq!((status, s["documents"].as_u64()), (StatusCode::OK, Some(7)));
    let (status, h) = get("/api/health").await;
    assert_eq!((status, h["status"].as_str()), (StatusCode::OK, Some("ok")));
    let (status, o) = get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    for path in [
        "/api/search",
        "/api/documents/{id}",
        "/api/ids/{identifier}",
        "/api/graph",
        "/api/stats",
        "/api/health",
        "/api/documents",
    ] {
        assert!(o["paths"][path].is_object(), "{path} not described");
    }
    for uri in ["/", "/van-ban/000_a72d46ed5ce96127", "/so-hieu/21-KL%2FTW"] {
        let res = shared_app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let html = res.into_body().collect().await.unwrap().to_bytes();
        let html = String::from_utf8_lossy(&html);
        assert!(html.contains("Tìm kiếm") && html.contains("/static/app.js"));
    }
    for asset in [
        "app.js",
        "style.css",
        "cytoscape.min.js",
        "dagre.min.js",
        "cytoscape-dagre.js",
    ] {
        let res = shared_app()
            .oneshot(
                Request::get(format!("/static/{asset}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{asset}");
    }
}

/// The landing page's data: the archive's size, counts, the most implemented (21-KL/TW, by
/// the four plans the samples hold), the newest first.
#[tokio::test]
async fn the_overview_says_what_the_archive_holds() {
    let (status, o) = get("/api/overview").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(o["documents"], 7);
    assert_eq!(o["facets"]["kind"]["Kế hoạch"], 7);
    let top = &o["most_implemented"][0];
    assert_eq!(top["node"], "21-KL/TW");
    assert!(top["implementers"].as_u64().unwrap() >= 2, "{top}");
    let dates: Vec<&str> = o["newest"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str())
        .collect();
    assert!(dates.len() >= 2, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let (_, o) = get("/api/openapi.json").await;
    assert!(o["paths"]["/api/overview"].is_object());
}

/// `sort=newest` and `sort=oldest` order hits by date (undated last); relevance is the default.
#[tokio::test]
async fn search_orders_by_date_when_asked() {
    let dates = |body: &Value| -> Vec<String> {
        body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h["date"].as_str().map(String::from))
            .collect()
    };
    let (status, newest) = get("/api/search?q=ke%20hoach&sort=newest").await;
    assert_eq!(status, StatusCode::OK);
    let (_, oldest) = get("/api/search?q=ke%20hoach&sort=oldest").await;
    let (n, o) = (dates(&newest), dates(&oldest));
    assert!(n.len() >= 2, "{n:?}");
    assert!(n.windows(2).all(|w| w[0] >= w[1]), "{n:?}");
    assert!(o.windows(2).all(|w| w[0] <= w[1]), "{o:?}");
    assert_eq!(newest["total"], oldest["total"]);
}

/// A document's `html`: its Markdown rendered, citations linked with their anchors.
#[tokio::test]
async fn a_document_comes_rendered_with_its_citations_linked() {
    let (_, d) = get("/api/documents/000_a72d46ed5ce96127").await;
    let html = d["html"].as_str().unwrap();
    assert!(html.contains("<h2>KẾ HOẠCH</h2>"), "{html}");
    assert!(html.contains("<strong>"));
    let first = &d["citations"][0];
    assert!(html.contains(&format!(r#"id="o{}""#, first["start"])));
    assert!(html.contains(r#"href="/so-hieu/21-KL%2FTW""#), "{html}");
    let text = regex::Regex::new("<[^>]+>").unwrap().replace_all(html, "");
    assert!(!text.contains("**") && !text.contains("## "), "{text}");
}

/// An unknown identifier: its message once, the near spellings apart (the page links them),
/// Party-shaped ones first.
#[tokio::test]
async fn an_unknown_identifier_says_so_once_and_suggests_apart() {
    let (status, body) = get("/api/ids/21-KL%2FTU").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("21-KL/TU"), "{message}");
    assert!(
        !message.contains("21-KL/TW"),
        "suggestions said twice: {message}"
    );
    assert_eq!(body["suggestions"][0], "21-KL/TW", "{body}");
}

/// Page paths the page has answer 200; any other 404, with the page saying so.
#[tokio::test]
async fn an_unknown_page_path_answers_404() {
    for (uri, want) in [
        ("/", StatusCode::OK),
        ("/them-van-ban", StatusCode::OK),
        ("/van-ban/no-such-document", StatusCode::OK),
        ("/den-han", StatusCode::OK),
        ("/kiem-tra", StatusCode::OK),
        ("/khong-co-trang-nay", StatusCode::NOT_FOUND),
        ("/van-ban/", StatusCode::NOT_FOUND),
        ("/index.php", StatusCode::NOT_FOUND),
    ] {
        let res = shared_app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), want, "{uri}");
    }
}

/// A multipart body with one file.
fn multipart(name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "trichdan-boundary-7d3";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub(crate) fn upload(name: &str, bytes: &[u8], token: Option<&str>) -> Request<Body> {
    let (kind, body) = multipart(name, bytes);
    let mut req = Request::post("/api/documents").header("content-type", kind);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    req.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn bad_inputs_get_a_4xx_with_a_message_never_a_500() {
    let long = "a".repeat(5_000);
    let cases: Vec<(String, StatusCode, &str)> = vec![
        ("/api/search".into(), StatusCode::BAD_REQUEST, "bad_query"),
        (
            "/api/search?q=".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=ke+hoach&sort=random".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=%20%20".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            format!("/api/search?q={long}"),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=%22abc".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=kind%3A".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=foo%3Abar".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=year%3Aabc".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=cites%3Axyz".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=dang&limit=-1".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/search?q=dang&limit=1000".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/search?q=dang&limit=abc".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/search?q=dang&limit=0".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=dang&offset=-5".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/search?q=dang&offset=20000".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=dang&offset=99999999999999999999999".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/search?q=dang&offset=18446744073709551615".into(),
            StatusCode::BAD_REQUEST,
            "bad_query",
        ),
        (
            "/api/search?q=%FF%FE".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/documents/nope".into(),
            StatusCode::NOT_FOUND,
            "unknown_document",
        ),
        (
            "/api/documents/..%2F..%2Fetc%2Fpasswd".into(),
            StatusCode::NOT_FOUND,
            "unknown_document",
        ),
        (
            "/api/documents/%FF%FE".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/ids/99-XX%2FYY".into(),
            StatusCode::NOT_FOUND,
            "unknown_identifier",
        ),
        (
            "/api/ids/not-an-identifier".into(),
            StatusCode::NOT_FOUND,
            "unknown_identifier",
        ),
        (
            "/api/ids/21-KL%2FTW?depth=99".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/graph".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/graph?node=21-KL%2FTW&direction=sideways".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/graph?node=21-KL%2FTW&depth=99".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/graph?node=21-KL%2FTW&cap=-1".into(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/graph?node=05-KH%2FTU".into(),
            StatusCode::MULTIPLE_CHOICES,
            "ambiguous",
        ),
        (
            "/api/nothing/here".into(),
            StatusCode::NOT_FOUND,
            "no_endpoint",
        ),
    ];
    for (uri, want, code) in &cases {
        let (status, body) = get(uri).await;
        check(uri, status, &body, *want, code);
    }
    let writes: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
        (
            "upload without token",
            upload("x.txt", b"abc", None),
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        ),
        (
            "upload, wrong token",
            upload("x.txt", b"abc", Some("nope")),
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        ),
        (
            "delete without token",
            Request::delete("/api/documents/000_a72d46ed5ce96127")
                .body(Body::empty())
                .unwrap(),
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        ),
        (
            "not multipart",
            Request::post("/api/documents")
                .header("authorization", format!("Bearer {TOKEN}"))
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "an .exe",
            upload("tool.exe", b"MZ", Some(TOKEN)),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_format",
        ),
        (
            "random bytes",
            upload(
                "noise.txt",
                &[0x81, 0x00, 0x02, 0x8f, 0x90, 0x03, 0x04, 0x9d].repeat(200),
                Some(TOKEN),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable_file",
        ),
        (
            "a body over the limit",
            upload("big.txt", &vec![b'a'; MAX_BODY_BYTES + 10], Some(TOKEN)),
            StatusCode::PAYLOAD_TOO_LARGE,
            "bad_upload",
        ),
    ];
    for (what, req, want, code) in writes {
        let (status, body) = send(shared_app(), req).await;
        check(what, status, &body, want, code);
    }
}

fn check(what: &str, status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "{what}: {body}");
    assert_eq!(body["error"]["code"], code, "{what}: {body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.chars().count() > 10, "{what}: no message: {body}");
}

#[tokio::test]
async fn writes_are_refused_when_the_server_has_no_token() {
    let (engine, _) = samples_engine("api-readonly");
    let app = app(AppState::new(engine, None));
    let (status, body) = send(app.clone(), upload("x.txt", b"abc", Some(TOKEN))).await;
    check(
        "upload",
        status,
        &body,
        StatusCode::FORBIDDEN,
        "writes_disabled",
    );
    let req = Request::delete("/api/documents/000_a72d46ed5ce96127")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let (status, body) = send(app, req).await;
    check(
        "delete",
        status,
        &body,
        StatusCode::FORBIDDEN,
        "writes_disabled",
    );
}

#[tokio::test]
async fn while_the_index_is_built_the_api_answers_503() {
    let get = |app: Router, uri: &str| send(app, Request::get(uri).body(Body::empty()).unwrap());
    let app = app(AppState::building(None));
    let (status, body) = get(app.clone(), "/api/search?q=dang").await;
    check(
        "search",
        status,
        &body,
        StatusCode::SERVICE_UNAVAILABLE,
        "building",
    );
    let (status, body) = get(app, "/api/health").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("building"))
    );
    // a build that failed says so, and the page stops waiting for it
    let state = AppState::building(None);
    state.failed();
    let app = trichdan::server::app(state);
    let (status, body) = get(app.clone(), "/api/search?q=dang").await;
    check(
        "after a failed build",
        status,
        &body,
        StatusCode::SERVICE_UNAVAILABLE,
        "build_failed",
    );
    assert_eq!(get(app, "/api/health").await.1["status"], "failed");
}

#[tokio::test]
async fn an_upload_is_searchable_after_its_commit_and_gone_after_delete() {
    let (engine, _) = samples_engine("api-write");
    let app = app(AppState::new(engine, Some(TOKEN.into())));
    let plan = "TỈNH ỦY BẮC NINH\nKẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021 về \
                chỉnh đốn Đảng; xây dựng nông thôn mới kiểu mẫu ở xã Quỳnh Phú";
    let (status, body) = send(
        app.clone(),
        upload("../../etc/kh-99.txt", plan.as_bytes(), Some(TOKEN)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        body["ids"][0], "kh-99",
        "the name's directories are dropped"
    );
    let found = |app: Router| async move {
        // partly quoted: wholly unquoted, it would be relaxed to fewer words once the upload is gone
        let req = Request::get("/api/search?q=%22nong%20thon%20moi%20kieu%20mau%22%20Quynh%20Phu")
            .body(Body::empty())
            .unwrap();
        send(app, req).await.1["total"].as_u64().unwrap()
    };
    assert_eq!(found(app.clone()).await, 1);
    let (status, ids) = send(
        app.clone(),
        Request::get("/api/ids/21-KL%2FTW")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(docs_of(&ids["implementers"]).contains(&"kh-99".to_string()));
    let req = Request::delete("/api/documents/kh-99")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let (status, body) = send(app.clone(), req).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(found(app.clone()).await, 0);
    let req = Request::delete("/api/documents/kh-99")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let (status, body) = send(app, req).await;
    check(
        "delete twice",
        status,
        &body,
        StatusCode::NOT_FOUND,
        "unknown_document",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searches_keep_answering_during_a_write_and_see_it_after() {
    let (engine, _) = samples_engine("api-concurrent");
    let app = app(AppState::new(engine, Some(TOKEN.into())));
    let plan = "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW về chuyển đổi số ở xã Quỳnh Lâm";
    let write = tokio::spawn(send(
        app.clone(),
        upload("kh-77.txt", plan.as_bytes(), Some(TOKEN)),
    ));
    let mut searches = Vec::new();
    for _ in 0..20 {
        let req = Request::get("/api/search?q=ket%20luan")
            .body(Body::empty())
            .unwrap();
        searches.push(tokio::spawn(send(app.clone(), req)));
    }
    for s in searches {
        assert_eq!(s.await.unwrap().0, StatusCode::OK);
    }
    assert_eq!(write.await.unwrap().0, StatusCode::CREATED);
    let req = Request::get("/api/search?q=Quynh%20Lam")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(app, req).await.1["total"], 1);
}
