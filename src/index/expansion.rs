//! Query-time equivalences: the genre's abbreviations (`MTTQ` = `Mặt trận Tổ quốc`, both
//! ways) and number forms (`2 cấp` = `02 cấp`). Typed words become units, each with every
//! form that counts as it; what was expanded is reported with the result.

use std::sync::LazyLock;

use serde::Serialize;

use super::analyzer::{fold_analyzer, tokens, tone_analyzer};

/// Abbreviations staff write and type, with the words they stand for (as written).
pub const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("MTTQ", &["Mặt trận Tổ quốc"]),
    ("UBND", &["Ủy ban nhân dân"]),
    ("HĐND", &["Hội đồng nhân dân"]),
    ("BCH", &["Ban Chấp hành"]),
    ("BTV", &["Ban Thường vụ"]),
    ("TW", &["Trung ương"]),
    ("VLNCN", &["vật liệu nổ công nghiệp"]),
    ("KH&CN", &["khoa học và công nghệ", "khoa học, công nghệ"]),
    ("ĐMST", &["đổi mới sáng tạo"]),
    ("CĐS", &["chuyển đổi số"]),
    ("TTHC", &["thủ tục hành chính"]),
    ("BHXH", &["bảo hiểm xã hội"]),
    ("BHYT", &["bảo hiểm y tế"]),
    ("CNTT", &["công nghệ thông tin"]),
];

/// A typed word, or several typed words that are one abbreviation's form, with every form
/// that matches it (folded tokens; a form of several tokens matches as a phrase).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub forms: Vec<Vec<String>>,
    /// The folded tokens as typed (one of the forms).
    pub typed: Vec<String>,
    /// The word as typed with its diacritics (tone key), when it has any: matches that keep
    /// them score higher.
    pub tone: Option<String>,
}

impl Unit {
    /// The one token of a plain typed word (not expanded, not several tokens).
    pub fn word(&self) -> Option<&str> {
        match self.forms.as_slice() {
            [only] if only.len() == 1 => Some(&only[0]),
            _ => None,
        }
    }
}

/// The folded tokens of the units as typed, in order.
pub fn typed(units: &[Unit]) -> Vec<String> {
    units.iter().flat_map(|u| u.typed.iter().cloned()).collect()
}

/// What a query's words were taken to mean besides themselves.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Expansion {
    /// As typed (`MTTQ`, `2`).
    pub typed: String,
    /// The other forms searched for (`Mặt trận Tổ quốc`; `02`).
    pub forms: Vec<String>,
    /// What was searched, in words for the reader.
    pub note: String,
}

impl Expansion {
    fn new(typed: String, forms: Vec<String>) -> Expansion {
        let note = crate::message::expanded(&typed, &forms);
        Expansion { typed, forms, note }
    }
}

/// An abbreviation's forms, written and as folded tokens.
struct Entry {
    written: Vec<&'static str>,
    tokens: Vec<Vec<String>>,
}

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    ABBREVIATIONS
        .iter()
        .map(|(short, long)| {
            let written: Vec<&str> = std::iter::once(*short)
                .chain(long.iter().copied())
                .collect();
            let tokens = written.iter().map(|w| tokens(fold_analyzer(), w)).collect();
            Entry { written, tokens }
        })
        .collect()
});

/// The units of free text, and what was expanded.
pub fn units(text: &str) -> (Vec<Unit>, Vec<Expansion>) {
    let folded = tokens(fold_analyzer(), text);
    let tone = tokens(tone_analyzer(), text);
    let aligned = tone.len() == folded.len();
    let mut units = Vec::new();
    let mut expansions = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        if let Some((entry, form, len)) = abbreviation_at(&folded[i..]) {
            units.push(Unit {
                forms: entry.tokens.clone(),
                typed: folded[i..i + len].to_vec(),
                tone: None,
            });
            push_once(
                &mut expansions,
                Expansion::new(
                    entry.written[form].to_string(),
                    entry
                        .written
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k != form)
                        .map(|(_, w)| w.to_string())
                        .collect(),
                ),
            );
            i += len;
            continue;
        }
        let word = &folded[i];
        let typed_tone = aligned.then(|| &tone[i]).filter(|t| *t != word).cloned();
        let others = number_forms(word);
        if !others.is_empty() {
            push_once(
                &mut expansions,
                Expansion::new(word.clone(), others.clone()),
            );
        }
        let forms = std::iter::once(word.clone())
            .chain(others)
            .map(|f| vec![f])
            .collect();
        units.push(Unit {
            forms,
            typed: vec![word.clone()],
            tone: typed_tone,
        });
        i += 1;
    }
    (units, expansions)
}

