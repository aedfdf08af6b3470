//! The hand-checked expectations of tests/golden/seeds.json, checked against `corpus/samples/`.

use std::collections::BTreeSet;

use serde_json::Value;
use trichdan::cite::{Relation, Section};

use crate::support::{gold, sample, strings};

fn set(v: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    v.into_iter().collect()
}

fn each_document(check: impl Fn(&str, &Value, &trichdan::doc::Document)) {
    let gold = gold();
    let docs = gold["documents"].as_object().unwrap();
    assert_eq!(docs.len(), 5);
    for (id, g) in docs {
        check(id, g, &sample(id));
    }
}

#[test]
fn cited_identifiers_are_exactly_the_gold_set() {
    each_document(|id, g, doc| {
        let got = set(doc.cited().iter().map(|c| c.to_string()));
        let must = set(strings(&g["cites"]));
        let may = set(strings(&g["cites_optional"]));
        let missing: Vec<_> = must.difference(&got).collect();
        let extra: Vec<_> = got
            .difference(&must)
            .filter(|c| !may.contains(*c))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{id}: missing {missing:?}, extra {extra:?}"
        );
    });
}

#[test]
fn implements_and_preamble() {
    each_document(|id, g, doc| {
        let implements = set(doc.implements().iter().map(|c| c.to_string()));
        assert_eq!(
            implements,
            set(strings(&g["implements"])),
            "{id} implements"
        );
        let preamble = set(doc
            .citations
            .iter()
            .filter(|c| c.section == Section::Preamble)
            .map(|c| c.id.to_string()));
        assert_eq!(preamble, set(strings(&g["preamble"])), "{id} preamble");
        for not in strings(&g["not_implements"]) {
            assert!(
                !implements.contains(&not),
                "{id}: {not} must not be implements"
            );
        }
    });
}

#[test]
fn header_fields() {
    each_document(|id, g, doc| {
        let own = doc.own_id.as_ref().map(|o| o.to_string());
        assert_eq!(own.as_deref(), g["own_id"].as_str(), "{id} own_id");
        let date = doc.date.map(|d| d.to_string());
        assert_eq!(date.as_deref(), g["date"].as_str(), "{id} date");
        assert_eq!(doc.signer.as_deref(), g["signer"].as_str(), "{id} signer");
        assert_eq!(doc.kind.as_deref(), g["kind"].as_str(), "{id} kind");
        // A null place in the gold means "not required" (an inference), not "must be absent".
        if let Some(place) = g["place"].as_str() {
            assert_eq!(doc.place.as_deref(), Some(place), "{id} place");
        }
    });
}

#[test]
fn aliases_resolve_to_the_canonical_identifier() {
    each_document(|id, g, doc| {
        let Some(aliases) = g.get("aliases").and_then(Value::as_object) else {
            return;
        };
        for (alias, canonical) in aliases {
            let written: Vec<_> = doc
                .citations
                .iter()
                .filter(|c| c.raw.replace(' ', "") == *alias)
                .collect();
            assert!(!written.is_empty(), "{id}: {alias} not found as written");
            for c in written {
                assert_eq!(
                    c.id.to_string(),
                    canonical.as_str().unwrap(),
                    "{id}: {alias}"
                );
            }
        }
    });
}

#[test]
fn short_forms_resolve_in_002() {
    let doc = sample("002_a6aaddd0f406f18e");
    let short: Vec<_> = doc
        .citations
        .iter()
        .filter(|c| c.raw.starts_with("Quy định số 124"))
        .collect();
    assert!(short.len() >= 15, "found {} short forms", short.len());
    assert!(short.iter().all(|c| c.id.to_string() == "124-QĐ/TW"));
    let q99: Vec<_> = doc
        .citations
        .iter()
        .filter(|c| c.raw == "Quyết định số 99")
        .collect();
    assert_eq!(q99.len(), 1);
    assert_eq!(q99[0].id.to_string(), "99-QĐ/TW");
}

#[test]
fn external_relations_are_stated_in_their_documents() {
    let gold = gold();
    for e in gold["external_relations"].as_array().unwrap() {
        let doc = sample(e["stated_in"].as_str().unwrap());
        let found = doc.stated_relations.iter().any(|r| {
            r.from.to_string() == e["from"].as_str().unwrap()
                && r.to.to_string() == e["to"].as_str().unwrap()
                && r.rel == Relation::Implements
        });
        assert!(found, "{e} not stated; got {:?}", doc.stated_relations);
    }
}

#[test]
fn implementers_and_citers_over_the_samples() {
    let gold = gold();
    let ids: Vec<String> = gold["documents"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let docs: Vec<_> = ids.iter().map(|id| sample(id)).collect();
    for (field, pick) in [("implementers", true), ("citers", false)] {
        for (target, expected) in gold[field].as_object().unwrap() {
            let got = set(docs
                .iter()
                .filter(|d| {
                    let list = if pick { d.implements() } else { d.cited() };
                    list.iter().any(|c| c.to_string() == *target)
                })
                .map(|d| d.id.clone()));
            assert_eq!(got, set(strings(expected)), "{field} of {target}");
        }
    }
}

#[test]
fn spans_point_at_what_is_written() {
    each_document(|id, _, doc| {
        for c in &doc.citations {
            assert_eq!(&doc.text[c.span.clone()], c.raw, "{id}");
        }
    });
}
