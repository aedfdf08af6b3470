//! Scanned PDFs: pages rendered to images by poppler's `pdftoppm` and read by `tesseract`
//! with its Vietnamese model (Debian: poppler-utils, tesseract-ocr, tesseract-ocr-vie).

use std::ffi::OsStr;
use std::sync::LazyLock;

use regex::Regex;

use super::tool::{arg, run, scratch};
use crate::message;

/// The most pages read from one scan; the pages after it are not read.
pub const MAX_OCR_PAGES: usize = 200;
/// The long side a page is rendered to, in pixels: an A4 page at 300 dpi (tesseract reads
/// 300 dpi best), whatever size the PDF says its page is.
pub const OCR_PIXELS: u32 = 3508;

/// The text of a scanned PDF, page after page (pages separated by a form feed line); each
/// page rendered, read and deleted before the next, so a long scan holds one page on disk.
pub fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let (dir, pdf) = scratch("scan.pdf", bytes)?;
    let pages = page_count(&pdf)?.min(MAX_OCR_PAGES);
    let prefix = dir.path().join("page");
    let image = dir.path().join("page.pgm");
    let mut text = String::new();
    for n in 1..=pages {
        let n = n.to_string();
        let size = OCR_PIXELS.to_string();
        // uncompressed grey: PNG would spend more time compressing a scan's noise than
        // tesseract spends reading it
        run(
            "pdftoppm",
            &[
                OsStr::new("-gray"),
                OsStr::new("-scale-to"),
                OsStr::new(&size),
                OsStr::new("-f"),
                OsStr::new(&n),
                OsStr::new("-l"),
                OsStr::new(&n),
                OsStr::new("-singlefile"),
                arg(&pdf),
                arg(&prefix),
            ],
            "poppler-utils",
        )?;
        text.push_str(&read_page(&image)?);
        text.push_str("\n\u{c}\n");
        let _ = std::fs::remove_file(&image);
    }
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Err(message::format::OCR_NOTHING.to_string());
    }
    Ok(mended(&text))
}

/// How many pages a PDF has (`pdfinfo`).
fn page_count(pdf: &std::path::Path) -> Result<usize, String> {
    let info = run("pdfinfo", &[arg(pdf)], "poppler-utils")?;
    String::from_utf8_lossy(&info)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:")?.trim().parse().ok())
        .ok_or_else(|| message::format::PDF_DAMAGED.to_string())
}

/// One page image read by tesseract's Vietnamese model.
fn read_page(image: &std::path::Path) -> Result<String, String> {
    let out = run(
        "tesseract",
        &[
            arg(image),
            OsStr::new("stdout"),
            OsStr::new("-l"),
            OsStr::new("vie"),
            OsStr::new("--psm"),
            OsStr::new("4"),
        ],
        "tesseract-ocr tesseract-ocr-vie",
    )
    .map_err(|e| {
        if e.contains("load any languages") || e.contains("loading language") {
            message::format::tool_missing("tesseract (vie)", "tesseract-ocr-vie")
        } else {
            e
        }
    })?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A National Assembly term in a number's codes with its `1` read as `I` or `l`
/// (`UBTVQHI5`, `QHI15` for `QH15`).
static TERM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"QH[Il|]1?([0-9])\b").unwrap());

/// A State number's year run into its issuer's code, the slash lost (`101/2025UBTVQH15`).
static GLUED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,4}/(?:19|20)[0-9]{2})([A-ZĐ]{2})").unwrap());

/// A code's dash doubled around a gap (`-CP- -ĐCTUBTWMTTQVN`).
static SPLIT_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-ZĐ0-9])- -([A-ZĐ])").unwrap());

/// What tesseract's Vietnamese model misreads in a way no Vietnamese text means: the
/// Icelandic `Ð`/`ð` for `Đ`/`đ`, the `1` of a term number in codes, a number's year glued
/// to its code, and a code's dash split in two.
fn mended(text: &str) -> String {
    let text = text.replace('Ð', "Đ").replace('ð', "đ");
    let text = TERM.replace_all(&text, "QH1$1");
    let text = GLUED_YEAR.replace_all(&text, "$1/$2");
    SPLIT_DASH.replace_all(&text, "$1-$2").into_owned()
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
            (
                "Nghị quyết số 101/2025UBTVQHI5 ngày",
                "Nghị quyết số 101/2025/UBTVQH15 ngày",
            ),
            ("số 12/2020NĐ-CP", "số 12/2020/NĐ-CP"),
            (
                "102/2025/NQLT-UBTVQH15-CP- -ĐCTUBTWMTTQVN",
                "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
            ),
            // what is not a glued year or a split dash stays
            ("ngày 12/2025 Ủy ban", "ngày 12/2025 Ủy ban"),
            ("2020-2025 và - - Đảng", "2020-2025 và - - Đảng"),
        ];
        for (read, want) in cases {
            assert_eq!(mended(read), want);
        }
    }
}
