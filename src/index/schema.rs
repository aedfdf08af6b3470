//! The tantivy schema: stored text for display, two analyzed copies (tone key and folded)
//! for search, the folded opening, identifiers as raw keys, facet fields, and the extracted document as JSON.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

use super::analyzer::{FOLD_ANALYZER, TONE_ANALYZER};

/// Handles to every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The document id (file stem), raw, stored: the key for replace and remove.
    pub id: Field,
    pub title: Field,
    pub title_fold: Field,
    /// The composed text, stored for display and snippets; indexed by tone key without
    /// positions (it ranks the diacritics typed).
    pub body: Field,
    pub body_fold: Field,
    /// The opening of the text (kind, number, title, preamble), folded: words there say
    /// what a document is about, titled or not.
    pub opening_fold: Field,
    /// Identifier keys (`124-QD/TW`, see `CiteId::key`), raw.
    pub cites: Field,
    pub implements: Field,
    pub based_on: Field,
    pub own_id: Field,
    /// Kind as written (`Kế hoạch`), for facets; `kind_key` folded, for filters.
    pub kind: Field,
    pub kind_key: Field,
    pub year: Field,
    /// Date of issue as `yyyymmdd`.
    pub date: Field,
    /// The locality the document belongs to (not the city on its date line).
    pub place: Field,
    pub place_key: Field,
    /// The issuing body's level (`Trung ương`, `Tỉnh`, `Huyện`, `Xã`).
    pub level: Field,
    pub level_key: Field,
    /// The issuer as a person names it, for facets; `issuer_key` folded, with each body of a
    /// joint issuer (`Bộ Chính trị, Ban Bí thư`) apart; `under_key` also the bodies it
    /// belongs to (`Tỉnh ủy Lào Cai` for its `Ban Thường vụ`), for `under:`.
    pub issuer: Field,
    pub issuer_key: Field,
    pub under_key: Field,
    /// The signer, folded.
    pub signer_key: Field,
    /// The extracted document (header and citations) as JSON: the one source of truth for
    /// hits and for the citation graph.
    pub meta: Field,
}

fn analyzed(analyzer: &str, stored: bool) -> TextOptions {
    analyzed_with(analyzer, stored, IndexRecordOption::WithFreqsAndPositions)
}

fn analyzed_with(analyzer: &str, stored: bool, record: IndexRecordOption) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(record);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let numeric = NumericOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED | FAST),
        title: b.add_text_field("title", analyzed(TONE_ANALYZER, true)),
        title_fold: b.add_text_field("title_fold", analyzed(FOLD_ANALYZER, false)),
        // Terms and counts only: phrases and neighbours are read in the folded copy, and
        // positions here cost a fifth of a build (ARCHITECTURE.md, "One positional copy").
        body: b.add_text_field(
            "body",
            analyzed_with(TONE_ANALYZER, true, IndexRecordOption::WithFreqs),
        ),
        body_fold: b.add_text_field("body_fold", analyzed(FOLD_ANALYZER, false)),
        opening_fold: b.add_text_field("opening_fold", analyzed(FOLD_ANALYZER, false)),
        cites: b.add_text_field("cites", STRING),
        implements: b.add_text_field("implements", STRING),
        based_on: b.add_text_field("based_on", STRING),
        own_id: b.add_text_field("own_id", STRING),
        kind: b.add_text_field("kind", STRING | FAST | STORED),
        kind_key: b.add_text_field("kind_key", STRING),
        year: b.add_u64_field("year", numeric.clone()),
        date: b.add_u64_field("date", numeric),
        place: b.add_text_field("place", STRING | FAST | STORED),
        place_key: b.add_text_field("place_key", STRING),
        level: b.add_text_field("level", STRING | FAST | STORED),
        level_key: b.add_text_field("level_key", STRING),
        issuer: b.add_text_field("issuer", STRING | FAST | STORED),
        issuer_key: b.add_text_field("issuer_key", STRING),
        under_key: b.add_text_field("under_key", STRING),
        signer_key: b.add_text_field("signer_key", STRING),
        meta: b.add_text_field("meta", STORED),
    };
    (b.build(), fields)
}
