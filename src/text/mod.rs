//! Vietnamese text: decoding, composition and cleanup, tone placement, folding, analyzers.
//!
//! The composed text (see [`compose`]) is what is stored and shown and what spans point into;
//! tone keys and folding are only ever applied inside analyzers and lookup keys.

mod analyzer;
mod compose;
mod decode;
mod fold;
mod furniture;
pub mod legacy;
mod tokenizer;
mod tone;
mod vowel;

pub use analyzer::{
    fold_analyzer, fold_chain, register, tokens, tone_analyzer, tone_chain, Fold, ToneKey,
    FOLD_ANALYZER, TONE_ANALYZER,
};
pub use compose::{clean, compose};
pub use decode::{decode, DecodeFailure};
pub use fold::{fold, fold_into};
pub use furniture::is_furniture;
pub use tokenizer::{Form, VietnameseTokenizer};
pub use tone::{tone_key, tone_key_word};
