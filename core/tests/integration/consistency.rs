//! Golden tests of the checks across answers (一致性校验, issue 14): for each shipped bundle,
//! answer sets that contradict themselves the way a window clerk would catch, and the verdict's
//! reasons they get, written to `snapshots/` for a person to read. Every check a bundle makes
//! must be named by one of its sets, and each reason names every answer its check read.

use std::fmt::Write as _;
use yibiao_core::sorted_map::SortedSet;

use crate::shipped::{catalog, today, AnswerSet};
use yibiao_core::plan::Plan;
use yibiao_core::validate::FieldError;
use yibiao_core::verdict::{verdict, Blocker, Provisions, Target, Verdict};
use yibiao_core::{BundleId, Catalog, FieldId, Lang};

// Valid ID numbers (GB 11643) of people of a known sex and birth date.
const MAN_1980: &str = "110101198005010130";
const WOMAN_1985: &str = "110101198503020243";
const BOY_2010: &str = "110101201006010153";
const MAN_1968: &str = "110101196802020172";
const WOMAN_1975: &str = "11010119750707026X";

/// A bundle's answers that contradict each other.
pub(crate) type Inconsistent = AnswerSet;

pub(crate) const SETS: &[Inconsistent] = &[
    AnswerSet {
        bundle: "enterprise_opening",
        name: "minor_representative_capital_not_adding_up",
        answers: &[
            ("premises.tenure", "rented"),
            ("enterprise.hires_staff", "no"),
            ("enterprise.needs_invoices", "no"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", BOY_2010),
            ("agent.id_number", BOY_2010),
            ("enterprise.registered_capital", "100"),
            ("enterprise.capital_cash", "60"),
            ("enterprise.capital_in_kind", "30"),
        ],
    },
    AnswerSet {
        bundle: "enterprise_opening",
        name: "agent_is_the_representative",
        answers: &[
            ("premises.tenure", "owned"),
            ("enterprise.hires_staff", "no"),
            ("enterprise.needs_invoices", "no"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
        ],
    },
    AnswerSet {
        bundle: "restaurant_opening",
        name: "small_area_for_large_premises_opening_after_the_lease",
        answers: &[
            ("premises.tenure", "rented"),
            ("premises.over_threshold", "yes"),
            ("application.by_agent", "yes"),
            ("premises.area", "200"),
            ("premises.lease_start", "2026-01-01"),
            ("premises.lease_end", "2026-12-31"),
            ("food.opening_date", "2027-03-01"),
            ("applicant.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
        ],
    },
    AnswerSet {
        bundle: "restaurant_opening",
        name: "lease_ending_before_it_starts_minor_agent_and_representative",
        answers: &[
            ("premises.tenure", "rented"),
            ("premises.over_threshold", "no"),
            ("application.by_agent", "yes"),
            ("premises.lease_start", "2027-01-01"),
            ("premises.lease_end", "2026-06-30"),
            ("applicant.id_number", BOY_2010),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "sole_trader_conversion",
        name: "minor_operator_capital_not_adding_up",
        answers: &[
            ("premises.tenure", "owned"),
            ("enterprise.hires_staff", "no"),
            ("sole_trader.has_food_permit", "no"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", BOY_2010),
            ("agent.id_number", BOY_2010),
            ("enterprise.registered_capital", "50"),
            ("enterprise.capital_cash", "50"),
            ("enterprise.capital_in_kind", "10"),
        ],
    },
    AnswerSet {
        bundle: "sole_trader_conversion",
        name: "agent_is_the_operator",
        answers: &[
            ("premises.tenure", "owned"),
            ("enterprise.hires_staff", "no"),
            ("sole_trader.has_food_permit", "no"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
        ],
    },
    AnswerSet {
        bundle: "enterprise_change",
        name: "minor_new_representative_resolution_too_old_minor_agent",
        answers: &[
            ("change.kind", "representative"),
            ("change.has_housing_fund_account", "no"),
            ("application.by_agent", "yes"),
            ("change.new_representative_id_number", BOY_2010),
            ("change.resolution_date", "2026-09-01"),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "simplified_deregistration",
        name: "notice_not_over_minor_agent",
        answers: &[
            ("closure.has_staff_insured", "no"),
            ("closure.has_housing_fund_account", "no"),
            ("closure.has_bank_account", "no"),
            ("application.by_agent", "yes"),
            ("closure.notice_start", "2026-11-10"),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "employee_hiring",
        name: "child_employee_contract_ending_before_it_starts_minor_agent",
        answers: &[
            ("employee.insured_before", "never"),
            ("employee.household_local", "yes"),
            ("employee.joins_housing_fund", "no"),
            ("application.by_agent", "yes"),
            ("employee.id_number", "110101201209010014"),
            ("employee.start_date", "2026-12-01"),
            ("employee.contract_end", "2026-11-30"),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "utility_connection",
        name: "minor_representative_and_agent",
        answers: &[
            ("premises.tenure", "owned"),
            ("utility.needs_gas", "no"),
            ("utility.needs_broadband", "yes"),
            ("utility.crosses_road", "no"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", BOY_2010),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "utility_connection",
        name: "agent_is_the_representative",
        answers: &[
            ("premises.tenure", "owned"),
            ("utility.needs_gas", "no"),
            ("utility.needs_broadband", "yes"),
            ("utility.crosses_road", "no"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
        ],
    },
    AnswerSet {
        bundle: "road_transport_opening",
        name: "dangerous_goods_with_three_vehicles_capital_not_adding_up_agent_is_the_representative",
        answers: &[
            ("transport.company_registered", "no"),
            ("transport.kind", "dangerous"),
            ("transport.vehicles_owned", "owned"),
            ("premises.tenure", "owned"),
            ("application.by_agent", "yes"),
            ("transport.vehicle_count", "3"),
            ("enterprise.registered_capital", "200"),
            ("enterprise.capital_cash", "100"),
            ("enterprise.capital_in_kind", "0"),
            ("applicant.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
        ],
    },
    AnswerSet {
        bundle: "road_transport_opening",
        name: "minor_representative_and_agent",
        answers: &[
            ("transport.company_registered", "no"),
            ("transport.kind", "freight"),
            ("transport.vehicles_owned", "owned"),
            ("premises.tenure", "owned"),
            ("application.by_agent", "yes"),
            ("applicant.id_number", BOY_2010),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "newborn",
        name: "parents_swapped_born_two_years_ago_agent_is_a_parent",
        answers: &[
            ("child.born_in_local_hospital", "yes"),
            ("household.registered_locally", "mother"),
            ("application.by_agent", "yes"),
            ("child.birth_date", "2024-10-01"),
            ("mother.id_number", MAN_1980),
            ("father.id_number", WOMAN_1985),
            ("agent.id_number", WOMAN_1985),
        ],
    },
    AnswerSet {
        bundle: "newborn",
        name: "one_number_for_both_parents_minor_agent",
        answers: &[
            ("child.born_in_local_hospital", "yes"),
            ("household.registered_locally", "father"),
            ("application.by_agent", "yes"),
            ("mother.id_number", MAN_1980),
            ("father.id_number", MAN_1980),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "retirement",
        name: "self_employed_woman_below_the_age_agent_is_the_retiree",
        answers: &[
            ("retiree.type", "flexible"),
            ("retiree.has_housing_fund", "no"),
            ("application.by_agent", "yes"),
            ("retiree.id_number", WOMAN_1975),
            ("retiree.birth_date", "1975-07-08"),
            ("agent.id_number", WOMAN_1975),
        ],
    },
    AnswerSet {
        bundle: "retirement",
        name: "man_below_sixty_minor_agent",
        answers: &[
            ("retiree.type", "employee"),
            ("retiree.has_housing_fund", "no"),
            ("application.by_agent", "yes"),
            ("retiree.id_number", MAN_1968),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "after_death",
        name: "family_member_is_the_deceased_died_before_birth",
        answers: &[
            ("deceased.place_of_death", "home"),
            ("deceased.was_pensioner", "no"),
            ("deceased.has_housing_fund", "no"),
            ("application.by_agent", "yes"),
            ("deceased.id_number", MAN_1968),
            ("deceased.death_date", "1960-01-01"),
            ("family.id_number", MAN_1968),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "after_death",
        name: "agent_is_the_family_member",
        answers: &[
            ("deceased.place_of_death", "home"),
            ("deceased.was_pensioner", "no"),
            ("deceased.has_housing_fund", "no"),
            ("application.by_agent", "yes"),
            ("deceased.id_number", MAN_1968),
            ("family.id_number", WOMAN_1975),
            ("agent.id_number", WOMAN_1975),
        ],
    },
    AnswerSet {
        bundle: "home_transfer",
        name: "buyer_is_the_seller_agent_is_the_buyer_loan_over_price",
        answers: &[
            ("transfer.with_loan", "yes"),
            ("transfer.buyer_married", "no"),
            ("transfer.has_gas", "no"),
            ("transfer.has_broadband", "no"),
            ("application.by_agent", "yes"),
            ("buyer.id_number", MAN_1980),
            ("seller.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
            ("property.price", "1000000"),
            ("transfer.loan_amount", "1200000"),
        ],
    },
    AnswerSet {
        bundle: "home_transfer",
        name: "minor_agent",
        answers: &[
            ("transfer.with_loan", "no"),
            ("transfer.buyer_married", "no"),
            ("transfer.has_gas", "no"),
            ("transfer.has_broadband", "no"),
            ("application.by_agent", "yes"),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "disability_services",
        name: "guardian_is_the_applicant",
        answers: &[
            ("disabled.certificate_status", "new"),
            ("disabled.low_income", "no"),
            ("disabled.needs_care", "no"),
            ("application.by_agent", "yes"),
            ("disabled.id_number", WOMAN_1985),
            ("agent.id_number", WOMAN_1985),
        ],
    },
    AnswerSet {
        bundle: "disability_services",
        name: "minor_guardian",
        answers: &[
            ("disabled.certificate_status", "renewal"),
            ("disabled.low_income", "no"),
            ("disabled.needs_care", "no"),
            ("application.by_agent", "yes"),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "veteran_services",
        name: "left_the_forces_as_a_child_minor_agent",
        answers: &[
            ("veteran.placement", "self_employed"),
            ("veteran.restore_household", "no"),
            ("veteran.wants_training", "no"),
            ("application.by_agent", "yes"),
            ("veteran.id_number", BOY_2010),
            ("veteran.discharge_date", "2026-01-05"),
            ("agent.id_number", BOY_2010),
        ],
    },
    AnswerSet {
        bundle: "veteran_services",
        name: "agent_is_the_veteran",
        answers: &[
            ("veteran.placement", "self_employed"),
            ("veteran.restore_household", "no"),
            ("veteran.wants_training", "no"),
            ("application.by_agent", "yes"),
            ("veteran.id_number", MAN_1980),
            ("agent.id_number", MAN_1980),
        ],
    },
];

/// The verdict's reasons that are failed checks across answers, each with its field.
pub(crate) fn contradictions(catalog: &Catalog, set: &Inconsistent) -> (Plan, Vec<(FieldId, Blocker)>) {
    let answers = set.answers();
    let plan = Plan::new(catalog, &BundleId::new(set.bundle), &answers, today()).expect("plans");
    for (field, _) in set.answers {
        let asked = plan.questions.iter().any(|q| q.field.id.as_str() == *field)
            || plan.fields().any(|planned| planned.field.id.as_str() == *field);
        assert!(asked, "{} / {}: {field} is not asked, so its answer proves nothing", set.bundle, set.name);
    }
    let Verdict::NotReady { blockers } = verdict(catalog, &plan, &answers, &Provisions::new(), today()) else {
        panic!("{}: a contradictory application is never ready", set.name)
    };
    let found = blockers
        .iter()
        .filter(|blocker| matches!(blocker, Blocker::FieldError { error: FieldError::CrossCheckFailed { .. }, .. }))
        .map(|blocker| match blocker.target() {
            Target::Field(field) => (field, blocker.clone()),
            Target::Material(material) => panic!("a check across answers points at a field, not {material}"),
        })
        .collect();
    (plan, found)
}

#[test]
fn golden_contradictions_of_the_shipped_bundles() {
    let catalog = catalog();
    for set in SETS {
        let (_, found) = contradictions(&catalog, set);
        let mut out = String::new();
        let answers: Vec<String> = set.answers.iter().map(|(f, v)| format!("{f} = {v}")).collect();
        let _ = writeln!(out, "{} ({})\nanswers: {}\n", set.bundle, set.name, answers.join(", "));
        let _ = writeln!(out, "contradictions ({}):", found.len());
        for (field, blocker) in &found {
            let _ = writeln!(out, "  -> {field}");
            let _ = writeln!(out, "     {}", blocker.message(&catalog, Lang::Zh));
            let _ = writeln!(out, "     {}", blocker.message(&catalog, Lang::En));
        }
        insta::assert_snapshot!(format!("consistency__{}__{}", set.bundle, set.name), out);
    }
}

/// Every check a bundle makes (its fields' own and the bundle's) fails in one of its
/// inconsistent sets, and each failure names every answer its rule read.
#[test]
fn every_check_of_every_bundle_is_caught_by_a_golden_set() {
    let catalog = catalog();
    for bundle in &catalog.bundles {
        let sets: Vec<&Inconsistent> = SETS.iter().filter(|set| set.bundle == bundle.id.as_str()).collect();
        assert!(!sets.is_empty(), "{} has an inconsistent answer set", bundle.id);
        let mut caught: SortedSet<String> = SortedSet::new();
        let mut asked: SortedSet<FieldId> = SortedSet::new();
        for set in &sets {
            let (plan, found) = contradictions(&catalog, set);
            asked.extend(plan.questions.iter().map(|q| q.field.id.clone()));
            asked.extend(plan.fields().map(|planned| planned.field.id.clone()));
            for (field, blocker) in found {
                let Blocker::FieldError { error: FieldError::CrossCheckFailed { message, answers }, .. } = blocker
                else {
                    unreachable!("filtered above")
                };
                let rule = catalog
                    .field(&field)
                    .into_iter()
                    .flat_map(|definition| definition.checks.iter())
                    .chain(bundle.checks.iter().filter(|c| c.field == field).map(|c| &c.check))
                    .find(|check| check.message == message)
                    .expect("the message is a check's");
                assert_eq!(answers.len(), rule.rule.expr.fields().len(), "{}: every answer the rule read", message.zh);
                assert_eq!(&answers[0].label, &catalog.field(&field).expect("defined").label, "its own answer first");
                caught.insert(rule.rule.source.clone());
            }
        }
        let made = asked
            .iter()
            .filter_map(|id| catalog.field(id))
            .flat_map(|field| field.checks.iter())
            .chain(bundle.checks.iter().map(|check| &check.check))
            .map(|check| check.rule.source.clone());
        for rule in made {
            assert!(caught.contains(&rule), "{}: no inconsistent set catches `{rule}`", bundle.id);
        }
    }
}