fn push_once(expansions: &mut Vec<Expansion>, e: Expansion) {
    if !expansions.contains(&e) {
        expansions.push(e);
    }
}

/// The longest abbreviation form the tokens start with: its entry, which form, how many
/// tokens.
fn abbreviation_at(tokens: &[String]) -> Option<(&'static Entry, usize, usize)> {
    let mut best: Option<(&Entry, usize, usize)> = None;
    for entry in ENTRIES.iter() {
        for (form, t) in entry.tokens.iter().enumerate() {
            let longer = best.is_none_or(|(_, _, len)| t.len() > len);
            if !t.is_empty() && longer && tokens.starts_with(t) {
                best = Some((entry, form, t.len()));
            }
        }
    }
    best
}

/// The other ways a number is written: without its leading zeros, and with one when it is
/// a single digit (`2` ↔ `02`).
fn number_forms(word: &str) -> Vec<String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) || word.len() > 3 {
        return Vec::new();
    }
    let bare = word.trim_start_matches('0');
    let bare = if bare.is_empty() { "0" } else { bare };
    let mut forms = vec![bare.to_string()];
    if bare.len() == 1 {
        forms.push(format!("0{bare}"));
    }
    forms.retain(|f| f != word);
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<Vec<String>> {
        units(text)
            .0
            .into_iter()
            .map(|u| u.forms.into_iter().map(|f| f.join(" ")).collect())
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("MTTQ", &[&["mttq", "mat tran to quoc"]]),
            (
                "mặt trận tổ quốc xã",
                &[&["mttq", "mat tran to quoc"], &["xa"]],
            ),
            ("UBND tỉnh", &[&["ubnd", "uy ban nhan dan"], &["tinh"]]),
            ("uỷ ban nhân dân", &[&["ubnd", "uy ban nhan dan"]]),
            ("HĐND", &[&["hdnd", "hoi dong nhan dan"]]),
            ("hdnd", &[&["hdnd", "hoi dong nhan dan"]]),
            ("BCH", &[&["bch", "ban chap hanh"]]),
            ("ban thường vụ", &[&["btv", "ban thuong vu"]]),
            ("TW", &[&["tw", "trung uong"]]),
            ("VLNCN", &[&["vlncn", "vat lieu no cong nghiep"]]),
            (
                "KH&CN",
                &[&["kh cn", "khoa hoc va cong nghe", "khoa hoc cong nghe"]],
            ),
            (
                "khoa học, công nghệ",
                &[&["kh cn", "khoa hoc va cong nghe", "khoa hoc cong nghe"]],
            ),
            ("ĐMST", &[&["dmst", "doi moi sang tao"]]),
            ("2 cấp", &[&["2", "02"], &["cap"]]),
            ("02 cấp", &[&["02", "2"], &["cap"]]),
            ("năm 2025", &[&["nam"], &["2025"]]),
            ("tham nhũng", &[&["tham"], &["nhung"]]),
        ];
        for (typed, want) in cases {
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|u| u.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(forms(typed), want, "{typed}");
        }
    }

    #[test]
    fn expansions_are_reported_as_written() {
        let (_, e) = units("MTTQ 2 cấp");
        assert_eq!(
            e,
            [
                Expansion::new("MTTQ".into(), vec!["Mặt trận Tổ quốc".into()]),
                Expansion::new("2".into(), vec!["02".into()]),
            ]
        );
    }

    #[test]
    fn the_typed_diacritics_are_kept_for_scoring() {
        let (u, _) = units("Đảng dang");
        assert_eq!(u[0].tone.as_deref(), Some("đảng"));
        assert_eq!(u[1].tone, None);
    }
}
