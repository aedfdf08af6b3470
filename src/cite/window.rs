//! Character-safe windows around a byte position, for the context readers.

/// The character just before byte `at`.
pub fn before_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character starting at byte `at`.
pub fn after_char(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Up to `max` bytes of text ending at `at`, cut on a character boundary, and its start.
pub fn window_before(text: &str, at: usize, max: usize) -> (&str, usize) {
    let start = text.ceil_char_boundary(at.saturating_sub(max));
    (&text[start..at], start)
}

/// Up to `max` bytes of text starting at `at` and ending before `limit`, on a boundary.
pub fn window_after(text: &str, at: usize, limit: usize, max: usize) -> &str {
    let end = text.floor_char_boundary(limit.min(at + max));
    &text[at..end.max(at)]
}
