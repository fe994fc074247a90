//! The letters the applicant signs (`letters/`), filled with their data and dated:
//! - a commitment for each material that follows later, as the catalog's mode for it says
//!   (容缺受理承诺书: accepted, decided once it arrives; 容缺办理承诺书: decided at once): what,
//!   by which working day, and what missing it means in that mode;
//! - a commitment letter (告知承诺书) for each proof it replaces, with the conditions the
//!   catalog states;
//! - a consent to retrieval (电子证照调取授权书, 免证) for each certificate the bureau fetches, and
//!   from which issuer;
//! - a power of attorney (授权委托书) when an agent applies.
//!
//! Each has signature and date lines.

use super::html::{escape, page};
use crate::catalog::{Catalog, FieldId, WaiverMode};
use crate::date::Date;
use crate::plan::Plan;
use crate::provision::Provision;
use crate::session::Application;
use crate::text::{zh_en, Lang};
use crate::validate::is_blank_answer;

/// A letter: its file name under `letters/` (without `.html`) and its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub name: String,
    pub html: String,
}

/// The people and dates every letter names.
#[derive(Debug, Clone, Copy)]
pub struct Signer<'a> {
    pub applicant: &'a str,
    pub bundle: &'a str,
    pub today: Date,
    pub fingerprint: &'a str,
}

fn signature(lang: Lang, who: &str) -> String {
    let (label, date) =
        (lang.pick("（签字）", "(signature)"), lang.pick("日期：　　年　　月　　日", "Date: ____ / __ / __"));
    format!("<p class=\"sign\">{}{label}：________________　　{date}</p>\n", escape(who))
}

