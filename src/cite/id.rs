//! The identifier (số ký hiệu) type: its three shapes, canonical display, identity key and a
//! lenient parser for what people type.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::code::canonical_segment;
use crate::error::{Error, IdProblem, Result};
use crate::text::{compose, fold};

/// How the parts of an identifier are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// `21-KL/TW`: number `-` kind `/` issuer (Party bodies).
    Party,
    /// `07/CT-MTTW`: number `/` kind `-` issuer(s) (State and Front bodies).
    State,
    /// `130/2020/NĐ-CP`: number `/` year `/` kind `-` issuer(s); the issuer may be absent
    /// in old codes (`03/2007/QH12`).
    StateYear,
}

/// A document identifier in canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CiteId {
    pub shape: Shape,
    /// The number as written, leading zeros kept (`02-KH/ĐĐ`).
    pub number: String,
    pub year: Option<u16>,
    /// The kind code (`KL`, `QĐi`, `CT`, `NĐ`); for a state `2642/SNV-BTĐKT` the first code.
    pub kind: String,
    /// The issuer code(s) joined by `-` (`TW`, `MTTQ-BTT`); empty only for `StateYear`.
    pub issuer: String,
}

impl CiteId {
    /// Builds an identifier from raw parts, spelling every code segment canonically.
    pub fn new(shape: Shape, number: &str, year: Option<u16>, kind: &str, issuer: &str) -> Self {
        let issuer = if issuer.contains('-') {
            issuer
                .split('-')
                .filter(|s| !s.is_empty())
                .map(canonical_segment)
                .collect::<Vec<_>>()
                .join("-")
        } else if issuer.is_empty() {
            String::new()
        } else {
            canonical_segment(issuer)
        };
        CiteId {
            shape,
            number: number.to_string(),
            year,
            kind: canonical_segment(kind),
            issuer,
        }
    }

    /// Parses what a user typed: case, `Đ`/`D`, spaces and dash style do not matter.
    /// `124-qd/tw`, `124 QĐ/TW`, `124-QD/TW` and `124–QĐ/TW` all give `124-QĐ/TW`.
    pub fn parse(input: &str) -> Result<Self> {
        let s = normalize_typed(input);
        let err = |reason| Error::Identifier {
            input: input.to_string(),
            reason,
        };
        if s.is_empty() {
            return Err(err(IdProblem::Empty));
        }
        if let Some(c) = PARTY.captures(&s) {
            return Ok(CiteId::new(Shape::Party, &c[1], None, &c[2], &c[3]));
        }
        if let Some(c) = STATE_YEAR.captures(&s) {
            let year = c[2].parse().map_err(|_| err(IdProblem::YearNotNumber))?;
            let issuer = c.get(4).map_or("", |m| m.as_str());
            return Ok(CiteId::new(
                Shape::StateYear,
                &c[1],
                Some(year),
                &c[3],
                issuer,
            ));
        }
        if let Some(c) = STATE.captures(&s) {
            return Ok(CiteId::new(Shape::State, &c[1], None, &c[2], &c[3]));
        }
        if !s.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(err(IdProblem::NoNumber));
        }
        Err(err(IdProblem::UnknownOrder))
    }

    /// The identity key: folded, uppercase ASCII, the number without leading zeros
    /// (`124-QD/TW`; `07/2026/TT-BNV` and `7/2026/TT-BNV` alike). Two spellings of one
    /// identifier (`QĐ`/`QD`, any case) have the same key; `QĐi` and `QĐ` do not.
    pub fn key(&self) -> String {
        let number = self.number.trim_start_matches('0');
        let number = if number.is_empty() { "0" } else { number };
        let canonical = CiteId {
            number: number.to_string(),
            ..self.clone()
        };
        fold(&canonical.to_string()).to_ascii_uppercase()
    }

    /// True for `QĐ` and `QĐi`, the two codes writers mix up.
    pub fn is_qd_family(&self) -> bool {
        matches!(self.kind.as_str(), "QĐ" | "QĐi")
    }
}

