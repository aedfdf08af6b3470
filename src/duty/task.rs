//! Tasks: the units the implementation sections (`Tổ chức thực hiện`, `Phân công nhiệm vụ`,
//! `Trách nhiệm thực hiện`) give work to — a numbered heading naming a unit, a unit opening a
//! sentence (`Ban Tuyên giáo Tỉnh ủy chủ trì, …`), the units it works with (`phối hợp với …`),
//! `Trách nhiệm chỉ đạo thực hiện: …` — with each one's role and deadline.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{deadline, Due, Role, Task};
use crate::date::Date;
use crate::doc::line::{self, Line};
use crate::text::fold;

/// The words of an implementation section's heading (OCR's `TÔ`, `TỎ` for `TỔ` allowed).
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:t[ổôỏo]\s+ch[ứu]c\s+(?:triển\s+khai\s+)?th[ựu]c\s+hi[ệe]n|phân\s+công\s+(?:nhiệm\s+vụ|thực\s+hiện|trách\s+nhiệm)|trách\s+nhiệm\s+thực\s+hiện|điều\s+khoản\s+thi\s+hành)",
    )
    .unwrap()
});

/// A heading's number (`IV-`, `HI-` as OCR reads `III-`, `2.`).
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[IVXHl]+|\d+)\s*[.)/\-]\s*\S").unwrap());

/// A heading of the same rank as a section's (`V. …`, `Chương V`), which ends it.
static NEXT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[IVX]+\s*[.)\-]\s*\S|Chương\s+[IVX\d]+|PHỤ\s+LỤC|Phụ\s+lục\s+\d)").unwrap()
});

/// A numbered item's first line (`1.2. Xây dựng …`), where a role line's item starts.
static NUMBERED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\*{0,2}\d+(?:\.\d+)*\s*[.)]\s").unwrap());

/// A line giving a role its units: `Đơn vị chủ trì: …`, `- Phối hợp: …`.
static ROLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[-+•*\s]*(?:(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+)?(?P<r>chủ\s+trì|phối\s+hợp)\s*:\s*(?P<units>\S.*)$").unwrap()
});

/// True when a line heads an implementation section: in capitals, or numbered, short, with
/// the section's words near its start.
fn is_section(clean: &str) -> bool {
    let Some(m) = SECTION.find(clean) else {
        return false;
    };
    let words = clean.split_whitespace().count();
    let heading = line::is_upper(clean) || NUMBERED.is_match(clean);
    heading && m.start() <= 60 && words <= 14 && !clean.ends_with([',', ';'])
}

/// A numbered or bulleted item: its marker, then its text.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<m>\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[-+•–])\s*(?P<rest>\S.*)$").unwrap()
});

/// The words a unit's name opens with (folded, `cac` allowed before them).
const UNIT_WORDS: &[&str] = &[
    "ban",
    "dang uy",
    "dang doan",
    "uy ban",
    "ubnd",
    "mttq",
    "mat tran",
    "van phong",
    "so ",
    "bo ",
    "cap uy",
    "hoi ",
    "doan ",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "thuong truc",
    "chi bo",
    "to ",
    "co quan",
    "hoi dong",
    "trung tam",
    "lien doan",
    "cong an",
    "quan uy",
    "bo chi huy",
    "bao ",
    "dai ",
    "truong ",
    "vien ",
    "toa an",
    "chinh phu",
    "quoc hoi",
    "kho bac",
    "ngan hang",
    "cuc ",
    "chi cuc",
    "phong ",
    "thanh tra",
    "tieu ban",
    "chu tich",
    "bi thu",
    "hdnd",
    "dang bo",
    "to chuc co so dang",
    "to chuc dang",
    "dia phuong",
    "don vi",
    "nguoi dung dau",
    "dong chi",
    "d/c",
    "truong ",
    "pho chu tich",
    "pho truong",
    "bo chinh tri",
    "ban bi thu",
];

/// Openings that read as a unit's but are verbs or things (`Tổ chức học tập`, `Ban hành`).
const NOT_UNITS: &[&str] = &[
    "to chuc ",
    "ban hanh",
    "hoi nghi",
    "hoi thao",
    "phong, chong",
    "phong chong",
    "chi tra",
    "truong hop",
    "bao dam",
    "bao cao",
    "dai hoi",
    "doan ket",
    "bo tri",
    "bo sung",
    "cap nhat",
    "cap phat",
    "hoi vien",
    "to cong tac giup",
    "don vi tinh",
    "ban do",
];

