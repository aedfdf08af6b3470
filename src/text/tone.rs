//! Tone placement: one key for both styles (`hoá`/`hóa`, `uỷ`/`ủy`, `khoẻ`/`khỏe`).
//!
//! The styles differ only in open syllables ending in `oa`, `oe` or `uy` (not `quy`, where
//! `u` belongs to the consonant): the old style marks the second vowel, the new style the
//! first. The key moves the mark onto the first vowel; syllables with a final consonant
//! (`hoàn`, `thuyết`) are written alike in both styles and are left as they are.

use std::borrow::Cow;

use super::vowel::{vowel, Vowel, ROW_A, ROW_E, ROW_O, ROW_U, ROW_Y};

/// The tone key of one word, or `None` when the word is already in key form.
pub fn tone_key_word(word: &str) -> Option<String> {
    let mut rev = word.char_indices().rev();
    let (i_last, last) = rev.next()?;
    let (i_first, first) = rev.next()?;
    let (v1, v2) = (vowel(first)?, vowel(last)?);
    let pair = (v1.row, v2.row);
    let opens = matches!(pair, (ROW_O, ROW_A) | (ROW_O, ROW_E))
        || (pair == (ROW_U, ROW_Y) && !rev.next().is_some_and(|(_, c)| matches!(c, 'q' | 'Q')));
    if !opens || v2.tone == 0 || v1.tone != 0 {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 1);
    out.push_str(&word[..i_first]);
    out.push(
        Vowel {
            tone: v2.tone,
            ..v1
        }
        .to_char(),
    );
    out.push(Vowel { tone: 0, ..v2 }.to_char());
    debug_assert_eq!(i_last + last.len_utf8(), word.len());
    Some(out)
}

/// The tone key of a whole text, word by word; everything else is kept.
pub fn tone_key(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (start, end) in words(text) {
        if let Some(key) = tone_key_word(&text[start..end]) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..start]);
            o.push_str(&key);
            copied = end;
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Byte ranges of the maximal runs of alphabetic characters.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = it.next()?;
            if c.is_alphabetic() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = it.peek() {
            if !c.is_alphabetic() {
                end = i;
                break;
            }
            it.next();
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_styles_give_one_key() {
        let pairs = [
            ("hoá", "hóa"),
            ("khoá", "khóa"),
            ("uỷ", "ủy"),
            ("thuỷ", "thủy"),
            ("hoà", "hòa"),
            ("khoẻ", "khỏe"),
            ("hoạ", "họa"),
            ("toả", "tỏa"),
            ("loã", "lõa"),
            ("xoè", "xòe"),
            ("huỷ", "hủy"),
            ("luỹ", "lũy"),
            ("tuỵ", "tụy"),
            ("HOÁ", "HÓA"),
            ("Uỷ", "Ủy"),
            ("Thuỷ", "Thủy"),
        ];
        for (old, new) in pairs {
            assert_eq!(tone_key(old), new, "{old}");
            assert_eq!(tone_key(new), new, "{new}");
        }
    }

    #[test]
    fn words_written_alike_in_both_styles_are_kept() {
        for w in [
            "quý", "quỳ", "quỷ", "hoàn", "toán", "thuyết", "khuyến", "hoa", "uy", "Quý", "a", "",
            "khoa", "tuyên", "hoài", "người", "Đảng",
        ] {
            assert_eq!(tone_key(w), w, "{w}");
        }
    }

    #[test]
    fn whole_text() {
        assert_eq!(
            tone_key("Thành uỷ Sầm Sơn (khoá XIII), “tự chuyển hoá”."),
            "Thành ủy Sầm Sơn (khóa XIII), “tự chuyển hóa”."
        );
    }
}
