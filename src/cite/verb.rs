//! The words that state a relation between two documents (`thực hiện`, `sửa đổi, bổ sung`,
//! `thay thế`, `bãi bỏ`, `hướng dẫn thi hành`, `quy định chi tiết`), active or passive
//! (`được sửa đổi, bổ sung tại`), read in the phrase that leads up to a cited identifier.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::relation::Relation;
use crate::text::fold;

/// A relation verb that governs the identifier right after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub rel: Relation,
    /// `(được) sửa đổi tại Y`: the identifier after the verb is the subject.
    pub passive: bool,
    /// Where the verb starts in the phrase.
    pub start: usize,
    /// `báo cáo kết quả thực hiện`: a report on carrying out, which a document's own title
    /// may be (it answers for the target) but which states no edge between two others.
    pub on_results: bool,
}

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?P<passive>(?:đã\s+)?được\s+)?(?:(?P<impl>(?:triển\s+khai\s*,?\s*)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|thi\s+hành)|triển\s+khai)|(?P<amend>sửa\s+đổi(?:\s*,\s*bổ\s+sung)?(?:\s*,\s*cập\s+nhật)?|bổ\s+sung)|(?P<replace>thay\s+thế)|(?P<repeal>bãi\s+bỏ)|(?P<guide>hướng\s+dẫn(?:\s+thi\s+hành)?|quy\s+định\s+chi\s+tiết))";
    Regex::new(&in_three_cases(pattern)).unwrap()
});

/// `pattern` with each syllable matching as written, capitalised and in capitals
/// (`thực` → `(?:thực|Thực|THỰC)`): how documents write these verbs, and much faster to
/// search than a case-insensitive pattern over Vietnamese letters.
fn in_three_cases(pattern: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let mut chars = word.chars();
        let first: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .collect();
        let capital = format!("{first}{}", chars.as_str());
        out.push_str(&format!("(?:{word}|{capital}|{})", word.to_uppercase()));
        word.clear();
    };
    let mut escaped = false;
    let mut in_name = false;
    for c in pattern.chars() {
        // group names (`?P<impl>`) and escapes (`\s`) stay as they are
        if in_name || escaped {
            out.push(c);
            in_name &= c != '>';
            escaped = false;
            continue;
        }
        if c.is_alphabetic() && !(c == 'P' && out.ends_with('?')) {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        out.push(c);
        escaped = c == '\\';
        in_name = c == 'P' && out.ends_with("?P");
    }
    flush(&mut word, &mut out);
    out
}

/// What may stand between an active verb and the identifier's kind word.
static ACTIVE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    let kinds: Vec<String> = super::KIND_WORDS
        .iter()
        .map(|(w, _)| regex::escape(w))
        .collect();
    let parts = [
        r"(?i)^[\s,]*",
        // how: `có hiệu quả`, `toàn bộ`, `các`
        r"(?:có\s+hiệu\s+quả\s+|nghiêm\s+túc\s+|toàn\s+bộ\s+|các\s+)?",
        // which part: `một số điều của`, `Điều 4, Điều 13`, `khoản 2 Điều 5 của`
        r"(?:(?:một\s+số\s+(?:điều|nội\s+dung)(?:\s*,\s*khoản)?|(?:(?:điều|khoản|điểm)\s+[0-9a-zđ]+[\s,]*(?:và\s+)?)+)(?:\s+tại\s+(?:các\s+)?(?:phụ\s+lục|danh\s+mục))?\s*(?:(?:của|tại)\s+)?)?",
        // `Quy định ban hành kèm theo`
        r"(?:(?:quy\s+định|danh\s+mục|phụ\s+lục|chương\s+trình|kế\s+hoạch)\s+(?:ban\s+hành\s+)?kèm\s+theo\s+)?",
        // an earlier member of the list named without a number (`Nghị quyết Đại hội Đảng lần
        // thứ XIV và Kết luận số 18-KL/TW`)
        &format!(
            r"(?:(?:{})\s[^,;.:\n]{{0,80}}?(?:\s+và|,)\s+)?",
            kinds.join("|")
        ),
        // a kind word the context reader did not take (`THÔNG TƯ SỐ`)
        r"(?:(?:\p{L}+\s+){1,4}số\s*)?",
        r"[*_“\x22]*\s*$",
    ];
    Regex::new(&parts.concat()).unwrap()
});

