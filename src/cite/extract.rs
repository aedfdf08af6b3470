//! The extractor: find → resolve short forms and aliases → annotate → relate.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::context::{self, After, KindWord};
use super::relation::{self, Layout, Occurrence, Relation, Section, StatedRelation};
use super::scan::{scan, Form, Found};
use super::verb::Verbs;
use super::CiteId;
use super::{ocr, short};
use crate::date::Date;

/// One occurrence of a cited identifier, with what the text says about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Citation {
    /// The identifier in canonical form.
    pub id: CiteId,
    /// The text as written at `span`.
    pub raw: String,
    /// Byte range in the composed text, shown as `[start, end]`.
    #[serde(serialize_with = "span_pair", deserialize_with = "pair_span")]
    pub span: Range<usize>,
    pub relation: Relation,
    pub section: Section,
    pub form: Form,
    pub kind_word: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub khoa: Option<String>,
    pub subject: Option<String>,
}

fn span_pair<S: serde::Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
    [r.start, r.end].serialize(s)
}

fn pair_span<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
    let [start, end] = <[usize; 2]>::deserialize(d)?;
    Ok(start..end)
}

/// Everything extracted from one document's text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub citations: Vec<Citation>,
    pub stated_relations: Vec<StatedRelation>,
}

/// An occurrence with its context read, before relations are decided.
struct Item {
    found: Found,
    kind: Option<KindWord>,
    after: After,
    /// For a short form, the kind word; resolved after aliases are merged.
    short: Option<short::ShortForm>,
}

impl Item {
    fn lead(&self) -> usize {
        self.kind
            .as_ref()
            .map_or(self.found.span.start, |k| k.start)
    }
}

/// Extracts every citation of `text` (composed), leaving out `own` (the document's own
/// identifier, by key) wherever it occurs.
pub fn extract(text: &str, layout: &Layout, own: Option<&CiteId>) -> Extraction {
    let mut full = scan(text);
    let recovered = ocr::recover(text, &full);
    if !recovered.is_empty() {
        full.extend(recovered);
        full.sort_by_key(|f| f.span.start);
    }
    if let Some(own) = own.map(CiteId::key) {
        full.retain(|f| f.id.key() != own);
    }
    let shorts = short::candidates(text, &full);
    let mut items = annotate(text, full, shorts);
    merge_qd_aliases(&mut items);
    resolve_short_forms(&mut items);
    let occ: Vec<Occurrence> = items
        .iter()
        .map(|it| Occurrence {
            id: &it.found.id,
            start: it.found.span.start,
            lead: it.lead(),
            context_end: it.after.end,
            alias_naming: context::is_alias_naming(text, it.lead()),
        })
        .collect();
    let pairs = relation::pairs(text, &occ);
    let (any, acts) = relation::verb_ranges(&occ, layout, &pairs);
    let verbs = Verbs::new(text, &any, &acts);
    let (stated_relations, nested) = relation::stated(text, &occ, &pairs, &verbs);
    let relations = relation::assign(text, &occ, &nested, layout, &verbs);
    let citations = items
        .into_iter()
        .zip(relations)
        .map(|(it, (section, relation))| Citation {
            raw: text[it.found.span.clone()].to_string(),
            id: it.found.id,
            span: it.found.span,
            relation,
            section,
            form: it.found.form,
            kind_word: it.kind.map(|k| k.word),
            date: it.after.date,
            issuer: it.after.issuer,
            khoa: it.after.khoa,
            subject: it.after.subject,
        })
        .collect();
    Extraction {
        citations,
        stated_relations,
    }
}

/// Reads the kind word and the context of every occurrence, full and short, in text order.
fn annotate(text: &str, full: Vec<Found>, shorts: Vec<short::ShortForm>) -> Vec<Item> {
    let mut items: Vec<Item> = full
        .into_iter()
        .map(|f| Item {
            kind: context::kind_word_before(text, f.span.start),
            found: f,
            after: After::default(),
            short: None,
        })
        .collect();
    items.extend(shorts.into_iter().map(|s| Item {
        kind: Some(KindWord {
            word: s.word.clone(),
            start: s.span.start,
        }),
        found: Found {
            id: no_id(),
            span: s.span.clone(),
            form: Form::Short,
        },
        after: After::default(),
        short: Some(s),
    }));
    items.sort_by_key(|it| it.found.span.start);
    for i in 0..items.len() {
        let end = items[i].found.span.end;
        let limit = items
            .get(i + 1)
            .map_or(text.len(), |next| next.lead().max(end));
        items[i].after = context::after(text, end, limit);
    }
    items
}

/// Stands in for a short form's identifier until it is resolved; never leaves this module.
fn no_id() -> CiteId {
    CiteId::new(super::Shape::Party, "0", None, "?", "?")
}

/// `890-QĐ/TU` and `890-QĐi/TU` with the same date are one regulation: the `QĐ` spelling
/// becomes an alias of `QĐi` when some pair of their dates agree and none disagree.
fn merge_qd_aliases(items: &mut [Item]) {
    let full = |it: &Item| it.short.is_none() && it.found.id.is_qd_family();
    // dates of each `QĐi` regulation by number and issuer: one look-up per `QĐ` occurrence
    let mut qdi: HashMap<(String, String), Vec<Option<Date>>> = HashMap::new();
    for it in items
        .iter()
        .filter(|it| full(it) && it.found.id.kind == "QĐi")
    {
        let id = &it.found.id;
        qdi.entry((id.number.clone(), id.issuer.clone()))
            .or_default()
            .push(it.after.date);
    }
    if qdi.is_empty() {
        return;
    }
    for it in items
        .iter_mut()
        .filter(|it| full(it) && it.found.id.kind == "QĐ")
    {
        let id = &it.found.id;
        let Some(dates) = qdi.get(&(id.number.clone(), id.issuer.clone())) else {
            continue;
        };
        let agree = dates.iter().any(|d| d.is_some() && *d == it.after.date);
        let clash = dates
            .iter()
            .any(|d| d.is_some() && it.after.date.is_some() && *d != it.after.date);
        if agree && !clash {
            it.found.id.kind = "QĐi".to_string();
            it.found.form = Form::Alias;
        }
    }
}

/// Replaces each short form by the identifier it stands for, dropping those that stay open.
fn resolve_short_forms(items: &mut Vec<Item>) {
    if items.iter().all(|it| it.short.is_none()) {
        return;
    }
    let targets = short::Targets::new(
        items
            .iter()
            .filter(|it| it.short.is_none())
            .map(|it| &it.found.id),
    );
    items.retain_mut(|it| match &it.short {
        None => true,
        Some(s) => match targets.resolve(s) {
            Some(id) => {
                it.found = Found {
                    id,
                    span: s.span.clone(),
                    form: Form::Short,
                };
                true
            }
            None => false,
        },
    });
}
