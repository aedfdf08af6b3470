//! Scale and hand-off: the export's documents and graph (read back as the graph served by
//! `serve --graph-from`) and the deploy/ configs matching every exported field. (The bench's
//! growth curve with its peers is the lab's: lab/tests/bench.rs.)

use std::collections::BTreeMap;

use serde_json::Value;
use trichdan::cite::Relation;
use trichdan::engine::Engine;
use trichdan::text::{fold, tone_key};

use crate::support::{root, samples_engine, temp_dir};

/// Each line of an NDJSON file.
fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_export_writes_composed_tone_keyed_and_folded_text_with_keys_and_graph() {
    let (engine, _dir) = samples_engine("export");
    let out = temp_dir("export-out");
    let exported = engine.export(&out).unwrap();
    assert_eq!(exported.documents, 5);
    let docs = lines(&out.join("documents.ndjson"));
    assert_eq!(docs.len(), 5);
    for d in &docs {
        let text = d["text"].as_str().unwrap();
        assert_eq!(d["text_folded"].as_str().unwrap(), fold(text));
        assert_eq!(d["text_tone"].as_str().unwrap(), tone_key(text));
        assert!(!d["text_folded"].as_str().unwrap().contains(['đ', 'ế', 'ộ']));
        assert_eq!(
            d.as_object().unwrap().len(),
            22,
            "every key on every line: {d}"
        );
    }
    let plan = docs
        .iter()
        .find(|d| {
            d["implements"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k == "21-KL/TW")
        })
        .expect("a plan implementing 21-KL/TW");
    assert!(plan["cites"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k == "21-KL/TW"));
    assert_eq!(plan["kind_key"], "ke hoach");
    let edges = lines(&out.join("edges.ndjson"));
    let g = engine.graph();
    assert_eq!(edges.len(), g.edges.len());
    assert!(edges
        .iter()
        .any(|e| e["kind"] == "implements" && e["to"] == "21-KL/TW"));
    assert!(edges
        .iter()
        .all(|e| e["stated_in"].as_str().is_some_and(|s| !s.is_empty())));
}

#[test]
fn a_graph_read_back_from_the_export_answers_as_the_index_s_own() {
    let (engine, _dir) = samples_engine("export-graph");
    let out = temp_dir("export-graph-out");
    engine.export(&out).unwrap();
    let graph = trichdan::export::read_graph(&out).unwrap();
    // served beside another search engine: an empty index, the exported graph
    let served = Engine::with_graph(&temp_dir("graph-only"), graph).unwrap();
    assert_eq!(served.index().num_docs(), 0);
    let json = |e: &Engine| {
        let r = e.related("21-KL/TW", Relation::Implements, 3).unwrap();
        serde_json::to_value(&r).unwrap()
    };
    assert_eq!(json(&served), json(&engine));
    assert!(json(&served)["implementers"].as_array().unwrap().len() >= 2);
    assert_eq!(served.graph().edges.len(), engine.graph().edges.len());
}

#[test]
fn a_broken_export_names_its_file_and_line() {
    let out = temp_dir("export-broken");
    std::fs::write(out.join("nodes.ndjson"), "{\"name\": 1}\n").unwrap();
    std::fs::write(out.join("edges.ndjson"), "").unwrap();
    let e = trichdan::export::read_graph(&out).unwrap_err().to_string();
    assert!(e.contains("nodes.ndjson") && e.contains("dòng 1"), "{e}");
    assert!(e.contains("trichdan export"), "says to export again: {e}");
    // two nodes of one name would merge silently
    let node = r#"{"name":"a","id":null,"scope":null,"year":null,"docs":[],"ambiguous":false,"statements":[],"title":null,"kind":null,"date":null,"issuer":null,"level":{"tier":null,"branch":null}}"#;
    std::fs::write(out.join("nodes.ndjson"), format!("{node}\n{node}\n")).unwrap();
    let e = trichdan::export::read_graph(&out).unwrap_err().to_string();
    assert!(e.contains("trùng tên"), "{e}");
}

/// The JSON types an exported field takes across lines (`null` left out).
fn observed(lines: &[Value]) -> BTreeMap<String, std::collections::BTreeSet<&'static str>> {
    let mut out: BTreeMap<String, std::collections::BTreeSet<&'static str>> = BTreeMap::new();
    for l in lines {
        for (k, v) in l.as_object().unwrap() {
            let t = out.entry(k.clone()).or_default();
            match v {
                Value::Null => {}
                Value::Bool(_) => drop(t.insert("bool")),
                Value::Number(_) => drop(t.insert("integer")),
                Value::String(_) => drop(t.insert("string")),
                Value::Array(a) if a.is_empty() => {}
                Value::Array(a) if a.iter().all(Value::is_string) => drop(t.insert("strings")),
                Value::Array(a) if a.iter().all(Value::is_object) => drop(t.insert("objects")),
                Value::Array(_) => drop(t.insert("mixed")),
                Value::Object(_) => drop(t.insert("object")),
            }
        }
    }
    out
}

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Quickwit field types that take a value of each exported JSON type.
fn quickwit_takes(json: &str, field: &Value) -> bool {
    let t = field["type"].as_str().unwrap_or_default();
    match json {
        "string" => matches!(t, "text" | "datetime"),
        "strings" => t == "array<text>",
        "integer" => matches!(t, "u64" | "i64"),
        "bool" => t == "bool",
        "objects" => t == "array<json>",
        _ => false,
    }
}

/// OpenSearch field types that take a value of each exported JSON type.
fn opensearch_takes(json: &str, field: &Value) -> bool {
    let t = field["type"].as_str().unwrap_or("object");
    match json {
        "string" | "strings" => matches!(t, "text" | "keyword" | "date"),
        "integer" => matches!(t, "integer" | "short" | "long"),
        "bool" => t == "boolean",
        "objects" => t == "object" || t == "nested",
        _ => false,
    }
}

#[test]
fn every_exported_field_is_in_both_engines_configs_with_a_compatible_type() {
    let (engine, _dir) = samples_engine("export-configs");
    let out = temp_dir("export-configs-out");
    engine.export(&out).unwrap();
    for (file, quickwit, opensearch) in [
        (
            "documents.ndjson",
            "deploy/quickwit/documents.json",
            "deploy/opensearch/documents.mapping.json",
        ),
        (
            "edges.ndjson",
            "deploy/quickwit/edges.json",
            "deploy/opensearch/edges.mapping.json",
        ),
    ] {
        let fields = observed(&lines(&out.join(file)));
        let qw = read_json(quickwit);
        let qw_fields: BTreeMap<&str, &Value> = qw["doc_mapping"]["field_mappings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["name"].as_str().unwrap(), f))
            .collect();
        let os = read_json(opensearch);
        let os_fields = os["mappings"]["properties"].as_object().unwrap();
        for (name, types) in &fields {
            let q = qw_fields
                .get(name.as_str())
                .unwrap_or_else(|| panic!("{quickwit}: no {name}"));
            let o = os_fields
                .get(name)
                .unwrap_or_else(|| panic!("{opensearch}: no {name}"));
            for t in types {
                assert!(quickwit_takes(t, q), "{quickwit}: {name} ({t}) is {q}");
                assert!(opensearch_takes(t, o), "{opensearch}: {name} ({t}) is {o}");
            }
        }
        assert_eq!(
            qw_fields.len(),
            fields.len(),
            "{quickwit}: a field the export does not write"
        );
        assert_eq!(
            os_fields.len(),
            fields.len(),
            "{opensearch}: a field the export does not write"
        );
    }
}
