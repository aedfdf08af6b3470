//! Documents cited by name (`Luật Mặt trận Tổ quốc Việt Nam`, `Bộ luật Lao động`, `Điều lệ
//! Đảng`, `Nghị quyết Đại hội XIV`) and the names a document teaches by writing one with its
//! number (`Luật Hóa chất số 69/2025/QH15`, `Luật số 83/2025/QH15 về sửa đổi, bổ sung …`, a
//! law's own title). Read here, one document at a time; the graph resolves the mentions
//! against the aliases of the whole archive (`graph::alias`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::extract::Citation;
use super::relation::{Layout, Opening, Relation, Section};
use super::CiteId;
use crate::date::Date;

/// A place where a document names a document without giving its number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedMention {
    /// From the kind word as far as a name may run (to the sentence's next stop): the
    /// archive's aliases decide where the name ends.
    #[serde(with = "pair")]
    pub span: Range<usize>,
    /// The text at `span`, line breaks as spaces (same byte offsets).
    pub reach: String,
    /// How many bytes of `reach` the name takes when no alias says more.
    pub name_len: usize,
    /// True when the word after the kind is capitalised (`Luật Đất đai`): a name even when
    /// the archive does not know it; `Luật đất đai` is one only if an alias says so.
    pub capitalised: bool,
    pub relation: Relation,
    pub section: Section,
    /// The numbered document the same sentence says amends it (`Luật số 97/2025/QH15 …
    /// sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam`).
    pub amended_by: Option<CiteId>,
}

impl NamedMention {
    /// The name when no alias says where it ends.
    pub fn name(&self) -> &str {
        &self.reach[..self.name_len]
    }
}

/// A name written with its number: what the document teaches the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    /// The name as written, kind word first, line breaks as spaces.
    pub name: String,
    pub id: CiteId,
    /// The words that tie them, as written (the evidence shown).
    pub quote: String,
    /// True when the sentence says the numbered document ceased to be in force (`Luật Thanh
    /// niên số 53/2005/QH11 hết hiệu lực …`): this document replaced it.
    pub repealed: bool,
    /// From when, when the text says (`… kể từ ngày Luật này có hiệu lực thi hành` and
    /// `Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021`).
    #[serde(default)]
    pub repealed_on: Option<Date>,
    /// True for a law's own title beside its own number.
    #[serde(default)]
    pub own: bool,
}

/// What one document says by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    pub mentions: Vec<NamedMention>,
    pub aliases: Vec<Alias>,
}

mod pair {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::ops::Range;

    pub fn serialize<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        [r.start, r.end].serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(start..end)
    }
}

/// The words that open a name. Laws name themselves after their kind; Party congress and
/// plenum resolutions, the Charter and the Constitution have no number at all.
static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:Bộ luật|BỘ LUẬT|Luật|LUẬT|Hiến pháp|HIẾN PHÁP|Điều lệ Đảng|ĐIỀU LỆ ĐẢNG\
         |Nghị quy[ếê]t (?:Đại hội|Hội nghị|Trung ương)|Kết luận Hội nghị)",
    )
    .unwrap()
});

/// The kinds that take a title after them (the others are whole names or Party names).
fn is_law(kind: &str) -> bool {
    matches!(kind, "Luật" | "LUẬT" | "Bộ luật" | "BỘ LUẬT")
}

/// The punctuation that stops a name's reach (a blank line and a full stop do too: see
/// [`reach_end`]).
fn stops_reach(c: char) -> bool {
    matches!(c, ';' | ':' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '|')
}

/// Longest reach of a name (an amending law's title lists nine laws).
const MAX_REACH: usize = 480;

/// Reads what `text` says by name. `citations` are the document's numbered occurrences;
/// `own` its own number, kind and title (a law's title is a name for its number).
pub fn read(
    text: &str,
    layout: &Layout,
    citations: &[Citation],
    own: Option<(&CiteId, Option<&str>, Option<&str>)>,
) -> Names {
    // every kind word holds one of these (a text with none names nothing)
    const HINTS: [&str; 7] = ["uật", "UẬT", "Đảng", "ĐẢNG", "Hiến", "HIẾN", "luận Hội"];
    if !HINTS.iter().any(|h| text.contains(h)) {
        return Names::default();
    }
    let mut names = Names::default();
    let heads = alias_heads(text, citations, &mut names.aliases);
    numbered_titles(text, citations, &mut names.aliases);
    if let Some(alias) = own.and_then(|(id, kind, title)| own_title(id, kind, title)) {
        names.aliases.push(alias);
    }
    for m in KIND.find_iter(text) {
        if heads.binary_search(&m.start()).is_ok() || !starts_word(text, m.start()) {
            continue;
        }
        if let Some(mention) = mention_at(text, m.range(), citations, layout) {
            names.mentions.push(mention);
        }
    }
    stated_amendments(text, citations, &mut names.mentions);
    names
}

