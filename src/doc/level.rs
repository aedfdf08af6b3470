//! The level of the issuing body (central, province, district, commune) and its branch
//! (Party, State, Front), read from the issuer's words and the codes of the document's own
//! number.

use serde::{Deserialize, Serialize};

use crate::cite::{CiteId, Shape};
use crate::text::fold;

/// How high in the hierarchy the issuing body stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Central,
    Province,
    District,
    Commune,
}

impl Tier {
    /// The name staff use (the facet's value).
    pub fn name(self) -> &'static str {
        match self {
            Tier::Central => "Trung ương",
            Tier::Province => "Tỉnh",
            Tier::District => "Huyện",
            Tier::Commune => "Xã",
        }
    }
}

/// Which system the issuing body belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Branch {
    Party,
    State,
    Front,
}

impl Branch {
    pub fn name(self) -> &'static str {
        match self {
            Branch::Party => "Đảng",
            Branch::State => "Nhà nước",
            Branch::Front => "Mặt trận",
        }
    }
}

/// The level of a document's issuing body; either part may be unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Level {
    pub tier: Option<Tier>,
    pub branch: Option<Branch>,
}

/// Cities run by the centre: a `Thành phố` or `Thành ủy` of these is a province-level body.
const CENTRAL_CITIES: &[&str] = &[
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// Central bodies, folded, as their names open.
const CENTRAL_BODIES: &[&str] = &[
    "ban chap hanh trung uong",
    "bo chinh tri",
    "ban bi thu",
    "van phong trung uong",
    "chinh phu",
    "thu tuong",
    "quoc hoi",
    "uy ban thuong vu quoc hoi",
    "van phong chinh phu",
    "van phong quoc hoi",
    "toa an nhan dan toi cao",
    "vien kiem sat nhan dan toi cao",
    "kiem toan nha nuoc",
    "ngan hang nha nuoc",
    "chu tich nuoc",
    "bo ",
    "cuc ",
    "tong cuc",
    "uy ban trung uong mat tran",
    "doan chu tich uy ban trung uong",
    // the Party's central committees and delegations since 2025, and their offices
    "dang doan quoc hoi",
    "dang uy quoc hoi",
    "dang uy chinh phu",
    "van phong dang uy chinh phu",
    "dang uy cac co quan dang trung uong",
    "dang uy mat tran to quoc",
];

/// Codes of a number's issuer that only central bodies use.
const CENTRAL_CODES: &[&str] = &[
    "TW", "CP", "TTG", "QH", "UBTVQH", "VPCP", "VPQH", "MTTW", "TANDTC", "VKSNDTC", "NHNN", "KTNN",
    "CTN",
];

/// Kinds only central bodies issue (laws, decrees, circulars).
const CENTRAL_KINDS: &[&str] = &[
    "luat",
    "bo luat",
    "phap lenh",
    "nghi dinh",
    "thong tu",
    "thong tu lien tich",
    "lenh",
];

/// Reads the level from the issuer (as the header gives it), the document's own number and
/// its kind.
pub fn of(issuer: Option<&str>, own: Option<&CiteId>, kind: Option<&str>) -> Level {
    let words = issuer.map(|i| fold(i).split_whitespace().collect::<Vec<_>>().join(" "));
    let words = words.as_deref().unwrap_or_default();
    let central_kind = kind.is_some_and(|k| CENTRAL_KINDS.contains(&fold(k).as_str()));
    let tier = tier(words, own).or(central_kind.then_some(Tier::Central));
    let branch = branch(words, own).or(central_kind.then_some(Branch::State));
    Level { tier, branch }
}

fn tier(words: &str, own: Option<&CiteId>) -> Option<Tier> {
    let padded = format!(" {words} ");
    let has = |w: &str| padded.contains(&format!(" {w} "));
    let city = |prefix: &str| {
        padded.find(&format!(" {prefix} ")).map(|at| {
            let rest = &padded[at + prefix.len() + 2..];
            CENTRAL_CITIES.iter().any(|c| rest.starts_with(c))
        })
    };
    // the most local word wins: `ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH` is a commune's
    if (has("xa") && !has("xa hoi")) || has("phuong") || has("thi tran") || has("dac khu") {
        return Some(Tier::Commune);
    }
    if has("huyen") || has("thi xa") || has("huyen uy") || has("quan uy") || has("thi uy") {
        return Some(Tier::District);
    }
    for prefix in ["thanh pho", "thanh uy"] {
        if let Some(central) = city(prefix) {
            return Some(if central {
                Tier::Province
            } else {
                Tier::District
            });
        }
    }
    if has("tinh") || has("tinh uy") || words.starts_with("so ") {
        return Some(Tier::Province);
    }
    if CENTRAL_BODIES.iter().any(|b| words.starts_with(b)) {
        return Some(Tier::Central);
    }
    // the issuing body's code; a law's number has only one (`43/2024/QH15`)
    let code = own.map(|o| {
        let c = if o.issuer.is_empty() {
            &o.kind
        } else {
            &o.issuer
        };
        c.to_ascii_uppercase()
    })?;
    // a term's number is not part of the body's code (`QH15`, `UBTVQH14`)
    let first = code
        .split('-')
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| c.is_ascii_digit());
    if CENTRAL_CODES.contains(&first) || code.ends_with("TW") || first.starts_with("B") {
        return Some(Tier::Central);
    }
    match first {
        "TU" => Some(Tier::Province),
        "HU" => Some(Tier::District),
        _ => None,
    }
}

