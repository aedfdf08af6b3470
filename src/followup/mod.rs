//! Follow-up on a directive: the units its recipients name (groups expanded with the dated
//! table of units), the plan each has issued according to the graph and how many days after,
//! the tasks the directive gives each, the units that acted without being asked, the median
//! lag per level, and what falls due — the directive's deadlines and its plans' own — marked
//! overdue or coming due as of a day.

pub mod agenda;
pub mod sheet;

use rustc_hash::FxHashSet;
use serde::Serialize;

use crate::date::Date;
use crate::doc::{Branch, Document, Tier};
use crate::duty::{self, unit, Addressee, Due, Role};
use crate::graph::{Graph, NodeIx};
use crate::text::fold;

/// How deep plans are followed: a province's plan carrying out the programme that carries
/// out the directive still answers it.
pub const DEPTH: usize = 3;
/// Most plans by units not asked that one answer lists (the count says how many there are).
pub const MAX_UNASKED: usize = 2_000;
/// Days ahead a deadline counts as coming due.
pub const SOON_DAYS: i64 = 30;

/// The follow-up of one directive as of a day.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowUp {
    pub node: String,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<Date>,
    pub as_of: Date,
    /// The corpus document read for recipients and tasks; none when the archive has only
    /// citations of the directive.
    pub doc: Option<String>,
    /// Every unit asked, in the order the directive names them.
    pub units: Vec<AskedUnit>,
    /// Plans by units the directive did not name, listed apart: the first [`MAX_UNASKED`],
    /// direct plans first; the rest counted in `unasked_total` (and said in the sheets).
    pub unasked: Vec<Plan>,
    /// How many plans by units not named there are in all.
    pub unasked_total: usize,
    /// Recipients the table cannot expand (districts, other groups) and people.
    pub unexpanded: Vec<String>,
    pub lags: Vec<TierLag>,
    /// Every task the directive gives, whether or not its unit is among those asked.
    pub tasks: Vec<TaskItem>,
    pub deadlines: Vec<DueItem>,
    /// Units asked, and how many have issued a plan.
    pub asked: usize,
    pub acted: usize,
}

/// A unit the directive asks, with what the archive shows it did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AskedUnit {
    pub name: String,
    /// The recipient item it came from (`Các tỉnh uỷ, thành uỷ`), or the task's line.
    pub phrase: String,
    pub tier: Option<Tier>,
    pub branch: Option<Branch>,
    pub province: Option<String>,
    /// Its square on the schematic map (the province of today it lies in).
    pub tile: Option<(u8, u8)>,
    pub plans: Vec<Plan>,
    /// Indices into [`FollowUp::tasks`].
    pub tasks: Vec<usize>,
}

