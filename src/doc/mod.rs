//! A document: header fields (kind, own id, date, place, issuer, signer, title) and the
//! citations extracted from its composed text.

pub mod bundle;
mod header;
pub mod issuer;
mod layout;
pub mod level;
pub(crate) mod line;
pub mod locality;
pub mod marking;
pub mod rendering;
mod signer;

use serde::{Deserialize, Serialize};

use crate::cite::named::Names;
use crate::cite::{self, Citation, CiteId, StatedRelation};
use crate::date::Date;
use crate::duty::{self, Duties};
pub use level::{Branch, Level, Tier};
pub use locality::Locality;
pub use marking::{Classification, Urgency};

/// One document, read from its composed text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the file name without its extension.
    pub id: String,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub own_id: Option<CiteId>,
    pub date: Option<Date>,
    pub place: Option<String>,
    /// The issuing body as a person names it (`Ban Tổ chức Trung ương`).
    pub issuer: Option<String>,
    /// The header's issuing-body lines as printed (`BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC`).
    #[serde(default)]
    pub issuer_header: Option<String>,
    pub signer: Option<String>,
    /// The issuing body's level (central, province, district, commune) and branch.
    #[serde(default)]
    pub level: Level,
    /// The province (and city) the document belongs to, for scoping local identifiers.
    /// Defaulted when read from an index written before it existed.
    #[serde(default)]
    pub locality: Locality,
    pub citations: Vec<Citation>,
    pub stated_relations: Vec<StatedRelation>,
    /// Documents it names without their numbers, and the names it writes with a number.
    #[serde(default)]
    pub names: Names,
    /// Who it is sent to, what it asks of each unit, and what falls due.
    #[serde(default, skip_serializing_if = "Duties::is_empty")]
    pub duties: Duties,
    /// The legacy encoding the file was converted from (`TCVN3 (8-bit)`, `VNI (mis-decoded)`),
    /// when it was.
    #[serde(default)]
    pub encoding: Option<String>,
    /// True when the text was read from a scan by OCR (it may hold misread letters).
    #[serde(default)]
    pub ocr: bool,
    /// The classification its header is stamped with (`MẬT` …): such a document is
    /// indexed only when the operator allows it, and then marked on every view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Classification>,
    /// The urgency its header is stamped with (`KHẨN`, `HỎA TỐC` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// The composed text every span points into.
    #[serde(skip)]
    pub text: String,
}

impl Document {
    /// Reads a document from composed text (see [`crate::text::compose`]).
    pub fn from_text(id: impl Into<String>, text: String) -> Document {
        let signature = signer::signature(&text);
        let header = header::read(&text, signature.on_behalf.as_deref());
        let layout = layout::layout(&text, &header);
        let extraction = cite::extract(&text, &layout, header.own_id.as_ref());
        let own = header.own_id.as_ref();
        let own = own.map(|id| (id, header.kind.as_deref(), header.title.as_deref()));
        let names = cite::named::read(&text, &layout, &extraction.citations, own);
        // read once, and only when the header does not name the body (issuer_header)
        let stated = match (&header.issuer_header, &header.issuer) {
            (Some(_), Some(_)) => None,
            _ => layout::stated_issuer(&text, &layout),
        };
        // without a header, what the preamble says issues it names more than a signature's
        // `T/M BAN THƯỜNG TRỰC`
        let issuer = match header.issuer_header {
            Some(_) => header.issuer.clone().or_else(|| stated.clone()),
            None => stated.clone().or(header.issuer.clone()),
        };
        let issuer = issuer.map(|i| issuer::with_place(i, header.place.as_deref()));
        // level and locality read the header's own words, which name every level above
        let printed = header.issuer_header.clone().or(stated);
        let locality = locality::of_document(&text, header.place.as_deref(), printed.as_deref());
        let level = level::of(
            printed.as_deref().or(issuer.as_deref()),
            header.own_id.as_ref(),
            header.kind.as_deref(),
        );
        let duties = duty::read(&text, header.date, locality.province.as_deref());
        let marks = marking::read(&text);
        Document {
            id: id.into(),
            duties,
            locality,
            kind: header.kind,
            title: header.title,
            own_id: header.own_id,
            date: header.date,
            place: header.place,
            issuer,
            issuer_header: header.issuer_header,
            level,
            signer: signature.signer,
            citations: extraction.citations,
            stated_relations: extraction.stated_relations,
            names,
            encoding: None,
            ocr: false,
            classification: marks.classification,
            urgency: marks.urgency,
            text,
        }
    }

    /// The locality the document belongs to, for search: its province (or city) when a
    /// local body issued it; none for a central body, whatever city its date line names.
    pub fn belongs_to(&self) -> Option<&str> {
        if self.level.tier == Some(Tier::Central) {
            return None;
        }
        self.locality
            .province
            .as_deref()
            .or(self.locality.city.as_deref())
    }

    /// The distinct identifiers this document implements.
    pub fn implements(&self) -> Vec<&CiteId> {
        self.distinct(|c| c.relation == cite::Relation::Implements)
    }

    /// The distinct identifiers it cites in any way.
    pub fn cited(&self) -> Vec<&CiteId> {
        self.distinct(|_| true)
    }

    fn distinct(&self, keep: impl Fn(&Citation) -> bool) -> Vec<&CiteId> {
        let mut out: Vec<&CiteId> = Vec::new();
        for c in self.citations.iter().filter(|c| keep(c)) {
            if !out.iter().any(|o| o.key() == c.id.key()) {
                out.push(&c.id);
            }
        }
        out
    }
}
