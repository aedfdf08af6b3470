//! Deadlines: the phrases that say by when something is due (`trước ngày 31/12/2025`, `trong
//! tháng 12/2025`, `quý I/2026`), how often a duty recurs (`hằng năm`, `định kỳ 6 tháng`
//! beside a report or review) and reviews counted from the document's date (`sơ kết 5 năm`);
//! outcome targets (`đến năm 2030 …`), cut-off dates of figures and effective dates are not.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{month_end, Deadline, Due, Period};
use crate::cite::window::{window_after, window_before};
use crate::date::Date;
use crate::text::fold;

/// A day by which: a trigger word, then `d/m[/yyyy]` or `d tháng m [năm yyyy]`.
static ON_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<t> trước | chậm\s+nhất(?:\s+(?:là|vào))? | hạn\s+chót(?:\s+là)? | không\s+quá | đến
             | thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|tổ\s+chức|nộp|gửi))?\s*:[^\n:]{0,40}? )
        [\s,]* (?:ngày\s*)?
        (?P<d>\d{1,2}) (?: \s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?
                         | \s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s*năm\s+(?P<y2>\d{4}))? )
        (?-u:\b)",
    )
    .unwrap()
});

/// A month, quarter or half-year (the words that say it is due are read before it:
/// [`TRIGGER`]; a pattern with them optional in front has no literal to search for).
static IN_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: tháng\s+(?P<m>\d{1,2})\s*(?:/|-|năm)\s*(?P<my>\d{4})
          | quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|-|năm)\s*(?P<qy>\d{4})
          | 6\s+tháng\s+(?P<h>đầu|cuối)\s+năm\s+(?P<hy>\d{4}) )
        (?-u:\b)",
    )
    .unwrap()
});

/// The end of the text before a month that makes it a date line's (folded): `ngày`, with
/// its day or without.
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^a-z])ngay(?:[\s*|]*\d{1,2})?$").unwrap());

/// The words before a period that make it a deadline, at the end of the text before it.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<t> trước | trong | chậm\s+nhất(?:\s+(?:là|vào|trong))? | hoàn\s+thành(?:\s+trong)? | xong(?:\s+trong)?
             | thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:(?:\s*(?:dự\s+kiến|ngày|trong))? )
        \s*$",
    )
    .unwrap()
});

/// A period from one time to another: due at its end (`từ ngày 01/12 đến ngày 15/12/2025`,
/// `Từ tháng 12/2025 đến quý I/2026`, `Quý IV/2025 và Quý I/2026`).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|tổ\s+chức))?\s*:\s*(?:dự\s+kiến\s+)?
            (?: (?:trong\s+khoảng\s+thời\s+gian\s+)?từ\s+ )?
          | (?:trong\s+khoảng\s+thời\s+gian\s+)?từ\s+ )
        (?: ngày\s+ )? (?P<a> \d{1,2}/\d{1,2}(?:/\d{4})? | tháng\s+\d{1,2}/\d{4} | quý\s+[IV1-4]+/\d{4} )
        \s* (?: - | – | đến | và ) \s*
        (?: \d{1,2}\s+giờ(?:\s+\d{1,2})?(?:\s+phút)?\s*,?\s* )?
        (?: ngày\s+ )? (?P<b> \d{1,2}/\d{1,2}(?:/\d{4})? | tháng\s+\d{1,2}/\d{4} | quý\s+[IV1-4]+/\d{4} )
        (?-u:\b)",
    )
    .unwrap()
});

/// A time that is a table cell's whole value, or a task's in brackets (`Hàng năm`,
/// `Trong năm 2026`, `(tháng 01/2022)` is a month: read by [`IN_PERIOD`]).
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:trong\s+)?năm\s+(?P<y>\d{4})|(?:hằng|hàng)\s+(?P<p>năm|quý|tháng))$")
        .unwrap()
});

/// The times alone on their lines (table cells), with their spans.
fn cells(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, Due)> + '_ {
    let mut at = 0;
    text.split('\n').filter_map(move |line| {
        let start = at;
        at += line.len() + 1;
        let v = line.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '*');
        if v.len() > 24 || v.is_empty() {
            return None;
        }
        let c = CELL.captures(v)?;
        let due = match (c.name("y"), c.name("p")) {
            (Some(y), _) => Due::On {
                date: Date::new(y.as_str().parse().ok()?, 12, 31)?,
            },
            (_, Some(p)) => Due::Every {
                period: period_word(p.as_str()),
            },
            _ => return None,
        };
        let from = start + (v.as_ptr() as usize - line.as_ptr() as usize);
        Some((from..from + v.len(), due))
    })
}

