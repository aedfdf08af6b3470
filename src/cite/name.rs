//! Names typed for a document: a kind word or its abbreviation and a number (`nghị quyết
//! 57`, `NQ57`, `quy định số 124`, `nghị định 135/2026`), with an optional year, khóa,
//! issuer and other words. Read from a group of typed words, as a reference to the
//! identifiers that fit it (the graph ranks them, see `graph::name`).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::date::Date;
use crate::text::fold;

/// Kind words as typed (folded), longest first, with the kind codes a typed name may mean
/// (`cite::KIND_WORDS` reads kind words as documents write them). `QH` stands for the codes of
/// the National Assembly's laws and resolutions (`QH15`).
const TYPED_KINDS: &[(&str, &[&str])] = &[
    ("nghi quyet lien tich", &["NQLT"]),
    ("thong tu lien tich", &["TTLT"]),
    ("chuong trinh hanh dong", &["CTr", "CT"]),
    ("van ban hop nhat", &["VBHN"]),
    ("nghi quyet", &["NQ", "QH"]),
    ("ket luan", &["KL"]),
    ("quy dinh", &["QĐi", "QĐ"]),
    ("quyet dinh", &["QĐ", "QĐi"]),
    ("chi thi", &["CT"]),
    ("chuong trinh", &["CTr", "CT"]),
    ("ke hoach", &["KH"]),
    ("huong dan", &["HD"]),
    ("thong bao", &["TB"]),
    ("thong cao", &["TC"]),
    ("thong tri", &["TT"]),
    // a State letter's number carries its issuer's codes, not `CV` (`5348/CT-CS`)
    ("cong van", &["*"]),
    ("nghi dinh", &["NĐ"]),
    ("thong tu", &["TT"]),
    ("phap lenh", &["PL"]),
    ("bao cao", &["BC"]),
    ("to trinh", &["TTr"]),
    ("de an", &["ĐA"]),
    ("quy che", &["QC"]),
    ("cong dien", &["CĐ"]),
    ("luat", &["QH"]),
];

/// Abbreviations staff type for a kind (folded), with the kind word they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("nqlt", "nghi quyet lien tich"),
    ("ttlt", "thong tu lien tich"),
    ("vbhn", "van ban hop nhat"),
    ("ctr", "chuong trinh hanh dong"),
    ("qdi", "quy dinh"),
    ("nq", "nghi quyet"),
    ("kl", "ket luan"),
    ("ct", "chi thi"),
    ("qd", "quyet dinh"),
    ("kh", "ke hoach"),
    ("hd", "huong dan"),
    ("tb", "thong bao"),
    ("cv", "cong van"),
    ("nd", "nghi dinh"),
    ("tt", "thong tu"),
];

/// The Party congresses' terms (khóa) by their first year: a khóa spans five years.
const TERMS: &[(&str, u16)] = &[
    ("viii", 1996),
    ("ix", 2001),
    ("x", 2006),
    ("xi", 2011),
    ("xii", 2016),
    ("xiii", 2021),
    ("xiv", 2026),
    ("xv", 2031),
];

/// A number as typed after a kind word: `57`, `05`, `135/2026`, `102/2025`.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,5}(?:\.[0-9]{1,3})?[a-z]?)(?:/((?:19|20)[0-9]{2}))?$").unwrap()
});
/// An abbreviation glued to its number: `nq57`, `kl221`, `nd135/2026`.
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-z]{2,4})([0-9]{1,5})(?:/((?:19|20)[0-9]{2}))?$").unwrap());

/// A kind and a number typed as the name of a document, with what else was typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedName {
    /// The words that make the name, as typed (`Nghị quyết 57`, `NQ57`).
    pub typed: String,
    /// The kind word, folded (`nghi quyet`), also when an abbreviation was typed.
    pub kind_word: &'static str,
    /// True when an abbreviation was typed (`QĐ` names a Quy định as well as a Quyết định).
    pub abbreviated: bool,
    /// The kind codes it may stand for (`NQ`, or `QĐi` and `QĐ`).
    pub codes: &'static [&'static str],
    /// The number without leading zeros.
    pub number: String,
    /// A year typed with the number (`135/2026`, `năm 2024`, `2024`).
    pub year: Option<u16>,
    /// The years of a khóa typed (`khóa XIV`: 2026–2031).
    pub term: Option<(u16, u16)>,
    /// The folded words typed after the name (an issuer, a subject), in order.
    pub after: Vec<String>,
    /// The folded words typed before the name.
    pub before: Vec<String>,
}

