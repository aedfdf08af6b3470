//! Shared helpers: paths to the project's corpus and gold file, and the shared corpus.

use std::path::PathBuf;

use serde_json::Value;
use trichdan::corpus::read_document;
use trichdan::doc::Document;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn gold() -> Value {
    let text = std::fs::read_to_string(root().join("tests/golden/seeds.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

pub fn sample(id: &str) -> Document {
    read_document(&root().join("corpus").join(format!("{id}.txt"))).unwrap()
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}
