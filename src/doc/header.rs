//! Header fields: kind, title (trích yếu), own identifier, date and place of issue, issuer;
//! read from the document's head or from a portal's metadata table. Missing means absent.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::line::{clean, is_upper, lines, Line};
use crate::cite::{word_for_code, CiteId, Shape, KIND_WORDS};
use crate::date::Date;
use crate::text::fold;

/// How much of the start of a document is searched for header fields, in bytes.
const HEAD: usize = 6000;
/// How many of its first lines, at most.
const HEAD_LINES: usize = 120;
/// Longest kind heading, in bytes (`KẾ HOẠCH HÀNH ĐỘNG`, joined over two lines at most).
const MAX_HEADING_BYTES: usize = 60;
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
    /// The issuer as a person names it (see [`super::issuer`]).
    pub issuer: Option<String>,
    /// The header's issuing-body lines as printed, run together.
    pub issuer_header: Option<String>,
}

/// Reads the header of a composed text; `on_behalf` is the body its signature acts for
/// (`T/M BỘ CHÍNH TRỊ`), when it has one.
pub fn read(text: &str, on_behalf: Option<&str>) -> Header {
    // the head, and room for a title or a label's next line after it; not the whole text
    let all: Vec<Line> = lines(text).take(HEAD_LINES + 4 * MAX_TITLE_LINES).collect();
    let head_end = all
        .iter()
        .take(HEAD_LINES)
        .take_while(|l| l.start < HEAD)
        .count();
    let head = &all[..head_end];
    let mut cells: Vec<Line> = Vec::with_capacity(head.len());
    for l in head {
        l.push_cells(&mut cells);
    }
    let (kind_line, kind) = kind_line(head);
    let (title, title_range, of_phrase) = match kind_line {
        Some(k) => title(&all, k),
        None => {
            let (t, r) = about_title(&all, head_end);
            (t, r, None)
        }
    };
    let title_start = title_range.as_ref().map(|r| r.start);
    let (date, place) = date_and_place(&cells, &all);
    let before_kind = &head[..kind_line.unwrap_or(head.len())];
    let head_id = own_id(&cells, &all).or_else(|| running_title_id(before_kind));
    // a heading broken over two lines (`NGHỊ` / `QUYẾT`) starts at its first
    let heading_start = kind_line.map(|k| heading_first_line(head, k));
    let header_lines = issuer_lines(&all, &cells, heading_start, title_start);
    Header {
        kind: kind
            .or_else(|| table(head, "Loại văn bản").and_then(|v| kind_of_table(&v)))
            // a letter's subject line (V/v …) without a heading: a Công văn, whatever the
            // codes of its number (`5348/CT-CS`: CT is Cục Thuế there, not Chỉ thị)
            .or_else(|| (kind_line.is_none() && title_range.is_some()).then(|| "Công văn".into()))
            // for a consolidated text, the kind of the act it reproduces
            .or_else(|| {
                let id = head_id.as_ref()?;
                word_for_code(&id.kind, id.shape == Shape::Party).map(String::from)
            }),
        kind_line,
        title: title
            .or_else(|| table(head, "Trích yếu"))
            .or_else(|| portal_title(&all)),
        title_range,
        // a consolidated text's head names the act it consolidates; its own number is in
        // the authentication block at its end
        own_id: consolidation_number(text).or(head_id),
        date: date
            .or_else(|| table(head, "Ngày ban hành").and_then(|v| Some(Date::parse_prefix(&v)?.0))),
        place,
        issuer: super::issuer::name(&header_lines, of_phrase.as_deref(), on_behalf)
            .or_else(|| table(head, "Cơ quan ban hành")),
        issuer_header: (!header_lines.is_empty())
            .then(|| header_lines.join(" "))
            .or_else(|| table(head, "Cơ quan ban hành")),
    }
}

