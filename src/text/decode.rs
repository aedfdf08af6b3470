//! Bytes to text: UTF-8 (a BOM is stripped) and UTF-16 LE/BE behind a BOM; nothing is guessed.

/// Why a byte sequence could not be decoded: the encoding tried and the byte offset of the
/// first sequence that is not valid in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeFailure {
    pub encoding: &'static str,
    pub offset: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a file's bytes. UTF-16 is accepted only with a byte-order mark; anything else
/// must be UTF-8. Offsets in a failure count bytes from the start of `bytes`, BOM included.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeFailure> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return utf8(rest, UTF8_BOM.len());
    }
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes, "UTF-16LE"),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes, "UTF-16BE"),
        _ => utf8(bytes, 0),
    }
}

/// Validates with simdutf8 (SIMD; `std::str::from_utf8` ran at ~0.3 GB/s on Vietnamese text
/// here and was 6% of an index build); only on failure does the slower std validator run, to
/// find the offset of the first bad sequence.
fn utf8(bytes: &[u8], base: usize) -> Result<String, DecodeFailure> {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => Err(DecodeFailure {
            encoding: "UTF-8",
            offset: base + e.valid_up_to(),
        }),
    }
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: &'static str,
) -> Result<String, DecodeFailure> {
    const BOM_LEN: usize = 2;
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut out = String::with_capacity(bytes.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(DecodeFailure {
                    encoding,
                    offset: BOM_LEN + 2 * i,
                })
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(DecodeFailure {
            encoding,
            offset: BOM_LEN + bytes.len() - 1,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut v = vec![0xFF, 0xFE];
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut v = vec![0xFE, 0xFF];
        v.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        v
    }

    #[test]
    fn accepted_encodings() {
        let text = "Kết luận số 21-KL/TW";
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (text.as_bytes().to_vec(), text),
            ([UTF8_BOM, text.as_bytes()].concat(), text),
            (utf16le(text), text),
            (utf16be(text), text),
            (Vec::new(), ""),
        ];
        for (bytes, expected) in cases {
            assert_eq!(decode(&bytes).unwrap(), expected, "{bytes:?}");
        }
    }

    #[test]
    fn failures_name_encoding_and_offset() {
        let cases: Vec<(Vec<u8>, &str, usize)> = vec![
            (b"abc\xFFdef".to_vec(), "UTF-8", 3),
            ([UTF8_BOM, b"ab\xC3"].concat(), "UTF-8", 5),
            // TCVN3 "Ninh B×nh" saved as 8-bit: × is 0xD7, not UTF-8.
            (b"Ninh B\xD7nh".to_vec(), "UTF-8", 6),
            // A lone high surrogate in UTF-16LE after "ab".
            (
                vec![0xFF, 0xFE, b'a', 0, b'b', 0, 0x00, 0xD8, b'c', 0],
                "UTF-16LE",
                6,
            ),
            (vec![0xFE, 0xFF, 0, b'a', 0], "UTF-16BE", 4),
        ];
        for (bytes, encoding, offset) in cases {
            assert_eq!(
                decode(&bytes).unwrap_err(),
                DecodeFailure { encoding, offset },
                "{bytes:?}"
            );
        }
    }
}
