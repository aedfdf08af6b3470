//! Running a query: hits with snippets, the total, and facet counts (kind, year, place).

use std::collections::{BTreeMap, HashSet};
use std::ops::Bound;

use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::analyzer::{fold_analyzer, tokens, tone_analyzer};
use super::query::{parse, Clause, Filter, ParsedQuery};
use super::snippet::snippet;
use super::store::SearchIndex;
use crate::date::Date;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::message;
use crate::text::fold;

/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// How deep results may be paged (offset + limit).
pub const MAX_WINDOW: usize = 10_000;

/// What to search for and which page of hits to return.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
}

/// Hits, their total and facet counts over all of them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchResult {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// True when no document had the words as a phrase and they were matched in any order.
    pub relaxed: bool,
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
    pub score: f32,
    /// Text around the best match, HTML-escaped, matched words in `<b>…</b>`.
    pub snippet: String,
}

/// Document counts per kind, year, place and level over the whole result set.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Facets {
    pub kind: BTreeMap<String, u64>,
    pub year: BTreeMap<String, u64>,
    pub place: BTreeMap<String, u64>,
    pub level: BTreeMap<String, u64>,
}

/// Boosts: a match in the title above one in the body, and a match that keeps the
/// diacritics the user typed above a match found only through folding.
const TITLE_TONE: f32 = 6.0;
const TITLE_FOLD: f32 = 3.0;
const BODY_TONE: f32 = 2.0;
const BODY_FOLD: f32 = 1.0;

