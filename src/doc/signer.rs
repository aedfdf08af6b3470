//! The signer: the name under the last signature block (`TM.`, `T/M`, `KT.`, `CHỦ TỊCH`, ...).

use std::sync::LazyLock;

use regex::Regex;

use super::line::{is_upper, lines_from, Line};

/// How many non-blank lines after a signature heading the name may come (a distribution
/// list set beside the block comes first).
const MAX_GAP: usize = 14;

static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:TM\.|TM\s|T/M|KT\.|KT\s|K/T|TL\.|Q\.|CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|BÍ\s+THƯ|PHÓ\s+BÍ\s+THƯ|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|CHÁNH\s+VĂN\s+PHÒNG)",
    )
    .unwrap()
});

static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$").unwrap());

/// True for a line that opens a signature block; the letters every [`BLOCK`] opening starts
/// with are checked first, before the regex.
fn opens_block(line: &str) -> bool {
    line.starts_with(['T', 'K', 'Q', 'C', 'P', 'B', 'G']) && BLOCK.is_match(line)
}

/// What a signature block says: who signed, and the body signed for (`BỘ CHÍNH TRỊ` of `T/M
/// BỘ CHÍNH TRỊ`, the first such line).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    pub signer: Option<String>,
    pub on_behalf: Option<String>,
}

/// The signer and the body signed for, read in one pass over the block openings. The signer
/// is the name under the first signature block followed by a line that reads as a name. The
/// whole text is read, because appendices (`PHỤ LỤC`, `DANH MỤC`) often follow the
/// signature; a name broken over two lines (`Lê Tấn` / `Cận`) is joined.
pub fn signature(text: &str) -> Signature {
    // the openings' words found by a literal search (the pattern without its `^`), then
    // each hit checked where it stands: a line-anchored search ran over every byte
    static WORDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(&BLOCK.as_str()[1..]).unwrap());
    let mut out = Signature::default();
    for m in WORDS
        .find_iter(text)
        .filter(|m| opens_cell(text, m.start()))
    {
        let end = memchr::memchr(b'\n', &text.as_bytes()[m.start()..])
            .map_or(text.len(), |n| m.start() + n);
        let line = super::line::clean(&text[m.start()..end]);
        if !opens_block(line) {
            continue;
        }
        if out.on_behalf.is_none() {
            out.on_behalf = super::issuer::on_behalf(line);
        }
        if end < text.len() {
            let after: Vec<Line> = lines_from(text, end + 1)
                .filter(|l| !l.is_blank())
                .take(MAX_GAP)
                .collect();
            out.signer = name_after(&after);
        }
        // a later block (an appendix's form) speaks for nobody here
        if out.signer.is_some() {
            break;
        }
    }
    out
}

/// True when what stands before `at` on its line leaves it opening a cell: nothing but
/// markup, a column gap of three spaces (`Nơi nhận:        T/M BAN THƯỜNG VỤ`), a label
/// ending in a colon (`Nơi nhân: T/M BAN THƯỜNG VỤ`, OCR), or a table's bar (`- Lưu … | T/M`).
fn opens_cell(text: &str, at: usize) -> bool {
    let start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |n| n + 1);
    let before = &text[start..at];
    before
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '|' | '>' | '•'))
        .is_empty()
        || before.ends_with("   ")
        || before.trim_end().ends_with([':', '|'])
}

/// The name among the first lines after a signature heading.
fn name_after(after: &[Line]) -> Option<String> {
    let lines: Vec<&str> = after
        .iter()
        .map(Line::clean)
        // the distribution list beside the block (`- Như trên;`) is not the name
        .filter(|t| !t.is_empty() && !t.starts_with(['(', '-', '+', '–']) && !is_stamp(t))
        .collect();
    let at = lines
        .iter()
        .position(|t| !is_upper(t) && NAME.is_match(strip_rank(t)))?;
    let mut name: Vec<&str> = strip_rank(lines[at]).split_whitespace().collect();
    let next = lines.get(at + 1).copied().unwrap_or_default();
    if name.len() == 2 && !next.contains(' ') && NAME_PART.is_match(next) {
        name.push(next);
    }
    Some(name.join(" "))
}

/// An electronic-signature stamp line (`Người ký: …`, `Email: …`), set between a title of
/// office and the name.
fn is_stamp(line: &str) -> bool {
    [
        "Người ký",
        "Ký bởi",
        "Email",
        "Cơ quan",
        "Thời gian ký",
        "Ngày ký",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// A military or police rank written before the name (`Thượng tướng Nguyễn Văn A`).
fn strip_rank(line: &str) -> &str {
    static RANK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)\s+").unwrap());
    RANK.find(line).map_or(line, |m| &line[m.end()..])
}

static NAME_PART: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}\p{Ll}+$").unwrap());

#[cfg(test)]
mod tests {
    use super::*;

    /// The body a signature acts for, beside a distribution list, after a table bar, in
    /// emphasis; the first `T/M` line gives it.
    #[test]
    fn signed_for() {
        let cases = [
            (
                "Nơi nhận:                     T/M TỈNH ỦY\n- Như trên\n\nHoàng Giang",
                Some("TỈNH ỦY"),
            ),
            (
                "- Lưu Văn phòng Trung ương Đảng. | T/M BỘ CHÍNH TRỊ\n",
                Some("BỘ CHÍNH TRỊ"),
            ),
            ("**T/M BAN BÍ THƯ**\n", Some("BAN BÍ THƯ")),
            (
                "TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH\n\nNguyễn Phi Hùng",
                Some("BAN THƯỜNG TRỰC"),
            ),
            ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Tấn Cận\n", None),
            ("Nơi nhận:\n- Như trên;\n", None),
        ];
        for (text, expected) in cases {
            assert_eq!(signature(text).on_behalf.as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn table() {
        let cases = [
            (
                "TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Phi Hùng",
                Some("Nguyễn Phi Hùng"),
            ),
            (
                "**T/M BAN THƯỜNG VỤ\nBÍ THƯ**\n\nNguyễn Đình Hải",
                Some("Nguyễn Đình Hải"),
            ),
            (
                "TM. BAN THƯỜNG TRỰC\n\nPHÓ CHỦ TỊCH\n\n \n\n(Đã ký)\n\n \n\n Huỳnh Mộng Giang\n",
                Some("Huỳnh Mộng Giang"),
            ),
            ("- Lưu MTTQ thành phố.\n", None),
            ("TM. BAN THƯỜNG VỤ\nBÍ THƯ\n\nCác văn bản khác", None),
            (
                "Nơi nhận:          T/M BAN THƯỜNG VỤ\n- Như trên (t/h);      PHÓ BÍ THƯ\n- Thường trực Tỉnh ủy (để b/c);\n- Lưu Văn phòng.\n\n\n\n             Nguyễn Hữu Long",
                Some("Nguyễn Hữu Long"),
            ),
            (
                "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Tấn\nCận\n",
                Some("Lê Tấn Cận"),
            ),
            (
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai Sơn\n\nPHỤ LỤC\nDANH MỤC\nNội dung",
                Some("Mai Sơn"),
            ),
            (
                "BỘ TRƯỞNG\nNgười ký: Bộ Quốc phòng\nThượng tướng Nguyễn Văn Nghĩa",
                Some("Nguyễn Văn Nghĩa"),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(signature(text).signer.as_deref(), expected, "{text:?}");
        }
    }
}
