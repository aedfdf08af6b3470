//! Localities: the province table, the locality a document belongs to, and the locality a
//! citing phrase names (`của Ban Thường vụ Thành uỷ Sầm Sơn`).

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::text::{fold, tone_key};

/// The 63 province-level units as documents name them (before the 2025 mergers; the merged
/// provinces kept one of these names). Compared folded, so either tone style matches.
pub const PROVINCES: &[&str] = &[
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

/// The province a name denotes, in the table's spelling.
pub fn province(name: &str) -> Option<&'static str> {
    static FOLDED: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
        PROVINCES
            .iter()
            .map(|p| (fold(&p.replace(" - ", " ")), *p))
            .collect()
    });
    let key = fold(&name.replace(" - ", " ").replace('-', " "));
    let key = key.trim();
    FOLDED.iter().find(|(k, _)| k == key).map(|(_, p)| *p)
}

/// Where a document belongs: its province and, for a city or district body, that too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locality {
    pub province: Option<String>,
    pub city: Option<String>,
}

/// A level of local government named in a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Province,
    City,
}

/// A locality named in text: the level the word says (`Tỉnh ủy` / `Thành ủy` ...) and the
/// name, if one follows.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub level: Level,
    pub name: Option<String>,
    /// Where the mention starts in the text searched.
    pub start: usize,
}

static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<word>
            [Tt]ỉnh\s+[uủ][ỷy] | TỈNH\s+[UỦ][ỶY] | [Tt]ỉnh | TỈNH
          | [Tt]hành\s+[uủ][ỷy] | THÀNH\s+[UỦ][ỶY] | [Tt]hành\s+phố | THÀNH\s+PHỐ
          | [Hh]uyện\s+[uủ][ỷy] | [Hh]uyện | HUYỆN | [Tt]hị\s+xã | [Tt]hị\s+[uủ][ỷy] | [Qq]uận
        )
        (?:[\x20]+(?P<name>\p{Lu}[\p{Ll}\p{Lu}]*(?:[\x20]+(?:-[\x20]+)?\p{Lu}[\p{Ll}\p{Lu}]*){0,3}))?",
    )
    .unwrap()
});

/// Every locality named in `text`, in order.
pub fn named(text: &str) -> Vec<Named> {
    NAMED
        .captures_iter(text)
        .map(|c| {
            let word = fold(&c["word"]);
            let name = c.name("name").map(|n| trim_name(n.as_str()));
            let province_word = word.starts_with("tinh");
            // `Thành ủy Hà Nội` / `thành phố Hồ Chí Minh` are province-level cities
            let level = match &name {
                Some(n) if province(n).is_some() => Level::Province,
                _ if province_word => Level::Province,
                _ => Level::City,
            };
            // a province must be in the table; a city must not start like an institution
            // (`tỉnh Chủ trì`, `thành phố Ban hành` are a sentence running on)
            let name = name.filter(|n| match level {
                Level::Province => province(n).is_some(),
                Level::City => !n.is_empty() && !starts_like_institution(n),
            });
            Named {
                level,
                name,
                start: c.get(0).map_or(0, |m| m.start()),
            }
        })
        .collect()
}

/// Words that begin the name of a body or a sentence, not of a place.
fn starts_like_institution(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "ban", "uy", "dang", "chu", "thuong", "hoi", "so", "phong", "van", "trung", "nhan", "mat",
        "cong", "tinh", "thanh", "huyen", "doan", "cac", "nam", "ngay", "thang", "kinh", "bo",
        "to", "chi", "xa", "quan", "phuong",
    ];
    let first = fold(name.split_whitespace().next().unwrap_or_default());
    WORDS.contains(&first.as_str())
}

