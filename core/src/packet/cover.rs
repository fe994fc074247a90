//! The cover sheet (`cover.html`, 封面): who applies for what; each item with its department
//! and promised time; the checklist with how each material is provided and a box for the
//! window to tick; the verdict; the commitments and their dates; the fingerprint in large type
//! and as a QR code that a phone's ordinary reader shows as text.
//!
//! It is made from `application.json` alone (and the fingerprint of it), so a receiving
//! system can make the same sheet again.

use super::document::{ApplicationDocument, Material};
use super::html::{escape, page};
use super::qr::{QrCode, MAX_BYTES};
use crate::date::Date;
use crate::provision::Provision;
use crate::text::{counts, zh_en, Lang};

/// The verdict's outcome in words.
pub fn outcome_words(outcome: &str, lang: Lang) -> &'static str {
    match outcome {
        "ready" => lang.pick("可以提交", "Ready to submit"),
        "ready_with_commitments" => lang.pick("可以提交（附承诺）", "Ready to submit, with commitments"),
        _ => lang.pick("尚不能提交", "Not ready to submit"),
    }
}

/// How a material is provided, in words (files by their names in the packet).
pub fn provision_words(material: &Material, lang: Lang) -> String {
    match &material.provided {
        None => lang.pick("尚未选择", "Not chosen yet").to_owned(),
        Some(Provision::Attached { .. }) if material.files.is_empty() => {
            lang.pick("附电子文件（尚未附上）", "To be attached (no file yet)").to_owned()
        }
        Some(Provision::Attached { .. }) => {
            let names: Vec<&str> = material.files.iter().map(|file| file.path.as_str()).collect();
            zh_en!(lang, format!("电子件：{}", names.join("、")), format!("Attached: {}", names.join(", ")))
        }
        Some(Provision::Original) => lang.pick("带原件到窗口", "Original brought to the window").to_owned(),
        Some(Provision::ECertificate) => {
            lang.pick("免提交：由部门调取电子证照", "Not needed: the bureau retrieves the e-certificate").to_owned()
        }
        Some(Provision::CommitmentLetter) => {
            lang.pick("以告知承诺书代替", "Replaced by a signed commitment letter").to_owned()
        }
        Some(Provision::Waived) => match material.due {
            Some(due) => zh_en!(lang, format!("容缺：{due} 前补交"), format!("Follows later: by {due}")),
            None => lang.pick("容缺：后补", "Follows later").to_owned(),
        },
    }
}

