//! The official holiday calendar (法定节假日与调休): which days are working days (工作日), used to
//! turn "within 5 working days" into a date.
//!
//! A year's entry lists its days off that would otherwise be working days, and the weekend days
//! that are working days because of a swap (调休). A year the calendar does not cover is an
//! error, never a guess: a wrong due date on a commitment is worse than none.

use crate::sorted_map::{SortedMap, SortedSet};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::text::{zh_en, Lang};

/// One year's arrangement as published by the State Council.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYear {
    /// Days off (放假), including those on weekends.
    pub holidays: SortedSet<Date>,
    /// Weekend days that are working days (调休上班).
    pub working_weekends: SortedSet<Date>,
}

/// The calendar for the years it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    years: SortedMap<u16, CalendarYear>,
}

/// Why a working-day question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CalendarError {
    /// Occurs when a date falls in a year the calendar does not cover.
    YearNotCovered { year: u16 },
}

impl CalendarError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CalendarError::YearNotCovered { year } => zh_en!(
                lang,
                format!("节假日安排尚未包含 {year} 年，无法推算工作日，请以窗口告知为准"),
                format!(
                "The holiday calendar does not cover {year} yet, so working days cannot be counted; ask at the window"
            )
            ),
        }
    }
}

crate::text::bilingual_error!(CalendarError);

/// The longest a search for the next working day may run: far beyond any real holiday.
const MAX_DAYS_OFF_IN_A_ROW: i32 = 60;

impl HolidayCalendar {
    /// The calendar of these years' arrangements.
    pub(crate) fn from_years(years: SortedMap<u16, CalendarYear>) -> Self {
        HolidayCalendar { years }
    }

    pub fn new() -> Self {
        HolidayCalendar::default()
    }

    /// Adds or replaces a year.
    pub fn insert_year(&mut self, year: u16, arrangement: CalendarYear) {
        self.years.insert(year, arrangement);
    }

    /// The years covered, in order.
    pub fn years(&self) -> impl Iterator<Item = (&u16, &CalendarYear)> {
        self.years.iter()
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        let year = self.years.get(&date.year()).ok_or(CalendarError::YearNotCovered { year: date.year() })?;
        if year.working_weekends.contains(&date) {
            return Ok(true);
        }
        Ok(!date.is_weekend() && !year.holidays.contains(&date))
    }

    /// The `days`-th working day after `start` (`start` itself does not count): the due date of
    /// "within `days` working days from `start`". With 0 days, `start` if it is a working day,
    /// else the next working day.
    pub fn add_working_days(&self, start: Date, days: u16) -> Result<Date, CalendarError> {
        let mut date = start;
        let mut remaining = days;
        if remaining == 0 {
            return self.next_working_day_from(start);
        }
        while remaining > 0 {
            date = date.add_days(1).ok_or(CalendarError::YearNotCovered { year: 9999 })?;
            if self.is_working_day(date)? {
                remaining -= 1;
            }
        }
        Ok(date)
    }

    /// `date` if it is a working day, else the first working day after it.
    fn next_working_day_from(&self, date: Date) -> Result<Date, CalendarError> {
        let mut candidate = date;
        for _ in 0..MAX_DAYS_OFF_IN_A_ROW {
            if self.is_working_day(candidate)? {
                return Ok(candidate);
            }
            candidate = candidate.add_days(1).ok_or(CalendarError::YearNotCovered { year: 9999 })?;
        }
        Ok(candidate)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::from_ymd(y, m, d).expect("valid")
    }

    fn range(from: Date, to: Date) -> SortedSet<Date> {
        (0..=to.days_since_epoch() - from.days_since_epoch()).filter_map(|n| from.add_days(n)).collect()
    }

    /// The 2025 arrangement (国办发明电〔2024〕12号).
    fn calendar_2025() -> HolidayCalendar {
        let mut holidays = SortedSet::new();
        for (from, to) in [
            (date(2025, 1, 1), date(2025, 1, 1)),
            (date(2025, 1, 28), date(2025, 2, 4)),
            (date(2025, 4, 4), date(2025, 4, 6)),
            (date(2025, 5, 1), date(2025, 5, 5)),
            (date(2025, 5, 31), date(2025, 6, 2)),
            (date(2025, 10, 1), date(2025, 10, 8)),
        ] {
            holidays.extend(range(from, to));
        }
        let working_weekends =
            [date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11)].into();
        let mut calendar = HolidayCalendar::new();
        calendar.insert_year(2025, CalendarYear { holidays, working_weekends });
        calendar
    }

    #[test]
    fn knows_holidays_swaps_and_weekends() {
        let calendar = calendar_2025();
        assert_eq!(calendar.is_working_day(date(2025, 1, 29)), Ok(false), "Spring Festival");
        assert_eq!(calendar.is_working_day(date(2025, 1, 26)), Ok(true), "a swapped Sunday");
        assert_eq!(calendar.is_working_day(date(2025, 3, 8)), Ok(false), "an ordinary Saturday");
        assert_eq!(calendar.is_working_day(date(2025, 3, 10)), Ok(true), "an ordinary Monday");
        assert_eq!(calendar.is_working_day(date(2026, 1, 5)), Err(CalendarError::YearNotCovered { year: 2026 }));
    }

    #[test]
    fn counts_working_days_across_a_holiday() {
        let calendar = calendar_2025();
        // From Friday 2025-09-26: Sunday 28 is a working day, then 29 and 30, then the holiday
        // to 8 October, then Thursday 9, Friday 10 and the swapped Saturday 11.
        assert_eq!(calendar.add_working_days(date(2025, 9, 26), 1), Ok(date(2025, 9, 28)));
        assert_eq!(calendar.add_working_days(date(2025, 9, 26), 3), Ok(date(2025, 9, 30)));
        assert_eq!(calendar.add_working_days(date(2025, 9, 26), 4), Ok(date(2025, 10, 9)));
        assert_eq!(calendar.add_working_days(date(2025, 9, 26), 6), Ok(date(2025, 10, 11)));
        assert_eq!(calendar.add_working_days(date(2025, 10, 1), 0), Ok(date(2025, 10, 9)));
        assert_eq!(calendar.add_working_days(date(2025, 12, 30), 5), Err(CalendarError::YearNotCovered { year: 2026 }));
    }

    proptest! {
        #[test]
        fn adding_working_days_never_lands_on_a_day_off(offset in 0i32..330, days in 0u16..25) {
            let calendar = calendar_2025();
            let start = date(2025, 1, 1).add_days(offset).expect("in 2025");
            match calendar.add_working_days(start, days) {
                Ok(due) => {
                    prop_assert_eq!(calendar.is_working_day(due), Ok(true));
                    prop_assert!(!calendar.calendar_year(due).holidays.contains(&due));
                    prop_assert!(!due.is_weekend() || calendar.calendar_year(due).working_weekends.contains(&due));
                    prop_assert!(due >= start);
                }
                Err(error) => prop_assert_eq!(error, CalendarError::YearNotCovered { year: 2026 }),
            }
        }
    }

    impl HolidayCalendar {
        fn calendar_year(&self, date: Date) -> &CalendarYear {
            &self.years[&date.year()]
        }
    }
}
