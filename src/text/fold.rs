//! Folding for search without diacritics: lowercase, tones and vowel marks removed, `đ`→`d`.
//!
//! `Đảng ủy Khối` folds to `dang uy khoi`. Combining marks (U+0300–U+036F) are dropped too,
//! so text that escaped composition still folds the same.

use super::vowel::vowel;

/// Folds `text` into a new string.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        fold_char(c, out);
    }
}

/// Appends the folded form of one character.
#[inline]
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(v) = vowel(c) {
        out.push(v.ascii() as char);
    } else if matches!(c, 'đ' | 'Đ') {
        out.push('d');
    } else if !is_combining(c) {
        for l in c.to_lowercase() {
            match vowel(l) {
                Some(v) => out.push(v.ascii() as char),
                None if !is_combining(l) => out.push(l),
                None => {}
            }
        }
    }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("Đảng ủy Khối", "dang uy khoi"),
            ("Kết luận số 21-KL/TW", "ket luan so 21-kl/tw"),
            ("QĐ", "qd"),
            ("Sầm Sơn", "sam son"),
            ("khoá", "khoa"),
            ("khóa", "khoa"),
            ("Nguyễn Phi Hùng", "nguyen phi hung"),
            ("ỨNG DỤNG", "ung dung"),
            // decomposed input folds the same
            ("ky\u{303}", "ky"),
            ("“tự chuyển hóa”", "“tu chuyen hoa”"),
            ("ASCII Only", "ascii only"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "{input:?}");
        }
    }
}