/// A plan in the archive that carries out the directive.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Plan {
    pub node: String,
    pub doc: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub province: Option<String>,
    pub tier: Option<Tier>,
    pub date: Option<Date>,
    /// Days between the directive and the plan.
    pub days_after: Option<i64>,
    /// 1 when it names the directive, 2 or 3 when through a plan that does.
    pub depth: usize,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TierLag {
    pub tier: Option<Tier>,
    pub plans: usize,
    pub median_days: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TaskItem {
    pub unit: String,
    pub role: Role,
    pub text: String,
    pub due: Option<Due>,
    /// When it falls due next, as of the day asked.
    pub next: Option<Date>,
}

/// Where a deadline stands on the day asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueStatus {
    Overdue,
    Soon,
    Later,
    /// A recurrence without a period, or a delay without the document's date.
    Undated,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DueItem {
    pub text: String,
    pub unit: Option<String>,
    pub due: Due,
    /// The next day it falls due on or after the day asked (a fixed day may be past).
    pub next: Option<Date>,
    pub status: DueStatus,
    /// The node of the document that sets it (the directive or one of its plans).
    pub from: String,
    pub doc: Option<String>,
}

/// Where `due` stands on `as_of`, counted from `anchor`.
pub fn status(due: &Due, anchor: Option<Date>, as_of: Date) -> (Option<Date>, DueStatus) {
    let next = due.next_on_or_after(anchor, as_of);
    (next, status_of(next, as_of))
}

/// Whether a day is past, within [`SOON_DAYS`] or later, as of `as_of`.
pub fn status_of(next: Option<Date>, as_of: Date) -> DueStatus {
    match next {
        None => DueStatus::Undated,
        Some(d) if d < as_of => DueStatus::Overdue,
        Some(d) if d.days() - as_of.days() <= SOON_DAYS => DueStatus::Soon,
        Some(_) => DueStatus::Later,
    }
}

/// The follow-up of node `n`, its recipients and tasks read from `doc` (its stored
/// document, when the archive holds it).
pub fn follow_up(g: &Graph, n: NodeIx, doc: Option<&Document>, as_of: Date) -> FollowUp {
    let node = &g.nodes[n];
    let date = node.date.or(doc.and_then(|d| d.date));
    let duties = doc.map(|d| &d.duties);
    let tasks: Vec<TaskItem> = duties
        .map(|d| d.tasks.iter().map(|t| task_item(t, date, as_of)).collect())
        .unwrap_or_default();
    let (mut units, unexpanded) = asked(duties, date);
    let plans = plans(g, n, date);
    let mut matched = FxHashSet::default();
    let plan_keys: Vec<Keyed> = plans.iter().map(Keyed::plan).collect();
    let task_keys: Vec<BodyName> = tasks.iter().map(|t| BodyName::new(&t.unit)).collect();
    let mut phrase: Option<(String, BodyName)> = None;
    for u in &mut units {
        let uk = Keyed::unit(u);
        for (i, (p, pk)) in plans.iter().zip(&plan_keys).enumerate() {
            if answers(u, &uk, p, pk) {
                u.plans.push(p.clone());
                matched.insert(i);
            }
        }
        // the provinces of one group share their phrase: its key made once
        if phrase.as_ref().is_none_or(|(p, _)| *p != u.phrase) {
            phrase = Some((u.phrase.clone(), BodyName::new(&u.phrase)));
        }
        let phrase = &phrase.as_ref().expect("made above").1;
        let name = uk.body.as_ref().expect("a unit's name");
        u.tasks = (0..tasks.len())
            .filter(|&t| task_keys[t].same(name) || task_keys[t].same(phrase))
            .collect();
    }
    // the direct plans first, each depth by date; a directive with a hundred thousand plans
    // below it lists the first MAX_UNASKED and counts the rest
    let mut unasked: Vec<&Plan> = plans
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched.contains(i))
        .map(|(_, p)| p)
        .collect();
    unasked.sort_by_key(|p| p.depth);
    let unasked_total = unasked.len();
    let unasked: Vec<Plan> = unasked.into_iter().take(MAX_UNASKED).cloned().collect();
    let deadlines = deadlines(g, n, &plans, date, as_of);
    FollowUp {
        node: node.name.clone(),
        title: node.title.clone(),
        kind: node.kind.clone(),
        issuer: node.issuer.clone(),
        date,
        as_of,
        doc: doc.map(|d| d.id.clone()),
        asked: units.len(),
        acted: units.iter().filter(|u| !u.plans.is_empty()).count(),
        lags: lags(&plans),
        units,
        unasked,
        unasked_total,
        unexpanded,
        tasks,
        deadlines,
    }
}

fn task_item(t: &duty::Task, date: Option<Date>, as_of: Date) -> TaskItem {
    TaskItem {
        unit: t.unit.clone(),
        role: t.role,
        text: t.text.clone(),
        due: t.due,
        next: t.due.and_then(|d| d.next_on_or_after(date, as_of)),
    }
}

