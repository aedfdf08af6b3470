//! Running a query: clauses to tantivy queries, relaxing by dropping words, the identifier
//! tiers, the second ranking stage, hits with labels and snippets, the total, and facet
//! counts (kind, year, place, level).

use std::collections::{BTreeMap, HashSet};
use std::ops::Bound;

use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader, TantivyDocument};

use super::analyzer::{fold_analyzer, tokens, tone_analyzer};
use super::expansion::{typed, units, Expansion};
use super::label;
use super::proximity;
use super::query::{parse, Clause, Filter, Named, ParsedQuery};
use super::relevance;
use super::snippet::snippet;
use super::store::SearchIndex;
use crate::cite::Interpretation;
use crate::date::Date;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::message;
use crate::text::fold;

/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// How deep results may be paged (offset + limit).
pub const MAX_WINDOW: usize = 10_000;

/// What to search for, which page of hits to return and in what order.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
}

/// The order of hits: by relevance (the document an identifier names, its implementers,
/// then the words' scores), or by date, newest or oldest first; undated documents last.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl std::str::FromStr for Sort {
    type Err = Error;

    fn from_str(s: &str) -> Result<Sort> {
        match s {
            "" | "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            other => Err(Error::Query(message::bad_sort(other))),
        }
    }
}

/// Hits, their total and facet counts over all of them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchResult {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// Set when no document had every word typed and fewer were required.
    pub relaxed: Option<Relaxation>,
    /// Abbreviations and number forms searched for besides what was typed.
    pub expanded: Vec<Expansion>,
    /// Words read as a document's name (`nghị quyết 57`): the identifier taken and the
    /// other candidates.
    pub interpreted: Vec<Interpretation>,
}

/// How a search was relaxed, counted in terms (a syllable, or an abbreviation with its
/// words) over every group of typed words.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Relaxation {
    pub required: usize,
    pub typed: usize,
    /// What happened, in words for the reader.
    pub note: String,
}

/// One matching document.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub kind: Option<String>,
    /// Its own identifier (số ký hiệu).
    pub number: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    /// The issuing body's level (`Trung ương`, `Tỉnh`, `Huyện`, `Xã`).
    pub level: Option<String>,
    /// What to call it in a list: its title, else kind, number and date, else its first
    /// line.
    pub label: String,
    pub score: f32,
    /// Text around the best match, HTML-escaped, matched words in `<b>…</b>`.
    pub snippet: String,
    /// The classification it is stamped with (`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`), when the
    /// archive holds classified documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
}

/// Document counts per kind, year, place, level and issuer over the whole result set.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Facets {
    pub kind: BTreeMap<String, u64>,
    pub year: BTreeMap<String, u64>,
    pub place: BTreeMap<String, u64>,
    pub level: BTreeMap<String, u64>,
    /// Issuing bodies as people name them (`Bộ Chính trị`).
    pub issuer: BTreeMap<String, u64>,
}

/// Scores that put the document an identifier names above those that implement it, and
/// those above the ones that only cite it, whatever the text scores.
const OWN_TIER: f32 = 100_000.0;
const IMPLEMENTS_TIER: f32 = 10_000.0;
/// Under a typed name, documents citing the identifier come before the rest of the words'
/// matches.
const CITES_TIER: f32 = 1_000.0;
/// How many of the first stage's best documents the second stage scores again.
const RERANK: usize = 200;

/// Relaxed searches tried one word at a time; past them, the last (half of each group of
/// words) is tried at once.
const RELAX_STEPS: usize = 3;

impl SearchIndex {
    /// Runs a search request: every typed word in any order; when no document has them all,
    /// all but one, and so on down to half of each group of words (said in `relaxed`).
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResult> {
        self.search_parsed(&parse(&req.query)?, req)
    }

