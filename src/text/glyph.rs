//! Text a PDF extractor wrote as a font's glyph codes instead of letters: `7ӌ1+ LÀO CAI` for
//! `TỈNH LÀO CAI`, `NӃ KRҥFK` for `kế hoạch`. The font numbers its glyphs 29 below ASCII
//! (`7` is `T`, `+` is `H`) and puts the Vietnamese letters where Cyrillic stands in Unicode,
//! 0x19FC below them (`ӌ` U+04CC is `Ỉ` U+1EC8); a sister font codes only the Vietnamese
//! letters (`KiӇm`), another uses combining marks (`V͙` for `số`). Only the words set in
//! those fonts are written so; the others on the same line are plain, and stay as they are.

/// What `extract` reports as the text's encoding when it was converted.
pub const NAME: &str = "PDF glyph codes";

/// How many words must carry the font's letters before a text is read as written in it.
const MIN_WORDS: usize = 8;

/// The code points that stand for the precomposed Vietnamese letters (ạ … ỹ): Cyrillic in
/// one font, combining marks in another (`V͙` for `số`), each a fixed distance below.
const SHIFTED: [(std::ops::RangeInclusive<u32>, u32); 2] =
    [(0x04A4..=0x04FD, 0x19FC), (0x0328..=0x0381, 0x1B78)];

/// The font's other letters: ư, ơ, đ and Ĩ sit apart.
const APART: [(char, char); 8] = [
    ('\u{046C}', 'Ư'),
    ('\u{046D}', 'ư'),
    ('\u{046A}', 'Ơ'),
    ('\u{046B}', 'ơ'),
    ('\u{00FF}', 'đ'),
    ('\u{0108}', 'Đ'),
    ('\u{01AC}', 'Ĩ'),
    ('\u{01AD}', 'ĩ'),
];

/// True for a character only the glyph font writes.
fn is_glyph(c: char) -> bool {
    let cp = c as u32;
    SHIFTED.iter().any(|(r, _)| r.contains(&cp)) || APART.iter().any(|(g, _)| *g == c)
}

/// How much of a text detection reads: the glyph font shows in the header already.
const SAMPLE: usize = 16 << 10;

/// True when at least [`MIN_WORDS`] words of the text's start carry the font's letters.
/// Cheap on other text: those letters are two-byte UTF-8 led by 0xD1–0xD3 (Cyrillic) or by
/// 0xCC–0xCD past the Vietnamese combining marks, which Vietnamese text never uses.
pub fn detect(text: &str) -> bool {
    let sample = &text[..text.floor_char_boundary(SAMPLE)];
    let bytes = sample.as_bytes();
    let led = bytes.windows(2).any(|w| match w[0] {
        0xD1..=0xD3 | 0xCD => true,
        0xCC => w[1] >= 0xA8,
        _ => false,
    });
    led && sample
        .split_whitespace()
        .filter(|w| w.chars().any(is_glyph))
        .take(MIN_WORDS)
        .count()
        >= MIN_WORDS
}

/// The text with every word set in the glyph font written in letters.
pub fn convert(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = 0;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_whitespace() {
            out.push_str(&word(&text[word_start..i]));
            if i < text.len() {
                out.push(c);
            }
            word_start = i + c.len_utf8();
        }
    }
    out
}

/// One word: converted when it carries the font's letters or its capitals-only marks
/// (`1*+` is `NGH`, `7+` is `TH`), else as it is.
fn word(w: &str) -> std::borrow::Cow<'_, str> {
    let glyphs = w.chars().any(is_glyph);
    // not a number's `\-` escape or a run of `*` (`57\-NQ/TW`, `**`)
    let capitals = !glyphs
        && w.len() >= 2
        && w.chars().any(|c| matches!(c, '+' | '*' | '\\'))
        && w.chars().any(|c| c.is_ascii_alphanumeric())
        && !w.contains(['/', '-'])
        && w.chars()
            .all(|c| matches!(c, '!'..=']') && !c.is_ascii_lowercase());
    if !glyphs && !capitals && !capital_after_lower(w) {
        return w.into();
    }
    // a word with small ASCII letters, or only capitals and capital Vietnamese letters, is
    // set in the font that codes only the Vietnamese letters (`KiӇm` is `Kiểm`, `THѬѪNG` is
    // `THƯƠNG`); the other codes its ASCII letters too (`NӃ` is `kế`, `7ӌ1+` is `TỈNH`)
    let plain_capitals = w
        .chars()
        .all(|c| c.is_ascii_uppercase() || (is_glyph(c) && letter(c, false).is_uppercase()));
    let ascii = !plain_capitals && !w.chars().any(|c| c.is_ascii_lowercase());
    let letter = |c: char| letter(c, ascii);
    // a comma or full stop after a lowercase letter is punctuation, not the font's `I`/`K`
    let body = w.trim_end_matches([',', '.', ';', ':']);
    let mut out: String = body.chars().map(letter).collect();
    let tail = &w[body.len()..];
    if out.chars().last().is_some_and(|c| c.is_lowercase()) || !ascii {
        out.push_str(tail);
    } else {
        out.extend(tail.chars().map(letter));
    }
    out.into()
}

