//! PDF with a text layer, through pdf-extract. A PDF whose pages carry no text (a scan) is
//! reported as such: it needs OCR first.

/// The text of a PDF, or why there is none.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    // pdf-extract can panic on malformed files; a bad file must not stop a corpus
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| "tệp PDF hỏng, không đọc được".to_string())?
        .map_err(|e| format!("tệp PDF không đọc được: {e}"))?;
    if extracted.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Err(
            "tệp PDF không có lớp chữ (bản quét); hãy nhận dạng chữ (OCR) rồi lập chỉ mục văn bản thu được"
                .to_string(),
        );
    }
    Ok(extracted)
}