fn starts_word(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

static BEFORE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\p{L}])((?:Bộ luật|BỘ LUẬT|Luật|LUẬT) [^;:()\[\]|]+?)[\s,]+(?:số|SỐ)[\s:]*$",
    )
    .unwrap()
});

/// `Luật Hóa chất số 69/2025/QH15`: the name before `số` and a law's number. Returns where
/// each such name's kind word starts (an alias's head is not a mention).
fn alias_heads(text: &str, citations: &[Citation], out: &mut Vec<Alias>) -> Vec<usize> {
    let mut heads = Vec::new();
    let mut prev_end = 0;
    for c in citations {
        let (_, from) = super::window::window_before(text, c.span.start, 480);
        let from_prev = prev_end.max(from);
        prev_end = c.span.end;
        if !is_statute(&c.id) || from_prev >= c.span.start {
            continue;
        }
        let before = &text[from_prev..c.span.start];
        let Some(caps) = BEFORE_NUMBER.captures(before) else {
            continue;
        };
        let name = caps.get(1).unwrap();
        let listed = lists_more(text, c.span.end);
        let head = head_of(before, name.start(), name.as_str(), listed);
        let start = from_prev + name.start() + head;
        let written = text[start..from_prev + name.end()].trim_end_matches(',');
        let name = one_line(written);
        if written.contains("\n\n") || words(&name) < 2 || !title_like(&name) {
            continue;
        }
        heads.push(start);
        let repealed = repealed_after(text, c.span.end) && opens_line(text, start);
        out.push(Alias {
            name,
            id: c.id.clone(),
            quote: text[start..c.span.end].to_string(),
            repealed,
            repealed_on: repealed.then(|| in_force_at(text, start, &c.id)).flatten(),
            own: false,
        });
    }
    heads
}

/// Which kind word of `name` the number after it belongs to: the nearest (`… quy định
/// tại Luật Tổ chức Chính phủ số 76/2015/QH13`), or an amending law's own title naming the
/// laws it amends (`Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số
/// 46/2014/QH13`), unless a law enacts it (`Quốc hội ban hành Luật sửa đổi … của Luật Tổ
/// chức Chính phủ số 76/2015/QH13` cites the base law's number) or the title lists each
/// base law with its number (`… của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số …`).
fn head_of(before: &str, at: usize, name: &str, listed: bool) -> usize {
    let kinds: Vec<usize> = KIND
        .find_iter(name)
        .filter(|m| is_law(m.as_str()) && starts_word(name, m.start()))
        .map(|m| m.start())
        .collect();
    let amending = kinds.iter().copied().find(|&k| {
        let after = name[k..].split_once(' ').map_or("", |(_, rest)| rest);
        crate::text::fold(&after[..after.floor_char_boundary(16)]).starts_with("sua doi")
    });
    let enacted = listed || before[..at].trim_end().to_lowercase().ends_with("ban hành");
    match amending {
        Some(k) if !enacted => k,
        _ => kinds.last().copied().unwrap_or(0),
    }
}

/// True when another law's name follows the number in a list (`…/QH15, Luật Nhà ở`).
fn lists_more(text: &str, end: usize) -> bool {
    let after = super::window::window_after(text, end, text.len(), 24);
    let after = after.trim_start_matches([',', ' ']);
    let after = after.strip_prefix("và ").unwrap_or(after);
    after.starts_with("Luật ") || after.starts_with("Bộ luật ")
}

/// A law's, a code's or an ordinance's number: `…/QH13`, `…/QH`, `…-LCT/HĐNN8`.
fn is_statute(id: &CiteId) -> bool {
    let code = |s: &str| s.starts_with("QH") || s.contains("HĐNN") || s.contains("HDNN");
    code(&id.kind) || code(&id.issuer)
}

