//! The answers export (填报数据导出): a JSON document of what was filled in: the situation
//! answers (情形) that decided the plan, then each field of the combined form, with the items
//! and the checklist it was made for, with how each material is provided and the attached
//! files' names, sizes and SHA-256. Only answers to questions and fields the plan asks for
//! are written; the document is byte-stable for the same input.

use serde::Serialize;

use crate::attachment::Attachment;
use crate::catalog::{Catalog, FileType};
use crate::date::Date;
use crate::plan::Plan;
use crate::session::Application;
use crate::text::Text;
use crate::validate::canonical_value;
use crate::verdict::Provision;

/// The `format` marker of an answers document.
pub const FORMAT: &str = "yibiao-answers";
/// The version this build writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
struct AnswersDocument<'a> {
    format: &'static str,
    version: u32,
    catalog_version: &'a str,
    exported_on: Date,
    bundle: Named<'a>,
    items: Vec<ExportedItem<'a>>,
    situation: Vec<ExportedSituation<'a>>,
    answers: Vec<ExportedAnswer<'a>>,
    checklist: Vec<ExportedMaterial<'a>>,
}

#[derive(Debug, Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a Text,
}

#[derive(Debug, Serialize)]
struct ExportedItem<'a> {
    id: &'a str,
    name: &'a Text,
    department: &'a Text,
    promised_days: u16,
}

/// A situation question's answer, with the chosen option's words.
#[derive(Debug, Serialize)]
struct ExportedSituation<'a> {
    field: &'a str,
    label: &'a Text,
    value: String,
    answer: Option<Text>,
}

#[derive(Debug, Serialize)]
struct ExportedAnswer<'a> {
    field: &'a str,
    label: &'a Text,
    value: String,
    /// The items whose forms carry this answer.
    used_by: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
struct ExportedMaterial<'a> {
    material: &'a str,
    name: &'a Text,
    originals: u8,
    copies: u8,
    needed_by: Vec<&'a str>,
    /// How the applicant provides it, if chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    provided: Option<&'a Provision>,
    /// The files attached for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<ExportedFile<'a>>,
}

/// An attached file: its name, real type, size, and the SHA-256 of its content (its id).
#[derive(Debug, Serialize)]
struct ExportedFile<'a> {
    name: &'a str,
    file_type: FileType,
    size: u64,
    sha256: &'a str,
}

impl<'a> From<&'a Attachment> for ExportedFile<'a> {
    fn from(file: &'a Attachment) -> Self {
        ExportedFile { name: &file.name, file_type: file.file_type, size: file.size, sha256: &file.id }
    }
}

