//! The search index: tantivy schema and analyzers, writing, the query language, searching,
//! facets and snippets.

mod analyzer;
mod build;
mod expansion;
mod ids;
mod label;
mod proximity;
mod query;
mod readonly;
mod relevance;
mod schema;
mod search;
mod snippet;
mod store;
mod tokenizer;
mod writer;

pub use analyzer::{
    fold_analyzer, fold_chain, register, tokens, tone_analyzer, tone_chain, Fold, ToneKey,
    FOLD_ANALYZER, TONE_ANALYZER,
};
pub use build::{build_from, BuildSummary, Failure, Mode};
pub use expansion::{Expansion, ABBREVIATIONS};
pub use label::{label, name};
pub use query::{parse as parse_query, Clause, Filter, Named, ParsedQuery, MAX_QUERY_CHARS};
pub use schema::Fields;
pub use search::{
    Facets, Hit, Relaxation, SearchRequest, SearchResult, Sort, MAX_LIMIT, MAX_WINDOW,
};
pub use store::{SearchIndex, BUILD_BUDGET, SMALL_BUDGET};
pub use tokenizer::{Form, VietnameseTokenizer};
pub use writer::{opening, Writer};