/// `QăP` (`năm`), `1ăQJ` (`Năng`): the font's codes around a plain `ă`, which no written
/// word has (a capital after a small letter, and no small ASCII letter: `TTg`, `QĐi` have).
fn capital_after_lower(w: &str) -> bool {
    if w.chars().any(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let mut seen_lower = false;
    for c in w.chars() {
        if c.is_lowercase() {
            seen_lower = true;
        } else if seen_lower && c.is_ascii_uppercase() {
            return true;
        }
    }
    false
}

fn letter(c: char, ascii: bool) -> char {
    let cp = c as u32;
    // control codes too: the font's `:` is 0x1D
    if ascii && (0x01..=0x5D).contains(&cp) && !c.is_whitespace() {
        return char::from_u32(cp + 29).unwrap_or(c);
    }
    if let Some((_, shift)) = SHIFTED.iter().find(|(r, _)| r.contains(&cp)) {
        return char::from_u32(cp + shift).unwrap_or(c);
    }
    APART.iter().find(|(g, _)| *g == c).map_or(c, |(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_glyph_font_read_as_letters() {
        let rows = [
            ("UBND 7ӌ1+ LÀO CAI", "UBND TỈNH LÀO CAI"),
            (
                "&Ӝ1* HOÀ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM",
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            ("6Ӣ CÔNG 7+ѬѪ1*", "SỞ CÔNG THƯƠNG"),
            ("ĈӝF OұS - 7ӵ do - +ҥQK phúc", "Độc lập - Tự do - Hạnh phúc"),
            ("6ӕ\u{1d} 3036 /SCT-CN", "Số: 3036 /SCT-CN"),
            (
                "Lào Cai, ngày 28 tháng 5 QăP 2026",
                "Lào Cai, ngày 28 tháng 5 năm 2026",
            ),
            (
                "V/v NӃ KRҥFK NLӇP tra công tác",
                "V/v kế hoạch kiểm tra công tác",
            ),
            ("/XұW Vӕ 55/2024/QH15", "Luật số 55/2024/QH15"),
            ("*Lҩ\\ PӡL", "Giấy mời"),
            ("WӍQK Lào Cai. 6ӣ", "tỉnh Lào Cai. Sở"),
            ("Số 57\\-NQ/TW và **", "Số 57\\-NQ/TW và **"),
            ("QJKLӋP thu, NӃ,", "nghiệm thu, kế,"),
            // the font that codes only the Vietnamese letters, and the one using marks
            ("KiӇm tra YLӋF sӱ dөng", "Kiểm tra việc sử dụng"),
            ("&ăQ Fͱ /X̵W V͙ 42/2024/QH15", "Căn cứ Luật số 42/2024/QH15"),
            ("48<ӂ7 Ĉӎ1+", "QUYẾT ĐỊNH"),
            ("6Ӣ CÔNG THѬѪNG", "SỞ CÔNG THƯƠNG"),
        ];
        for (glyphs, letters) in rows {
            assert_eq!(convert(glyphs), letters, "{glyphs}");
        }
    }

    #[test]
    fn only_text_with_enough_glyph_words_is_converted() {
        assert!(!detect("Ủy ban MTTQ tỉnh Lào Cai, 100% R&D, Đảng ủy"));
        assert!(!detect("Москва и Санкт-Петербург"));
        let letter = "6Ӣ CÔNG 7+ѬѪ1* ĈӝF OұS 7ӵ +ҥQK NӃ KRҥFK NLӇP QJKLӋP";
        assert!(detect(letter));
    }
}
