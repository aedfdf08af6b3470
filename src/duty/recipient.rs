//! Recipients: the items of the `Kính gửi` and `Nơi nhận` blocks (beside a signature, broken
//! over lines, in a markdown table), archive copies and `Như trên` left out, each item read
//! as one body, a group of bodies or people.

use std::sync::LazyLock;

use regex::Regex;

use super::{unit, Addressee, Body, Group, Recipient};
use crate::doc::line::{self, Line};
use crate::text::fold;

/// Most items a block holds: a longer run is not a recipients block.
const MAX_ITEMS: usize = 60;

/// The opening of a block: `Nơi nhận:` or `Kính gửi:`, in any case or tone style.
static OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_|>#]*(n[ơo]i\s+nh[ậa]n|k[íi]nh\s+g[ửu]i)[\s*_]*(?:[:;][\s*_]*|$)")
        .unwrap()
});

/// A signature-column heading beside the block's first line (`T/M BỘ CHÍNH TRỊ`, `KT. CHỦ TỊCH`).
static SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:T/?M|TM\.|KT\.?|Q\.|TL\.|TUQ\.|CHỦ\s|BÍ\s)").unwrap());

/// Every recipient of the document, in text order.
pub fn read(text: &str, province: Option<&str>) -> Vec<Recipient> {
    let lines: Vec<Line> = line::lines(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let cell = first_cell(lines[i].text);
        match OPENS.find(cell) {
            Some(m) => {
                let kinh_gui = fold(&cell[..m.end()]).contains("kinh");
                let rest = cell[m.end()..].trim();
                i = block(&lines, i, rest, kinh_gui, province, &mut out);
            }
            None => i += 1,
        }
    }
    out
}

/// An item being gathered: its start and its lines joined.
struct Item {
    start: usize,
    end: usize,
    text: String,
}

impl Item {
    fn ended(&self) -> bool {
        self.text.ends_with([';', '.'])
    }
}

/// Reads one block opening at line `at` (with what follows its colon); returns the line after.
fn block(
    lines: &[Line],
    at: usize,
    rest: &str,
    kinh_gui: bool,
    province: Option<&str>,
    out: &mut Vec<Recipient>,
) -> usize {
    let mut items: Vec<Item> = Vec::new();
    if !rest.is_empty() && !SIGNATURE.is_match(rest) && !line::is_upper(rest) {
        items.push(item(&lines[at], strip_marker(rest)));
    }
    let mut i = at + 1;
    let mut blanks = 0;
    while i < lines.len() && items.len() < MAX_ITEMS {
        let cell = first_cell(lines[i].text);
        if cell.is_empty() || lines[i].is_rule() {
            blanks += 1;
            if blanks > 2 || (kinh_gui && !items.is_empty()) {
                break;
            }
            i += 1;
            continue;
        }
        if cell.starts_with("=====") || OPENS.is_match(cell) {
            break;
        }
        let marked = marker(cell).is_some();
        let open = items.last().is_some_and(|it| !it.ended());
        if marked {
            items.push(item(&lines[i], strip_marker(cell)));
        } else if open && continues(cell) {
            let last = items.last_mut().expect("an open item");
            last.text.push(' ');
            last.text.push_str(cell.trim());
            last.end = lines[i].start + offset_in(lines[i].text, cell) + cell.len();
        } else if items.is_empty() && kinh_gui && !line::is_upper(cell) {
            items.push(item(&lines[i], cell));
        } else {
            break;
        }
        blanks = 0;
        i += 1;
    }
    for it in items {
        let text = it.text.trim_end_matches([';', ',', '.', ' ']).to_string();
        if let Some(addressees) = classify(&text, province) {
            out.push(Recipient {
                span: it.start..it.end,
                text,
                addressees,
            });
        }
    }
    i
}

