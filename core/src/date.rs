//! A calendar date without time zone (公历日期). The core never reads a clock: today's date is
//! always passed in by the shell.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A real date of the Gregorian calendar. Ordering is chronological (fields are in y/m/d order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when no such day exists (30 February, month 13, year 0).
    pub const fn from_ymd(year: u16, month: u8, day: u8) -> Option<Date> {
        if year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses the ISO form `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::from_ymd(
            number(0..4)?,
            u8::try_from(number(5..7)?).ok()?,
            u8::try_from(number(8..10)?).ok()?,
        )
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole years from `self` to `on` (an age), 0 if `on` is earlier.
    pub fn years_until(self, on: Date) -> u16 {
        let mut years = on.year.saturating_sub(self.year);
        if years > 0 && (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

pub(crate) const fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    /// ISO 8601, `2026-11-22`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_and_impossible_days() {
        assert!(Date::from_ymd(2024, 2, 29).is_some());
        assert!(Date::from_ymd(2000, 2, 29).is_some());
        assert!(Date::from_ymd(1900, 2, 29).is_none());
        assert!(Date::from_ymd(1999, 2, 30).is_none());
        assert!(Date::from_ymd(2025, 4, 31).is_none());
        assert!(Date::from_ymd(2025, 13, 1).is_none());
        assert!(Date::from_ymd(2025, 1, 0).is_none());
    }

    #[test]
    fn iso_round_trip() {
        let date = Date::parse_iso("2026-11-22").expect("valid");
        assert_eq!(date.to_string(), "2026-11-22");
        for bad in [
            "2026-11-2",
            "2026/11/22",
            "2026-02-30",
            "+026-11-22",
            "２０２６-11-22",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn age_counts_whole_years() {
        let born = Date::from_ymd(1990, 3, 7).expect("valid");
        let on = |y, m, d| Date::from_ymd(y, m, d).expect("valid");
        assert_eq!(born.years_until(on(2026, 3, 6)), 35);
        assert_eq!(born.years_until(on(2026, 3, 7)), 36);
        assert_eq!(born.years_until(on(1980, 1, 1)), 0);
    }
}
