use std::path::Path;
use std::process::Command;

use super::*;

fn day(y: u16, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).expect("a day")
}

fn deadlines() -> Vec<Deadline> {
    vec![
        Deadline {
            key: "fire_plan".to_owned(),
            due: day(2026, 12, 16),
            summary: "补交：消防设施平面图（容缺受理承诺）".to_owned(),
            description: "一表通申请包 开办餐饮店; 逾期未补交, 已作出的决定将被撤销\n第二行, with \\ and ;".to_owned(),
        },
        Deadline {
            key: "lease".to_owned(),
            due: day(2026, 12, 7),
            summary: "补交：租赁合同".to_owned(),
            description: String::new(),
        },
    ]
}

#[test]
fn the_reminder_is_two_working_days_before() {
    let calendar = HolidayCalendar::new();
    // Wednesday 16 December: Monday 14th. Monday 7 December: Thursday 3rd, over the weekend.
    assert_eq!(working_days_before(&calendar, day(2026, 12, 16), 2), day(2026, 12, 14));
    assert_eq!(working_days_before(&calendar, day(2026, 12, 7), 2), day(2026, 12, 3));
}

#[test]
fn the_stamp_is_the_creation_time_in_utc() {
    assert_eq!(utc_stamp(0), "19700101T000000Z");
    assert_eq!(utc_stamp(1_796_200_230_000), "20261202T083030Z");
}

#[test]
fn lines_are_folded_within_75_octets_and_never_inside_a_character() {
    let text = deadlines_ics(&deadlines(), &HolidayCalendar::new(), 1_796_200_230_000, "ab".repeat(32).as_str());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
}

/// The `icalendar` library (a standard parser) reads both events, their dates and reminders.
#[test]
fn a_standard_parser_reads_every_event_and_its_reminder() {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/tools/venv/bin/python");
    assert!(python.exists(), "the Python judges are missing: run `cargo xtask test` once (target/tools/venv)");
    let text = deadlines_ics(&deadlines(), &HolidayCalendar::new(), 1_796_200_230_000, &"ab".repeat(32));
    let path = std::env::temp_dir().join(format!("yibiao-deadlines-{}.ics", std::process::id()));
    std::fs::write(&path, &text).expect("saved");
    let script = "import sys, icalendar\ncal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\nfor e in cal.walk('VEVENT'):\n    a = e.walk('VALARM')[0]\n    print(e['DTSTART'].dt.isoformat(), a['TRIGGER'].dt.isoformat(), str(e['SUMMARY']), str(e['DESCRIPTION']).replace(chr(10), '|'))\n";
    let out = Command::new(&python).args(["-c", script]).arg(&path).output().expect("python runs");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-12-16 2026-12-14T01:00:00+00:00 补交：消防设施平面图（容缺受理承诺） 一表通申请包 开办餐饮店; 逾期未补交, 已作出的决定将被撤销|第二行, with \\ and ;",
            "2026-12-07 2026-12-03T01:00:00+00:00 补交：租赁合同 ",
        ]
    );
}
