//! Calendar dates as documents write them: `25/10/2021`, `04-02-2020`, `ngày 04 tháng 5 năm 2018`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

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
    /// `s` (after spaces, commas and an optional `ngày`); returns the date and the bytes it
    /// took. Hand-written: it runs after every identifier.
    pub fn parse_prefix(s: &str) -> Option<(Date, usize)> {
        let mut p = Cursor { s, pos: 0 };
        p.skip(|c| c.is_whitespace() || c == ',');
        // `ngày15` (glued by OCR) is read; `ngàyX` is not a date
        if p.word(&["ngày", "Ngày", "NGÀY"])
            && p.skip(char::is_whitespace) == 0
            && !p.s[p.pos..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let day = p.number(1, 2)?;
        let (month, year) = if p.one_of(&['/', '.', '-']) {
            let month = p.number(1, 2)?;
            p.one_of(&['/', '.', '-']).then_some(())?;
            (month, p.number(4, 4)?)
        } else {
            p.spaced_word(&["tháng", "Tháng"])?;
            let month = p.number(1, 2)?;
            p.skip(|c| c == ',');
            p.spaced_word(&["năm", "Năm"])?;
            (month, p.number(4, 4)?)
        };
        Some((Date::new(year, month, day)?, p.pos))
    }
}

/// A small forward reader over a string, for [`Date::parse_prefix`].
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn skip(&mut self, f: impl Fn(char) -> bool) -> usize {
        let rest = &self.s[self.pos..];
        let n = rest.len() - rest.trim_start_matches(f).len();
        self.pos += n;
        n
    }

    fn word(&mut self, words: &[&str]) -> bool {
        let rest = &self.s[self.pos..];
        match words.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => {
                self.pos += w.len();
                true
            }
            None => false,
        }
    }

    /// One of `words` between numbers, with or without spaces around it (`tháng12`
    /// and `01năm` occur in converted files).
    fn spaced_word(&mut self, words: &[&str]) -> Option<()> {
        self.skip(char::is_whitespace);
        self.word(words).then_some(())?;
        self.skip(char::is_whitespace);
        Some(())
    }

    /// Spaces, one of `seps`, spaces.
    fn one_of(&mut self, seps: &[char]) -> bool {
        let save = self.pos;
        self.skip(|c| c == ' ');
        if self.s[self.pos..].starts_with(seps) {
            self.pos += 1;
            self.skip(|c| c == ' ');
            true
        } else {
            self.pos = save;
            false
        }
    }

    /// A run of `min..=max` ASCII digits, not followed by another digit.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let digits = self.s[self.pos..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits < min || digits > max {
            return None;
        }
        let n = self.s[self.pos..self.pos + digits].parse().ok()?;
        self.pos += digits;
        Some(n)
    }
}

impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .into()
    }
}

impl utoipa::ToSchema for Date {}

impl Date {
    /// Days since 1970-01-01 (the civil-from-days algorithm, proleptic Gregorian).
    pub fn days(&self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - (m <= 2) as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (the inverse of [`Date::days`]), clamped to the
    /// years a [`Date`] holds.
    pub fn from_days(days: i64) -> Date {
        let z = days.clamp(-25_567, 47_846) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + (m <= 2) as i64;
        Date::new(y as u32, m as u32, d as u32).expect("a day between 1900 and 2100")
    }

    /// Today in Vietnam (UTC+7), from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_days((secs + 7 * 3600) / 86_400)
    }

    /// The date as documents and the page write it: `25/10/2021`.
    pub fn display(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = &'static str;

    /// Reads the `YYYY-MM-DD` form that [`Date`] displays.
    fn from_str(s: &str) -> Result<Date, Self::Err> {
        let mut parts = s.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        match (y.flatten(), m.flatten(), d.flatten()) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok_or("not a real day"),
            _ => Err("expected YYYY-MM-DD"),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
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
            (", ngày 04 tháng 5, năm 2018", Some("2018-05-04")),
            ("ngày 24 tháng11 năm 2025", Some("2025-11-24")),
            ("ngày 10 tháng 01năm 2026", Some("2026-01-10")),
            ("ngày 25/10/20211", None),
            ("ngàyx 25/10/2021", None),
            ("12/12/2013, 218", Some("2013-12-12")),
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
