//! Vietnamese text: decoding, composition and cleanup, tone placement, folding. (The tantivy
//! analyzers built on them are in [`crate::index`].)
//!
//! The composed text (see [`compose`]) is what is stored and shown and what spans point into;
//! tone keys and folding are only ever applied inside analyzers and lookup keys.

mod compose;
mod decode;
mod fold;
mod furniture;
pub mod glyph;
pub mod legacy;
mod tone;
pub(crate) mod vowel;

pub use compose::{clean, compose};
pub use decode::{decode, DecodeFailure};
pub(crate) use fold::fold_char;
pub use fold::{fold, fold_into};
pub use furniture::is_furniture;
pub use tone::{tone_key, tone_key_word};
