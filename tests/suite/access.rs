//! Who may read: with a read token, every path but the health check asks for it (a browser's
//! Basic prompt, or a bearer token; the write token reads too); serving beyond loopback
//! without one is warned about.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use base64::Engine as _;
use tower::ServiceExt;
use trichdan::server::{app, AppState, Limits};

use crate::api::TOKEN;
use crate::support::samples_engine;

const READ: &str = "doc-chung";

fn basic(user_password: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(user_password);
    format!("Basic {encoded}")
}

#[tokio::test]
async fn a_read_token_guards_the_page_and_the_api_but_not_the_health_check() {
    let (engine, _dir) = samples_engine("access");
    let router = app(AppState::new(engine, Some(TOKEN.into())).with_read_token(Some(READ.into())));
    let status = |path: &str, auth: Option<String>| {
        let mut req = Request::get(path);
        if let Some(a) = auth {
            req = req.header(header::AUTHORIZATION, a);
        }
        let router = router.clone();
        async move {
            let res = router
                .oneshot(req.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let challenge = res.headers().get(header::WWW_AUTHENTICATE).cloned();
            (res.status(), challenge)
        }
    };
    for path in [
        "/",
        "/so-hieu/21-KL%2FTW",
        "/api/search?q=ke+hoach",
        "/api/openapi.json",
        "/nowhere",
    ] {
        let (s, challenge) = status(path, None).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{path}");
        assert!(
            challenge.unwrap().to_str().unwrap().starts_with("Basic"),
            "{path}"
        );
        let wrong = status(path, Some(basic("x:sai"))).await.0;
        assert_eq!(wrong, StatusCode::UNAUTHORIZED, "{path}");
    }
    let allowed = [
        basic(&format!("can-bo:{READ}")),
        format!("Bearer {READ}"),
        format!("Bearer {TOKEN}"),
    ];
    for auth in allowed {
        let (s, _) = status("/api/search?q=ke+hoach", Some(auth.clone())).await;
        assert_eq!(s, StatusCode::OK, "{auth}");
        assert_eq!(
            status("/", Some(auth.clone())).await.0,
            StatusCode::OK,
            "{auth}"
        );
    }
    assert_eq!(status("/api/health", None).await.0, StatusCode::OK);
}

/// What `serve` says on standard error before it serves.
fn said_before_serving(args: &[&str], index: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trichdan"))
        .args(["serve", "--index", index])
        .args(args)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut said = String::new();
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        said.push_str(&line);
        said.push('\n');
        if line.contains("http://") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    said
}

#[test]
fn serving_beyond_loopback_without_a_read_token_is_warned_about() {
    let (engine, dir) = samples_engine("access-warning");
    drop(engine);
    let index = dir.to_str().unwrap();
    let open = said_before_serving(&["--addr", "0.0.0.0:0"], index);
    assert!(
        open.contains("Cảnh báo") && open.contains("--read-token"),
        "{open}"
    );
    let guarded = said_before_serving(&["--addr", "0.0.0.0:0", "--read-token", READ], index);
    assert!(!guarded.contains("Cảnh báo"), "{guarded}");
    let local = said_before_serving(&["--addr", "127.0.0.1:0"], index);
    assert!(!local.contains("Cảnh báo"), "{local}");
}

/// The status line and headers of a GET sent over a fresh connection.
async fn raw_get(addr: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    s.write_all(head.as_bytes()).await.unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).await.unwrap();
    answer
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_its_limits_the_server_answers_503_with_retry_after_at_once() {
    use tokio::io::AsyncWriteExt;
    let (engine, _dir) = samples_engine("shed");
    let state = AppState::new(engine, Some(TOKEN.into())).with_limits(Limits::new(1, 1));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app(state)).await });
    // an upload whose body stops coming holds the one permit
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n"
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let shed = raw_get(addr, "/api/stats").await;
    assert!(shed.starts_with("HTTP/1.1 503"), "{shed}");
    assert!(shed.to_lowercase().contains("retry-after: 2"), "{shed}");
    assert!(shed.contains("\"busy\""), "{shed}");
    assert!(raw_get(addr, "/api/health")
        .await
        .starts_with("HTTP/1.1 200"));
    // the slow client gone, its permit comes back
    drop(slow);
    let mut answered = String::new();
    for _ in 0..50 {
        answered = raw_get(addr, "/api/stats").await;
        if answered.starts_with("HTTP/1.1 200") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
}
