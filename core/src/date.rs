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
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        Date::from_ymd(number(0..4)?, u8::try_from(number(5..7)?).ok()?, u8::try_from(number(8..10)?).ok()?)
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

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    pub fn days_since_epoch(self) -> i32 {
        // Shift the year to start in March so that 29 February is the year's last day.
        let (year, month, day) = (i32::from(self.year), i32::from(self.month), i32::from(self.day));
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01, if it lies in years 1 to 9999.
    pub fn from_days_since_epoch(days: i32) -> Option<Date> {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
        let year = year_of_era + era * 400 + i32::from(month <= 2);
        Date::from_ymd(u16::try_from(year).ok().filter(|y| *y <= 9999)?, month as u8, day as u8)
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i32) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The day of the week, 1 for Monday to 7 for Sunday (ISO 8601).
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.days_since_epoch() + 3).rem_euclid(7) as u8 + 1
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        self.weekday() >= 6
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
        Date::parse_iso(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date: {text}")))
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
        for bad in ["2026-11-2", "2026/11/22", "2026-02-30", "+026-11-22", "２０２６-11-22"] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_days_and_weekdays() {
        let date = |y, m, d| Date::from_ymd(y, m, d).expect("valid");
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2026, 11, 22).weekday(), 7, "a Sunday");
        assert_eq!(date(2025, 1, 1).weekday(), 3, "a Wednesday");
        assert_eq!(date(2024, 2, 28).add_days(1), Some(date(2024, 2, 29)));
        assert_eq!(date(2023, 2, 28).add_days(1), Some(date(2023, 3, 1)));
        assert_eq!(date(2026, 12, 31).add_days(1), Some(date(2027, 1, 1)));
        assert_eq!(date(2026, 1, 1).add_days(-1), Some(date(2025, 12, 31)));
        assert!(date(2026, 11, 21).is_weekend() && !date(2026, 11, 20).is_weekend());
    }

    proptest::proptest! {
        #[test]
        fn day_numbers_round_trip(days in -700_000i32..2_900_000) {
            let date = Date::from_days_since_epoch(days).expect("in range");
            proptest::prop_assert_eq!(date.days_since_epoch(), days);
            proptest::prop_assert_eq!(date.add_days(1).map(Date::weekday), Some(date.weekday() % 7 + 1));
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
