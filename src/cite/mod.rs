//! Identifiers (số ký hiệu): the id type, finding them in text, short forms, context and
//! relations.
//!
//! Extraction follows eyecite's split: [`scan`] finds written-out identifiers, short forms
//! (`Quy định số 124`) and `QĐ`/`QĐi` aliases are resolved within the document, then each
//! occurrence is annotated (kind word, date, issuer, khóa, subject) and related.

mod code;
mod context;
mod extract;
mod id;
mod kind;
pub mod name;
pub mod named;
mod ocr;
mod relation;
mod scan;
mod short;
mod verb;
pub(crate) mod window;

pub use code::canonical_segment;
pub use extract::{extract, Citation, Extraction};
pub use id::{is_dash, CiteId, Shape};
pub use kind::{kind_word_of, word_for_code, KIND_WORDS};
pub use name::{Interpretation, NameCandidate, NamedDocuments, TypedName};
pub use relation::{Layout, Opening, Relation, Section, StatedRelation};
pub use scan::{scan, Form, Found};
