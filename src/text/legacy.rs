//! Legacy Vietnamese encodings: text typed in TCVN3 (ABC) or VNI fonts, either saved as
//! 8-bit bytes or already mis-decoded into Latin-1 characters (`Ninh B×nh`, `Xin chaøo caùc
//! baïn`). Detected by their signatures and converted to Unicode; text that already has
//! Vietnamese letters is never converted.
//!
//! The TCVN3 table is TCVN 5712:1993 (VN3), checked byte by byte against glibc's
//! `TCVN5712-1` converter. TCVN3 fonts have no separate codes for capital toned vowels
//! (a capitals font draws the same codes), so those come out lowercase. The VNI table is
//! VNI-Windows: a base vowel followed by a mark letter (`aø` = à, `eä` = ệ, `aë` = ặ),
//! `ô`/`ö` for ơ/ư, `ñ` for đ, and single letters for i with a tone.

use super::vowel::Vowel;

/// A legacy encoding the text was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN3: Latin-1 code point (the byte) → Unicode letter.
const TCVN3: &[(char, char)] = &[
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
    ('\u{A8}', 'ă'),
    ('\u{A9}', 'â'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{AE}', 'đ'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{C6}', 'ặ'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
];

/// VNI mark letters after a base vowel: (lowercase, uppercase, quality, tone). Quality 0
/// keeps the vowel, 1 adds the circumflex (a e o), 2 the breve (a).
const VNI_MARKS: &[(char, char, u8, u8)] = &[
    ('ø', 'Ø', 0, 1),
    ('ù', 'Ù', 0, 2),
    ('û', 'Û', 0, 3),
    ('õ', 'Õ', 0, 4),
    ('ï', 'Ï', 0, 5),
    ('â', 'Â', 1, 0),
    ('à', 'À', 1, 1),
    ('á', 'Á', 1, 2),
    ('å', 'Å', 1, 3),
    ('ã', 'Ã', 1, 4),
    ('ä', 'Ä', 1, 5),
    ('ê', 'Ê', 2, 0),
    ('è', 'È', 2, 1),
    ('é', 'É', 2, 2),
    ('ú', 'Ú', 2, 3),
    ('ü', 'Ü', 2, 4),
    ('ë', 'Ë', 2, 5),
];

/// VNI letters that stand alone: i with a tone, ỵ, đ; and the horn vowels ơ (ô) and ư (ö),
/// which take tone marks after them.
const VNI_SINGLE: &[(char, char)] = &[
    ('ì', 'ì'),
    ('í', 'í'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('î', 'ỵ'),
    ('ñ', 'đ'),
    ('Ì', 'Ì'),
    ('Í', 'Í'),
    ('Æ', 'Ỉ'),
    ('Ó', 'Ĩ'),
    ('Ò', 'Ị'),
    ('Î', 'Ỵ'),
    ('Ñ', 'Đ'),
    ('ô', 'ơ'),
    ('ö', 'ư'),
    ('Ô', 'Ơ'),
    ('Ö', 'Ư'),
];

/// How much of a text detection reads: a legacy file shows its signature from the start.
const SAMPLE: usize = 16 << 10;

/// The encoding `text` was typed in, if its letters say so clearly: the start of the text
/// is ASCII and Latin-1, a tenth of its words carry the encoding's signature and none of
/// them carries a real Vietnamese letter. It runs on every file read, so it reads a sample,
/// rejects Unicode Vietnamese on the first cheap check and allocates nothing.
pub fn detect(text: &str) -> Option<Legacy> {
    let sample = &text[..text.floor_char_boundary(SAMPLE)];
    if sample.is_empty() || !latin1_only(sample) {
        return None;
    }
    let (mut words, mut vietnamese, mut tcvn, mut vni) = (0usize, 0usize, 0usize, 0usize);
    let mut word = Word::default();
    let mut prev: Option<char> = None;
    for c in sample.chars().chain([' ']) {
        if c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':') {
            if word.letters > 0 {
                words += 1;
                vietnamese += word.vietnamese as usize;
                vni += (word.vni_mark || word.horn && word.ascii) as usize;
                tcvn += word.tcvn as usize;
            }
            word = Word::default();
            prev = None;
            continue;
        }
        word.letters += 1;
        word.vietnamese |= is_vietnamese_letter(c);
        word.ascii |= c.is_ascii_alphabetic();
        word.horn |= matches!(c, 'ô' | 'ö' | 'Ô' | 'Ö' | 'ñ' | 'Ñ');
        let after_vowel = prev.is_some_and(is_base_vowel);
        word.vni_mark |= after_vowel && mark(c).is_some();
        word.tcvn |= !after_vowel && tcvn3(c).is_some();
        prev = Some(c);
    }
    if words == 0 || vietnamese * 50 > words {
        return None;
    }
    let enough = |n: usize| n * 10 >= words && n >= 2;
    match (enough(tcvn) && tcvn > vni, enough(vni) && vni >= tcvn) {
        (true, _) => Some(Legacy::Tcvn3),
        (_, true) => Some(Legacy::Vni),
        _ => None,
    }
}

/// What one word of a sample shows.
#[derive(Default)]
struct Word {
    letters: usize,
    vietnamese: bool,
    ascii: bool,
    horn: bool,
    vni_mark: bool,
    tcvn: bool,
}

/// True when (nearly) every character is ASCII, Latin-1 or general punctuation, as legacy
/// text read byte by byte is. Text with other scripts in it (a PDF whose font map is broken
/// puts Cyrillic where Vietnamese letters were) is something else, and is left alone.
fn latin1_only(text: &str) -> bool {
    let (mut all, mut other) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        let cp = c as u32;
        if cp > 0xFF && !(0x2000..=0x206F).contains(&cp) && !(0x20AC..=0x2122).contains(&cp) {
            other += 1;
            // a text has at most as many characters as bytes: the answer is already known
            if other * 200 > text.len() {
                return false;
            }
        }
    }
    other * 200 <= all
}

