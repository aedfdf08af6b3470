//! Lines of a composed text with their byte offsets, and the markup-free form of a line.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// One line: its byte range in the text (without the newline) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The line without markdown and list markup around it (`## **KẾ HOẠCH**` → `KẾ HOẠCH`).
    pub fn clean(&self) -> &str {
        clean(self.text)
    }

    pub fn is_blank(&self) -> bool {
        self.clean().is_empty()
    }

    /// The line split into cells at runs of three or more spaces: the columns of a header
    /// laid out side by side (`Số 104 -CTr/TU        Lào Cai, ngày 30 tháng 8 năm 2026`).
    pub fn cells(&self) -> Vec<Line<'a>> {
        static GAP: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"   "));
        if GAP.find(self.text.as_bytes()).is_none() {
            return if self.is_blank() {
                Vec::new()
            } else {
                vec![*self]
            };
        }
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                let run = bytes[i..].iter().take_while(|&&b| b == b' ').count();
                if run >= 3 {
                    out.push(Line {
                        start: self.start + start,
                        text: &self.text[start..i],
                    });
                    start = i + run;
                }
                i += run;
            } else {
                i += 1;
            }
        }
        out.push(Line {
            start: self.start + start,
            text: &self.text[start..],
        });
        out.retain(|c| !c.is_blank());
        out
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
    let mut start = 0;
    text.split('\n').map(move |l| {
        let line = Line { start, text: l };
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
