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
    let mut start = at.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (&text[start..at], start)
}

/// Up to `max` bytes of text starting at `at` and ending before `limit`, on a boundary.
pub fn window_after(text: &str, at: usize, limit: usize, max: usize) -> &str {
    let mut end = limit.min(at + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end.max(at)]
}