/// The units the recipients name, groups expanded on the directive's date; and what cannot
/// be expanded, as written.
fn asked(duties: Option<&duty::Duties>, date: Option<Date>) -> (Vec<AskedUnit>, Vec<String>) {
    let mut units: Vec<AskedUnit> = Vec::new();
    let mut unexpanded = Vec::new();
    let Some(duties) = duties else {
        return (units, unexpanded);
    };
    let tiles: Vec<&unit::Province> = unit::tiles().collect();
    let tile = |p: &str| {
        let today = unit::successor(p)?;
        tiles.iter().find(|t| t.name == today).and_then(|t| t.tile)
    };
    for r in &duties.recipients {
        for a in &r.addressees {
            let expanded = match (a, date) {
                (Addressee::Group { group, body, .. }, Some(on)) => unit::expand(*group, *body, on),
                (Addressee::Unit { name }, _) => vec![unit::Unit {
                    name: name.clone(),
                    province: None,
                    tier: tier_of(name),
                    branch: None,
                }],
                _ => Vec::new(),
            };
            if expanded.is_empty() {
                unexpanded.push(r.text.clone());
                continue;
            }
            for u in expanded {
                if units.iter().any(|x| x.name == u.name) {
                    continue;
                }
                units.push(AskedUnit {
                    tile: u.province.as_deref().and_then(tile),
                    name: u.name,
                    phrase: r.text.clone(),
                    tier: Some(u.tier),
                    branch: u.branch,
                    province: u.province,
                    plans: Vec::new(),
                    tasks: Vec::new(),
                });
            }
        }
    }
    // units the implementation section names are asked too (`Bộ Chính trị ban hành …`)
    for t in duties.tasks.iter().filter(|t| t.role != Role::Support) {
        let group = fold(&t.unit).starts_with("cac ");
        if group
            || units
                .iter()
                .any(|u| same_body(&u.name, &t.unit) || same_body(&u.phrase, &t.unit))
        {
            continue;
        }
        units.push(AskedUnit {
            name: t.unit.clone(),
            phrase: t.unit.clone(),
            tier: Some(tier_of(&t.unit)),
            branch: None,
            province: None,
            tile: None,
            plans: Vec::new(),
            tasks: Vec::new(),
        });
    }
    unexpanded.dedup();
    (units, unexpanded)
}

/// A named unit's tier, read from its words (`Trung ương` → central, `tỉnh` → province).
fn tier_of(name: &str) -> Tier {
    let f = format!(" {} ", fold(name));
    let has = |w: &str| f.contains(&format!(" {w} "));
    if (has("xa") && !has("xa hoi")) || has("phuong") {
        Tier::Commune
    } else if has("huyen") || has("quan") {
        Tier::District
    } else if has("tinh") || has("thanh pho") {
        Tier::Province
    } else {
        Tier::Central
    }
}

/// Every plan carrying out node `n`, to [`DEPTH`], with its lag.
fn plans(g: &Graph, n: NodeIx, date: Option<Date>) -> Vec<Plan> {
    let tree = g.implementer_tree(n, DEPTH);
    let mut out: Vec<Plan> = tree
        .found
        .iter()
        .filter(|&&(m, _)| !g.nodes[m].docs.is_empty() || g.nodes[m].issuer.is_some())
        .map(|&(m, depth)| {
            let p = &g.nodes[m];
            Plan {
                node: p.name.clone(),
                doc: p.docs.first().cloned(),
                title: p.title.clone(),
                issuer: p.issuer.clone(),
                province: p.province.clone(),
                tier: p.level.tier,
                date: p.date,
                days_after: p.date.zip(date).map(|(a, b)| a.days() - b.days()),
                depth,
            }
        })
        .collect();
    out.sort_by_key(|p| (p.date.is_none(), p.date));
    out
}

/// What matching needs of a plan or a unit asked, made once.
struct Keyed {
    /// The plan's issuer, or the unit's name.
    body: Option<BodyName>,
    /// The province, as places compare (`unit::same_place`).
    place: Option<String>,
    branch: Option<Branch>,
}

impl Keyed {
    fn plan(p: &Plan) -> Keyed {
        Keyed {
            body: p.issuer.as_deref().map(BodyName::new),
            place: p.province.as_deref().map(unit::same_place),
            branch: p.issuer.as_deref().and_then(branch_of),
        }
    }

