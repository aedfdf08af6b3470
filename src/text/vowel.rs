//! The Vietnamese vowel table: each precomposed vowel as (base vowel, tone, case), and back.
//!
//! Rows are the twelve base vowels with their quality marks (a ă â e ê i o ô ơ u ư y);
//! columns are the six tones: none, huyền, sắc, hỏi, ngã, nặng.

use std::sync::LazyLock;

const LOWER: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];
const UPPER: [&str; 12] = [
    "AÀÁẢÃẠ",
    "ĂẰẮẲẴẶ",
    "ÂẦẤẨẪẬ",
    "EÈÉẺẼẸ",
    "ÊỀẾỂỄỆ",
    "IÌÍỈĨỊ",
    "OÒÓỎÕỌ",
    "ÔỒỐỔỖỘ",
    "ƠỜỚỞỠỢ",
    "UÙÚỦŨỤ",
    "ƯỪỨỬỮỰ",
    "YỲÝỶỸỴ",
];
/// The ASCII letter each row folds to.
const ROW_ASCII: [u8; 12] = *b"aaaeeiooouuy";

/// Row indices used by tone placement.
pub const ROW_A: u8 = 0;
pub const ROW_E: u8 = 3;
pub const ROW_O: u8 = 6;
pub const ROW_U: u8 = 9;
pub const ROW_Y: u8 = 11;

/// A precomposed vowel taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vowel {
    pub row: u8,
    pub tone: u8,
    pub upper: bool,
}

impl Vowel {
    /// The precomposed character for this vowel.
    #[inline]
    pub fn to_char(self) -> char {
        CHARS[self.upper as usize][self.row as usize][self.tone as usize]
    }

    /// The unaccented lowercase ASCII letter.
    pub fn ascii(self) -> u8 {
        ROW_ASCII[self.row as usize]
    }
}

/// Every vowel by case, row and tone, built once from the tables above.
static CHARS: LazyLock<[[[char; 6]; 12]; 2]> = LazyLock::new(|| {
    let mut t = [[['\0'; 6]; 12]; 2];
    for (case, rows) in [&LOWER, &UPPER].into_iter().enumerate() {
        for (row, s) in rows.iter().enumerate() {
            for (tone, c) in s.chars().enumerate() {
                t[case][row][tone] = c;
            }
        }
    }
    t
});

const FIRST: u32 = 0x41;
const LAST: u32 = 0x1EF9;

/// Dense lookup from code point to packed vowel: `row << 4 | tone << 1 | upper`, plus one
/// so that zero means "not a vowel".
static TABLE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut t = vec![0u8; (LAST - FIRST + 1) as usize];
    for (upper, rows) in [(false, &LOWER), (true, &UPPER)] {
        for (row, s) in rows.iter().enumerate() {
            for (tone, c) in s.chars().enumerate() {
                let packed = (row as u8) << 4 | (tone as u8) << 1 | upper as u8;
                t[(c as u32 - FIRST) as usize] = packed + 1;
            }
        }
    }
    t
});

/// Takes a precomposed Vietnamese vowel apart; `None` for anything else.
#[inline]
pub fn vowel(c: char) -> Option<Vowel> {
    let cp = c as u32;
    if !(FIRST..=LAST).contains(&cp) {
        return None;
    }
    let p = TABLE[(cp - FIRST) as usize];
    (p != 0).then(|| {
        let p = p - 1;
        Vowel {
            row: p >> 4,
            tone: (p >> 1) & 0b111,
            upper: p & 1 == 1,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vowel_round_trips() {
        for rows in [&LOWER, &UPPER] {
            for s in rows.iter() {
                for c in s.chars() {
                    assert_eq!(vowel(c).unwrap().to_char(), c);
                }
            }
        }
        assert_eq!(LOWER.iter().map(|s| s.chars().count()).sum::<usize>(), 72);
    }

    #[test]
    fn non_vowels() {
        for c in ['b', 'đ', 'Đ', '1', ' ', '“', 'ç'] {
            assert_eq!(vowel(c), None, "{c}");
        }
    }
}