/// An item starting with `text`, a part of `line`'s text.
fn item(line: &Line, text: &str) -> Item {
    let text = text.trim();
    let at = line.start + offset_in(line.text, text);
    Item {
        start: at,
        end: at + text.len(),
        text: text.replace("**", "").replace('*', ""),
    }
}

/// A line that carries on the item before it, rather than a signature or a title.
fn continues(cell: &str) -> bool {
    let c = cell.trim_start_matches(['*', '_']);
    !SIGNATURE.is_match(c) && !line::is_upper(c)
}

/// The item marker a cell starts with (`-`, `+`, `•`, `–`, `*` before a space).
fn marker(cell: &str) -> Option<usize> {
    let c = cell.trim_start();
    ["- ", "+ ", "• ", "– ", "* ", "-\t"]
        .iter()
        .find(|m| c.starts_with(**m))
        .map(|m| m.len())
        .or_else(|| (c.starts_with('-') && !c.starts_with("--")).then_some(1))
}

fn strip_marker(cell: &str) -> &str {
    let c = cell.trim_start();
    match marker(c) {
        Some(n) => c[n..].trim_start(),
        None => c,
    }
}

/// The first column of a line: a markdown table's first cell, or the text before a run of
/// three spaces (the signature block set beside the recipients).
fn first_cell(text: &str) -> &str {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
    let end = [t.find("   "), t.find(" |"), t.find('\t')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(t.len());
    t[..end].trim_end()
}

fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// What an item names; `None` for what is not a recipient (an archive copy, `Như trên`).
pub(super) fn classify(text: &str, province: Option<&str>) -> Option<Vec<Addressee>> {
    let f = fold(text);
    let f = f.trim();
    let skip = [
        "luu",
        "nhu tren",
        "nhu dieu",
        "nhu kinh gui",
        "nhu muc",
        "nhu khoan",
    ];
    if skip.iter().any(|s| f.starts_with(s)) || f.is_empty() {
        return None;
    }
    let name = unit::spelled_out(&without_purpose(text));
    if PEOPLE.iter().any(|p| f.starts_with(p)) {
        return Some(vec![Addressee::Persons { who: name }]);
    }
    let groups = groups(f, &name, province);
    if !groups.is_empty() {
        return Some(groups);
    }
    Some(
        bodies(&name)
            .into_iter()
            .map(|n| Addressee::Unit {
                name: completed(n, province),
            })
            .collect(),
    )
}

/// How an item addressed to people opens (folded).
const PEOPLE: &[&str] = &[
    "dong chi",
    "cac dong chi",
    "d/c",
    "cac d/c",
    "lanh dao",
    "chu tich",
    "pho chu tich",
    "pct",
    "cvp",
    "pcvp",
    "chuyen vien",
    "cac chuyen vien",
    "thanh vien",
    "cac thanh vien",
    "ong ",
    "ba ",
];

/// An item naming several bodies (`Bộ Chính trị, Ban Bí thư`) split into them: at commas
/// and `và` where each part opens with a capital.
fn bodies(name: &str) -> Vec<&str> {
    let parts: Vec<&str> = name
        .split(", ")
        .flat_map(|p| p.split(" và "))
        .map(str::trim)
        .collect();
    let capital = |p: &&str| p.starts_with(char::is_uppercase) && p.split(' ').count() >= 2;
    if parts.len() > 1 && parts.len() <= 6 && parts.iter().all(capital) {
        parts
    } else {
        vec![name.trim()]
    }
}

/// The groups an item names (two for `Các ban đảng, đảng uỷ trực thuộc Trung ương`).
fn groups(f: &str, name: &str, province: Option<&str>) -> Vec<Addressee> {
    let group = |group, body| Addressee::Group {
        group,
        body,
        place: matches!(group, Group::Districts | Group::Communes)
            .then(|| province.map(str::to_string))
            .flatten(),
        name: name.to_string(),
    };
    let mut out = Vec::new();
    let central = f.contains("trung uong") || f.contains(" tw");
    let offices = f.starts_with("cac van phong") || f.contains("truc thuoc tinh uy");
    if !offices
        && (f.contains("tinh uy, thanh uy")
            || f.starts_with("cac tinh uy")
            || f.contains("cac tinh")
            || f.contains("tinh, thanh pho"))
    {
        out.push(group(Group::Provinces, body_of(f)));
    }
    if (f.contains("ban dang") || f.contains("co quan dang")) && central {
        out.push(group(Group::CentralPartyBoards, Body::Party));
    }
    if f.contains("dang uy truc thuoc trung uong") || f.contains("dang uy truc thuoc tw") {
        out.push(group(Group::CentralPartyCommittees, Body::Party));
    }
    if !out.is_empty() {
        return out;
    }
    if !f.contains("dang uy") && (f.starts_with("cac bo") || f.contains("co quan ngang bo")) {
        return vec![group(Group::Ministries, Body::Government)];
    }
    if f.contains("cac huyen") || f.contains("huyen, thi xa") {
        return vec![group(Group::Districts, body_of(f))];
    }
    if f.contains("cac xa") || f.contains("xa, phuong") || f.contains("cac phuong") {
        return vec![group(Group::Communes, body_of(f))];
    }
    if f.starts_with("cac ") || f.contains(" cac ") {
        return vec![group(Group::Other, body_of(f))];
    }
    Vec::new()
}

/// The kind of body a group's words name.
fn body_of(f: &str) -> Body {
    if f.contains("mat tran") || f.contains("mttq") {
        Body::Front
    } else if f.contains("uy ban nhan dan") || f.contains("ubnd") {
        Body::PeopleCommittee
    } else if f.contains("hoi dong nhan dan") || f.contains("hdnd") {
        Body::Council
    } else if f.contains("uy") || f.contains("ban dang") {
        Body::Party
    } else if f.contains("bo") || f.contains("so,") || f.contains("nganh") {
        Body::Government
    } else {
        Body::Any
    }
}

/// What an item's closing brackets say it is sent for (folded openings).
const PURPOSES: &[&str] = &[
    "b/c",
    "bc",
    "thuc hien",
    "t/h",
    "phoi hop",
    "chi dao",
    "biet",
];

/// The item without what it is sent for (`(để b/c)`, `( B/c)`, `( Thực hiện)`) or markup.
fn without_purpose(text: &str) -> String {
    let t = match text.rfind('(') {
        Some(p) => {
            // `để` told from `Đề án` before folding joins them
            let written = text[p + 1..].trim_start().to_lowercase();
            let said = fold(&written);
            let word = |w: &&str| {
                said.strip_prefix(*w)
                    .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
            };
            let purpose = written.starts_with("để ") || said.contains("b/c");
            match purpose || PURPOSES.iter().any(word) {
                true => &text[..p],
                false => text,
            }
        }
        None => text,
    };
    t.trim().trim_end_matches([',', ';', '.']).to_string()
}

/// A unit named by its level alone (`Ủy ban nhân dân tỉnh`) completed with the province.
fn completed(name: &str, province: Option<&str>) -> String {
    match (name.rsplit(' ').next(), province) {
        (Some("tỉnh" | "Tỉnh"), Some(p)) => format!("{name} {p}"),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_item_is_sent_for_is_not_its_name() {
        let table = [
            (
                "Ban Bí thư Trung ương Đảng (để b/c)",
                "Ban Bí thư Trung ương Đảng",
            ),
            ("BTT UBMTTQVN Tỉnh( B/c)", "BTT UBMTTQVN Tỉnh"),
            ("Ban CTMT TDP ( Thực hiện)", "Ban CTMT TDP"),
            (
                "Các đồng chí Tỉnh ủy viên (để biết);",
                "Các đồng chí Tỉnh ủy viên",
            ),
            ("Ủy ban MTTQ tỉnh (Đề án 06)", "Ủy ban MTTQ tỉnh (Đề án 06)"),
            (
                "Ủy ban nhân dân các xã (đến cấp thôn)",
                "Ủy ban nhân dân các xã (đến cấp thôn)",
            ),
            ("Ban Chỉ đạo (gửi b/c)", "Ban Chỉ đạo"),
            (
                "Thường trực Tỉnh ủy (BCĐ 35)",
                "Thường trực Tỉnh ủy (BCĐ 35)",
            ),
        ];
        for (item, want) in table {
            assert_eq!(without_purpose(item), want, "{item}");
        }
    }

    fn texts(text: &str) -> Vec<String> {
        read(text, Some("Lào Cai"))
            .into_iter()
            .map(|r| r.text)
            .collect()
    }

    #[test]
    fn a_block_beside_the_signature_broken_over_lines() {
        let text = "Nơi nhận: T/M BỘ CHÍNH TRỊ\n\n- Các ban đảng, đảng uỷ\ntrực thuộc Trung ương;\n\
                    - Các tỉnh uỷ, thành uỷ;\n- Các đồng chí Uỷ viên\nBan Chấp hành Trung ương Đảng;\n\
                    - Lưu Văn phòng Trung ương Đảng.\n\n\n\n===== Trang 13 =====\nTô Lâm";
        assert_eq!(
            texts(text),
            [
                "Các ban đảng, đảng uỷ trực thuộc Trung ương",
                "Các tỉnh uỷ, thành uỷ",
                "Các đồng chí Uỷ viên Ban Chấp hành Trung ương Đảng"
            ]
        );
        let r = read(text, None);
        let groups: Vec<_> = r[0]
            .addressees
            .iter()
            .map(|a| match a {
                Addressee::Group { group, .. } => *group,
                _ => Group::Other,
            })
            .collect();
        assert_eq!(
            groups,
            [Group::CentralPartyBoards, Group::CentralPartyCommittees]
        );
        assert!(matches!(
            r[1].addressees[0],
            Addressee::Group {
                group: Group::Provinces,
                body: Body::Party,
                ..
            }
        ));
        assert!(matches!(r[2].addressees[0], Addressee::Persons { .. }));
    }

    #[test]
    fn columns_and_units_completed() {
        let text = " Nơi nhận:                                               T/M TỈNH ỦY\n\
                    - Ban Bí thư Trung ương Đảng (để b/c),             BÍ THƯ\n\
                    - Đảng ủy Ủy ban nhân dân tỉnh,\n- Lưu Văn phòng Tỉnh ủy.\n";
        let r = read(text, Some("Lào Cai"));
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].text, "Ban Bí thư Trung ương Đảng (để b/c)");
        assert_eq!(
            r[0].addressees,
            [Addressee::Unit {
                name: "Ban Bí thư Trung ương Đảng".into()
            }]
        );
        assert_eq!(
            r[1].addressees,
            [Addressee::Unit {
                name: "Đảng ủy Ủy ban nhân dân tỉnh Lào Cai".into()
            }]
        );
        assert_eq!(&text[r[1].span.clone()], "Đảng ủy Ủy ban nhân dân tỉnh,");
    }

    #[test]
    fn kinh_gui_on_its_line_and_in_a_markdown_table() {
        assert_eq!(
            texts("Kính gửi: Ban Thường vụ Tỉnh ủy\n\nThực hiện ..."),
            ["Ban Thường vụ Tỉnh ủy"]
        );
        let md = "*Nơi nhận:*\n- Các cơ quan, ban đảng Trung ương,\n- Như trên;\n|\n**T/M BỘ CHÍNH\nTRỊ**";
        assert_eq!(texts(md), ["Các cơ quan, ban đảng Trung ương"]);
        assert!(texts("Nơi nhận thông tin về bầu cử là Ủy ban").is_empty());
    }
}