fn letter(lang: Lang, title: &str, paragraphs: &[String], signer: &Signer<'_>, who: &str) -> String {
    let mut body = format!("<h1>{}</h1>\n", escape(title));
    for paragraph in paragraphs {
        body.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    body.push_str(&signature(lang, who));
    body.push_str(&format!(
        "<footer>{}{} · {} {}</footer>\n",
        lang.pick("一表通生成于 ", "Made by Yibiao on "),
        signer.today,
        lang.pick("申请包指纹：", "packet fingerprint:"),
        escape(signer.fingerprint)
    ));
    page(lang.tag(), title, &body)
}

/// Every letter `application` needs under `plan`.
pub fn letters(
    catalog: &Catalog,
    plan: &Plan,
    application: &Application,
    signer: &Signer<'_>,
    lang: Lang,
) -> Vec<Letter> {
    let mut out = Vec::new();
    let applicant = signer.applicant;
    for entry in &plan.checklist {
        let material = entry.material.name.get(lang);
        match application.provisions.get(&entry.material.id) {
            Some(Provision::Waived) => {
                let Some(waiver) = entry.rules.waiver.as_ref() else { continue };
                let due = catalog.calendar.add_working_days(signer.today, waiver.days).ok();
                let by = due
                    .map_or_else(|| lang.pick("（按规定期限）", "(within the set time)").to_owned(), |d| d.to_string());
                // 容缺受理: the window accepts the case and waits for the material; 容缺办理: the
                // department even decides before it arrives. What is at stake differs, and so
                // does what follows a broken promise.
                let (title, asked, at_stake) = match waiver.mode {
                    WaiverMode::Accept => (
                        lang.pick("容缺受理承诺书", "Commitment to supply a material later (容缺受理)"),
                        zh_en!(
                            lang,
                            format!("本人{applicant}在办理“{}”时，申请对“{material}”容缺受理：材料暂缺时先受理申请，补齐后再审批。", signer.bundle),
                            format!("I, {applicant}, applying for “{}”, ask that the application be accepted while “{material}” follows later; it is decided once the material arrives.", signer.bundle)
                        ),
                        lang.pick(
                            "如未按期补交，本次申请将被退回、不予办理；未履行承诺的情况可依法记入信用记录，由本人承担相应责任。",
                            "If it is not supplied in time, the application is returned and not processed; the broken promise may enter the credit record as the law provides, and I bear the consequences.",
                        ),
                    ),
                    WaiverMode::Process => (
                        lang.pick("容缺办理承诺书", "Commitment to supply a material later (容缺办理)"),
                        zh_en!(
                            lang,
                            format!("本人{applicant}在办理“{}”时，申请对“{material}”容缺办理：材料暂缺时先行审批，材料按期补交。", signer.bundle),
                            format!("I, {applicant}, applying for “{}”, ask that the application be decided while “{material}” follows later.", signer.bundle)
                        ),
                        lang.pick(
                            "如未按期补交，已作出的审批决定可依法撤销；未履行承诺的情况可依法记入信用记录，由本人承担相应责任。",
                            "If it is not supplied in time, the decision already made may be withdrawn as the law provides; the broken promise may enter the credit record, and I bear the consequences.",
                        ),
                    ),
                };
                let paragraphs = [
                    asked,
                    zh_en!(
                        lang,
                        format!("本人承诺在 {by}（{} 个工作日内）前补交该材料。", waiver.days),
                        format!(
                            "I commit to supplying it by {by} (within {}).",
                            crate::text::working_days(waiver.days)
                        )
                    ),
                    waiver.commitment.get(lang).to_owned(),
                    at_stake.to_owned(),
                ];
                out.push(Letter {
                    name: format!("{}-{}", lang.pick("容缺承诺", "commitment"), entry.material.name.get(lang)),
                    html: letter(lang, title, &paragraphs, signer, applicant),
                });
            }
            Some(Provision::CommitmentLetter) => {
                let Some(conditions) = entry.rules.commitment_letter.as_ref() else { continue };
                let paragraphs = [
                    zh_en!(
                        lang,
                        format!("本人{applicant}在办理“{}”时，以本承诺书代替“{material}”。", signer.bundle),
                        format!("I, {applicant}, applying for “{}”, make this commitment in place of “{material}”.", signer.bundle)
                    ),
                    zh_en!(lang, format!("本人承诺：{}", conditions.zh), format!("I commit that: {}", conditions.en)),
                    lang.pick(
                        "本人已知晓告知的全部内容，所作承诺真实有效；如有不实，愿承担相应法律责任。",
                        "I have read all that I was told; this commitment is true, and I bear the legal consequences if it is not.",
                    )
                    .to_owned(),
                ];
                let title = lang.pick("告知承诺书", "Commitment letter (告知承诺)");
                out.push(Letter {
                    name: format!("{}-{}", lang.pick("告知承诺", "commitment-letter"), entry.material.name.get(lang)),
                    html: letter(lang, title, &paragraphs, signer, applicant),
                });
            }
            Some(Provision::ECertificate) => {
                let Some(certificate) = entry.rules.e_certificate.as_ref() else { continue };
                let paragraphs = [
                    zh_en!(
                        lang,
                        format!("本人{applicant}同意在办理“{}”时，由受理部门调取本人的电子证照“{}”，代替提交“{material}”。", signer.bundle, certificate.zh),
                        format!("I, {applicant}, agree that for “{}” the bureau retrieves my e-certificate “{}” in place of “{material}”.", signer.bundle, certificate.en)
                    ),
                    lang.pick("调取仅用于本次办理。", "It is retrieved for this application only.").to_owned(),
                ];
                let title = lang.pick("电子证照调取授权书（免证）", "Consent to retrieve an e-certificate (免证)");
                out.push(Letter {
                    name: format!("{}-{}", lang.pick("免证授权", "e-certificate"), entry.material.name.get(lang)),
                    html: letter(lang, title, &paragraphs, signer, applicant),
                });
            }
            _ => {}
        }
    }
    let agent = application.answer(&FieldId::new("agent.name"));
    if !is_blank_answer(agent) {
        let agent_id = application.answer(&FieldId::new("agent.id_number"));
        // The principal by their ID number too, where the bundle asks it beside their name.
        let principal = match application.applicant_id_number(catalog) {
            Some(id) => {
                zh_en!(lang, format!("{applicant}（身份证号码 {id}）"), format!("{applicant} (ID number {id})"))
            }
            None => applicant.to_owned(),
        };
        let paragraphs = [
            zh_en!(
                lang,
                format!("委托人{principal}委托{agent}（身份证号码 {agent_id}）代为办理“{}”，", signer.bundle),
                format!("I, {principal}, authorise {agent} (ID number {agent_id}) to apply for “{}” on my behalf:", signer.bundle)
            ),
            lang.pick(
                "包括填写、提交申请材料，签收相关文书。受托人在委托权限内所作行为，委托人均予承认。",
                "to fill in and submit the application and its materials and to receive the documents. I accept what the agent does within this authority.",
            )
            .to_owned(),
        ];
        let title = lang.pick("授权委托书", "Power of attorney (授权委托书)");
        let mut html = letter(lang, title, &paragraphs, signer, applicant);
        // The agent signs too.
        html = html.replacen("<footer>", &format!("{}<footer>", signature(lang, agent)), 1);
        out.push(Letter { name: lang.pick("授权委托书", "power-of-attorney").to_owned(), html });
    }
    out
}

#[cfg(test)]
#[path = "letters_tests.rs"]
mod tests;