/// After the kind, a title: a capital, or a lowercase word that is not a function word.
fn title_like(name: &str) -> bool {
    let mut it = name.split_whitespace();
    let kind_words = if name.starts_with("Bộ") || name.starts_with("BỘ") {
        2
    } else {
        1
    };
    let Some(first) = it.nth(kind_words) else {
        return false;
    };
    !matches!(
        first,
        "này" | "số" | "và" | "của" | "được" | "đã" | "có" | "các" | "về" | "theo" | "thì"
    )
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn one_line(s: &str) -> String {
    s.replace('\n', " ")
}

static REPEAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^;]*?hết hiệu lực(?: thi hành)?(?: kể)? từ ngày").unwrap());

static IN_FORCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Luật|Bộ luật|Pháp lệnh) này có hiệu lực(?: thi hành)?(?: kể)? từ ngày ")
        .unwrap()
});

/// When the law whose repeal clause is at `at` comes into force: the `Luật này có hiệu lực
/// thi hành từ ngày 01 tháng 01 năm 2021` nearest before it (the item above), else after;
/// none when that date is before the repealed law itself (a consolidated text quoting
/// another law's article).
fn in_force_at(text: &str, at: usize, repealed: &CiteId) -> Option<Date> {
    let date = |m: regex::Match| Date::parse_prefix(&text[m.end()..]).map(|(d, _)| d);
    let before = IN_FORCE.find_iter(&text[..at]).filter_map(date).last();
    let on = before.or_else(|| {
        IN_FORCE
            .find_iter(&text[at..])
            .find_map(|m| Date::parse_prefix(&text[at + m.end()..]).map(|(d, _)| d))
    })?;
    (repealed.year.is_none_or(|y| on.year >= y)).then_some(on)
}

/// True when only an item's number (`2.`, `a)`, `-`) stands before `at` on its line: a
/// repeal clause states it so (`2. Luật Tố cáo số 03/2011/QH13 hết hiệu lực kể từ …`),
/// where `… cho đến khi Luật … hết hiệu lực` only supposes it.
fn opens_line(text: &str, at: usize) -> bool {
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\s\-+*]*(?:\d{1,2}[.)]|[a-zđ]\))?\s*$").unwrap());
    let (before, from) = super::window::window_before(text, at, 12);
    let line = match before.rfind('\n') {
        Some(i) => &before[i + 1..],
        None if from == 0 => before,
        None => return false,
    };
    ITEM.is_match(line)
}

fn repealed_after(text: &str, end: usize) -> bool {
    let after = super::window::window_after(text, end, text.len(), 360);
    REPEAL.is_match(after)
}

static NUMBERED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,?\s*ngày\s+[\d/]+(?:\s+tháng\s+\d+\s+năm\s+\d{4})?)?(?:\s*của\s+Quốc\s+hội)?\s*(?:về\s+)?([^;:()\[\]\n.]{4,})",
    )
    .unwrap()
});

/// `Luật số 83/2025/QH15 về sửa đổi, bổ sung một số điều của Luật Bầu cử …`: the title
/// after a law's number, named with its kind (`Luật sửa đổi, bổ sung …`).
fn numbered_titles(text: &str, citations: &[Citation], out: &mut Vec<Alias>) {
    for c in citations.iter().filter(|c| is_statute(&c.id)) {
        let kind = match c.kind_word.as_deref() {
            Some(k @ ("Luật" | "Bộ luật")) => k,
            _ => continue,
        };
        let (before, from) = super::window::window_before(text, c.span.start, 24);
        let Some(k) = before
            .rfind(kind)
            .filter(|_| before.trim_end().ends_with("số"))
        else {
            continue;
        };
        let after = super::window::window_after(text, c.span.end, text.len(), 420);
        let Some(title) = NUMBERED_TITLE.captures(after).and_then(|m| m.get(1)) else {
            continue;
        };
        let title = cut_title(title.as_str());
        let first = title.split_whitespace().next().unwrap_or("");
        let opens = first.starts_with(char::is_uppercase) || matches!(first, "sửa" | "Sửa");
        if words(title) < 2 || !opens || first.starts_with("Điều") {
            continue;
        }
        let name = format!("{kind} {}", lower_first_verb(title));
        out.push(Alias {
            name,
            id: c.id.clone(),
            quote: text[from + k..c.span.end + offset_in(after, title) + title.len()].to_string(),
            repealed: false,
            repealed_on: None,
            own: false,
        });
    }
}

