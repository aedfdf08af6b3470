//! The issuing body as a person names it (`Bộ Chính trị`, `Ban Tổ chức Trung ương`, `Ban
//! Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh`, `Sở Công Thương tỉnh Lào Cai`): the most
//! specific body, in normal case, with its locality. Read from the header's capital lines,
//! the `CỦA …` line under the kind heading and the signature block's `T/M …`; lines repeated
//! or garbled by OCR are compared folded and kept once.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::fold;

/// Names written with their capitals as staff write them; a phrase found (compared folded)
/// takes these letters' case and diacritics. Longest first where one contains another.
const PHRASES: &[&str] = &[
    "Ban Chấp hành Trung ương",
    "Ủy ban Thường vụ Quốc hội",
    "Mặt trận Tổ quốc Việt Nam",
    "Ban Tuyên giáo và Dân vận",
    "Đại hội đại biểu toàn quốc",
    "Đảng Cộng sản Việt Nam",
    "Thành phố Hồ Chí Minh",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ban cán sự đảng",
    "Ủy ban Kiểm tra",
    "Nông nghiệp và Môi trường",
    "Giáo dục và Đào tạo",
    "Khoa học và Công nghệ",
    "Mặt trận Tổ quốc",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Thường vụ",
    "Ban Thường trực",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ban Kinh tế",
    "Ban Đối ngoại",
    "Đoàn Chủ tịch",
    "Công Thương",
    "Trung ương",
    "Chính phủ",
    "Quốc hội",
    "Việt Nam",
    "Đảng ủy Khối",
    "Đảng ủy",
    "Đảng đoàn",
    "Đảng bộ",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Văn phòng",
    "Chủ tịch",
    "Trung tâm",
    "Ủy ban",
    "xã hội",
    "Đảng",
];

/// Abbreviations kept in capitals.
const ACRONYMS: &[&str] = &[
    "mttq", "ubnd", "hdnd", "tw", "bch", "ttg", "mttw", "tand", "vksnd",
];

/// Heads of a body's name whose next word starts its proper name (`Sở Xây dựng`).
const HEADS: &[&str] = &[
    "so",
    "bo",
    "cuc",
    "trung tam",
    "ban",
    "vu",
    "chi cuc",
    "hoi",
];

/// Words after which a place's name follows (`tỉnh Lào Cai`, `xã Lương Minh`).
const PLACE_WORDS: &[&str] = &[
    "tinh",
    "thanh pho",
    "huyen",
    "quan",
    "xa",
    "phuong",
    "thi xa",
    "thi tran",
    "dac khu",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "quan uy",
    "thi uy",
];

/// Words that open a body under another in the header (`BAN TỔ CHỨC` under `BAN CHẤP HÀNH
/// TRUNG ƯƠNG`, `SỞ CÔNG THƯƠNG` under `UBND TỈNH LÀO CAI`).
const SUB_BODIES: &[&str] = &[
    "ban",
    "van phong",
    "so",
    "trung tam",
    "cuc",
    "chi cuc",
    "phong",
    "dang doan",
    "dang uy",
    "ban can su",
    "chu tich",
    "uy ban kiem tra",
    "hoi dong",
];

/// Lines that go on the line before them besides a place's (`ỦY BAN MTTQ VIỆT NAM` / `XÃ
/// LƯƠNG MINH`): `LẦN THỨ XI`, `TRUNG ƯƠNG` after `BAN CHẤP HÀNH`, `DÂN` after `HỘI ĐỒNG NHÂN`.
const CONTINUATIONS: &[&str] = &[
    "lan thu",
    "trung uong",
    "dan",
    "dong nhan dan",
    "viet nam",
    "khoa",
];

/// The issuer as a person names it, from the header's lines (capitals, top to bottom), the
/// `CỦA …` phrase under the kind heading and the body the signature acts for (`T/M …`).
pub fn name(header: &[String], of: Option<&str>, on_behalf: Option<&str>) -> Option<String> {
    let body = header_body(header);
    if let Some(of) = of
        .map(str::trim)
        .filter(|o| !fold(o).starts_with("dong chi"))
    {
        return Some(with_body(&normal_case(of), body.as_deref()));
    }
    match (on_behalf, body) {
        (Some(tm), Some(body)) => Some(acting_for(&normal_case(tm), body)),
        (Some(tm), None) => Some(normal_case(tm)),
        (None, body) => body,
    }
}

