//! Page furniture that text extracted from a PDF carries between the lines of a document:
//! the Công báo running head, page numbers, the lines of an electronic signature stamp.

use std::sync::LazyLock;

use regex::Regex;

/// True for a line (already trimmed of markup) that is page furniture, not the document's
/// own text.
pub fn is_furniture(clean: &str) -> bool {
    static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:CÔNG BÁO/|[0-9]{1,4}$|(?:Người ký|Ký bởi|Email|Cơ quan|Thời gian ký|Ngày ký)\s*:)",
        )
        .unwrap()
    });
    FURNITURE.is_match(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_text() {
        for line in [
            "CÔNG BÁO/Số 327/Ngày 14-06-2026",
            "108",
            "Người ký: CỔNG THÔNG TIN",
            "Email: a@b.vn",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Căn cứ Luật số 47/2019/QH14;",
            "Điều 12. Hiệu lực thi hành",
            "Cơ quan ban hành Bộ Tài chính",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