/// The kind heading: its last line's index and the kind. A heading broken over two lines
/// (`QUYẾT` / `ĐỊNH`) is read joined.
fn kind_line(head: &[Line]) -> (Option<usize>, Option<String>) {
    for (i, l) in head.iter().enumerate() {
        let line = l.clean();
        if !could_be_heading(line) {
            continue;
        }
        if let Some(k) = kind_heading(line) {
            return (Some(i), Some(k));
        }
        let Some(next) = head.get(i + 1).map(Line::clean) else {
            continue;
        };
        // joined with a blank line, a line reads as itself, which is tried on its own
        if !line.is_empty() && !next.is_empty() && could_be_heading(next) {
            if let Some(k) = kind_heading(&format!("{line} {next}")) {
                return (Some(i + 1), Some(k));
            }
        }
    }
    (None, None)
}

/// The first line of the kind heading that ends at line `k`: the line before it when the two
/// are only a heading together.
fn heading_first_line(head: &[Line], k: usize) -> usize {
    let alone = kind_heading(head[k].clean()).is_some();
    if alone || k == 0 {
        k
    } else {
        k - 1
    }
}

/// A cheap test a heading line passes: short, with no lowercase letter.
fn could_be_heading(line: &str) -> bool {
    line.len() <= MAX_HEADING_BYTES && !line.chars().any(char::is_lowercase)
}

/// A letter's subject line (`V/v …`, `về việc …`) as its title, when there is no kind
/// heading: the lines from it to the next blank line.
fn about_title(all: &[Line], head_end: usize) -> (Option<String>, Option<Range<usize>>) {
    // a `về việc thực hiện …` inside the preamble's clauses is not a subject line
    let before_preamble = all[..head_end]
        .iter()
        .position(|l| starts_preamble(l.clean()))
        .unwrap_or(head_end);
    let Some(first) = all[..before_preamble].iter().position(|l| {
        let t = l.clean();
        ["V/v", "V/V", "v/v", "về việc", "Về việc", "VỀ VIỆC"]
            .iter()
            .any(|p| t.starts_with(p))
    }) else {
        return (None, None);
    };
    let italic = all[first].text.trim_start().starts_with('*');
    let mut lines: Vec<&Line> = Vec::new();
    for l in all[first..].iter().take(MAX_TITLE_LINES) {
        let ends_title = l.is_blank() || l.is_rule() || starts_preamble(l.clean());
        if ends_title || (!lines.is_empty() && after_subject(l.clean())) {
            break;
        }
        lines.push(l);
        if italic && l.text.trim_end().ends_with('*') {
            break;
        }
    }
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return (None, None);
    };
    let text = lines
        .iter()
        .map(|l| l.clean())
        .collect::<Vec<_>>()
        .join(" ");
    (Some(text), Some(first.start..last.range().end))
}

/// A line that follows a letter's subject line without a blank between: the place and
/// date (`*Hà Nội, ngày 26 tháng 11`), the addressees (`Kính gửi: ...`).
fn after_subject(line: &str) -> bool {
    static PLACE_DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^\d,]{2,40},\s*ngày\s+\d").unwrap());
    line.starts_with("Kính gửi") || PLACE_DATE.is_match(line)
}

