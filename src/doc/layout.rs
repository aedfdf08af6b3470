//! The document's layout for relation finding: where the title and the preamble are, and
//! the issuer a preamble names (`..., Ban Thường trực ... ban hành Kế hoạch`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::header::{names_a_document, Header};
use super::line::{lines, lines_from};
use crate::cite::{Layout, Opening};
use crate::text::is_furniture;

static BODY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[IVX]+\s*[-./)]|(?i:phần|chương)\s+(?:[IVXL]+|[0-9]+|thứ)\b|Điều\s+1\b|[0-9]+\.\s)",
    )
    .unwrap()
});

/// Builds the layout from the header already read.
pub fn layout(text: &str, header: &Header) -> Layout {
    Layout {
        title: header.title_range.clone(),
        preamble: preamble(text, header),
    }
}

/// How many lines that open no clause may stand between the title and the preamble
/// (a general first sentence, an issuing body's name); `Kính gửi` lines and list items of
/// a letter's addressees are not counted.
const MAX_LINES_BEFORE_PREAMBLE: usize = 6;
/// ... or as many bytes of them: a consolidated text (văn bản hợp nhất) states what it
/// consolidates and what amended it, in a paragraph of many short PDF lines, before the
/// preamble it reproduces.
const MAX_BYTES_BEFORE_PREAMBLE: usize = 2_500;
/// How far a preamble may run without an end, in bytes: past it, what was read is kept.
const MAX_PREAMBLE: usize = 16_000;

/// The words that open a clause of the preamble.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[-–+•]\s*)?(?:(?P<impl>(?:(?:để|nhằm)\s+)?(?:tiếp\s+tục\s+)?(?:triển\s+khai\s*,?\s*)?(?:thực\s+hiện|triển\s+khai)(?:\s|$))|(?P<basis>căn\s+cứ(?:\s|$))|(?P<proposal>(?:theo|xét)\s+(?:đề\s+nghị|đề\s+xuất|tờ\s+trình|báo\s+cáo|văn\s+bản)|xét\s)|(?P<other>(?:để|nhằm|trên\s+cơ\s+sở|sau\s+khi|nay|với)\s))",
    )
    .unwrap()
});

/// Lines that end the preamble: the operative part begins.
static PREAMBLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|KẾT\s+LUẬN|BAN\s+HÀNH|Quyết\s+định|Quyết\s+nghị)\s*:|(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ)\s*$|Điều\s+1\b)",
    )
    .unwrap()
});

/// `như sau:` — the clause before it is the last of the preamble.
static AS_FOLLOWS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:cụ\s+thể\s+)?như\s+sau\s*[:.]").unwrap());

/// The preamble's clauses: from the first line that opens one (after the title) to the
/// operative part (`QUYẾT ĐỊNH:`, `Điều 1.`, a section heading, `... như sau:`).
fn preamble(text: &str, header: &Header) -> Vec<(Range<usize>, Opening)> {
    let after = header
        .title_range
        .as_ref()
        .map(|r| r.end)
        .or_else(|| {
            header
                .kind_line
                .and_then(|k| lines(text).nth(k))
                .map(|l| l.range().end)
        })
        .unwrap_or(0);
    let mut out: Vec<(Range<usize>, Opening)> = Vec::new();
    let mut skipped = 0;
    let mut skipped_bytes = 0;
    let mut terminated = false;
    for l in lines_from(text, after) {
        if l.is_blank() || l.is_rule() || is_furniture(l.clean()) {
            continue;
        }
        let clean = l.clean();
        if PREAMBLE_END.is_match(clean) || (BODY_HEADING.is_match(clean) && !out.is_empty()) {
            break;
        }
        let clean_at = l.start + (clean.as_ptr() as usize - l.text.as_ptr() as usize);
        let opens = opening_at(clean);
        if out.is_empty() {
            if BODY_HEADING.is_match(clean) {
                break;
            }
            if opens.is_none() {
                if AS_FOLLOWS.is_match(clean) {
                    // a letter's `... có ý kiến như sau:`: what follows is its body
                    break;
                }
                if !addressee(clean) {
                    skipped += 1;
                    skipped_bytes += clean.len();
                }
                if skipped > MAX_LINES_BEFORE_PREAMBLE && skipped_bytes > MAX_BYTES_BEFORE_PREAMBLE
                {
                    break;
                }
                continue;
            }
        }
        if terminated && opens.is_none() && !names_a_document(clean) {
            // `Căn cứ ...;` then `Chính phủ ban hành Nghị định ...`: the enacting words
            break;
        }
        terminated = clean.ends_with([';', '.']);
        let end_here = AS_FOLLOWS.find(clean).map(|m| clean_at + m.end());
        let line_end = end_here.unwrap_or(l.range().end);
        add_clauses(text, clean_at..line_end, opens, &mut out);
        if end_here.is_some()
            || out
                .last()
                .is_some_and(|(r, _)| r.end - out[0].0.start > MAX_PREAMBLE)
        {
            break;
        }
    }
    out
}

/// A letter's addressee lines (`Kính gửi: ...`, `- Sở Tài chính;`) and the issuing body's
/// name in capitals: they stand before a preamble without being part of it.
fn addressee(clean: &str) -> bool {
    clean.starts_with("Kính gửi")
        || clean.starts_with(['-', '+', '–'])
        || !clean.chars().any(char::is_lowercase)
}

/// Splits `range` (one line, or its part before `như sau:`) into clauses: a new one at the
/// line's start (`opens`, already read) or after a `;` where opening words stand; the rest
/// continues the last.
fn add_clauses(
    text: &str,
    range: Range<usize>,
    opens: Option<Opening>,
    out: &mut Vec<(Range<usize>, Opening)>,
) {
    let mut starts: Vec<(usize, Opening)> = Vec::new();
    let line = &text[range.clone()];
    if let Some(o) = opens {
        starts.push((range.start, o));
    }
    for (i, _) in line.match_indices(';') {
        let rest = &line[i + 1..];
        let lead = rest.len() - rest.trim_start().len();
        if let Some(o) = opening_at(&rest[lead..]) {
            starts.push((range.start + i + 1 + lead, o));
        }
    }
    if let Some((last, _)) = out.last_mut() {
        last.end = starts.first().map_or(range.end, |(s, _)| *s);
    }
    for (k, &(s, o)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(range.end, |(n, _)| *n);
        out.push((s..end, o));
    }
}

/// The clause `s` opens, if its first words open one.
fn opening_at(s: &str) -> Option<Opening> {
    let c = CLAUSE.captures(s)?;
    Some(if c.name("impl").is_some() {
        Opening::Implements
    } else if c.name("basis").is_some() {
        Opening::Basis
    } else if c.name("proposal").is_some() {
        Opening::Proposal
    } else {
        Opening::Other
    })
}

static STATED_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r",\s*((?:Ban|Ủy ban|Uỷ ban|Thường trực|Thường vụ|Đảng|Hội đồng|Tỉnh|Thành|Huyện|Chi bộ|Sở|Văn phòng)[^,;.]{3,160}?)\s+(?:ban\s+hành|xây\s+dựng|dựng)\s+(?i:kế\s+hoạch|chương\s+trình|hướng\s+dẫn|nghị\s+quyết|quy\s+định|quyết\s+định)",
    )
    .unwrap()
});

/// The body a preamble says issues the document.
pub fn stated_issuer(text: &str, layout: &Layout) -> Option<String> {
    layout
        .preamble
        .iter()
        .find_map(|(r, _)| STATED_ISSUER.captures(&text[r.clone()]))
        .map(|c| c[1].trim().to_string())
}
