//! Identifiers written wrong in a text: the suffix written twice (`156-KH/TU-KH/TU`), `QĐ`
//! written for a regulation's `QĐi` (read as one by the extractor when number, issuer and
//! date agree), and a `QĐ` and a `QĐi` identifier of one number, issuer and date both in the
//! archive.

use rustc_hash::FxHashMap;

use super::{Check, Finding, Place, Variant, MAX_PLACES};
use crate::cite::{CiteId, Shape};
use crate::date::Date;
use crate::doc::Document;
use crate::graph::{Graph, NodeIx};
use crate::message::lint;
use crate::text::fold;

/// The findings of one document's citations as written.
pub fn findings(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &doc.citations {
        let written = squeeze(&c.raw);
        let suffix = squeeze(suffix(&c.id));
        if !suffix.is_empty() && written.matches(suffix.as_str()).count() > 1 {
            out.push(Finding {
                check: Check::DoubledSuffix,
                subject: c.id.to_string(),
                detail: lint::doubled(&c.raw, &c.id.to_string()),
                variants: Vec::new(),
                places: vec![Place::span(&doc.id, &c.span, c.raw.clone())],
            });
        }
        if c.id.kind == "QĐi" && c.id.shape == Shape::Party && written.contains("-QD/") {
            out.push(Finding {
                check: Check::QdQdi,
                subject: c.id.to_string(),
                detail: lint::qd_read_as_qdi(&c.raw, &c.id.to_string()),
                variants: Vec::new(),
                places: vec![Place::span(&doc.id, &c.span, c.raw.clone())],
            });
        }
    }
    out
}

/// What follows the number (and year): `KH/TU`, `CT-MTTW`, `NĐ-CP`.
fn suffix(id: &CiteId) -> String {
    match id.shape {
        Shape::Party => format!("{}/{}", id.kind, id.issuer),
        Shape::State | Shape::StateYear if id.issuer.is_empty() => id.kind.clone(),
        Shape::State | Shape::StateYear => format!("{}-{}", id.kind, id.issuer),
    }
}

/// Folded, uppercase, without spaces, every dash a hyphen: how two spellings compare.
fn squeeze(s: impl AsRef<str>) -> String {
    fold(s.as_ref())
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if crate::cite::is_dash(c) { '-' } else { c })
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Pairs of nodes, one `QĐ` and one `QĐi`, with the same number, issuer, scope and year and a
/// date in common: one document cited under both spellings.
pub fn qd_pairs(g: &Graph) -> Vec<Finding> {
    type Key<'a> = (&'a str, &'a str, Option<u16>, String);
    let mut qd: FxHashMap<Key, Vec<NodeIx>> = FxHashMap::default();
    for (n, node) in g.nodes.iter().enumerate() {
        let Some(id) = node.id.as_ref().filter(|id| id.kind == "QĐ") else {
            continue;
        };
        let scope = format!("{:?}", node.scope);
        let number = id.number.trim_start_matches('0');
        qd.entry((number, id.issuer.as_str(), node.year, scope))
            .or_default()
            .push(n);
    }
    let mut out = Vec::new();
    for (n, node) in g.nodes.iter().enumerate() {
        let Some(id) = node.id.as_ref().filter(|id| id.kind == "QĐi") else {
            continue;
        };
        let key = (
            id.number.trim_start_matches('0'),
            id.issuer.as_str(),
            node.year,
            format!("{:?}", node.scope),
        );
        for &m in qd.get(&key).into_iter().flatten() {
            if share_a_date(g, n, m) {
                out.push(pair(g, m, n));
            }
        }
    }
    out
}

fn dates(g: &Graph, n: NodeIx) -> Vec<Date> {
    let node = &g.nodes[n];
    let said = node.statements.iter().filter_map(|s| s.date);
    node.date.into_iter().chain(said).collect()
}

fn share_a_date(g: &Graph, a: NodeIx, b: NodeIx) -> bool {
    let b = dates(g, b);
    dates(g, a).iter().any(|d| b.contains(d))
}

/// The finding for a `QĐ` node `qd` and a `QĐi` node `qdi`: the places citing each.
fn pair(g: &Graph, qd: NodeIx, qdi: NodeIx) -> Finding {
    let places_of = |n: NodeIx| -> (usize, Vec<Place>) {
        let name = &g.nodes[n].name;
        let spans: Vec<Place> = g
            .in_edges(n)
            .filter(|e| !e.stated)
            .flat_map(|e| {
                e.spans
                    .iter()
                    .map(move |s| Place::span(&e.stated_in, s, name))
            })
            .collect();
        let count = spans.len() + g.nodes[n].docs.len();
        let docs = g.nodes[n]
            .docs
            .iter()
            .map(|d| Place::whole(d, Some(name.clone())));
        (count, docs.chain(spans).take(MAX_PLACES).collect())
    };
    let (qd_count, mut places) = places_of(qd);
    let (qdi_count, qdi_places) = places_of(qdi);
    places.extend(qdi_places);
    let (a, b) = (&g.nodes[qd].name, &g.nodes[qdi].name);
    Finding {
        check: Check::QdQdi,
        subject: b.clone(),
        detail: lint::qd_pair(a, b),
        variants: vec![
            Variant {
                value: a.clone(),
                count: qd_count,
            },
            Variant {
                value: b.clone(),
                count: qdi_count,
            },
        ],
        places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::compose;

    fn doc(text: &str) -> Document {
        Document::from_text("d", compose(text))
    }

    #[test]
    fn a_suffix_written_twice_is_found_and_once_is_not() {
        let table = [
            (
                "Thực hiện Kế hoạch số 156-KH/TU-KH/TU ngày 02/3/2021 của Tỉnh ủy",
                1,
            ),
            (
                "Thực hiện Kế hoạch số 156-KH/TU ngày 02/3/2021 của Tỉnh ủy",
                0,
            ),
            ("Căn cứ Chương trình số 07/CT-MTTW ngày 5/5/2021", 0),
            ("Căn cứ Nghị định số 130/2020/NĐ-CP ngày 5/11/2020", 0),
        ];
        for (text, want) in table {
            let found = findings(&doc(text));
            let doubled = found.iter().filter(|f| f.check == Check::DoubledSuffix);
            assert_eq!(doubled.count(), want, "{text}");
        }
    }

    #[test]
    fn qd_written_for_a_regulation_of_the_same_date_is_found() {
        let text = "Thực hiện Quy định số 890-QĐi/TU ngày 10/5/2022 của Tỉnh ủy về …\n\
                    Theo Quy định số 890-QĐ/TU ngày 10/5/2022, các đảng ủy …";
        let d = doc(text);
        let found = findings(&d);
        let qd: Vec<_> = found.iter().filter(|f| f.check == Check::QdQdi).collect();
        assert_eq!(qd.len(), 1, "{found:?}");
        assert_eq!(qd[0].subject, "890-QĐi/TU");
        let [start, end] = qd[0].places[0].span.unwrap();
        assert_eq!(&d.text[start..end], "890-QĐ/TU");
        // the QĐi spelling itself is no finding
        assert!(findings(&doc("Thực hiện Quy định số 890-QĐi/TU ngày 10/5/2022")).is_empty());
    }
}