impl fmt::Display for CiteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape {
            Shape::Party => write!(f, "{}-{}/{}", self.number, self.kind, self.issuer),
            Shape::State => write!(f, "{}/{}-{}", self.number, self.kind, self.issuer),
            Shape::StateYear => {
                let year = self.year.unwrap_or_default();
                write!(f, "{}/{}/{}", self.number, year, self.kind)?;
                if !self.issuer.is_empty() {
                    write!(f, "-{}", self.issuer)?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for CiteId {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CiteId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CiteId::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for CiteId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        CiteId::parse(s)
    }
}

static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,5}(?:\.[0-9]{1,3})?[a-z]?)-(\pL{1,8})/(\pL[\pL0-9]{0,11}(?:-\pL[\pL0-9]{0,11})*)$").unwrap()
});
static STATE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,5}(?:\.[0-9]{1,3})?)/((?:19|20)[0-9]{2})/(\pL[\pL0-9]{0,11})(?:[-/](\pL[\pL0-9-]*))?$")
        .unwrap()
});
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,5}(?:\.[0-9]{1,3})?)/(\pL[\pL0-9]{0,11})-([\pL0-9][\pL0-9-]*)$").unwrap()
});
static SPACED_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*([-/])\s*").unwrap());
static SPACED_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]+)\s+").unwrap());

/// Composes, trims, reads every dash as `-` and removes spaces around `-` and `/`; a space
/// right after the leading number stands for `-` (`124 QĐ/TW`).
fn normalize_typed(input: &str) -> String {
    let s: String = compose(input.trim())
        .chars()
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect();
    let s = SPACED_SEPARATOR.replace_all(&s, "$1");
    SPACED_NUMBER
        .replace(&s, "$1-")
        .trim_matches('-')
        .to_string()
}

/// Characters read as `-` inside identifiers: hyphen-minus, hyphen, en and em dash, minus.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—' | '−')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_parse_to_canonical() {
        let cases = [
            ("21-KL/TW", "21-KL/TW"),
            ("124-qd/tw", "124-QĐ/TW"),
            ("124 QĐ/TW", "124-QĐ/TW"),
            ("124-QD/TW", "124-QĐ/TW"),
            ("124–QĐ/TW", "124-QĐ/TW"),
            ("124 - QĐ / TW", "124-QĐ/TW"),
            ("890-qdi/tu", "890-QĐi/TU"),
            ("08-kh/duk", "08-KH/ĐUK"),
            ("02-kh/dd", "02-KH/ĐĐ"),
            ("130/2020/nd-cp", "130/2020/NĐ-CP"),
            ("733/qd-ttg", "733/QĐ-TTg"),
            ("07/CT-MTTW", "07/CT-MTTW"),
            ("37/kh-mttq-btt", "37/KH-MTTQ-BTT"),
            ("2642/SNV-BTĐKT", "2642/SNV-BTĐKT"),
            ("2020/QĐ-MTTW-BTT", "2020/QĐ-MTTW-BTT"),
            ("03/2007/QH12", "03/2007/QH12"),
            ("06/2003/PL-UBTVQH11", "06/2003/PL-UBTVQH11"),
            ("31-CTr/TW", "31-CTr/TW"),
            ("06-hd/btctw-btgtw", "06-HD/BTCTW-BTGTW"),
            ("66.16/2026/nq-cp", "66.16/2026/NQ-CP"),
            (
                "525/2012/NQLT/UBTVQH13-ĐCTUBTWMTTQVN",
                "525/2012/NQLT-UBTVQH13-ĐCTUBTWMTTQVN",
            ),
            (
                "102/2025/nqlt-ubtvqh15-cp-đctubtwmttqvn",
                "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
            ),
            ("  05-ct/tw ", "05-CT/TW"),
        ];
        for (input, expected) in cases {
            let id = CiteId::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(id.to_string(), expected, "{input}");
        }
    }

    #[test]
    fn rejected_input() {
        for input in [
            "",
            "KL/TW",
            "21",
            "21-KL",
            "25/10/2021",
            "hello",
            "21/KL",
            "/TW",
        ] {
            assert!(CiteId::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn key_ignores_spelling_but_not_qdi() {
        let k = |s| CiteId::parse(s).unwrap().key();
        assert_eq!(k("124-QĐ/TW"), "124-QD/TW");
        assert_eq!(k("124-qd/tw"), k("124-QĐ/TW"));
        assert_ne!(k("890-QĐ/TU"), k("890-QĐi/TU"));
        assert_eq!(k("07/2026/TT-BNV"), k("7/2026/TT-BNV"));
        assert_eq!(k("02-KH/ĐĐ"), "2-KH/DD");
    }

    #[test]
    fn year_shape_keeps_number_that_looks_like_a_year() {
        let id = CiteId::parse("2020/QĐ-MTTW-BTT").unwrap();
        assert_eq!(
            (id.shape, id.number.as_str(), id.year),
            (Shape::State, "2020", None)
        );
    }
}
