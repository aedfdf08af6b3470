//! Properties of the text functions over arbitrary and Vietnamese-like input.

use proptest::prelude::*;
use trichdan::cite::CiteId;
use trichdan::text::{compose, fold, tone_key};

/// Vietnamese letters in both composed and decomposed forms, ASCII, punctuation, spaces.
fn vietnamese() -> impl Strategy<Value = String> {
    let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ\
                   AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ\
                   bcdghklmnpqrstvx0123456789 ,.;:-/–“”()\n\t\u{a0}\u{200b}\u{300}\u{301}\u{303}\u{309}\u{323}";
    let chars: Vec<char> = letters.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn composition_is_idempotent(s in any::<String>()) {
        let once = compose(&s);
        prop_assert_eq!(compose(&once), once);
    }

    #[test]
    fn composition_is_idempotent_on_vietnamese(s in vietnamese()) {
        let once = compose(&s);
        prop_assert_eq!(compose(&once), once);
    }

    #[test]
    fn folding_is_idempotent(s in vietnamese()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn folding_never_panics(s in any::<String>()) {
        let _ = fold(&s);
    }

    #[test]
    fn folded_vietnamese_is_ascii(s in vietnamese()) {
        let folded = fold(&s);
        prop_assert!(
            folded.chars().all(|c| c.is_ascii() || "–“”\u{a0}\u{200b}".contains(c)),
            "{:?}", folded
        );
        let letters_only: String = s.chars().filter(|c| c.is_alphabetic()).collect();
        prop_assert!(fold(&letters_only).is_ascii());
    }

    #[test]
    fn folding_ignores_tone_style(s in vietnamese()) {
        let composed = compose(&s);
        prop_assert_eq!(fold(&tone_key(&composed)), fold(&composed));
    }

    #[test]
    fn tone_key_is_idempotent(s in vietnamese()) {
        let composed = compose(&s);
        let once = tone_key(&composed).into_owned();
        prop_assert_eq!(tone_key(&once).into_owned(), once);
    }

    #[test]
    fn identifier_display_parses_back(num in 1u32..9999, kind in "(KL|NQ|QĐ|QĐi|CT|KH|CTr)", iss in "(TW|TU|HU|ĐUK|ĐĐ)") {
        let id = CiteId::parse(&format!("{num}-{kind}/{iss}")).unwrap();
        prop_assert_eq!(CiteId::parse(&id.to_string()).unwrap(), id.clone());
        prop_assert_eq!(CiteId::parse(&fold(&id.to_string())).unwrap().key(), id.key());
    }

    #[test]
    fn parser_never_panics(s in any::<String>()) {
        let _ = CiteId::parse(&s);
    }
}

/// Tokens with text, offsets and positions, for comparing analyzers.
fn analyzed(
    mut a: tantivy::tokenizer::TextAnalyzer,
    s: &str,
) -> Vec<(String, usize, usize, usize)> {
    use tantivy::tokenizer::TokenStream;
    let mut stream = a.token_stream(s);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
    }
    out
}

/// Words long enough to be dropped, mixed in.
fn with_long_words() -> impl Strategy<Value = String> {
    (vietnamese(), 0usize..3).prop_map(|(s, n)| format!("{s} {} {s}", "Đảngủy".repeat(n * 6)))
}

proptest! {
    #[test]
    fn fused_tokenizer_gives_the_filter_chain_tokens(s in with_long_words()) {
        use trichdan::index::{fold_analyzer, fold_chain, tone_analyzer, tone_chain};
        let composed = compose(&s);
        prop_assert_eq!(analyzed(tone_analyzer(), &composed), analyzed(tone_chain(), &composed));
        prop_assert_eq!(analyzed(fold_analyzer(), &composed), analyzed(fold_chain(), &composed));
    }

    #[test]
    fn fused_tokenizer_matches_on_any_text(s in any::<String>()) {
        use trichdan::index::{fold_analyzer, fold_chain, tone_analyzer, tone_chain};
        prop_assert_eq!(analyzed(tone_analyzer(), &s), analyzed(tone_chain(), &s));
        prop_assert_eq!(analyzed(fold_analyzer(), &s), analyzed(fold_chain(), &s));
    }
}

#[test]
fn fused_tokenizer_splits_and_writes_like_tantivy_on_every_character_it_reads_by_bytes() {
    use trichdan::index::{fold_analyzer, fold_chain, tone_analyzer, tone_chain};
    let ranges = [0x80..=0x24F, 0x1E00..=0x1EFF, 0x2000..=0x20CF];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let s = format!("a{c}b {c} x{c} {c}{c}");
        assert_eq!(
            analyzed(fold_analyzer(), &s),
            analyzed(fold_chain(), &s),
            "{c:?}"
        );
        assert_eq!(
            analyzed(tone_analyzer(), &s),
            analyzed(tone_chain(), &s),
            "{c:?}"
        );
    }
}