    fn unit(u: &AskedUnit) -> Keyed {
        Keyed {
            body: Some(BodyName::new(&u.name)),
            place: u.province.as_deref().map(unit::same_place),
            branch: u.branch,
        }
    }
}

/// True when plan `p` is the asked unit's: its issuer names the unit, or (for a unit of a
/// province-wide group) it is that province's body of the same branch.
fn answers(u: &AskedUnit, uk: &Keyed, p: &Plan, pk: &Keyed) -> bool {
    if let (Some(issuer), Some(name)) = (&pk.body, &uk.body) {
        if issuer.same(name) {
            return true;
        }
    }
    match (&uk.place, &pk.place) {
        (Some(up), Some(pp)) if u.tier == Some(Tier::Province) => {
            let tier = p.tier == Some(Tier::Province);
            let branch = match (uk.branch, pk.body.is_some()) {
                (Some(b), true) => pk.branch.is_none_or(|pb| pb == b),
                _ => true,
            };
            up == pp && tier && branch
        }
        _ => false,
    }
}

/// The branch an issuer's words say (`Tỉnh ủy` → Party, `Ủy ban nhân dân` → State).
fn branch_of(issuer: &str) -> Option<Branch> {
    let f = fold(issuer);
    if f.contains("mat tran") || f.contains("mttq") {
        Some(Branch::Front)
    } else if f.contains("uy ban nhan dan") || f.contains("hoi dong nhan dan") {
        Some(Branch::State)
    } else if f.contains("tinh uy") || f.contains("thanh uy") || f.contains("dang") {
        Some(Branch::Party)
    } else {
        None
    }
}

/// Two names of one body: equal folded, one inside the other, or most words shared.
pub fn same_body(a: &str, b: &str) -> bool {
    BodyName::new(a).same(&BodyName::new(b))
}

/// A body's name as names are compared: abbreviations spelled out, folded, punctuation
/// gone; its words sorted; the place it ends with. Made once per name, so that comparing
/// the units asked with thousands of plans costs no folding.
#[derive(Debug, Clone)]
pub struct BodyName {
    norm: String,
    words: Vec<String>,
    place: Option<String>,
}

