//! Lines of a composed text with their byte offsets, and the markup-free form of a line.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// One line: its byte range in the text (without the newline), its text and its clean form
/// (read once: header reading asks for it many times).
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
    clean: &'a str,
}

impl<'a> Line<'a> {
    pub fn new(start: usize, text: &'a str) -> Self {
        Line {
            start,
            text,
            clean: clean(text),
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The line without markdown and list markup around it (`## **KẾ HOẠCH**` → `KẾ HOẠCH`).
    pub fn clean(&self) -> &'a str {
        self.clean
    }

    pub fn is_blank(&self) -> bool {
        self.clean().is_empty()
    }

    /// Appends the line's cells to `out`: the line split at runs of three or more spaces,
    /// the columns of a header laid out side by side (`Số 104 -CTr/TU        Lào Cai, ngày 30
    /// tháng 8 năm 2026`); blank cells are left out.
    pub fn push_cells(&self, out: &mut Vec<Line<'a>>) {
        static GAP: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"   "));
        let mut push = |start: usize, end: usize| {
            let cell = Line::new(self.start + start, &self.text[start..end]);
            if !cell.is_blank() {
                out.push(cell);
            }
        };
        let bytes = self.text.as_bytes();
        let mut start = 0;
        let mut from = 0;
        while let Some(gap) = GAP.find(&bytes[from..]).map(|g| from + g) {
            let run = bytes[gap..].iter().take_while(|&&b| b == b' ').count();
            push(start, gap);
            start = gap + run;
            from = start;
        }
        push(start, bytes.len());
    }

    /// A rule such as `---`, `-----------`, `* * *`.
    pub fn is_rule(&self) -> bool {
        let t = self.text.trim();
        t.len() >= 3
            && t.chars()
                .all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ' | '–'))
    }
}

/// Strips markdown headings, emphasis, bullets and surrounding whitespace.
pub fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '_' | '•' | '|' | '>'))
}

/// Every line of `text` with its offset.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    lines_from(text, 0)
}

/// The lines of `text` that start at or after byte `at`, with their offsets; the lines
/// before are not read.
pub fn lines_from(text: &str, at: usize) -> impl Iterator<Item = Line<'_>> {
    let first = match at {
        0 => Some(0),
        _ => memchr::memchr(b'\n', &text.as_bytes()[at - 1..]).map(|i| at + i),
    };
    let mut start = first.unwrap_or(text.len());
    first
        .into_iter()
        .flat_map(|f| text[f..].split('\n'))
        .map(move |l| {
            let line = Line::new(start, l);
            start += l.len() + 1;
            line
        })
}

/// True when every letter of `s` is uppercase and there are at least two.
pub fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_lowercase() {
                return false;
            }
            letters += c.is_ascii_uppercase() as usize;
        } else if c.is_lowercase() {
            return false;
        } else {
            letters += c.is_alphabetic() as usize;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_from_an_offset_are_the_lines_starting_there_or_later() {
        let text = "ab\ncd\n\nef";
        for at in 0..=text.len() + 1 {
            let all: Vec<(usize, &str)> = lines(text)
                .filter(|l| l.start >= at)
                .map(|l| (l.start, l.text))
                .collect();
            let from: Vec<(usize, &str)> = lines_from(text, at.min(text.len()))
                .filter(|l| l.start >= at)
                .map(|l| (l.start, l.text))
                .collect();
            assert_eq!(from, all, "at {at}");
        }
        let starts: Vec<usize> = lines_from(text, 4).map(|l| l.start).collect();
        assert_eq!(starts, [6, 7], "the line holding byte 4 is not read");
    }

    #[test]
    fn cells_split_at_three_spaces_or_more() {
        let cases: [(&str, &[(usize, &str)]); 7] = [
            ("Số 104 -CTr/TU", &[(10, "Số 104 -CTr/TU")]),
            (
                "Số 104 -CTr/TU        Lào Cai, ngày 30",
                &[(10, "Số 104 -CTr/TU"), (34, "Lào Cai, ngày 30")],
            ),
            ("a  b   c", &[(10, "a  b"), (17, "c")]),
            ("   x   ", &[(13, "x")]),
            ("a    ", &[(10, "a")]),
            ("      ", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let mut out = Vec::new();
            Line::new(10, text).push_cells(&mut out);
            let got: Vec<(usize, &str)> = out.iter().map(|c| (c.start, c.text)).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }
}