/// The kind named by a heading line (`KẾ HOẠCH` → `Kế hoạch`; compared folded, so OCR's
/// `KÉT LUẬN` reads as `Kết luận`).
pub(super) fn kind_heading(line: &str) -> Option<String> {
    static FOLDED: LazyLock<Vec<(&str, String)>> =
        LazyLock::new(|| KIND_WORDS.iter().map(|(w, _)| (*w, fold(w))).collect());
    if !is_upper(line) || line.len() > MAX_HEADING_BYTES {
        return None;
    }
    let words = fold(line).split_whitespace().collect::<Vec<_>>().join(" ");
    FOLDED.iter().find_map(|(w, key)| {
        let suffix = words.strip_prefix(key.as_str())?;
        let suffix = match suffix {
            "" => "",
            " hanh dong" => " hành động",
            " lien tich" => " liên tịch",
            _ => return None,
        };
        Some(format!("{w}{suffix}"))
    })
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
/// does not end it while a quotation is open or the last line ends with a comma. Lines that
/// say who issued it come first and are not the title: the `CỦA …` phrase (returned apart),
/// or a conference's name (`HỘI NGHỊ LẦN THỨ BA` / `BAN CHẤP HÀNH …`) before a `về …` line.
/// A title printed in capitals is given in sentence case.
fn title(all: &[Line], kind: usize) -> (Option<String>, Option<Range<usize>>, Option<String>) {
    let mut by: Vec<(&str, Range<usize>)> = Vec::new();
    let mut parts: Vec<(&str, Range<usize>)> = Vec::new();
    let lines = &all[(kind + 1).min(all.len())..];
    for (i, l) in lines.iter().enumerate() {
        if l.is_rule() || by.len() + parts.len() >= MAX_TITLE_LINES {
            break;
        }
        let texts: Vec<&str> = parts.iter().map(|p| p.0).collect();
        if l.is_blank() {
            // a title goes on over a blank line with a lowercase word (`và đại biểu …`)
            let next_lower = lines[i..]
                .iter()
                .find(|n| !n.is_blank())
                .is_some_and(|n| n.clean().starts_with(char::is_lowercase));
            if continues(&texts) || texts.is_empty() || next_lower {
                continue;
            }
            break;
        }
        let t = l.clean();
        if texts.is_empty() && names_issuer(t, by.last().map(|b| b.0)) {
            // `CỦA BỘ CHÍNH TRỊ về định hướng …` on one line: the subject starts at `về`
            match subject_after_issuer(t) {
                Some(at) => {
                    by.push((t[..at].trim_end(), l.range()));
                    let start = l.start + (t.as_ptr() as usize - l.text.as_ptr() as usize) + at;
                    parts.push((&t[at..], start..l.range().end));
                }
                None => by.push((t, l.range())),
            }
            continue;
        }
        if !texts.is_empty() && (starts_preamble(t) || leaves_title(&texts, t)) {
            break;
        }
        parts.push((t, l.range()));
    }
    let of = by.first().and_then(|(l, _)| strip_of(l)).map(|first| {
        let rest = by[1..].iter().map(|(l, _)| *l);
        std::iter::once(first)
            .chain(rest)
            .collect::<Vec<_>>()
            .join(" ")
    });
    // a conference's name with no subject after it is the title itself
    if parts.is_empty() && of.is_none() {
        parts = by;
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return (None, None, of);
    };
    let range = first.1.start..last.1.end;
    let text = unmarked(&parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" "));
    let text = if text.chars().any(char::is_lowercase) {
        text
    } else {
        super::issuer::sentence_case(&text)
    };
    (Some(text), Some(range), of)
}

