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
        ([0-9]{1,5})
        (?:
            \x20{0,2}\\?[-–—‐‑](?:\x20{0,2}\n\x20{0,10})?\x20{0,2}([A-ZĐ][A-Za-zĐ]{0,5})\x20?/\x20?([A-ZĐ][A-ZĐƯ0-9]{0,9})
          | /(?:((?:19|20)[0-9]{2})/)?([A-ZĐ][A-Za-zĐ]{0,7}[0-9]{0,2})((?:[-–]\x20?[A-ZĐ][A-Za-zĐ0-9]{0,11})*)
        )",
    )
    .unwrap()
});

/// `-KH/TU` right after `156-KH/TU`: the doubling typo.
static DOUBLING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-([A-ZĐ][A-Za-zĐ]{0,5})/([A-ZĐ][A-ZĐƯ0-9]{0,9})").unwrap());

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

/// Builds the identifier of one candidate, with the end of its span (after a doubling).
fn read_candidate(text: &str, c: &Captures) -> Option<(CiteId, usize, Form)> {
    let end = c.get(0)?.end();
    let number = &c[1];
    if let (Some(kind), Some(issuer)) = (c.get(2), c.get(3)) {
        let id = CiteId::new(Shape::Party, number, None, kind.as_str(), issuer.as_str());
        let (end, form) = match DOUBLING.captures(&text[end..]) {
            Some(d) if &d[1] == kind.as_str() && &d[2] == issuer.as_str() => {
                (end + d[0].len(), Form::Doubled)
            }
            _ => (end, Form::Full),
        };
        return right_boundary_ok(text, end).then_some((id, end, form));
    }
    let kind = c.get(5)?.as_str();
    let issuer = c
        .get(6)
        .map_or("", |m| m.as_str())
        .replace('–', "-")
        .replace("- ", "-");
    let year = c.get(4).and_then(|y| y.as_str().parse().ok());
    let id = match year {
        Some(_) => CiteId::new(Shape::StateYear, number, year, kind, &issuer),
        // A state identifier without a year needs an issuer: `15/TB` alone is too weak.
        None if !issuer.is_empty() => CiteId::new(Shape::State, number, None, kind, &issuer),
        None => return None,
    };
    right_boundary_ok(text, end).then_some((id, end, Form::Full))
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
    fn list_members_point_at_their_numbers() {
        let text = "Quyết định số 217, 218-QĐ/TW";
        let found = scan(text);
        let spans: Vec<&str> = found.iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(spans, ["217", "218-QĐ/TW"]);
        assert_eq!(ids(text), ["217-QĐ/TW", "218-QĐ/TW"]);
    }
}
