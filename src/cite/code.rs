//! Spellings of the letter codes inside identifiers (kind and issuer segments).
//!
//! Most codes are plain uppercase (`KL`, `TW`, `MTTW`); the ones below are written with `Đ` or
//! with lowercase letters by the bodies that issue them. A code typed without `Đ` or in any
//! case (`qd`, `duk`, `ttg`) is looked up here by its folded uppercase form. Codes whose folded
//! form is shared with a common plain code are left out on purpose: `HĐ` (Hội đồng) would turn
//! every Party `HD` (Hướng dẫn) into `HĐ`.

use std::sync::LazyLock;

use crate::text::fold;

const SPELLINGS: &[&str] = &[
    "QĐ", "QĐi", "NĐ", "ĐUK", "ĐĐ", "ĐU", "ĐA", "ĐUQSTW", "ĐUCA", "BCSĐ", "TTg", "CTr", "TTr",
    "BTĐKT", "TĐKT", "HĐND", "ĐTN", "ĐCT", "ĐHQG", "HĐTP", "HĐQT", "HĐTĐKT", "VPĐĐ",
];

/// The table keyed by folded uppercase form, built once.
static BY_KEY: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    SPELLINGS
        .iter()
        .map(|s| (fold(s).to_ascii_uppercase(), *s))
        .collect()
});

/// The canonical spelling of one code segment: the table's spelling when its folded form is
/// there, else the segment in uppercase.
pub fn canonical_segment(segment: &str) -> String {
    let key = if segment.is_ascii() {
        segment.to_ascii_uppercase()
    } else {
        fold(segment).to_ascii_uppercase()
    };
    match BY_KEY.iter().find(|(k, _)| *k == key) {
        Some((_, spelling)) => spelling.to_string(),
        None if segment.is_ascii() => key,
        None => segment.to_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("qd", "QĐ"),
            ("QD", "QĐ"),
            ("QĐ", "QĐ"),
            ("qdi", "QĐi"),
            ("QĐI", "QĐi"),
            ("duk", "ĐUK"),
            ("dd", "ĐĐ"),
            ("nd", "NĐ"),
            ("ttg", "TTg"),
            ("ctr", "CTr"),
            ("kl", "KL"),
            ("tw", "TW"),
            ("HD", "HD"),
            ("mttq", "MTTQ"),
            ("btdkt", "BTĐKT"),
            ("UBTVQH11", "UBTVQH11"),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical_segment(input), expected, "{input}");
        }
    }
}
