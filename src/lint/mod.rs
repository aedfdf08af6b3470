//! The data-quality report an archivist fixes the sources from: identifiers written with
//! `QĐ` for `QĐi` or with their suffix twice, identifiers whose kind, date or issuer the
//! citing documents disagree on, documents without their own number, files converted from a
//! legacy encoding or a broken font map, and files that could not be read — each finding
//! with its documents and spans.

mod agreement;
mod spelling;
pub mod unread;

use serde::Serialize;

use crate::doc::Document;
use crate::graph::Graph;
use crate::index::Failure;

/// Most places a finding lists for one value (the count says how many there are).
pub const MAX_PLACES: usize = 12;
/// Bytes of text shown on each side of a span.
const EXCERPT_BYTES: usize = 90;

/// What is checked, in the order the report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// `890-QĐ/TU` written for the regulation `890-QĐi/TU` (or the two both in the archive).
    QdQdi,
    /// `156-KH/TU-KH/TU`: the suffix written twice.
    DoubledSuffix,
    /// The citing documents call one identifier by different kind words.
    KindDisagrees,
    /// … give it different dates.
    DateDisagrees,
    /// … name different issuers.
    IssuerDisagrees,
    /// A document whose header gives no number of its own.
    NoOwnNumber,
    /// A file typed in TCVN3 or VNI, or a PDF whose font map was broken, converted on reading.
    LegacyEncoding,
    /// A file that could not be read (not text, undecodable, over a limit, a broken format).
    Unread,
}

impl Check {
    /// The check a name (`qd_qdi`, `date_disagrees` …) stands for.
    pub fn parse(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Its name in the API and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Check::QdQdi => "qd_qdi",
            Check::DoubledSuffix => "doubled_suffix",
            Check::KindDisagrees => "kind_disagrees",
            Check::DateDisagrees => "date_disagrees",
            Check::IssuerDisagrees => "issuer_disagrees",
            Check::NoOwnNumber => "no_own_number",
            Check::LegacyEncoding => "legacy_encoding",
            Check::Unread => "unread",
        }
    }

    pub const ALL: [Check; 8] = [
        Check::QdQdi,
        Check::DoubledSuffix,
        Check::KindDisagrees,
        Check::DateDisagrees,
        Check::IssuerDisagrees,
        Check::NoOwnNumber,
        Check::LegacyEncoding,
        Check::Unread,
    ];
}

/// The report over a whole archive.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Findings per check, every check listed (zero included).
    pub counts: Vec<CheckCount>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CheckCount {
    pub check: Check,
    /// What the check finds, in Vietnamese.
    pub label: &'static str,
    pub count: usize,
}

/// One thing to fix, with where it is.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Finding {
    pub check: Check,
    /// The identifier (a graph node's name), the document id or the file concerned.
    pub subject: String,
    /// What is wrong, in Vietnamese.
    pub detail: String,
    /// The variants written, each with how many places write it (disagreements, QĐ/QĐi).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    pub places: Vec<Place>,
}

/// One way an identifier is written or described, and how often.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Variant {
    pub value: String,
    pub count: usize,
}

/// Where a finding is: a document and, when it is in the text, the span and the words around.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Place {
    pub doc: String,
    /// Byte range in the document's composed text; none for the document as a whole (its
    /// header, its encoding).
    #[schema(value_type = Option<Vec<usize>>)]
    pub span: Option<[usize; 2]>,
    /// What this place says: the kind word, date or issuer written, the identifier as
    /// written, or (a `QĐ`/`QĐi` pair) the node the place cites.
    pub said: Option<String>,
    pub excerpt: Option<Excerpt>,
}

/// The words around a span, the span's own apart so a reader can mark it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Excerpt {
    pub before: String,
    pub hit: String,
    pub after: String,
}

impl Place {
    fn span(doc: &str, span: &std::ops::Range<usize>, said: impl Into<String>) -> Place {
        Place {
            doc: doc.to_string(),
            span: Some([span.start, span.end]),
            said: Some(said.into()),
            excerpt: None,
        }
    }

    fn whole(doc: &str, said: Option<String>) -> Place {
        Place {
            doc: doc.to_string(),
            span: None,
            said,
            excerpt: None,
        }
    }
}

/// Reads the archive's documents one at a time (without their text) and makes the report
/// with the graph built from them.
pub struct Collector<'g> {
    graph: &'g Graph,
    documents: usize,
    findings: Vec<Finding>,
    agreement: agreement::Sayings<'g>,
}

