//! Finding identifiers in composed text: full forms, lists sharing a suffix, and doublings.
//!
//! One regex (compiled once, no Unicode `\b`) proposes candidates; boundaries, lists and the
//! `156-KH/TU-KH/TU` doubling are checked by hand around each candidate, so the hot loop stays
//! in the regex engine.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::id::{CiteId, Shape};
use super::window::{after_char, before_char, window_before};

/// How an occurrence was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// The whole identifier (`21-KL/TW`).
    Full,
    /// A number of a list that shares its suffix (`217` in `217, 218-QĐ/TW`).
    ListMember,
    /// A typo that repeats the suffix (`156-KH/TU-KH/TU`).
    Doubled,
    /// A short form resolved to an identifier of the same document (`Quy định số 124`).
    Short,
    /// `QĐ` written for the `QĐi` of the same number, issuer and date.
    Alias,
    /// Broken by OCR and recovered from the kind word and the issuer phrase: lower
    /// confidence than the rest.
    Recovered,
}

/// One identifier occurrence found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub id: CiteId,
    pub span: Range<usize>,
    pub form: Form,
}

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ([0-9]{1,5}(?:\.[0-9]{1,3})?)
        (?:
            \x20{0,2}\\?[-–—‐‑](?:\x20{0,2}\n\x20{0,10})?\x20{0,2}([A-ZĐ][A-Za-zĐ]{0,5})\x20?/\x20?([A-ZĐ][A-ZĐƯ0-9]{0,9})
          | /(?:((?:19|20)[0-9]{2})/)?([A-ZĐ][A-Za-zĐ]{0,7}[0-9]{0,2})((?:[-–/][A-ZĐ][A-Za-zĐ0-9]{0,15}|(?:\x20{1,2}[-–/]\x20{0,3}|[-–/]\x20{0,3}\n?\x20{0,3})[A-ZĐ][A-ZĐ0-9]{1,15})*)
        )",
    )
    .unwrap()
});

/// `-KH/TU` right after `156-KH/TU`: the doubling typo.
static DOUBLING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-([A-ZĐ][A-Za-zĐ]{0,5})/([A-ZĐ][A-ZĐƯ0-9]{0,9})").unwrap());

/// A further issuer of a joint Party number: `-BTGTW` after `06-HD/BTCTW`, not followed by
/// `/` (which would be the `-KH/TU` doubling).
static JOINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-([A-ZĐ][A-ZĐƯ0-9]{1,11})").unwrap());

/// Numbers before a full identifier that share its suffix: `số 217, ` or `số 217 và `.
static LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[Ss]ố|[Cc]ác)\s+((?:[0-9]{1,5}\s*(?:,|và|&)\s*)+)$").unwrap());
static LIST_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{1,5}").unwrap());

/// Every identifier written out in `text` (full forms, list members, doublings), in order.
pub fn scan(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in CANDIDATE.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        if !left_boundary_ok(text, whole.start()) {
            continue;
        }
        let Some((id, end, form)) = read_candidate(text, &c) else {
            continue;
        };
        out.extend(list_members(text, whole.start(), &id));
        out.push(Found {
            id,
            span: whole.start()..end,
            form,
        });
    }
    out
}

/// Builds the identifier of one candidate, with the end of its span (after a doubling or
/// the further issuers of a joint number).
fn read_candidate(text: &str, c: &Captures) -> Option<(CiteId, usize, Form)> {
    let end = c.get(0)?.end();
    let number = &c[1];
    if let (Some(kind), Some(issuer)) = (c.get(2), c.get(3)) {
        let (end, form, issuer) = match DOUBLING.captures(&text[end..]) {
            Some(d) if &d[1] == kind.as_str() && &d[2] == issuer.as_str() => {
                (end + d[0].len(), Form::Doubled, issuer.as_str().to_string())
            }
            _ => {
                let (end, issuer) = joint_issuers(text, end, issuer.as_str());
                (end, Form::Full, issuer)
            }
        };
        // a footnote's number glued to the issuer (`66-NQ/TW1`); codes that hold digits
        // (`21-LCT/HDNN8`) keep them
        let bare = issuer.trim_end_matches(|c: char| c.is_ascii_digit());
        let footnote = bare.ends_with("TW") || ["TU", "HU", "ĐU", "ĐUK", "QU"].contains(&bare);
        let issuer = if footnote { bare.to_string() } else { issuer };
        let id = CiteId::new(Shape::Party, number, None, kind.as_str(), &issuer);
        return right_boundary_ok(text, end).then_some((id, end, form));
    }
    let kind = c.get(5)?.as_str();
    let year = c.get(4).and_then(|y| y.as_str().parse().ok());
    // issuers written over a line break, spaced (`TT - BNV`), or run into the next cell's
    // word: the last one is dropped until the identifier ends where it should
    let mut issuers = c.get(6).map_or(&text[end..end], |m| m.as_str());
    let mut end = end;
    // `NQLT/UBTVQH13-…` writes the first issuer after a `/`, only in numbers with a year
    if year.is_none() && issuers.trim_start().starts_with('/') {
        end -= issuers.len();
        issuers = &issuers[..0];
    }
    while !right_boundary_ok(text, end) {
        let cut = issuers.rfind(['-', '–', '/'])?;
        let cut = issuers[..cut].trim_end().len();
        end -= issuers.len() - cut;
        issuers = &issuers[..cut];
    }
    let issuer: String = issuers
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '–' | '/') { '-' } else { c })
        .collect();
    let issuer = issuer.trim_start_matches('-');
    let id = match year {
        Some(_) => CiteId::new(Shape::StateYear, number, year, kind, issuer),
        // A state identifier without a year needs an issuer: `15/TB` alone is too weak.
        None if !issuer.is_empty() => CiteId::new(Shape::State, number, None, kind, issuer),
        None => return None,
    };
    Some((id, end, Form::Full))
}

