use std::rc::Rc;

use super::*;
use crate::catalog::BundleId;
use crate::fixture::{restaurant_catalog, RESTAURANT};
use crate::session::DraftId;

fn today() -> Date {
    Date::from_ymd(2026, 12, 2).expect("a day")
}

const HOSTILE: &str = "<script>alert(\"x\")</script>&'</textarea><!--";

#[test]
fn a_form_keeps_its_department_s_order_and_labels() {
    let mut catalog = restaurant_catalog();
    let item_id = catalog.items.keys().next().expect("an item").clone();
    let item = catalog.items.get_mut(&item_id).expect("the item");
    item.fields.reverse();
    let relabelled = item.fields[0].field.clone();
    item.fields[0].form_label = Some(Rc::new(Text::new("本部门的叫法", "This department's label")));
    let mut application = Application::new(DraftId::new("d"), BundleId::new(RESTAURANT), &catalog.version, 1);
    application.answers.insert(relabelled.clone(), "yes".to_owned());
    let form = fill(&catalog, &item_id, &application, today()).expect("fills");
    let order: Vec<String> =
        form.sections.iter().flat_map(|(_, lines)| lines.iter().map(|l| l.field.clone())).collect();
    let mut expected: Vec<String> = form_fields(&catalog, &item_id).iter().map(ToString::to_string).collect();
    // Sections group the fields as they first come; within each, the form's order holds.
    expected.sort_by_key(|id| form.sections.iter().position(|(_, lines)| lines.iter().any(|l| &l.field == id)));
    assert_eq!(order, expected);
    let first = form
        .sections
        .iter()
        .flat_map(|(_, lines)| lines)
        .find(|l| l.field == relabelled.to_string())
        .expect("the line");
    assert_eq!(first.label.zh, "本部门的叫法");
}

/// Every value from the applicant and every text from the catalog is escaped: nothing a
/// hostile answer or catalog holds can open a tag, an attribute or a comment.
#[test]
fn hostile_answers_and_catalog_texts_are_escaped() {
    let mut catalog = restaurant_catalog();
    for item in catalog.items.values_mut() {
        item.name = Text::new(HOSTILE, HOSTILE);
        item.department = Text::new(HOSTILE, HOSTILE);
        for field in &mut item.fields {
            field.form_label = Some(Rc::new(Text::new(HOSTILE, HOSTILE)));
        }
    }
    let mut application = Application::new(DraftId::new("d"), BundleId::new(RESTAURANT), &catalog.version, 1);
    for id in catalog.fields.keys() {
        application.answers.insert(id.clone(), HOSTILE.to_owned());
    }
    for item in catalog.items.keys() {
        let form = fill(&catalog, item, &application, today()).expect("fills");
        for lang in [Lang::Zh, Lang::En] {
            let html = form_html(&form, lang, HOSTILE);
            for raw in ["<script", "</textarea", "<!--", "\"x\"", "'</"] {
                assert!(!html.contains(raw), "{raw} in {item}");
            }
            assert!(html.contains("&lt;script&gt;"), "the text is kept, escaped");
        }
    }
}
