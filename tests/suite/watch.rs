//! `serve --watch`: a file dropped into the watched folder is found by search once it settles,
//! a changed one is read again, a removed one leaves the archive.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use trichdan::engine::Engine;
use trichdan::server::{app, watch, AppState};

use crate::support::{sample_files, temp_dir};

async fn total(state: &AppState, q: &str) -> u64 {
    let uri = format!("/api/search?q=%22{}%22", q.replace(' ', "%20"));
    let res = app(state.clone())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    v["total"].as_u64().unwrap_or(0)
}

async fn until(state: &AppState, what: &str, q: &str, want: u64) {
    let started = Instant::now();
    while total(state, q).await != want {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{what}: «{q}» still finds {} (want {want})",
            total(state, q).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_watched_folder_is_followed() {
    // a relative folder, as `--corpus corpus` is: events name absolute paths all the same
    let corpus =
        std::path::PathBuf::from(format!("target/trichdan-watched-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(crate::support::root().join(&corpus));
    std::fs::create_dir_all(&corpus).unwrap();
    assert_eq!(std::env::current_dir().unwrap(), crate::support::root());
    let files = sample_files();
    for f in &files[..2] {
        std::fs::copy(f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let listing = trichdan::ingest::listing(&corpus).unwrap();
    let (engine, _) = Engine::build(&temp_dir("watched-index"), &listing, 2, &|_| {}).unwrap();
    let state = AppState::new(engine, None);
    let _watch = watch::watch(&corpus, state.clone()).unwrap();

    // a new file, in a subfolder
    std::fs::create_dir(corpus.join("moi")).unwrap();
    let note = "ỦY BAN MTTQ VIỆT NAM\nTỈNH QUẢNG NAM\nSố 12/KH-MTTQ-BTT\n\nKẾ HOẠCH\nTổ chức hội thi đua thuyền năm 2026\n\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021.\n";
    std::fs::write(corpus.join("moi/kh-12-ngay-hoi.txt"), note).unwrap();
    until(&state, "a dropped file", "dua thuyen", 1).await;

    // changed in place
    std::fs::write(
        corpus.join("moi/kh-12-ngay-hoi.txt"),
        note.replace("đua thuyền", "kéo co"),
    )
    .unwrap();
    until(&state, "a changed file", "keo co", 1).await;
    until(&state, "its old words", "dua thuyen", 0).await;

    // removed
    std::fs::remove_file(corpus.join("moi/kh-12-ngay-hoi.txt")).unwrap();
    until(&state, "a removed file", "keo co", 0).await;
}
