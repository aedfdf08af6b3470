//! File formats: .docx, .html and .pdf files made here, read into documents.

use std::io::Write;
use std::path::Path;

use trichdan::ingest::read_document;
use trichdan::Error;

use crate::support::temp_dir;

fn docx(path: &Path, body: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .unwrap();
    zip.finish().unwrap();
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!("<w:tc>{}</w:tc>", p(c)))
        .collect();
    format!("<w:tr>{cells}</w:tr>")
}

#[test]
fn docx_paragraphs_and_table_cells_in_order() {
    let dir = temp_dir("docx");
    let path = dir.join("kh_156.docx");
    let body = format!(
        "<w:tbl>{}{}</w:tbl>{}{}{}",
        row(&["TỈNH ỦY KHÁNH HÒA", "ĐẢNG CỘNG SẢN VIỆT NAM"]),
        row(&["Số 156-KH/TU", "Khánh Hòa, ngày 12 tháng 12 năm 2019"]),
        p("KẾ HOẠCH"),
        p("Thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương &amp; Chỉ thị số 05-CT/TW"),
        p("Nội dung &lt;kế hoạch&gt;"),
    );
    docx(&path, &body);
    let doc = read_document(&path).unwrap();
    assert!(
        doc.text
            .starts_with("TỈNH ỦY KHÁNH HÒA   ĐẢNG CỘNG SẢN VIỆT NAM\n"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("Trung ương & Chỉ thị") && doc.text.contains("<kế hoạch>"));
    assert_eq!(
        doc.own_id.as_ref().map(|i| i.to_string()).as_deref(),
        Some("156-KH/TU")
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2019-12-12")
    );
    assert_eq!(doc.place.as_deref(), Some("Khánh Hòa"));
    assert_eq!(doc.kind.as_deref(), Some("Kế hoạch"));
    let implements: Vec<String> = doc.implements().iter().map(|i| i.to_string()).collect();
    assert_eq!(
        implements,
        ["21-KL/TW", "05-CT/TW"],
        "the title names both after thực hiện"
    );
}

#[test]
fn html_pages_keep_the_document_and_the_metadata_and_drop_the_furniture() {
    let dir = temp_dir("html");
    let path = dir.join("kh_37.html");
    std::fs::write(
        &path,
        r#"<!doctype html><html><head><title>MTTQ Khánh Hòa</title><script>var s = "99-QĐ/TW";</script></head>
        <body><nav><a href="/">Trang chủ</a><a href="/vb">Văn bản 88-KL/TW</a></nav>
        <table><tr><th>Số hiệu</th><td>37/KH-MTTQ-BTT</td></tr><tr><th>Loại văn bản</th><td>Kế hoạch</td></tr>
        <tr><th>Ngày ban hành</th><td>04-02-2020</td></tr></table>
        <div class="content"><p>KẾ HOẠCH</p><p>Học tập chuyên đề năm 2020</p>
        <p>Thực hiện Kế hoạch số 156-KH/TU-KH/TU, ngày 12/12/2019 của Ban Thường vụ Tỉnh ủy Khánh Hòa</p></div>
        <footer>Giấy phép: Số 01/GP-STTTT do Sở Thông tin và Truyền thông cấp</footer></body></html>"#,
    )
    .unwrap();
    let doc = read_document(&path).unwrap();
    assert!(
        !doc.text.contains('<') && !doc.text.contains("Trang chủ"),
        "{}",
        doc.text
    );
    assert_eq!(
        doc.own_id.as_ref().map(|i| i.to_string()).as_deref(),
        Some("37/KH-MTTQ-BTT")
    );
    assert_eq!(doc.kind.as_deref(), Some("Kế hoạch"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2020-02-04")
    );
    let cited: Vec<String> = doc.cited().iter().map(|i| i.to_string()).collect();
    assert_eq!(
        cited,
        ["156-KH/TU"],
        "no identifiers from navigation, scripts or footer"
    );
}

/// A one-page PDF whose content stream is `content`, with a correct cross-reference table.
pub(crate) fn pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn pdf_with_a_text_layer_is_read_and_a_blank_scan_is_reported() {
    let dir = temp_dir("pdf");
    let text = dir.join("kl.pdf");
    std::fs::write(
        &text,
        pdf("BT /F1 12 Tf 72 720 Td (KE HOACH) Tj 0 -20 Td (Thuc hien Ket luan so 21-KL/TW ngay 25/10/2021 cua Trung uong) Tj ET"),
    )
    .unwrap();
    let doc = read_document(&text).unwrap();
    assert!(doc.text.contains("21-KL/TW"), "{:?}", doc.text);
    assert_eq!(doc.citations[0].id.to_string(), "21-KL/TW");

    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, pdf("q 612 0 0 792 0 0 cm Q")).unwrap();
    match read_document(&scan) {
        Err(e @ Error::Format { .. }) => assert!(e.to_string().contains("OCR"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn broken_office_files_get_clear_errors() {
    let dir = temp_dir("broken");
    let cases = [
        (
            "a.docx",
            b"not a zip at all".to_vec(),
            "không phải tệp .docx",
        ),
        ("b.pdf", b"%PDF-1.4 garbage".to_vec(), "PDF"),
    ];
    for (name, bytes, needle) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let e = read_document(&path).unwrap_err().to_string();
        assert!(e.contains(name) && e.contains(needle), "{e}");
    }
}

/// A Front plan (16/KH-MTTQ-BTT of xã Lương Minh, its head and bases) as typed, as a Word
/// 97 `.doc` saved by LibreOffice, and as a scanned page (printed, rendered at 200 dpi,
/// turned a degree, noised, wrapped as an image-only PDF; tests/fixtures/README.md).
fn fixture(name: &str) -> std::path::PathBuf {
    crate::support::root().join("tests/fixtures").join(name)
}

fn cited(doc: &trichdan::doc::Document) -> std::collections::BTreeSet<String> {
    doc.citations.iter().map(|c| c.id.to_string()).collect()
}

/// The scan is read by OCR (tesseract, `.ci/run` installs it) into the same number, date
/// and identifiers as the typed text, and marked as OCR'd.
#[test]
fn a_scanned_pdf_is_read_by_ocr_and_marked() {
    let typed = read_document(&fixture("kh-16-kh-mttq-btt.txt")).unwrap();
    let scan = read_document(&fixture("kh-16-kh-mttq-btt-scan.pdf")).unwrap();
    assert!(scan.ocr && !typed.ocr);
    assert_eq!(cited(&typed).len(), 8, "{:?}", cited(&typed));
    assert_eq!(cited(&scan), cited(&typed));
    assert_eq!(scan.own_id, typed.own_id);
    assert_eq!(scan.date, typed.date);
}

/// A Word 97 `.doc` is read (antiword) into the same fields as the typed text.
#[test]
fn a_word_97_doc_is_read() {
    let typed = read_document(&fixture("kh-16-kh-mttq-btt.txt")).unwrap();
    let doc = read_document(&fixture("kh-16-kh-mttq-btt.doc")).unwrap();
    assert!(!doc.ocr);
    assert_eq!(cited(&doc), cited(&typed));
    assert_eq!((doc.own_id, doc.date), (typed.own_id, typed.date));
}

/// Without the programs, a scan and a `.doc` are reported with the Debian package to
/// install, and the rest of the run goes on.
#[test]
fn a_missing_reader_names_its_package_and_the_run_goes_on() {
    let corpus = temp_dir("no-tools");
    for name in ["kh-16-kh-mttq-btt-scan.pdf", "kh-16-kh-mttq-btt.doc"] {
        std::fs::copy(fixture(name), corpus.join(name)).unwrap();
    }
    std::fs::copy(&crate::support::sample_files()[0], corpus.join("typed.txt")).unwrap();
    let index = temp_dir("no-tools-index");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trichdan"))
        .args([
            "index",
            "--corpus",
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ])
        .env("PATH", temp_dir("empty-path"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("poppler-utils"), "{said}");
    assert!(said.contains("antiword"), "{said}");
    let held = trichdan::index::SearchIndex::open(&index).unwrap();
    assert_eq!(held.num_docs(), 1, "{said}");
}
