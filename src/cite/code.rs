//! Spellings of the letter codes inside identifiers (kind and issuer segments).
//!
//! Most codes are plain uppercase (`KL`, `TW`, `MTTW`); the ones below are written with `Đ` or
//! with lowercase letters by the bodies that issue them. A code typed without `Đ` or in any
//! case (`qd`, `duk`, `ttg`) is looked up here by its folded uppercase form. Codes whose folded
//! form is shared with a common plain code are left out on purpose: `HĐ` (Hội đồng) would turn
//! every Party `HD` (Hướng dẫn) into `HĐ`.

use crate::text::fold;

const SPELLINGS: &[&str] = &[
    "QĐ", "QĐi", "NĐ", "ĐUK", "ĐĐ", "ĐU", "ĐA", "ĐUQSTW", "ĐUCA", "BCSĐ", "TTg", "CTr", "TTr",
    "BTĐKT", "TĐKT", "HĐND", "ĐTN", "ĐCT", "ĐHQG", "HĐTP", "HĐQT", "HĐTĐKT", "VPĐĐ",
];

/// The canonical spelling of one code segment: the table's spelling when its folded form is
/// there, else the segment in uppercase.
pub fn canonical_segment(segment: &str) -> String {
    let key = fold(segment).to_ascii_uppercase();
    SPELLINGS
        .iter()
        .find(|s| fold(s).eq_ignore_ascii_case(&key))
        .map(|s| s.to_string())
        .unwrap_or_else(|| segment.to_uppercase())
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