impl<'g> Collector<'g> {
    pub fn new(graph: &'g Graph) -> Collector<'g> {
        Collector {
            graph,
            documents: 0,
            findings: Vec::new(),
            agreement: agreement::Sayings::new(graph),
        }
    }

    /// Checks one document and keeps what the cross-document checks need of it.
    pub fn add(&mut self, doc: &Document) {
        self.documents += 1;
        self.findings.extend(spelling::findings(doc));
        self.findings.extend(own_number(doc));
        self.findings.extend(encoding(doc));
        self.agreement.add(doc);
    }

    /// The report, with the files an index run could not read.
    pub fn finish(self, unread: &[Failure]) -> Report {
        let mut findings = self.findings;
        findings.extend(self.agreement.findings());
        findings.extend(spelling::qd_pairs(self.graph));
        findings.extend(unread.iter().map(unread::finding));
        findings.sort_by(|a, b| (a.check, &a.subject).cmp(&(b.check, &b.subject)));
        let counts = Check::ALL
            .iter()
            .map(|&check| CheckCount {
                check,
                label: crate::message::lint::label(check),
                count: findings.iter().filter(|f| f.check == check).count(),
            })
            .collect();
        Report {
            documents: self.documents,
            counts,
            findings,
        }
    }
}

/// A window of a report's findings, for the API and the page.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReportPage {
    pub documents: usize,
    pub counts: Vec<CheckCount>,
    /// Findings of the check asked (all when none), before the window.
    pub total: usize,
    pub offset: usize,
    pub findings: Vec<Finding>,
}

impl Report {
    /// The findings of `check` (all when none) from `offset`, at most `limit` of them.
    pub fn page(&self, check: Option<Check>, offset: usize, limit: usize) -> ReportPage {
        let wanted = |f: &&Finding| check.is_none_or(|c| f.check == c);
        ReportPage {
            documents: self.documents,
            counts: self.counts.clone(),
            total: self.findings.iter().filter(wanted).count(),
            offset,
            findings: self
                .findings
                .iter()
                .filter(wanted)
                .skip(offset)
                .take(limit)
                .cloned()
                .collect(),
        }
    }

    /// Fills the excerpts of the places with a span, reading each of their documents once
    /// with `read` (a document gone since gives none).
    pub fn fill_excerpts(
        &mut self,
        mut read: impl FnMut(&str) -> crate::Result<Option<Document>>,
    ) -> crate::Result<()> {
        let mut by_doc: std::collections::BTreeMap<String, Vec<(usize, usize)>> =
            Default::default();
        for (i, f) in self.findings.iter().enumerate() {
            for (j, p) in f
                .places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.span.is_some())
            {
                by_doc.entry(p.doc.clone()).or_default().push((i, j));
            }
        }
        for (id, places) in by_doc {
            let Some(doc) = read(&id)? else {
                continue;
            };
            for (i, j) in places {
                let place = &mut self.findings[i].places[j];
                if let Some([start, end]) = place.span {
                    place.excerpt = excerpt(&doc.text, start, end);
                }
            }
        }
        Ok(())
    }
}

/// The words around `start..end`, on character boundaries; none when the span is not in
/// the text (a document changed since).
fn excerpt(text: &str, start: usize, end: usize) -> Option<Excerpt> {
    if end > text.len() || start > end || !text.is_char_boundary(start) {
        return None;
    }
    if !text.is_char_boundary(end) {
        return None;
    }
    let (before, _) = crate::cite::window::window_before(text, start, EXCERPT_BYTES);
    let after = crate::cite::window::window_after(text, end, text.len(), EXCERPT_BYTES);
    // lines joined; a space kept where the text had one at either end
    let line = |s: &str| {
        let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead = if s.starts_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        let trail = if s.ends_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        format!("{lead}{words}{trail}").replace("  ", " ")
    };
    Some(Excerpt {
        before: line(before),
        hit: line(&text[start..end]),
        after: line(after),
    })
}

/// A document whose header gives no number of its own.
fn own_number(doc: &Document) -> Option<Finding> {
    if doc.own_id.is_some() {
        return None;
    }
    let label = [doc.kind.as_deref(), doc.title.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Some(Finding {
        check: Check::NoOwnNumber,
        subject: doc.id.clone(),
        detail: crate::message::lint::no_own_number(&label),
        variants: Vec::new(),
        places: vec![Place::whole(&doc.id, None)],
    })
}

/// A document converted from a legacy encoding or a broken font map.
fn encoding(doc: &Document) -> Option<Finding> {
    let name = doc.encoding.as_ref()?;
    Some(Finding {
        check: Check::LegacyEncoding,
        subject: doc.id.clone(),
        detail: crate::message::lint::legacy(name),
        variants: Vec::new(),
        places: vec![Place::whole(&doc.id, Some(name.clone()))],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_named_as_serde_names_it() {
        for c in Check::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.name());
            assert_eq!(Check::parse(c.name()), Some(c));
        }
        assert_eq!(Check::parse("qd"), None);
    }

    #[test]
    fn an_excerpt_keeps_the_span_apart_and_its_lines_joined() {
        let text = "Thực hiện\nKế hoạch số 156-KH/TU-KH/TU ngày 2/3/2021 của Tỉnh ủy";
        let start = text.find("156").unwrap();
        let end = text.find(" ngày").unwrap();
        let e = excerpt(text, start, end).unwrap();
        assert_eq!(e.before, "Thực hiện Kế hoạch số ");
        assert_eq!(e.hit, "156-KH/TU-KH/TU");
        assert_eq!(e.after, " ngày 2/3/2021 của Tỉnh ủy");
        // a span past the text (the document changed) gives none, never a panic
        assert_eq!(excerpt(text, 5, 5_000), None);
        assert_eq!(excerpt("Tỉnh", 2, 3), None);
    }
}
