//! Files that bundle several documents, as a Công báo issue does: where each document's
//! header block begins (issuing body, `Số: …`, the national motto), so each is read on its own.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::line::{lines, Line};
use crate::cite::CiteId;
use crate::text::is_furniture;

/// How many lines around the motto the `Số:` line of the same header may stand.
const HEADER_REACH: usize = 6;
/// A stretch before the first header shorter than this (page furniture, a cover page) is
/// not a document of its own: it goes with the first.
const MIN_PART: usize = 600;

static MOTTO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI").unwrap());
static NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Số\s*:?\s*([0-9][^\s]*(?:\s?[-/]\s?[^\s]+)*)").unwrap());

/// Where the documents of `text` begin, when it holds more than one: the first is 0. Empty
/// when it holds one (or none is recognised). A header counts when the motto has a `Số:`
/// line with a real identifier near it, so forms in an appendix (`Số: …/…`) do not split.
pub fn starts(text: &str) -> Vec<usize> {
    static QUICK: LazyLock<[Finder<'static>; 2]> =
        LazyLock::new(|| ["CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI"].map(Finder::new));
    let bytes = text.as_bytes();
    let mottos = QUICK
        .iter()
        .map(|f| f.find_iter(bytes).count())
        .sum::<usize>();
    if mottos < 2
        && !QUICK
            .iter()
            .any(|f| f.find(bytes).is_some_and(|at| at > MIN_PART))
    {
        return Vec::new();
    }
    let all: Vec<Line> = lines(text).collect();
    // a header block with no kind heading after it is the first page's header, which the
    // PDF's text put after that page's body: it starts no document
    let mut out: Vec<usize> = (0..all.len())
        .filter(|&i| MOTTO.is_match(all[i].clean()))
        .filter(|&i| heading_follows(&all, i))
        .filter_map(|i| header_start(&all, i))
        .collect();
    out.dedup();
    if let Some(&first) = out.first() {
        if substance(&all, first) < MIN_PART {
            out[0] = 0;
        } else {
            out.insert(0, 0);
        }
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out
}

/// The start of the header block whose motto is line `motto`, if a numbered `Số:` line
/// belongs to it: back over the issuing body's lines in capitals, rules and blanks.
fn header_start(all: &[Line], motto: usize) -> Option<usize> {
    let lo = motto.saturating_sub(HEADER_REACH);
    let hi = (motto + HEADER_REACH).min(all.len() - 1);
    let number = (lo..=hi).find(|&j| {
        NUMBER_LINE
            .captures(all[j].clean())
            .is_some_and(|c| CiteId::parse(&c[1]).is_ok())
            && same_block(&all[j.min(motto) + 1..j.max(motto)])
    })?;
    let mut first = number.min(motto);
    while first > 0 && first > lo {
        let l = &all[first - 1];
        let t = l.clean();
        let heading = !t.is_empty() && !t.chars().any(char::is_lowercase) && !is_furniture(t);
        if l.is_blank() || l.is_rule() || heading {
            first -= 1;
        } else {
            break;
        }
    }
    // blank lines and rules at the top belong to what comes before
    while first < motto && (all[first].is_blank() || all[first].is_rule()) {
        first += 1;
    }
    Some(all[first].start)
}

/// How many lines after a header's motto its document's kind heading may stand (the motto's
/// second line, a place and date, rules and page furniture come between).
const HEADING_REACH: usize = 12;

/// True when a kind heading (`NGHỊ ĐỊNH`, `THÔNG TƯ`, `QUYẾT` / `ĐỊNH`) follows the motto at
/// line `motto` within a few lines.
fn heading_follows(all: &[Line], motto: usize) -> bool {
    let after: Vec<&str> = all[motto + 1..]
        .iter()
        .map(Line::clean)
        .filter(|t| !t.is_empty())
        .take(HEADING_REACH)
        .collect();
    after.iter().enumerate().any(|(k, t)| {
        // a letter has its subject line instead (`V/v …`)
        let letter = ["V/v", "V/V", "Về việc", "VỀ VIỆC"]
            .iter()
            .any(|p| t.starts_with(p));
        letter
            || super::header::kind_heading(t).is_some()
            || after
                .get(k + 1)
                .is_some_and(|n| super::header::kind_heading(&format!("{t} {n}")).is_some())
    })
}

/// True when the lines between a `Số:` line and the motto are all of one header block:
/// blank, rules, lines in capitals, the motto's second line, a place and date.
fn same_block(between: &[Line]) -> bool {
    between.iter().all(|l| {
        let t = l.clean();
        l.is_blank()
            || l.is_rule()
            || !t.chars().any(char::is_lowercase)
            || t.starts_with("Độc lập")
            || t.contains(", ngày")
    })
}

/// Bytes of text before line start `end` that are not blank or page furniture.
fn substance(all: &[Line], end: usize) -> usize {
    all.iter()
        .take_while(|l| l.start < end)
        .map(Line::clean)
        .filter(|t| !is_furniture(t))
        .map(str::len)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "kết thúc văn bản trước, còn lại của trang.\n\nCÔNG BÁO/Số 327/Ngày 14-06-2026\n108\n\nCHÍNH PHỦ\n_________\n\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 01 tháng 6 năm 2026\n\nNGHỊ QUYẾT\nVề chính sách\nĐiều 1. Thông qua.\n\nBỘ TÀI CHÍNH\nSố: 14/2026/TT-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn\nMẫu số 01\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: ......\nĐƠN ĐỀ NGHỊ\n";

    #[test]
    fn each_numbered_header_starts_a_document() {
        let s = starts(TWO);
        let heads: Vec<&str> = s
            .iter()
            .map(|&at| TWO[at..].lines().next().unwrap())
            .collect();
        // the short tail before the first header goes with it; the form does not split
        assert_eq!(
            heads,
            ["kết thúc văn bản trước, còn lại của trang.", "BỘ TÀI CHÍNH"]
        );
    }

    #[test]
    fn a_long_tail_of_the_previous_document_is_a_part_of_its_own() {
        let text = format!(
            "{}\n{TWO}",
            "Điều 9. Trách nhiệm thi hành của các bộ, ngành. ".repeat(20)
        );
        let s = starts(&text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], 0);
        assert!(text[s[1]..].starts_with("CHÍNH PHỦ"));
    }

    /// The first page's header printed after its body (`NGHỊ ĐỊNH` / body / `CHÍNH PHỦ` /
    /// `Số: 135/2026/NĐ-CP` / motto / body goes on): one document, not two.
    #[test]
    fn a_header_after_the_first_pages_body_starts_nothing() {
        let body = "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 1. Phạm vi điều chỉnh\n"
            .repeat(12);
        let text = format!(
            "CÔNG BÁO/Số 245/Ngày 23-04-2026\n2\n\nNGHỊ ĐỊNH\nQuy định cơ chế\n\n{body}\nCHÍNH PHỦ\n\nSố: 135/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 23 tháng 4 năm 2026\n\n3. Cơ chế ưu tiên nhằm thu hút nguồn nhân lực.\n{body}"
        );
        assert!(starts(&text).is_empty(), "{:?}", starts(&text));
        let with_next = format!("{text}\n{}", &TWO[TWO.find("BỘ TÀI CHÍNH").unwrap()..]);
        let s = starts(&with_next);
        assert_eq!(s.len(), 2);
        assert!(with_next[s[1]..].starts_with("BỘ TÀI CHÍNH"));
    }

    /// Letters have a subject line (`V/v …`) where other documents have a kind heading.
    #[test]
    fn letters_bundled_are_split() {
        let letter = |n: u32| {
            format!(
                "SỞ CÔNG THƯƠNG\nSố: {n}/SCT-CN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nV/v kiểm tra kho\n\nKính gửi: các đơn vị.\n{}",
                "Nội dung công văn. ".repeat(40)
            )
        };
        let text = format!("{}\n{}", letter(1), letter(2));
        assert_eq!(starts(&text).len(), 2);
    }

    #[test]
    fn one_document_is_not_split() {
        assert!(
            starts("CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ QUYẾT")
                .is_empty()
        );
    }
}
