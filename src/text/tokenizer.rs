//! A fused Vietnamese tokenizer for indexing: splits like tantivy's `SimpleTokenizer` (runs
//! of alphanumeric characters), drops over-long tokens like `RemoveLongFilter`, and writes
//! each token already lowercased and tone-keyed (or folded) in the same pass.
//!
//! It gives exactly the tokens of the filter chains in `analyzer.rs` (a property test checks
//! this) but classifies characters through the vowel table instead of Unicode tables, which
//! made indexing about twice as fast.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::fold::fold_char;
use super::tone_key_word;
use super::vowel::{vowel, Vowel};

/// What the tokenizer writes for each word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Lowercase, tone placement unified, diacritics kept.
    ToneKey,
    /// Lowercase, no diacritics, `đ` → `d`.
    Folded,
}

/// The fused tokenizer; `max_bytes` is the length (in the source text) from which a word is
/// dropped.
#[derive(Clone, Debug)]
pub struct VietnameseTokenizer {
    form: Form,
    max_bytes: usize,
    token: Token,
}

impl VietnameseTokenizer {
    pub fn new(form: Form, max_bytes: usize) -> Self {
        VietnameseTokenizer {
            form,
            max_bytes,
            token: Token::default(),
        }
    }
}

/// The token stream of [`VietnameseTokenizer`].
pub struct VietnameseTokenStream<'a> {
    text: &'a str,
    pos: usize,
    form: Form,
    max_bytes: usize,
    token: &'a mut Token,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = VietnameseTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietnameseTokenStream<'a> {
        self.token.reset();
        VietnameseTokenStream {
            text,
            pos: 0,
            form: self.form,
            max_bytes: self.max_bytes,
            token: &mut self.token,
        }
    }
}

/// True for the characters a word is made of (what `char::is_alphanumeric` says), answered
/// without Unicode tables for ASCII, Vietnamese letters and general punctuation.
#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if vowel(c).is_some() || matches!(c, 'đ' | 'Đ') {
        return true;
    }
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// How a byte starts a character, for [`scan`].
const NON_WORD: u8 = 0;
const WORD: u8 = 1;
const MULTIBYTE: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [MULTIBYTE; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            WORD
        } else {
            NON_WORD
        };
        b += 1;
    }
    t
};

/// The first position at or after `from` where a word character (`word`) or a non-word
/// character (`!word`) starts, and whether everything skipped was ASCII. Classified by
/// bytes where that is certain: ASCII, the Vietnamese letters of U+00C0–U+01BF (all
/// letters but × and ÷) and U+1E00–U+1EFF, and the general punctuation of U+2000–U+206F;
/// other characters are decoded and asked.
#[inline]
fn scan(text: &str, bytes: &[u8], from: usize, word: bool) -> (Option<usize>, bool) {
    let want = word as u8;
    let mut ascii = true;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class != MULTIBYTE {
            if class == want {
                return (Some(i), ascii);
            }
            i += 1;
            continue;
        }
        ascii = false;
        let (is, len) = match b {
            0xC3 if matches!(bytes[i + 1], 0x97 | 0xB7) => (false, 2),
            0xC3..=0xC6 => (true, 2),
            0xE1 if matches!(bytes[i + 1], 0xB8..=0xBB) => (true, 3),
            0xE2 if bytes[i + 1] == 0x80 || (bytes[i + 1] == 0x81 && bytes[i + 2] < 0xB0) => {
                (false, 3)
            }
            _ => {
                let c = text[i..].chars().next().expect("char boundary");
                (is_word(c), c.len_utf8())
            }
        };
        if is == word {
            return (Some(i), ascii);
        }
        i += len;
    }
    (None, ascii)
}

impl VietnameseTokenStream<'_> {
    /// The byte range of the next word at or after `pos`. ASCII bytes are classified
    /// without decoding; other characters are decoded where they start.
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        let start = scan(self.text, bytes, self.pos, true).0?;
        let (end, ascii) = scan(self.text, bytes, start, false);
        let end = end.unwrap_or(bytes.len());
        self.pos = end;
        Some((start, end, ascii))
    }

    fn write(&mut self, word: &str, ascii: bool) {
        let out = &mut self.token.text;
        out.clear();
        if ascii {
            out.push_str(word);
            out.make_ascii_lowercase();
            return;
        }
        match self.form {
            Form::Folded => word.chars().for_each(|c| fold_char(c, out)),
            Form::ToneKey => {
                for c in word.chars() {
                    match vowel(c) {
                        Some(v) => out.push(Vowel { upper: false, ..v }.to_char()),
                        None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                        None if c == 'Đ' => out.push('đ'),
                        None => out.extend(c.to_lowercase()),
                    }
                }
                if let Some(key) = tone_key_word(out) {
                    *out = key;
                }
            }
        }
    }
}

impl TokenStream for VietnameseTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end, ascii)) = self.next_word() {
            // positions count dropped words too, as with tantivy's RemoveLongFilter
            self.token.position = self.token.position.wrapping_add(1);
            if end - start >= self.max_bytes {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            let word = &self.text[start..end];
            self.write(word, ascii);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
