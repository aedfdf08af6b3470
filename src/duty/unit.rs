//! The dated table of units a group of recipients stands for: the province-level units on a
//! date (63 before 1 July 2025, 34 since), the Party's central boards and committees before
//! and after their 2025 reorganisation, and each province's tile on the schematic map
//! (data/units, with its sources).

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::doc::{Branch, Tier};
use crate::text::fold;

/// A group a recipient phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Every province and centrally-run city.
    Provinces,
    CentralPartyBoards,
    CentralPartyCommittees,
    /// Ministries and government agencies.
    Ministries,
    /// Every district of a province.
    Districts,
    /// Every commune or ward.
    Communes,
    /// A group the table does not list.
    Other,
}

/// Which kind of body each unit of a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Body {
    /// Party committees (`tỉnh ủy, thành ủy`, `đảng ủy`, `ban đảng`).
    Party,
    PeopleCommittee,
    Council,
    Front,
    Government,
    Any,
}

/// One unit a group expands to on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Unit {
    /// As a person names it (`Tỉnh ủy Lào Cai`, `Thành ủy Hà Nội`, `Ban Tổ chức Trung ương`).
    pub name: String,
    /// The province it belongs to (for the map and for matching plans by place).
    pub province: Option<String>,
    pub tier: Tier,
    pub branch: Option<Branch>,
}

/// A province-level unit over the period it existed under its name.
#[derive(Debug, Clone)]
pub struct Province {
    pub name: String,
    pub city: bool,
    from: Date,
    to: Option<Date>,
    /// The unit of today it lies in (itself for the 34).
    pub successor: String,
    /// Row and column on the schematic map (the 34 only).
    pub tile: Option<(u8, u8)>,
}

struct Central {
    group: Group,
    name: String,
    from: Date,
    to: Option<Date>,
}

fn exists(from: Date, to: Option<Date>, on: Date) -> bool {
    from <= on && to.is_none_or(|t| on <= t)
}

/// Data rows of a table: comment and header lines skipped, columns split at tabs.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

fn date(s: &str) -> Option<Date> {
    s.parse().ok()
}

static PROVINCES: LazyLock<Vec<Province>> = LazyLock::new(|| {
    rows(include_str!("../../data/units/provinces.tsv"))
        .map(|c| Province {
            name: c[0].to_string(),
            city: c[1] == "thành phố",
            from: date(c[2]).expect("a from date in provinces.tsv"),
            to: date(c[3]),
            successor: match c[4] {
                "" => c[0].to_string(),
                s => s.to_string(),
            },
            tile: c[5].parse().ok().zip(c[6].parse().ok()),
        })
        .collect()
});

static CENTRAL: LazyLock<Vec<Central>> = LazyLock::new(|| {
    rows(include_str!("../../data/units/central.tsv"))
        .map(|c| Central {
            group: match c[0] {
                "central-party-boards" => Group::CentralPartyBoards,
                _ => Group::CentralPartyCommittees,
            },
            name: c[1].to_string(),
            from: date(c[2]).expect("a from date in central.tsv"),
            to: date(c[3]),
        })
        .collect()
});

/// The province-level units on `on`.
pub fn provinces_on(on: Date) -> impl Iterator<Item = &'static Province> {
    PROVINCES.iter().filter(move |p| exists(p.from, p.to, on))
}

/// The 34 units of today, with their tiles.
pub fn tiles() -> impl Iterator<Item = &'static Province> {
    PROVINCES.iter().filter(|p| p.tile.is_some())
}

/// The unit of today that a province of any date lies in (`Yên Bái` → `Lào Cai`).
pub fn successor(province: &str) -> Option<&'static str> {
    // each province's key made once: a follow-up asks this of every province it expands
    static KEYS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
        let all: &'static Vec<Province> = LazyLock::force(&PROVINCES);
        all.iter()
            .map(|p| (same_place(&p.name), p.successor.as_str()))
            .collect()
    });
    let key = same_place(province);
    KEYS.iter().find(|(k, _)| *k == key).map(|&(_, s)| s)
}