/// Drops trailing words that are not part of a place name (`Khánh Hòa Ban` → `Khánh Hòa`
/// when the province table knows the shorter name; uppercase headers are title-cased).
fn trim_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    for n in (1..=words.len()).rev() {
        let candidate = words[..n].join(" ");
        if let Some(p) = province(&candidate) {
            return p.to_string();
        }
    }
    let first_two = words.iter().take(2).copied().collect::<Vec<_>>().join(" ");
    title_case(&tone_key(&first_two))
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The locality of a document from its composed text, place line and issuer: the province
/// from the place line, the header or the provinces it names; a city when the place line
/// or the issuing body is one.
pub fn of_document(text: &str, place: Option<&str>, issuer: Option<&str>) -> Locality {
    let mut loc = Locality::default();
    if let Some(place) = place {
        match province(place) {
            Some(p) => loc.province = Some(p.to_string()),
            None => loc.city = Some(title_case(&tone_key(place))),
        }
    }
    // The header, preamble, signature and distribution list name the locality; the body
    // in between mostly repeats it, and scanning it all cost 7% of an index build.
    let head_end = text.floor_char_boundary(HEAD);
    let tail_start = text
        .ceil_char_boundary(text.len().saturating_sub(TAIL))
        .max(head_end);
    let mut mentions = named(&text[..head_end]);
    let city_in_head = mentions
        .iter()
        .take_while(|n| n.start < CITY_HEAD)
        .any(|n| n.level == Level::City && n.name.is_none());
    mentions.extend(named(&text[tail_start..]));
    if loc.province.is_none() {
        loc.province = most_named(&mentions, Level::Province);
    }
    let city_body = issuer.is_some_and(|i| {
        let f = fold(i);
        f.contains("thanh pho")
            || f.contains("thanh uy")
            || f.contains("huyen")
            || f.contains("thi xa")
    }) || city_in_head;
    if loc.city.is_none() && city_body {
        loc.city = most_named(&mentions, Level::City);
    }
    loc
}

fn most_named(mentions: &[Named], level: Level) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for n in mentions.iter().filter(|n| n.level == level) {
        let Some(name) = &n.name else { continue };
        match counts.iter_mut().find(|(c, _)| fold(c) == fold(name)) {
            Some((_, k)) => *k += 1,
            None => counts.push((name.clone(), 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, k)| *k).map(|(n, _)| n)
}

/// How much of the start and of the end of a document is searched for localities.
const HEAD: usize = 8 << 10;
const TAIL: usize = 3 << 10;
/// How far into the text a city-level word standing without a name (`HUYỆN ỦY`, `Thị ủy`)
/// marks the document as a city's or a district's.
const CITY_HEAD: usize = 4000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_in_either_tone_style() {
        for (name, expected) in [
            ("Khánh Hoà", Some("Khánh Hòa")),
            ("THANH HÓA", Some("Thanh Hóa")),
            ("thanh hoa", Some("Thanh Hóa")),
            ("Bà Rịa-Vũng Tàu", Some("Bà Rịa - Vũng Tàu")),
            ("Sầm Sơn", None),
        ] {
            assert_eq!(province(name), expected, "{name}");
        }
    }

    #[test]
    fn named_localities() {
        type Expected<'a> = Vec<(Level, Option<&'a str>)>;
        let cases: [(&str, Expected); 7] = [
            (
                "Ban Thường vụ Thành uỷ Sầm Sơn",
                vec![(Level::City, Some("Sầm Sơn"))],
            ),
            (
                "Ban Thường vụ Tỉnh ủy Khánh Hòa",
                vec![(Level::Province, Some("Khánh Hòa"))],
            ),
            ("Ban Thường vụ Tỉnh ủy", vec![(Level::Province, None)]),
            ("Ủy ban MTTQ Việt Nam tỉnh", vec![(Level::Province, None)]),
            ("TỈNH KHÁNH HÒA", vec![(Level::Province, Some("Khánh Hòa"))]),
            ("Thành ủy Hà Nội", vec![(Level::Province, Some("Hà Nội"))]),
            (
                "Huyện ủy Bảo Thắng Ban",
                vec![(Level::City, Some("Bảo Thắng"))],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<(Level, Option<String>)> =
                named(text).into_iter().map(|n| (n.level, n.name)).collect();
            let expected: Vec<(Level, Option<String>)> = expected
                .into_iter()
                .map(|(l, n)| (l, n.map(String::from)))
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }
}
