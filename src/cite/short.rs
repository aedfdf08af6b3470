//! Short forms: `Quy định số 124` standing for an identifier written out elsewhere in the same
//! document (`124-QĐ/TW`), before or after. Resolved only when exactly one identifier of the
//! document fits the number and the kind word; otherwise left out rather than guessed.

use std::collections::HashMap;
use std::ops::Range;

use super::kind;
use super::scan::Found;
use super::window::after_char;
use super::CiteId;

/// A kind word with a bare number: a short form waiting to be resolved.
#[derive(Debug, Clone)]
pub struct ShortForm {
    pub word: String,
    pub number: u32,
    /// From the kind word to the end of the number.
    pub span: Range<usize>,
}

/// Every `<kind word> (số) <number>` whose number is that of some written-out identifier of
/// the document and is not itself part of one. Only those numbers are looked at: a short
/// form with no identifier to stand for would be dropped anyway.
pub fn candidates(text: &str, full: &[Found]) -> Vec<ShortForm> {
    let mut numbers: Vec<&str> = full.iter().map(|f| f.id.number.as_str()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.is_empty() {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(bytes, i) {
        i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if numbers.binary_search(&&text[start..i]).is_ok() {
            out.extend(candidate_at(text, start, i, full));
        }
    }
    out
}

/// The position of the first ASCII digit at or after `from`. Digits are rare in prose, so
/// 32-byte blocks without one are skipped with a check the compiler vectorizes.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut i = from;
    while i + BLOCK <= bytes.len() {
        if bytes[i..i + BLOCK]
            .iter()
            .fold(false, |any, b| any | b.is_ascii_digit())
        {
            break;
        }
        i += BLOCK;
    }
    bytes[i..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

/// The short form whose number spans `start..end`, if a kind word stands before it.
fn candidate_at(text: &str, start: usize, end: usize, full: &[Found]) -> Option<ShortForm> {
    let continues = after_char(text, end).is_some_and(|ch| {
        ch.is_alphanumeric() || super::id::is_dash(ch) || matches!(ch, '/' | ',')
    });
    if continues || inside_identifier(full, start, end) {
        return None;
    }
    let head = &text[..start];
    let mut pos = kind::skip_space_back(head, start);
    if pos == start {
        return None;
    }
    if let Some(rest) = head[..pos]
        .strip_suffix("số")
        .or_else(|| head[..pos].strip_suffix("Số"))
    {
        pos = kind::skip_space_back(head, rest.len());
    }
    let k = kind::ending_at(text, pos)?;
    Some(ShortForm {
        word: kind::tidy(&text[k.start..k.end]),
        number: text[start..end].parse().unwrap_or_default(),
        span: k.start..end,
    })
}

/// True when `start..end` lies inside a written-out identifier. `full` is in text order,
/// so only the identifiers starting at or before `start` nearest to it are looked at (a
/// scan of all of them made a list of 100,000 identifiers quadratic).
fn inside_identifier(full: &[Found], start: usize, end: usize) -> bool {
    let before = full.partition_point(|f| f.span.start <= start);
    full[..before]
        .iter()
        .rev()
        .take(2)
        .any(|f| end <= f.span.end)
}

/// The written-out identifiers of a document by number, ready to resolve short forms against.
pub struct Targets {
    by_number: HashMap<u32, Vec<(CiteId, String)>>,
}

impl Targets {
    pub fn new<'a>(ids: impl Iterator<Item = &'a CiteId>) -> Self {
        let mut by_number: HashMap<u32, Vec<(CiteId, String)>> = HashMap::new();
        for id in ids {
            if let Ok(n) = id.number.parse() {
                by_number.entry(n).or_default().push((id.clone(), id.key()));
            }
        }
        Targets { by_number }
    }

    /// The one identifier `short` can stand for: same number, a code its kind word allows,
    /// and no second identifier that would fit as well.
    pub fn resolve(&self, short: &ShortForm) -> Option<CiteId> {
        let codes = kind::codes(&short.word)?;
        let mut fits = self
            .by_number
            .get(&short.number)?
            .iter()
            .filter(|(id, _)| codes.contains(&id.kind.as_str()));
        let (first, key) = fits.next()?;
        if fits.any(|(_, k)| k != key) {
            return None;
        }
        Some(first.clone())
    }
}