/// A title without the emphasis and escapes a web page's conversion to Markdown left inside
/// it (`công nghệ**, **đổi mới`, `57\-NQ/TW`).
fn unmarked(title: &str) -> String {
    let plain = title.replace("**", "").replace("\\", "");
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::with_capacity(plain.len());
    for w in words {
        if !out.is_empty() && !w.starts_with([',', ';', '.', ':']) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Where the subject starts on a `CỦA …` line that goes on with it (`về …`).
fn subject_after_issuer(line: &str) -> Option<usize> {
    strip_of(line)?;
    [" về ", " VỀ "]
        .iter()
        .filter_map(|w| line.find(w))
        .min()
        .map(|at| at + 1)
}

/// A line under the kind heading that says who issued the document: `CỦA BỘ CHÍNH TRỊ`, a
/// conference (`HỘI NGHỊ LẦN THỨ BA`), or a line going on from one (`BAN BÍ THƯ` after `CỦA
/// BỘ CHÍNH TRỊ,`; `BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIV` after the conference).
fn names_issuer(line: &str, before: Option<&str>) -> bool {
    let f = fold(line);
    if strip_of(line).is_some() || (is_upper(line) && f.starts_with("hoi nghi")) {
        return true;
    }
    let Some(before) = before else {
        return false;
    };
    // a body's name going on, not a title that opens with `BAN HÀNH` or `BỔ SUNG`
    let bodies = [
        "ban bi thu",
        "ban chap hanh",
        "bo chinh tri",
        "khoa ",
        "lan thu ",
    ];
    let goes_on = before.trim_end().ends_with(',') || bodies.iter().any(|w| f.starts_with(w));
    is_upper(line) && goes_on && !["ve ", "tai ", "v/v"].iter().any(|w| f.starts_with(w))
}

/// The body of a `CỦA …` line (`BỘ CHÍNH TRỊ` of `CỦA BỘ CHÍNH TRỊ`; OCR's `CUA` too).
fn strip_of(line: &str) -> Option<&str> {
    let word = line.split_whitespace().next()?;
    let of =
        fold(word) == "cua" && word.starts_with(['C', 'c']) && word.chars().nth(1)?.is_uppercase();
    let rest = line.trim_start()[word.len()..].trim();
    (of && !rest.is_empty() && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// The title a portal page puts on the file's first line, above the document's own header
/// (`Nghị định 47/2021/NĐ-CP` over `CHÍNH PHỦ -------`): a short line in mixed case whose
/// next line is the issuing body in capitals. Shown as the title when the header has none;
/// it names the document rather than saying what it does, so relations do not read it.
fn portal_title(all: &[Line]) -> Option<String> {
    let mut lines = all.iter().filter(|l| !l.is_blank());
    let (first, next) = (lines.next()?.clean(), lines.next()?.clean());
    let mixed = first.chars().any(char::is_lowercase);
    let body = next.split("---").next().unwrap_or(next).trim();
    let issuer_next = !body.is_empty() && is_upper(body);
    (mixed
        && issuer_next
        && first.len() <= 250
        && !first.starts_with("Số")
        && !first.contains("ngày"))
    .then(|| first.to_string())
}

/// A line after which the title cannot go on: a section heading (`I- TÌNH HÌNH`, `Điều 1.`),
/// or a line in lower case after a title set in capitals (the body's first paragraph).
fn leaves_title(parts: &[&str], line: &str) -> bool {
    static SECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[IVX]+\s*[-./)]|(?:Điều|Chương|Phần|ĐIỀU|CHƯƠNG|PHẦN)\s+[0-9IVXL])")
            .unwrap()
    });
    // `Ban hành Kế hoạch thực hiện` / `Chỉ thị số 52-CT/TW …` goes on; a consolidated text's
    // `Thông tư số 57/2015/TT-BLĐTBXH … được sửa đổi, bổ sung bởi:` after its title does not
    static LEADS_ON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:thực hiện|triển khai|thi hành|của|về|và|theo|tại|sửa đổi|bổ sung|hướng dẫn|chi tiết|thay thế|bãi bỏ|kèm theo|,)\s*$").unwrap()
    });
    // the body issuing a decision, in capitals before its preamble (`CHỦ TỊCH ỦY BAN NHÂN
    // DÂN TỈNH LAI CHÂU`, `ỦY BAN NHÂN DÂN TỈNH LÀO CAI`)
    static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:CHỦ TỊCH|[ỦU][YỶ] BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|CHÍNH PHỦ|BAN THƯỜNG)")
            .unwrap()
    });
    let capitals = parts.iter().all(|p| !p.chars().any(char::is_lowercase));
    let last = parts.last().copied().unwrap_or_default();
    (is_upper(line) && ISSUING.is_match(line) && !LEADS_ON.is_match(last))
        || SECTION.is_match(line)
        || (names_a_document(line) && !LEADS_ON.is_match(last))
        || (capitals && line.chars().filter(|c| c.is_lowercase()).count() > 8)
}

