//! The second stage of ranking by words: syllables typed side by side found side by side
//! (and the whole run typed found in order) in the body, title and opening of the first
//! stage's best documents, read from their positions.
//!
//! tantivy's phrase scorer can only move forward to its next match, so asking it about a
//! few hundred chosen documents walks every document between them; reading the positions
//! of the typed words at each chosen document costs a seek per word instead.

use std::collections::HashMap;

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TERMINATED};

use crate::error::Result;

/// Where neighbours are looked for and what each find is worth.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub field: Field,
    /// An adjacent typed pair found adjacent.
    pub pair: f32,
    /// Every typed word found in order (more than two words).
    pub run: f32,
}

/// The bonus of each candidate (in the order given) for the typed words of one clause.
pub fn bonuses(
    searcher: &Searcher,
    places: &[Place],
    typed: &[String],
    candidates: &[DocAddress],
) -> Result<Vec<f32>> {
    let mut bonus = vec![0.0; candidates.len()];
    if typed.len() < 2 || candidates.is_empty() {
        return Ok(bonus);
    }
    for place in places {
        let counts = counts(searcher, place.field, typed, candidates)?;
        let n = candidates.len() as f32;
        let features = typed.len(); // pairs 0..len-1, then the run
        for f in 0..features {
            let weight = if f + 1 < features {
                place.pair
            } else {
                place.run
            };
            if f + 1 == features && typed.len() < 3 {
                continue;
            }
            let df = counts.iter().filter(|c| c[f] > 0).count() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for (b, c) in bonus.iter_mut().zip(&counts) {
                let tf = c[f] as f32;
                *b += weight * idf * tf * 2.2 / (tf + 1.2);
            }
        }
    }
    Ok(bonus)
}

/// Per candidate: how often each adjacent typed pair occurs side by side, then how often
/// the whole run occurs in order.
fn counts(
    searcher: &Searcher,
    field: Field,
    typed: &[String],
    candidates: &[DocAddress],
) -> Result<Vec<Vec<u32>>> {
    let mut out = vec![vec![0u32; typed.len()]; candidates.len()];
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (candidates[i].segment_ord, candidates[i].doc_id));
    let mut i = 0;
    while i < order.len() {
        let segment = candidates[order[i]].segment_ord;
        let inverted = searcher.segment_reader(segment).inverted_index(field)?;
        let mut postings: HashMap<&str, Option<SegmentPostings>> = HashMap::new();
        for word in typed {
            if !postings.contains_key(word.as_str()) {
                let term = Term::from_field_text(field, word);
                let p = inverted
                    .read_postings(&term, IndexRecordOption::WithFreqsAndPositions)
                    .map_err(tantivy::TantivyError::from)?;
                postings.insert(word, p);
            }
        }
        while i < order.len() && candidates[order[i]].segment_ord == segment {
            let k = order[i];
            let positions = positions_at(&mut postings, candidates[k].doc_id);
            for (p, pair) in typed.windows(2).enumerate() {
                out[k][p] = adjacent(at(&positions, &pair[0]), at(&positions, &pair[1]));
            }
            out[k][typed.len() - 1] = runs(typed, &positions);
            i += 1;
        }
    }
    Ok(out)
}

/// The positions of each word at a document (postings only move forward: documents come
/// in ascending order).
fn positions_at<'a>(
    postings: &mut HashMap<&'a str, Option<SegmentPostings>>,
    doc: DocId,
) -> HashMap<&'a str, Vec<u32>> {
    let mut out = HashMap::new();
    for (word, p) in postings.iter_mut() {
        let Some(p) = p else { continue };
        if p.doc() != TERMINATED && p.doc() < doc {
            p.seek(doc);
        }
        if p.doc() == doc {
            let mut positions = Vec::new();
            p.positions(&mut positions);
            out.insert(*word, positions);
        }
    }
    out
}

fn at<'p>(positions: &'p HashMap<&str, Vec<u32>>, word: &str) -> &'p [u32] {
    positions.get(word).map_or(&[][..], Vec::as_slice)
}

/// How often a position in `a` is followed by one in `b` (both ascending).
fn adjacent(a: &[u32], b: &[u32]) -> u32 {
    a.iter()
        .filter(|&&p| b.binary_search(&(p + 1)).is_ok())
        .count() as u32
}

/// How often every typed word occurs in order, side by side.
fn runs(typed: &[String], positions: &HashMap<&str, Vec<u32>>) -> u32 {
    if typed.len() < 3 {
        return 0;
    }
    at(positions, &typed[0])
        .iter()
        .filter(|&&p| {
            typed[1..]
                .iter()
                .enumerate()
                .all(|(k, w)| at(positions, w).binary_search(&(p + 1 + k as u32)).is_ok())
        })
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacency_and_runs() {
        assert_eq!(adjacent(&[1, 5, 9], &[2, 6, 11]), 2);
        assert_eq!(adjacent(&[], &[2]), 0);
        let words: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let positions: HashMap<&str, Vec<u32>> =
            [("a", vec![0, 10]), ("b", vec![1, 11]), ("c", vec![2, 20])]
                .into_iter()
                .collect();
        assert_eq!(runs(&words, &positions), 1);
    }
}
