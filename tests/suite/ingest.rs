//! Ingestion never aborts: each bad file is reported with its name and the run goes on. Every
//! case is a small generated file.

use std::io::Write;
use std::path::{Path, PathBuf};

use trichdan::engine::Engine;
use trichdan::error::Limit;
use trichdan::index::{build_from, Mode, SearchIndex};
use trichdan::ingest::{self, MAX_FILE_BYTES, MAX_INFLATED_BYTES};
use trichdan::Error;

use crate::support::{temp_dir, trichdan};

const PLAN: &str =
    "KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương.";

/// A page with `depth` nested `div`s around the plan.
fn deep_page(path: &Path, depth: usize) {
    let page = format!(
        "<html><body>{}<p>{PLAN}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(path, page).unwrap();
}

#[test]
fn html_nested_a_hundred_thousand_deep_is_refused_and_the_run_goes_on() {
    let dir = temp_dir("deep");
    deep_page(&dir.join("deep.html"), 100_000);
    std::fs::write(dir.join("good.txt"), PLAN).unwrap();
    match ingest::read_documents(&dir.join("deep.html")) {
        Err(
            e @ Error::TooLarge {
                limit: Limit::Nesting(_),
                ..
            },
        ) => {
            assert!(e.to_string().contains("deep.html"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    let out = trichdan(&[
        "extract",
        dir.join("deep.html").to_str().unwrap(),
        dir.join("good.txt").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("deep.html") && err.contains("5.000"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("21-KL/TW"));
}

#[test]
fn the_nesting_scan_counts_as_the_parser_nests() {
    let n = ingest::MAX_NESTING + 100;
    // `<div/>` opens a div in HTML; an end tag closes only what it names, and not across a
    // special element; comments and scripts hold no tags; `<svg/>` closes itself, HTML inside
    // SVG breaks out of it
    for page in [
        "<div/>".repeat(n),
        "<span></p>".repeat(n),
        "<div><!--</div>-->".repeat(n),
        "<div><script></div></script>".repeat(n),
        "<span><div></span>".repeat(n),
        format!("<svg/>{}", "<div/>".repeat(n)),
        format!("<svg>{}", "<div/>".repeat(n)),
    ] {
        let depth = trichdan::format::nesting(&page);
        assert!(depth >= n, "{}…: {depth}", &page[..18]);
    }
    // self-closed SVG elements do not nest
    let svg = format!("<svg>{}</svg>", "<path/>".repeat(n));
    assert!(trichdan::format::nesting(&svg) <= 2);
    // a page of unclosed `<a`, or of end tags for what is not open, is scanned once
    let started = std::time::Instant::now();
    trichdan::format::nesting(&"<a".repeat(2_000_000));
    trichdan::format::nesting(&"<span></p>".repeat(400_000));
    let blocked = format!(
        "<b><div>{}{}",
        "<i>".repeat(200_000),
        "</b>".repeat(200_000)
    );
    trichdan::format::nesting(&blocked);
    trichdan::format::nesting(&format!("<script>{}", "</scrip".repeat(400_000)));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn html_nested_to_the_limit_is_read_without_recursion() {
    let dir = temp_dir("deep-ok");
    let path = dir.join("deep.html");
    deep_page(&path, ingest::MAX_NESTING - 10);
    // in a thread with a small stack: the text walk must not recurse per level
    let docs = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || ingest::read_documents(&path))
        .unwrap()
        .join()
        .expect("no stack overflow")
        .unwrap();
    assert!(docs[0].text.contains("21-KL/TW"), "{:?}", &docs[0].text);
}

/// A `.docx` whose `word/document.xml` holds `xml_bytes` of XML.
fn docx(path: &Path, xml_bytes: usize) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>")
        .unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let mut left = xml_bytes;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    zip.finish().unwrap();
}

#[test]
fn a_docx_that_inflates_past_the_limit_is_refused_naming_the_limit() {
    let dir = temp_dir("bomb");
    let path = dir.join("bomb.docx");
    docx(&path, MAX_INFLATED_BYTES as usize + (1 << 20));
    assert!(
        std::fs::metadata(&path).unwrap().len() < 1_000_000,
        "a small file"
    );
    match ingest::read_documents(&path) {
        Err(e @ Error::TooLarge { .. }) => {
            assert!(matches!(
                e,
                Error::TooLarge {
                    limit: Limit::InflatedBytes(_),
                    ..
                }
            ));
            let m = e.to_string();
            assert!(m.contains("bomb.docx") && m.contains("64 MB"), "{m}");
        }
        other => panic!("{other:?}"),
    }
    let small = dir.join("small.docx");
    docx(&small, 1000);
    assert!(ingest::read_documents(&small).is_ok());
}

#[test]
fn a_file_heavier_than_the_limit_is_refused_before_it_is_read() {
    let dir = temp_dir("heavy");
    let path = dir.join("heavy.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: nothing is written
    match ingest::read_documents(&path) {
        Err(Error::TooLarge {
            limit: Limit::FileBytes(n),
            path: p,
        }) => assert_eq!((n, p), (MAX_FILE_BYTES, path)),
        other => panic!("{other:?}"),
    }
}

/// Bytes from a fixed linear congruential generator: the same every run.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_not_text_and_not_converted_as_tcvn3() {
    let dir = temp_dir("random");
    let path = dir.join("random.txt");
    std::fs::write(&path, random_bytes(20_000)).unwrap();
    match ingest::read_documents(&path) {
        Err(Error::NotText { path: p }) => assert_eq!(p, path),
        Err(Error::Decode { .. }) => {}
        other => panic!("random bytes read as a document: {other:?}"),
    }
    assert!(!ingest::is_text("\u{1}\u{2}\u{3}\u{4}abc"));
    assert!(ingest::is_text("Kế hoạch\n\tsố 21\u{c}"));
}

#[test]
fn a_panic_while_reading_one_file_is_that_files_failure_and_the_run_goes_on() {
    let dir = temp_dir("panic");
    let index = SearchIndex::open_or_create(&dir).unwrap();
    let names = ["a.txt", "b.txt", "c.txt"];
    let load = |i: usize| {
        if i == 1 {
            panic!("a reader bug");
        }
        Ok(vec![trichdan::doc::Document::from_text(
            names[i].trim_end_matches(".txt"),
            PLAN.into(),
        )])
    };
    let s = build_from(
        &index,
        3,
        &load,
        &|i| PathBuf::from(names[i]),
        Mode::Replace,
        2,
        &|_| {},
    )
    .unwrap();
    assert_eq!(s.documents, 2);
    assert_eq!(s.failures.len(), 1);
    assert_eq!(s.failures[0].path, PathBuf::from("b.txt"));
    assert!(
        s.failures[0].reason.contains("a reader bug"),
        "{}",
        s.failures[0].reason
    );
    assert_eq!(index.num_docs(), 2);
}

#[test]
fn files_with_one_name_in_different_folders_are_different_documents() {
    let corpus = temp_dir("same-names");
    for place in ["quangnam", "nghean"] {
        std::fs::create_dir_all(corpus.join(place)).unwrap();
        std::fs::write(corpus.join(place).join("KH-01.txt"), PLAN).unwrap();
    }
    std::fs::write(corpus.join("alone.txt"), PLAN).unwrap();
    let listing = ingest::listing(&corpus).unwrap();
    let ids: Vec<&str> = listing.documents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["alone", "nghean/KH-01", "quangnam/KH-01"]);
    assert_eq!(listing.renamed.len(), 2);
    let dir = temp_dir("same-names-index");
    let (engine, s) = Engine::build(&dir, &listing, 2, &|_| {}).unwrap();
    assert_eq!((s.documents, engine.stats().documents), (3, 3));
    // and the command line says so
    let out = trichdan(&[
        "index",
        "--corpus",
        corpus.to_str().unwrap(),
        "--index",
        temp_dir("same-names-cli").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("trùng tên") && err.contains("quangnam/KH-01"),
        "{err}"
    );
}

#[test]
fn an_indexing_run_reports_every_bad_file_and_indexes_the_rest() {
    let corpus = temp_dir("mixed");
    std::fs::write(corpus.join("good.txt"), PLAN).unwrap();
    std::fs::write(corpus.join("random.txt"), random_bytes(5_000)).unwrap();
    docx(&corpus.join("bomb.docx"), MAX_INFLATED_BYTES as usize + 1);
    std::fs::write(corpus.join("broken.docx"), b"PK not a zip").unwrap();
    let out = trichdan(&[
        "index",
        "--corpus",
        corpus.to_str().unwrap(),
        "--index",
        temp_dir("mixed-index").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for name in ["random.txt", "bomb.docx", "broken.docx"] {
        assert!(err.contains(name), "{name} not reported: {err}");
    }
    assert!(err.contains("Đã lập chỉ mục 1 văn bản"), "{err}");
}