/// The words a title runs to before what follows it in the sentence.
fn cut_title(title: &str) -> &str {
    // not at a comma: the title's own in `sửa đổi, bổ sung` and in lists of laws
    const ENDS: [&str; 5] = [
        " được ",
        " có hiệu lực",
        " và các văn bản",
        " ngày ",
        " đã ",
    ];
    let end = ENDS
        .iter()
        .filter_map(|e| title.find(e))
        .min()
        .unwrap_or(title.len());
    title[..end].trim_end_matches([',', ' '])
}

fn lower_first_verb(title: &str) -> String {
    match title.strip_prefix("Sửa đổi") {
        Some(rest) => format!("sửa đổi{rest}"),
        None => title.to_string(),
    }
}

/// A law's own title names its number: the title `Luật Bảo vệ môi trường 2020`, or the kind
/// `Luật` with the title `Hóa chất`.
fn own_title(id: &CiteId, kind: Option<&str>, title: Option<&str>) -> Option<Alias> {
    if !is_statute(id) {
        return None;
    }
    let title = title?.trim();
    let name = if title.starts_with("Luật ") || title.starts_with("Bộ luật ") {
        title.to_string()
    } else {
        match kind {
            Some(k @ ("Luật" | "Bộ luật")) => format!("{k} {title}"),
            _ => return None,
        }
    };
    let name = strip_year(&name);
    (words(name) >= 2).then(|| Alias {
        name: name.to_string(),
        id: id.clone(),
        quote: title.to_string(),
        repealed: false,
        repealed_on: None,
        own: true,
    })
}

static TRAILING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s+năm)?\s+(?:19|20)\d{2}$").unwrap());

fn strip_year(name: &str) -> &str {
    match TRAILING_YEAR.find(name) {
        Some(m) => &name[..m.start()],
        None => name,
    }
}

/// The mention whose kind word is at `kind`, unless it is a number's (`Luật số …`), the
/// document speaking of itself (`Luật này`) or inside a numbered occurrence.
fn mention_at(
    text: &str,
    kind: Range<usize>,
    citations: &[Citation],
    layout: &Layout,
) -> Option<NamedMention> {
    let inside = cited_before(citations, kind.start).is_some_and(|c| c.span.end > kind.start);
    if inside || is_draft(text, kind.start) {
        return None;
    }
    let end = reach_end(text, kind.start, citations);
    if text[end..].starts_with("(sửa đổi") {
        return None;
    }
    let reach = one_line(&text[kind.start..end]);
    let kind_word = &text[kind.clone()];
    let after = reach[kind.len()..].trim_start();
    let next = after.split_whitespace().next().unwrap_or("");
    let law = is_law(kind_word);
    if law && (next.is_empty() || matches!(next, "số" | "SỐ" | "số:" | "này" | "này," | "này."))
    {
        return None;
    }
    if law && next.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (section, relation) = relation_of(text, kind.start, citations, layout);
    Some(NamedMention {
        span: kind.start..end,
        name_len: name_len(&reach, kind.len(), law),
        capitalised: !law || next.starts_with(char::is_uppercase),
        reach,
        relation,
        section,
        amended_by: None,
    })
}

/// The last numbered occurrence starting at or before `at` (occurrences are in text order).
fn cited_before(citations: &[Citation], at: usize) -> Option<&Citation> {
    let i = citations.partition_point(|c| c.span.start <= at);
    i.checked_sub(1).map(|i| &citations[i])
}

/// The first numbered occurrence starting after `at`.
fn cited_after(citations: &[Citation], at: usize) -> Option<&Citation> {
    citations.get(citations.partition_point(|c| c.span.start <= at))
}

/// A law still to be made: `dự án Luật …`, `dự thảo Luật …`.
fn is_draft(text: &str, at: usize) -> bool {
    let (before, _) = super::window::window_before(text, at, 16);
    let before = before.trim_end().to_lowercase();
    before.ends_with("dự án") || before.ends_with("dự thảo")
}

