//! Documents stamped secret: the mark read on a real header however it is drawn or OCR'd,
//! kept out of the index and listed unless the operator allows it, then marked on every view;
//! an upload of one refused with a message saying what to do.

use axum::http::StatusCode;
use trichdan::doc::{Classification, Document, Urgency};
use trichdan::engine::{BuildOptions, Engine};
use trichdan::index::SearchRequest;
use trichdan::ingest::{self, Policy};
use trichdan::server::{app, AppState};

use crate::api::{send, upload, TOKEN};
use crate::support::{root, samples, temp_dir, trichdan};

/// 57-NQ/TW as the bundled archive holds it (the Markdown of its converter).
fn nq57() -> String {
    std::fs::read_to_string(root().join("corpus/party2/docs/NQ-57-NQ-TW-2024.txt")).unwrap()
}

/// 57-NQ/TW with `stamp` set where a stamp goes: the line after its number.
fn stamped(stamp: &str) -> String {
    let text = nq57();
    let at = text.find("Số 57").unwrap();
    let eol = at + text[at..].find('\n').unwrap();
    format!("{}\n{stamp}{}", &text[..eol], &text[eol..])
}

#[test]
fn the_mark_is_read_on_a_real_header_however_it_is_drawn_or_ocr_d() {
    use Classification::*;
    let table: &[(&str, Option<Classification>, Option<Urgency>)] = &[
        ("", None, None),
        ("┌───────┐\n│  MẬT  │\n└───────┘", Some(Mat), None),
        ("| **MẬT** |", Some(Mat), None),
        ("**TỐI MẬT**   ", Some(ToiMat), None),
        ("TUYỆT MẬT", Some(TuyetMat), None),
        ("MẬT – HỎA TỐC", Some(Mat), Some(Urgency::HoaToc)),
        ("KHẨN", None, Some(Urgency::Khan)),
        // what OCR makes of a stamp: tones misread, letters apart, a box's edge as a bar
        ("| MÂT |", Some(Mat), None),
        ("TÓI MẠT", Some(ToiMat), None),
        ("M ẬT", Some(Mat), None),
    ];
    for (stamp, classification, urgency) in table {
        let doc = Document::from_text("nq57", trichdan::text::compose(&stamped(stamp)));
        assert_eq!(doc.classification, *classification, "{stamp:?}");
        assert_eq!(doc.urgency, *urgency, "{stamp:?}");
        assert_eq!(doc.own_id.unwrap().to_string(), "57-NQ/TW", "{stamp:?}");
    }
}

#[test]
fn no_bundled_document_reads_as_classified() {
    // 409 real documents, none stamped: "bí mật", "MẶT TRẬN" and headings are not marks
    for path in ingest::files(&root().join("corpus")).unwrap() {
        for doc in ingest::read_documents(&path).unwrap() {
            assert_eq!(doc.classification, None, "{}", path.display());
        }
    }
}

/// The samples and 57-NQ/TW stamped `MẬT`, in a fresh folder.
fn corpus_with_a_secret() -> std::path::PathBuf {
    let corpus = temp_dir("classified-corpus");
    for f in ingest::files(&samples()).unwrap() {
        std::fs::copy(&f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(corpus.join("nq57-mat.md"), stamped("| **MẬT** |")).unwrap();
    corpus
}

fn build(corpus: &std::path::Path, allow_classified: bool) -> (Engine, usize) {
    let listing = ingest::listing(corpus).unwrap();
    let options = BuildOptions {
        threads: 2,
        budget: 64 << 20,
        policy: Policy { allow_classified },
    };
    let dir = temp_dir("classified-index");
    let (engine, summary) = Engine::build_with(&dir, &listing, options, &|_| {}).unwrap();
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    (engine, summary.withheld.len())
}

#[test]
fn a_classified_document_is_kept_out_and_listed_unless_allowed_then_marked() {
    let corpus = corpus_with_a_secret();
    let (engine, withheld) = build(&corpus, false);
    assert_eq!((engine.stats().documents, withheld), (5, 1));
    assert!(engine.document("nq57-mat").is_err());

    let (engine, withheld) = build(&corpus, true);
    assert_eq!((engine.stats().documents, withheld), (6, 0));
    let view = engine.document("nq57-mat").unwrap();
    assert_eq!(view.classification.as_deref(), Some("MẬT"));
    let hits = engine
        .search(&SearchRequest {
            query: "57-NQ/TW".into(),
            limit: 10,
            offset: 0,
            sort: Default::default(),
        })
        .unwrap()
        .hits;
    let hit = hits.iter().find(|h| h.id == "nq57-mat").unwrap();
    assert_eq!(hit.classification.as_deref(), Some("MẬT"));
    // and an added file follows the engine's policy
    let engine = engine.with_policy(Policy::default());
    let late = corpus.join("nq57-late.md");
    std::fs::write(&late, stamped("TỐI MẬT")).unwrap();
    let summary = engine.add(&[late], &|_| {}).unwrap();
    assert_eq!((summary.documents, summary.withheld.len()), (0, 1));
}

#[test]
fn the_index_command_lists_what_it_kept_out_and_says_how_to_allow_it() {
    let corpus = corpus_with_a_secret();
    let dir = temp_dir("classified-cli");
    let (corpus_s, dir_s) = (corpus.to_str().unwrap(), dir.to_str().unwrap());
    let out = trichdan(&["index", "--corpus", corpus_s, "--index", dir_s]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "kept out by rule, not failed: {err}");
    assert!(err.contains("1 tệp mang dấu độ mật"), "{err}");
    assert!(
        err.contains("nq57-mat.md") && err.contains("--allow-classified"),
        "{err}"
    );
    let out = trichdan(&[
        "index",
        "--corpus",
        corpus_s,
        "--index",
        dir_s,
        "--allow-classified",
    ]);
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("độ mật"));
}

#[tokio::test]
async fn an_upload_stamped_secret_is_refused_with_what_to_do() {
    let listing = ingest::listing(&samples()).unwrap();
    let (engine, _) = Engine::build(&temp_dir("classified-api"), &listing, 2, &|_| {}).unwrap();
    let app = app(AppState::new(engine, Some(TOKEN.into())));
    let secret = stamped("MẬT");
    let (status, body) = send(app, upload("nq57.md", secret.as_bytes(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"]["code"], "classified");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("MẬT") && message.contains("--allow-classified"),
        "{message}"
    );
}