/// The last day of a time written `d/m[/y]`, `tháng m/y` or `quý q/y`.
fn end_of(s: &str, date: Option<Date>) -> Option<Date> {
    let f = fold(s);
    let nums: Vec<u32> = f
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    if let Some(q) = f.strip_prefix("quy") {
        let q = q.trim();
        let roman = q.split('/').next().unwrap_or("");
        let n = match roman.to_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            _ => 4,
        };
        return month_end(*nums.last()?, n * 3);
    }
    if f.starts_with("thang") {
        return month_end(*nums.get(1)?, *nums.first()?);
    }
    let (d, m) = (*nums.first()?, *nums.get(1)?);
    let y = match nums.get(2) {
        Some(&y) => y,
        None => implied_year(date?, m),
    };
    Date::new(y, m, d)
}

/// A year to finish in: `hoàn thành trong năm 2026`, `trước năm 2027`.
static IN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<t>hoàn\s+thành|xong|trước)(?:\s+(?:trong|trước))?\s+năm\s+(?P<y>\d{4})(?-u:\b)",
    )
    .unwrap()
});

/// A recurrence: `hằng năm`, `hàng quý`, `định kỳ 6 tháng`, `định kỳ` alone.
static EVERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: định\s+kỳ\s+ )?
        (?: (?:hằng|hàng|mỗi)\s+(?P<p>năm|quý|tháng|tuần)
          | định\s+kỳ\s+(?:báo\s+cáo\s+)?(?P<n>\d+|sáu|ba)\s+tháng(?:\s+một\s+lần|/lần)?
          | (?P<bare>định\s+kỳ) )",
    )
    .unwrap()
});

/// A review or report counted from the document: `sơ kết 5 năm`, `sau 3 năm ... tổng kết`.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: (?:sơ|tổng)\s+kết\s+(?P<n>\d+|một|hai|ba|bốn|năm|mười)\s+(?P<u>năm|tháng)
          | trong\s+thời\s+hạn\s+(?P<n3>\d+|một|hai|ba|năm|mười)\s+(?P<u3>năm|tháng)
          | sau\s+(?P<n2>\d+|một|hai|ba|bốn|năm|mười)\s+(?P<u2>năm|tháng)\s+(?:thực\s+hiện|triển\s+khai|hoạt\s+động)
            [^.;\n]{0,80}? (?:sơ\s+kết|tổng\s+kết|báo\s+cáo|đánh\s+giá) )",
    )
    .unwrap()
});

/// Words of a duty a recurrence must stand beside (folded): a plan made yearly is not due.
const DUTY_WORDS: &[&str] = &[
    "bao cao",
    "so ket",
    "tong ket",
    "kiem diem",
    "danh gia",
    "kiem tra",
    "giam sat",
    "hop ",
    "hoi nghi",
    "ra soat",
    "cap nhat",
    "thong tin ve",
    "sao luu",
    "dien tap",
    "tiep cong dan",
];

/// Every deadline of the text, in order, overlapping phrases kept once.
pub fn read(text: &str, date: Option<Date>) -> Vec<Deadline> {
    let mut found: Vec<Deadline> = Vec::new();
    for c in RANGE.captures_iter(text) {
        if let Some(date) = end_of(&c["b"], date) {
            found.push(deadline(text, &c, Due::On { date }));
        }
    }
    for (span, due) in cells(text) {
        found.push(spanned(text, span, due));
    }
    for c in ON_DAY.captures_iter(text) {
        if let Some(d) = on_day(text, &c, date) {
            found.push(d);
        }
    }
    for c in IN_PERIOD.captures_iter(text) {
        found.extend(in_period(text, &c));
    }
    for c in IN_YEAR.captures_iter(text) {
        let y: u32 = c["y"].parse().unwrap_or(0);
        let before = fold(&c[0]).contains("truoc");
        let due = Date::new(y.saturating_sub(before as u32), 12, 31);
        found.extend(due.map(|date| deadline(text, &c, Due::On { date })));
    }
    for c in EVERY.captures_iter(text) {
        found.extend(every(text, &c));
    }
    for c in AFTER.captures_iter(text) {
        found.extend(after(text, &c));
    }
    found.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end)));
    let mut out: Vec<Deadline> = Vec::with_capacity(found.len());
    for d in found {
        if out.last().is_none_or(|l| d.span.start >= l.span.end) {
            out.push(d);
        }
    }
    out
}