/// Where a name starting at `start` can reach: the sentence's next stop, a blank line, the
/// next numbered occurrence, or [`MAX_REACH`].
fn reach_end(text: &str, start: usize, citations: &[Citation]) -> usize {
    let limit = text.floor_char_boundary((start + MAX_REACH).min(text.len()));
    let next_citation = cited_after(citations, start).map_or(text.len(), |c| c.span.start);
    let mut end = limit.min(next_citation);
    let bytes = text.as_bytes();
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        let full_stop = c == '.' && bytes.get(at + 1).is_none_or(|b| b.is_ascii_whitespace());
        let blank = c == '\n'
            && text[at + 1..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n');
        if stops_reach(c) || full_stop || blank {
            end = at;
            break;
        }
    }
    end
}

/// The words that end a name no alias knows: what the sentence says next.
const NAME_ENDS: [&str; 15] = [
    ",",
    " số ",
    " ngày ",
    " năm ",
    " của ",
    " được ",
    " đã ",
    " có ",
    " quy định",
    " này",
    " theo ",
    " hiện hành",
    " tại ",
    " để ",
    " và ",
];

/// Party names run on to their subject (`Nghị quyết Hội nghị lần thứ ba … về …`).
const PARTY_NAME_ENDS: [&str; 4] = [", ", " nhiệm kỳ", " của Đảng", " đã "];

/// How much of `reach` a name takes by its own words.
fn name_len(reach: &str, kind_len: usize, law: bool) -> usize {
    let ends: &[&str] = if law { &NAME_ENDS } else { &PARTY_NAME_ENDS };
    let mut end = reach.len();
    for e in ends {
        if let Some(at) = reach[kind_len..].find(e) {
            end = end.min(kind_len + at);
        }
    }
    let name = reach[..end].trim_end_matches([' ', ',', '.']);
    if !law {
        return name.len();
    }
    // a title is a few words: cut at ten
    match name.split_whitespace().nth(10) {
        Some(w) => name[..offset_in(name, w)].trim_end().len(),
        None => name.len(),
    }
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\-+*•]*(?:(?:căn cứ|thực hiện|triển khai(?: thực hiện| thi hành)?|để triển khai(?: thực hiện)?)\s*)?(?:và\s*)?$").unwrap()
});

static TITLE_ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(thi hành|thực hiện|triển khai|quy định chi tiết|hướng dẫn)[^,;]{0,60}$")
        .unwrap()
});

/// The document's own relation to a name: the head of a `Căn cứ` or `Thực hiện` clause's
/// item, or the act its title names (`Kế hoạch triển khai thi hành Luật …`, `quy định chi
/// tiết … của Luật …`); everything else cites it, as a name inside another document's
/// title does.
fn relation_of(
    text: &str,
    at: usize,
    citations: &[Citation],
    layout: &Layout,
) -> (Section, Relation) {
    if let Some(title) = layout.title.as_ref().filter(|r| r.contains(&at)) {
        let before = &text[title.start..at];
        let inside_other = cited_before(citations, at).is_some_and(|c| c.span.start >= title.start);
        let rel = match TITLE_ACT.captures(before) {
            _ if inside_other => Relation::Cites,
            Some(c)
                if c[1].to_lowercase().starts_with("thi hành")
                    && before.to_lowercase().contains("hướng dẫn thi hành") =>
            {
                Relation::Guides
            }
            Some(c) => match c[1].to_lowercase().as_str() {
                "quy định chi tiết" | "hướng dẫn" => Relation::Guides,
                _ => Relation::Implements,
            },
            None => Relation::Cites,
        };
        return (Section::Title, rel);
    }
    let Some((clause, opening)) = layout.preamble.iter().find(|(r, _)| r.contains(&at)) else {
        return (Section::Body, body_act(text, at));
    };
    let item_start = text[clause.start..at]
        .rfind([';', '\n'])
        .map_or(clause.start, |i| clause.start + i + 1);
    let head = HEAD.is_match(&text[item_start..at]);
    let rel = match opening {
        Opening::Basis if head => Relation::BasedOn,
        Opening::Implements if head => Relation::Implements,
        _ => Relation::Cites,
    };
    (Section::Preamble, rel)
}

static ENACTS_GUIDANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ban hành [^.;:]{0,40}(?:quy định chi tiết|hướng dẫn)[^.;:]{0,90}$").unwrap()
});

