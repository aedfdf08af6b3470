//! A fused Vietnamese tokenizer for indexing: splits like tantivy's `SimpleTokenizer` (runs
//! of alphanumeric characters), drops over-long tokens like `RemoveLongFilter`, and writes
//! each token already lowercased and tone-keyed (or folded) in the same pass.
//!
//! It gives exactly the tokens of the filter chains in `analyzer.rs` (a property test checks
//! this) but classifies characters through the vowel table instead of Unicode tables, which
//! made indexing about twice as fast.

use std::sync::LazyLock;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::text::fold_char;
use crate::text::tone_key_word;
use crate::text::vowel::{vowel, Vowel};

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

/// How a byte starts a character, for [`word_start`] and [`VietnameseTokenStream::read_word`].
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

/// A non-ASCII character as its bytes tell: a letter of the [`SINGLE`] tables (with its
/// index there), another character that is (`Some`) or is not (`None`) part of a word.
enum Wide {
    Two(usize),
    Three(usize),
    Other(Option<char>),
}

/// Reads the non-ASCII character at `i` and its length. Classified by bytes where that is
/// certain: the letters of U+00C0–U+01BF (all but × and ÷) and U+1E00–U+1EFF, and the
/// general punctuation of U+2000–U+206F; other characters are decoded and asked.
#[inline(always)]
fn wide(text: &str, bytes: &[u8], i: usize) -> (Wide, usize) {
    let b = bytes[i];
    match b {
        0xC3 if matches!(bytes[i + 1], 0x97 | 0xB7) => (Wide::Other(None), 2),
        0xC3..=0xC6 => (
            Wide::Two(((b - 0xC3) as usize) << 6 | (bytes[i + 1] & 0x3F) as usize),
            2,
        ),
        0xE1 if matches!(bytes[i + 1], 0xB8..=0xBB) => {
            let index = ((bytes[i + 1] - 0xB8) as usize) << 6 | (bytes[i + 2] & 0x3F) as usize;
            (Wide::Three(index), 3)
        }
        0xE2 if bytes[i + 1] == 0x80 || (bytes[i + 1] == 0x81 && bytes[i + 2] < 0xB0) => {
            (Wide::Other(None), 3)
        }
        _ => {
            let c = text[i..].chars().next().expect("char boundary");
            (Wide::Other(is_word(c).then_some(c)), c.len_utf8())
        }
    }
}

/// The first position at or after `from` where a word character starts.
#[inline]
fn word_start(text: &str, bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        let class = CLASS[bytes[i] as usize];
        if class != MULTIBYTE {
            if class == WORD {
                return Some(i);
            }
            i += 1;
            continue;
        }
        match wide(text, bytes, i) {
            (Wide::Other(None), len) => i += len,
            _ => return Some(i),
        }
    }
    None
}

/// The one character each two-byte letter (U+00C0–U+01BF) and each three-byte letter of
/// U+1E00–U+1EFF becomes, per form, indexed by its last six bits; `'\0'` where it becomes
/// something else than one character (then it is written by [`write_char`]).
struct Single {
    two: [char; 256],
    three: [char; 256],
}

static SINGLE: LazyLock<[Single; 2]> =
    LazyLock::new(|| [single(Form::ToneKey), single(Form::Folded)]);

fn single(form: Form) -> Single {
    let one = |cp: u32| {
        let mut out = String::new();
        if let Some(c) = char::from_u32(cp) {
            write_char(form, c, &mut out);
        }
        let mut chars = out.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => '\0',
        }
    };
    Single {
        two: std::array::from_fn(|i| one(0xC0 + i as u32)),
        three: std::array::from_fn(|i| one(0x1E00 + i as u32)),
    }
}

/// Writes one word character in `form`: lowercase, tone-keyed vowels kept or folded.
fn write_char(form: Form, c: char, out: &mut String) {
    match form {
        Form::Folded => fold_char(c, out),
        Form::ToneKey => match vowel(c) {
            Some(v) => out.push(Vowel { upper: false, ..v }.to_char()),
            None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            None if c == 'Đ' => out.push('đ'),
            None => out.extend(c.to_lowercase()),
        },
    }
}

impl VietnameseTokenStream<'_> {
    /// Writes the word starting at `start` into the token, in one pass over its bytes:
    /// ASCII and the letters of [`SINGLE`] by table, other characters by [`write_char`].
    /// Returns where the word ends.
    fn read_word(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let single = &SINGLE[self.form as usize];
        let out = &mut self.token.text;
        out.clear();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if CLASS[b as usize] != WORD {
                    break;
                }
                out.push(b.to_ascii_lowercase() as char);
                i += 1;
                continue;
            }
            let (w, len) = wide(self.text, bytes, i);
            match w {
                Wide::Two(at) if single.two[at] != '\0' => out.push(single.two[at]),
                Wide::Three(at) if single.three[at] != '\0' => out.push(single.three[at]),
                Wide::Other(None) => break,
                Wide::Other(Some(c)) => write_char(self.form, c, out),
                Wide::Two(_) | Wide::Three(_) => {
                    let c = self.text[i..].chars().next().expect("char boundary");
                    write_char(self.form, c, out);
                }
            }
            i += len;
        }
        i
    }
}

impl TokenStream for VietnameseTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while let Some(start) = word_start(self.text, bytes, self.pos) {
            let end = self.read_word(start);
            self.pos = end;
            // positions count dropped words too, as with tantivy's RemoveLongFilter
            self.token.position = self.token.position.wrapping_add(1);
            if end - start >= self.max_bytes {
                continue;
            }
            // only a word ending in a toned vowel (never ASCII) can need its mark moved
            let toned_end = self
                .token
                .text
                .as_bytes()
                .last()
                .is_some_and(|b| !b.is_ascii());
            if toned_end && self.form == Form::ToneKey {
                if let Some(key) = tone_key_word(&self.token.text) {
                    self.token.text = key;
                }
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
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