/// Who issued a document signed `T/M …` under a header naming `body`: the Politburo or the
/// Secretariat under the Central Committee's header; the standing committee of a committee
/// (`Ban Thường vụ` + `Tỉnh ủy Lào Cai`); otherwise the header's body.
fn acting_for(tm: &str, body: String) -> String {
    let (t, b) = (loose(tm), loose(&body));
    if b.contains(" - ") || b.starts_with(&t) || b.ends_with(&t) {
        return body;
    }
    if b.starts_with("ban chap hanh trung uong") && t.starts_with("bo chinh tri")
        || t.starts_with("ban bi thu")
    {
        return tm.to_string();
    }
    let committee = [
        "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo", "uy ban m",
    ];
    if ["ban thuong vu", "ban thuong truc"].contains(&t.as_str())
        && committee.iter().any(|c| b.starts_with(c))
    {
        return format!("{tm} {body}");
    }
    body
}

/// Folded, with letters OCR doubled (`CHẮÁP` → `chap`) written once: for comparing names.
fn loose(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if out.ends_with(c) && c.is_alphabetic() && !"nght".contains(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// A named body completed from the header's: `Ban Thường vụ Tỉnh ủy` with `Tỉnh ủy Lào Cai`
/// is `Ban Thường vụ Tỉnh ủy Lào Cai`; `Ban Thường vụ` with it is `Ban Thường vụ Tỉnh ủy
/// Lào Cai`; `Tỉnh ủy` under `Tỉnh ủy Lào Cai` is the header's; `Bộ Chính trị` stands alone.
fn with_body(named: &str, body: Option<&str>) -> String {
    let Some(body) = body else {
        return named.to_string();
    };
    let (n, b) = (loose(named), loose(body));
    if b.starts_with(&n) {
        return body.to_string();
    }
    if ["ban thuong vu", "ban thuong truc", "ban chap hanh"].contains(&n.as_str()) {
        return format!("{named} {body}");
    }
    // a generic body of the header's locality: `Ban Thường vụ Tỉnh ủy` + `Lào Cai`
    if let Some(place) = place_of(body) {
        let last = n.rsplit(' ').next().unwrap_or_default();
        let level_words = ["uy", "tinh", "huyen", "xa", "phuong", "pho"];
        if level_words.contains(&last) && !b.contains("trung uong") {
            return format!("{named} {place}");
        }
    }
    named.to_string()
}

/// The bodies a (joint) issuer names, folded: `Bộ Chính trị, Ban Bí thư` is both, and each
/// alone; what `issuer:` matches.
pub fn bodies(issuer: &str) -> Vec<String> {
    let whole = key(issuer);
    let mut out = vec![whole.clone()];
    for part in issuer.split([',', ';']).map(key).filter(|p| !p.is_empty()) {
        if !out.contains(&part) {
            out.push(part);
        }
    }
    let parts: Vec<String> = whole.split(" va ").map(String::from).collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| p.starts_with("ban ") || p.starts_with("bo "))
    {
        out.extend(
            parts
                .into_iter()
                .filter(|p| !out.contains(p))
                .collect::<Vec<_>>(),
        );
    }
    out
}

/// The bodies an issuer belongs to, folded: `Ban Thường vụ Tỉnh ủy Lào Cai` and `Văn phòng
/// Tỉnh ủy Lào Cai` are under `Tỉnh ủy Lào Cai`; what `under:` matches besides the body.
pub fn above(issuer: &str) -> Vec<String> {
    const COMMITTEES: &[&str] = &[
        "tinh uy ",
        "thanh uy ",
        "huyen uy ",
        "quan uy ",
        "thi uy ",
        "dang uy ",
        "dang bo ",
        "uy ban nhan dan ",
        "ubnd ",
        "hoi dong nhan dan ",
        "uy ban mttq ",
        "uy ban mat tran ",
    ];
    let whole = key(issuer);
    let mut out = Vec::new();
    for (at, _) in whole.match_indices(' ') {
        let rest = &whole[at + 1..];
        if COMMITTEES.iter().any(|c| rest.starts_with(c)) && !out.iter().any(|o| o == rest) {
            out.push(rest.to_string());
        }
    }
    out
}

/// A body's name as a filter key: folded, one space between words, no punctuation at its
/// ends.
pub fn key(name: &str) -> String {
    fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// A body whose name ends at its level word (`Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh`, as
/// preambles name it) completed with the place of the date line (`Quảng Nam`).
pub fn with_place(issuer: String, place: Option<&str>) -> String {
    let f = fold(&issuer);
    let open = ["tinh", "thanh pho", "huyen", "xa", "phuong", "quan"]
        .iter()
        .any(|w| f.ends_with(&format!(" {w}")));
    match place {
        Some(p) if open && !p.is_empty() => format!("{issuer} {p}"),
        _ => issuer,
    }
}

/// The body the header's lines name: the lowest one, completed by the one above it.
fn header_body(header: &[String]) -> Option<String> {
    let units = units(header);
    let child = units.last()?;
    let Some(parent) = units.len().checked_sub(2).map(|i| &units[i]) else {
        return Some(normal_case(child));
    };
    let (c, p) = (fold(child), fold(parent));
    if !SUB_BODIES.iter().any(|s| starts_with_word(&c, s)) {
        return Some(normal_case(&format!("{parent} {child}")));
    }
    let child = normal_case(child);
    if p.starts_with("ban chap hanh trung uong") {
        return Some(if c == "van phong" {
            format!("{child} Trung ương Đảng")
        } else if ["dang doan", "dang uy", "ban can su"]
            .iter()
            .any(|s| c.starts_with(s))
        {
            child
        } else {
            format!("{child} Trung ương")
        });
    }
    let parent = normal_case(parent);
    // `Đảng ủy Ủy ban nhân dân tỉnh` under `Đảng bộ tỉnh Lào Cai`: the place's name
    if c.ends_with(" tinh") || c.ends_with(" huyen") || c.ends_with(" xa") {
        return Some(match place_of(&parent) {
            Some(place) => format!("{child} {place}"),
            None => child,
        });
    }
    // a State body under its province's People's Committee: `Sở Công Thương tỉnh Lào Cai`
    if p.starts_with("ubnd ") || p.starts_with("uy ban nhan dan ") {
        let at = place_start(&parent).unwrap_or(0);
        return Some(format!("{child} {}", &parent[at..]));
    }
    Some(format!("{child} {parent}"))
}

/// The header's lines as bodies: continuation lines joined to the line before, repeats
/// (compared folded, OCR's included) kept once.
fn units(header: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in header {
        let f = fold(line);
        let after_place = out.last().is_some_and(|l: &String| {
            let lf = fold(l);
            PLACE_WORDS
                .iter()
                .any(|p| lf.ends_with(&format!(" {p}")) || lf == *p)
        });
        // `UBND THÀNH PHỐ HÀ` / `NỘI`: a word left over from the line before
        let lone = !f.contains(' ') && !SUB_BODIES.contains(&f.as_str()) && f != "ban";
        let continues = lone
            || after_place
            || PLACE_WORDS
                .iter()
                .chain(CONTINUATIONS)
                .any(|c| starts_with_word(&f, c));
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.clone()),
        }
    }
    let key = |s: &str| {
        let f = loose(s);
        let f = f.trim_end_matches(['.', ' ']);
        f.strip_suffix(" dang").unwrap_or(f).to_string()
    };
    let mut kept: Vec<String> = Vec::new();
    for u in out {
        let k = key(&u);
        if !kept.iter().any(|o| key(o) == k) {
            kept.push(u);
        }
    }
    kept
}