static CARRIES_OUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:tổ chức|triển khai) (?:thi hành|thực hiện)[^.;:,]{0,30}$").unwrap()
});

/// In the body, what the document does with a name: the enacting formula's `… ban hành
/// Nghị định quy định chi tiết một số điều của Luật …` (guides), its purpose's `tổ chức thi
/// hành Luật …` (implements).
fn body_act(text: &str, at: usize) -> Relation {
    let (before, _) = super::window::window_before(text, at, 200);
    let sentence = before.rsplit(['.', ';', '\n']).next().unwrap_or(before);
    let line = before.rsplit("\n\n").next().unwrap_or(before);
    // the verbs' words first: most names have neither before them
    if has_any(line, &["ban hành", "BAN HÀNH", "Ban hành"]) && ENACTS_GUIDANCE.is_match(line) {
        Relation::Guides
    } else if has_any(sentence, &["thi hành", "thực hiện"]) && CARRIES_OUT.is_match(sentence) {
        Relation::Implements
    } else {
        Relation::Cites
    }
}

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

static AMENDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}])(được |đã được )?sửa đổi").unwrap());

/// `Luật số 97/2025/QH15 … sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt
/// Nam, Luật Công đoàn …`: the number before, in the same sentence, amends each name the
/// verb governs (the list's later members too).
fn stated_amendments(text: &str, citations: &[Citation], mentions: &mut [NamedMention]) {
    for m in mentions.iter_mut() {
        m.amended_by = amender_before(text, citations, m.span.start)
            .or_else(|| amender_after(text, citations, m.span.end));
    }
}

/// `Luật số 97/2025/QH15 … sửa đổi, bổ sung một số điều của` right before the name.
fn amender_before(text: &str, citations: &[Citation], at: usize) -> Option<CiteId> {
    let c = cited_before(citations, at).filter(|c| c.span.end <= at)?;
    if at - c.span.end > 400 || !is_statute(&c.id) {
        return None;
    }
    let between = &text[c.span.end..at];
    if between.contains(';') || between.contains("\n\n") || ends_sentence(between) {
        return None;
    }
    // the verb, active, and after it no other number
    let active = has_any(between, &["sửa đổi", "Sửa đổi", "SỬA ĐỔI"])
        && AMENDS
            .captures_iter(between)
            .last()
            .is_some_and(|v| v.get(1).is_none());
    active.then(|| c.id.clone())
}

static AMENDED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*\((?:đã )?được sửa đổi(?:, bổ sung)?(?: một số điều)? (?:tại|bởi|theo)[^)]{0,40}$",
    )
    .unwrap()
});

/// `Luật Ban hành văn bản quy phạm pháp luật (được sửa đổi, bổ sung tại Luật số
/// 87/2025/QH15)`: the number right after the name, passive.
fn amender_after(text: &str, citations: &[Citation], end: usize) -> Option<CiteId> {
    let c = cited_after(citations, end.saturating_sub(1))?;
    let between = text.get(end..c.span.start)?;
    (is_statute(&c.id) && AMENDED_AFTER.is_match(between)).then(|| c.id.clone())
}

fn ends_sentence(s: &str) -> bool {
    s.match_indices(". ")
        .any(|(i, _)| s[i + 2..].starts_with(char::is_uppercase))
}

