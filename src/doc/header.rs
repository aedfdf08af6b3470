//! Header fields: kind, title (trích yếu), own identifier, date and place of issue, issuer;
//! read from the document's head or from a portal's metadata table. Missing means absent.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::line::{clean, is_upper, lines, Line};
use crate::cite::{scan, CiteId, KIND_WORDS};
use crate::date::Date;

/// How much of the start of a document is searched for header fields, in bytes.
const HEAD: usize = 6000;
/// How many of its first lines, at most.
const HEAD_LINES: usize = 120;
/// Longest title kept, in lines.
const MAX_TITLE_LINES: usize = 8;

/// The header fields of one document.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub kind: Option<String>,
    /// Index of the line with the kind heading (`KẾ HOẠCH`).
    pub kind_line: Option<usize>,
    pub title: Option<String>,
    pub title_range: Option<Range<usize>>,
    pub own_id: Option<CiteId>,
    pub date: Option<Date>,
    pub place: Option<String>,
    pub issuer: Option<String>,
}

/// Reads the header of a composed text.
pub fn read(text: &str) -> Header {
    let all: Vec<Line> = lines(text).collect();
    let head_end = all
        .iter()
        .take(HEAD_LINES)
        .take_while(|l| l.start < HEAD)
        .count();
    let head = &all[..head_end];
    let kind_line = head.iter().position(|l| kind_heading(l.clean()).is_some());
    let (title, title_range) = kind_line.map_or((None, None), |k| title(&all, k));
    let (date, place) = date_and_place(head);
    Header {
        kind: kind_line
            .and_then(|k| kind_heading(all[k].clean()))
            .or_else(|| table(head, "Loại văn bản").and_then(|v| kind_of_table(&v))),
        kind_line,
        title: title.or_else(|| table(head, "Trích yếu")),
        title_range,
        own_id: own_id(head),
        date: date
            .or_else(|| table(head, "Ngày ban hành").and_then(|v| Some(Date::parse_prefix(&v)?.0))),
        place,
        issuer: issuer_lines(&all, kind_line).or_else(|| table(head, "Cơ quan ban hành")),
    }
}

/// The kind named by a heading line (`KẾ HOẠCH` → `Kế hoạch`).
fn kind_heading(line: &str) -> Option<String> {
    if !is_upper(line) || line.len() > 60 {
        return None;
    }
    let lower = line.to_lowercase();
    let words: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    KIND_WORDS
        .iter()
        .any(|(w, _)| {
            let w = w.to_lowercase();
            words == w || words == format!("{w} hành động") || words == format!("{w} liên tịch")
        })
        .then(|| sentence_case(&words))
}

fn sentence_case(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The first kind word named in a `Loại văn bản` value such as `Hướng dẫn, Kế hoạch`, when
/// it names exactly one.
fn kind_of_table(value: &str) -> Option<String> {
    let found: Vec<&str> = KIND_WORDS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| value.to_lowercase().contains(&w.to_lowercase()))
        .collect();
    (found.len() == 1).then(|| found[0].to_string())
}

/// The title: the lines after the kind heading up to a blank line or a rule; a blank line
/// does not end it while a quotation is open or the last line ends with a comma.
fn title(all: &[Line], kind: usize) -> (Option<String>, Option<Range<usize>>) {
    let mut parts: Vec<&str> = Vec::new();
    let mut range: Option<Range<usize>> = None;
    for l in all.iter().skip(kind + 1) {
        if l.is_rule() || parts.len() >= MAX_TITLE_LINES {
            break;
        }
        if l.is_blank() {
            if continues(&parts) || parts.is_empty() {
                continue;
            }
            break;
        }
        if !parts.is_empty() && starts_preamble(l.clean()) {
            break;
        }
        parts.push(l.clean());
        let r = l.range();
        range = Some(range.map_or(r.clone(), |old| old.start..r.end));
    }
    if parts.is_empty() {
        return (None, None);
    }
    (Some(parts.join(" ")), range)
}

fn continues(parts: &[&str]) -> bool {
    let joined = parts.join(" ");
    joined.matches('“').count() > joined.matches('”').count() || joined.ends_with(',')
}

/// A line that opens a preamble: `Thực hiện ...`, `Căn cứ ...`.
pub fn starts_preamble(line: &str) -> bool {
    OPENING.is_match(line)
}

pub static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(Triển\s+khai\s+thực\s+hiện|Thực\s+hiện)|(Căn\s+cứ|Xét|Theo\s+đề\s+nghị))\b")
        .unwrap()
});

static OWN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*#|_]*(?:Số|Ký hiệu|Số hiệu|Số ký hiệu)[\s*_]*[:.]?[\s*_]*").unwrap()
});

/// The document's own number, from a `Số:` line or a `Ký hiệu` / `Số hiệu` table row.
fn own_id(head: &[Line]) -> Option<CiteId> {
    head.iter()
        .filter(|l| l.text.contains("Số") || l.text.contains("hiệu"))
        .find_map(|l| {
            let rest = &l.text[OWN_LABEL.find(l.text)?.end()..];
            scan(rest)
                .into_iter()
                .find(|f| f.span.start == 0)
                .map(|f| f.id)
        })
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s*#_]*(?:(\p{Lu}[\p{L} .]{1,40}?)\s*,\s*)?(ngày\s+[0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s*,?\s+năm\s+[0-9]{4})",
    )
    .unwrap()
});

/// `Quảng Nam, ngày 21 tháng 4 năm 2022` at the start of a line of the head.
fn date_and_place(head: &[Line]) -> (Option<Date>, Option<String>) {
    let Some(c) = head
        .iter()
        .filter(|l| l.text.contains("tháng"))
        .find_map(|l| DATE_LINE.captures(l.text))
    else {
        return (None, None);
    };
    let date = Date::parse_prefix(&c[2]).map(|(d, _)| d);
    let place = c.get(1).map(|p| p.as_str().trim().to_string());
    (date, place)
}

/// The value of a portal metadata row (`Ngày ban hành 04-02-2020`).
fn table(head: &[Line], label: &str) -> Option<String> {
    head.iter().find_map(|l| {
        let t = l.clean();
        let rest = t.strip_prefix(label)?;
        let value = clean(rest.trim_start_matches([':', ' ', '|']));
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// Lines that are part of every document and name no issuer.
const MOTTO: &[&str] = &[
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
];

/// The issuing body from the uppercase lines of the head, above the kind heading.
fn issuer_lines(all: &[Line], kind_line: Option<usize>) -> Option<String> {
    let parts: Vec<&str> = all[..kind_line?]
        .iter()
        .map(Line::clean)
        .filter(|t| is_upper(t) && !t.starts_with("SỐ") && !t.contains("NGÀY"))
        .filter(|t| !MOTTO.contains(&t.to_uppercase().as_str()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}