impl TypedName {
    /// True when the kind code `kind` (`NQ`, `QH15`) is one this name may stand for.
    pub fn fits_code(&self, kind: &str) -> bool {
        let kind = fold(kind).to_ascii_uppercase();
        self.codes.iter().any(|c| {
            let c = fold(c).to_ascii_uppercase();
            c == "*" || kind == c || (c == "QH" && kind.starts_with("QH"))
        })
    }

    /// True when the words before the name ask for what carries it out (`kế hoạch thực hiện
    /// nghị quyết 57`, `trien khai ket luan 21`).
    pub fn asks_for_implementers(&self) -> bool {
        let before = self.before.join(" ");
        ["thuc hien", "trien khai", "quan triet", "cu the hoa"]
            .iter()
            .any(|w| before.ends_with(w))
    }

    /// True when a year fits what was typed: the year itself, or within the khóa.
    /// Unknown years neither fit nor contradict (None).
    pub fn fits_year(&self, year: Option<u16>) -> Option<bool> {
        let year = year?;
        match (self.year, self.term) {
            (Some(y), _) => Some(y == year),
            (None, Some((from, to))) => Some((from..=to).contains(&year)),
            (None, None) => None,
        }
    }
}

/// Reads the first name in a group of typed words, if any (see [`read_all`]).
pub fn read(text: &str) -> Option<TypedName> {
    read_all(text).into_iter().next()
}

/// Every name in a group of typed words, in order: a kind word or abbreviation, an
/// optional `số`, and a number right after it; or an abbreviation glued to its number. A
/// kind word without a number (`kết luận thanh tra`) is a topic, and so is a quantity
/// (`kế hoạch 5 năm`, `báo cáo 6 tháng`) or a bare year (`kế hoạch 2025`) without `số`.
pub fn read_all(text: &str) -> Vec<TypedName> {
    let typed: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = typed.iter().map(|w| clean_word(&fold(w))).collect();
    (0..folded.len())
        .filter_map(|i| name_at(&typed, &folded, i))
        .collect()
}

/// Words after a number that make it a quantity, not a document's number.
const UNITS: &[&str] = &[
    "nam", "thang", "ngay", "quy", "lan", "dot", "tuoi", "nguoi", "cap",
];

/// True when the number at `at` counts something (`5 năm`, `6 tháng`; `năm 2024` after it is
/// a year, so `nghị quyết 57 năm 2024` is a name) or is itself a year (`2025`).
fn quantity(folded: &[String], at: usize, number: &str, year: Option<u16>) -> bool {
    let next = folded.get(at + 1).map(String::as_str);
    let after = folded.get(at + 2).map(String::as_str);
    let counts = next.is_some_and(|n| UNITS.contains(&n))
        && !(next == Some("nam") && after.and_then(plausible_year).is_some());
    counts || (year.is_none() && plausible_year(number).is_some())
}

/// Lowercase, without the punctuation people put around words (`57,` `số:`).
fn clean_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/')
        .to_string()
}

fn name_at(typed: &[&str], folded: &[String], i: usize) -> Option<TypedName> {
    let (kind_word, number_at, glued) = kind_at(folded, i)?;
    let abbreviated = !TYPED_KINDS
        .iter()
        .any(|(w, _)| w.split(' ').next() == Some(folded[i].as_str()));
    let (number, year, mut next) = match glued {
        Some(g) => g,
        None => {
            let so = folded.get(number_at).map(String::as_str) == Some("so");
            let at = match () {
                _ if so => number_at + 1,
                // a law named before its number: `luật xây dựng 135/2025`
                _ if kind_word == "luat" => law_number(folded, number_at)?,
                _ => number_at,
            };
            let c = NUMBER.captures(folded.get(at)?)?;
            let year = c.get(2).and_then(|y| y.as_str().parse().ok());
            if !so && quantity(folded, at, &c[1], year) {
                return None;
            }
            (c[1].to_string(), year, at + 1)
        }
    };
    let codes = TYPED_KINDS.iter().find(|(w, _)| *w == kind_word)?.1;
    let mut name = TypedName {
        typed: String::new(),
        kind_word,
        abbreviated,
        codes,
        number: bare(&number),
        year,
        term: None,
        after: Vec::new(),
        before: folded[..i].to_vec(),
    };
    next = read_year_and_term(folded, next, &mut name);
    name.typed = typed[i..next].join(" ");
    name.after = folded[next..].to_vec();
    Some(name)
}

/// Where the number of a law named by its title stands: the first number with its year
/// within a few words (`luật xây dựng 135/2025`).
fn law_number(folded: &[String], from: usize) -> Option<usize> {
    (from..folded.len().min(from + 7)).find(|&k| {
        NUMBER
            .captures(&folded[k])
            .is_some_and(|c| c.get(2).is_some() || k == from)
    })
}

