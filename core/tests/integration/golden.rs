//! Golden tests of the shipped catalog: for each bundle, named answer sets whose plan (items,
//! the combined form, the checklist with its rules, what is pending, the savings) is written
//! to a snapshot file that a person reviews (`tests/integration/snapshots/`). A change to the
//! catalog or the plan that changes what an applicant is told shows up as a diff to review.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use yibiao_core::catalog::{load, read_folder};
use yibiao_core::plan::{Answers, PendingKind, Plan};
use yibiao_core::{BundleId, Catalog, Date, FieldId, Lang};

/// A bundle and the answers of one situation.
struct Scenario {
    bundle: &'static str,
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
}

const SCENARIOS: &[Scenario] = &[
    Scenario { bundle: "enterprise_opening", name: "as_is", answers: &[] },
    Scenario {
        bundle: "newborn",
        name: "local_hospital_with_mother_in_person",
        answers: &[
            ("child.born_in_local_hospital", "yes"),
            ("household.registered_locally", "mother"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "newborn",
        name: "born_elsewhere_with_father_through_agent",
        answers: &[
            ("child.born_in_local_hospital", "no"),
            ("household.registered_locally", "father"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "newborn",
        name: "parents_registered_elsewhere",
        answers: &[
            ("child.born_in_local_hospital", "yes"),
            ("household.registered_locally", "elsewhere"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario { bundle: "newborn", name: "nothing_answered_yet", answers: &[] },
    Scenario {
        bundle: "restaurant_opening",
        name: "rented_small_in_person",
        answers: &[("premises.tenure", "rented"), ("premises.over_threshold", "no"), ("application.by_agent", "no")],
    },
    Scenario {
        bundle: "restaurant_opening",
        name: "owned_large_through_agent",
        answers: &[("premises.tenure", "owned"), ("premises.over_threshold", "yes"), ("application.by_agent", "yes")],
    },
    Scenario {
        bundle: "restaurant_opening",
        name: "rented_large_in_person",
        answers: &[("premises.tenure", "rented"), ("premises.over_threshold", "yes"), ("application.by_agent", "no")],
    },
    Scenario {
        bundle: "retirement",
        name: "employee_with_housing_fund_in_person",
        answers: &[("retiree.type", "employee"), ("retiree.has_housing_fund", "yes"), ("application.by_agent", "no")],
    },
    Scenario {
        bundle: "retirement",
        name: "flexible_without_housing_fund_through_agent",
        answers: &[("retiree.type", "flexible"), ("retiree.has_housing_fund", "no"), ("application.by_agent", "yes")],
    },
    Scenario {
        bundle: "retirement",
        name: "employee_with_housing_fund_through_agent",
        answers: &[("retiree.type", "employee"), ("retiree.has_housing_fund", "yes"), ("application.by_agent", "yes")],
    },
];

fn catalog() -> Catalog {
    let (catalog, diagnostics) =
        load(&read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    catalog
}

fn today() -> Date {
    Date::from_ymd(2026, 11, 23).expect("valid")
}

fn plan(catalog: &Catalog, scenario: &Scenario) -> Plan {
    let answers: Answers = scenario.answers.iter().map(|(f, v)| (FieldId::new(*f), (*v).to_owned())).collect();
    Plan::new(catalog, &BundleId::new(scenario.bundle), &answers, today()).expect("plans")
}

/// The plan as a person reads it.
fn render(catalog: &Catalog, scenario: &Scenario, plan: &Plan) -> String {
    let zh = Lang::Zh;
    let bundle = catalog.bundle(&plan.bundle).expect("exists");
    let mut out = String::new();
    let answers: Vec<String> = scenario.answers.iter().map(|(f, v)| format!("{f} = {v}")).collect();
    let _ = writeln!(out, "{} ({})", bundle.name.get(zh), plan.bundle);
    let _ = writeln!(out, "answers: {}", if answers.is_empty() { "none".to_owned() } else { answers.join(", ") });
    let _ = writeln!(out, "\nquestions ({}):", plan.questions.len());
    for question in &plan.questions {
        let _ = writeln!(out, "  {} {}", question.field.id, if question.answered { "answered" } else { "unanswered" });
    }
    let _ = writeln!(out, "\nitems ({}):", plan.items.len());
    for item in &plan.items {
        let why = item.reason.condition.as_deref().unwrap_or("always");
        let _ = writeln!(
            out,
            "  {} {} | {} | promised {} / legal {} working days | {why}",
            item.id,
            item.name.get(zh),
            item.department.get(zh),
            item.promised_days,
            item.legal_days
        );
    }
    let _ = writeln!(out, "\nform ({} fields):", plan.fields().count());
    for section in &plan.sections {
        let _ = writeln!(out, "  [{}]", section.title.get(zh));
        for planned in &section.fields {
            let askers: Vec<&str> = planned.asked_by.iter().map(|id| id.as_str()).collect();
            let required = if planned.required { "required" } else { "optional" };
            let _ = writeln!(out, "    {} ({required}) <- {}", planned.field.id, askers.join(", "));
        }
    }
    let _ = writeln!(out, "\nchecklist ({}):", plan.checklist.len());
    for entry in &plan.checklist {
        let rules = &entry.rules;
        let mut how = Vec::new();
        if rules.key {
            how.push("key".to_owned());
        }
        if let Some(waiver) = &rules.waiver {
            how.push(format!("waivable {:?} {} days", waiver.mode, waiver.days));
        }
        if rules.commitment_letter.is_some() {
            how.push("commitment letter".to_owned());
        }
        if rules.e_certificate.is_some() {
            how.push("e-certificate".to_owned());
        }
        let needed: Vec<&str> = entry.needed_by.iter().map(|id| id.as_str()).collect();
        let _ = writeln!(
            out,
            "  {} {} | originals {}, copies {} | {} | for {}",
            entry.material.id,
            entry.material.name.get(zh),
            entry.originals,
            entry.copies,
            if how.is_empty() { "provide it".to_owned() } else { how.join(", ") },
            needed.join(", ")
        );
    }
    let _ = writeln!(out, "\npending ({}):", plan.pending.len());
    for pending in &plan.pending {
        let waiting: Vec<&str> = pending.waiting_for.iter().map(FieldId::as_str).collect();
        let what = match &pending.kind {
            PendingKind::Item(id) => format!("item {id}"),
            PendingKind::Field(id) => format!("field {id}"),
            PendingKind::Material(id) => format!("material {id}"),
        };
        let _ = writeln!(out, "  {what} waits for {}", waiting.join(", "));
    }
    let savings = plan.savings;
    let _ = writeln!(
        out,
        "\nsavings: fields {} -> {} ({}% fewer), materials {} -> {} ({}% fewer)",
        savings.fields_separate,
        savings.fields_combined,
        savings.fields_saved_percent(),
        savings.materials_separate,
        savings.materials_combined,
        savings.materials_saved_percent()
    );
    out
}

#[test]
fn golden_plans_of_the_shipped_bundles() {
    let catalog = catalog();
    for scenario in SCENARIOS {
        let plan = plan(&catalog, scenario);
        insta::assert_snapshot!(format!("{}__{}", scenario.bundle, scenario.name), render(&catalog, scenario, &plan));
    }
}

#[test]
fn every_bundle_has_scenarios_and_they_reach_every_field_and_material() {
    let catalog = catalog();
    for bundle in &catalog.bundles {
        assert!(
            SCENARIOS.iter().any(|s| s.bundle == bundle.id.as_str()),
            "bundle {} has no golden scenario",
            bundle.id
        );
    }
    let mut fields = BTreeSet::new();
    let mut materials = BTreeSet::new();
    for scenario in SCENARIOS {
        let plan = plan(&catalog, scenario);
        fields.extend(plan.questions.iter().map(|q| q.field.id.clone()));
        fields.extend(plan.fields().map(|f| f.field.id.clone()));
        materials.extend(plan.checklist.iter().map(|entry| entry.material.id.clone()));
    }
    for item in catalog.items.values() {
        for field in &item.fields {
            assert!(fields.contains(&field.field), "field {} of item {} is asked in no scenario", field.field, item.id);
        }
    }
    for material in catalog.materials.keys() {
        assert!(materials.contains(material), "material {material} is needed in no scenario");
    }
}
