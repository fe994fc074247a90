//! Dates as people type them (日期): `2026-11-22`, `2026/11/22`, `2026.11.22`,
//! `2026年11月22日` and `20261122` all mean the same day.

use crate::date::Date;
use crate::text::{zh_en, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateError {
    /// Occurs when the text is not year, month and day in one of the accepted forms.
    Unrecognised,
    /// Occurs when the form is right but no such day exists (2025-02-29).
    NoSuchDay { year: u16, month: u8, day: u8 },
}

/// Parses a typed date.
pub fn parse_date(input: &str) -> Result<Date, DateError> {
    let text = super::normalize_code(input);
    let parts: Vec<&str> = if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let part = |range| text.get(range).unwrap_or_default();
        vec![part(0..4), part(4..6), part(6..8)]
    } else {
        text.trim_end_matches('日').split(['-', '/', '.', '年', '月']).collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return Err(DateError::Unrecognised);
    };
    let number = |part: &str, max_len: usize| -> Option<u32> {
        (!part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2)) else {
        return Err(DateError::Unrecognised);
    };
    if year < 1000 {
        return Err(DateError::Unrecognised);
    }
    let (year, month, day) = (year as u16, month as u8, day as u8);
    Date::from_ymd(year, month, day).ok_or(DateError::NoSuchDay { year, month, day })
}

impl DateError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DateError::Unrecognised => lang
                .pick(
                    "请按“年-月-日”填写日期，例如 2026-11-22",
                    "Enter the date as year-month-day, for example 2026-11-22",
                )
                .to_owned(),
            DateError::NoSuchDay { year, month, day } => zh_en!(
                lang,
                format!("{year}年{month}月没有{day}日，请核对"),
                format!("There is no day {day} in month {month} of {year}; please check the date")
            ),
        }
    }
}

crate::text::bilingual_error!(DateError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_forms() {
        let expected = Date::from_ymd(2026, 11, 2);
        for input in ["2026-11-02", "2026/11/2", "2026.11.02", "2026年11月2日", "20261102", "２０２６－１１－０２"]
        {
            assert_eq!(parse_date(input).ok(), expected, "{input}");
        }
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(parse_date("2025-02-29"), Err(DateError::NoSuchDay { year: 2025, month: 2, day: 29 }));
        assert_eq!(parse_date("29/02/2024"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("2026-11"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("yesterday"), Err(DateError::Unrecognised));
        assert!(DateError::NoSuchDay { year: 2025, month: 2, day: 29 }.message(Lang::Zh).contains("2025年2月没有29日"));
    }
}
