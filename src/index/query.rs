//! The query language: free text, `"quoted phrases"`, `-exclusion`, identifiers typed
//! anywhere (`ket luan 21-KL/TW`), and filters (`kind:`, `year:2022`, `year:2020..2022`,
//! `place:"Quảng Nam"`, `cites:`, `implements:`, `based_on:`).
//!
//! Consecutive plain words form one group (matched in any order, see `relevance`); a comma
//! or semicolon starts a new one. Every part is required.
//! Errors are messages for the person who typed the query, in Vietnamese.

use crate::cite::{CiteId, NamedDocuments};
use crate::error::{Error, Result};
use crate::message;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

/// One required (or, negated, excluded) part of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// A group of typed words, matched in any order; `quoted` ones as a phrase, never relaxed.
    Text {
        text: String,
        quoted: bool,
    },
    /// An identifier, matched on the cited and own identifiers.
    Id(CiteId),
    Filter(Filter),
}

/// A filter on a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    Kind(String),
    Year(u16, u16),
    Place(String),
    Level(String),
    /// Documents of this issuing body (any body of a joint issuer).
    Issuer(String),
    /// Documents of this body and of the bodies under it.
    Under(String),
    Signer(String),
    Cites(CiteId),
    Implements(CiteId),
    BasedOn(CiteId),
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedQuery {
    pub must: Vec<Clause>,
    pub must_not: Vec<Clause>,
    /// Groups of words read as a document's name (`nghị quyết 57`): such a group matches
    /// the document it names, what implements and cites it, or its words.
    pub named: Vec<Named>,
}

/// A group of typed words read as a document's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The group's place in `must`.
    pub at: usize,
    /// The identifier taken.
    pub id: CiteId,
    /// When other nodes share its identifier (a local number of another province, a
    /// number of another khóa): the documents that implement it and cite it, which the
    /// tiers then take instead of every document citing the identifier.
    pub documents: Option<NamedDocuments>,
    /// The words ask for what carries it out (`kế hoạch thực hiện nghị quyết 57`): its
    /// implementers rank above the document itself.
    pub implementers_first: bool,
}

impl ParsedQuery {
    /// The identifiers the query names (typed, in `cites:`/`implements:`/`based_on:`, or
    /// read from a typed name).
    pub fn identifiers(&self) -> impl Iterator<Item = &CiteId> {
        let named = self.named.iter().map(|n| &n.id);
        self.must
            .iter()
            .filter_map(|c| match c {
                Clause::Id(id)
                | Clause::Filter(
                    Filter::Cites(id) | Filter::Implements(id) | Filter::BasedOn(id),
                ) => Some(id),
                _ => None,
            })
            .chain(named)
    }

    /// The name read from the group of words at `must[i]`, if it was read as one.
    pub fn named_at(&self, i: usize) -> Option<&Named> {
        self.named.iter().find(|n| n.at == i)
    }

    /// The free text of the positive clauses, for highlighting.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.must.iter().filter_map(|c| match c {
            Clause::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// Parses a query typed by a person.
pub fn parse(input: &str) -> Result<ParsedQuery> {
    let chars = input.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(bad(message::query_too_long(chars, MAX_QUERY_CHARS)));
    }
    let mut q = ParsedQuery::default();
    let mut words: Vec<String> = Vec::new();
    let tokens = tokens(input)?;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let (negated, clause) = match t {
            Token::Break => {
                flush(&mut words, &mut q);
                i += 1;
                continue;
            }
            Token::Quoted { negated, text } => (
                *negated,
                Clause::Text {
                    text: text.clone(),
                    quoted: true,
                },
            ),
            Token::Filter {
                negated,
                name,
                value,
            } => (*negated, Clause::Filter(filter(name, value)?)),
            Token::Word { negated, text } => {
                let joined = tokens.get(i + 1).and_then(|n| join_spaced_id(text, n));
                match joined.or_else(|| identifier(text)) {
                    Some((id, used)) => {
                        i += used - 1;
                        (*negated, Clause::Id(id))
                    }
                    None if *negated => (
                        true,
                        Clause::Text {
                            text: text.clone(),
                            quoted: false,
                        },
                    ),
                    None => {
                        words.push(text.clone());
                        i += 1;
                        continue;
                    }
                }
            }
        };
        flush(&mut words, &mut q);
        if negated {
            q.must_not.push(clause);
        } else {
            q.must.push(clause);
        }
        i += 1;
    }
    flush(&mut words, &mut q);
    if q.must.is_empty() && q.must_not.is_empty() {
        return Err(bad(message::QUERY_EMPTY.into()));
    }
    Ok(q)
}

