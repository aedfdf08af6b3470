//! How free text matches and is scored. Every typed word (a unit, with its equivalent
//! forms) is required, in any order — or, relaxed, all but some. BM25 on the folded body is
//! the base; a word also found in the title (trích yếu) or in the opening of the text adds
//! more, as do words found with the diacritics typed, and then, on the best documents,
//! typed neighbours found side by side (Vietnamese words are two or three syllables; see
//! `proximity`). The weights were chosen on the judged query set (tests/golden/queries.json).

use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};

use super::expansion::Unit;
use super::proximity::Place;
use super::schema::Fields;

/// A word found in the title, on top of the body's BM25.
pub const TITLE: f32 = 1.0;
/// A word found in the opening (the first lines: kind, number, title, preamble).
pub const OPENING: f32 = 0.3;
/// Second stage (`proximity`): two words typed side by side found side by side, in the
/// body, the title, the opening; each find counts its rarity among the candidates and a
/// saturating count, times this weight.
pub const PAIR: f32 = 1.0;
pub const TITLE_PAIR: f32 = 1.0;
pub const OPENING_PAIR: f32 = 1.0;
/// Second stage: every word typed found side by side in the order typed, in the body, the
/// title.
pub const PHRASE: f32 = 3.0;
pub const TITLE_PHRASE: f32 = 3.0;
/// A word found with the diacritics it was typed with.
pub const TONE: f32 = 1.0;

/// The query for one clause of free text: `dropped` of its units may be missing. Words
/// found side by side are scored after, on the best documents (see `proximity`).
pub fn text_query(f: &Fields, units: &[Unit], dropped: usize) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, matching(f, units, dropped))];
    clauses.extend(scoring(f, units).into_iter().map(|q| (Occur::Should, q)));
    Box::new(BooleanQuery::new(clauses))
}

/// How many of a group's `n` units a search that drops `dropped` words requires: never
/// fewer than half (rounded up).
pub fn required(n: usize, dropped: usize) -> usize {
    n.saturating_sub(dropped).max(n.div_ceil(2)).max(1)
}

/// One plain typed word: a union of term queries over the fields, with the weights of
/// [`text_query`], which tantivy can prune (block-max WAND).
pub fn word_query(f: &Fields, units: &[Unit]) -> Box<dyn Query> {
    let mut fields = vec![unit(f.body_fold, &units[0])];
    fields.extend(scoring(f, units));
    Box::new(BooleanQuery::new(
        fields.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// The documents a lone word's query matches: those with it in the folded body (its other
/// clauses' terms are in the body too). tantivy counts a single term from its document
/// frequency, without walking the postings.
pub fn word_matches(f: &Fields, units: &[Unit]) -> Box<dyn Query> {
    unit(f.body_fold, &units[0])
}

/// A quoted phrase: required as typed (folded) in the body, and scored higher in the
/// title, in the opening and with the diacritics typed (in the body, every word with its
/// diacritics: the body's tone-key copy has no positions, and the folded phrase is there).
pub fn quoted_query(f: &Fields, folded: &[String], tone: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, phrase(f.body_fold, folded)),
        (Occur::Should, boosted(phrase(f.title_fold, folded), TITLE)),
        (
            Occur::Should,
            boosted(phrase(f.opening_fold, folded), OPENING),
        ),
        (Occur::Should, boosted(all_words(f.body, tone), TONE)),
        (Occur::Should, boosted(phrase(f.title, tone), TONE)),
    ]))
}

/// Where the second stage looks for typed neighbours, and their weights.
pub fn places(f: &Fields) -> [Place; 3] {
    [
        Place {
            field: f.body_fold,
            pair: PAIR,
            run: PHRASE,
        },
        Place {
            field: f.title_fold,
            pair: TITLE_PAIR,
            run: TITLE_PHRASE,
        },
        Place {
            field: f.opening_fold,
            pair: OPENING_PAIR,
            run: 0.0,
        },
    ]
}

/// The documents that have every unit in the folded body (all but `dropped` of them).
fn matching(f: &Fields, units: &[Unit], dropped: usize) -> Box<dyn Query> {
    let each = units.iter().map(|u| unit(f.body_fold, u));
    let required = required(units.len(), dropped);
    if required == units.len() {
        return Box::new(BooleanQuery::new(each.map(|q| (Occur::Must, q)).collect()));
    }
    Box::new(BooleanQuery::with_minimum_required_clauses(
        each.map(|q| (Occur::Should, q)).collect(),
        required,
    ))
}

/// What adds to the score of a matching document.
fn scoring(f: &Fields, units: &[Unit]) -> Vec<Box<dyn Query>> {
    let mut out = Vec::new();
    for u in units {
        out.push(boosted(unit(f.title_fold, u), TITLE));
        out.push(boosted(unit(f.opening_fold, u), OPENING));
        if let Some(tone) = &u.tone {
            out.push(boosted(phrase(f.body, std::slice::from_ref(tone)), TONE));
            out.push(boosted(phrase(f.title, std::slice::from_ref(tone)), TONE));
        }
    }
    out
}

/// A unit in one field: any of its forms, each a term or a phrase — except the words of
/// an abbreviation's long form as typed (`thủ tục hành chính`), which may come in any order
/// like other typed words.
fn unit(field: Field, u: &Unit) -> Box<dyn Query> {
    let form = |form: &Vec<String>| -> Box<dyn Query> {
        let typed_long = *form == u.typed && form.len() > 1 && u.forms.first() != Some(form);
        if !typed_long {
            return phrase(field, form);
        }
        Box::new(BooleanQuery::new(
            form.iter()
                .map(|w| (Occur::Must, phrase(field, std::slice::from_ref(w))))
                .collect(),
        ))
    };
    match u.forms.as_slice() {
        [only] => form(only),
        forms => Box::new(BooleanQuery::new(
            forms.iter().map(|f| (Occur::Should, form(f))).collect(),
        )),
    }
}

/// Every word in a field, in any place (one word: a term).
fn all_words(field: Field, words: &[String]) -> Box<dyn Query> {
    match words {
        [one] => phrase(field, std::slice::from_ref(one)),
        _ => Box::new(BooleanQuery::new(
            words
                .iter()
                .map(|w| (Occur::Must, phrase(field, std::slice::from_ref(w))))
                .collect(),
        )),
    }
}

/// Words as a phrase in a field (one word: a term).
fn phrase(field: Field, words: &[String]) -> Box<dyn Query> {
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    match terms.len() {
        1 => Box::new(TermQuery::new(
            terms.into_iter().next().expect("one term"),
            IndexRecordOption::WithFreqs,
        )),
        _ => Box::new(PhraseQuery::new(terms)),
    }
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}
