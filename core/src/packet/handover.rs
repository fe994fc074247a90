//! The hand-over sheet (`handover.html`, 交接单): one page for the applicant to keep, in large
//! type, when someone helped them prepare the application (帮办代办) or they prepared it
//! themselves: what was prepared, what to bring and how many copies, each commitment with its
//! date, and where to go. Made from `application.json` alone, like the cover.

use super::cover::provision_words;
use super::document::{ApplicationDocument, Material};
use super::html::{escape, page};
use crate::provision::Provision;
use crate::text::{zh_en, Lang};

/// What the applicant does with a material, in the plainest words: bring it, nothing, or
/// send it later by a date.
fn to_do(material: &Material, lang: Lang) -> String {
    match &material.provided {
        Some(Provision::Original) => zh_en!(
            lang,
            format!("带原件 {} 份、复印件 {} 份", material.originals, material.copies),
            format!("bring {} original(s) and {} copies", material.originals, material.copies)
        ),
        _ => provision_words(material, lang),
    }
}

/// The hand-over sheet of `document` for `applicant`; `next_step` says where to go (a hall's
/// terminal knows), else the departments are named.
pub fn handover_html(document: &ApplicationDocument, applicant: &str, next_step: &str) -> String {
    let lang = document.language;
    let bundle = document.bundle.name.get(lang);
    let title = zh_en!(lang, format!("交接单：{bundle}"), format!("Hand-over sheet: {bundle}"));
    let mut body = format!("<div class=\"handover\">\n<h1>{}</h1>\n", escape(&title));
    body.push_str(&format!("<p>{}{}</p>\n", lang.pick("申请人：", "Applicant: "), escape(applicant)));
    if let Some(helper) = &document.helper {
        body.push_str(&format!("<p>{}</p>\n", escape(&helper.line(lang))));
    }

    body.push_str(&format!("<h2>{}</h2>\n<ul>\n", lang.pick("已经准备好的事项", "What has been prepared")));
    for item in &document.items {
        body.push_str(&format!("<li>{}（{}）</li>\n", escape(item.name.get(lang)), escape(item.department.get(lang))));
    }
    body.push_str("</ul>\n");

    body.push_str(&format!("<h2>{}</h2>\n<ul>\n", lang.pick("办理时要带的材料", "What to bring")));
    for material in &document.materials {
        body.push_str(&format!(
            "<li><strong>{}</strong>{}{}</li>\n",
            escape(material.name.get(lang)),
            lang.pick("：", ": "),
            escape(&to_do(material, lang))
        ));
    }
    body.push_str("</ul>\n");

    let later: Vec<&Material> = document.materials.iter().filter(|m| m.provided == Some(Provision::Waived)).collect();
    let letters = document.materials.iter().filter(|m| m.provided == Some(Provision::CommitmentLetter));
    if !later.is_empty() || letters.clone().next().is_some() {
        body.push_str(&format!("<h2>{}</h2>\n<ul>\n", lang.pick("您作出的承诺", "What you have promised")));
        for material in later {
            let due = material.due.map(|due| due.to_string()).unwrap_or_default();
            body.push_str(&format!(
                "<li>{}</li>\n",
                escape(&zh_en!(
                    lang,
                    format!("{} 之前补交“{}”", due, material.name.zh),
                    format!("Send “{}” by {}", material.name.en, due)
                ))
            ));
        }
        for material in letters {
            body.push_str(&format!(
                "<li>{}</li>\n",
                escape(&zh_en!(
                    lang,
                    format!("签署告知承诺书，代替“{}”", material.name.zh),
                    format!("Sign the commitment letter in place of “{}”", material.name.en)
                ))
            ));
        }
        body.push_str("</ul>\n");
    }

    body.push_str(&format!("<h2>{}</h2>\n", lang.pick("去哪里办", "Where to go")));
    if next_step.is_empty() {
        let mut departments: Vec<&str> = Vec::new();
        for item in &document.items {
            let department = item.department.get(lang);
            if !departments.contains(&department) {
                departments.push(department);
            }
        }
        let separator = lang.pick("、", ", ");
        body.push_str(&format!(
            "<p>{}</p>\n",
            escape(&zh_en!(
                lang,
                format!("带上申请包的封面和上面的材料，到政务服务大厅的综合受理窗口办理。办理部门：{}。", departments.join(separator)),
                format!("Bring the packet's cover sheet and the materials above to a service window of the government service hall. The departments: {}.", departments.join(separator))
            ))
        ));
    } else {
        body.push_str(&format!("<p>{}</p>\n", escape(next_step)));
    }
    body.push_str("</div>\n");
    page(lang.tag(), &title, &body)
}

#[cfg(test)]
#[path = "handover_tests.rs"]
mod tests;
