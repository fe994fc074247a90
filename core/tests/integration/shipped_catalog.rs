//! The catalog the app ships (assets/catalog) must check clean: no error and no warning.

use std::path::Path;

use yibiao_core::catalog::{load, read_folder, Source};
use yibiao_core::Lang;

#[test]
fn the_shipped_catalog_has_no_problem() {
    let sources =
        read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog");
    let (catalog, diagnostics) = load(&sources);
    let rendered: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            d.render(&sources.iter().find(|s| s.path == d.file).map(|s| s.text.clone()).unwrap_or_default(), Lang::En)
        })
        .collect();
    assert_eq!(rendered, Vec::<String>::new());
    assert!(!catalog.bundles.is_empty());
    for year in [2025, 2026, 2027] {
        assert!(catalog.calendar.years().any(|(covered, _)| *covered == year), "the calendar covers {year}");
    }
}

/// The worked example of assets/catalog/README.md loads clean and plans as the text says.
#[test]
fn the_worked_example_of_the_authors_guide_is_right() {
    use yibiao_core::plan::{Answers, Plan};
    use yibiao_core::{BundleId, Date, FieldId};

    let guide = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog/README.md"))
        .expect("the guide exists");
    let start = guide.find("```toml\n[catalog]").expect("the example starts") + "```toml\n".len();
    let end = start + guide[start..].find("```").expect("the example ends");
    let (catalog, diagnostics) = load(&[Source { path: "README.md".into(), text: guide[start..end].to_owned() }]);
    assert_eq!(diagnostics, []);
    let today = Date::from_ymd(2026, 11, 23).expect("valid");
    let plan_for = |pairs: &[(&str, &str)]| {
        let answers: Answers = pairs.iter().map(|(f, v)| (FieldId::new(*f), (*v).to_owned())).collect();
        Plan::new(&catalog, &BundleId::new("open_shop"), &answers, today).expect("plans")
    };
    let rented = plan_for(&[("premises.tenure", "rented"), ("applicant.by_agent", "no")]);
    assert_eq!(rented.fields().count() + rented.questions.len(), 6, "2 questions and 4 form fields");
    let materials: Vec<&str> = rented.checklist.iter().map(|entry| entry.material.id.as_str()).collect();
    assert_eq!(materials, ["id_card", "lease"]);
    let owned = plan_for(&[("premises.tenure", "owned"), ("applicant.by_agent", "yes")]);
    let materials: Vec<&str> = owned.checklist.iter().map(|entry| entry.material.id.as_str()).collect();
    assert_eq!(materials, ["id_card", "property_certificate", "power_of_attorney"]);
    assert!(owned.fields().any(|field| field.field.id.as_str() == "applicant.agent_name"));
}
