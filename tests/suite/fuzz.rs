//! Fuzzing, bounded in time: the decoder, the composer and folder, the document reader
//! (header, identifiers, relations, duties, marks), the query parser with a search behind it,
//! and the HTML, DOCX and PDF readers are fed random bytes and real inputs mutated, for
//! `TRICHDAN_FUZZ_SECONDS` each (default 6: the short run every `cargo test` makes; the long
//! run is `TRICHDAN_FUZZ_SECONDS=600 cargo test --release --test suite fuzz`). Each input
//! runs on a thread of its own under a time limit: a panic, a hang or a broken invariant fails
//! with the input in hex and the seed, to become a case of [`REGRESSIONS`].

use std::path::Path;
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use trichdan::doc::Document;
use trichdan::engine::Engine;
use trichdan::index::SearchRequest;
use trichdan::text::{compose, fold};
use trichdan::{index, ingest};

use crate::support::{root, samples_engine};

/// Inputs that once failed a target: (target, input). Each is run before the random ones.
const REGRESSIONS: &[(&str, &[u8])] = &[];

/// A small, fast generator; the seed is printed with any failure so the run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that reach the readers' interesting paths when spliced in.
const TOKENS: &[&str] = &[
    "Số ",
    "-KL/TW",
    "/2025/NĐ-CP",
    "ngày 31/12/2025",
    "MẬT",
    "| ",
    "\n",
    "Căn cứ ",
    "thực hiện ",
    "Nơi nhận:",
    "trước ngày ",
    "hằng năm",
    "\"",
    "(",
    ")",
    "*",
    ":",
    "kind:",
    "year:",
    "NOT ",
    "<div>",
    "</div>",
    "<table><tr><td>",
    "**",
    "\u{0301}",
    "Đ",
    "\u{feff}",
    "\r\n",
    "—",
];

/// Up to 40 real files of the bundled archive (their first 20 KB), the samples and the
/// fixtures: the inputs mutated.
fn seeds() -> &'static Vec<Vec<u8>> {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut files = ingest::files(&root().join("corpus")).unwrap();
        files.retain(|f| f.extension().is_some_and(|e| e == "txt" || e == "md"));
        let step = (files.len() / 40).max(1);
        let mut seeds: Vec<Vec<u8>> = files
            .iter()
            .step_by(step)
            .map(|f| {
                let mut b = std::fs::read(f).unwrap();
                b.truncate(20_000);
                b
            })
            .collect();
        seeds.push(std::fs::read(root().join("tests/fixtures/kh-16-kh-mttq-btt.txt")).unwrap());
        seeds
    })
}

/// A random input: bytes, or a seed mutated a few times.
fn input(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    if rng.below(8) == 0 {
        return (0..rng.below(2_000)).map(|_| rng.next() as u8).collect();
    }
    let mut b = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(8) {
        mutate(rng, &mut b, seeds);
    }
    b
}

fn mutate(rng: &mut Rng, b: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    let at = rng.below(b.len() + 1);
    match rng.below(6) {
        0 if !b.is_empty() => {
            let last = b.len() - 1;
            b[at.min(last)] ^= 1 << rng.below(8);
        }
        1 => {
            let t = TOKENS[rng.below(TOKENS.len())].repeat(1 + rng.below(3));
            b.splice(at..at, t.bytes());
        }
        2 => {
            let end = (at + rng.below(200)).min(b.len());
            b.drain(at..end);
        }
        3 => {
            let end = (at + rng.below(400)).min(b.len());
            let piece = b[at..end].to_vec();
            b.splice(
                at..at,
                piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * rng.below(4)),
            );
        }
        4 => {
            let other = &seeds[rng.below(seeds.len())];
            let from = rng.below(other.len());
            b.truncate(at);
            b.extend_from_slice(&other[from..]);
        }
        _ => b.truncate(at),
    }
}