/// A line that opens with a kind word and a number (`Thông tư số 15/2026/TT-BCT ...`): in a
/// preamble, one more authority of the clause before; after a title, the statement of a
/// consolidated text, not the title.
pub fn names_a_document(clean: &str) -> bool {
    static NAMES: LazyLock<Regex> = LazyLock::new(|| {
        let words: Vec<String> = KIND_WORDS.iter().map(|(w, _)| regex::escape(w)).collect();
        Regex::new(&format!(r"^(?i:{})\s+(?:số\s+)?[0-9]", words.join("|"))).unwrap()
    });
    NAMES.is_match(clean)
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

/// A label before the document's own number: at the start of a cell (`Số 104 -CTr/TU`,
/// `Ký hiệu 37/KH-MTTQ-BTT`) or, with a colon, anywhere (`… Hạnh phúc ----- Luật số:`,
/// `Nghị quyết số: 17/2022/UBTVQH15`).
static OWN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^[\s*#|_]*(?:Số ký hiệu|Số hiệu|Ký hiệu|Số)[\s*_]*[:.]?|(?:Số ký hiệu|Số hiệu|Ký hiệu|[Ss]ố)[\s*_]*:)[\s*_]*",
    )
    .unwrap()
});

/// An identifier as headers write it, spaces around the separators allowed
/// (`2170 /QĐ - UBND`, `104 -CTr/TU`), up to the first word that is not part of it.
static OWN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{1,5}(?:\.[0-9]{1,3})?(?:\x20?\\?[-–/]\x20?[\pL0-9]+)+").unwrap()
});

/// The document's own number, after a label in a cell of the head, on the same line or
/// the next one (`Luật số:` / `26/2023/QH15`).
fn own_id(cells: &[Line], all: &[Line]) -> Option<CiteId> {
    cells
        .iter()
        .filter(|l| l.text.contains("Số") || l.text.contains("số") || l.text.contains("hiệu"))
        .find_map(|l| {
            let label_end = l.start + OWN_LABEL.find(l.text)?.end();
            // the rest of the line (a column split may have cut the number off), else the
            // next line
            let line = all
                .iter()
                .find(|a| a.range().contains(&label_end) || a.range().end == label_end)?;
            let rest = &line.text[label_end - line.start..];
            let rest = if rest.trim().is_empty() {
                let next = all.iter().find(|n| n.start > line.start && !n.is_blank())?;
                next.clean()
            } else {
                rest
            };
            let written = OWN_NUMBER.find(rest.trim_start())?;
            // a markdown escape (`57\-NQ/TW`) is not part of the number, nor a space before
            // its slash (`1894 /TB-SCT`)
            let written: String = written
                .as_str()
                .chars()
                .filter(|c| !matches!(c, '\\' | ' '))
                .collect();
            CiteId::parse(&written).ok()
        })
}

/// A line that opens with a kind word, `số` and an identifier (`Thông tư số 102/2018/TT-BTC
/// ngày 14 tháng 11 năm 2018`): how a Công báo continuation part names its document.
static RUNNING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = KIND_WORDS
        .iter()
        .map(|(w, _)| w.replace(' ', r"\s+"))
        .collect();
    Regex::new(&format!(r"^(?:{})\s+số\s+", words.join("|"))).unwrap()
});

/// With no `Số` label, the running title among the first lines before any kind heading.
fn running_title_id(before_kind: &[Line]) -> Option<CiteId> {
    before_kind
        .iter()
        .filter(|l| !l.is_blank())
        .take(15)
        .find_map(|l| {
            let t = l.clean();
            let rest = &t[RUNNING_TITLE.find(t)?.end()..];
            CiteId::parse(OWN_NUMBER.find(rest)?.as_str()).ok()
        })
}