fn bad(message: String) -> Error {
    Error::Query(message)
}

fn flush(words: &mut Vec<String>, q: &mut ParsedQuery) {
    if !words.is_empty() {
        q.must.push(Clause::Text {
            text: words.join(" "),
            quoted: false,
        });
        words.clear();
    }
}

/// A word that is an identifier (it must have a digit and a `-` or `/`), with the number of
/// tokens it took.
fn identifier(text: &str) -> Option<(CiteId, usize)> {
    let looks = text.contains(|c: char| c.is_ascii_digit()) && text.contains(['-', '/', '–']);
    looks
        .then(|| CiteId::parse(text).ok())
        .flatten()
        .map(|id| (id, 1))
}

/// `124 QĐ/TW` typed with a space: a number followed by the rest of an identifier.
fn join_spaced_id(number: &str, next: &Token) -> Option<(CiteId, usize)> {
    let Token::Word {
        negated: false,
        text,
    } = next
    else {
        return None;
    };
    if !number.bytes().all(|b| b.is_ascii_digit()) || !text.contains('/') {
        return None;
    }
    CiteId::parse(&format!("{number}-{text}"))
        .ok()
        .map(|id| (id, 2))
}

fn filter(name: &str, value: &str) -> Result<Filter> {
    let id = |v: &str| CiteId::parse(v).map_err(|_| bad(message::filter_not_identifier(name, v)));
    Ok(match name {
        "kind" | "loai" => Filter::Kind(value.to_string()),
        "place" | "noi" => Filter::Place(value.to_string()),
        "level" | "cap" => Filter::Level(value.to_string()),
        "issuer" | "coquan" => Filter::Issuer(value.to_string()),
        "under" | "thuoc" => Filter::Under(value.to_string()),
        "signer" | "nguoiky" => Filter::Signer(value.to_string()),
        "year" | "nam" => {
            let (from, to) = years(value).ok_or_else(|| bad(message::bad_year(value)))?;
            Filter::Year(from, to)
        }
        "cites" => Filter::Cites(id(value)?),
        "implements" => Filter::Implements(id(value)?),
        "based_on" => Filter::BasedOn(id(value)?),
        _ => return Err(bad(message::unknown_filter(name))),
    })
}

fn years(value: &str) -> Option<(u16, u16)> {
    let year = |s: &str| s.parse::<u16>().ok().filter(|y| (1900..=2100).contains(y));
    match value.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            (a <= b).then_some((a, b))
        }
        None => year(value).map(|y| (y, y)),
    }
}

/// A lexical piece of a query.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word {
        negated: bool,
        text: String,
    },
    Quoted {
        negated: bool,
        text: String,
    },
    Filter {
        negated: bool,
        name: String,
        value: String,
    },
    /// A comma or semicolon between words: the end of a phrase.
    Break,
}

/// Splits a query into tokens; an unclosed quotation mark is an error.
fn tokens(input: &str) -> Result<Vec<Token>> {
    let mut out = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let (token, next) = token(rest)?;
        out.extend(token);
        rest = next.trim_start();
    }
    Ok(out)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Reads one token at the start of `s` (not whitespace).
fn token(s: &str) -> Result<(Option<Token>, &str)> {
    if let Some(rest) = s.strip_prefix([',', ';']) {
        return Ok((Some(Token::Break), rest));
    }
    let negated = s.starts_with('-') && s.len() > 1 && !s[1..].starts_with(char::is_whitespace);
    let body = if negated { &s[1..] } else { s };
    if body.starts_with(is_quote) {
        let (text, rest) = quoted(body)?;
        return Ok((Some(Token::Quoted { negated, text }), rest));
    }
    let end = body
        .find(|c: char| c.is_whitespace() || is_quote(c) || matches!(c, ',' | ';'))
        .unwrap_or(body.len());
    let (word, rest) = body.split_at(end);
    if let Some((name, value)) = word.split_once(':') {
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') {
            let name = name.to_ascii_lowercase();
            let (value, rest) = if value.is_empty() && rest.starts_with(is_quote) {
                quoted(rest)?
            } else {
                (value.to_string(), rest)
            };
            if value.trim().is_empty() {
                return Err(bad(message::filter_without_value(&name)));
            }
            return Ok((
                Some(Token::Filter {
                    negated,
                    name,
                    value,
                }),
                rest,
            ));
        }
    }
    let text = word.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')' | '!' | '?'));
    let token = (!text.is_empty()).then(|| Token::Word {
        negated,
        text: text.to_string(),
    });
    Ok((token, rest))
}

