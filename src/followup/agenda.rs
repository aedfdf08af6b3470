//! The agenda: what falls due in a period across the archive — every corpus document's
//! deadlines, recurrences counted from its date — grouped by the unit responsible.

use serde::Serialize;

use super::DueItem;
use crate::date::Date;
use crate::graph::Graph;

/// What falls due between two days, by unit (units without a name last).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Agenda {
    pub from: Date,
    pub to: Date,
    pub units: Vec<UnitAgenda>,
    /// Everything that falls due in the period; at most [`MAX_ITEMS`] of it are listed.
    pub total: usize,
    pub shown: usize,
}

/// Most deadlines one agenda lists (the earliest first): a period over a large archive
/// would otherwise answer with every deadline it holds.
pub const MAX_ITEMS: usize = 2_000;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitAgenda {
    /// The unit responsible as the text names it; none when the text names no one.
    pub unit: Option<String>,
    pub items: Vec<DueItem>,
}

/// Every deadline of the archive whose next day on or after `from` is no later than `to`,
/// each marked past, coming due or later as of `as_of` (today, for a person).
pub fn agenda(g: &Graph, from: Date, to: Date, as_of: Date) -> Agenda {
    let mut items: Vec<DueItem> = Vec::new();
    for node in g.nodes.iter().filter(|n| !n.docs.is_empty()) {
        for d in &node.dues {
            let Some(next) = d.due.next_on_or_after(node.date, from) else {
                continue;
            };
            if next < from || next > to {
                continue;
            }
            items.push(DueItem {
                text: d.text.clone(),
                unit: d.unit.clone(),
                due: d.due,
                next: Some(next),
                status: super::status_of(Some(next), as_of),
                from: node.name.clone(),
                doc: node.docs.first().cloned(),
            });
        }
    }
    let total = items.len();
    items.sort_by_key(|d| d.next);
    items.truncate(MAX_ITEMS);
    items.sort_by(|a, b| {
        (a.unit.is_none(), &a.unit, a.next).cmp(&(b.unit.is_none(), &b.unit, b.next))
    });
    let shown = items.len();
    let mut units: Vec<UnitAgenda> = Vec::new();
    for item in items {
        match units.last_mut() {
            Some(u) if u.unit == item.unit => u.items.push(item),
            _ => units.push(UnitAgenda {
                unit: item.unit.clone(),
                items: vec![item],
            }),
        }
    }
    Agenda {
        from,
        to,
        units,
        total,
        shown,
    }
}
