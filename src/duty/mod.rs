//! What a document asks of whom: its recipients (the `Kính gửi` and `Nơi nhận` blocks, groups
//! kept as groups until the dated table of units expands them), the tasks its implementation
//! sections give each unit, and what falls due (dates, recurrences, reviews counted from the
//! document's date), each with its span in the composed text.

mod deadline;
mod recipient;
mod task;
pub mod unit;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::date::Date;
pub use unit::{Body, Group};

/// Everything a document asks: stored with the document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Duties {
    pub recipients: Vec<Recipient>,
    pub tasks: Vec<Task>,
    pub deadlines: Vec<Deadline>,
}

impl Duties {
    pub fn is_empty(&self) -> bool {
        self.recipients.is_empty() && self.tasks.is_empty() && self.deadlines.is_empty()
    }
}

/// One item of a recipients block, as written, and what it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Recipient {
    #[schema(value_type = Object)]
    pub span: Range<usize>,
    /// The item joined into one line (`Các ban đảng, đảng uỷ trực thuộc Trung ương`).
    pub text: String,
    pub addressees: Vec<Addressee>,
}

/// What a recipient item names: one body, a group of bodies, or people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Addressee {
    /// One named body, its place completed from the document (`Đảng ủy Ủy ban nhân dân tỉnh
    /// Lào Cai`).
    Unit { name: String },
    /// Many bodies: every province, every central board … (`place`: the province a group of
    /// districts or communes lies in).
    Group {
        group: Group,
        body: Body,
        place: Option<String>,
        /// The group as written, for groups the table cannot expand.
        name: String,
    },
    /// People rather than bodies (`Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng`).
    Persons { who: String },
}

/// How a unit takes part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Leads it (`chủ trì`).
    Lead,
    /// Cooperates (`phối hợp với …`).
    Support,
    /// Carries it out.
    Carry,
}

/// A unit given work in an implementation section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Task {
    /// Where the unit's name is written.
    #[schema(value_type = Object)]
    pub span: Range<usize>,
    pub unit: String,
    pub role: Role,
    /// The work, as written (its first sentence or so).
    pub text: String,
    pub due: Option<Due>,
}

/// A time by which something is due, or a recurring duty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Deadline {
    #[schema(value_type = Object)]
    pub span: Range<usize>,
    /// The phrase as written (`trước ngày 31/12/2025`, `định kỳ 6 tháng`).
    pub text: String,
    /// The unit the text makes responsible, when it names one.
    pub unit: Option<String>,
    pub due: Due,
}

/// When something falls due, normalized. Externally tagged (`{"on": {"date": …}}`): the
/// graph file stores it with postcard, which cannot read internally tagged enums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// By this day (the last day of a month, quarter or year named).
    On { date: Date },
    /// Again every period, counted from the document's date.
    Every { period: Period },
    /// This many months after the document's date (`sơ kết 5 năm`: 60).
    After { months: u32 },
}

/// The period of a recurring duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Week,
    Month,
    Quarter,
    HalfYear,
    Year,
    /// `định kỳ báo cáo` with no period said.
    Unspecified,
}

impl Period {
    /// Months in one period (weeks counted as none: the next one is computed in days).
    pub fn months(self) -> Option<u32> {
        match self {
            Period::Month => Some(1),
            Period::Quarter => Some(3),
            Period::HalfYear => Some(6),
            Period::Year => Some(12),
            Period::Week | Period::Unspecified => None,
        }
    }
}

impl Due {
    /// The first day this falls due on or after `from`, counting recurrences and delays from
    /// `anchor` (the document's date); none for a recurrence without a period or without an
    /// anchor.
    pub fn next_on_or_after(&self, anchor: Option<Date>, from: Date) -> Option<Date> {
        match *self {
            Due::On { date } => Some(date),
            Due::After { months } => add_months(anchor?, months),
            Due::Every { period } => {
                let a = anchor?;
                if period == Period::Week {
                    let weeks = (((from.days() - a.days()).max(0) + 6) / 7).max(1);
                    return Some(Date::from_days(a.days() + weeks * 7));
                }
                let step = period.months()?;
                // the first period after the anchor that ends on or after `from`
                let gap =
                    (from.year as i64 - a.year as i64) * 12 + from.month as i64 - a.month as i64;
                let first = (gap.max(0) as u32 / step).max(1);
                (first..first + 3)
                    .filter_map(|k| add_months(a, step * k))
                    .find(|d| *d >= from)
            }
        }
    }
}

/// `date` moved on by `months`, the day kept or the month's last day; none past the years
/// a [`Date`] holds.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let total = (date.month as u32 - 1).checked_add(months)?;
    let (y, m) = (date.year as u32 + total / 12, total % 12 + 1);
    (1..=date.day as u32).rev().find_map(|d| Date::new(y, m, d))
}

/// The last day of a month.
pub fn month_end(year: u32, month: u32) -> Option<Date> {
    (28..=31).rev().find_map(|d| Date::new(year, month, d))
}

/// Reads what a document asks of whom. `date` anchors dates written without their year;
/// `province` completes units named by their level alone (`Ủy ban nhân dân tỉnh`).
pub fn read(text: &str, date: Option<Date>, province: Option<&str>) -> Duties {
    let recipients = recipient::read(text, province);
    let tasks = task::read(text, date);
    let mut deadlines = deadline::read(text, date);
    for d in &mut deadlines {
        d.unit = task::responsible(&tasks, d.span.start);
    }
    Duties {
        recipients,
        tasks,
        deadlines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn months_and_days_round_trip() {
        assert_eq!(add_months(d("2025-01-31"), 1), Some(d("2025-02-28")));
        assert_eq!(add_months(d("2024-07-28"), 60), Some(d("2029-07-28")));
        assert_eq!(add_months(d("2026-07-28"), 1200), None, "past 2100");
        assert_eq!(add_months(d("2026-07-28"), u32::MAX), None);
        assert_eq!(month_end(2024, 2), Some(d("2024-02-29")));
        for s in ["1970-01-01", "2000-02-29", "2025-12-31", "2100-03-01"] {
            assert_eq!(Date::from_days(d(s).days()), d(s));
        }
    }

    #[test]
    fn recurrences_fall_due_counted_from_the_document() {
        let anchor = Some(d("2024-12-22"));
        let every = |period| Due::Every { period };
        let cases = [
            (every(Period::Year), "2026-12-07", "2026-12-22"),
            (every(Period::HalfYear), "2026-12-07", "2026-12-22"),
            (every(Period::Quarter), "2026-01-01", "2026-03-22"),
            (every(Period::Week), "2024-12-23", "2024-12-29"),
            (every(Period::Week), "2024-12-01", "2024-12-29"),
            (every(Period::Year), "2024-01-01", "2025-12-22"),
            (every(Period::Month), "2027-03-23", "2027-04-22"),
            (Due::After { months: 60 }, "2026-12-07", "2029-12-22"),
        ];
        for (due, from, want) in cases {
            assert_eq!(
                due.next_on_or_after(anchor, d(from)),
                Some(d(want)),
                "{due:?}"
            );
        }
        assert_eq!(
            every(Period::Year).next_on_or_after(None, d("2026-01-01")),
            None
        );
        let unspecified = every(Period::Unspecified);
        assert_eq!(unspecified.next_on_or_after(anchor, d("2026-01-01")), None);
    }
}
