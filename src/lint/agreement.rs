//! Whether the documents citing an identifier agree on what it is: the kind word before it,
//! the date and the issuer after it, and the cited document's own header when the archive
//! holds it. Citations are placed on the graph's nodes (scoped, split by year) through the
//! edges their spans stand behind.

use rustc_hash::FxHashMap;

use super::{Check, Finding, Place, Variant, MAX_PLACES};
use crate::cite::{kind_word_of, Citation};
use crate::doc::Document;
use crate::graph::{Graph, NodeIx};
use crate::message::lint;
use crate::text::fold;

/// A value said of a node, and where.
struct Said {
    value: String,
    place: Place,
}

/// What every document says of each node, by field.
#[derive(Default)]
struct Fields {
    kind: Vec<Said>,
    date: Vec<Said>,
    issuer: Vec<Said>,
}

pub struct Sayings<'g> {
    graph: &'g Graph,
    by_node: FxHashMap<NodeIx, Fields>,
}

impl<'g> Sayings<'g> {
    pub fn new(graph: &'g Graph) -> Sayings<'g> {
        Sayings {
            graph,
            by_node: FxHashMap::default(),
        }
    }

    /// What `doc` says of the nodes it cites, and its own header of itself.
    pub fn add(&mut self, doc: &Document) {
        let g = self.graph;
        let Some(me) = g.doc_node(&doc.id) else {
            return;
        };
        if doc.own_id.is_some() && checked(g, me) {
            let header = self.by_node.entry(me).or_default();
            let whole = |v: &str| Said {
                value: v.to_string(),
                place: Place::whole(&doc.id, Some(v.to_string())),
            };
            header.kind.extend(
                doc.kind
                    .as_deref()
                    .and_then(kind_word_of)
                    .map(|k| whole(&k)),
            );
            header.date.extend(doc.date.map(|d| whole(&d.display())));
            header.issuer.extend(
                doc.issuer
                    .as_deref()
                    .filter(|i| body(i).is_some())
                    .map(whole),
            );
        }
        let at: FxHashMap<usize, &Citation> =
            doc.citations.iter().map(|c| (c.span.start, c)).collect();
        for e in g.citations_of(me).into_iter().filter(|e| checked(g, e.to)) {
            for span in &e.spans {
                let Some(c) = at.get(&span.start) else {
                    continue;
                };
                self.say(e.to, &doc.id, c);
            }
        }
    }

    fn say(&mut self, n: NodeIx, doc: &str, c: &Citation) {
        let fields = self.by_node.entry(n).or_default();
        let said = |v: String| Said {
            place: Place::span(doc, &c.span, v.clone()),
            value: v,
        };
        // `theo quy định 15/2026/TT-BCT` says what rules, not what kind the document is
        let capital = |w: &&str| w.starts_with(char::is_uppercase);
        let kind = c
            .kind_word
            .as_deref()
            .filter(capital)
            .and_then(kind_word_of);
        fields.kind.extend(kind.map(said));
        fields.date.extend(c.date.map(|d| said(d.display())));
        fields.issuer.extend(
            c.issuer
                .as_deref()
                .filter(|i| body(i).is_some())
                .map(|i| said(i.into())),
        );
    }

    /// One finding per node and field on which the documents disagree.
    pub fn findings(self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (n, fields) in self.by_node {
            let name = &self.graph.nodes[n].name;
            let checks = [
                (Check::KindDisagrees, fields.kind),
                (Check::DateDisagrees, fields.date),
                (Check::IssuerDisagrees, fields.issuer),
            ];
            for (check, said) in checks {
                out.extend(disagreement(check, name, said));
            }
        }
        out
    }
}

/// Nodes whose citations tell one document: an identifier, placed.
fn checked(g: &Graph, n: NodeIx) -> bool {
    g.nodes[n].id.is_some() && !g.nodes[n].ambiguous
}

/// The finding when what is said falls in more than one group, the rarest first.
fn disagreement(check: Check, subject: &str, said: Vec<Said>) -> Option<Finding> {
    let mut groups: Vec<(String, Vec<Said>)> = Vec::new();
    for s in said {
        let key = match check {
            Check::IssuerDisagrees => body(&s.value).unwrap_or_default().to_string(),
            _ => fold(&s.value),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(s),
            None => groups.push((key, vec![s])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    groups.sort_by_key(|(_, members)| members.len());
    let variants: Vec<Variant> = groups
        .iter()
        .map(|(_, m)| Variant {
            value: m[0].value.clone(),
            count: m.len(),
        })
        .collect();
    let places = groups
        .into_iter()
        .flat_map(|(_, m)| m.into_iter().take(MAX_PLACES).map(|s| s.place))
        .collect();
    Some(Finding {
        check,
        subject: subject.to_string(),
        detail: lint::disagrees(check, subject, &variants),
        variants,
        places,
    })
}

/// The central bodies whose numbered documents others cite most, most specific first: a
/// citing text that names one of them names the issuer, and two of them disagree. Other
/// issuers are left out: the phrase after an identifier is read up to a comma or a subject
/// word, and ministries, provinces and their officers (`Bộ trưởng`, `Chủ tịch UBND tỉnh`) are
/// written in too many ways for a difference to mean an error.
const BODIES: [(&str, &str); 9] = [
    ("bo chinh tri", "Bộ Chính trị"),
    ("ban bi thu", "Ban Bí thư"),
    ("ban chap hanh trung uong", "Ban Chấp hành Trung ương"),
    ("uy ban thuong vu quoc hoi", "Ủy ban Thường vụ Quốc hội"),
    ("quoc hoi", "Quốc hội"),
    ("thu tuong", "Thủ tướng Chính phủ"),
    ("van phong chinh phu", "Văn phòng Chính phủ"),
    ("chinh phu", "Chính phủ"),
    ("chu tich nuoc", "Chủ tịch nước"),
];

/// The central body an issuer phrase names first, if any (`Chính phủ thủ tướng` names the
/// Chính phủ; `Bộ Chính trị, Ban Bí thư` the Bộ Chính trị).
fn body(issuer: &str) -> Option<&'static str> {
    let words: String = fold(issuer)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let folded = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    BODIES
        .iter()
        .filter_map(|(key, name)| {
            folded
                .find(&format!(" {key} "))
                .map(|at| (at, key.len(), *name))
        })
        // the earliest; at one place the longer key (`thu tuong` before `chinh phu` inside it)
        .min_by_key(|&(at, len, _)| (at, std::cmp::Reverse(len)))
        .map(|(_, _, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(values: &[&str]) -> Vec<Said> {
        values
            .iter()
            .enumerate()
            .map(|(k, v)| Said {
                value: v.to_string(),
                place: Place::span(&format!("d{k}"), &(k..k + 1), *v),
            })
            .collect()
    }

    #[test]
    fn values_that_say_the_same_are_one_group() {
        let table: [(Check, &[&str], Option<usize>); 6] = [
            (
                Check::KindDisagrees,
                &["Quy định", "quy định", "Quy định"],
                None,
            ),
            (
                Check::KindDisagrees,
                &["Quy định", "Quyết định", "Quy định"],
                Some(2),
            ),
            (Check::DateDisagrees, &["25/10/2021", "25/10/2021"], None),
            (Check::DateDisagrees, &["25/10/2021", "26/10/2021"], Some(2)),
            (
                Check::IssuerDisagrees,
                &["Ban Bí thư", "Ban Bí thư Trung ương Đảng"],
                None,
            ),
            (
                Check::IssuerDisagrees,
                &["Bộ Chính trị", "Ban Bí thư"],
                Some(2),
            ),
        ];
        for (check, values, want) in table {
            let got = disagreement(check, "x", said(values)).map(|f| f.variants.len());
            assert_eq!(got, want, "{values:?}");
        }
    }

    #[test]
    fn an_issuer_is_the_central_body_it_names() {
        let table = [
            (
                "Ban Chấp hành Trung ương Đảng khóa XIII",
                Some("Ban Chấp hành Trung ương"),
            ),
            (
                "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII",
                Some("Ban Chấp hành Trung ương"),
            ),
            ("Thủ tướng Chính phủ", Some("Thủ tướng Chính phủ")),
            ("Chính phủ tiếp tục được áp dụng", Some("Chính phủ")),
            (
                "Ủy ban Thường vụ Quốc hội",
                Some("Ủy ban Thường vụ Quốc hội"),
            ),
            (
                "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
                Some("Văn phòng Chính phủ"),
            ),
            ("Bộ trưởng Bộ Công Thương", None),
            ("Chính phủ thủ tướng n", Some("Chính phủ")),
            ("Bộ Chính trị, Ban Bí thư", Some("Bộ Chính trị")),
            ("Ủy ban thường Quốc hội", Some("Quốc hội")),
            ("UBND tỉnh Lào Cai", None),
        ];
        for (issuer, want) in table {
            assert_eq!(body(issuer), want, "{issuer}");
        }
    }

    #[test]
    fn the_rarest_value_comes_first() {
        let f = disagreement(
            Check::KindDisagrees,
            "124-QĐ/TW",
            said(&["Quy định", "Quyết định", "Quy định"]),
        )
        .unwrap();
        assert_eq!(f.variants[0].value, "Quyết định");
        assert_eq!(f.variants[0].count, 1);
        assert_eq!(f.places[0].said.as_deref(), Some("Quyết định"));
        assert_eq!(f.places.len(), 3);
    }
}