/// Writes the answers document for an application on `today`.
pub fn answers_document(catalog: &Catalog, plan: &Plan, application: &Application, today: Date) -> String {
    let bundle_name = catalog.bundle(&plan.bundle).map(|bundle| &bundle.name);
    let fallback_name = Text::new(plan.bundle.as_str(), plan.bundle.as_str());
    let document = AnswersDocument {
        format: FORMAT,
        version: VERSION,
        catalog_version: &catalog.version,
        exported_on: today,
        bundle: Named { id: plan.bundle.as_str(), name: bundle_name.unwrap_or(&fallback_name) },
        items: plan
            .items
            .iter()
            .map(|item| ExportedItem {
                id: item.id.as_str(),
                name: &item.name,
                department: &item.department,
                promised_days: item.promised_days,
            })
            .collect(),
        situation: plan
            .questions
            .iter()
            .filter(|question| !crate::validate::is_blank_answer(application.answer(&question.field.id)))
            .map(|question| {
                let value = canonical_value(&question.field, application.answer(&question.field.id), today);
                let answer = question.field.choice_label(&value);
                ExportedSituation { field: question.field.id.as_str(), label: &question.field.label, value, answer }
            })
            .collect(),
        answers: plan
            .fields()
            .filter(|planned| !crate::validate::is_blank_answer(application.answer(&planned.field.id)))
            .map(|planned| ExportedAnswer {
                field: planned.field.id.as_str(),
                label: &planned.field.label,
                value: canonical_value(&planned.field, application.answer(&planned.field.id), today),
                used_by: planned.asked_by.iter().map(|id| id.as_str()).collect(),
            })
            .collect(),
        checklist: plan
            .checklist
            .iter()
            .map(|entry| ExportedMaterial {
                material: entry.material.id.as_str(),
                name: &entry.material.name,
                originals: entry.originals,
                copies: entry.copies,
                needed_by: entry.needed_by.iter().map(|id| id.as_str()).collect(),
                provided: application.provisions.get(&entry.material.id),
                files: application.files_of(&entry.material.id).into_iter().map(ExportedFile::from).collect(),
            })
            .collect(),
    };
    // Plain data with string keys always serialises.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The file name for the download: `yibiao-<bundle>-<date>.json`.
pub fn file_name(plan: &Plan, today: Date) -> String {
    format!("yibiao-{}-{today}.json", plan.bundle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{BundleId, FieldId};
    use crate::demo::{demo_catalog, ENTERPRISE_OPENING};
    use crate::session::DraftId;

    #[test]
    fn exports_planned_answers_in_canonical_form_and_nothing_else() {
        let catalog = demo_catalog();
        let today = Date::from_ymd(2026, 11, 22).expect("valid");
        let mut application = Application::new(DraftId::new("d1"), BundleId::new(ENTERPRISE_OPENING), "demo", 0);
        application.answers.insert(FieldId::new("applicant.id_number"), " 11010519491231002x ".into());
        application.answers.insert(FieldId::new("applicant.name"), "张三".into());
        application.answers.insert(FieldId::new("not.planned"), "secret".into());
        let plan = application.plan(&catalog, today).expect("plans");
        let text = answers_document(&catalog, &plan, &application, today);
        let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");

        assert_eq!(json["format"], "yibiao-answers");
        assert_eq!(json["exported_on"], "2026-11-22");
        assert_eq!(json["bundle"]["name"]["zh"], "企业开办");
        let answers = json["answers"].as_array().expect("array");
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0]["field"], "applicant.name");
        assert_eq!(answers[1]["value"], "11010519491231002X");
        assert_eq!(answers[1]["used_by"], serde_json::json!(["company_registration", "new_taxpayer"]));
        assert!(!text.contains("secret"));
        assert_eq!(json["checklist"][0]["copies"], 2);
        assert_eq!(text, answers_document(&catalog, &plan, &application, today), "byte-stable");
        assert_eq!(file_name(&plan, today), "yibiao-enterprise_opening-2026-11-22.json");
    }

    #[test]
    fn exports_the_situation_answers_with_their_words_before_the_fields() {
        use crate::fixture::{restaurant_catalog, RESTAURANT};
        let catalog = restaurant_catalog();
        let today = Date::from_ymd(2026, 11, 23).expect("valid");
        let mut application = Application::new(DraftId::new("d1"), BundleId::new(RESTAURANT), "demo", 0);
        application.answers.insert(FieldId::new("premises.tenure"), "rented".into());
        application.answers.insert(FieldId::new("application.by_agent"), "no".into());
        let plan = application.plan(&catalog, today).expect("plans");
        let json: serde_json::Value =
            serde_json::from_str(&answers_document(&catalog, &plan, &application, today)).expect("valid JSON");
        let situation = json["situation"].as_array().expect("array");
        assert_eq!(situation.len(), 2, "the unanswered question is left out: {situation:?}");
        assert_eq!(situation[0]["field"], "premises.tenure");
        assert_eq!(situation[0]["value"], "rented");
        assert_eq!(situation[0]["answer"]["zh"], "rented", "the option's label (the fixture labels options by value)");
        assert_eq!(situation[1]["answer"], serde_json::json!({ "zh": "否", "en": "No" }));
        assert!(json["answers"].as_array().expect("array").iter().all(|answer| answer["field"] != "premises.tenure"));
    }
}
