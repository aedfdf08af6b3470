//! Scanned PDFs: pages rendered to images by poppler's `pdftoppm` and read by `tesseract`
//! with its Vietnamese model (Debian: poppler-utils, tesseract-ocr, tesseract-ocr-vie).

use std::ffi::OsStr;
use std::sync::LazyLock;

use regex::Regex;

use super::tool::{arg, run, scratch};
use crate::message;

/// The most pages read from one scan (a longer one is cut, and says so in the error list).
pub const MAX_OCR_PAGES: usize = 200;
/// The resolution pages are rendered at for OCR (tesseract reads 300 dpi best).
pub const OCR_DPI: u32 = 300;

/// The text of a scanned PDF, page after page (pages separated by a form feed line).
pub fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let (dir, pdf) = scratch("scan.pdf", bytes)?;
    let prefix = dir.path().join("page");
    let dpi = OCR_DPI.to_string();
    let last = MAX_OCR_PAGES.to_string();
    run(
        "pdftoppm",
        &[
            OsStr::new("-r"),
            OsStr::new(&dpi),
            // uncompressed grey pages: PNG would spend more time compressing a scan's
            // noise than tesseract spends reading it
            OsStr::new("-gray"),
            OsStr::new("-l"),
            OsStr::new(&last),
            arg(&pdf),
            arg(&prefix),
        ],
        "poppler-utils",
    )?;
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pgm"))
        .collect();
    // pdftoppm numbers pages with zero padding to the page count's width: sorted by name
    pages.sort();
    let mut text = String::new();
    for page in &pages {
        let out = run(
            "tesseract",
            &[
                arg(page),
                OsStr::new("stdout"),
                OsStr::new("-l"),
                OsStr::new("vie"),
                OsStr::new("--psm"),
                OsStr::new("4"),
            ],
            "tesseract-ocr tesseract-ocr-vie",
        )
        .map_err(|e| {
            if e.contains("vie") {
                message::format::tool_missing("tesseract (vie)", "tesseract-ocr-vie")
            } else {
                e
            }
        })?;
        text.push_str(&String::from_utf8_lossy(&out));
        text.push_str("\n\u{c}\n");
    }
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Err(message::format::OCR_NOTHING.to_string());
    }
    Ok(mended(&text))
}

/// A National Assembly term in a number's codes with its `1` read as `I` or `l`
/// (`UBTVQHI5`, `QHI15` for `QH15`).
static TERM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"QH[Il|]1?([0-9])\b").unwrap());

/// What tesseract's Vietnamese model misreads in a way no Vietnamese text means: the
/// Icelandic `Ð`/`ð` for `Đ`/`đ`, and the `1` of a term number in codes.
fn mended(text: &str) -> String {
    let text = text.replace('Ð', "Đ").replace('ð', "đ");
    TERM.replace_all(&text, "QH1$1").into_owned()
}

#[cfg(test)]
mod tests {
    use super::mended;

    #[test]
    fn misreads_no_vietnamese_text_means_are_mended() {
        let cases = [
            (
                "Nghị quyết số 101/2025/UBTVQHI5 ngày",
                "Nghị quyết số 101/2025/UBTVQH15 ngày",
            ),
            (
                "102/2025/NQLT-UBTVQHI15-CP-ÐCTUBTWMTTQVN",
                "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
            ),
            ("Luật số 85/2015/QHl3", "Luật số 85/2015/QH13"),
            ("ÐẢNG CỘNG SẢN, ðoàn kết", "ĐẢNG CỘNG SẢN, đoàn kết"),
            ("QH15 và QHIX", "QH15 và QHIX"),
        ];
        for (read, want) in cases {
            assert_eq!(mended(read), want);
        }
    }
}