/// The kind word (or abbreviation) starting at word `i`: the kind word, where its number
/// should be, and the number and year when glued to an abbreviation.
#[allow(clippy::type_complexity)]
fn kind_at(
    folded: &[String],
    i: usize,
) -> Option<(&'static str, usize, Option<(String, Option<u16>, usize)>)> {
    for (word, _) in TYPED_KINDS {
        let parts: Vec<&str> = word.split(' ').collect();
        let fits = parts
            .iter()
            .enumerate()
            .all(|(k, p)| folded.get(i + k).map(String::as_str) == Some(p));
        if fits {
            return Some((word, i + parts.len(), None));
        }
    }
    let w = folded.get(i)?;
    if let Some(&(_, word)) = ABBREVIATIONS.iter().find(|(a, _)| a == w) {
        return Some((word, i + 1, None));
    }
    let c = GLUED.captures(w)?;
    let &(_, word) = ABBREVIATIONS.iter().find(|(a, _)| *a == &c[1])?;
    let year = c.get(3).and_then(|y| y.as_str().parse().ok());
    Some((word, i + 1, Some((c[2].to_string(), year, i + 1))))
}

/// Reads `năm 2024`, `2024` and `khóa XIV` after the number; returns where the rest starts.
fn read_year_and_term(folded: &[String], mut at: usize, name: &mut TypedName) -> usize {
    loop {
        let w = folded.get(at).map(String::as_str);
        let next = folded.get(at + 1).map(String::as_str);
        if let (Some("nam"), Some(y)) = (w, next) {
            if let Some(year) = plausible_year(y) {
                name.year = name.year.or(Some(year));
                at += 2;
                continue;
            }
        }
        if let Some(year) = w.and_then(plausible_year) {
            name.year = name.year.or(Some(year));
            at += 1;
            continue;
        }
        if let (Some("khoa"), Some(t)) = (w, next) {
            if let Some(term) = term_years(t) {
                name.term = Some(term);
                at += 2;
                continue;
            }
        }
        return at;
    }
}

fn plausible_year(w: &str) -> Option<u16> {
    let y: u16 = w.parse().ok()?;
    (w.len() == 4 && (1945..=2100).contains(&y)).then_some(y)
}

/// The years of a khóa written in Roman or Arabic numerals (`XIV`, `14`).
fn term_years(t: &str) -> Option<(u16, u16)> {
    let roman = match t.parse::<usize>() {
        Ok(n) => TERMS.get(n.checked_sub(8)?)?.0,
        Err(_) => t,
    };
    let (_, from) = TERMS.iter().find(|(r, _)| *r == roman)?;
    Some((*from, from + 5))
}

/// The first year of a khóa as the texts write it (`XIII`, `khóa XIII`, `13`).
pub fn term_start(khoa: &str) -> Option<u16> {
    let last = fold(khoa);
    let last = last
        .split_whitespace()
        .last()?
        .trim_matches(|c: char| !c.is_alphanumeric());
    term_years(last).map(|(from, _)| from)
}

fn bare(number: &str) -> String {
    let t = number.trim_start_matches('0');
    if t.is_empty() { "0" } else { t }.to_string()
}

/// The documents around the node a name was read as, by tier: what implements it, what
/// cites it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NamedDocuments {
    pub implementers: Vec<String>,
    pub citers: Vec<String>,
}

/// How a query's name was read: the identifier taken and the candidates it was chosen from.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Interpretation {
    /// The words read as a name, as typed.
    pub typed: String,
    /// The node taken (`57-NQ/TW`, `107-KH/TU@Quảng Nam`).
    pub id: String,
    /// Every candidate, most likely first (the one taken among them).
    pub candidates: Vec<NameCandidate>,
}

