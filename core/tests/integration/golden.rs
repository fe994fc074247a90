//! Golden tests of the shipped catalog: for each bundle, named answer sets whose plan (items,
//! the combined form, the checklist with its rules, what is pending, the savings) is written
//! to a snapshot file that a person reviews (`tests/integration/snapshots/`). A change to the
//! catalog or the plan that changes what an applicant is told shows up as a diff to review.

use std::fmt::Write as _;
use std::path::Path;
use yibiao_core::sorted_map::SortedSet;

use yibiao_core::plan::{Answers, PendingKind, Plan};
use yibiao_core::{BundleId, Catalog, FieldId, Lang};

use crate::shipped::{catalog, today, AnswerSet as Scenario};

pub(crate) const SCENARIOS: &[Scenario] = &[
    Scenario {
        bundle: "enterprise_opening",
        name: "rented_no_staff_no_invoices_in_person",
        answers: &[
            ("premises.tenure", "rented"),
            ("enterprise.hires_staff", "no"),
            ("enterprise.needs_invoices", "no"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "enterprise_opening",
        name: "rented_with_staff_and_invoices_in_person",
        answers: &[
            ("premises.tenure", "rented"),
            ("enterprise.hires_staff", "yes"),
            ("enterprise.needs_invoices", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "enterprise_opening",
        name: "owned_with_staff_and_invoices_through_agent",
        answers: &[
            ("premises.tenure", "owned"),
            ("enterprise.hires_staff", "yes"),
            ("enterprise.needs_invoices", "yes"),
            ("application.by_agent", "yes"),
        ],
    },
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
    Scenario {
        bundle: "enterprise_change",
        name: "name_with_housing_fund_in_person",
        answers: &[("change.kind", "name"), ("change.has_housing_fund_account", "yes"), ("application.by_agent", "no")],
    },
    Scenario {
        bundle: "enterprise_change",
        name: "address_rented_without_housing_fund_through_agent",
        answers: &[
            ("change.kind", "address"),
            ("change.new_premises_tenure", "rented"),
            ("change.has_housing_fund_account", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "enterprise_change",
        name: "address_owned_with_housing_fund_in_person",
        answers: &[
            ("change.kind", "address"),
            ("change.new_premises_tenure", "owned"),
            ("change.has_housing_fund_account", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "enterprise_change",
        name: "representative_without_housing_fund_through_agent",
        answers: &[
            ("change.kind", "representative"),
            ("change.has_housing_fund_account", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "sole_trader_conversion",
        name: "rented_with_staff_and_food_permit_in_person",
        answers: &[
            ("premises.tenure", "rented"),
            ("enterprise.hires_staff", "yes"),
            ("sole_trader.has_food_permit", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "sole_trader_conversion",
        name: "owned_no_staff_no_food_permit_through_agent",
        answers: &[
            ("premises.tenure", "owned"),
            ("enterprise.hires_staff", "no"),
            ("sole_trader.has_food_permit", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "sole_trader_conversion",
        name: "rented_no_staff_with_food_permit_through_agent",
        answers: &[
            ("premises.tenure", "rented"),
            ("enterprise.hires_staff", "no"),
            ("sole_trader.has_food_permit", "yes"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "simplified_deregistration",
        name: "nothing_left_open_in_person",
        answers: &[
            ("closure.has_staff_insured", "no"),
            ("closure.has_housing_fund_account", "no"),
            ("closure.has_bank_account", "no"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "simplified_deregistration",
        name: "staff_housing_fund_and_bank_through_agent",
        answers: &[
            ("closure.has_staff_insured", "yes"),
            ("closure.has_housing_fund_account", "yes"),
            ("closure.has_bank_account", "yes"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "simplified_deregistration",
        name: "bank_account_only_in_person",
        answers: &[
            ("closure.has_staff_insured", "no"),
            ("closure.has_housing_fund_account", "no"),
            ("closure.has_bank_account", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "employee_hiring",
        name: "first_job_local_with_housing_fund_in_person",
        answers: &[
            ("employee.insured_before", "never"),
            ("employee.household_local", "yes"),
            ("employee.joins_housing_fund", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "employee_hiring",
        name: "insured_elsewhere_non_local_through_agent",
        answers: &[
            ("employee.insured_before", "elsewhere"),
            ("employee.household_local", "no"),
            ("employee.joins_housing_fund", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "employee_hiring",
        name: "insured_here_local_without_housing_fund_in_person",
        answers: &[
            ("employee.insured_before", "here"),
            ("employee.household_local", "yes"),
            ("employee.joins_housing_fund", "no"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "utility_connection",
        name: "rented_water_and_power_only_in_person",
        answers: &[
            ("premises.tenure", "rented"),
            ("utility.needs_gas", "no"),
            ("utility.needs_broadband", "no"),
            ("utility.crosses_road", "no"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "utility_connection",
        name: "owned_everything_with_road_works_through_agent",
        answers: &[
            ("premises.tenure", "owned"),
            ("utility.needs_gas", "yes"),
            ("utility.needs_broadband", "yes"),
            ("utility.crosses_road", "yes"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "utility_connection",
        name: "rented_gas_and_road_works_in_person",
        answers: &[
            ("premises.tenure", "rented"),
            ("utility.needs_gas", "yes"),
            ("utility.needs_broadband", "no"),
            ("utility.crosses_road", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "road_transport_opening",
        name: "new_company_freight_own_vehicles_rented_premises_in_person",
        answers: &[
            ("transport.company_registered", "no"),
            ("transport.kind", "freight"),
            ("transport.vehicles_owned", "owned"),
            ("premises.tenure", "rented"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "road_transport_opening",
        name: "registered_dangerous_goods_leased_vehicles_through_agent",
        answers: &[
            ("transport.company_registered", "yes"),
            ("transport.kind", "dangerous"),
            ("transport.vehicles_owned", "leased"),
            ("premises.tenure", "owned"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "road_transport_opening",
        name: "registered_coach_charter_own_vehicles_in_person",
        answers: &[
            ("transport.company_registered", "yes"),
            ("transport.kind", "charter"),
            ("transport.vehicles_owned", "owned"),
            ("premises.tenure", "rented"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "after_death",
        name: "in_hospital_pensioner_with_housing_fund_in_person",
        answers: &[
            ("deceased.place_of_death", "hospital"),
            ("deceased.was_pensioner", "yes"),
            ("deceased.has_housing_fund", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "after_death",
        name: "at_home_no_pension_no_housing_fund_through_agent",
        answers: &[
            ("deceased.place_of_death", "home"),
            ("deceased.was_pensioner", "no"),
            ("deceased.has_housing_fund", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "after_death",
        name: "elsewhere_pensioner_without_housing_fund_in_person",
        answers: &[
            ("deceased.place_of_death", "elsewhere"),
            ("deceased.was_pensioner", "yes"),
            ("deceased.has_housing_fund", "no"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "home_transfer",
        name: "loan_married_gas_and_broadband_in_person",
        answers: &[
            ("transfer.with_loan", "yes"),
            ("transfer.buyer_married", "yes"),
            ("transfer.has_gas", "yes"),
            ("transfer.has_broadband", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "home_transfer",
        name: "cash_single_no_gas_no_broadband_through_agent",
        answers: &[
            ("transfer.with_loan", "no"),
            ("transfer.buyer_married", "no"),
            ("transfer.has_gas", "no"),
            ("transfer.has_broadband", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "home_transfer",
        name: "loan_single_with_gas_in_person",
        answers: &[
            ("transfer.with_loan", "yes"),
            ("transfer.buyer_married", "no"),
            ("transfer.has_gas", "yes"),
            ("transfer.has_broadband", "no"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "disability_services",
        name: "first_certificate_low_income_needing_care_in_person",
        answers: &[
            ("disabled.certificate_status", "new"),
            ("disabled.low_income", "yes"),
            ("disabled.needs_care", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "disability_services",
        name: "renewal_only_through_guardian",
        answers: &[
            ("disabled.certificate_status", "renewal"),
            ("disabled.low_income", "no"),
            ("disabled.needs_care", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "disability_services",
        name: "first_certificate_low_income_through_guardian",
        answers: &[
            ("disabled.certificate_status", "new"),
            ("disabled.low_income", "yes"),
            ("disabled.needs_care", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "veteran_services",
        name: "self_employed_restoring_household_with_training_in_person",
        answers: &[
            ("veteran.placement", "self_employed"),
            ("veteran.restore_household", "yes"),
            ("veteran.wants_training", "yes"),
            ("application.by_agent", "no"),
        ],
    },
    Scenario {
        bundle: "veteran_services",
        name: "placed_in_a_job_through_agent",
        answers: &[
            ("veteran.placement", "assigned"),
            ("veteran.restore_household", "no"),
            ("veteran.wants_training", "no"),
            ("application.by_agent", "yes"),
        ],
    },
    Scenario {
        bundle: "veteran_services",
        name: "self_employed_nothing_else_in_person",
        answers: &[
            ("veteran.placement", "self_employed"),
            ("veteran.restore_household", "no"),
            ("veteran.wants_training", "no"),
            ("application.by_agent", "no"),
        ],
    },
];

pub(crate) fn plan(catalog: &Catalog, scenario: &Scenario) -> Plan {
    Plan::new(catalog, &BundleId::new(scenario.bundle), &scenario.answers(), today()).expect("plans")
}

/// The plan as a person reads it.
pub(crate) fn render(catalog: &Catalog, scenario: &Scenario, plan: &Plan) -> String {
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
    let mut fields = SortedSet::new();
    let mut materials = SortedSet::new();
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

/// What an applicant is told: the items, the form's fields and the checklist with its counts.
fn told(plan: &Plan) -> (Vec<String>, Vec<String>, Vec<String>) {
    let items = plan.items.iter().map(|item| item.id.to_string()).collect();
    let fields = plan.fields().map(|planned| planned.field.id.to_string()).collect();
    let checklist = plan
        .checklist
        .iter()
        .map(|entry| format!("{} {}/{}", entry.material.id, entry.originals, entry.copies))
        .collect();
    (items, fields, checklist)
}

/// Every situation question of every bundle is answered both ways somewhere among the answer
/// sets, and it matters: another answer to it changes what the applicant is told.
#[test]
fn every_situation_question_is_covered_and_changes_the_plan() {
    let catalog = catalog();
    for bundle in &catalog.bundles {
        let scenarios: Vec<&Scenario> = SCENARIOS.iter().filter(|s| s.bundle == bundle.id.as_str()).collect();
        assert!(scenarios.len() >= 3, "bundle {} has {} answer sets, not 3", bundle.id, scenarios.len());
        for question in &bundle.questions {
            let field = catalog.field(question).expect("a question is a field");
            let values: Vec<String> = if field.options.is_empty() {
                vec!["yes".to_owned(), "no".to_owned()]
            } else {
                field.options.iter().map(|option| option.value.clone()).collect()
            };
            let given: SortedSet<&str> = scenarios
                .iter()
                .flat_map(|s| s.answers.iter())
                .filter(|(id, _)| *id == question.as_str())
                .map(|(_, value)| *value)
                .collect();
            assert!(given.len() >= 2, "bundle {}: question {question} is answered only {given:?}", bundle.id);

            let matters = scenarios.iter().any(|scenario| {
                let base = told(&plan(&catalog, scenario));
                values.iter().any(|value| {
                    let mut answers: Answers =
                        scenario.answers.iter().map(|(f, v)| (FieldId::new(*f), (*v).to_owned())).collect();
                    answers.insert(question.clone(), value.clone());
                    let other = Plan::new(&catalog, &bundle.id, &answers, today()).expect("plans");
                    told(&other) != base
                })
            });
            assert!(matters, "bundle {}: no answer to {question} changes the plan", bundle.id);
        }
    }
}

/// The savings table of the README is the one the answer sets give: regenerate it with
/// `UPDATE_README=1 cargo test -p yibiao-core --test integration`.
#[test]
fn the_readme_savings_table_is_computed_from_the_answer_sets() {
    let catalog = catalog();
    let mut table = String::from(
        "| bundle | situation | fields: separate → here | materials: separate → here |\n|---|---|---|---|\n",
    );
    let change = |separate: usize, combined: usize, percent: usize| {
        if combined < separate {
            format!("{separate} → {combined} ({percent}% fewer)")
        } else {
            format!("{separate} → {combined} (no saving)")
        }
    };
    for bundle in &catalog.bundles {
        let answered = SCENARIOS.iter().filter(|s| s.bundle == bundle.id.as_str() && !s.answers.is_empty());
        for scenario in answered {
            let savings = plan(&catalog, scenario).savings;
            let _ = writeln!(
                table,
                "| {} | {} | {} | {} |",
                bundle.name.zh,
                scenario.name.replace('_', " "),
                change(savings.fields_separate, savings.fields_combined, savings.fields_saved_percent()),
                change(savings.materials_separate, savings.materials_combined, savings.materials_saved_percent()),
            );
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (start_marker, end_marker) = ("<!-- savings:start -->\n", "<!-- savings:end -->");
    let start = readme.find(start_marker).expect("the README marks the savings table") + start_marker.len();
    let end = readme.find(end_marker).expect("the README marks the end of the savings table");
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, format!("{}{table}{}", &readme[..start], &readme[end..])).expect("README.md written");
    } else {
        assert_eq!(&readme[start..end], table, "run with UPDATE_README=1 to rewrite the README's savings table");
    }
}

/// Applying through an agent always asks for the agent's name and ID number and needs their ID
/// card and a power of attorney, in every bundle; applying in person needs none of them.
#[test]
fn the_agent_variant_asks_for_the_agent_and_their_papers_in_every_bundle() {
    let catalog = catalog();
    let agent_fields = ["agent.name", "agent.id_number"];
    let agent_materials = ["power_of_attorney", "agent_id_card"];
    for scenario in SCENARIOS.iter().filter(|s| s.answers.iter().any(|(id, _)| *id == "application.by_agent")) {
        let through_agent = scenario.answers.contains(&("application.by_agent", "yes"));
        let plan = plan(&catalog, scenario);
        for field in agent_fields {
            let asked = plan.fields().any(|planned| planned.field.id.as_str() == field);
            assert_eq!(asked, through_agent, "{} / {}: {field} asked", scenario.bundle, scenario.name);
        }
        for material in agent_materials {
            let needed = plan.checklist.iter().any(|entry| entry.material.id.as_str() == material);
            assert_eq!(needed, through_agent, "{} / {}: {material} needed", scenario.bundle, scenario.name);
        }
    }
}

/// A material that another answer would take away is there because of the answers that
/// brought it in, never "for everyone" (issue 14): in every shipped bundle, under every golden
/// answer set, no material both has a reason that holds always and disappears under another
/// answer to one of the situation questions. The same for each field of the combined form.
#[test]
fn what_another_answer_takes_away_is_never_needed_always() {
    let catalog = catalog();
    let mut checked = 0;
    for scenario in SCENARIOS {
        let plan = plan(&catalog, scenario);
        let answers: Answers =
            scenario.answers.iter().map(|(field, value)| (FieldId::new(field), (*value).to_owned())).collect();
        for question in &plan.questions {
            let changes = yibiao_core::plan::alternatives(
                &catalog,
                &BundleId::new(scenario.bundle),
                &answers,
                &question.field.id,
                today(),
            )
            .expect("alternatives");
            for (value, change) in changes {
                for removed in &change.materials_removed {
                    let entry = plan.checklist.iter().find(|entry| &entry.material.id == removed).expect("in the plan");
                    let always: Vec<&yibiao_core::ItemId> = entry
                        .reasons
                        .iter()
                        .filter(|(_, reason)| reason.condition.is_none())
                        .map(|(item, _)| item)
                        .collect();
                    assert!(
                        always.is_empty(),
                        "{}/{}: {removed} goes if {} is {value}, yet {always:?} need it always",
                        scenario.bundle,
                        scenario.name,
                        question.field.id
                    );
                    checked += 1;
                }
                for removed in &change.fields_removed {
                    if let Some(planned) = plan.fields().find(|planned| &planned.field.id == removed) {
                        assert!(
                            planned.reason.condition.is_some(),
                            "{}/{}: field {removed} goes if {} is {value}, yet is asked always",
                            scenario.bundle,
                            scenario.name,
                            question.field.id
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 50, "the answer sets take materials and fields away: {checked}");
}