/// The year written right after a name: `năm 2015`, `2024`, `ngày 18 tháng 02 năm 2025`.
pub fn year_after(rest: &str) -> Option<u16> {
    let rest = rest.trim_start_matches([' ', ',']);
    if let Some((d, _)) = Date::parse_prefix(rest) {
        return Some(d.year);
    }
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:năm\s+)?((?:19|20)\d{2})(?:\D|$)").unwrap());
    YEAR.captures(rest).and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Document;

    fn names(text: &str) -> Names {
        Document::from_text("t", text.to_string()).names
    }

    /// Names written with their numbers, as each sentence teaches them.
    #[test]
    fn aliases_are_the_names_written_with_a_number() {
        let rows: [(&str, &[(&str, &str)]); 6] = [
            (
                "Căn cứ Luật Hóa chất số 69/2025/QH15;",
                &[("Luật Hóa chất", "69/2025/QH15")],
            ),
            (
                "Căn cứ Luật Dân\nquân tự vệ số 48/2019/QH14;",
                &[("Luật Dân quân tự vệ", "48/2019/QH14")],
            ),
            // the nearest name owns the number, unless an amending law's title holds it
            (
                "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ số 76/2015/QH13.",
                &[("Luật Tổ chức Chính phủ", "76/2015/QH13")],
            ),
            (
                "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 46/2014/QH13;",
                &[("Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế", "46/2014/QH13")],
            ),
            // the title after a law's number
            (
                "Căn cứ Luật số 83/2025/QH15 về sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội;",
                &[("Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội", "83/2025/QH15")],
            ),
            // not a law's number: no alias
            ("Căn cứ Luật Hóa chất và Nghị định số 113/2017/NĐ-CP;", &[]),
        ];
        for (text, want) in rows {
            let got: Vec<(String, String)> = names(text)
                .aliases
                .iter()
                .map(|a| (a.name.clone(), a.id.to_string()))
                .collect();
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(n, i)| (n.to_string(), i.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// Where names are read, and what each one's own words make of it.
    #[test]
    fn mentions_are_names_without_a_number() {
        let rows: [(&str, &[&str]); 7] = [
            (
                "theo quy định của Luật Đất đai, Luật Đầu tư.",
                &["Luật Đất đai", "Luật Đầu tư"],
            ),
            (
                "tuân thủ Bộ luật Lao động năm 2019 và",
                &["Bộ luật Lao động"],
            ),
            ("Luật này có hiệu lực", &[]),
            ("theo Luật số 12/2020/QH14", &[]),
            ("góp ý dự án Luật Đất đai (sửa đổi)", &[]),
            (
                "Quán triệt Nghị quyết Đại hội XIV của Đảng",
                &["Nghị quyết Đại hội XIV"],
            ),
            (
                "đúng Điều lệ Đảng, Hiến pháp năm 2013",
                &["Điều lệ Đảng", "Hiến pháp năm 2013"],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<String> = names(text)
                .mentions
                .iter()
                .map(|m| m.name().to_string())
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// A repeal clause marks the number it names, from the law's coming into force; a
    /// sentence that only supposes it (`cho đến khi … hết hiệu lực`) does not.
    #[test]
    fn repeal_clauses_mark_the_law_they_end() {
        let law = "Điều 66. Hiệu lực thi hành\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2019.\n2. Luật Tố cáo số 03/2011/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n";
        let a = &names(law).aliases[0];
        assert!(a.repealed);
        assert_eq!(a.repealed_on, Date::new(2019, 1, 1));
        let supposed = "Nghị định này áp dụng cho đến khi Luật Việc làm số 38/2013/QH13 hết hiệu lực kể từ ngày 01/01/2026.";
        assert!(!names(supposed).aliases[0].repealed);
    }

    /// `Luật số 97/2025/QH15 … sửa đổi, bổ sung một số điều của Luật A, Luật B`: each name
    /// is amended by the number; `(được sửa đổi, bổ sung tại Luật số …)` after a name too.
    #[test]
    fn amendments_by_name_point_at_the_amending_number() {
        let text = "Căn cứ Luật số 97/2025/QH15 ngày 25/6/2025 của Quốc hội sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn;";
        let by: Vec<Option<String>> = names(text)
            .mentions
            .iter()
            .map(|m| m.amended_by.as_ref().map(|i| i.to_string()))
            .collect();
        assert_eq!(
            by,
            [Some("97/2025/QH15".into()), Some("97/2025/QH15".into())]
        );
        let passive = "thi hành Luật Ban hành văn bản quy phạm pháp luật (được sửa đổi, bổ sung tại Luật số 87/2025/QH15);";
        let m = &names(passive).mentions[0];
        assert_eq!(
            m.amended_by.as_ref().map(|i| i.to_string()),
            Some("87/2025/QH15".into())
        );
        let other = "Căn cứ Nghị định số 78/2025/NĐ-CP sửa đổi Luật Đất đai;";
        assert_eq!(names(other).mentions[0].amended_by, None);
    }

    #[test]
    fn the_year_after_a_name_is_read() {
        assert_eq!(year_after(" năm 2015, quy định"), Some(2015));
        assert_eq!(year_after(" ngày 18 tháng 02 năm 2025"), Some(2025));
        assert_eq!(year_after(" 2024"), Some(2024));
        assert_eq!(year_after(" và các văn bản"), None);
    }
}
