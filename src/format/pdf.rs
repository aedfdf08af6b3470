//! PDF with a text layer, through pdf-extract. A PDF whose pages carry no text (a scan) is
//! told apart, for OCR.

/// The text of a PDF, `None` when its pages carry no text (a scan), or why it is unreadable.
pub fn text(bytes: &[u8]) -> Result<Option<String>, String> {
    // pdf-extract can panic on malformed files; a bad file must not stop a corpus
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| crate::message::format::PDF_DAMAGED.to_string())?
        .map_err(|_| crate::message::format::PDF_DAMAGED.to_string())?;
    if extracted.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Ok(None);
    }
    Ok(Some(extracted))
}