/// The place's name at the end of a body (`Lào Cai` of `Tỉnh ủy Lào Cai`).
fn place_of(body: &str) -> Option<&str> {
    let at = place_start(body)?;
    let rest = &body[at..];
    let words: Vec<&str> = rest.split_whitespace().collect();
    let f = fold(rest);
    let skip = PLACE_WORDS
        .iter()
        .filter(|p| f.starts_with(*p) && f[p.len()..].starts_with(' '))
        .map(|p| p.split(' ').count())
        .max()
        .unwrap_or(0);
    let name = words.get(skip..)?;
    let first = *name.first()?;
    let from = rest.find(first)?;
    Some(&rest[from..])
}

/// Where the locality of a body's name starts (`tỉnh Lào Cai` in `UBND tỉnh Lào Cai`): a
/// place word with a name after it (`xã hội` is no place).
fn place_start(body: &str) -> Option<usize> {
    body.split_whitespace()
        .map(|w| w.as_ptr() as usize - body.as_ptr() as usize)
        .find(|&at| {
            let rest = fold(&body[at..]);
            !rest.starts_with("xa hoi")
                && PLACE_WORDS
                    .iter()
                    .any(|p| rest.starts_with(p) && rest[p.len()..].starts_with(' '))
        })
}

fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix) && text[prefix.len()..].chars().next().is_none_or(|c| c == ' ')
}

