//! What the words around an identifier say about it: the kind word in front, and after it
//! the date, issuer (`của ...`), khóa, subject (`về ...`) and the `về việc thực hiện` marker
//! that states what the cited document itself implements.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::kind;
use super::window::{window_after, window_before};
use crate::date::Date;

/// The kind word in front of an identifier.
#[derive(Debug, Clone, PartialEq)]
pub struct KindWord {
    /// As written, whitespace collapsed (`Kế hoạch hành động`, `kế hoạch`).
    pub word: String,
    /// Byte offset where the kind word starts.
    pub start: usize,
}

/// What follows an identifier, read up to the next identifier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct After {
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub khoa: Option<String>,
    pub subject: Option<String>,
    /// Byte offset after the date, issuer and khóa (before a subject or marker).
    pub end: usize,
    /// Byte offset after `về (việc) (tiếp tục) (triển khai) thực hiện`, when it follows.
    pub implements_marker_end: Option<usize>,
}

/// How far after an identifier its context is read, in bytes.
const AFTER: usize = 600;
/// Longest issuer phrase kept, in bytes; a longer one is a misreading.
const MAX_ISSUER: usize = 200;
/// Longest subject kept, in bytes.
const MAX_SUBJECT: usize = 400;

static KHOA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s,]*\(?\s*(?i:kh(?:óa|oá|oa))\s+([IVXL]+)\b\s*\)?").unwrap());
static KHOA_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:kh(?:óa|oá|oa))\s+([IVXL]+)\b").unwrap());
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s,]*(?i:(?:về\s+)?(?:việc\s+)?(?:tiếp\s+tục\s+)?(?:triển\s+khai\s+)?thực\s+hiện\s+(?:các\s+)?)[*_]*",
    )
    .unwrap()
});
static SUBJECT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s,]*([“\x22]?)\s*(?i:về)\s+").unwrap());
/// What ends an issuer phrase: punctuation, or a word after which the text is no longer
/// about the issuing body (`về`, `thực hiện`, `theo`, `và` ...).
static ISSUER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    // in lower case, and the few that open a phrase written capitalised or in capitals
    // (`của Chính phủ Ban hành Chương trình …`, `CỦA BỘ CHÍNH TRỊ VỀ …`)
    let words = [
        "về|triển khai|thực hiện|theo|gắn|và|tại|đối với|nhằm|ban hành|xây dựng|quy định|hướng dẫn",
        "với|trong|để|đã|vào|đến|tới|cho|sửa đổi|bổ sung|thay thế|bãi bỏ|phê duyệt",
        "Về|Triển khai|Thực hiện|Ban hành|Sửa đổi|VỀ|TRIỂN KHAI|THỰC HIỆN|BAN HÀNH|SỬA ĐỔI",
    ]
    .join("|");
    Regex::new(&format!(
        r"[,;.“\x22():*_]|\n\s*\n|\n\s*(?:Căn cứ|Thực hiện|Theo|Xét|Điều|[IVX]+\.|[0-9]+\.|-)|\s(?:{words})(?:\s|$|,)"
    ))
    .unwrap()
});
/// Aliases: `(gọi tắt là Kết luận số 21-KL/TW)`, `(sau đây gọi là ...)`.
static ALIAS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:gọi\s+(?:tắt\s+)?là)\s*[*_]*\s*$").unwrap());

/// The kind word written just before byte `start`, skipping `số`, a colon and the numbers
/// of a list that shares the identifier's suffix (`Quyết định số 217, 218-QĐ/TW`).
pub fn kind_word_before(text: &str, start: usize) -> Option<KindWord> {
    let head = &text[..start];
    let mut pos = kind::skip_space_back(head, start);
    // `217, ` and `217 và ` of a list, from the last back
    loop {
        let h = &head[..pos];
        let Some(sep) = h.strip_suffix([',', '&']).or_else(|| h.strip_suffix("và")) else {
            break;
        };
        let before_sep = kind::skip_space_back(head, sep.len());
        let digits = head[..before_sep]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits == 0 || digits > 5 {
            return None;
        }
        pos = kind::skip_space_back(head, before_sep - digits);
    }
    if let Some(h) = head[..pos].strip_suffix([':', '.']) {
        pos = kind::skip_space_back(head, h.len());
    }
    let h = &head[..pos];
    if let Some(rest) = h.strip_suffix("số").or_else(|| h.strip_suffix("Số")) {
        pos = kind::skip_space_back(head, rest.len());
    }
    let k = kind::ending_at(text, pos)?;
    Some(KindWord {
        word: kind::tidy(&text[k.start..k.end]),
        start: k.start,
    })
}