/// The words that end a unit's name in a sentence: what it is asked to do.
const VERBS: &[&str] = &[
    " chu tri",
    " phoi hop",
    " co trach nhiem",
    " chiu trach nhiem",
    " thuong xuyen",
    " to chuc",
    " lanh dao",
    " chi dao",
    " huong dan",
    " tham muu",
    " xay dung",
    " theo doi",
    " trien khai",
    " thuc hien",
    " can cu",
    " tiep tuc",
    " ban hanh",
    " kiem tra",
    " nghien cuu",
    " day manh",
    " tang cuong",
    " cu the hoa",
    " quan triet",
    " ra soat",
    " giup",
    " la co quan",
    " don doc",
    " tuyen truyen",
    " van dong",
    " chu dong",
    " tren co so",
    " co nhiem vu",
    " duoc ",
    " cu ",
    " phan cong",
    " de xuat",
    " dinh ky",
    " nam tinh hinh",
    " bao dam",
    " dam bao",
    " uu tien",
];

/// Every task of the implementation sections, in text order.
pub fn read(text: &str, date: Option<Date>) -> Vec<Task> {
    let mut out = Vec::new();
    for range in sections(text) {
        section_tasks(text, range, date, &mut out);
    }
    out.sort_by_key(|t| t.span.start);
    out
}

/// The byte ranges of the implementation sections.
fn sections(text: &str) -> Vec<Range<usize>> {
    let lines: Vec<Line> = line::lines(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_section(lines[i].clean()) {
            i += 1;
            continue;
        }
        let start = lines[i].start + lines[i].text.len();
        let mut j = i + 1;
        while j < lines.len() {
            let c = lines[j].clean();
            if (NEXT_SECTION.is_match(c) && !is_section(c)) || fold(c).starts_with("noi nhan") {
                break;
            }
            j += 1;
        }
        let end = lines.get(j).map_or(text.len(), |l| l.start);
        out.push(start..end);
        i = j;
    }
    out
}

/// A unit found opening an item: where its name is and where its work runs to.
struct Found {
    name: Range<usize>,
    role: Role,
    work: Range<usize>,
    heading: bool,
    numbered: bool,
}

/// The tasks of role lines (`Đơn vị chủ trì: …`) waiting for their item's end, where the
/// item's text (and its deadline) is known.
struct Pending {
    item_start: usize,
    tasks: Vec<(Range<usize>, Role)>,
}

impl Pending {
    /// Writes the waiting tasks with the item's text `item_start..end`, read once.
    fn flush(&mut self, text: &str, end: usize, date: Option<Date>, out: &mut Vec<Task>) {
        if !self.tasks.is_empty() {
            let work = &text[self.item_start..end.max(self.item_start)];
            let due = deadline::read(work, date).first().map(|d| d.due);
            for (name, role) in self.tasks.drain(..) {
                out.push(task(text, name, role, work, due));
            }
        }
        self.item_start = end;
    }
}

fn section_tasks(text: &str, range: Range<usize>, date: Option<Date>, out: &mut Vec<Task>) {
    let mut found: Vec<Found> = Vec::new();
    let mut pending = Pending {
        item_start: range.start,
        tasks: Vec::new(),
    };
    for l in line::lines_from(text, range.start).take_while(|l| l.start < range.end) {
        if NUMBERED_ITEM.is_match(l.text) {
            pending.flush(text, l.start, date, out);
        }
        if let Some(c) = ROLE_LINE.captures(l.text) {
            let role = match fold(&c["r"]).as_str() {
                "chu tri" => Role::Lead,
                _ => Role::Support,
            };
            let Some(units) = c.name("units") else {
                continue;
            };
            for name in listed(units.as_str()) {
                let at = l.start + units.start() + name.start;
                pending.tasks.push((at..at + name.len(), role));
            }
            continue;
        }
        if let Some(f) = unit_item(text, &l) {
            if let Some(last) = found.last_mut() {
                last.work.end = l.start;
            }
            found.push(f);
        }
    }
    pending.flush(text, range.end, date, out);
    if let Some(last) = found.last_mut() {
        last.work.end = range.end;
    }
    // a heading's work runs to the next heading, across the units its items name
    let heading_ends: Vec<usize> = found
        .iter()
        .filter(|f| f.numbered)
        .map(|f| f.name.start)
        .collect();
    for f in &mut found {
        if f.heading {
            f.work.end = heading_ends
                .iter()
                .copied()
                .find(|&s| s > f.work.start)
                .unwrap_or(range.end);
        }
    }
    for f in found {
        let work = &text[f.work.clone()];
        let due = deadline::read(work, date).first().map(|d| d.due);
        out.push(task(text, f.name.clone(), f.role, work, due));
        for name in partners(text, f.work.clone()) {
            out.push(task(text, name, Role::Support, work, None));
        }
    }
}