/// A name printed in capitals, in normal case: the first word and proper names capitalised
/// (`BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH` → `Ban Thường trực Ủy ban MTTQ
/// Việt Nam xã Lương Minh`). A name already in mixed case is kept.
pub fn normal_case(name: &str) -> String {
    let name = name.trim().trim_end_matches([',', '.', ';', ':']).trim();
    if name.chars().any(char::is_lowercase) {
        return name.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let keys = word_keys(&folded);
    let mut fixed = vec![false; words.len()];
    for phrase in PHRASE_KEYS.iter() {
        apply_phrase(phrase, &keys, &mut words, &mut fixed);
    }
    for (i, f) in folded.iter().enumerate() {
        let bare = f.trim_matches(|c: char| !c.is_alphanumeric());
        if ACRONYMS.contains(&bare) {
            words[i] = words[i].to_uppercase();
            fixed[i] = true;
        }
    }
    capitalise_after_heads(&folded, &mut words, &fixed);
    capitalise_places(&folded, &mut words, &fixed);
    if let Some(first) = words.first_mut() {
        *first = capitalised(first);
    }
    words.join(" ")
}

/// A title printed in capitals in sentence case: lowercase, the first letter and the names
/// of bodies capitalised (`VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM` → `Về phông lưu trữ Đảng
/// Cộng sản Việt Nam`).
pub fn sentence_case(text: &str) -> String {
    // identifiers and numbers keep their letters (`27/CT-TTg`)
    let mut words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            if w.contains(|c: char| c.is_ascii_digit()) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let keys = word_keys(&folded);
    let mut fixed = vec![false; words.len()];
    for phrase in PHRASE_KEYS.iter() {
        // a body's name, not a common word that happens to be one (`văn phòng`, `chủ tịch`)
        let proper = phrase.parts[0].starts_with(char::is_uppercase);
        if proper && !header_only(phrase.written) {
            apply_phrase(phrase, &keys, &mut words, &mut fixed);
        }
    }
    if let Some(first) = words.first_mut() {
        *first = capitalised(first);
    }
    words.join(" ")
}

/// Phrases that name a body only in a header, not inside a title.
fn header_only(phrase: &str) -> bool {
    [
        "Văn phòng",
        "Chủ tịch",
        "Trung tâm",
        "Ủy ban",
        "Đảng bộ",
        "Công Thương",
    ]
    .contains(&phrase)
}

/// A phrase of [`PHRASES`] split into its written words and their loose keys, built once.
struct PhraseKey {
    written: &'static str,
    parts: Vec<&'static str>,
    keys: Vec<String>,
}

static PHRASE_KEYS: LazyLock<Vec<PhraseKey>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|p| PhraseKey {
            written: p,
            parts: p.split(' ').collect(),
            keys: p.split(' ').map(loose).collect(),
        })
        .collect()
});

