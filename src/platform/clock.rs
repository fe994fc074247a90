//! Today's date from the device clock; the core never reads a clock itself.

use yibiao_core::Date;

/// Used only if the device clock gives an impossible date.
const FALLBACK: Date = match Date::from_ymd(2026, 1, 1) {
    Some(date) => date,
    None => panic!("a valid constant date"),
};

/// The device's local calendar date.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok();
    let month = u8::try_from(now.get_month() + 1).ok();
    let day = u8::try_from(now.get_date()).ok();
    match (year, month, day) {
        (Some(year), Some(month), Some(day)) => Date::from_ymd(year, month, day).unwrap_or(FALLBACK),
        _ => FALLBACK,
    }
}
