//! Short forms: `Quy định số 124` standing for an identifier written out elsewhere in the same
//! document (`124-QĐ/TW`), before or after. Resolved only when exactly one identifier of the
//! document fits the number and the kind word; otherwise left out rather than guessed.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::kind;
use super::scan::{Form, Found};
use super::window::after_char;

/// A kind word with a bare number: a short form waiting to be resolved.
#[derive(Debug, Clone)]
pub struct ShortForm {
    pub word: String,
    pub number: u32,
    /// From the kind word to the end of the number.
    pub span: Range<usize>,
}

static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({})\s+(?:(?i:số)\s*)?([0-9]{{1,5}})",
        kind::pattern()
    ))
    .unwrap()
});

/// Every `<kind word> (số) <number>` whose number is not part of a written-out identifier.
pub fn candidates(text: &str, full: &[Found]) -> Vec<ShortForm> {
    SHORT
        .captures_iter(text)
        .filter_map(|c| {
            let (word, num) = (c.get(1)?, c.get(2)?);
            let inside = full
                .iter()
                .any(|f| f.span.start <= num.start() && num.end() <= f.span.end);
            let continues = after_char(text, num.end()).is_some_and(|ch| {
                ch.is_alphanumeric() || super::id::is_dash(ch) || matches!(ch, '/' | ',')
            });
            if inside || continues {
                return None;
            }
            Some(ShortForm {
                word: kind::tidy(word.as_str()),
                number: num.as_str().parse().ok()?,
                span: word.start()..num.end(),
            })
        })
        .collect()
}

/// The one identifier among `full` that `short` can stand for.
pub fn resolve(short: &ShortForm, full: &[Found]) -> Option<Found> {
    let codes = kind::codes(&short.word)?;
    let mut fits = full.iter().filter(|f| {
        f.id.number.parse::<u32>().ok() == Some(short.number) && codes.contains(&f.id.kind.as_str())
    });
    let first = fits.next()?;
    let key = first.id.key();
    if fits.any(|f| f.id.key() != key) {
        return None;
    }
    Some(Found {
        id: first.id.clone(),
        span: short.span.clone(),
        form: Form::Short,
    })
}