fn deadline(text: &str, c: &Captures, due: Due) -> Deadline {
    let m = c.get(0).expect("the whole match");
    spanned(text, m.range(), due)
}

/// A deadline over `span`, its leading spaces left out and its words joined.
fn spanned(text: &str, span: std::ops::Range<usize>, due: Due) -> Deadline {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    Deadline {
        span: start..span.end,
        text: text[start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        unit: None,
        due,
    }
}

fn on_day(text: &str, c: &Captures, date: Option<Date>) -> Option<Deadline> {
    let t = fold(&c["t"]);
    let start = c.get(0)?.start();
    let before = fold(lead(text, start, 12));
    // figures counted up to a day, a period from a day, a law in force from a day
    if t == "den" && (before.ends_with("tinh ") || before.ends_with("ke ")) {
        return None;
    }
    let day: u32 = c["d"].parse().ok()?;
    let month: u32 = c.name("m").or(c.name("m2"))?.as_str().parse().ok()?;
    let year = match c.name("y").or(c.name("y2")) {
        Some(y) => y.as_str().parse().ok()?,
        None => implied_year(date?, month),
    };
    let date = Date::new(year, month, day)?;
    Some(deadline(text, c, Due::On { date }))
}

/// The year a day written without one means: the document's, or the next when the month
/// has passed by more than one.
fn implied_year(doc: Date, month: u32) -> u32 {
    let y = doc.year as u32;
    if month + 1 < doc.month as u32 {
        y + 1
    } else {
        y
    }
}

fn in_period(text: &str, c: &Captures) -> Option<Deadline> {
    let whole = c.get(0)?;
    // a period is due only after a trigger, or as a table's value at a cell's start
    let lead_text = lead(text, whole.start(), 60);
    let cell_start = lead_text
        .trim_end_matches([' ', '*', '('])
        .ends_with(['\n', '|'])
        || lead_text.ends_with("   ")
        || lead_text.trim_end_matches(['*', ' ']).ends_with('(');
    // the rest of a date line broken before its month (`ngày 28` / `tháng 11 năm 2025`,
    // `ngày    tháng 01 năm 2026` with the day left blank): the document's date, not a period
    let bare_lead = fold(lead_text.trim_end_matches([' ', '*', '|', '\n']));
    if c.name("m").is_some() && DATE_LINE.is_match(&bare_lead) {
        return None;
    }
    let trigger = TRIGGER.captures(lead_text).and_then(|t| t.name("t"));
    let before = trigger.map(|t| fold(t.as_str()));
    if before.is_none() && !cell_start {
        return None;
    }
    let start = trigger.map_or(whole.start(), |t| {
        whole.start() - (lead_text.len() - t.start())
    });
    let strict = before.as_deref() == Some("truoc");
    let end = if let Some(m) = c.name("m") {
        let (y, m): (u32, u32) = (c["my"].parse().ok()?, m.as_str().parse().ok()?);
        if strict {
            last_before(y, m)
        } else {
            month_end(y, m)
        }
    } else if let Some(q) = c.name("q") {
        let y: u32 = c["qy"].parse().ok()?;
        let q = match q.as_str().to_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            _ => 4,
        };
        if strict {
            last_before(y, q * 3 - 2)
        } else {
            month_end(y, q * 3)
        }
    } else {
        let y: u32 = c["hy"].parse().ok()?;
        let first = fold(&c["h"]) == "dau";
        month_end(y, if first { 6 } else { 12 })
    }?;
    Some(spanned(text, start..whole.end(), Due::On { date: end }))
}

/// The last day before month `m` of year `y`.
fn last_before(y: u32, m: u32) -> Option<Date> {
    if m == 1 {
        month_end(y.saturating_sub(1), 12)
    } else {
        month_end(y, m - 1)
    }
}