/// A province's name folded, `Thừa Thiên Huế` and `Huế` as one, `TP.` and `thành phố` dropped.
pub fn same_place(name: &str) -> String {
    let f = fold(name).replace('-', " ");
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    let f = f
        .trim_start_matches("thanh pho ")
        .trim_start_matches("tp. ")
        .trim_start_matches("tinh ");
    match f {
        "thua thien hue" => "hue".to_string(),
        "tp ho chi minh" | "thanh pho ho chi minh" => "ho chi minh".to_string(),
        other => other.to_string(),
    }
}

/// The units a group stands for on `on`; empty for a group the table cannot expand
/// (districts, communes, ministries, other groups).
pub fn expand(group: Group, body: Body, on: Date) -> Vec<Unit> {
    match group {
        Group::Provinces => provinces_on(on).map(|p| province_unit(p, body)).collect(),
        Group::CentralPartyBoards | Group::CentralPartyCommittees => CENTRAL
            .iter()
            .filter(|c| c.group == group && exists(c.from, c.to, on))
            .map(|c| Unit {
                name: c.name.clone(),
                province: None,
                tier: Tier::Central,
                branch: Some(Branch::Party),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn province_unit(p: &Province, body: Body) -> Unit {
    let place = if p.city {
        format!("thành phố {}", p.name)
    } else {
        format!("tỉnh {}", p.name)
    };
    let (name, branch) = match body {
        Body::Party if p.city => (format!("Thành ủy {}", p.name), Some(Branch::Party)),
        Body::Party => (format!("Tỉnh ủy {}", p.name), Some(Branch::Party)),
        Body::PeopleCommittee => (format!("Ủy ban nhân dân {place}"), Some(Branch::State)),
        Body::Council => (format!("Hội đồng nhân dân {place}"), Some(Branch::State)),
        Body::Front => (format!("Ủy ban MTTQ Việt Nam {place}"), Some(Branch::Front)),
        Body::Government | Body::Any => (capitalized(&place), None),
    };
    Unit {
        name,
        province: Some(p.name.clone()),
        tier: Tier::Province,
        branch,
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Abbreviations of bodies and offices, spelled out in the names the follow-up shows.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBTWMTTQVN", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    ("UBTWMTTQ", "Ủy ban Trung ương Mặt trận Tổ quốc"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BTT", "Ban Thường trực"),
    ("BTV", "Ban Thường vụ"),
    ("BCH", "Ban Chấp hành"),
    ("VPTW", "Văn phòng Trung ương Đảng"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("VPQH", "Văn phòng Quốc hội"),
    ("PCVP", "Phó Chánh Văn phòng"),
    ("CVP", "Chánh Văn phòng"),
    ("PCT", "Phó Chủ tịch"),
    ("VP", "Văn phòng"),
    ("TW", "Trung ương"),
    ("TG&DVTW", "Tuyên giáo và Dân vận Trung ương"),
    ("XDĐ", "xây dựng Đảng"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("CTMT", "công tác Mặt trận"),
    ("TDP", "tổ dân phố"),
];

/// A body's name with its abbreviations spelled out (`BTT Ủy ban MTTQ Việt Nam tỉnh` →
/// `Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh`), word by word.
pub fn spelled_out(name: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in name.split(' ') {
        let core = w.trim_end_matches([',', ';', '.']);
        let rest = &w[core.len()..];
        // `TT` is Thường trực after `Ban` (`Ban TT Ủy ban MTTQ`), else left as written
        let after_ban = out.last().is_some_and(|p| p == "Ban");
        let full = match ABBREVIATIONS.iter().find(|(a, _)| *a == core) {
            Some((_, full)) => Some(*full),
            None if core == "TT" && after_ban => Some("Thường trực"),
            None => None,
        };
        out.push(full.map_or_else(|| w.to_string(), |f| format!("{f}{rest}")));
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn abbreviations_spelled_out() {
        assert_eq!(
            spelled_out("BTT Ủy ban MTTQ Việt Nam tỉnh"),
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
        );
        assert_eq!(
            spelled_out("Văn phòng HĐND, UBND xã"),
            "Văn phòng Hội đồng nhân dân, Ủy ban nhân dân xã"
        );
        assert_eq!(
            spelled_out("Ban TT UBTWMTTQ Việt Nam"),
            "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
        );
        assert_eq!(
            spelled_out("Lãnh đạo Ban TG&DVTW"),
            "Lãnh đạo Ban Tuyên giáo và Dân vận Trung ương"
        );
        assert_eq!(
            spelled_out("Các ban XDĐ, UBKT, Văn phòng Tỉnh ủy"),
            "Các ban xây dựng Đảng, Ủy ban Kiểm tra, Văn phòng Tỉnh ủy"
        );
        // a word the table does not hold, and `TT` not after `Ban`, stay as written
        assert_eq!(spelled_out("Tổ ĐTN TT"), "Tổ ĐTN TT");
    }

    #[test]
    fn provinces_are_dated() {
        let cases = [
            ("2020-05-01", 63),
            ("2024-12-22", 63),
            ("2025-03-01", 63),
            ("2025-06-30", 63),
            ("2025-07-01", 34),
            ("2026-07-28", 34),
        ];
        for (on, n) in cases {
            assert_eq!(provinces_on(d(on)).count(), n, "{on}");
        }
        assert_eq!(tiles().count(), 34);
        let mut tiles: Vec<_> = tiles().map(|p| p.tile).collect();
        tiles.sort();
        tiles.dedup();
        assert_eq!(tiles.len(), 34, "one tile per unit");
    }

    #[test]
    fn every_old_province_has_a_unit_of_today() {
        let today: Vec<_> = provinces_on(d("2026-01-01")).map(|p| &p.name).collect();
        for p in provinces_on(d("2024-01-01")) {
            assert!(today.contains(&&p.successor), "{}", p.name);
        }
        assert_eq!(successor("Yên Bái"), Some("Lào Cai"));
        assert_eq!(successor("Thừa Thiên Huế"), Some("Huế"));
        assert_eq!(successor("TP. Hồ Chí Minh"), Some("Hồ Chí Minh"));
        // the table's names are the ones documents are read with
        for p in PROVINCES.iter().filter(|p| p.name != "Huế") {
            assert!(
                crate::doc::locality::province(&p.name).is_some(),
                "{}",
                p.name
            );
        }
    }

    #[test]
    fn groups_expand_to_named_units() {
        let party = expand(Group::Provinces, Body::Party, d("2026-07-28"));
        let names: Vec<_> = party.iter().map(|u| u.name.as_str()).collect();
        assert!(names.contains(&"Tỉnh ủy Lào Cai") && names.contains(&"Thành ủy Hà Nội"));
        assert!(!names.contains(&"Tỉnh ủy Yên Bái"));
        let old = expand(Group::Provinces, Body::Front, d("2024-12-22"));
        assert!(old
            .iter()
            .any(|u| u.name == "Ủy ban MTTQ Việt Nam tỉnh Yên Bái"));
        let boards = expand(Group::CentralPartyBoards, Body::Party, d("2026-01-01"));
        assert!(boards
            .iter()
            .any(|u| u.name == "Ban Tuyên giáo và Dân vận Trung ương"));
        assert!(!boards.iter().any(|u| u.name == "Ban Tuyên giáo Trung ương"));
        let before = expand(Group::CentralPartyBoards, Body::Party, d("2024-06-01"));
        assert!(before.iter().any(|u| u.name == "Ban Kinh tế Trung ương"));
        assert!(expand(Group::Districts, Body::Front, d("2024-06-01")).is_empty());
    }
}
