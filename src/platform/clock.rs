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

/// The time now, in milliseconds since 1970.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        // Whole milliseconds since 1970 fit a u64 for the next half a million years.
        now as u64
    } else {
        0
    }
}

/// A moment as local date and time, `2026-11-23 09:05`; `None` for an unknown time (0).
pub fn local_date_time(ms: u64) -> Option<String> {
    if ms == 0 {
        return None;
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    Some(format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    ))
}
