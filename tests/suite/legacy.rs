//! Legacy encodings: every Vietnamese letter and tone in TCVN3 and VNI, detection in files,
//! and clean Unicode left as it is.

use trichdan::ingest::{decode_any, read_document};
use trichdan::text::legacy::{convert, detect, Legacy};

use crate::support::temp_dir;

const VOWELS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// How VNI-Windows writes each vowel row (base) and each tone (mark after it), for rows
/// that take marks; i and ỵ are single letters (see below).
fn vni(row: usize, tone: usize, upper: bool) -> String {
    let tone_mark = ["", "ø", "ù", "û", "õ", "ï"][tone];
    let (base, marks): (&str, [&str; 6]) = match row {
        0 => ("a", ["", "ø", "ù", "û", "õ", "ï"]),
        1 => ("a", ["ê", "è", "é", "ú", "ü", "ë"]),
        2 => ("a", ["â", "à", "á", "å", "ã", "ä"]),
        3 => ("e", ["", "ø", "ù", "û", "õ", "ï"]),
        4 => ("e", ["â", "à", "á", "å", "ã", "ä"]),
        5 => return ["i", "ì", "í", "æ", "ó", "ò"][tone].to_string(),
        6 => ("o", ["", "ø", "ù", "û", "õ", "ï"]),
        7 => ("o", ["â", "à", "á", "å", "ã", "ä"]),
        8 => return format!("ô{tone_mark}"),
        9 => ("u", ["", "ø", "ù", "û", "õ", "ï"]),
        10 => return format!("ö{tone_mark}"),
        _ if tone == 5 => return "î".to_string(),
        _ => ("y", ["", "ø", "ù", "û", "õ", "ï"]),
    };
    let s = format!("{base}{}", marks[tone]);
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

#[test]
fn every_letter_and_tone_in_vni() {
    for (row, letters) in VOWELS.iter().enumerate() {
        for (tone, letter) in letters.chars().enumerate() {
            for upper in [false, true] {
                let legacy = if upper {
                    vni(row, tone, true).to_uppercase()
                } else {
                    vni(row, tone, false)
                };
                let expected: String = if upper {
                    letter.to_uppercase().collect()
                } else {
                    letter.to_string()
                };
                assert_eq!(
                    convert(&legacy, Legacy::Vni),
                    expected,
                    "row {row} tone {tone}: {legacy}"
                );
            }
        }
    }
    assert_eq!(convert("ñ Ñ", Legacy::Vni), "đ Đ");
}

#[test]
fn every_letter_and_tone_in_tcvn3_against_glibc() {
    // glibc's TCVN5712-1 converter is the reference for the 8-bit table
    std::process::Command::new("iconv")
        .arg("--version")
        .output()
        .expect("this test needs glibc's iconv (Debian's libc-bin)");
    let mut seen = std::collections::BTreeSet::new();
    for &(byte, letter) in trichdan::text::legacy::tcvn3_table() {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "printf '\\{:o}' | iconv -f TCVN5712-1 -t UTF-8",
                byte as u32
            ))
            .output()
            .unwrap();
        let glibc = trichdan::text::compose(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(letter.to_string(), glibc, "byte {:#x}", byte as u32);
        assert_eq!(
            convert(&byte.to_string(), Legacy::Tcvn3),
            letter.to_string()
        );
        seen.insert(letter);
    }
    // every lowercase letter with a tone or a quality mark, and the capitals TCVN3 has
    for letters in VOWELS {
        for c in letters.chars().filter(|c| !c.is_ascii()) {
            assert!(seen.contains(&c), "{c} missing from the TCVN3 table");
        }
    }
    for c in "ăâêôơưđĂÂÊÔƠƯĐ".chars() {
        assert!(seen.contains(&c), "{c} missing from the TCVN3 table");
    }
}

#[test]
fn detection() {
    let cases: [(&str, Option<Legacy>); 6] = [
        (
            "Thùc hiÖn KÕt luËn sè 21-KL/TW ngµy 25/10/2021 cña Ban ChÊp hµnh Trung \u{AD}¬ng",
            Some(Legacy::Tcvn3),
        ),
        (
            "Thöïc hieän Keát luaän soá 21-KL/TW ngaøy 25/10/2021 cuûa Ban Chaáp haønh Trung öông",
            Some(Legacy::Vni),
        ),
        (
            "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương",
            None,
        ),
        ("Thực hiện Kết luận, café au lait, señor, naïve", None),
        ("Plain English text with no accents at all", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(detect(text), expected, "{text}");
    }
}

#[test]
fn legacy_files_are_converted_and_reported() {
    let dir = temp_dir("legacy");
    // 8-bit TCVN3 bytes: not UTF-8
    let tcvn: Vec<u8> =
        "KÕ ho¹ch\nThùc hiÖn KÕt luËn sè 21-KL/TW cña Ban ChÊp hµnh Trung \u{AD}¬ng"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
    std::fs::write(dir.join("tcvn.txt"), &tcvn).unwrap();
    // VNI already mis-decoded into Latin-1 letters, saved as UTF-8
    std::fs::write(
        dir.join("vni.txt"),
        "Keá hoaïch\nThöïc hieän Keát luaän soá 21-KL/TW cuûa Ban Chaáp haønh Trung öông",
    )
    .unwrap();
    for (file, encoding) in [
        ("tcvn.txt", "TCVN3 (8-bit)"),
        ("vni.txt", "VNI (mis-decoded)"),
    ] {
        let doc = read_document(&dir.join(file)).unwrap();
        assert!(
            doc.text.contains("Thực hiện Kết luận số 21-KL/TW"),
            "{file}: {}",
            doc.text
        );
        assert_eq!(doc.encoding.as_deref(), Some(encoding));
        assert_eq!(doc.citations[0].id.to_string(), "21-KL/TW");
    }
    // clean Unicode is never converted; bytes that are neither still fail with an offset
    let (text, enc) = decode_any("Đảng ủy Khối, khoá XIII".as_bytes()).unwrap();
    assert_eq!((text.as_str(), enc), ("Đảng ủy Khối, khoá XIII", None));
    assert_eq!(decode_any(b"abc\xFF\xFE\x00def").unwrap_err().offset, 3);
}
