//! Identifiers broken by OCR (`Kết luận số 199- KUT W` for `199-KL/TW`), recovered only
//! from evidence in the text: the kind word must name exactly one code, and the issuer
//! phrase must say which body issued it. Recovered occurrences are marked
//! [`Form::Recovered`]; anything less certain is left out.

use std::sync::LazyLock;

use regex::Regex;

use super::context;
use super::id::{CiteId, Shape};
use super::kind;
use super::scan::{Form, Found};
use super::window::window_after;

/// A kind word, `số`, a number, a dash, then capital-letter debris with no `/`.
static BROKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Ss]ố)\s+([0-9]{1,5})\s?[-–]\s?([A-Z]{1,5})\s?([A-Z]{1,3})(?:\s|$)").unwrap()
});

/// Recovered identifiers among the text's broken ones, away from the `full` ones found.
pub fn recover(text: &str, full: &[Found]) -> Vec<Found> {
    BROKEN
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let num = c.get(1)?;
            if full
                .iter()
                .any(|f| f.span.start <= num.start() && num.start() < f.span.end)
            {
                return None;
            }
            let word = context::kind_word_before(text, num.start())?;
            let code = match kind::codes(&word.word)? {
                [one] => *one,
                _ => return None,
            };
            let end = whole.end() - whole.as_str().len() + whole.as_str().trim_end().len();
            let issuer = issuer_code(window_after(text, end, text.len(), 160))?;
            Some(Found {
                id: CiteId::new(Shape::Party, num.as_str(), None, code, issuer),
                span: num.start()..end,
                form: Form::Recovered,
            })
        })
        .collect()
}

/// The Party issuer code that the `của …` phrase after an identifier names without doubt
/// (read folded and loosely: OCR breaks the phrase too, as in `Ban Chấp. hành`).
fn issuer_code(after: &str) -> Option<&'static str> {
    let folded = crate::text::fold(after);
    let f = &folded[folded.find("cua ")?..];
    if f.contains("trung uong") || f.contains("bo chinh tri") || f.contains("ban bi thu") {
        Some("TW")
    } else if f.contains("tinh uy") {
        Some("TU")
    } else if f.contains("huyen uy") {
        Some("HU")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            (
                "quán triệt thực hiện Kết luận số 199- KUT W ngày\n10/10/2025 của Ban Chấp. hành Trung ương Đảng khóa XIII",
                Some("199-KL/TW"),
            ),
            ("Nghị quyết số 12- NQTU ngày 1/2/2020 của Ban Thường vụ Tỉnh ủy", Some("12-NQ/TU")),
            // the kind word stands for two codes: not recovered
            ("Quyết định số 12- QD TW ngày 1/2/2020 của Ban Bí thư", None),
            // no issuer phrase: not recovered
            ("Kết luận số 199- KUT W về kinh tế", None),
            // an issuer that names no Party body: not recovered
            ("Kết luận số 199- KUT W của Ủy ban nhân dân", None),
        ];
        for (text, expected) in cases {
            let got = recover(text, &[])
                .first()
                .map(|f| (f.id.to_string(), f.form));
            assert_eq!(
                got,
                expected.map(|e| (e.to_string(), Form::Recovered)),
                "{text}"
            );
        }
    }
}
