//! The commitments' due dates as a calendar (`deadlines.ics`, RFC 5545): one all-day event per
//! date, with a reminder on the morning two working days before, so that a phone's calendar
//! reminds the applicant to bring what they promised. Byte-stable: the stamp is the packet's
//! creation time and every id comes from the packet.

use crate::calendar::HolidayCalendar;
use crate::date::Date;

/// One commitment's due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// Unique within the packet (a material id); the event's UID adds the packet's fingerprint.
    pub key: String,
    pub due: Date,
    pub summary: String,
    pub description: String,
}

/// The working day `count` working days before `date` (weekends only, for a year the catalog's
/// calendar does not cover).
pub fn working_days_before(calendar: &HolidayCalendar, date: Date, count: u16) -> Date {
    let mut day = date;
    let mut left = count;
    // A year has at most 366 days: the walk ends even on a calendar of holidays only.
    for _ in 0..800 {
        if left == 0 {
            break;
        }
        let Some(before) = day.add_days(-1) else { break };
        day = before;
        if calendar.is_working_day(day).unwrap_or(!day.is_weekend()) {
            left -= 1;
        }
    }
    day
}

/// `ms` since 1970 in UTC as an iCalendar date-time (`20261202T083000Z`).
pub fn utc_stamp(ms: u64) -> String {
    let seconds = ms / 1_000;
    let day = i32::try_from(seconds / 86_400).ok().and_then(Date::from_days_since_epoch);
    let time = seconds % 86_400;
    let day = day.map_or_else(|| "19700101".to_owned(), compact);
    format!("{day}T{:02}{:02}{:02}Z", time / 3_600, time / 60 % 60, time % 60)
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The calendar of `deadlines`, stamped `created_ms`, each event's UID made with `fingerprint`.
pub fn deadlines_ics(deadlines: &[Deadline], calendar: &HolidayCalendar, created_ms: u64, fingerprint: &str) -> String {
    let stamp = utc_stamp(created_ms);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Yibiao//一表通//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for deadline in deadlines {
        let remind = working_days_before(calendar, deadline.due, 2);
        let next = deadline.due.add_days(1).unwrap_or(deadline.due);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:{}-{}@yibiao",
                escape(&deadline.key),
                escape(&fingerprint.chars().take(16).collect::<String>())
            ),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", compact(deadline.due)),
            format!("DTEND;VALUE=DATE:{}", compact(next)),
            format!("SUMMARY:{}", escape(&deadline.summary)),
            format!("DESCRIPTION:{}", escape(&deadline.description)),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", escape(&deadline.summary)),
            // 09:00 in China (UTC+8) on the reminder day.
            format!("TRIGGER;VALUE=DATE-TIME:{}T010000Z", compact(remind)),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect()
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character (RFC 5545 §3.1), with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
