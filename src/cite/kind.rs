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
    ("Nghị quyết", &["NQ"]),
    ("Quy định", &["QĐ", "QĐi"]),
    ("Quyết định", &["QĐ", "QĐi"]),
    ("Chỉ thị", &["CT"]),
    ("Kế hoạch", &["KH"]),
    ("Chương trình", &["CTr", "CT"]),
    ("Công văn", &["CV"]),
    ("Thông báo", &["TB"]),
    ("Thông cáo", &["TC"]),
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

/// One kind word found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct KindSpan {
    pub start: usize,
    pub end: usize,
}

/// Suffixes that extend a kind word (`Kế hoạch hành động`, `Thông tư liên tịch`).
const SUFFIXES: &[&[&str]] = &[&["hành", "động"], &["liên", "tịch"]];

/// The kind words split into syllables, with the last letter of each, built once.
static SYLLABLES: LazyLock<Vec<(char, Vec<&'static str>)>> = LazyLock::new(|| {
    KIND_WORDS
        .iter()
        .map(|(w, _)| (w.chars().next_back().expect("word"), w.split(' ').collect()))
        .collect()
});

/// The kind word that ends exactly at byte `end`: syllables separated by any whitespace
/// (`Quy\n\nđịnh`), the first letter in either case, not glued to a preceding letter.
/// Matched backwards by hand: it runs once per identifier, where a regex search on a small
/// window cost more than the rest of the extraction together.
pub fn ending_at(text: &str, end: usize) -> Option<KindSpan> {
    let head = &text[..end];
    let base_end = SUFFIXES
        .iter()
        .find_map(|s| phrase_start(head, s, false))
        .map(|s| skip_space_back(head, s))
        .filter(|&e| e < end)
        .unwrap_or(end);
    let last = text[..base_end].chars().next_back()?;
    SYLLABLES
        .iter()
        .filter(|(l, _)| *l == last)
        .find_map(|(_, syllables)| {
            let start = phrase_start(&text[..base_end], syllables, true)?;
            let glued = text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            (!glued).then_some(KindSpan { start, end })
        })
}

/// Where a phrase starts if `head` ends with it, its syllables separated by any whitespace
/// run and, with `any_case_first`, its first letter matching in either case.
fn phrase_start(head: &str, syllables: &[&str], any_case_first: bool) -> Option<usize> {
    let mut pos = head.len();
    for (i, syl) in syllables.iter().enumerate().rev() {
        if i + 1 < syllables.len() {
            let before = skip_space_back(head, pos);
            if before == pos {
                return None;
            }
            pos = before;
        }
        let h = &head[..pos];
        pos = if i == 0 && any_case_first {
            let mut chars = syl.chars();
            let first = chars.next()?;
            let at = h.strip_suffix(chars.as_str())?.len();
            let c = h[..at].chars().next_back()?;
            let same = c == first || c.to_lowercase().eq(first.to_lowercase());
            if !same {
                return None;
            }
            at - c.len_utf8()
        } else {
            h.strip_suffix(syl)?.len()
        };
    }
    Some(pos)
}

/// The offset left after skipping whitespace backwards from `pos`.
pub fn skip_space_back(head: &str, pos: usize) -> usize {
    head[..pos].trim_end().len()
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

/// The table's kind word a written one starts with (`Chương trình hành động` →
/// `Chương trình`, `KẾ HOẠCH` → `Kế hoạch`), else the word tidied; none for `Văn bản`, which
/// says no kind.
pub fn kind_word_of(word: &str) -> Option<String> {
    let key = fold(&tidy(word));
    let table = KIND_WORDS.iter().find(|(w, _)| key.starts_with(&fold(w)));
    match table {
        Some((w, _)) if *w == "Văn bản" => None,
        Some((w, _)) => Some(w.to_string()),
        None => Some(tidy(word)),
    }
}

static WS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").unwrap());

/// The kind word for a kind code (`CV` → `Công văn`), the first the table lists; `TT` is a
/// Thông tri in a Party number and a Thông tư in a State one, and `QĐ` a Quyết định in a
/// State number (`2170/QĐ-UBND`; a Party `QĐ`, as `383-QĐ/TW`, is most often a Quy định).
pub fn word_for_code(code: &str, party: bool) -> Option<&'static str> {
    if code == "TT" {
        return Some(if party { "Thông tri" } else { "Thông tư" });
    }
    if code == "QĐ" && !party {
        return Some("Quyết định");
    }
    KIND_WORDS
        .iter()
        .find(|(_, codes)| codes.contains(&code))
        .map(|(w, _)| *w)
}

/// Collapses runs of whitespace (line breaks in `Quy\n\nđịnh`) to one space.
pub fn tidy(word: &str) -> String {
    let word = word.trim();
    if !word.contains("  ") && !word.contains(|c: char| c.is_whitespace() && c != ' ') {
        return word.to_string();
    }
    WS.replace_all(word, " ").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_either_case_and_across_lines() {
        let cases = [
            ("Thực hiện kế hoạch", Some("kế hoạch")),
            ("theo Quy\n\nđịnh", Some("Quy\n\nđịnh")),
            (
                "Kế hoạch và Chương trình hành động",
                Some("Chương trình hành động"),
            ),
            ("Thông tư liên  tịch", Some("Thông tư liên  tịch")),
            ("Luật", Some("Luật")),
            ("(Kết luận", Some("Kết luận")),
            ("phápLuật", None),
            ("hành động", None),
            ("không có gì", None),
            ("Quyđịnh", None),
        ];
        for (text, expected) in cases {
            let got = ending_at(text, text.len()).map(|k| &text[k.start..k.end]);
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn words_for_codes() {
        let cases = [
            ("QĐ", false, Some("Quyết định")),
            ("QĐ", true, Some("Quy định")),
            ("QĐi", true, Some("Quy định")),
            ("TT", true, Some("Thông tri")),
            ("TT", false, Some("Thông tư")),
            ("CV", false, Some("Công văn")),
        ];
        for (code, party, want) in cases {
            assert_eq!(word_for_code(code, party), want, "{code} party={party}");
        }
    }

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