impl BodyName {
    pub fn new(name: &str) -> BodyName {
        let norm = fold(&unit::spelled_out(name))
            .replace(['(', ')', ',', '.', ';', ':'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut words: Vec<String> = norm.split(' ').map(str::to_string).collect();
        words.sort_unstable();
        words.dedup();
        let place = place_of(&norm).map(str::to_string);
        BodyName { norm, words, place }
    }

    /// Equal, one inside the other, or 80% of the longer one's words shared; never two
    /// bodies of two places, however many words they share.
    pub fn same(&self, other: &BodyName) -> bool {
        let (a, b) = (&self.norm, &other.norm);
        if a.len() < 4 || b.len() < 4 {
            return false;
        }
        if a == b {
            return true;
        }
        if let (Some(pa), Some(pb)) = (&self.place, &other.place) {
            if pa != pb {
                return false;
            }
        }
        if a.contains(b.as_str()) || b.contains(a.as_str()) {
            return true;
        }
        let most = self.words.len().max(other.words.len());
        shared(&self.words, &other.words) * 10 >= 8 * most
    }
}

/// How many words two sorted lists share.
fn shared(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The place a folded name ends with (`… tinh lao cai` → `lao cai`), after its level word.
fn place_of(folded: &str) -> Option<&str> {
    [
        "tinh ",
        "thanh pho ",
        "xa ",
        "phuong ",
        "huyen ",
        "quan ",
        "thi xa ",
    ]
    .iter()
    .filter_map(|w| folded.rfind(w).map(|i| &folded[i + w.len()..]))
    .filter(|p| !p.is_empty())
    .min_by_key(|p| p.len())
}

/// The median lag of the plans of each tier: direct plans, each issuer's first only.
fn lags(plans: &[Plan]) -> Vec<TierLag> {
    let tiers = [
        Some(Tier::Central),
        Some(Tier::Province),
        Some(Tier::District),
        Some(Tier::Commune),
        None,
    ];
    tiers
        .into_iter()
        .filter_map(|t| {
            let mut issuers = FxHashSet::default();
            let of: Vec<&Plan> = plans
                .iter()
                .filter(|p| p.tier == t && p.depth == 1)
                .filter(|p| issuers.insert(p.issuer.clone().unwrap_or_else(|| p.node.clone())))
                .collect();
            if of.is_empty() {
                return None;
            }
            let mut days: Vec<i64> = of.iter().filter_map(|p| p.days_after).collect();
            days.sort_unstable();
            Some(TierLag {
                tier: t,
                plans: of.len(),
                median_days: (!days.is_empty()).then(|| days[days.len() / 2]),
            })
        })
        .collect()
}

/// The directive's deadlines and its plans' own, each with where it stands.
fn deadlines(
    g: &Graph,
    n: NodeIx,
    plans: &[Plan],
    date: Option<Date>,
    as_of: Date,
) -> Vec<DueItem> {
    let mut out = Vec::new();
    let mut push = |m: NodeIx, anchor: Option<Date>| {
        let node = &g.nodes[m];
        for d in &node.dues {
            let (next, status) = status(&d.due, anchor, as_of);
            out.push(DueItem {
                text: d.text.clone(),
                unit: d.unit.clone(),
                due: d.due,
                next,
                status,
                from: node.name.clone(),
                doc: node.docs.first().cloned(),
            });
        }
    };
    push(n, date);
    for p in plans.iter().filter(|p| p.depth == 1) {
        if let Some(m) = g.node_named(&p.node) {
            push(m, p.date);
        }
    }
    out.sort_by_key(|d| (d.status == DueStatus::Undated, d.next));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn deadlines_stand_as_of_a_day() {
        let on = |date| Due::On { date: d(date) };
        let as_of = d("2025-12-01");
        let cases = [
            (on("2025-11-30"), DueStatus::Overdue),
            (on("2025-12-01"), DueStatus::Soon),
            (on("2025-12-31"), DueStatus::Soon),
            (on("2026-01-01"), DueStatus::Later),
            (Due::After { months: 60 }, DueStatus::Later),
            (
                Due::Every {
                    period: duty::Period::Unspecified,
                },
                DueStatus::Undated,
            ),
        ];
        for (due, want) in cases {
            assert_eq!(
                status(&due, Some(d("2025-11-28")), as_of).1,
                want,
                "{due:?}"
            );
        }
    }

    #[test]
    fn bodies_named_two_ways_are_one() {
        assert!(same_body("Tỉnh uỷ Lào Cai", "Tỉnh ủy Lào Cai"));
        assert_eq!(
            tier_of("Bộ Lao động - Thương binh và Xã hội"),
            Tier::Central
        );
        assert_eq!(tier_of("Tiểu ban chuyên môn"), Tier::Central);
        assert_eq!(tier_of("Ủy ban nhân dân xã Lương Minh"), Tier::Commune);
        assert!(same_body(
            "BTT Ủy ban MTTQ Việt Nam tỉnh",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
        ));
        assert!(!same_body("Tỉnh ủy Lào Cai", "Tỉnh ủy Lai Châu"));
        assert!(!same_body("Ban", "Ban Tổ chức Trung ương"));
        assert!(!same_body(
            "Ủy ban MTTQ Việt Nam tỉnh Lào Cai",
            "Ủy ban MTTQ Việt Nam tỉnh Lai Châu"
        ));
        assert!(!same_body(
            "Ủy ban nhân dân tỉnh Lào Cai",
            "Ủy ban nhân dân tỉnh Lai Châu"
        ));
        assert!(same_body(
            "Ban Thường vụ Tỉnh ủy Lào Cai",
            "Tỉnh ủy Lào Cai"
        ));
    }
}