/// What may stand between a passive verb and the identifier: `tại`, `bởi`, `theo`.
static PASSIVE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*(?:một\s+số\s+điều\s+)?(?:tại|bởi|theo)\s+(?:các\s+)?[*_“\x22]*\s*$")
        .unwrap()
});

/// Words before `thực hiện` that make it a report on results, not an act of carrying out
/// (`báo cáo kết quả thực hiện`, `sơ kết ... thực hiện`).
static RESULTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết|đánh\s+giá|kiểm\s+tra|giám\s+sát)(?:\s+(?:\d+\s+năm|việc|\S+)){0,2}\s+$")
        .unwrap()
});

/// Where the relation verbs of a text stand, found by one search over it: the phrases
/// between identifiers are then read by looking up this list, not by a search each (one per
/// pair of identifiers cost more than the rest of the extraction).
pub struct Verbs {
    found: Vec<Found>,
}

/// A verb found in the text, with what it says, read once.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    rel: Relation,
    passive: bool,
}

/// A syllable every relation verb holds, in the cases documents write it: a literal search
/// for these finds the few places where [`VERB`] can match, and [`VERB`] (case-insensitive,
/// so slow over a whole text) reads only around them.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("hiện|Hiện|HIỆN|khai|Khai|KHAI|thi hành|Thi hành|THI HÀNH|đổi|Đổi|ĐỔI|sung|Sung|SUNG|thế|Thế|THẾ|bỏ|Bỏ|BỎ|dẫn|Dẫn|DẪN|tiết|Tiết|TIẾT")
        .unwrap()
});

/// The syllables of the verbs of a document's own acts only (not `thực hiện`).
static ACT_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("đổi|Đổi|ĐỔI|sung|Sung|SUNG|thế|Thế|THẾ|bỏ|Bỏ|BỎ|dẫn|Dẫn|DẪN|tiết|Tiết|TIẾT")
        .unwrap()
});

/// True when `phrase` may hold a relation verb (it holds one of their syllables).
pub fn may_hold(phrase: &str) -> bool {
    ANCHOR.is_match(phrase)
}

/// Ranges sorted by start and merged where they overlap or touch.
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = ranges.to_vec();
    sorted.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// How far around an anchor a verb may reach (`đã được sửa đổi, bổ sung, cập nhật`).
const VERB_REACH: usize = 64;

impl Verbs {
    /// The verbs of `text` in the stretches a question will be asked about: `any` ranges
    /// (phrases between two identifiers, titles) hold verbs of every kind; `acts` ranges
    /// (before an identifier in the body) only need the verbs of a document's own acts
    /// (`thay thế`, `bãi bỏ`, `sửa đổi`, `hướng dẫn`), which are rare, so `thực hiện`
    /// everywhere in a plan costs nothing there.
    pub fn new(text: &str, any: &[Range<usize>], acts: &[Range<usize>]) -> Verbs {
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for (ranges, anchor) in [(any, &*ANCHOR), (acts, &*ACT_ANCHOR)] {
            for r in merged(ranges) {
                let from = text.floor_char_boundary(r.start);
                let to = text.ceil_char_boundary(r.end.min(text.len()));
                for hit in anchor.find_iter(&text[from..to]) {
                    let start = (from + hit.start()).saturating_sub(VERB_REACH);
                    let end = (from + hit.end() + VERB_REACH).min(text.len());
                    windows.push((start, end));
                }
            }
        }
        windows.sort_unstable();
        let mut found = Vec::new();
        // windows merged where they touch, so no verb is cut in two
        for w in merged(&windows.iter().map(|&(a, b)| a..b).collect::<Vec<_>>()) {
            let from = text.floor_char_boundary(w.start);
            let to = text.ceil_char_boundary(w.end);
            // the lazy DFA finds each match; what it says is read from its words (a
            // captures search per match cost a tenth of the extraction)
            found.extend(VERB.find_iter(&text[from..to]).map(|m| {
                let (rel, passive) = kind_of(m.as_str());
                Found {
                    start: from + m.start(),
                    end: from + m.end(),
                    rel,
                    passive,
                }
            }));
        }
        Verbs { found }
    }

    /// The last verb ending within `from..to` (it may begin before `from`: `sửa đổi, bổ
    /// sung` when the phrase starts at `, bổ sung`).
    fn last_in(&self, from: usize, to: usize) -> Option<Found> {
        let k = self.found.partition_point(|f| f.end <= to);
        self.found[..k].last().copied().filter(|f| f.end > from)
    }