/// A quoted phrase at the start of `s`: its text and what follows the closing quote.
fn quoted(s: &str) -> Result<(String, &str)> {
    let open = s.chars().next().map_or(0, char::len_utf8);
    let inner = &s[open..];
    let close = inner
        .find(is_quote)
        .ok_or_else(|| bad(message::UNCLOSED_QUOTE.into()))?;
    let after = &inner[close..];
    let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
    Ok((inner[..close].trim().to_string(), after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Clause {
        Clause::Text {
            text: t.into(),
            quoted: false,
        }
    }
    fn quoted_text(t: &str) -> Clause {
        Clause::Text {
            text: t.into(),
            quoted: true,
        }
    }
    fn id(s: &str) -> Clause {
        Clause::Id(CiteId::parse(s).unwrap())
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, Vec<Clause>, Vec<Clause>)> = vec![
            (
                "ket luan 21-KL/TW",
                vec![text("ket luan"), id("21-KL/TW")],
                vec![],
            ),
            ("khoá XIII", vec![text("khoá XIII")], vec![]),
            (
                "\"tự chuyển hoá\"",
                vec![quoted_text("tự chuyển hoá")],
                vec![],
            ),
            (
                "“tự chuyển hoá”",
                vec![quoted_text("tự chuyển hoá")],
                vec![],
            ),
            ("124-qd/tw", vec![id("124-QĐ/TW")], vec![]),
            ("124 QĐ/TW", vec![id("124-QĐ/TW")], vec![]),
            (
                "tham nhũng, Quảng Nam",
                vec![text("tham nhũng"), text("Quảng Nam")],
                vec![],
            ),
            (
                "tham nhũng -\"Quảng Nam\"",
                vec![text("tham nhũng")],
                vec![quoted_text("Quảng Nam")],
            ),
            (
                "kế hoạch -21-KL/TW",
                vec![text("kế hoạch")],
                vec![id("21-KL/TW")],
            ),
            (
                "year:2022",
                vec![Clause::Filter(Filter::Year(2022, 2022))],
                vec![],
            ),
            (
                "year:2020..2022 tham nhũng",
                vec![Clause::Filter(Filter::Year(2020, 2022)), text("tham nhũng")],
                vec![],
            ),
            (
                "place:\"Quảng Nam\"",
                vec![Clause::Filter(Filter::Place("Quảng Nam".into()))],
                vec![],
            ),
            (
                "kind:\"Kế hoạch\"",
                vec![Clause::Filter(Filter::Kind("Kế hoạch".into()))],
                vec![],
            ),
            (
                "cites:124-QĐ/TW",
                vec![Clause::Filter(Filter::Cites(
                    CiteId::parse("124-QĐ/TW").unwrap(),
                ))],
                vec![],
            ),
            (
                "implements:21-kl/tw",
                vec![Clause::Filter(Filter::Implements(
                    CiteId::parse("21-KL/TW").unwrap(),
                ))],
                vec![],
            ),
            (
                "-year:2020",
                vec![],
                vec![Clause::Filter(Filter::Year(2020, 2020))],
            ),
            ("Quy định số 124.", vec![text("Quy định số 124")], vec![]),
            ("2019 - 2024", vec![text("2019 - 2024")], vec![]),
        ];
        for (input, must, must_not) in cases {
            let q = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!((q.must, q.must_not), (must, must_not), "{input}");
        }
    }

    #[test]
    fn errors_say_what_to_do() {
        let cases = [
            ("\"tự chuyển hoá", "ngoặc kép"),
            ("", "trống"),
            ("   ", "trống"),
            ("year:20x", "year:"),
            ("year:2022..2020", "year:"),
            ("foo:bar", "Không có bộ lọc"),
            ("cites:abc", "không phải số hiệu"),
            ("place:", "thiếu giá trị"),
        ];
        for (input, needle) in cases {
            let e = parse(input).unwrap_err().to_string();
            assert!(e.contains(needle), "{input}: {e}");
        }
        let long = "a ".repeat(MAX_QUERY_CHARS);
        assert!(parse(&long).unwrap_err().to_string().contains("giới hạn"));
    }
}