/// A Party number's issuer with the further issuers of a joint number (`BTCTW-BTGTW`), and
/// where it ends.
fn joint_issuers(text: &str, mut end: usize, first: &str) -> (usize, String) {
    let mut issuer = first.to_string();
    while let Some(j) = JOINT.captures(&text[end..]) {
        let after = end + j[0].len();
        // not the `-KH/TU` doubling, nor the start of a word (`-CHỈ`)
        let ends = right_boundary_ok(text, after) || text[after..].starts_with('-');
        if matches!(after_char(text, after), Some('/')) || !ends {
            break;
        }
        issuer.push('-');
        issuer.push_str(&j[1]);
        end = after;
    }
    (end, issuer)
}

/// The number must not continue a word, a number, a path or an address.
fn left_boundary_ok(text: &str, start: usize) -> bool {
    match before_char(text, start) {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '@' | '+' | '\\')),
    }
}

/// The identifier must not run on into letters, digits, an address or a path.
fn right_boundary_ok(text: &str, end: usize) -> bool {
    match after_char(text, end) {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '@' | '_' | '/') => false,
        Some('.') => !after_char(text, end + 1).is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// `217` and `218` before `219-QĐ/TW` in `Quyết định số 217, 218 và 219-QĐ/TW`.
fn list_members(text: &str, start: usize, last: &CiteId) -> Vec<Found> {
    let (win, base) = window_before(text, start, 80);
    let tail = win.trim_end();
    if !(tail.ends_with(',') || tail.ends_with('&') || tail.ends_with("và")) {
        return Vec::new();
    }
    let Some(list) = LIST.captures(win).and_then(|c| c.get(1)) else {
        return Vec::new();
    };
    LIST_NUMBER
        .find_iter(list.as_str())
        .map(|m| {
            let at = base + list.start() + m.start();
            Found {
                id: CiteId {
                    number: m.as_str().to_string(),
                    ..last.clone()
                },
                span: at..at + m.len(),
                form: Form::ListMember,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        scan(text).iter().map(|f| f.id.to_string()).collect()
    }

    #[test]
    fn spans_cover_what_is_written() {
        let text = "theo Kế hoạch số 156-KH/TU-KH/TU, ngày 12/12/2019";
        let f = &scan(text)[0];
        assert_eq!(&text[f.span.clone()], "156-KH/TU-KH/TU");
        assert_eq!(
            (f.id.to_string().as_str(), f.form),
            ("156-KH/TU", Form::Doubled)
        );
    }

    #[test]
    fn shapes_of_the_register() {
        // (text, identifiers found, text of the first span)
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 15/8/2025",
                &["102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"],
                "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
            ),
            (
                "Hướng dẫn số 06-HD/BTCTW-BTGTW ngày 1/3/2025",
                &["06-HD/BTCTW-BTGTW"],
                "06-HD/BTCTW-BTGTW",
            ),
            (
                "Thông tư liên tịch số 01/2024/TTLT-BCA-BQP",
                &["01/2024/TTLT-BCA-BQP"],
                "01/2024/TTLT-BCA-BQP",
            ),
            (
                "Thông tư số 57/2021/TT-\nBTC ngày",
                &["57/2021/TT-BTC"],
                "57/2021/TT-\nBTC",
            ),
            (
                "Thông tư số 21/2025/TT - BNV của",
                &["21/2025/TT-BNV"],
                "21/2025/TT - BNV",
            ),
            (
                "Kế hoạch 156-KH/TU-KH/TU, ngày",
                &["156-KH/TU"],
                "156-KH/TU-KH/TU",
            ),
            ("số 07/CT-MTTW - Hà Nội", &["07/CT-MTTW"], "07/CT-MTTW"),
            (
                "số 57/2021/TT-   Bộ Tài chính",
                &["57/2021/TT"],
                "57/2021/TT",
            ),
            (
                "Nghị quyết liên tịch số 525/2012/NQLT/UBTVQH13-ĐCTUBTWMTTQVN ngày",
                &["525/2012/NQLT-UBTVQH13-ĐCTUBTWMTTQVN"],
                "525/2012/NQLT/UBTVQH13-ĐCTUBTWMTTQVN",
            ),
            (
                "Nghị quyết số 66.16/2026/NQ-CP ngày",
                &["66.16/2026/NQ-CP"],
                "66.16/2026/NQ-CP",
            ),
            ("Nghị quyết số 66-NQ/TW1 ngày", &["66-NQ/TW"], "66-NQ/TW1"),
            ("Văn bản số 07/CT-MTTW/2022 ngày", &[], ""),
            (
                "Thông tư số 21/2025/TT-BNV - Ban Tổ chức",
                &["21/2025/TT-BNV"],
                "21/2025/TT-BNV",
            ),
            ("Nghị quyết số 57-NQ/TW-CHỈ ĐẠO", &["57-NQ/TW"], "57-NQ/TW"),
        ];
        for (text, expected, span) in cases {
            let found = scan(text);
            let got: Vec<String> = found.iter().map(|f| f.id.to_string()).collect();
            assert_eq!(&got, expected, "{text}");
            if let Some(first) = found.first() {
                assert_eq!(&text[first.span.clone()], *span, "{text}");
            }
        }
    }

    #[test]
    fn list_members_point_at_their_numbers() {
        let text = "Quyết định số 217, 218-QĐ/TW";
        let found = scan(text);
        let spans: Vec<&str> = found.iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(spans, ["217", "218-QĐ/TW"]);
        assert_eq!(ids(text), ["217-QĐ/TW", "218-QĐ/TW"]);
    }
}