/// When the packet was made, in China Standard Time (UTC+8, where the bureaus are):
/// `2026-12-02 16:30`.
pub fn beijing_time(created_ms: u64) -> String {
    let minutes = created_ms / 60_000 + 8 * 60;
    let day = i32::try_from(minutes / 1_440).ok().and_then(Date::from_days_since_epoch);
    let day = day.map_or_else(|| "1970-01-01".to_owned(), |day| day.to_string());
    format!("{day} {:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// The fingerprint in groups of four, easier to read out and to compare by eye.
pub fn grouped(fingerprint: &str) -> String {
    let chars: Vec<char> = fingerprint.chars().collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// What the QR code holds: a short summary, then the fingerprint. Lines of the summary are
/// dropped from the end until it fits; the fingerprint always does.
pub fn qr_text(document: &ApplicationDocument, applicant: &str, fingerprint: &str) -> String {
    let lang = document.language;
    let waived = document.materials.iter().filter(|m| m.due.is_some()).count();
    let clip = |text: &str| text.chars().take(24).collect::<String>();
    let mut lines = vec![
        lang.pick("一表通申请包", "Yibiao packet").to_owned(),
        zh_en!(
            lang,
            format!("事项：{}", clip(document.bundle.name.get(lang))),
            format!("For: {}", clip(document.bundle.name.get(lang)))
        ),
        zh_en!(lang, format!("申请人：{}", clip(applicant)), format!("Applicant: {}", clip(applicant))),
        zh_en!(
            lang,
            format!("日期：{}", beijing_time(document.created_ms)),
            format!("Made: {} (UTC+8)", beijing_time(document.created_ms))
        ),
        zh_en!(
            lang,
            format!("结论：{}", outcome_words(&document.verdict.outcome, lang)),
            format!("Verdict: {}", outcome_words(&document.verdict.outcome, lang))
        ),
        zh_en!(
            lang,
            format!("材料 {} 项，容缺 {waived} 项", document.materials.len()),
            format!("{} materials, {waived} to follow", document.materials.len())
        ),
    ];
    let tail = format!("SHA-256:\n{fingerprint}");
    loop {
        let text = format!("{}\n{tail}", lines.join("\n"));
        if text.len() <= MAX_BYTES || lines.len() <= 1 {
            return text;
        }
        lines.pop();
    }
}

/// The cover sheet of the packet whose `application.json` is `document`.
pub fn cover_html(document: &ApplicationDocument, applicant: &str, fingerprint: &str, next_step: &str) -> String {
    let lang = document.language;
    let bundle = document.bundle.name.get(lang);
    let title = zh_en!(lang, format!("{bundle} 申请材料封面"), format!("{bundle}: cover sheet"));
    let qr = QrCode::encode(&qr_text(document, applicant, fingerprint))
        .map(|code| code.svg(lang.pick("申请包二维码：摘要与指纹", "The packet's QR code: summary and fingerprint")))
        .unwrap_or_default();
    let mut body = format!(
        "<div class=\"cover-head\">\n<div>\n<h1>{}</h1>\n<table>\n\
<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n\
<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n</table>\n</div>\n<div class=\"qr\">{qr}</div>\n</div>\n",
        escape(&title),
        lang.pick("申请人", "Applicant"),
        escape(applicant),
        lang.pick("办理事项", "Bundle"),
        escape(bundle),
        lang.pick("结论", "Verdict"),
        escape(outcome_words(&document.verdict.outcome, lang)),
    );

    if let Some(helper) = &document.helper {
        body.push_str(&format!("<p class=\"helper\">{}</p>\n", escape(&helper.line(lang))));
    }
    list_table_head(
        &mut body,
        lang.pick("办理事项与承诺时限", "Items and promised times"),
        &[
            (lang.pick("事项", "Item"), ""),
            (lang.pick("部门", "Department"), ""),
            (lang.pick("承诺时限", "Promised time"), ""),
        ],
    );
    for item in &document.items {
        let days = zh_en!(
            lang,
            format!("{} 个工作日（法定 {} 个）", item.promised_days, item.legal_days),
            format!("{} (by law {})", crate::text::working_days(item.promised_days), item.legal_days)
        );
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{days}</td></tr>\n",
            escape(item.name.get(lang)),
            escape(item.department.get(lang)),
        ));
    }
    body.push_str("</table>\n");

    list_table_head(
        &mut body,
        lang.pick("材料清单", "Checklist of materials"),
        &[
            (lang.pick("材料", "Material"), ""),
            (lang.pick("份数", "Copies"), ""),
            (lang.pick("提供方式", "How it is provided"), ""),
            (lang.pick("窗口核验", "Seen at the window"), "tick"),
        ],
    );
    for material in &document.materials {
        let copies = Some(counts(lang, material.originals, material.copies)).filter(|c| !c.is_empty());
        let copies = copies.unwrap_or_else(|| "—".to_owned());
        body.push_str(&format!(
            "<tr><td>{}</td><td>{copies}</td><td>{}</td><td class=\"tick\">□</td></tr>\n",
            escape(material.name.get(lang)),
            escape(&provision_words(material, lang)),
        ));
    }
    body.push_str("</table>\n");

    body.push_str(&format!("<h2>{}</h2>\n", lang.pick("预审结论与承诺", "Verdict and commitments")));
    body.push_str(&format!("<p><strong>{}</strong></p>\n", escape(outcome_words(&document.verdict.outcome, lang))));
    if !document.verdict.reasons.is_empty() {
        body.push_str("<ul>\n");
        for reason in &document.verdict.reasons {
            body.push_str(&format!("<li>{}</li>\n", escape(reason.get(lang))));
        }
        body.push_str("</ul>\n");
    }

    if !next_step.is_empty() {
        body.push_str(&format!(
            "<h2>{}</h2>\n<p class=\"next-step\">{}</p>\n",
            lang.pick("下一步", "What to do next"),
            escape(next_step)
        ));
    }
    body.push_str(&format!(
        "<h2>{}</h2>\n<p class=\"fingerprint\">{}</p>\n<p>{}</p>\n",
        lang.pick("申请包指纹（SHA-256）", "The packet's fingerprint (SHA-256)"),
        escape(&grouped(fingerprint)),
        lang.pick(
            "核验：data/application.json 的 SHA-256 应与上面的指纹相同；整个申请包是 BagIt 包（RFC 8493），可用任何 BagIt 工具校验每个文件。",
            "To verify: the SHA-256 of data/application.json equals the fingerprint above; the packet is a BagIt bag (RFC 8493) that any BagIt tool checks file by file."
        ),
    ));
    body.push_str(&format!(
        "<footer>{} {}{}</footer>\n",
        lang.pick("一表通制作于", "Made by Yibiao on"),
        beijing_time(document.created_ms),
        lang.pick("（北京时间）", " (Beijing time)"),
    ));
    page(lang.tag(), &title, &body)
}

/// Opens a list table under its heading `title`: one header cell per column, each a label
/// and a class ("" for none).
fn list_table_head(body: &mut String, title: &str, columns: &[(&str, &str)]) {
    body.push_str(&format!("<h2>{}</h2>\n<table class=\"list\">\n<tr>", escape(title)));
    for (label, class) in columns {
        let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
        body.push_str(&format!("<th scope=\"col\"{class}>{}</th>", escape(label)));
    }
    body.push_str("</tr>\n");
}

#[cfg(test)]
#[path = "cover_tests.rs"]
pub(crate) mod tests;
