//! The `trichdan` binary: output shape and failure reporting.

use serde_json::Value;

use crate::support::trichdan;

#[test]
fn extract_prints_one_json_object_per_document() {
    let out = trichdan(&[
        "extract",
        "corpus/samples/004_7f24dc1676206cad.txt",
        "corpus/samples/000_a72d46ed5ce96127.txt",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let d = &lines[0];
    for key in [
        "id",
        "kind",
        "title",
        "own_id",
        "date",
        "place",
        "issuer",
        "signer",
        "citations",
        "stated_relations",
    ] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    assert_eq!(d["id"], "004_7f24dc1676206cad");
    assert_eq!(d["own_id"], "37/KH-MTTQ-BTT");
    assert_eq!(d["date"], "2020-02-04");
    let c = &d["citations"][0];
    for key in [
        "id",
        "raw",
        "span",
        "relation",
        "kind_word",
        "date",
        "issuer",
        "khoa",
        "subject",
    ] {
        assert!(c.get(key).is_some(), "citation missing {key}");
    }
    assert_eq!(c["id"], "156-KH/TU");
    assert_eq!(c["raw"], "156-KH/TU-KH/TU");
    assert_eq!(c["relation"], "implements");
    assert_eq!(c["date"], "2019-12-12");
    assert!(c["span"].as_array().unwrap().len() == 2);
    assert_eq!(lines[1]["own_id"], Value::Null);
}

#[test]
fn a_file_that_does_not_decode_is_reported_and_the_rest_still_printed() {
    let dir = crate::support::temp_dir("cli");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Ninh B\xD7nh").unwrap();
    let out = trichdan(&[
        "extract",
        bad.to_str().unwrap(),
        "corpus/samples/003_f48e0f285acd8aa3.txt",
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("byte 6"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn pretty_output_is_indented() {
    let out = trichdan(&[
        "extract",
        "--pretty",
        "corpus/samples/001_c0c8076b9fcf1fb7.txt",
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\n  \"citations\""));
    let _: Value = serde_json::from_str(&s).unwrap();
}

/// `search --sort oldest` lists hits oldest first; an order it does not know is refused.
#[test]
fn search_sorts_by_date_on_the_command_line() {
    let (_, dir) = crate::support::samples_engine("cli-sort");
    let dir = dir.to_str().unwrap();
    let out = trichdan(&[
        "search", "--index", dir, "--json", "--sort", "oldest", "ke", "hoach",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str())
        .collect();
    assert_eq!(dates, ["2020-02-04", "2022-04-21"]);
    let bad = trichdan(&["search", "--index", dir, "--sort", "random", "ke"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("newest"));
}