/// `Quảng Nam, ngày 21 tháng 4 năm 2022`: a place then the date (OCR may glue `ngày15`), or
/// a cell that opens with the date; `(?s)` lets it run onto the next line (`Hà Nội, ngày 20` / `tháng 11 năm 2025`).
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:^|[\s*#_(])(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})\s*,\s*|^[\s*#_(]*)(ngày\s*[0-9]{1,2}\s*tháng\s*[0-9]{1,2}\s*,?\s*năm\s*[0-9]{4})",
    )
    .unwrap()
});

/// The place and date of issue from the head, also after other words in a cell
/// (`Số 31-CTr/TW Hà Nội, ngày 28 tháng 7 năm 2026`) and across a line break.
fn date_and_place(cells: &[Line], all: &[Line]) -> (Option<Date>, Option<String>) {
    for cell in cells.iter().filter(|l| l.text.contains("ngày")) {
        let next = all
            .iter()
            .find(|n| n.start > cell.start && !n.is_blank())
            .map_or("", |n| n.text);
        // emphasis from web conversion may cut the line: `*Hà Nội*, *ngày 22 tháng 12 …*`
        let unmarked = |s: &str| s.replace(['*', '_'], "");
        let cell_text = unmarked(cell.text.trim_end());
        let joined = format!("{} {}", cell_text, unmarked(next.trim_start()));
        let Some(c) = DATE_LINE.captures(&joined) else {
            continue;
        };
        if c.get(2).is_some_and(|d| d.start() >= cell_text.len()) {
            continue;
        }
        // without a place, the date is a cell of its own: a body line that opens with a
        // date (`ngày 28 tháng 02 năm 2027, trừ trường hợp …`) is a sentence, not the head
        let rest = c.get(2).map_or("", |d| {
            &joined[d.end().min(cell_text.len())..cell_text.len()]
        });
        if c.get(1).is_none()
            && !rest
                .trim_matches(|ch: char| !ch.is_alphanumeric())
                .is_empty()
        {
            continue;
        }
        let date = Date::parse_prefix(&c[2]).map(|(d, _)| d);
        let place = c.get(1).map(|p| p.as_str().trim().to_string());
        return (date, place);
    }
    (None, None)
}

/// A consolidated text (văn bản hợp nhất) prints its own number in the authentication block
/// at its end (`Số: 12/VBHN-BTC` over `XÁC THỰC VĂN BẢN HỢP NHẤT`), not in its head.
fn consolidation_number(text: &str) -> Option<CiteId> {
    static AUTH: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("XÁC THỰC VĂN BẢN HỢP NHẤT"));
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"Số\s*:?\s*([0-9]{1,5}\s?/\s?VBHN\s?-\s?[\p{Lu}Đ0-9-]+)").unwrap()
    });
    let at = AUTH.find(text.as_bytes())?;
    let from = text.floor_char_boundary(at.saturating_sub(400));
    let to = text.floor_char_boundary((at + 250).min(text.len()));
    // the number stands just above the words or just below them: the nearest one
    let c = NUMBER
        .captures_iter(&text[from..to])
        .min_by_key(|c| (from + c.get(0).map_or(0, |m| m.start())).abs_diff(at))?;
    CiteId::parse(&c[1].replace(' ', "")).ok()
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