/// Substring searchers built once (building one per call cost more than searching).
static GOI: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("gọi"));
static CLOSE_QUOTE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("”"));
static OPEN_QUOTE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("“"));
static CLOSING: LazyLock<[Finder<'static>; 3]> =
    LazyLock::new(|| [", Ban ", ", Ủy ban ", ", Uỷ ban "].map(Finder::new));

/// True when the text before `start` names what follows as an alias (`gọi tắt là`).
pub fn is_alias_naming(text: &str, start: usize) -> bool {
    let win = window_before(text, start, 60).0;
    GOI.find(win.as_bytes()).is_some() && ALIAS_BEFORE.is_match(win)
}

/// Reads the context after an identifier ending at `end`, not past `limit`.
///
/// Each reader runs only when the first meaningful character can start what it reads: most
/// identifiers are followed by nothing it knows, and a skipped regex costs nothing.
pub fn after(text: &str, end: usize, limit: usize) -> After {
    let win = window_after(text, end, limit, AFTER);
    let mut out = After::default();
    let mut pos = 0;
    let lead = |s: &str| {
        s.trim_start_matches(|c: char| c.is_whitespace() || c == ',')
            .chars()
            .next()
    };
    let date = |s: &str| match lead(s) {
        Some(c) if c.is_ascii_digit() || matches!(c, 'n' | 'N') => Date::parse_prefix(s),
        _ => None,
    };
    if let Some((d, n)) = date(win) {
        out.date = Some(d);
        pos += n;
    }
    if matches!(lead(&win[pos..]), Some('c' | 'C')) {
        if let Some((issuer, n)) = issuer(&win[pos..]) {
            if issuer.contains("kh") || issuer.contains("Kh") {
                out.khoa = KHOA_INSIDE.captures(&issuer).map(|c| c[1].to_string());
            }
            out.issuer = Some(issuer);
            pos += n;
        }
    }
    if matches!(lead(&win[pos..]), Some('(' | 'k' | 'K')) {
        if let Some(c) = KHOA.captures(&win[pos..]) {
            out.khoa.get_or_insert_with(|| c[1].to_string());
            pos += c[0].len();
        }
    }
    if out.date.is_none() {
        if let Some((d, n)) = date(&win[pos..]) {
            out.date = Some(d);
            pos += n;
        }
    }
    out.end = end + pos;
    match lead(&win[pos..]) {
        Some('v' | 'V' | 't' | 'T') => match MARKER.find(&win[pos..]) {
            Some(m) => out.implements_marker_end = Some(out.end + m.end()),
            None => out.subject = subject(&win[pos..]),
        },
        Some('“' | '"') => out.subject = subject(&win[pos..]),
        _ => {}
    }
    out
}

/// Where the issuer phrase begins after `của` (spaces and commas before it, whitespace
/// after), checked by hand: it runs after every identifier.
fn issuer_start(s: &str) -> Option<usize> {
    let rest = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let after = ["của", "Của", "CỦA"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let body = after.trim_start();
    (body.len() < after.len()).then(|| s.len() - body.len())
}

/// `của <issuer>` at the start of `s`: the phrase (without `của`) and the bytes taken.
fn issuer(s: &str) -> Option<(String, usize)> {
    let lead = issuer_start(s)?;
    let rest = window_after(s, lead, s.len(), MAX_ISSUER + 40);
    let cut = ISSUER_STOP.find(rest).map_or(rest.len(), |m| m.start());
    let trimmed = rest[..cut].trim_end();
    // a phrase wrapped over lines (`Ban Thường vụ` / `Tỉnh ủy Hậu Giang`) reads as one
    let mut phrase = if trimmed.contains('\n') {
        trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        trimmed.to_string()
    };
    let mut taken = lead + trimmed.len();
    // A khóa in parentheses right after belongs to the issuer: `(khóa XIII)`.
    let after_phrase = &rest[trimmed.len()..];
    let paren = after_phrase.trim_start_matches([' ', ',']).starts_with('(');
    if let Some(c) = paren.then(|| KHOA.captures(after_phrase)).flatten() {
        if c[0].trim_start_matches([' ', ',']).starts_with('(') {
            let k =
                c[0].trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '(' | ')'));
            phrase = format!("{phrase} ({k})");
            taken += c[0].len();
        }
    }
    (!phrase.is_empty() && phrase.len() <= MAX_ISSUER).then_some((phrase, taken))
}