/// Each folded word's loose key, without a trailing comma, with whether it had one.
fn word_keys(folded: &[String]) -> Vec<(String, bool)> {
    folded
        .iter()
        .map(|f| (loose(f.trim_end_matches(',')), f.ends_with(',')))
        .collect()
}

/// Gives every occurrence of a phrase (compared loosely folded) its written form.
fn apply_phrase(
    phrase: &PhraseKey,
    keys: &[(String, bool)],
    words: &mut [String],
    fixed: &mut [bool],
) {
    let n = phrase.keys.len();
    let mut i = 0;
    while i + n <= keys.len() {
        let fits = (0..n).all(|k| !fixed[i + k] && keys[i + k].0 == phrase.keys[k]);
        if fits {
            for k in 0..n {
                let comma = if keys[i + k].1 { "," } else { "" };
                words[i + k] = format!("{}{comma}", phrase.parts[k]);
                fixed[i + k] = true;
            }
            i += n;
        } else {
            i += 1;
        }
    }
}

/// `Sở xây dựng` → `Sở Xây dựng`: the word after a head (the name's first word, or one of
/// a known phrase such as `Ban Tổ chức`) starts the body's proper name.
fn capitalise_after_heads(folded: &[String], words: &mut [String], fixed: &[bool]) {
    for i in 0..folded.len() {
        if i != 0 && !fixed[i] {
            continue;
        }
        let two = folded.get(i + 1).map(|n| format!("{} {n}", folded[i]));
        let width = match two {
            Some(t) if HEADS.contains(&t.as_str()) => 2,
            _ if HEADS.contains(&folded[i].as_str()) => 1,
            _ => continue,
        };
        if let Some(next) = words.get_mut(i + width) {
            if !fixed[i + width] {
                *next = capitalised(next);
            }
        }
    }
}