fn task(text: &str, name: Range<usize>, role: Role, work: &str, due: Option<Due>) -> Task {
    Task {
        unit: joined(&text[name.clone()]),
        span: name,
        role,
        text: opening(work),
        due,
    }
}

/// An item that opens with a unit's name.
fn unit_item(text: &str, l: &Line) -> Option<Found> {
    let trimmed = l.text.trim_start().trim_start_matches(['*', '_']);
    let lead = l.text.len() - trimmed.len();
    if let Some(rest) = trimmed
        .strip_prefix("Trách nhiệm chỉ đạo thực hiện:")
        .or_else(|| trimmed.strip_prefix("Trách nhiệm thực hiện:"))
    {
        let at = l.start + lead + (trimmed.len() - rest.len());
        let name = name_end(rest.trim_start());
        let at = at + (rest.len() - rest.trim_start().len());
        return Some(Found {
            name: at..at + name,
            role: Role::Carry,
            work: at..text.len(),
            heading: false,
            numbered: false,
        });
    }
    let c = ITEM.captures(trimmed)?;
    let rest = c.name("rest")?;
    let numbered = !matches!(&c["m"], "-" | "+" | "•" | "–");
    let r = rest.as_str().trim_end_matches(['*', '_', ':']);
    if !opens_with_unit(r) {
        return None;
    }
    // a numbered line that is only a name (`1. Các cấp ủy, tổ chức đảng`) is a heading
    let short = r.split_whitespace().count() <= 12 && !r.ends_with(['.', ';']);
    let end = if numbered && short && !has_role(r) {
        r.len()
    } else {
        name_end(r)
    };
    let at = l.start + lead + rest.start();
    let after = fold(&r[end..]);
    let after = after.trim_start_matches([',', ' ']);
    let role = if after.starts_with("chu tri") {
        Role::Lead
    } else {
        Role::Carry
    };
    Some(Found {
        name: at..at + end,
        role,
        work: at + end..at + end,
        heading: numbered && end == r.len(),
        numbered,
    })
}

/// True when a line says what role its unit takes (`… chủ trì`, `… phối hợp`).
fn has_role(s: &str) -> bool {
    let f = fold(s);
    f.contains(" chu tri") || f.contains(" phoi hop")
}

fn opens_with_unit(s: &str) -> bool {
    if !s.starts_with(|c: char| c.is_uppercase()) && !s.starts_with("các") {
        return false;
    }
    let f = fold(s);
    let f = f.strip_prefix("cac ").unwrap_or(&f);
    UNIT_WORDS.iter().any(|w| f.starts_with(w)) && !NOT_UNITS.iter().any(|w| f.starts_with(w))
}

/// Where a unit's name ends in `s`: at a verb, a colon, a dash or bracket, or the end.
fn name_end(s: &str) -> usize {
    let mut end = s.len();
    for stop in [":", " - ", " – ", "(", ";", "."] {
        if let Some(p) = s.find(stop) {
            end = end.min(p);
        }
    }
    // folded text keeps word boundaries where the original has them: map by words
    let words: Vec<(usize, &str)> = s[..end]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    for (i, &(at, word)) in words.iter().enumerate().skip(1) {
        // a name's words are capitalized (`Ủy ban Kiểm tra`); what it is asked to do is not
        if word.starts_with(char::is_uppercase) && i < 14 {
            continue;
        }
        let rest = fold(&s[at..end]);
        let rest = format!(" {rest}");
        if VERBS.iter().any(|v| rest.starts_with(v)) || i >= 14 {
            return s[..at].trim_end().trim_end_matches(',').len();
        }
    }
    s[..end].trim_end().trim_end_matches(',').len()
}

/// The units a role line lists, split at commas, semicolons and `và`.
fn listed(s: &str) -> Vec<Range<usize>> {
    let body = s.trim_end_matches(['.', ';', ',', ' ']);
    let mut out = Vec::new();
    let mut at = 0;
    for part in body.split([',', ';']) {
        for piece in split_and(part) {
            let lead = piece.len() - piece.trim_start().len();
            let p = piece.trim();
            let start = at + offset(part, piece) + lead;
            if !p.is_empty() {
                out.push(start..start + p.len());
            }
        }
        at += part.len() + 1;
    }
    out
}