    /// [`SearchIndex::search`] of a query already parsed (and its names read).
    pub fn search_parsed(&self, parsed: &ParsedQuery, req: &SearchRequest) -> Result<SearchResult> {
        check_window(req)?;
        let sizes = clause_sizes(parsed);
        let mut tries = relaxations(&sizes).into_iter().peekable();
        loop {
            let dropped = tries.next().unwrap_or(0);
            let mut result = self.run(parsed, dropped, req)?;
            if result.total > 0 || tries.peek().is_none() {
                result.expanded = expansions(parsed);
                result.relaxed = (dropped > 0 && result.total > 0).then(|| {
                    let typed: usize = sizes.iter().sum();
                    let required: usize =
                        sizes.iter().map(|&n| relevance::required(n, dropped)).sum();
                    Relaxation {
                        required,
                        typed,
                        note: message::relaxed(required, typed),
                    }
                });
                return Ok(result);
            }
        }
    }

    /// What the whole archive holds: its size, counts per kind, year, place, level and
    /// issuer, and the `newest` documents by date.
    pub fn holdings(&self, newest: usize) -> Result<(usize, Facets, Vec<Hit>)> {
        let searcher = self.reader.searcher();
        let aggs =
            AggregationCollector::from_aggs(facet_request(), AggregationLimitsGuard::default());
        let top = by_date(TopDocs::with_limit(newest.max(1)), Sort::Newest);
        let (top, total, aggs) = searcher.search(&AllQuery, &(top, Count, aggs))?;
        let none = ParsedQuery::default();
        let hits = undate(top)
            .into_iter()
            .take(newest)
            .map(|(score, addr)| self.hit(&searcher, addr, score, &none, &[]))
            .collect::<Result<Vec<_>>>()?;
        Ok((total, facets(&aggs)?, hits))
    }

    /// The matching step alone: the total and the top hits' ids with scores, without
    /// facets, stored fields or snippets (what `trichdan-lab bench` times as query latency).
    pub fn match_ids(&self, req: &SearchRequest) -> Result<(usize, Vec<(f32, String)>)> {
        check_window(req)?;
        let parsed = parse(&req.query)?;
        let searcher = self.reader.searcher();
        let query = self.query(&parsed, 0);
        let top = self.top(&searcher, &query, &parsed, req)?;
        let top = (self.rerank(&searcher, &parsed, top.0, req)?, top.1);
        let ids = top
            .0
            .into_iter()
            .map(|(score, addr)| Ok((score, self.ids.id(&searcher, addr)?)))
            .collect::<Result<Vec<_>>>()?;
        Ok((top.1, ids))
    }

    /// The id of every document a query matches as typed (no words dropped, no window):
    /// what a comparison with another engine's answers needs.
    pub fn matching_all(&self, query: &str) -> Result<Vec<String>> {
        let parsed = parse(query)?;
        let searcher = self.reader.searcher();
        let found = searcher.search(&self.query(&parsed, 0), &DocSetCollector)?;
        found
            .into_iter()
            .map(|addr| self.ids.id(&searcher, addr))
            .collect()
    }