/// The issuing body's lines: the uppercase cells of the head above the kind heading, without
/// the national motto and the Party's name.
fn issuer_lines(
    all: &[Line],
    cells: &[Line],
    kind_line: Option<usize>,
    title_start: Option<usize>,
) -> Vec<String> {
    // before the kind heading, else before a letter's subject line, else before the first
    // line of the body
    let Some(end) = kind_line
        .map(|k| all[k].start)
        .or(title_start)
        .or_else(|| body_start(all))
    else {
        return Vec::new();
    };
    let parts: Vec<String> = cells
        .iter()
        .filter(|c| c.start < end)
        .map(Line::clean)
        .filter(|t| is_upper(t) && !t.starts_with("SỐ") && !t.contains("NGÀY"))
        .filter(|t| !t.contains(|c: char| c.is_ascii_digit()))
        // a blank number's fragment (`/KH-MTTQ`) is no name; a stray `/` before one is
        .filter(|t| !(t.starts_with('/') && t.contains('-')))
        .map(|t| without_garbled_party_name(&NATIONAL.replace_all(t.trim_start_matches('/'), " ")))
        .filter(|t| !t.is_empty())
        .collect();
    // the Party's name or the motto broken over cells (`ĐẢNG` / `CỘNG SẢN VIỆT NAM`) are only
    // whole once joined; fragments of a blank number (`/KH-MTTQ`) and table bars are not names
    let parts = without_split_motto(parts);
    parts
        .iter()
        .filter_map(|part| {
            let part = NATIONAL.replace_all(part, " ");
            let words: Vec<&str> = part
                .split_whitespace()
                .filter(|w| {
                    !w.starts_with('/') && !w.chars().all(|c| matches!(c, '|' | '*' | '.' | '+'))
                })
                .collect();
            (!words.is_empty()).then(|| words.join(" "))
        })
        .collect()
}