/// How long each target is fed.
fn budget() -> Duration {
    let seconds = std::env::var("TRICHDAN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6.0);
    Duration::from_secs_f64(seconds)
}

/// Runs `check` on `input` on a thread of its own; a panic or going over `limit` fails.
fn within(target: &str, seed: u64, limit: Duration, input: Vec<u8>, check: fn(&[u8])) {
    let (tx, rx) = mpsc::channel();
    let copy = input.clone();
    std::thread::spawn(move || {
        let ok = std::panic::catch_unwind(|| check(&copy)).is_ok();
        let _ = tx.send(ok);
    });
    let hex: String = input.iter().map(|b| format!("{b:02x}")).collect();
    match rx.recv_timeout(limit) {
        Ok(true) => {}
        Ok(false) => panic!("{target} (seed {seed}): failed on input {hex}"),
        Err(_) => panic!("{target} (seed {seed}): over {limit:?} on input {hex}"),
    }
}

/// Feeds `target` its regressions, then random inputs made from `seeds`, for the budget;
/// returns how many inputs it tried.
fn fuzz(target: &str, seeds: &[Vec<u8>], limit: Duration, check: fn(&[u8])) -> usize {
    for (_, input) in REGRESSIONS.iter().filter(|(t, _)| *t == target) {
        within(target, 0, limit, input.to_vec(), check);
    }
    let seed = std::env::var("TRICHDAN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(1, |d| d.as_nanos() as u64)
        });
    let mut rng = Rng(seed | 1);
    let started = Instant::now();
    let mut tried = 0;
    while started.elapsed() < budget() {
        within(target, seed, limit, input(&mut rng, seeds), check);
        tried += 1;
    }
    eprintln!(
        "fuzz {target}: {tried} inputs in {:?}, seed {seed}",
        started.elapsed()
    );
    tried
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn fuzz_decoder() {
    fuzz("decoder", seeds(), LIMIT, |b| {
        let _ = ingest::decode_any(b);
    });
}

#[test]
fn fuzz_composer_and_folder() {
    fuzz("compose", seeds(), LIMIT, |b| {
        let text = String::from_utf8_lossy(b);
        let composed = compose(&text);
        assert_eq!(compose(&composed), composed, "composing is idempotent");
        let folded = fold(&composed);
        assert_eq!(fold(&folded), folded, "folding is idempotent");
    });
}

#[test]
fn fuzz_document_reader() {
    fuzz("document", seeds(), LIMIT, |b| {
        let text = compose(&String::from_utf8_lossy(b));
        let doc = Document::from_text("fuzz", text.clone());
        let spans = doc.citations.iter().map(|c| c.span.clone());
        let dues = doc.duties.deadlines.iter().map(|d| d.span.clone());
        for span in spans.chain(dues) {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    });
}

/// The samples' engine the query target searches.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| samples_engine("fuzz-search").0)
}

#[test]
fn fuzz_query_parser_and_search() {
    engine();
    let queries: Vec<Vec<u8>> = [
        "ke hoach 21-KL/TW",
        "\"phòng, chống tham nhũng\" kind:\"Kế hoạch\" year:2022",
        "implements:21-KL/TW NOT (thuế OR đất)",
        "nghị quyết 57 cites:124-QĐ/TW",
    ]
    .iter()
    .map(|q| q.as_bytes().to_vec())
    .collect();
    fuzz("query", &queries, LIMIT, |b| {
        let q: String = String::from_utf8_lossy(b)
            .chars()
            .take(index::MAX_QUERY_CHARS * 2)
            .collect();
        if index::parse_query(&q).is_ok() {
            let request = SearchRequest {
                query: q,
                limit: 10,
                offset: 0,
                sort: Default::default(),
            };
            let _ = engine().search(&request);
        }
    });
}

#[test]
fn fuzz_html_reader() {
    let pages: Vec<Vec<u8>> = seeds()
        .iter()
        .take(10)
        .map(|s| {
            let body = String::from_utf8_lossy(s).replace('\n', "</p><p>");
            format!("<html><body><table><tr><td><p>{body}</p></td></tr></table></body></html>")
                .into_bytes()
        })
        .collect();
    fuzz("html", &pages, LIMIT, |b| {
        ours(ingest::read_bytes(Path::new("fuzz.html"), "fuzz", b));
    });
}

/// A reader's answer, which must not be a panic caught (the readers catch them so a run goes
/// on; for the HTML and DOCX readers, all of whose parsing is ours or well-kept crates', one
/// is a bug). The PDF reader's dependency panics on malformed files, caught by design.
fn ours(read: trichdan::Result<Vec<Document>>) {
    if let Err(e @ trichdan::Error::Unreadable { .. }) = read {
        panic!("a reader panicked: {e}");
    }
}

/// A .docx holding `text` as paragraphs.
fn docx(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    let paragraphs: String = text
        .lines()
        .map(|l| {
            format!(
                "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
                l.replace('<', "&lt;")
            )
        })
        .collect();
    write!(
        zip,
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn fuzz_docx_reader() {
    let files: Vec<Vec<u8>> = seeds()
        .iter()
        .take(8)
        .map(|s| docx(&String::from_utf8_lossy(&s[..s.len().min(4_000)])))
        .collect();
    fuzz("docx", &files, LIMIT, |b| {
        ours(ingest::read_bytes(Path::new("fuzz.docx"), "fuzz", b));
    });
}

#[test]
fn fuzz_pdf_reader() {
    // a text-layer PDF; mutated ones that lose it go to OCR, which must end too
    let content =
        "BT /F1 12 Tf 72 720 Td (KE HOACH so 107-KH/TU thuc hien Ket luan 21-KL/TW) Tj ET";
    let pdf = crate::formats::pdf(content);
    fuzz("pdf", &[pdf], Duration::from_secs(120), |b| {
        let _ = ingest::read_bytes(Path::new("fuzz.pdf"), "fuzz", b);
    });
}