    /// The top hits and the total. With free text, by relevance: a lone word is a union of
    /// term queries, which TopDocs alone lets tantivy prune (block-max WAND) while the count
    /// walks the postings unscored; anything else is counted in the same pass. Without free
    /// text (identifiers, filters): the document an identifier names, then its
    /// implementers, then the rest, newest first within each.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        parsed: &ParsedQuery,
        req: &SearchRequest,
    ) -> Result<(Vec<(f32, DocAddress)>, usize)> {
        let top_docs = window(parsed, req);
        if req.sort != Sort::Relevance {
            let (top, total) = searcher.search(query, &(by_date(top_docs, req.sort), Count))?;
            return Ok((undate(top), total));
        }
        if !has_text(parsed) {
            let (top, total) = searcher.search(query, &(tier_then_date(top_docs), Count))?;
            return Ok((untier(top), total));
        }
        if let Some(matches) = self.single_word_matches(parsed) {
            let top = searcher.search(query, &top_docs)?;
            return Ok((top, matches.count(searcher)?));
        }
        Ok(searcher.search(query, &(top_docs, Count))?)
    }

    /// For a query of one plain word, what counts its matches cheaply.
    fn single_word_matches(&self, q: &ParsedQuery) -> Option<Box<dyn Query>> {
        let ([Clause::Text { text, .. }], [], []) =
            (q.must.as_slice(), q.must_not.as_slice(), q.named.as_slice())
        else {
            return None;
        };
        let (units, _) = units(text);
        match units.as_slice() {
            [only] if only.word().is_some() => Some(relevance::word_matches(&self.fields, &units)),
            _ => None,
        }
    }

    fn run(&self, q: &ParsedQuery, dropped: usize, req: &SearchRequest) -> Result<SearchResult> {
        let searcher = self.reader.searcher();
        let query = self.query(q, dropped);
        let top_docs = window(q, req);
        let aggs =
            AggregationCollector::from_aggs(facet_request(), AggregationLimitsGuard::default());
        let (top, total, aggs) = if req.sort != Sort::Relevance {
            let (top, total, aggs) =
                searcher.search(&query, &(by_date(top_docs, req.sort), Count, aggs))?;
            (undate(top), total, aggs)
        } else if has_text(q) {
            searcher.search(&query, &(top_docs, Count, aggs))?
        } else {
            let (top, total, aggs) =
                searcher.search(&query, &(tier_then_date(top_docs), Count, aggs))?;
            (untier(top), total, aggs)
        };
        let top = self.rerank(&searcher, q, top, req)?;
        let phrases = highlight_phrases(q);
        let hits = top
            .into_iter()
            .map(|(score, addr)| self.hit(&searcher, addr, score, q, &phrases))
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResult {
            total,
            hits,
            facets: facets(&aggs)?,
            relaxed: None,
            expanded: Vec::new(),
            interpreted: Vec::new(),
        })
    }

    /// The second stage of a ranking by words: the first stage's top [`RERANK`] given a
    /// bonus for typed neighbours found side by side (see [`proximity`]), the rest after them
    /// in the first stage's order; then the page.
    fn rerank(
        &self,
        searcher: &Searcher,
        q: &ParsedQuery,
        first: Vec<(f32, DocAddress)>,
        req: &SearchRequest,
    ) -> Result<Vec<(f32, DocAddress)>> {
        if !reranks(q) || req.sort != Sort::Relevance {
            return Ok(first);
        }
        let places = relevance::places(&self.fields);
        // only the first stage's best are scored again, so a deeper page keeps its order
        let mut scored = first;
        let tail = scored.split_off(RERANK.min(scored.len()));
        let addresses: Vec<DocAddress> = scored.iter().map(|(_, a)| *a).collect();
        for c in &q.must {
            if let Clause::Text {
                text,
                quoted: false,
            } = c
            {
                let typed = typed(&units(text).0);
                let bonus = proximity::bonuses(searcher, &places, &typed, &addresses)?;
                for ((score, _), b) in scored.iter_mut().zip(bonus) {
                    *score += b;
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(scored
            .into_iter()
            .chain(tail)
            .skip(req.offset)
            .take(req.limit)
            .collect())
    }

    /// The tantivy query for a parsed one. A lone positive clause is the query itself, so a
    /// union of term queries stays one that tantivy can prune.
    fn query(&self, q: &ParsedQuery, dropped: usize) -> Box<dyn Query> {
        let must = |(i, c): (usize, &Clause)| match q.named_at(i) {
            Some(n) => self.named(n, c, dropped),
            None => self.clause(c, dropped),
        };
        if let ([only], []) = (q.must.as_slice(), q.must_not.as_slice()) {
            return must((0, only));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = q
            .must
            .iter()
            .enumerate()
            .map(|c| (Occur::Must, must(c)))
            .collect();
        if clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        clauses.extend(
            q.must_not
                .iter()
                .map(|c| (Occur::MustNot, self.clause(c, 0))),
        );
        Box::new(BooleanQuery::new(clauses))
    }

    fn clause(&self, c: &Clause, dropped: usize) -> Box<dyn Query> {
        let f = &self.fields;
        // filters only select: their scores (which a field's length would move) are 0
        let key = |field: Field, value: &str| -> Box<dyn Query> {
            let term = TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            );
            Box::new(ConstScoreQuery::new(Box::new(term), 0.0))
        };
        match c {
            Clause::Text { text, quoted: true } => self.quoted(text),
            Clause::Text {
                text,
                quoted: false,
            } => self.words(text, dropped),
            Clause::Id(id) => {
                let k = id.key();
                let tier = |field: Field, score: f32| -> Box<dyn Query> {
                    Box::new(ConstScoreQuery::new(key(field, &k), score))
                };
                Box::new(BooleanQuery::new(vec![
                    (
                        Occur::Must,
                        any(vec![tier(f.cites, 0.0), tier(f.own_id, 0.0)]),
                    ),
                    (Occur::Should, tier(f.own_id, OWN_TIER)),
                    (Occur::Should, tier(f.implements, IMPLEMENTS_TIER)),
                ]))
            }
            Clause::Filter(Filter::Kind(v)) => key(f.kind_key, &fold(v)),
            Clause::Filter(Filter::Place(v)) => key(f.place_key, &fold(v)),
            Clause::Filter(Filter::Level(v)) => key(f.level_key, &fold(v)),
            Clause::Filter(Filter::Issuer(v)) => key(f.issuer_key, &crate::doc::issuer::key(v)),
            Clause::Filter(Filter::Under(v)) => key(f.under_key, &crate::doc::issuer::key(v)),
            Clause::Filter(Filter::Signer(v)) => key(f.signer_key, &crate::doc::issuer::key(v)),
            Clause::Filter(Filter::Cites(id)) => key(f.cites, &id.key()),
            Clause::Filter(Filter::Implements(id)) => key(f.implements, &id.key()),
            Clause::Filter(Filter::BasedOn(id)) => key(f.based_on, &id.key()),
            Clause::Filter(Filter::Year(from, to)) => Box::new(ConstScoreQuery::new(
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(f.year, *from as u64)),
                    Bound::Included(Term::from_field_u64(f.year, *to as u64)),
                )),
                0.0,
            )),
        }
    }

    /// A group of words read as a name: the document the identifier names, then what
    /// implements it, then what cites it, each tier ranked by the words; then the documents
    /// with the words alone.
    fn named(&self, name: &Named, words: &Clause, dropped: usize) -> Box<dyn Query> {
        let f = &self.fields;
        let (own, implementers) = if name.implementers_first {
            (IMPLEMENTS_TIER, OWN_TIER)
        } else {
            (OWN_TIER, IMPLEMENTS_TIER)
        };
        let scored = |q: Box<dyn Query>, score: f32| -> Box<dyn Query> {
            Box::new(ConstScoreQuery::new(q, score))
        };
        let k = name.id.key();
        let term = |field: Field| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, &k),
                IndexRecordOption::Basic,
            ))
        };
        // every document numbered so is named so; of one node among several with the
        // identifier (a local number of another province), only its own implementers and
        // citers
        let tiers: [(Box<dyn Query>, f32); 3] = match &name.documents {
            Some(d) => [
                (term(f.own_id), own),
                (self.ids_query(&d.implementers), implementers),
                (self.ids_query(&d.citers), CITES_TIER),
            ],
            None => [
                (term(f.own_id), own),
                (term(f.implements), implementers),
                (term(f.cites), CITES_TIER),
            ],
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = tiers
            .into_iter()
            .map(|(q, score)| (Occur::Should, scored(q, score)))
            .collect();
        clauses.push((Occur::Should, self.clause(words, dropped)));
        Box::new(BooleanQuery::new(clauses))
    }

    /// The documents with these ids.
    fn ids_query(&self, ids: &[String]) -> Box<dyn Query> {
        let terms = ids
            .iter()
            .map(|id| Term::from_field_text(self.fields.id, id));
        Box::new(TermSetQuery::new(terms))
    }

    /// Typed words (see [`relevance`]).
    fn words(&self, text: &str, dropped: usize) -> Box<dyn Query> {
        let (units, _) = units(text);
        match units.as_slice() {
            [] => Box::new(AllQuery),
            [only] if only.word().is_some() => relevance::word_query(&self.fields, &units),
            _ => relevance::text_query(&self.fields, &units, dropped),
        }
    }

    /// A quoted phrase (see [`relevance::quoted_query`]).
    fn quoted(&self, text: &str) -> Box<dyn Query> {
        let folded = tokens(fold_analyzer(), text);
        if folded.is_empty() {
            return Box::new(AllQuery);
        }
        relevance::quoted_query(&self.fields, &folded, &tokens(tone_analyzer(), text))
    }

    fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        score: f32,
        q: &ParsedQuery,
        phrases: &[Vec<String>],
    ) -> Result<Hit> {
        let stored: TantivyDocument = searcher.doc(addr)?;
        let text = |field: Field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let doc: Document =
            serde_json::from_str(&text(self.fields.meta)).map_err(|e| Error::Corrupt {
                what: "stored document".into(),
                reason: e.to_string(),
            })?;
        let body = text(self.fields.body);
        let keys: HashSet<String> = q.identifiers().map(|id| id.key()).collect();
        let spans: Vec<_> = doc
            .citations
            .iter()
            .filter(|c| keys.contains(&c.id.key()))
            .map(|c| c.span.clone())
            .collect();
        let place = doc.belongs_to().map(String::from);
        Ok(Hit {
            label: label::label(&doc, &body),
            snippet: match crate::doc::rendering::starts_as_markdown(&body) {
                true => crate::doc::rendering::unmark(&snippet(&body, phrases, &spans)),
                false => snippet(&body, phrases, &spans),
            },
            id: doc.id,
            title: doc.title,
            kind: doc.kind,
            number: doc.own_id.as_ref().map(|i| i.to_string()),
            issuer: doc.issuer,
            date: doc.date,
            place,
            level: doc.level.tier.map(|t| t.name().to_string()),
            classification: doc.classification.map(|c| c.label().to_string()),
            score,
        })
    }
}

