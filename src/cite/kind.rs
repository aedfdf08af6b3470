//! Kind words (`Kết luận`, `Quy định`, ...) and the codes each may stand for.
//!
//! The word in the text is context, the code is the identity: `CT` is Chỉ thị in `05-CT/TW`
//! but Chương trình in `07/CT-MTTW`, and writers call a Quy định a "Quyết định". The codes
//! here are only used to resolve short forms (`Quy định số 124` → `124-QĐ/TW`).

use std::sync::LazyLock;

use regex::Regex;

use crate::text::fold;

/// Each kind word with the kind codes it can abbreviate.
pub const KIND_WORDS: &[(&str, &[&str])] = &[
    ("Kết luận", &["KL"]),
    ("Nghị quyết", &["NQ", "NQLT"]),
    ("Quy định", &["QĐ", "QĐi"]),
    ("Quyết định", &["QĐ", "QĐi"]),
    ("Chỉ thị", &["CT"]),
    ("Kế hoạch", &["KH"]),
    ("Chương trình", &["CTr", "CT"]),
    ("Công văn", &["CV"]),
    ("Thông báo", &["TB"]),
    ("Thông tri", &["TT"]),
    ("Hướng dẫn", &["HD"]),
    ("Nghị định", &["NĐ"]),
    ("Thông tư", &["TT"]),
    ("Pháp lệnh", &["PL"]),
    ("Đề án", &["ĐA"]),
    ("Báo cáo", &["BC"]),
    ("Tờ trình", &["TTr"]),
    ("Quy chế", &["QC"]),
    ("Công điện", &["CĐ"]),
    ("Luật", &[]),
    ("Điều lệ", &[]),
    ("Văn bản", &[]),
];

/// The kind-word alternation for regexes: case-insensitive, any whitespace (line breaks too)
/// between syllables, optionally followed by `hành động` or `liên tịch`.
pub fn pattern() -> String {
    let words: Vec<String> = KIND_WORDS
        .iter()
        .map(|(w, _)| w.split(' ').collect::<Vec<_>>().join(r"\s+"))
        .collect();
    format!(
        r"(?i:(?:{})(?:\s+hành\s+động|\s+liên\s+tịch)?)",
        words.join("|")
    )
}

/// The codes a kind word (as written, any case and spacing) may stand for; `None` when the
/// word is not in the table or abbreviates no fixed code.
pub fn codes(word: &str) -> Option<&'static [&'static str]> {
    static FOLDED: LazyLock<Vec<(String, &'static [&'static str])>> =
        LazyLock::new(|| KIND_WORDS.iter().map(|(w, c)| (fold(w), *c)).collect());
    let key = fold(&WS.replace_all(word, " "));
    FOLDED
        .iter()
        .find(|(w, _)| key.starts_with(w.as_str()))
        .map(|(_, c)| *c)
        .filter(|c| !c.is_empty())
}

static WS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").unwrap());

/// Collapses runs of whitespace (line breaks in `Quy\n\nđịnh`) to one space.
pub fn tidy(word: &str) -> String {
    WS.replace_all(word.trim(), " ").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_for_words() {
        let cases: [(&str, Option<&[&str]>); 6] = [
            ("Quy định", Some(&["QĐ", "QĐi"])),
            ("Quy\n\nđịnh", Some(&["QĐ", "QĐi"])),
            ("quyết định", Some(&["QĐ", "QĐi"])),
            ("Kế hoạch hành động", Some(&["KH"])),
            ("Luật", None),
            ("Bài viết", None),
        ];
        for (word, expected) in cases {
            assert_eq!(codes(word), expected, "{word:?}");
        }
    }
}
