//! trichdan: search and cross-reference for Vietnamese Party and Fatherland Front documents.
//!
//! Data flows one way: bytes → [`text`] (decoded, composed) → [`doc::Document`] (header and
//! [`cite::Citation`]s with spans into the composed text).
//!
//! ```
//! use trichdan::{cite::{CiteId, Relation}, doc::Document, text::compose};
//!
//! let text = compose("KẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021\n\n\
//!                     Căn cứ Kế hoạch số 107-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện \
//!                     Kết luận số 21-KL/TW, Ban Thường trực ban hành Kế hoạch như sau:");
//! let doc = Document::from_text("example", text);
//! assert_eq!(doc.implements(), [&CiteId::parse("21-kl/tw").unwrap()]);
//! let edge = &doc.stated_relations[0];
//! assert_eq!((edge.from.to_string(), edge.to.to_string()), ("107-KH/TU".into(), "21-KL/TW".into()));
//! assert_eq!(doc.citations[1].relation, Relation::BasedOn);
//! ```

#![recursion_limit = "256"]

pub mod cite;
pub mod console;
pub mod date;
pub mod doc;
pub mod duty;
pub mod engine;
pub mod error;
pub mod export;
pub mod followup;
pub mod format;
pub mod graph;
pub mod index;
pub mod ingest;
pub mod lint;
pub mod message;
pub mod server;
pub mod text;

pub use error::{Error, Result};
