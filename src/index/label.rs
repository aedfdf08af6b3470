//! What a document is called: its title (read after its kind), else its kind, number and
//! date, else the first line of its text that says something; in a list of hits, cut short.

use crate::doc::Document;
use crate::message;
use crate::text::fold;

/// A document's name in a list of hits, at most [`LABEL_CHARS`].
pub fn label(doc: &Document, body: &str) -> String {
    capped(&name(doc, body))
}

/// A document's name, whole (the heading of its page).
pub fn name(doc: &Document, body: &str) -> String {
    if let Some(title) = doc
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return with_kind(doc.kind.as_deref(), title);
    }
    let number = doc.own_id.as_ref().map(|i| i.to_string());
    if doc.kind.is_some() || number.is_some() {
        return message::untitled(
            doc.kind.as_deref(),
            number.as_deref(),
            doc.issuer.as_deref(),
            doc.date,
        );
    }
    first_line(body).map_or_else(|| doc.id.clone(), String::from)
}

const LABEL_CHARS: usize = 160;

/// A title read after its kind, as it stands under the kind line (`Kế hoạch thực hiện …`,
/// `Quyết định về việc …`, `Công văn V/v …`), unless it already names the kind or is written
/// in capitals.
fn with_kind(kind: Option<&str>, title: &str) -> String {
    let Some(kind) = kind else {
        return title.to_string();
    };
    let mut letters = title
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(8)
        .peekable();
    let capitals = letters.peek().is_some() && letters.all(|c| !c.is_lowercase());
    if fold(title).starts_with(&fold(kind)) || capitals {
        return title.to_string();
    }
    let mut words = title.split_whitespace();
    let first_word = words.next().unwrap_or_default();
    // `Ban Chấp hành …`, `Hà Nội …`, `V/v …`: a name or an abbreviation keeps its capital
    let name = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if name || first_word.starts_with("V/v") {
        return format!("{kind} {title}");
    }
    let mut chars = title.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_lowercase().collect())
        .unwrap_or_default();
    format!("{kind} {first}{}", chars.as_str())
}

fn capped(s: &str) -> String {
    if s.chars().count() <= LABEL_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(LABEL_CHARS).collect();
    out.push('…');
    out
}

/// The first line of a text that says something: six words at least, not the national
/// motto, not a numbered heading (`Điều 1. Phạm vi điều chỉnh`, `Chương II`), without its
/// item number (`1.`, `a)`).
fn first_line(body: &str) -> Option<&str> {
    body.lines()
        .map(|l| without_item_number(l.trim()))
        .find(|l| l.split_whitespace().count() >= 6 && !is_furniture(l))
}

/// `1. Nghị định này …` → `Nghị định này …`.
fn without_item_number(line: &str) -> &str {
    match line.split_once(' ') {
        Some((item, rest)) if item.len() <= 3 && item.ends_with(['.', ')']) => rest.trim_start(),
        _ => line,
    }
}

/// What is not a document's first words: the national motto, a line in capitals (an issuer,
/// a kind), the place and date line, an address (`Kính gửi`), a heading word followed by its
/// number (`Điều 1.`, `Chương II`, `Phần thứ nhất`).
fn is_furniture(line: &str) -> bool {
    const MOTTO: &[&str] = &[
        "cong hoa xa hoi chu nghia",
        "doc lap",
        "dang cong san viet nam",
        "kinh gui",
    ];
    const HEADINGS: &[&str] = &["dieu", "chuong", "phan", "muc"];
    let folded = fold(line);
    if MOTTO.iter().any(|m| folded.starts_with(m)) || !line.chars().any(char::is_lowercase) {
        return true;
    }
    if folded.contains(" ngay ") && folded.contains(" thang ") {
        return true;
    }
    let mut words = folded.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let number = second.trim_end_matches(['.', ':']);
    HEADINGS.contains(&first)
        && !number.is_empty()
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.bytes().all(|b| b"ivxlc".contains(&b))
            || number == "thu")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_read_after_their_kind() {
        let cases = [
            (
                Some("Kế hoạch"),
                "thực hiện Kết luận số 75-KL/TW",
                "Kế hoạch thực hiện Kết luận số 75-KL/TW",
            ),
            (
                Some("Kế hoạch"),
                "Thực hiện Kết luận số 21-KL/TW",
                "Kế hoạch thực hiện Kết luận số 21-KL/TW",
            ),
            (
                Some("Quyết định"),
                "Về việc đào tạo cán bộ",
                "Quyết định về việc đào tạo cán bộ",
            ),
            (
                Some("Công văn"),
                "V/v chính sách thuế",
                "Công văn V/v chính sách thuế",
            ),
            (
                Some("Nghị quyết"),
                "Nghị quyết của Bộ Chính trị về khoa học",
                "Nghị quyết của Bộ Chính trị về khoa học",
            ),
            (
                Some("Quyết định"),
                "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH",
                "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH",
            ),
            (None, "Luật Đất đai 2024", "Luật Đất đai 2024"),
            (
                Some("Thông báo"),
                "Ý KIẾN CỦA THƯỜNG TRỰC BAN BÍ THƯ",
                "Ý KIẾN CỦA THƯỜNG TRỰC BAN BÍ THƯ",
            ),
            (
                Some("Chỉ thị"),
                "Ban Chấp hành Trung ương về công tác dân vận",
                "Chỉ thị Ban Chấp hành Trung ương về công tác dân vận",
            ),
            (
                Some("Kế hoạch"),
                "Hội nghị lần thứ ba",
                "Kế hoạch hội nghị lần thứ ba",
            ),
        ];
        for (kind, title, want) in cases {
            assert_eq!(with_kind(kind, title), want, "{title}");
        }
    }

    #[test]
    fn first_lines() {
        let cases = [
            ("Điều 1. Phạm vi điều chỉnh\n1. Nghị định này quy định về thủy lợi và đê điều.", "Nghị định này quy định về thủy lợi và đê điều."),
            ("CHƯƠNG II\nChương trình hành động thực hiện Kết luận số 75", "Chương trình hành động thực hiện Kết luận số 75"),
            ("Mức chi cho các kỳ thi năm học 2025 của tỉnh", "Mức chi cho các kỳ thi năm học 2025 của tỉnh"),
            ("Phân cấp quản lý tài sản công cho các huyện", "Phân cấp quản lý tài sản công cho các huyện"),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\na) Hỗ trợ các hộ gia đình bị thiệt hại", "Hỗ trợ các hộ gia đình bị thiệt hại"),
        ];
        for (body, want) in cases {
            assert_eq!(first_line(body), Some(want), "{body}");
        }
        assert_eq!(first_line("Điều 1.\nNgắn quá"), None);
        let header = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM VÀ CÁC SỞ\nQuảng Nam, ngày 25 tháng 10 năm 2021 tại trụ sở\nKính gửi: các sở, ban, ngành và địa phương\nPHẦN THỨ NHẤT KẾT QUẢ\nTình hình triển khai các nhiệm vụ trong quý";
        assert_eq!(
            first_line(header),
            Some("Tình hình triển khai các nhiệm vụ trong quý")
        );
    }
}
