//! Each department's own form (`forms/`), filled from the one combined form: its title and
//! department, its labels (the form's own where it words a field otherwise) in its order,
//! grouped under the combined form's sections as they come, as printable HTML; and the same
//! data as JSON for a receiving system.

use serde::Serialize;

use super::html::{escape, page};
use crate::catalog::{Catalog, FieldId, ItemId};
use crate::date::Date;
use crate::session::Application;
use crate::text::{Lang, Text};
use crate::validate::{canonical_value, is_blank_answer};

/// One field of a department's form, filled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormLine {
    pub field: String,
    /// The label this department's form uses.
    pub label: Text,
    pub value: String,
    /// What the applicant sees for a choice (the option's words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shown: Option<Text>,
}

/// A department's form, filled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FilledForm {
    pub format: &'static str,
    pub item: String,
    pub title: Text,
    pub department: Text,
    /// The sections in the form's order, each with its lines.
    pub sections: Vec<(Text, Vec<FormLine>)>,
}

/// The form of `item` filled from `application`'s answers; `None` for an item the catalog lacks.
pub fn fill(catalog: &Catalog, item: &ItemId, application: &Application, today: Date) -> Option<FilledForm> {
    let item = catalog.items.get(item)?;
    let mut sections: Vec<(String, Text, Vec<FormLine>)> = Vec::new();
    for item_field in &item.fields {
        let Some(field) = catalog.field(&item_field.field) else { continue };
        let label = item_field.form_label.as_deref().unwrap_or(&field.label).clone();
        let given = application.answer(&field.id);
        let value = if is_blank_answer(given) { String::new() } else { canonical_value(field, given, today) };
        let line = FormLine { field: field.id.to_string(), label, shown: field.choice_label(&value), value };
        let section = field.section();
        match sections.iter_mut().find(|(id, _, _)| id == section) {
            Some((_, _, lines)) => lines.push(line),
            None => {
                let title = catalog
                    .sections
                    .iter()
                    .find(|known| known.id == section)
                    .map_or_else(|| Text::new(section, section), |known| known.title.clone());
                sections.push((section.to_owned(), title, vec![line]));
            }
        }
    }
    Some(FilledForm {
        format: "yibiao-form",
        item: item.id.to_string(),
        title: item.name.clone(),
        department: item.department.clone(),
        sections: sections.into_iter().map(|(_, title, lines)| (title, lines)).collect(),
    })
}

/// The form as a printable page in `lang`, ending with the packet's fingerprint.
pub fn form_html(form: &FilledForm, lang: Lang, fingerprint: &str) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"department\">{}</p>\n",
        escape(form.title.get(lang)),
        escape(form.department.get(lang))
    );
    for (title, lines) in &form.sections {
        body.push_str(&format!("<h2>{}</h2>\n<table>\n", escape(title.get(lang))));
        for line in lines {
            let value = match (&line.shown, line.value.is_empty()) {
                (_, true) => format!("<span class=\"empty\">{}</span>", lang.pick("（未填写）", "(not given)")),
                (Some(shown), false) => escape(shown.get(lang)),
                (None, false) => escape(&line.value),
            };
            body.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>\n",
                escape(line.label.get(lang))
            ));
        }
        body.push_str("</table>\n");
    }
    body.push_str(&format!(
        "<footer>{} {}</footer>\n",
        lang.pick(
            "由一表通根据一表申请填写。申请包指纹：",
            "Filled by Yibiao from the combined form. Packet fingerprint:"
        ),
        escape(fingerprint)
    ));
    page(lang.tag(), form.title.get(lang), &body)
}

/// The fields of `item`'s form, in its order (for the tests and the cover sheet).
pub fn form_fields(catalog: &Catalog, item: &ItemId) -> Vec<FieldId> {
    catalog.items.get(item).map(|item| item.fields.iter().map(|f| f.field.clone()).collect()).unwrap_or_default()
}

#[cfg(test)]
#[path = "forms_tests.rs"]
mod tests;
