//! Snippets: the stretch of a document with the most matched words, HTML-escaped, matches in
//! `<b>…</b>`. Words are matched through the folding analyzer, whose token offsets point
//! into the stored text, so a folded match (`dang` for `Đảng`) is marked where the reader
//! sees it.

use std::collections::{HashSet, VecDeque};
use std::ops::Range;

use tantivy::tokenizer::TokenStream;

use super::analyzer::fold_analyzer;

/// Length of a snippet, in bytes of text (before escaping).
const WINDOW: usize = 260;
/// How much of a long document is scanned for matches.
const SCAN: usize = 256 << 10;

/// A snippet of `text` marking each run of words that reads as one of `phrases` (folded
/// words) and the byte `spans` given (identifiers).
pub fn snippet(text: &str, phrases: &[Vec<String>], spans: &[Range<usize>]) -> String {
    let marks = marks(text, phrases, spans);
    let window = best_window(text, &marks);
    render(text, window, &marks)
}

fn marks(text: &str, phrases: &[Vec<String>], spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = spans.to_vec();
    let longest = phrases.iter().map(Vec::len).max().unwrap_or(0);
    if longest > 0 {
        let words: HashSet<&str> = phrases.iter().flatten().map(String::as_str).collect();
        let scanned = &text[..text.floor_char_boundary(SCAN)];
        let mut analyzer = fold_analyzer();
        let mut stream = analyzer.token_stream(scanned);
        // the last `longest` tokens, to see a phrase end at the current one
        let mut recent: VecDeque<(String, Range<usize>)> = VecDeque::with_capacity(longest);
        while stream.advance() {
            let t = stream.token();
            if recent.len() == longest {
                recent.pop_front();
            }
            recent.push_back((t.text.clone(), t.offset_from..t.offset_to));
            if !words.contains(t.text.as_str()) {
                continue;
            }
            for p in phrases.iter().filter(|p| p.len() <= recent.len()) {
                let tail = recent.range(recent.len() - p.len()..);
                if tail.clone().map(|(w, _)| w).eq(p.iter()) {
                    out.extend(tail.map(|(_, r)| r.clone()));
                }
            }
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// The window of about [`WINDOW`] bytes holding the most marks (the first one on ties).
fn best_window(text: &str, marks: &[Range<usize>]) -> Range<usize> {
    let mut best = (0, 0usize);
    let mut j = 0;
    for (i, m) in marks.iter().enumerate() {
        while j < marks.len() && marks[j].end <= m.start + WINDOW {
            j += 1;
        }
        if j - i > best.1 {
            best = (i, j - i);
        }
    }
    let start = marks
        .get(best.0)
        .map_or(0, |m| m.start.saturating_sub(WINDOW / 4));
    let start = text[..text.floor_char_boundary(start)]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = text.floor_char_boundary(start + WINDOW);
    let end = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    start..end
}

fn render(text: &str, window: Range<usize>, marks: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(window.len() + 64);
    if window.start > 0 {
        out.push('…');
    }
    let mut at = window.start;
    for m in marks
        .iter()
        .filter(|m| m.start >= window.start && m.end <= window.end)
    {
        escape(&text[at..m.start], &mut out);
        out.push_str("<b>");
        escape(&text[m.clone()], &mut out);
        out.push_str("</b>");
        at = m.end;
    }
    escape(&text[at..window.end], &mut out);
    if window.end < text.len() {
        out.push('…');
    }
    out
}

/// Appends `s` HTML-escaped, with runs of whitespace as one space.
fn escape(s: &str, out: &mut String) {
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        crate::doc::rendering::push_escaped(c, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(words: &[&str]) -> Vec<Vec<String>> {
        vec![words.iter().map(|w| w.to_string()).collect()]
    }

    #[test]
    fn folded_matches_are_marked_in_the_stored_text() {
        let text = "Tỉnh ủy; Ban Thường vụ Đảng ủy Khối ban hành";
        let s = snippet(text, &phrase(&["dang", "uy", "khoi"]), &[]);
        assert_eq!(
            s,
            "Tỉnh ủy; Ban Thường vụ <b>Đảng</b> <b>ủy</b> <b>Khối</b> ban hành"
        );
    }

    #[test]
    fn spans_are_marked_and_text_escaped() {
        let text = "Theo Kết luận số 21-KL/TW <ngày>";
        let at = text.find("21-KL/TW").unwrap();
        let span = at..at + "21-KL/TW".len();
        let s = snippet(text, &[], std::slice::from_ref(&span));
        assert_eq!(s, "Theo Kết luận số <b>21-KL/TW</b> &lt;ngày&gt;");
    }

    #[test]
    fn the_window_goes_where_the_matches_are() {
        let text = format!("{} Sầm Sơn cuối", "chữ ".repeat(200));
        let s = snippet(&text, &phrase(&["sam", "son"]), &[]);
        assert!(
            s.starts_with('…') && s.contains("<b>Sầm</b> <b>Sơn</b> cuối"),
            "{s}"
        );
    }
}
