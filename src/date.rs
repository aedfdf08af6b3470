//! Calendar dates as documents write them: `25/10/2021`, `04-02-2020`, `ngày 04 tháng 5 năm 2018`.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Serialize, Serializer};

/// A day of the Gregorian calendar, shown as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date from its parts, if they name a real day between 1900 and 2100.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Reads `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy` or `ngày d tháng m năm yyyy` at the start of
    /// `s` (after spaces and an optional `ngày`); returns the date and the bytes it took.
    pub fn parse_prefix(s: &str) -> Option<(Date, usize)> {
        let c = DATE.captures(s)?;
        let num = |i| c.get(i).map(|m| m.as_str().parse::<u32>().ok());
        let (d, m, y) = match (num(1), num(4)) {
            (Some(d), _) => (d?, num(2)??, num(3)??),
            (None, Some(d)) => (d?, num(5)??, num(6)??),
            _ => return None,
        };
        Some((Date::new(y, m, d)?, c.get(0)?.end()))
    }
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^[\s,]*(?:(?i:ngày)\s+)?
        (?:
          ([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})
        | ([0-9]{1,2})\s+(?i:tháng)\s+([0-9]{1,2})\s*,?\s+(?i:năm)\s+([0-9]{4})
        )",
    )
    .unwrap()
});

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("25/10/2021", Some("2021-10-25")),
            (" ngày 25/10/2021 của", Some("2021-10-25")),
            ("ngày\n\n25/10/2021", Some("2021-10-25")),
            ("04-02-2020", Some("2020-02-04")),
            ("ngày 04 tháng 5 năm 2018", Some("2018-05-04")),
            ("ngày 04 tháng  02  năm 2020", Some("2020-02-04")),
            ("Ngày 5.3.2019", Some("2019-03-05")),
            ("31/02/2020", None),
            ("12/2022", None),
            ("ngày mai", None),
        ];
        for (input, expected) in cases {
            let got = Date::parse_prefix(input).map(|(d, _)| d.to_string());
            assert_eq!(got.as_deref(), expected, "{input:?}");
        }
    }
}
