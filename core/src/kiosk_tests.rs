use super::*;

#[test]
fn a_full_configuration_is_read_member_by_member() {
    let text = r#"{"hall":{"zh":"某区政务服务中心","en":"the District Service Centre"},"idle_seconds":90,
        "warning_seconds":45,"bundles":["newborn","retirement"],"help_desk":"一楼咨询台",
        "print":{"zh":"二楼打印区","en":"the printers upstairs"},"admin_key":"s3cret"}"#;
    let (kiosk, problem) = parse(text);
    assert_eq!(problem, None);
    assert_eq!(kiosk.hall, Some(Text::new("某区政务服务中心", "the District Service Centre")));
    assert_eq!((kiosk.idle_seconds, kiosk.warning_seconds), (90, 45));
    assert!(kiosk.offers(&BundleId::new("newborn")) && !kiosk.offers(&BundleId::new("enterprise_opening")));
    assert_eq!(kiosk.help_desk, Some(Text::new("一楼咨询台", "一楼咨询台")), "one string serves both languages");
    assert!(kiosk.admits("s3cret") && !kiosk.admits("") && !kiosk.admits("S3CRET"));
    assert_eq!(
        kiosk.next_step(Lang::Zh),
        "请带上本封面和全部材料，到某区政务服务中心的受理窗口办理。可在二楼打印区打印。有疑问请到一楼咨询台。"
    );
    assert!(kiosk.next_step(Lang::En).starts_with("Bring this cover sheet and every material to a service window of the District Service Centre. It can be printed at the printers upstairs."));
}

#[test]
fn an_empty_object_is_a_kiosk_with_the_defaults() {
    let (kiosk, problem) = parse("\u{feff} {} ");
    assert_eq!((kiosk, problem), (Kiosk::default(), None));
    let kiosk = Kiosk::default();
    assert!(kiosk.offers(&BundleId::new("anything")) && !kiosk.admits("anything"), "no key, no catalog page");
    assert_eq!((kiosk.idle_seconds, kiosk.warning_seconds), (120, 60));
}

#[test]
fn times_are_held_to_what_people_need() {
    let (kiosk, problem) = parse(r#"{"idle_seconds":5,"warning_seconds":1}"#);
    assert_eq!(problem, None);
    assert_eq!((kiosk.idle_seconds, kiosk.warning_seconds), (MIN_IDLE_SECONDS, MIN_WARNING_SECONDS));
    let (kiosk, _) = parse(r#"{"idle_seconds":99999999999}"#);
    assert_eq!(kiosk.idle_seconds, 86_400);
}

#[test]
fn what_cannot_be_read_keeps_its_default_and_is_named() {
    let (kiosk, problem) = parse(r#"{"idle_seconds":"soon","hall":"某中心","bundles":"newborn"}"#);
    assert_eq!(problem, Some(KioskError::Member { name: "idle_seconds" }), "the first one wrong");
    assert_eq!((kiosk.idle_seconds, kiosk.hall.is_some(), kiosk.bundles), (120, true, None));
    let (kiosk, problem) = parse("{\n  \"hall\": \"x\",\n  oops\n}");
    assert_eq!(problem, Some(KioskError::NotJson { line: 3, column: 3 }));
    assert_eq!(kiosk, Kiosk::default());
    assert!(problem.is_some_and(|p| p.message(Lang::Zh).contains("第 3 行第 3 列")));
    let (_, problem) = parse("[]");
    assert_eq!(problem, Some(KioskError::NotJson { line: 1, column: 1 }), "an array is no configuration");
    let (_, problem) = parse(r#"{"admin_key":""}"#);
    assert_eq!(problem, Some(KioskError::Member { name: "admin_key" }), "an empty key would open the page to anyone");
    for problem in [KioskError::NotJson { line: 1, column: 2 }, KioskError::Member { name: "print" }] {
        assert!(problem.message(Lang::Zh).contains("kiosk.json") && problem.message(Lang::En).contains("kiosk.json"));
    }
}