impl SearchIndex {
    /// Runs a search request.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResult> {
        check_window(req)?;
        let parsed = parse(&req.query)?;
        let exact = self.run(&parsed, false, req)?;
        let relaxable = parsed
            .must
            .iter()
            .any(|c| matches!(c, Clause::Text { quoted: false, text } if text.contains(' ')));
        if exact.total > 0 || !relaxable {
            return Ok(exact);
        }
        let relaxed = self.run(&parsed, true, req)?;
        Ok(SearchResult {
            relaxed: relaxed.total > 0,
            ..relaxed
        })
    }

    /// The matching step alone: the total and the top hits' ids with scores, without
    /// facets, stored fields or snippets (what `trichdan bench` times as query latency).
    pub fn match_ids(&self, req: &SearchRequest) -> Result<(usize, Vec<(f32, String)>)> {
        check_window(req)?;
        let parsed = parse(&req.query)?;
        let searcher = self.reader.searcher();
        let query = self.query(&parsed, false);
        let top = self.top(&searcher, &query, &parsed, req)?;
        let ids = top
            .0
            .into_iter()
            .map(|(score, addr)| Ok((score, self.ids.id(&searcher, addr)?)))
            .collect::<Result<Vec<_>>>()?;
        Ok((top.1, ids))
    }

    /// The top hits and the total. With free text, by relevance: a lone word is a union of
    /// term queries, which TopDocs alone lets tantivy prune (block-max WAND) while the count
    /// walks the postings unscored; anything else is counted in the same pass. Without free
    /// text (identifiers, filters) there is no relevance to rank by: newest first, through
    /// the date fast field, with no scoring at all.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        parsed: &ParsedQuery,
        req: &SearchRequest,
    ) -> Result<(Vec<(f32, DocAddress)>, usize)> {
        let top_docs = TopDocs::with_limit(req.limit).and_offset(req.offset);
        if !has_text(parsed) {
            let by_date = top_docs.order_by_u64_field("date", tantivy::Order::Desc);
            let (top, total) = searcher.search(query, &(by_date, Count))?;
            return Ok((top.into_iter().map(|(_, a)| (1.0, a)).collect(), total));
        }
        if self.is_single_word(parsed) {
            let top = searcher.search(query, &top_docs)?;
            return Ok((top, query.count(searcher)?));
        }
        Ok(searcher.search(query, &(top_docs, Count))?)
    }

    fn is_single_word(&self, q: &ParsedQuery) -> bool {
        match (q.must.as_slice(), q.must_not.as_slice()) {
            ([Clause::Text { text, .. }], []) => tokens(fold_analyzer(), text).len() == 1,
            _ => false,
        }
    }

    fn run(&self, q: &ParsedQuery, relaxed: bool, req: &SearchRequest) -> Result<SearchResult> {
        let searcher = self.reader.searcher();
        let query = self.query(q, relaxed);
        let top_docs = TopDocs::with_limit(req.limit).and_offset(req.offset);
        let aggs =
            AggregationCollector::from_aggs(facet_request(), AggregationLimitsGuard::default());
        let (top, total, aggs) = if has_text(q) {
            searcher.search(&query, &(top_docs, Count, aggs))?
        } else {
            let by_date = top_docs.order_by_u64_field("date", tantivy::Order::Desc);
            let (top, total, aggs) = searcher.search(&query, &(by_date, Count, aggs))?;
            (
                top.into_iter().map(|(_, a)| (1.0, a)).collect(),
                total,
                aggs,
            )
        };
        let phrases = highlight_phrases(q, relaxed);
        let hits = top
            .into_iter()
            .map(|(score, addr)| self.hit(&searcher, addr, score, q, &phrases))
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResult {
            total,
            hits,
            facets: facets(&aggs)?,
            relaxed,
        })
    }

    /// The tantivy query for a parsed one. A lone positive clause is the query itself, so a
    /// union of term queries stays one that tantivy can prune.
    fn query(&self, q: &ParsedQuery, relaxed: bool) -> Box<dyn Query> {
        if let ([only], []) = (q.must.as_slice(), q.must_not.as_slice()) {
            return self.clause(only, relaxed);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = q
            .must
            .iter()
            .map(|c| (Occur::Must, self.clause(c, relaxed)))
            .collect();
        if clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        clauses.extend(
            q.must_not
                .iter()
                .map(|c| (Occur::MustNot, self.clause(c, false))),
        );
        Box::new(BooleanQuery::new(clauses))
    }

    fn clause(&self, c: &Clause, relaxed: bool) -> Box<dyn Query> {
        let f = &self.fields;
        let key = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        match c {
            Clause::Text { text, quoted } => self.text(text, relaxed && !quoted),
            Clause::Id(id) => any(vec![key(f.cites, &id.key()), key(f.own_id, &id.key())]),
            Clause::Filter(Filter::Kind(v)) => key(f.kind_key, &fold(v)),
            Clause::Filter(Filter::Place(v)) => key(f.place_key, &fold(v)),
            Clause::Filter(Filter::Level(v)) => key(f.level_key, &fold(v)),
            Clause::Filter(Filter::Cites(id)) => key(f.cites, &id.key()),
            Clause::Filter(Filter::Implements(id)) => key(f.implements, &id.key()),
            Clause::Filter(Filter::BasedOn(id)) => key(f.based_on, &id.key()),
            Clause::Filter(Filter::Year(from, to)) => Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_u64(f.year, *from as u64)),
                Bound::Included(Term::from_field_u64(f.year, *to as u64)),
            )),
        }
    }

    /// Words as a phrase (or, relaxed, each word anywhere) in the title or body, through the
    /// tone-key fields and the folded ones.
    fn text(&self, text: &str, relaxed: bool) -> Box<dyn Query> {
        let f = &self.fields;
        let tone = tokens(tone_analyzer(), text);
        let folded = tokens(fold_analyzer(), text);
        if folded.is_empty() {
            return Box::new(AllQuery);
        }
        let fields = [
            (f.title, &tone, TITLE_TONE),
            (f.title_fold, &folded, TITLE_FOLD),
            (f.body, &tone, BODY_TONE),
            (f.body_fold, &folded, BODY_FOLD),
        ];
        if folded.len() == 1 {
            // one word: a union of term queries, which tantivy can prune (block-max WAND)
            return any(fields
                .iter()
                .map(|(field, t, boost)| boosted(phrase(*field, t), *boost))
                .collect());
        }
        if !relaxed {
            return self.required_with_boosts(&fields, &|t| t.to_vec());
        }
        let each: Vec<(Occur, Box<dyn Query>)> = (0..folded.len())
            .map(|i| {
                let word = |t: &[String]| t.get(i).cloned().into_iter().collect::<Vec<_>>();
                (Occur::Must, self.required_with_boosts(&fields, &word))
            })
            .collect();
        Box::new(BooleanQuery::new(each))
    }

    /// The folded body match is required (every title is lines of its body, and every
    /// tone-key match folds to a folded one, so it alone decides the set); the other fields
    /// only add to the score, and are checked only on documents that match.
    fn required_with_boosts(
        &self,
        fields: &[(Field, &Vec<String>, f32)],
        words: &dyn Fn(&[String]) -> Vec<String>,
    ) -> Box<dyn Query> {
        let body_fold = self.fields.body_fold;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, t, boost) in fields {
            let w = words(t);
            if w.is_empty() {
                continue;
            }
            let occur = if *field == body_fold {
                Occur::Must
            } else {
                Occur::Should
            };
            clauses.push((occur, boosted(phrase(*field, &w), *boost)));
        }
        Box::new(BooleanQuery::new(clauses))
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
            snippet: snippet(&body, phrases, &spans),
            id: doc.id,
            title: doc.title,
            kind: doc.kind,
            number: doc.own_id.as_ref().map(|i| i.to_string()),
            issuer: doc.issuer,
            date: doc.date,
            place,
            level: doc.level.tier.map(|t| t.name().to_string()),
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

fn any(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// The folded phrases of the positive text clauses (each word alone when relaxed).
fn highlight_phrases(q: &ParsedQuery, relaxed: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for c in &q.must {
        if let Clause::Text { text, quoted } = c {
            let words = tokens(fold_analyzer(), text);
            if relaxed && !quoted {
                out.extend(words.into_iter().map(|w| vec![w]));
            } else if !words.is_empty() {
                out.push(words);
            }
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
    })
}