fn split_and(part: &str) -> Vec<&str> {
    match part.find(" và ") {
        Some(p) => vec![&part[..p], &part[p + " và ".len()..]],
        None => vec![part],
    }
}

fn offset(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

/// The units a task's text names after `phối hợp với`.
fn partners(text: &str, work: Range<usize>) -> Vec<Range<usize>> {
    static WITH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)phối\s+hợp\s+(?:chặt\s+chẽ\s+)?với\s+").unwrap());
    let mut out = Vec::new();
    let s = &text[work.clone()];
    for m in WITH.find_iter(s) {
        let mut at = m.end();
        loop {
            let rest = &s[at..];
            // `các cơ quan liên quan` names no one
            if !rest.starts_with(char::is_uppercase) || !opens_with_unit(rest) {
                break;
            }
            let n = name_end(rest);
            let name = &rest[..n];
            // `Ban A, Ban B và các cơ quan liên quan`: split at commas and `và`
            let part = name.find([',']).or_else(|| name.find(" và ")).unwrap_or(n);
            out.push(work.start + at..work.start + at + part);
            at += part;
            let next = &s[at..];
            let skip = next.len() - next.trim_start_matches([',', ' ']).len();
            let skip = skip
                + if next.trim_start_matches([',', ' ']).starts_with("và ") {
                    4
                } else {
                    0
                };
            if skip == 0 || part == 0 {
                break;
            }
            at += skip;
        }
    }
    out
}

fn joined(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(['*', '_', ','])
        .to_string()
}

/// A task's text: its first sentence or so, joined.
fn opening(work: &str) -> String {
    let j = joined(work.trim_start_matches([',', ':', ' ', '\n']));
    let mut end = j.len().min(240);
    while !j.is_char_boundary(end) {
        end -= 1;
    }
    let cut = j[..end].find(". ").map_or(end, |p| p + 1);
    j[..cut].to_string()
}

/// The unit that leads or carries the task a position falls in, if any.
pub fn responsible(tasks: &[Task], at: usize) -> Option<String> {
    tasks
        .iter()
        .rfind(|t| t.role != Role::Support && t.span.start <= at)
        .filter(|t| at - t.span.start < 4000)
        .map(|t| t.unit.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tasks(text: &str) -> Vec<(String, Role)> {
        read(text, "2026-08-30".parse().ok())
            .into_iter()
            .map(|t| (t.unit, t.role))
            .collect()
    }

    #[test]
    fn headings_sentences_and_partners() {
        let text = "III. NHIỆM VỤ\n1. Tổ chức học tập\nIV. TỔ CHỨC THỰC HIỆN\n\
                    1. Các cấp ủy, tổ chức đảng\n- Tổ chức học tập, quán triệt sâu rộng.\n\
                    2. Đảng ủy Ủy ban nhân dân tỉnh\n- Lãnh đạo, chỉ đạo; báo cáo trước ngày 15/12/2026.\n\
                    5. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy và các cơ quan liên quan hướng dẫn.\n\
                    Nơi nhận:\n- Lưu VP.";
        assert_eq!(
            tasks(text),
            [
                ("Các cấp ủy, tổ chức đảng".to_string(), Role::Carry),
                ("Đảng ủy Ủy ban nhân dân tỉnh".to_string(), Role::Carry),
                ("Ban Tuyên giáo Tỉnh ủy".to_string(), Role::Lead),
                ("Ủy ban Kiểm tra Tỉnh ủy".to_string(), Role::Support),
                ("Văn phòng Tỉnh ủy".to_string(), Role::Support),
            ]
        );
        let t = read(text, "2026-08-30".parse().ok());
        assert_eq!(
            t[1].due,
            Some(Due::On {
                date: "2026-12-15".parse().unwrap()
            })
        );
        assert_eq!(&text[t[2].span.clone()], "Ban Tuyên giáo Tỉnh ủy");
    }

    #[test]
    fn a_responsibility_line() {
        let text =
            "V. TỔ CHỨC THỰC HIỆN\nTrách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.\n";
        assert_eq!(
            tasks(text),
            [("Đảng ủy Ủy ban nhân dân tỉnh".to_string(), Role::Carry)]
        );
    }
}