/// A cell without the Party's name as OCR spells it (`TÍNH ỦY LÀO CAI ĐÁNG CỘNG SẢN VIỆT
/// NAM`), found folded.
fn without_garbled_party_name(cell: &str) -> String {
    const NAME: &str = "dang cong san viet nam";
    let folded = fold(cell);
    let Some(at) = folded.find(NAME) else {
        return cell.trim().to_string();
    };
    // folding keeps one character for each: cut the cell at the same characters
    let from = folded[..at].chars().count();
    let len = NAME.chars().count();
    let kept: String = cell
        .chars()
        .enumerate()
        .filter(|(i, _)| *i < from || *i >= from + len)
        .map(|(_, c)| c)
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the body of a document without a kind heading or subject line starts: its first
/// line in sentence case that is not the number, the motto's second line or the date line.
fn body_start(all: &[Line]) -> Option<usize> {
    all.iter().take(HEAD_LINES).find_map(|l| {
        let t = l.clean();
        let furniture = t.starts_with("Số") || t.starts_with("Độc lập") || t.contains("ngày");
        (t.chars().any(char::is_lowercase) && !furniture).then_some(l.start)
    })
}

/// Lines left when runs of lines that together make the national motto or the Party's name
/// are taken out.
fn without_split_motto(parts: Vec<String>) -> Vec<String> {
    const WHOLE: &[&str] = &[
        "dang cong san viet nam",
        "cong hoa xa hoi chu nghia viet nam",
        "doc lap - tu do - hanh phuc",
        "doc lap tu do hanh phuc",
    ];
    let key = |run: &[String]| {
        let joined = fold(&run.join(" "));
        joined.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let run = (i + 1..=(i + 4).min(parts.len()))
            .rev()
            .find(|&j| j > i + 1 && WHOLE.contains(&key(&parts[i..j]).as_str()));
        match run {
            Some(j) => i = j,
            None => {
                out.push(parts[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The national motto and the Party's name, whole or broken over lines (`CỘNG HÒA XÃ HỘI` /
/// `CHỦ NGHĨA VIỆT NAM`), also when a web page set them on the issuer's line: never part of
/// the issuing body's name.
static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:CỘNG\s+H(?:ÒA|OÀ|ÕA)\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐỘC\s+LẬP\s*-\s*TỰ\s+DO\s*-\s*HẠNH\s+PHÚC|[-_*=]{3,})",
    )
    .unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    /// (head, date): a date glued by OCR is read, an impossible one is not replaced by a
    /// sentence's deadline further down.
    #[test]
    fn the_date_of_issue_is_the_head_s_own() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1696 /QĐ-UBND\nLào Cai, ngày15 tháng 5 năm 2026\nQUYẾT ĐỊNH\nVề việc ủy quyền\n",
                Some("2026-05-15"),
            ),
            (
                "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1696 /QĐ-UBND\nLào Cai, ngày15 tháng 54 năm 2026\nQUYẾT ĐỊNH\nVề việc ủy quyền\nCăn cứ Luật;\nngày 28 tháng 02 năm 2027, trừ trường hợp quy định\n",
                None,
            ),
            (
                "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1696 /QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ủy quyền\nCăn cứ Luật;\nngày 28 tháng 02 năm 2027, trừ trường hợp quy định\n",
                None,
            ),
            (
                "TỈNH ỦY QUẢNG NAM\nSố 107-KH/TU\nngày 21 tháng 4 năm 2022\nKẾ HOẠCH\nthực hiện Kết luận\n",
                Some("2022-04-21"),
            ),
        ];
        for (head, want) in cases {
            let got = read(head, None).date.map(|d| d.to_string());
            assert_eq!(got.as_deref(), *want, "{head}");
        }
    }

    /// (head as printed, issuer, title): central documents name their issuer in the `CỦA …`
    /// line or a conference's name under the kind, which is not their title.
    #[test]
    fn issuer_phrase_and_title_under_the_kind() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "**BAN CHẤP HÀNH TRUNG ƯƠNG**\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\nSố 57\\-NQ/TW\n*Hà Nội*, *ngày 22 tháng 12 năm 2024*\n\n**NGHỊ QUYẾT**\n\nCỦA BỘ CHÍNH TRỊ\n**về đột phá phát triển khoa học, công nghệ**, **đổi mới sáng tạo**\n\nPhát triển khoa học là yếu tố quyết định.\n",
                "Bộ Chính trị",
                "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo",
            ),
            (
                "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 212-KL/TW\nHà Nội, ngày 18 tháng 11 năm 2025\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ,\nBAN BÍ THƯ\nVỀ ĐỊNH HƯỚNG XÂY DỰNG TIÊU CHUẨN CỦA ĐƠN VỊ HÀNH CHÍNH\n-----\nTại phiên họp ngày 14/11/2025, Bộ Chính trị kết luận như sau:\n",
                "Bộ Chính trị, Ban Bí thư",
                "Về định hướng xây dựng tiêu chuẩn của đơn vị hành chính",
            ),
            (
                "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\nSố 75-KL/TW Hà Nội, ngày 28 tháng 7 năm 2026\n\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ BA\nBAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIV\nvề bảo vệ môi trường và chủ động ứng phó với biến đổi khí hậu\ntrong thời kỳ mới\n\nI- BỐI CẢNH\n\nNơi nhận: T/M BAN CHẤP HÀNH TRUNG ƯƠNG\n",
                "Ban Chấp hành Trung ương",
                "về bảo vệ môi trường và chủ động ứng phó với biến đổi khí hậu trong thời kỳ mới",
            ),
            (
                "TỈNH ỦY LÀO CAI   ĐẢNG CỘNG SẢN VIỆT NAM\nSố 34 -NQ/TU   Lào Cai, ngày 27 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY về phát triển các khu công nghiệp\n\nTrong những năm qua, ngành công nghiệp phát triển.\n",
                "Ban Thường vụ Tỉnh ủy Lào Cai",
                "về phát triển các khu công nghiệp",
            ),
            (
                "ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG BẮC CAM RANH\nBAN THƯỜNG TRỰC\nSố: /KH-MTTQ-BTT\n\nKẾ HOẠCH\nKiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa XVI\n\nvà đại biểu Hội đồng nhân dân các cấp\n\nCăn cứ Luật Mặt trận Tổ quốc Việt Nam;\n",
                "Ban Thường trực Ủy ban MTTQ Việt Nam phường Bắc Cam Ranh",
                "Kiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp",
            ),
        ];
        for (text, issuer, title) in cases {
            let signature = super::super::signer::signature(text);
            let h = read(text, signature.on_behalf.as_deref());
            assert_eq!(h.issuer.as_deref(), Some(*issuer), "{text}");
            assert_eq!(h.title.as_deref(), Some(*title), "{text}");
            assert!(h.issuer_header.is_some(), "{text}");
        }
    }
}