/// Converts text in a legacy encoding to Unicode.
pub fn convert(text: &str, from: Legacy) -> String {
    match from {
        Legacy::Tcvn3 => text.chars().map(|c| tcvn3(c).unwrap_or(c)).collect(),
        Legacy::Vni => vni(text),
    }
}

/// Bytes that are not UTF-8, read as Latin-1 (one character per byte), the way an 8-bit
/// legacy file is read.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// The TCVN3 table: each byte (as a Latin-1 character) and the letter it stands for.
pub fn tcvn3_table() -> &'static [(char, char)] {
    TCVN3
}

fn tcvn3(c: char) -> Option<char> {
    TCVN3
        .binary_search_by_key(&c, |(k, _)| *k)
        .ok()
        .map(|i| TCVN3[i].1)
}

fn mark(c: char) -> Option<(u8, u8)> {
    VNI_MARKS
        .iter()
        .find(|(l, u, _, _)| *l == c || *u == c)
        .map(|(_, _, q, t)| (*q, *t))
}

fn is_base_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || matches!(c, 'ô' | 'ö' | 'Ô' | 'Ö')
}

/// A letter only Vietnamese writes: ă, ơ, ư, đ or a vowel of U+1EA0–U+1EF9.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'đ' | 'Đ')
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

fn vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let single = VNI_SINGLE.iter().find(|(k, _)| *k == c).map(|(_, v)| *v);
        let base = single
            .filter(|v| matches!(v, 'ơ' | 'ư' | 'Ơ' | 'Ư'))
            .or_else(|| {
                matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y' | 'i').then_some(c)
            });
        let next_mark = chars.peek().and_then(|&n| mark(n));
        match (base.and_then(super::vowel::vowel), next_mark) {
            (Some(v), Some((quality, tone))) => {
                let row = match (v.row, quality) {
                    (r, 0) => Some(r),
                    (0, 1) => Some(2), // a → â
                    (3, 1) => Some(4), // e → ê
                    (6, 1) => Some(7), // o → ô
                    (0, 2) => Some(1), // a → ă
                    _ => None,
                };
                match row {
                    Some(row) => {
                        chars.next();
                        out.push(Vowel { row, tone, ..v }.to_char());
                    }
                    None => out.push(single.unwrap_or(c)),
                }
            }
            _ => out.push(single.unwrap_or(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples() {
        let cases = [
            ("Ninh B×nh", Legacy::Tcvn3, "Ninh Bình"),
            ("B¶o Th¾ng, B¸t X¸t", Legacy::Tcvn3, "Bảo Thắng, Bát Xát"),
            ("M\u{AD}êng Kh\u{AD}¬ng", Legacy::Tcvn3, "Mường Khương"),
            ("§¶ng uû khèi", Legacy::Tcvn3, "Đảng uỷ khối"),
            ("Xin chaøo caùc baïn", Legacy::Vni, "Xin chào các bạn"),
            (
                "Ñaûng Coäng saûn Vieät Nam",
                Legacy::Vni,
                "Đảng Cộng sản Việt Nam",
            ),
            ("Quyeát ñònh soá 124", Legacy::Vni, "Quyết định số 124"),
            (
                "Thöôøng tröïc, khoaù, naêm, aën",
                Legacy::Vni,
                "Thường trực, khoá, năm, ặn",
            ),
        ];
        for (legacy, from, unicode) in cases {
            assert_eq!(convert(legacy, from), unicode, "{legacy}");
        }
    }

    #[test]
    fn broken_pdf_font_maps_are_not_legacy_text() {
        let garbled =
            "UBND 7ӌ1+ LÀO CAI &Ӝ1* HÒA XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM ĈӝF OұS - 7ӵ do - +ҥQK phúc \
                       KiӇm tra YLӋF FKҩS hành pháp OXұW trong sӱ dөng và bҧo quҧn vұt liӋu nә";
        assert_eq!(detect(garbled), None);
    }

    #[test]
    fn tcvn3_table_is_sorted_and_one_to_one() {
        assert!(TCVN3.windows(2).all(|w| w[0].0 < w[1].0));
        let mut targets: Vec<char> = TCVN3.iter().map(|(_, u)| *u).collect();
        targets.sort();
        targets.dedup();
        assert_eq!(targets.len(), TCVN3.len());
    }
}