/// Place names after their level word: `xã lương minh` → `xã Lương Minh`.
fn capitalise_places(folded: &[String], words: &mut [String], fixed: &[bool]) {
    let mut in_place = false;
    for i in 0..words.len() {
        if in_place && !fixed[i] {
            words[i] = capitalised(&words[i]);
            continue;
        }
        let one = folded[i].as_str();
        let two = i
            .checked_sub(1)
            .map(|p| format!("{} {}", folded[p], folded[i]));
        in_place =
            PLACE_WORDS.contains(&one) || two.as_deref().is_some_and(|t| PLACE_WORDS.contains(&t));
        in_place &= one != "xa" || folded.get(i + 1).is_none_or(|n| n != "hoi");
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The body a signature block's opening line acts for: `BỘ CHÍNH TRỊ` of `T/M BỘ CHÍNH TRỊ`
/// (`TM.`, `TM` alike); the signature reader finds the line.
pub fn on_behalf(opening: &str) -> Option<String> {
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:T/M|TM\.|TM)\s+([\p{Lu}Đ][\p{Lu}Đ ,]+)").unwrap());
    let c = NAME.captures(opening.trim_start_matches(['*', ' ']))?;
    let name = c[1].trim().trim_end_matches(',').trim();
    (name.chars().count() >= 3 && name.len() <= 200).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.split(" / ").map(String::from).collect()
    }

    #[test]
    fn issuers_named_as_people_name_them() {
        // (header lines, CỦA phrase, T/M, expected)
        let cases: &[(&str, Option<&str>, Option<&str>, &str)] = &[
            ("BAN CHẤP HÀNH TRUNG ƯƠNG", Some("BỘ CHÍNH TRỊ"), None, "Bộ Chính trị"),
            ("BAN CHẤP HÀNH TRUNG ƯƠNG", Some("BỘ CHÍNH TRỊ, BAN BÍ THƯ"), Some("BỘ CHÍNH TRỊ"), "Bộ Chính trị, Ban Bí thư"),
            ("BAN CHẤP HÀNH TRUNG ƯƠNG", None, Some("BAN BÍ THƯ"), "Ban Bí thư"),
            ("BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC", None, None, "Ban Tổ chức Trung ương"),
            ("BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO VÀ DÂN VẬN", None, None, "Ban Tuyên giáo và Dân vận Trung ương"),
            ("BAN CHẤP HÀNH / TRUNG ƯƠNG / VĂN PHÒNG", Some("ĐỒNG CHÍ CHÁNH VĂN PHÒNG TRUNG ƯƠNG ĐẢNG"), None, "Văn phòng Trung ương Đảng"),
            ("BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI", None, None, "Đảng đoàn Quốc hội"),
            ("ĐẢNG ỦY CHÍNH PHỦ / VĂN PHÒNG", None, None, "Văn phòng Đảng ủy Chính phủ"),
            ("ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC", None, Some("BAN THƯỜNG TRỰC"), "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"),
            ("TỈNH ỦY LÀO CAI", Some("BAN THƯỜNG VỤ TỈNH ỦY"), Some("BAN THƯỜNG VỤ"), "Ban Thường vụ Tỉnh ủy Lào Cai"),
            ("TÍNH ỦY LÀO CAI", None, Some("BAN THƯỜNG VỤ"), "Ban Thường vụ Tỉnh ủy Lào Cai"),
            ("TỈNH UỶ LÀO CAI", None, Some("TỈNH ỦY"), "Tỉnh ủy Lào Cai"),
            ("ĐẢNG BỘ TỈNH LÀO CAI / ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", None, Some("BAN THƯỜNG VỤ"), "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh Lào Cai"),
            ("UBND TỈNH LÀO CAI / SỞ CÔNG THƯƠNG", None, None, "Sở Công Thương tỉnh Lào Cai"),
            ("ỦY BAN NHÂN DÂN / TỈNH LÀO CAI", None, Some("ỦY BAN NHÂN DÂN"), "Ủy ban nhân dân tỉnh Lào Cai"),
            ("HỘI ĐỒNG NHÂN / DÂN / THÀNH PHỐ HÀ NỘI", None, None, "Hội đồng nhân dân thành phố Hà Nội"),
            ("UBND TỈNH LÀO CAI / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", None, None, "Sở Nông nghiệp và Môi trường tỉnh Lào Cai"),
            ("BẠN CHẬP HÀNH TRUNG ƯƠNG ĐẢNG / BẠN CHÁP HÀNH TRÙNG ƯƠNG ĐẢNG. / BAN CHẤP HÀNH TRUNG ƯƠNG", None, Some("BAN CHẤP HÀNH TRUNG ƯƠNG"), "Ban Chấp hành Trung ương Đảng"),
        ];
        for (header, of, tm, expected) in cases {
            assert_eq!(
                name(&lines(header), *of, *tm).as_deref(),
                Some(*expected),
                "{header}"
            );
        }
    }

    #[test]
    fn filter_keys_of_a_body() {
        assert_eq!(
            bodies("Bộ Chính trị, Ban Bí thư"),
            ["bo chinh tri, ban bi thu", "bo chinh tri", "ban bi thu"]
        );
        assert_eq!(bodies("Ban Tổ chức Trung ương"), ["ban to chuc trung uong"]);
        assert_eq!(above("Ban Thường vụ Tỉnh ủy Lào Cai"), ["tinh uy lao cai"]);
        assert_eq!(
            above("Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh Lào Cai"),
            [
                "dang uy uy ban nhan dan tinh lao cai",
                "uy ban nhan dan tinh lao cai"
            ]
        );
        assert!(above("Bộ Chính trị").is_empty());
    }

    #[test]
    fn signature_acts_for() {
        let cases = [
            ("T/M TỈNH ỦY", Some("TỈNH ỦY")),
            ("T/M BỘ CHÍNH TRỊ", Some("BỘ CHÍNH TRỊ")),
            ("**T/M BAN BÍ THƯ**", Some("BAN BÍ THƯ")),
            ("TM. BAN THƯỜNG TRỰC", Some("BAN THƯỜNG TRỰC")),
            ("KT. CHỦ TỊCH", None),
        ];
        for (line, expected) in cases {
            assert_eq!(on_behalf(line).as_deref(), expected, "{line}");
        }
    }
}