/// One identifier a typed name may mean.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NameCandidate {
    pub id: String,
    pub kind: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<Date>,
    /// Its title, else what the texts citing it call it.
    pub title: String,
    /// The corpus document that is it, when the archive holds it.
    pub doc: Option<String>,
    /// How many documents implement it, down to the depth the identifier page shows.
    pub implementers: usize,
    /// How many documents cite it.
    pub cited_by: usize,
    /// What to call it in one line (`Nghị quyết 57-NQ/TW của Bộ Chính trị, 22/12/2024 — 12
    /// văn bản thực hiện`).
    pub said: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_from_typed_words() {
        // (typed, kind word, number, year, words after)
        let cases: &[(&str, &str, &str, Option<u16>, &str)] = &[
            ("nghị quyết 57", "nghi quyet", "57", None, ""),
            ("nghi quyet so 57", "nghi quyet", "57", None, ""),
            ("Nghị quyết số 57-", "nghi quyet", "57", None, ""),
            ("NQ57", "nghi quyet", "57", None, ""),
            ("NQ 57", "nghi quyet", "57", None, ""),
            (
                "chỉ thị 05 học tập và làm theo",
                "chi thi",
                "5",
                None,
                "hoc tap va lam theo",
            ),
            (
                "kết luận 21 của Bộ Chính trị",
                "ket luan",
                "21",
                None,
                "cua bo chinh tri",
            ),
            ("nghị định 135/2026", "nghi dinh", "135", Some(2026), ""),
            ("nghi dinh 135 nam 2026", "nghi dinh", "135", Some(2026), ""),
            ("nghị quyết 57 2024", "nghi quyet", "57", Some(2024), ""),
            (
                "chương trình hành động 31",
                "chuong trinh hanh dong",
                "31",
                None,
                "",
            ),
            ("CTr 31", "chuong trinh hanh dong", "31", None, ""),
            ("QĐi 124", "quy dinh", "124", None, ""),
            ("qđ383", "quyet dinh", "383", None, ""),
            ("NQLT 102", "nghi quyet lien tich", "102", None, ""),
            ("luật 97/2025", "luat", "97", Some(2025), ""),
            ("về việc kết luận 75", "ket luan", "75", None, ""),
            ("luật xây dựng 135/2025", "luat", "135", Some(2025), ""),
            ("nghị quyết 66.16", "nghi quyet", "66.16", None, ""),
            ("nghị quyết 57 năm 2024", "nghi quyet", "57", Some(2024), ""),
            ("quyết định số 2020", "quyet dinh", "2020", None, ""),
            ("kế hoạch số 5 năm 2021", "ke hoach", "5", Some(2021), ""),
        ];
        for (typed, kind, number, year, after) in cases {
            let n = read(typed).unwrap_or_else(|| panic!("{typed}: no name"));
            assert_eq!(n.kind_word, *kind, "{typed}");
            assert_eq!(n.number, *number, "{typed}");
            assert_eq!(n.year, *year, "{typed}");
            assert_eq!(n.after.join(" "), *after, "{typed}");
        }
    }

    #[test]
    fn topics_are_not_names() {
        for typed in [
            "kết luận thanh tra",
            "nghị quyết về khoa học công nghệ",
            "phòng chống tham nhũng 2022",
            "57",
            "học tập và làm theo",
            "dự án 5",
            "luật đất đai",
            "kế hoạch 5 năm 2021-2025",
            "báo cáo 6 tháng đầu năm",
            "kế hoạch 2025",
            "công văn 2024 về thuế",
        ] {
            assert_eq!(read(typed), None, "{typed}");
        }
    }

    #[test]
    fn words_before_a_name_may_ask_for_its_implementers() {
        assert!(read("kế hoạch thực hiện nghị quyết 57")
            .unwrap()
            .asks_for_implementers());
        assert!(read("trien khai ket luan 21")
            .unwrap()
            .asks_for_implementers());
        assert!(!read("nghị quyết 57").unwrap().asks_for_implementers());
        assert!(!read("thực hiện tốt nghị quyết 57")
            .unwrap()
            .asks_for_implementers());
    }

    #[test]
    fn every_name_of_a_group_is_read() {
        let names = read_all("báo cáo 5 năm thực hiện kết luận 21 và chỉ thị 05");
        let numbers: Vec<&str> = names.iter().map(|n| n.number.as_str()).collect();
        assert_eq!(numbers, ["21", "5"]);
    }

    #[test]
    fn khoa_gives_the_terms_years() {
        let n = read("nghị quyết 18 khóa XII").unwrap();
        assert_eq!(n.term, Some((2016, 2021)));
        assert_eq!(n.fits_year(Some(2017)), Some(true));
        assert_eq!(n.fits_year(Some(2025)), Some(false));
        assert_eq!(
            read("nghi quyet 18 khoa 12").unwrap().term,
            Some((2016, 2021))
        );
    }

    #[test]
    fn codes_fit_the_kind() {
        let n = read("quy định 124").unwrap();
        assert!(n.fits_code("QĐ") && n.fits_code("QĐi") && n.fits_code("qd"));
        assert!(!n.fits_code("KL"));
        let law = read("luật 97").unwrap();
        assert!(law.fits_code("QH15"));
        assert!(!law.fits_code("NĐ"));
    }
}