fn every(text: &str, c: &Captures) -> Option<Deadline> {
    let whole = c.get(0)?;
    // a whole word (a Unicode `\b` would keep the regex off its fast engines)
    if text[whole.end()..].starts_with(char::is_alphanumeric) {
        return None;
    }
    let period = if let Some(p) = c.name("p") {
        period_word(p.as_str())
    } else if let Some(n) = c.name("n") {
        match fold(n.as_str()).as_str() {
            "6" | "sau" => Period::HalfYear,
            "3" | "ba" => Period::Quarter,
            "12" => Period::Year,
            "1" => Period::Month,
            _ => return None,
        }
    } else {
        Period::Unspecified
    };
    // a recurrence only beside a report or review: `định kỳ` alone closer (a `chuyên mục
    // định kỳ`, `thiết bị kiểm tra an toàn định kỳ` is no one's duty to report)
    let reach = if period == Period::Unspecified {
        24
    } else {
        70
    };
    let near = fold(window(text, whole.start(), whole.end(), reach));
    if !DUTY_WORDS.iter().any(|w| near.contains(w)) {
        return None;
    }
    // `kế hoạch 5 năm và hằng năm`, `dự toán hằng năm`: what is made each year, not reported
    let lead = fold(lead(text, whole.start(), 24));
    if ["ke hoach", "du toan", "ngan sach", "nguon luc", "kinh phi"]
        .iter()
        .any(|w| lead.contains(w))
        && !lead.contains("bao cao")
    {
        return None;
    }
    Some(deadline(text, c, Due::Every { period }))
}

fn period_word(p: &str) -> Period {
    match fold(p).as_str() {
        "nam" => Period::Year,
        "quy" => Period::Quarter,
        "thang" => Period::Month,
        _ => Period::Week,
    }
}

fn after(text: &str, c: &Captures) -> Option<Deadline> {
    // `trong thời hạn 5 năm kể từ …` counts from an event, not from the document
    let end = c.get(0)?.end();
    let next: String = text[end..].chars().take(10).collect();
    if c.name("n3").is_some() && fold(&next).contains("ke tu") {
        return None;
    }
    let n = c.name("n").or(c.name("n2")).or(c.name("n3"))?.as_str();
    let n: u32 = match fold(n).as_str() {
        "mot" => 1,
        "hai" => 2,
        "ba" => 3,
        "bon" => 4,
        "nam" => 5,
        "muoi" => 10,
        // a review more than a century away is a misreading
        digits => digits.parse().ok().filter(|&n: &u32| n <= 100)?,
    };
    let unit = fold(c.name("u").or(c.name("u2")).or(c.name("u3"))?.as_str());
    let months = if unit == "nam" { n * 12 } else { n };
    Some(deadline(text, c, Due::After { months }))
}

/// Up to `reach` bytes before `at`, cut at a character boundary.
fn lead(text: &str, at: usize, reach: usize) -> &str {
    window_before(text, at, reach).0
}

