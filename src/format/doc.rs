//! Word 97–2003 `.doc` files, through `antiword` (Debian: antiword), else `catdoc`.

use std::ffi::OsStr;

use super::tool::{arg, run, scratch};

/// The text of a `.doc` file.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let (_dir, doc) = scratch("file.doc", bytes)?;
    let read = run(
        "antiword",
        &[
            OsStr::new("-w"),
            OsStr::new("0"),
            OsStr::new("-m"),
            OsStr::new("UTF-8.txt"),
            arg(&doc),
        ],
        "antiword",
    )
    .or_else(|first| {
        run(
            "catdoc",
            &[
                OsStr::new("-d"),
                OsStr::new("utf-8"),
                OsStr::new("-w"),
                arg(&doc),
            ],
            "catdoc",
        )
        .map_err(|_| first)
    })?;
    String::from_utf8(read).map_err(|_| crate::message::format::DOC_UNREADABLE.to_string())
}