/// True when the query has free text to rank by.
fn has_text(q: &ParsedQuery) -> bool {
    q.must.iter().any(|c| matches!(c, Clause::Text { .. }))
}

fn check_window(req: &SearchRequest) -> Result<()> {
    if req.limit == 0 || req.limit > MAX_LIMIT {
        return Err(Error::Query(message::bad_limit(req.limit, MAX_LIMIT)));
    }
    if req
        .offset
        .checked_add(req.limit)
        .is_none_or(|end| end > MAX_WINDOW)
    {
        return Err(Error::Query(message::past_window(MAX_WINDOW)));
    }
    Ok(())
}

fn any(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// The first stage's collector: the page asked for, or, when a second stage follows, the
/// top [`RERANK`] (or down to the page, when deeper) from the start.
fn window(q: &ParsedQuery, req: &SearchRequest) -> TopDocs {
    if reranks(q) && req.sort == Sort::Relevance {
        TopDocs::with_limit(RERANK.max(req.offset + req.limit))
    } else {
        TopDocs::with_limit(req.limit).and_offset(req.offset)
    }
}

/// True when some clause of free text has typed neighbours to score by proximity.
fn reranks(q: &ParsedQuery) -> bool {
    q.must.iter().any(|c| match c {
        Clause::Text {
            text,
            quoted: false,
        } => tokens(fold_analyzer(), text).len() > 1,
        _ => false,
    })
}

/// Orders by score (the identifier tiers), then by date, newest first.
fn tier_then_date(
    top: TopDocs,
) -> impl tantivy::collector::Collector<Fruit = Vec<((f32, u64), DocAddress)>> {
    top.tweak_score(move |segment: &SegmentReader| {
        let date = dates(segment);
        move |doc: DocId, score: f32| (score, date.as_ref().map_or(0, |d| d.get_val(doc)))
    })
}

/// A segment's dates (0 where a document has none).
fn dates(
    segment: &SegmentReader,
) -> Option<std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>> {
    segment
        .fast_fields()
        .u64("date")
        .ok()
        .map(|c| c.first_or_default_col(0))
}

fn untier(top: Vec<((f32, u64), DocAddress)>) -> Vec<(f32, DocAddress)> {
    top.into_iter().map(|((score, _), a)| (score, a)).collect()
}

/// Top documents by date (newest or oldest first, undated last), then score.
fn by_date(
    top: TopDocs,
    sort: Sort,
) -> impl tantivy::collector::Collector<Fruit = Vec<((u64, f32), DocAddress)>> {
    top.tweak_score(move |segment: &SegmentReader| {
        let date = dates(segment);
        move |doc: DocId, score: f32| {
            let day = date.as_ref().map_or(0, |d| d.get_val(doc));
            let key = match sort {
                Sort::Oldest if day > 0 => u64::MAX - day,
                _ => day,
            };
            (key, score)
        }
    })
}

fn undate(top: Vec<((u64, f32), DocAddress)>) -> Vec<(f32, DocAddress)> {
    top.into_iter().map(|((_, score), a)| (score, a)).collect()
}

/// What the query's words were expanded to.
fn expansions(q: &ParsedQuery) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    for c in q.must.iter().chain(&q.must_not) {
        if let Clause::Text {
            text,
            quoted: false,
        } = c
        {
            for e in units(text).1 {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// The number of units in each clause of free text (quoted phrases are not relaxed).
fn clause_sizes(q: &ParsedQuery) -> Vec<usize> {
    q.must
        .iter()
        .filter_map(|c| match c {
            Clause::Text {
                text,
                quoted: false,
            } => Some(units(text).0.len()),
            _ => None,
        })
        .filter(|&n| n > 0)
        .collect()
}

/// How many words each search drops: none, then one more at a time for [`RELAX_STEPS`],
/// then as many as leaves half of the largest group.
fn relaxations(sizes: &[usize]) -> Vec<usize> {
    let most = sizes.iter().copied().max().unwrap_or(0);
    let last = most / 2;
    let mut out: Vec<usize> = (0..=last.min(RELAX_STEPS)).collect();
    if last > RELAX_STEPS {
        out.push(last);
    }
    out
}

/// What to highlight: each typed word and its forms, a quoted phrase whole.
fn highlight_phrases(q: &ParsedQuery) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for c in &q.must {
        match c {
            Clause::Text { text, quoted: true } => {
                let words = tokens(fold_analyzer(), text);
                if !words.is_empty() {
                    out.push(words);
                }
            }
            Clause::Text {
                text,
                quoted: false,
            } => out.extend(units(text).0.into_iter().flat_map(|u| u.forms)),
            _ => {}
        }
    }
    out
}

fn facet_request() -> Aggregations {
    serde_json::from_value(serde_json::json!({
        "kind": {"terms": {"field": "kind", "size": 100}},
        "year": {"terms": {"field": "year", "size": 200}},
        "place": {"terms": {"field": "place", "size": 100}},
        "level": {"terms": {"field": "level", "size": 10}},
        "issuer": {"terms": {"field": "issuer", "size": 100}},
    }))
    .expect("static aggregation request")
}

fn facets(results: &tantivy::aggregation::agg_result::AggregationResults) -> Result<Facets> {
    let json = serde_json::to_value(results).map_err(|e| Error::Corrupt {
        what: "facet counts".into(),
        reason: e.to_string(),
    })?;
    let buckets = |name: &str| -> BTreeMap<String, u64> {
        json[name]["buckets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| {
                let key = match &b["key"] {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string().trim_end_matches(".0").to_string(),
                };
                Some((key, b["doc_count"].as_u64()?))
            })
            .collect()
    };
    Ok(Facets {
        kind: buckets("kind"),
        year: buckets("year"),
        place: buckets("place"),
        level: buckets("level"),
        issuer: buckets("issuer"),
    })
}