/// Up to `reach` bytes either side of `start..end`, cut at character boundaries.
fn window(text: &str, start: usize, end: usize, reach: usize) -> &str {
    let from = window_before(text, start, reach).1;
    let after = window_after(text, end, text.len(), reach);
    &text[from..end + after.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dues(text: &str) -> Vec<(String, String)> {
        read(text, "2025-10-16".parse().ok())
            .into_iter()
            .map(|d| {
                let due = match d.due {
                    Due::On { date } => date.to_string(),
                    Due::Every { period } => format!("every {period:?}"),
                    Due::After { months } => format!("after {months}"),
                };
                (d.text, due)
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "hoàn thành trước ngày 31/12/2025.",
                &[("trước ngày 31/12/2025", "2025-12-31")],
            ),
            (
                "báo cáo trước ngày 15/12 để tổng hợp",
                &[("trước ngày 15/12", "2025-12-15")],
            ),
            (
                "gửi trước ngày 10/01 năm sau",
                &[("trước ngày 10/01", "2026-01-10")],
            ),
            (
                "chậm nhất ngày 05 tháng 01 năm 2026",
                &[("chậm nhất ngày 05 tháng 01 năm 2026", "2026-01-05")],
            ),
            (
                "từ ngày 01/12 đến ngày 15/12/2025",
                &[("từ ngày 01/12 đến ngày 15/12/2025", "2025-12-15")],
            ),
            ("Số liệu tính đến ngày 30/6/2025", &[]),
            ("có hiệu lực kể từ ngày 01/7/2025", &[]),
            (
                "hoàn thành trong tháng 12/2025",
                &[("hoàn thành trong tháng 12/2025", "2025-12-31")],
            ),
            (
                "trong quý I/2026 ban hành",
                &[("trong quý I/2026", "2026-03-31")],
            ),
            (
                "trước quý III năm 2026",
                &[("trước quý III năm 2026", "2026-06-30")],
            ),
            ("| Quý IV/2025 |", &[("Quý IV/2025", "2025-12-31")]),
            ("Kết quả quý III/2025 cho thấy", &[]),
            (
                "trong 6 tháng đầu năm 2026",
                &[("trong 6 tháng đầu năm 2026", "2026-06-30")],
            ),
            (
                "phấn đấu hoàn thành trong năm 2026",
                &[("hoàn thành trong năm 2026", "2026-12-31")],
            ),
            ("đến năm 2030, tỷ lệ đạt 80%", &[]),
            (
                "định kỳ hằng năm báo cáo Bộ Chính trị",
                &[("định kỳ hằng năm", "every Year")],
            ),
            (
                "định kỳ 6 tháng báo cáo kết quả",
                &[("định kỳ 6 tháng", "every HalfYear")],
            ),
            (
                "định kỳ báo cáo Bộ Chính trị, Ban Bí thư",
                &[("định kỳ", "every Unspecified")],
            ),
            ("Kế hoạch 5 năm và hằng năm để triển khai", &[]),
            ("phân bổ nguồn lực hằng năm cho sự nghiệp", &[]),
            (
                "tổ chức sơ kết 5 năm, tổng kết 10 năm thực hiện",
                &[
                    ("sơ kết 5 năm", "after 60"),
                    ("tổng kết 10 năm", "after 120"),
                ],
            ),
            (
                "Sau 3 năm thực hiện, tiến hành sơ kết",
                &[("Sau 3 năm thực hiện, tiến hành sơ kết", "after 36")],
            ),
            (
                "Thời gian: 8 giờ 00 phút, ngày 10/01/2026",
                &[("Thời gian: 8 giờ 00 phút, ngày 10/01/2026", "2026-01-10")],
            ),
            (
                "Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026",
                &[(
                    "Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026",
                    "2026-03-31",
                )],
            ),
            (
                "Thời gian hoàn thành: Quý IV/2025 và Quý I/2026",
                &[(
                    "Thời gian hoàn thành: Quý IV/2025 và Quý I/2026",
                    "2026-03-31",
                )],
            ),
            (
                "Trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026",
                &[(
                    "Trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026",
                    "2026-02-01",
                )],
            ),
            (
                "Thời gian hoàn thành: Dự kiến tháng 11/2025 (sau",
                &[("Thời gian hoàn thành: Dự kiến tháng 11/2025", "2025-11-30")],
            ),
            (
                "hoàn thành trước năm 2030",
                &[("hoàn thành trước năm 2030", "2029-12-31")],
            ),
            ("Sở Nông nghiệp\nHàng năm\n", &[("Hàng năm", "every Year")]),
            (
                "quán triệt Kết luận (*tháng 01/2022*). Hướng",
                &[("tháng 01/2022", "2022-01-31")],
            ),
            ("Trong năm 2026\n4", &[("Trong năm 2026", "2026-12-31")]),
            (
                "Trong thời hạn 5 năm, lưu trữ",
                &[("Trong thời hạn 5 năm", "after 60")],
            ),
            // `định kỳ` alone only beside a duty
            (
                "sao lưu định kỳ dữ liệu",
                &[("định kỳ", "every Unspecified")],
            ),
            ("Nâng cao hiệu quả chuyên mục định kỳ trên Trang", &[]),
            (
                "định kỳ báo cáo Ban Thường vụ",
                &[("định kỳ", "every Unspecified")],
            ),
            (
                "định kỳ báo cáo 6 tháng, 01 năm gửi về",
                &[("định kỳ báo cáo 6 tháng", "every HalfYear")],
            ),
            // a date line broken before its month, or with its day left blank
            ("Hà Nội, ngày 28\ntháng 11 năm 2025*\n", &[]),
            ("Lương Minh, ngày    tháng 01 năm 2026\n", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(dues(text), want, "{text:?}");
        }
    }
}