/// `về <subject>` at the start of `s`, up to the end of its clause.
fn subject(s: &str) -> Option<String> {
    let c = SUBJECT_START.captures(s)?;
    let rest = &s[c.get(0)?.end()..];
    let quoted = !c[1].is_empty();
    let rest = window_after(rest, 0, rest.len(), MAX_SUBJECT);
    let bytes = rest.as_bytes();
    let ascii_stop = if quoted {
        memchr::memchr2(b'"', b'\n', bytes)
    } else {
        memchr::memchr3(b';', b'\n', b'(', bytes)
    };
    // A closing quote ends the subject unless the subject opened that quotation itself
    // (`về Học tập chuyên đề “Tăng cường …”, Ban …` keeps its quotation whole).
    let close = CLOSE_QUOTE.find(bytes);
    let open = OPEN_QUOTE.find(bytes);
    let quote = match (close, open) {
        (Some(c), Some(o)) if !quoted && o < c => None,
        (c, _) => c,
    };
    // The preamble's closing clause names the issuing body: `…, Ban Thường trực … ban hành`.
    let closing = CLOSING.iter().filter_map(|f| f.find(bytes)).min();
    let end = ascii_stop
        .into_iter()
        .chain(quote)
        .chain(closing)
        .min()
        .unwrap_or(rest.len());
    let subject = rest[..end]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | '*'))
        .trim_end_matches("./")
        .trim();
    (!subject.is_empty()).then(|| subject.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words() {
        let cases = [
            ("Thực hiện Kết luận số ", Some("Kết luận")),
            ("theo Chỉ thị ", Some("Chỉ thị")),
            ("Kế hoạch hành động số ", Some("Kế hoạch hành động")),
            ("về thực hiện Quy\n\nđịnh số ", Some("Quy định")),
            ("Quyết định số 217, ", Some("Quyết định")),
            ("Thực hiện kế hoạch ", Some("kế hoạch")),
            ("(sau đây gọi là *Kết luận số ", Some("Kết luận")),
            ("ngày ", None),
        ];
        for (before, expected) in cases {
            let text = format!("{before}21-KL/TW");
            let got = kind_word_before(&text, before.len()).map(|k| k.word);
            assert_eq!(got.as_deref(), expected, "{before:?}");
        }
    }

    #[test]
    fn after_context() {
        struct Case {
            after: &'static str,
            date: Option<&'static str>,
            issuer: Option<&'static str>,
            khoa: Option<&'static str>,
            subject: Option<&'static str>,
            marker: bool,
        }
        let cases = [
            Case {
                after: " ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng (khóa XIII) về đẩy mạnh xây dựng, chỉnh đốn Đảng; kiên quyết",
                date: Some("2021-10-25"),
                issuer: Some("Ban Chấp hành Trung ương Đảng (khóa XIII)"),
                khoa: Some("XIII"),
                subject: Some("đẩy mạnh xây dựng, chỉnh đốn Đảng"),
                marker: false,
            },
            Case {
                after: ", ngày 30/12/2022 của Ban Thường vụ Thành uỷ Sầm Sơn về việc thực hiện Nghị quyết",
                date: Some("2022-12-30"),
                issuer: Some("Ban Thường vụ Thành uỷ Sầm Sơn"),
                khoa: None,
                subject: None,
                marker: true,
            },
            Case {
                after: " của ban Chấp hành Trung ương Đảng (khoá XIII) về tiếp tục đổi mới",
                date: None,
                issuer: Some("ban Chấp hành Trung ương Đảng (khoá XIII)"),
                khoa: Some("XIII"),
                subject: Some("tiếp tục đổi mới"),
                marker: false,
            },
            Case {
                after: " ngày 16/5/2018 của Ban Thường vụ Tỉnh ủy triển khai thực hiện Quyết định",
                date: Some("2018-05-16"),
                issuer: Some("Ban Thường vụ Tỉnh ủy"),
                khoa: None,
                subject: None,
                marker: true,
            },
            Case {
                after: " “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”, gắn",
                date: None,
                issuer: None,
                khoa: None,
                subject: Some("đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
                marker: false,
            },
            Case {
                after: ", ngày 12/12/2019 của Ban Thường vụ Tỉnh ủy Khánh Hòa về Học tập chuyên đề “Tăng cường khối đại đoàn kết”, Ban Thường trực",
                date: Some("2019-12-12"),
                issuer: Some("Ban Thường vụ Tỉnh ủy Khánh Hòa"),
                khoa: None,
                subject: Some("Học tập chuyên đề “Tăng cường khối đại đoàn kết”"),
                marker: false,
            },
            Case {
                after: ", ngày\n\n25/10/2021 về những điều đảng viên không được làm, các quy định",
                date: Some("2021-10-25"),
                issuer: None,
                khoa: None,
                subject: Some("những điều đảng viên không được làm, các quy định"),
                marker: false,
            },
            Case {
                after: " của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục",
                date: None,
                issuer: Some("Ban Chấp hành Trung ương Đảng khóa XIII"),
                khoa: Some("XIII"),
                subject: Some("tiếp tục"),
                marker: false,
            },
        ];
        for c in cases {
            let text = format!("21-KL/TW{}", c.after);
            let a = after(&text, 8, text.len());
            let date = a.date.map(|d| d.to_string());
            assert_eq!(date.as_deref(), c.date, "{}", c.after);
            assert_eq!(a.issuer.as_deref(), c.issuer, "{}", c.after);
            assert_eq!(a.khoa.as_deref(), c.khoa, "{}", c.after);
            assert_eq!(a.subject.as_deref(), c.subject, "{}", c.after);
            assert_eq!(a.implements_marker_end.is_some(), c.marker, "{}", c.after);
        }
    }
}
