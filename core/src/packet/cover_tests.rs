use super::*;
use crate::packet::judges::zbar_reads_svg;
use crate::packet::{document, sha256_hex};
use crate::text::Text;

pub(crate) fn document(lang: Lang) -> ApplicationDocument {
    let material = |id: &str, name: &str, provided: Option<Provision>, due| Material {
        id: id.to_owned(),
        name: Text::new(name, id),
        originals: 1,
        copies: 2,
        needed_by: vec!["item".to_owned()],
        provided,
        due,
        files: Vec::new(),
    };
    ApplicationDocument {
        format: document::FORMAT.to_owned(),
        version: document::VERSION,
        catalog: document::CatalogRef { version: "2026.1".to_owned(), digest: "ab".repeat(32) },
        bundle: document::Named {
            id: "restaurant".to_owned(), name: Text::new("开办<餐饮店>", "Open a restaurant")
        },
        language: lang,
        created: "20261202T083000Z".to_owned(),
        created_ms: 1_796_200_200_000,
        answers: Vec::new(),
        items: vec![document::Item {
            id: "licence".to_owned(),
            name: Text::new("食品经营许可", "Food business licence"),
            department: Text::new("市场监督管理局", "Market regulation"),
            legal_days: 20,
            promised_days: 5,
        }],
        materials: vec![
            material("lease", "租赁合同 & 产权证明", Some(Provision::Waived), Date::from_ymd(2026, 12, 9)),
            material("plan", "平面图", Some(Provision::CommitmentLetter), None),
            material("licence", "营业执照", Some(Provision::ECertificate), None),
            material("id", "身份证", Some(Provision::Original), None),
            material("photo", "照片", None, None),
        ],
        verdict: document::VerdictRecord {
            outcome: "ready_with_commitments".to_owned(),
            reasons: vec![Text::new("“租赁合同”容缺受理，2026-12-09 前补交", "the lease follows later")],
        },
        helper: None,
    }
}

#[test]
fn the_cover_names_everything_the_window_checks() {
    let document = document(Lang::Zh);
    let fingerprint = sha256_hex(b"application.json");
    let html = cover_html(&document, "张三</td><script>", &fingerprint, "");
    for expected in [
        "开办&lt;餐饮店&gt; 申请材料封面",
        "张三&lt;/td&gt;&lt;script&gt;",
        "食品经营许可",
        "市场监督管理局",
        "5 个工作日（法定 20 个）",
        "租赁合同 &amp; 产权证明",
        "容缺：2026-12-09 前补交",
        "以告知承诺书代替",
        "免提交：由部门调取电子证照",
        "带原件到窗口",
        "尚未选择",
        "原件 1 份，复印件 2 份",
        "可以提交（附承诺）",
        "“租赁合同”容缺受理，2026-12-09 前补交",
        &grouped(&fingerprint),
        "2026-12-02 16:30（北京时间）",
    ] {
        assert!(html.contains(expected), "{expected} in\n{html}");
    }
    assert_eq!(html.matches("<td class=\"tick\">□</td>").count(), document.materials.len());
    assert!(!html.contains("<script>"), "escaped");
    assert!(!html.contains("://") || html.matches("://").count() == 1, "only the SVG namespace");
}

/// A phone's reader shows the summary and the fingerprint, in the packet's language.
#[test]
fn the_qr_code_reads_as_the_summary_and_the_fingerprint() {
    let fingerprint = sha256_hex(b"application.json");
    for (lang, expected) in
        [(Lang::Zh, "事项：开办<餐饮店>\n申请人：张三"), (Lang::En, "For: Open a restaurant\nApplicant: 张三")]
    {
        let html = cover_html(&document(lang), "张三", &fingerprint, "");
        let svg =
            html.split("<div class=\"qr\">").nth(1).and_then(|rest| rest.split("</div>").next()).expect("a QR code");
        let read = zbar_reads_svg(svg, lang.tag());
        assert!(read.contains(expected), "{read}");
        assert!(read.ends_with(&format!("SHA-256:\n{fingerprint}")), "{read}");
        assert_eq!(read, qr_text(&document(lang), "张三", &fingerprint));
    }
}

/// However long the names, the code is made: the summary gives way, the fingerprint stays.
#[test]
fn long_names_shorten_the_summary_not_the_fingerprint() {
    let fingerprint = sha256_hex(b"x");
    let mut long = document(Lang::Zh);
    long.bundle.name = Text::new("很长的事项名称".repeat(20), "long");
    let text = qr_text(&long, &"欧阳".repeat(40), &fingerprint);
    assert!(text.len() <= MAX_BYTES, "{} bytes", text.len());
    assert!(text.ends_with(&fingerprint));
    assert!(QrCode::encode(&text).is_ok());
}

#[test]
fn the_time_shown_is_beijing_time() {
    assert_eq!(beijing_time(0), "1970-01-01 08:00");
    assert_eq!(beijing_time(1_796_200_200_000), "2026-12-02 16:30");
    assert_eq!(grouped("0123456789"), "0123 4567 89");
}

#[test]
fn a_kiosk_s_next_step_is_on_the_cover_and_only_then() {
    let fingerprint = "ab".repeat(32);
    let step = "请带上本封面和全部材料，到<某区>政务服务中心的受理窗口办理。";
    let html = cover_html(&document(Lang::Zh), "张三", &fingerprint, step);
    assert!(html.contains("<h2>下一步</h2>") && html.contains("到&lt;某区&gt;政务服务中心"), "shown, escaped");
    assert!(!cover_html(&document(Lang::Zh), "张三", &fingerprint, "").contains("下一步"));
}