    /// The last verb ending within `from..to`, without asking what follows it: for a
    /// quick look at which kind it is.
    pub fn last_kind(&self, from: usize, to: usize) -> Option<(Relation, bool)> {
        self.last_in(from, to).map(|f| (f.rel, f.passive))
    }

    /// The verb that governs what follows `text[from..to]`: the last relation verb in it,
    /// when only filler stands between the verb and `to`. Its `start` is an offset of `text`.
    pub fn governing(&self, text: &str, from: usize, to: usize) -> Option<Verb> {
        let f = self.last_in(from, to)?;
        let filler = if f.passive {
            &*PASSIVE_FILLER
        } else {
            &*ACTIVE_FILLER
        };
        if !filler.is_match(&text[f.end..to]) {
            return None;
        }
        let before = &text[from.min(f.start)..f.start];
        Some(Verb {
            rel: f.rel,
            passive: f.passive,
            start: f.start,
            on_results: f.rel == Relation::Implements && RESULTS.is_match(before),
        })
    }
}

/// The relation a verb's match names, and whether it is passive, from its folded words:
/// the same reading as the pattern's groups (`hướng dẫn thi hành` guides before `thi hành`
/// carries out).
fn kind_of(matched: &str) -> (Relation, bool) {
    let f = fold(matched);
    let passive = f.starts_with("duoc") || f.starts_with("da ");
    let rel = if f.contains("dan") || f.contains("chi tiet") {
        Relation::Guides
    } else if f.contains("sua") || f.contains("sung") {
        Relation::Amends
    } else if f.contains("thay") {
        Relation::Replaces
    } else if f.contains("bai") {
        Relation::Repeals
    } else {
        Relation::Implements
    };
    (rel, passive)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn governing(phrase: &str) -> Option<Verb> {
        let whole = [Range {
            start: 0,
            end: phrase.len(),
        }];
        Verbs::new(phrase, &whole, &[]).governing(phrase, 0, phrase.len())
    }

    #[test]
    fn verbs_that_govern_what_follows() {
        let cases: &[(&str, Option<(Relation, bool)>)] = &[
            (
                "Ban hành Kế hoạch hành động thực hiện ",
                Some((Relation::Implements, false)),
            ),
            (
                "về việc triển khai thực hiện ",
                Some((Relation::Implements, false)),
            ),
            (
                "thực hiện có hiệu quả ",
                Some((Relation::Implements, false)),
            ),
            (
                "sửa đổi, bổ sung một số điều của ",
                Some((Relation::Amends, false)),
            ),
            (
                "quy định chi tiết một số điều của ",
                Some((Relation::Guides, false)),
            ),
            ("hướng dẫn thi hành ", Some((Relation::Guides, false))),
            (" này thay thế ", Some((Relation::Replaces, false))),
            ("Bãi bỏ toàn bộ ", Some((Relation::Repeals, false))),
            (
                "(được sửa đổi, bổ sung tại ",
                Some((Relation::Amends, true)),
            ),
            (
                "đã được sửa đổi, bổ sung theo ",
                Some((Relation::Amends, true)),
            ),
            // what follows is not governed by the verb
            ("tổ chức thực hiện nhiệm vụ theo ", None),
            ("thực hiện, ", Some((Relation::Implements, false))),
            ("về kết quả thực hiện ", None),
            ("báo cáo tình hình thực hiện ", None),
            ("(được sửa đổi, bổ sung) và ", None),
            ("về chủ trương đầu tư ", None),
            (
                "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ ",
                Some((Relation::Amends, false)),
            ),
            (
                "(sửa đổi, bổ sung Điều 4, Điều 13 ",
                Some((Relation::Amends, false)),
            ),
            ("một số điều của Quy định kèm theo ", None),
            (
                ", bổ sung một số nội dung tại các Phụ lục của ",
                Some((Relation::Amends, false)),
            ),
            (
                "ban hành Kế hoạch triển khai thi hành ",
                Some((Relation::Implements, false)),
            ),
        ];
        for (phrase, want) in cases {
            let got = governing(phrase)
                .filter(|v| !v.on_results)
                .map(|v| (v.rel, v.passive));
            assert_eq!(got, *want, "{phrase:?}");
        }
    }
}
