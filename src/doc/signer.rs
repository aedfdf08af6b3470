//! The signer: the name under the last signature block (`TM.`, `T/M`, `KT.`, `CHỦ TỊCH`, ...).

use std::sync::LazyLock;

use regex::Regex;

use super::line::{is_upper, lines, Line};

/// How much of the end of a document is searched for the signature block, in bytes.
const TAIL: usize = 4000;

/// How many lines after a signature heading the name may come.
const MAX_GAP: usize = 10;

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

/// The signer's name, when a signature block is followed by a line that reads as a name.
pub fn signer(text: &str) -> Option<String> {
    let tail_start = text.ceil_char_boundary(text.len().saturating_sub(TAIL));
    let all: Vec<Line> = lines(&text[tail_start..]).collect();
    let block = all.iter().rposition(|l| opens_block(l.clean()))?;
    all[block + 1..]
        .iter()
        .take(MAX_GAP)
        .map(Line::clean)
        .filter(|t| !t.is_empty() && !is_upper(t) && !t.starts_with('('))
        .find(|t| NAME.is_match(t))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (text, expected) in cases {
            assert_eq!(signer(text).as_deref(), expected, "{text:?}");
        }
    }
}
