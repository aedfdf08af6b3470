//! The marks a header carries about how a document is handled: its classification (`MẬT`,
//! `TỐI MẬT`, `TUYỆT MẬT`, stamped in a box under the number) and its urgency (`KHẨN`,
//! `THƯỢNG KHẨN`, `HỎA TỐC`). A mark is a header cell or line that says only that, in
//! capitals, whatever the box is drawn with (pipes, box characters, Markdown emphasis) and
//! whatever tones OCR put on it (`MÂT`, `TÓI MẠT`); body text (`bí mật nhà nước`) is not one.

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// How secret a document is (the three degrees of state secrets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    Mat,
    ToiMat,
    TuyetMat,
}

impl Classification {
    /// The mark as printed.
    pub fn label(self) -> &'static str {
        match self {
            Classification::Mat => "MẬT",
            Classification::ToiMat => "TỐI MẬT",
            Classification::TuyetMat => "TUYỆT MẬT",
        }
    }
}

/// How fast a document must be delivered and handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Khan,
    ThuongKhan,
    HoaToc,
}

impl Urgency {
    /// The mark as printed.
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Khan => "KHẨN",
            Urgency::ThuongKhan => "THƯỢNG KHẨN",
            Urgency::HoaToc => "HỎA TỐC",
        }
    }
}

/// The marks found in a header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub classification: Option<Classification>,
    pub urgency: Option<Urgency>,
}

/// The header: the first lines, before the body could start saying `MẬT` in a heading.
const HEADER_LINES: usize = 40;
const HEADER_BYTES: usize = 4096;

/// What a cell may be drawn or emphasized with around (and between) its words.
fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '_' | '#' | '>' | '[' | ']' | '(' | ')' | '"' | '\'' | '«' | '»'
        )
        || matches!(c, '.' | ':' | '+' | '=' | '`' | '~' | '“' | '”')
        || ('\u{2500}'..='\u{257F}').contains(&c) // box drawing
}

/// The marks of a document's header, the highest of each kind.
pub fn read(text: &str) -> Marks {
    let mut marks = Marks::default();
    let mut before = 0;
    for line in text.lines().take(HEADER_LINES) {
        if before > HEADER_BYTES {
            break;
        }
        before += line.len() + 1;
        // columns: drawn, or set apart by a run of spaces (`Số 12-NQ/TW      MẬT`)
        let cells = line
            .split(['|', '│', '┃', '║', '\t'])
            .flat_map(|c| c.split("   "));
        for cell in cells {
            for part in cell.split([',', ';', '/', '–', '—']) {
                apply(&mut marks, part);
            }
            // `MẬT - KHẨN`: a hyphen between marks, never inside one
            if cell.contains(" - ") {
                cell.split(" - ").for_each(|p| apply(&mut marks, p));
            }
        }
    }
    marks
}

/// Takes `part` as a mark when it is one, keeping the highest of each kind.
fn apply(marks: &mut Marks, part: &str) {
    match mark(part) {
        Some(Mark::Classified(c)) => marks.classification = marks.classification.max(Some(c)),
        Some(Mark::Urgent(u)) => marks.urgency = marks.urgency.max(Some(u)),
        None => {}
    }
}

enum Mark {
    Classified(Classification),
    Urgent(Urgency),
}

/// A part of a header cell that is a mark and nothing else, in capitals.
fn mark(part: &str) -> Option<Mark> {
    let words: Vec<&str> = part
        .split(is_decoration)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let letters = words.iter().flat_map(|w| w.chars());
    if letters.clone().any(|c| c.is_lowercase()) || !letters.clone().any(char::is_alphabetic) {
        return None;
    }
    // OCR splits a stamp's letters (`M ẬT`) and misreads its tones: compare folded, unspaced
    let key: String = fold(&words.concat()).to_ascii_uppercase();
    Some(match key.as_str() {
        "MAT" => Mark::Classified(Classification::Mat),
        "TOIMAT" => Mark::Classified(Classification::ToiMat),
        "TUYETMAT" => Mark::Classified(Classification::TuyetMat),
        "KHAN" => Mark::Urgent(Urgency::Khan),
        "THUONGKHAN" => Mark::Urgent(Urgency::ThuongKhan),
        "HOATOC" | "HOATOCHENGIO" => Mark::Urgent(Urgency::HoaToc),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 12-NQ/TW\n";
    const BODY: &str = "\nNGHỊ QUYẾT\nvề bảo vệ bí mật nhà nước\n\nI. TÌNH HÌNH\nMẶT TRẬN\n";

    #[test]
    fn marks_in_the_header_whatever_draws_them() {
        let table: &[(&str, Option<Classification>, Option<Urgency>)] = &[
            ("MẬT", Some(Classification::Mat), None),
            ("┌─────┐\n│ MẬT │\n└─────┘", Some(Classification::Mat), None),
            ("| Số 12-NQ/TW | **MẬT** |", Some(Classification::Mat), None),
            (
                "Số 12-NQ/TW            MẬT",
                Some(Classification::Mat),
                None,
            ),
            (
                "+-------+\n| TỐI MẬT |\n+-------+",
                Some(Classification::ToiMat),
                None,
            ),
            ("[TUYỆT MẬT]", Some(Classification::TuyetMat), None),
            ("MẬT - KHẨN", Some(Classification::Mat), Some(Urgency::Khan)),
            ("HỎA TỐC", None, Some(Urgency::HoaToc)),
            ("THƯỢNG KHẨN", None, Some(Urgency::ThuongKhan)),
            // OCR: tones misread, letters apart, a stray dot
            ("MÂT", Some(Classification::Mat), None),
            ("TÓI MẠT", Some(Classification::ToiMat), None),
            ("M ẬT.", Some(Classification::Mat), None),
            ("TUYET MAT", Some(Classification::TuyetMat), None),
            // not marks
            ("MẶT TRẬN TỔ QUỐC VIỆT NAM", None, None),
            ("Mật", None, None),
            ("tài liệu MẬT", None, None),
            ("KHẨN TRƯƠNG", None, None),
        ];
        for (line, classification, urgency) in table {
            let text = format!("{HEAD}{line}\n{BODY}");
            let m = read(&text);
            assert_eq!(m.classification, *classification, "{line:?}");
            assert_eq!(m.urgency, *urgency, "{line:?}");
        }
    }

    #[test]
    fn a_mark_below_the_header_is_not_read() {
        let body = "ý kiến\n".repeat(HEADER_LINES);
        assert_eq!(read(&format!("{HEAD}{body}MẬT\n")), Marks::default());
    }
}