fn branch(words: &str, own: Option<&CiteId>) -> Option<Branch> {
    const PARTY: &[&str] = &[
        "dang",
        "tinh uy",
        "thanh uy",
        "huyen uy",
        "quan uy",
        "thi uy",
        "bo chinh tri",
        "ban bi thu",
        "ban chap hanh trung uong",
        "ban tuyen giao",
        "ban to chuc",
        "ban dan van",
        "van phong trung uong",
        "uy ban kiem tra",
    ];
    let padded = format!(" {words} ");
    if words.contains("mat tran") || words.contains("mttq") {
        return Some(Branch::Front);
    }
    let code = own
        .map(|o| o.issuer.to_ascii_uppercase())
        .unwrap_or_default();
    if code.contains("MTTQ") || code.contains("MTTW") {
        return Some(Branch::Front);
    }
    if PARTY.iter().any(|p| padded.contains(&format!(" {p} "))) {
        return Some(Branch::Party);
    }
    if own.is_some_and(|o| o.shape == Shape::Party) {
        return Some(Branch::Party);
    }
    (!words.is_empty() || own.is_some()).then_some(Branch::State)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_of_issuers() {
        type Case<'a> = (&'a str, Option<&'a str>, Option<Tier>, Option<Branch>);
        let cases: &[Case] = &[
            (
                "BAN CHẤP HÀNH TRUNG ƯƠNG",
                Some("10-NQ/TW"),
                Some(Tier::Central),
                Some(Branch::Party),
            ),
            (
                "THỦ TƯỚNG CHÍNH PHỦ",
                Some("844/QĐ-TTg"),
                Some(Tier::Central),
                Some(Branch::State),
            ),
            (
                "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                None,
                Some(Tier::Central),
                Some(Branch::State),
            ),
            (
                "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
                Some("2170/QĐ-UBND"),
                Some(Tier::Province),
                Some(Branch::State),
            ),
            (
                "TỈNH ỦY LÀO CAI",
                Some("104-CTr/TU"),
                Some(Tier::Province),
                Some(Branch::Party),
            ),
            (
                "THÀNH ỦY SẦM SƠN",
                None,
                Some(Tier::District),
                Some(Branch::Party),
            ),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                None,
                Some(Tier::Province),
                Some(Branch::State),
            ),
            (
                "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC",
                None,
                Some(Tier::Commune),
                Some(Branch::Front),
            ),
            (
                "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM",
                Some("07/CT-MTTW"),
                Some(Tier::Central),
                Some(Branch::Front),
            ),
            (
                "SỞ CÔNG THƯƠNG",
                None,
                Some(Tier::Province),
                Some(Branch::State),
            ),
        ];
        for &(issuer, own, tier, branch) in cases {
            let own = own.map(|o| CiteId::parse(o).unwrap());
            let got = of(Some(issuer), own.as_ref(), None);
            assert_eq!((got.tier, got.branch), (tier, branch), "{issuer}");
        }
        assert_eq!(of(None, None, None), Level::default());
        let law = CiteId::parse("43/2024/QH15").unwrap();
        assert_eq!(of(None, Some(&law), None).tier, Some(Tier::Central));
        assert_eq!(of(None, None, Some("Luật")).tier, Some(Tier::Central));
    }
}
