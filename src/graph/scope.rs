//! Scope: whether an identifier is national or local, and for a local one, the locality it
//! belongs to. The table of codes lives here, in one place.
//!
//! National codes: the Party's central bodies (`TW`), the National Assembly (`QH…`,
//! `UBTVQH…`), the Government and Prime Minister (`CP`, `TTg`), ministries and central
//! agencies, the Front's central committee (`MTTW`). Local codes: Party committees of a
//! province, city or district (`TU` = Tỉnh ủy or Thành ủy, `HU`, `QU`, `ĐU`, `ĐUK`, `ĐĐ`),
//! local Front committees (`MTTQ`), people's councils and committees (`HĐND`, `UBND`) and
//! departments (`S…`: `SNV`, `STTTT`). A code in neither list is taken as local: splitting
//! one document into two scoped nodes is recoverable, merging two provinces' documents is not.

use serde::{Deserialize, Serialize};

use crate::cite::{CiteId, Shape};
use crate::doc::locality::{named, Level, Locality, Named};
use crate::text::fold;

const NATIONAL: &[&str] = &[
    "TW", "CP", "TTG", "QH", "UBTVQH", "MTTW", "CTN", "VPCP", "TTCP", "TANDTC", "VKSNDTC", "KTNN",
    "NHNN", "UBDT", "BCA", "BQP", "BTC", "BNV", "BTP", "BYT", "BGDDT", "BLDTBXH", "BTNMT",
    "BNNPTNT", "BNNMT", "BKHDT", "BCT", "BXD", "BGTVT", "BTTTT", "BVHTTDL", "BKHCN", "BNG",
    "BDTTG", "TLD", "TWDTN", "DUQSTW", "DUCA", "BCDTW", "HDDT", "HDTP", "DDQH",
];

const LOCAL: &[&str] = &[
    "TU", "HU", "QU", "TXU", "THU", "DU", "DUK", "DD", "MTTQ", "UBND", "HDND", "BTV", "CB",
];

/// Whether a node is national or belongs to a locality.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    National,
    /// A local identifier of the named locality.
    Local(String),
    /// A local identifier whose locality the text does not tell.
    Unknown,
}

/// True when the identifier's codes name a central body.
pub fn is_national(id: &CiteId) -> bool {
    let codes = || {
        std::iter::once(id.kind.as_str())
            .chain(id.issuer.split('-'))
            .map(|c| fold(c).to_ascii_uppercase())
    };
    let national = |c: &str| {
        NATIONAL.iter().any(|n| {
            c == *n || (c.starts_with(n) && c[n.len()..].bytes().all(|b| b.is_ascii_digit()))
        })
    };
    let local = |c: &str| LOCAL.contains(&c) || (c.starts_with('S') && c.len() >= 3 && c != "STT");
    let issuer_codes: Vec<String> = match id.shape {
        // `2642/SNV-BTĐKT`: the body is the first code; `07/CT-MTTW`: the last ones
        Shape::Party => codes().skip(1).collect(),
        _ => codes().collect(),
    };
    if issuer_codes.iter().any(|c| local(c)) {
        return false;
    }
    issuer_codes.iter().any(|c| national(c))
}

/// The scope of an identifier as one document cites it: national, or the locality its
/// issuer phrase names (`Thành uỷ Sầm Sơn`), or at the level the phrase says (`Tỉnh ủy`,
/// `thành phố`) the citing document's own locality.
pub fn scope(id: &CiteId, issuer: Option<&str>, doc: &Locality) -> Scope {
    scope_named(id, &issuer.map(named).unwrap_or_default(), doc)
}

/// [`scope`] with the localities of the issuer phrase already read (they are cached by
/// phrase when a graph is built).
pub fn scope_named(id: &CiteId, named_in_phrase: &[Named], doc: &Locality) -> Scope {
    if is_national(id) {
        return Scope::National;
    }
    if let Some(name) = named_in_phrase.iter().find_map(|n| n.name.clone()) {
        return Scope::Local(name);
    }
    let level = named_in_phrase
        .first()
        .map(|n| n.level)
        .unwrap_or_else(|| default_level(id));
    let place = match level {
        Level::Province => doc.province.clone(),
        Level::City => doc.city.clone(),
    };
    place.map_or(Scope::Unknown, Scope::Local)
}

/// The level a local code belongs to when the text does not say: district committees
/// (`HU`, `QU`) are city-level, everything else province-level.
fn default_level(id: &CiteId) -> Level {
    let issuer = fold(&id.issuer).to_ascii_uppercase();
    if matches!(issuer.as_str(), "HU" | "QU" | "TXU" | "THU") {
        Level::City
    } else {
        Level::Province
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> CiteId {
        CiteId::parse(s).unwrap()
    }

    #[test]
    fn national_or_local() {
        let cases = [
            ("21-KL/TW", true),
            ("124-QĐ/TW", true),
            ("07/CT-MTTW", true),
            ("537/KH-MTTW-BTT", true),
            ("2020/QĐ-MTTW-BTT", true),
            ("733/QĐ-TTg", true),
            ("130/2020/NĐ-CP", true),
            ("03/2007/QH12", true),
            ("06/2003/PL-UBTVQH11", true),
            ("01/2021/TT-BTC", true),
            ("107-KH/TU", false),
            ("02-KH/ĐĐ", false),
            ("08-KH/ĐUK", false),
            ("37/KH-MTTQ-BTT", false),
            ("2642/SNV-BTĐKT", false),
            ("01/GP-STTTT", false),
            ("15/2020/QĐ-UBND", false),
            ("2449-CV/ĐU", false),
        ];
        for (s, national) in cases {
            assert_eq!(is_national(&id(s)), national, "{s}");
        }
    }

    #[test]
    fn scope_from_phrase_or_document() {
        let doc = Locality {
            province: Some("Thanh Hóa".into()),
            city: Some("Sầm Sơn".into()),
        };
        let cases = [
            (
                "155-KH/TU",
                Some("Ban Thường vụ Thành uỷ Sầm Sơn"),
                Scope::Local("Sầm Sơn".into()),
            ),
            (
                "102-KH/TU",
                Some("Tỉnh uỷ"),
                Scope::Local("Thanh Hóa".into()),
            ),
            (
                "610-KL/TU",
                Some("ban Thường vụ Tỉnh uỷ"),
                Scope::Local("Thanh Hóa".into()),
            ),
            (
                "617/KH-MTTQ-BTT",
                Some("Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh"),
                Scope::Local("Thanh Hóa".into()),
            ),
            (
                "1-KH/TU",
                Some("Ban Thường vụ Thành ủy"),
                Scope::Local("Sầm Sơn".into()),
            ),
            ("5-NQ/HU", None, Scope::Local("Sầm Sơn".into())),
            (
                "9-KH/TU",
                Some("Tỉnh ủy Khánh Hòa"),
                Scope::Local("Khánh Hòa".into()),
            ),
            (
                "28-NQ/TW",
                Some("Ban Chấp hành Trung ương"),
                Scope::National,
            ),
        ];
        for (s, issuer, expected) in cases {
            assert_eq!(scope(&id(s), issuer, &doc), expected, "{s}");
        }
        assert_eq!(
            scope(&id("107-KH/TU"), None, &Locality::default()),
            Scope::Unknown
        );
    }
}
