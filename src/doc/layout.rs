//! The document's layout for relation finding: where the title and the preamble are, and
//! the issuer a preamble names (`..., Ban Thường trực ... ban hành Kế hoạch`).

use std::sync::LazyLock;

use regex::Regex;

use super::header::{Header, OPENING};
use super::line::{lines, lines_from, Line};
use crate::cite::{Layout, Opening};

/// How many non-blank lines may stand between the title (or the top) and the preamble.
const MAX_LINES_BEFORE_PREAMBLE: usize = 4;

/// Where a title says the document carries something out: `Thực hiện …`, `Triển khai thực
/// hiện …` at its start, after the issuing body (`CỦA BỘ CHÍNH TRỊ thực hiện …`) or after a
/// letter's `về việc` / `V/v`.
static TITLE_IMPLEMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:(?:của|cua)\s[^\n]{0,80}?\s|(?:về\s+việc|v/v)\s+)?(?:triển\s+khai\s+)?)(?i:thực\s+hiện)\s",
    )
    .unwrap()
});

static BODY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[IVX]+\s*[./]|Phần\s|Chương\s|Điều\s+1\b|[0-9]+\.\s)").unwrap()
});

/// Builds the layout from the header already read.
pub fn layout(text: &str, header: &Header) -> Layout {
    Layout {
        title: header.title_range.clone(),
        title_implements_from: implements_from(text, header),
        preamble: preamble(text, header),
    }
}

/// The offset in the title from which what it names is implemented, if it says so.
fn implements_from(text: &str, header: &Header) -> Option<usize> {
    let range = header.title_range.clone()?;
    let title = &text[range.clone()];
    let clean =
        title.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '#' | '_'));
    // line breaks read as spaces; both are one byte, so offsets stay
    let end = TITLE_IMPLEMENTS.find(&clean.replace('\n', " "))?.end();
    Some(range.end - clean.len() + end)
}

/// The opening paragraphs (`Thực hiện ...`, `Căn cứ ...`) right after the title.
fn preamble(text: &str, header: &Header) -> Vec<(std::ops::Range<usize>, Opening)> {
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
    let mut out = Vec::new();
    let mut skipped = 0;
    for l in lines_from(text, after) {
        if l.is_blank() || l.is_rule() {
            continue;
        }
        match opening(&l) {
            Some(o) => out.push((l.range(), o)),
            None if !out.is_empty() => break,
            None if BODY_HEADING.is_match(l.clean()) => break,
            None => {
                skipped += 1;
                if skipped > MAX_LINES_BEFORE_PREAMBLE {
                    break;
                }
            }
        }
    }
    out
}

fn opening(l: &Line) -> Option<Opening> {
    let c = OPENING.captures(l.clean())?;
    Some(if c.get(1).is_some() {
        Opening::Implements
    } else {
        Opening::Basis
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
