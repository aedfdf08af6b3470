//! tantivy analyzers for Vietnamese: a tone-key filter (diacritics kept) and a folding filter.
//!
//! Both follow tantivy's own filter shape (`TokenFilter` → wrapping `Tokenizer` → a
//! `TokenStream` that rewrites `token.text` in place, reusing one buffer) with an ASCII fast
//! path. Text must be composed (NFC) before it reaches them: tantivy's tokenizers split on
//! combining marks.

use std::mem;

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer, TokenizerManager,
};

use super::tokenizer::{Form, VietnameseTokenizer};
use crate::text::{fold_into, tone_key_word};

/// Analyzer name: words lowercased, tone placement unified, diacritics kept.
pub const TONE_ANALYZER: &str = "vi_tone";
/// Analyzer name: words folded to ASCII (`Đảng` → `dang`).
pub const FOLD_ANALYZER: &str = "vi_fold";

/// Tokens longer than this many bytes are dropped (page furniture, base64, URLs).
const MAX_TOKEN_BYTES: usize = 60;

/// The analyzer behind [`TONE_ANALYZER`]: the fused tokenizer, giving the tokens of
/// [`tone_chain`].
pub fn tone_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(VietnameseTokenizer::new(Form::ToneKey, MAX_TOKEN_BYTES))
}

/// The analyzer behind [`FOLD_ANALYZER`]: the fused tokenizer, giving the tokens of
/// [`fold_chain`].
pub fn fold_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(VietnameseTokenizer::new(Form::Folded, MAX_TOKEN_BYTES))
}

/// The tone analyzer as a chain of tantivy's tokenizer and filters with [`ToneKey`].
pub fn tone_chain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ToneKey)
        .build()
}

/// The folding analyzer as a chain of tantivy's tokenizer and filters with [`Fold`].
pub fn fold_chain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(Fold)
        .build()
}

/// The token texts an analyzer makes of `text`.
pub fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Registers both analyzers under their names.
pub fn register(manager: &TokenizerManager) {
    manager.register(TONE_ANALYZER, tone_analyzer());
    manager.register(FOLD_ANALYZER, fold_analyzer());
}

/// Token filter: moves the tone of `oa`/`oe`/`uy` syllables to one place.
#[derive(Clone, Copy, Debug, Default)]
pub struct ToneKey;

/// Token filter: lowercases and removes diacritics, `đ`→`d`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fold;

/// How a filter rewrites one token's text; `buffer` is scratch space it may reuse.
trait Rewrite: Clone + Send + Sync + 'static {
    fn rewrite(text: &mut String, buffer: &mut String);
}

impl Rewrite for ToneKey {
    fn rewrite(text: &mut String, _buffer: &mut String) {
        if text.is_ascii() {
            return;
        }
        if let Some(key) = tone_key_word(text) {
            *text = key;
        }
    }
}

impl Rewrite for Fold {
    fn rewrite(text: &mut String, buffer: &mut String) {
        if text.is_ascii() {
            text.make_ascii_lowercase();
            return;
        }
        buffer.clear();
        fold_into(text, buffer);
        mem::swap(text, buffer);
    }
}

macro_rules! token_filter {
    ($filter:ty) => {
        impl TokenFilter for $filter {
            type Tokenizer<T: Tokenizer> = Filtered<T, $filter>;

            fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
                Filtered {
                    tokenizer,
                    buffer: String::new(),
                    _rewrite: std::marker::PhantomData,
                }
            }
        }
    };
}
token_filter!(ToneKey);
token_filter!(Fold);

/// A tokenizer wrapped by one of this module's filters.
#[derive(Clone)]
pub struct Filtered<T, R> {
    tokenizer: T,
    buffer: String,
    _rewrite: std::marker::PhantomData<R>,
}

impl<T: Tokenizer, R: Rewrite> Tokenizer for Filtered<T, R> {
    type TokenStream<'a> = FilteredStream<'a, T::TokenStream<'a>, R>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        FilteredStream {
            tail: self.tokenizer.token_stream(text),
            buffer: &mut self.buffer,
            _rewrite: std::marker::PhantomData,
        }
    }
}

/// The token stream of a [`Filtered`] tokenizer.
pub struct FilteredStream<'a, S, R> {
    tail: S,
    buffer: &'a mut String,
    _rewrite: std::marker::PhantomData<R>,
}

impl<S: TokenStream, R: Rewrite> TokenStream for FilteredStream<'_, S, R> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        R::rewrite(&mut self.tail.token_mut().text, self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_analyzer_unifies_styles_and_keeps_diacritics() {
        let cases = [
            ("Khánh Hoà", vec!["khánh", "hòa"]),
            ("Khánh Hòa", vec!["khánh", "hòa"]),
            ("khoá XIII", vec!["khóa", "xiii"]),
            ("Thành uỷ", vec!["thành", "ủy"]),
            ("21-KL/TW", vec!["21", "kl", "tw"]),
        ];
        for (text, expected) in cases {
            assert_eq!(tokens(tone_analyzer(), text), expected, "{text}");
            assert_eq!(tokens(tone_chain(), text), expected, "{text}");
        }
    }

    #[test]
    fn fold_analyzer_removes_diacritics() {
        let cases = [
            ("Đảng ủy Khối", vec!["dang", "uy", "khoi"]),
            ("124-QĐ/TW", vec!["124", "qd", "tw"]),
            ("tự chuyển hoá", vec!["tu", "chuyen", "hoa"]),
        ];
        for (text, expected) in cases {
            assert_eq!(tokens(fold_analyzer(), text), expected, "{text}");
            assert_eq!(tokens(fold_chain(), text), expected, "{text}");
        }
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Đảng ủy";
        let mut analyzer = fold_analyzer();
        let mut stream = analyzer.token_stream(text);
        assert!(stream.advance());
        let t = stream.token();
        assert_eq!(
            (&text[t.offset_from..t.offset_to], t.text.as_str()),
            ("Đảng", "dang")
        );
    }
}
