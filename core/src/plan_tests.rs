//! Tests of the plan: merging, conditions, pending questions, reasons, what-if, and
//! order independence.

use proptest::prelude::*;

use super::*;
use crate::catalog::WaiverMode;
use crate::demo::{demo_catalog, ENTERPRISE_OPENING};
use crate::fixture::{restaurant_catalog, RESTAURANT};

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("valid")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(field, value)| (FieldId::new(*field), (*value).to_owned())).collect()
}

fn plan(pairs: &[(&str, &str)]) -> Plan {
    Plan::new(&restaurant_catalog(), &BundleId::new(RESTAURANT), &answers(pairs), today()).expect("plans")
}

fn item_ids(plan: &Plan) -> Vec<&str> {
    plan.items.iter().map(|item| item.id.as_str()).collect()
}

fn field_ids(plan: &Plan) -> Vec<&str> {
    plan.fields().map(|planned| planned.field.id.as_str()).collect()
}

fn material_ids(plan: &Plan) -> Vec<&str> {
    plan.checklist.iter().map(|entry| entry.material.id.as_str()).collect()
}

fn entry<'a>(plan: &'a Plan, material: &str) -> &'a ChecklistEntry {
    plan.checklist.iter().find(|entry| entry.material.id.as_str() == material).expect("in the checklist")
}

const RENTED_SMALL_SELF: &[(&str, &str)] =
    &[("premises.tenure", "rented"), ("application.by_agent", "no"), ("premises.large", "no")];

#[test]
fn before_any_answer_the_unknowns_are_pending_not_dropped() {
    let plan = plan(&[]);
    assert_eq!(item_ids(&plan), ["licence", "food_permit"]);
    let questions: Vec<&str> = plan.questions.iter().map(|q| q.field.id.as_str()).collect();
    assert_eq!(questions, ["premises.tenure", "application.by_agent", "premises.large"]);
    assert!(plan.questions.iter().all(|q| !q.answered));
    let pending: Vec<(&PendingKind, Vec<&str>)> =
        plan.pending.iter().map(|p| (&p.kind, p.waiting_for.iter().map(FieldId::as_str).collect())).collect();
    assert_eq!(
        pending,
        [
            (&PendingKind::Item(ItemId::new("fire_check")), vec!["premises.large"]),
            (&PendingKind::Field(FieldId::new("agent.name")), vec!["application.by_agent"]),
            (&PendingKind::Field(FieldId::new("agent.id_number")), vec!["application.by_agent"]),
            (&PendingKind::Material(MaterialId::new("lease")), vec!["premises.tenure"]),
            (&PendingKind::Material(MaterialId::new("property_certificate")), vec!["premises.tenure"]),
            (&PendingKind::Material(MaterialId::new("power_of_attorney")), vec!["application.by_agent"]),
            (&PendingKind::Material(MaterialId::new("agent_id_card")), vec!["application.by_agent"]),
        ]
    );
}

#[test]
fn asks_each_field_once_and_never_a_situation_question_again() {
    let plan = plan(RENTED_SMALL_SELF);
    assert_eq!(
        field_ids(&plan),
        ["applicant.name", "applicant.id_number", "enterprise.name", "premises.address", "food.category"]
    );
    let name = plan.fields().find(|f| f.field.id.as_str() == "enterprise.name").expect("present");
    assert_eq!(name.asked_by, [ItemId::new("licence"), ItemId::new("food_permit")]);
    assert_eq!(plan.departments_of(name).len(), 1, "one department, named once");
    assert!(plan.fields().all(|f| f.required));
    assert!(plan.pending.is_empty(), "{:?}", plan.pending);
}

#[test]
fn merges_materials_under_the_strictest_rules() {
    let plan = plan(RENTED_SMALL_SELF);
    assert_eq!(material_ids(&plan), ["id_card", "lease", "health_certificates", "layout_plan"]);
    let id_card = entry(&plan, "id_card");
    assert_eq!((id_card.originals, id_card.copies), (1, 2), "the largest of each count");
    assert!(id_card.rules.key && id_card.rules.waiver.is_none());
    assert!(id_card.rules.e_certificate.is_some(), "both items accept the e-certificate");
    let lease = &entry(&plan, "lease").rules;
    let waiver = lease.waiver.as_ref().expect("both items allow a waiver");
    assert_eq!((waiver.mode, waiver.days), (WaiverMode::Accept, 3), "accept-only and the shorter deadline");
    let health = &entry(&plan, "health_certificates").rules;
    assert!(health.commitment_letter.is_some() && health.waiver.is_some());
    let layout = &entry(&plan, "layout_plan").rules;
    assert!(layout.commitment_letter.is_some() && layout.waiver.is_none());
}

#[test]
fn one_item_refusing_an_alternative_removes_it() {
    let mut catalog = restaurant_catalog();
    let food = catalog.items.get_mut(&ItemId::new("food_permit")).expect("defined");
    food.materials[0].rules.e_certificate = None;
    food.materials[1].rules.waiver = None;
    let plan = Plan::new(&catalog, &BundleId::new(RESTAURANT), &answers(RENTED_SMALL_SELF), today()).expect("plans");
    assert!(entry(&plan, "id_card").rules.e_certificate.is_none());
    assert!(entry(&plan, "lease").rules.waiver.is_none());
}

#[test]
fn each_situation_answer_changes_the_plan() {
    let owned = plan(&[("premises.tenure", "owned"), ("application.by_agent", "no"), ("premises.large", "no")]);
    assert!(material_ids(&owned).contains(&"property_certificate") && !material_ids(&owned).contains(&"lease"));

    let agent = plan(&[("premises.tenure", "rented"), ("application.by_agent", "yes"), ("premises.large", "no")]);
    assert!(field_ids(&agent).contains(&"agent.name") && field_ids(&agent).contains(&"agent.id_number"));
    assert!(material_ids(&agent).contains(&"power_of_attorney") && material_ids(&agent).contains(&"agent_id_card"));
    assert!(entry(&agent, "power_of_attorney").rules.key);

    let large = plan(&[("premises.tenure", "rented"), ("application.by_agent", "no"), ("premises.large", "yes")]);
    assert_eq!(item_ids(&large), ["licence", "food_permit", "fire_check"]);
    assert!(field_ids(&large).contains(&"premises.area"));
    assert!(material_ids(&large).contains(&"fire_plan"));
}

#[test]
fn every_line_says_why_it_is_there() {
    let plan = plan(RENTED_SMALL_SELF);
    let lease = entry(&plan, "lease");
    assert_eq!(lease.reasons.len(), 2);
    assert_eq!(
        lease.reasons[0],
        (
            ItemId::new("licence"),
            Reason {
                condition: Some(r#"premises.tenure == "rented""#.into()),
                read: vec![(FieldId::new("premises.tenure"), Some("rented".into()))]
            }
        )
    );
    assert_eq!(entry(&plan, "id_card").reasons[0].1, Reason::always());
    let large = self::plan(&[("premises.large", "yes")]);
    let fire = large.item(&ItemId::new("fire_check")).expect("applies");
    assert_eq!(fire.reason.read, [(FieldId::new("premises.large"), Some("yes".into()))]);
    // The fire-safety plan is needed by that item without a condition of its own: it is needed
    // because the item is, never "always" (issue 14).
    let plan_entry = entry(&large, "fire_plan");
    assert_eq!(plan_entry.reasons, vec![(ItemId::new("fire_check"), fire.reason.clone())]);
}

#[test]
fn what_if_another_answer_says_what_would_change() {
    let catalog = restaurant_catalog();
    let bundle = BundleId::new(RESTAURANT);
    let current = answers(RENTED_SMALL_SELF);
    let tenure = alternatives(&catalog, &bundle, &current, &FieldId::new("premises.tenure"), today()).expect("plans");
    assert_eq!(
        tenure,
        [(
            "owned".to_owned(),
            PlanChange {
                materials_added: vec![MaterialId::new("property_certificate")],
                materials_removed: vec![MaterialId::new("lease")],
                ..PlanChange::default()
            }
        )]
    );
    let agent =
        alternatives(&catalog, &bundle, &current, &FieldId::new("application.by_agent"), today()).expect("plans");
    assert_eq!(agent.len(), 1);
    assert_eq!(agent[0].0, "yes");
    assert_eq!(agent[0].1.fields_added, [FieldId::new("agent.name"), FieldId::new("agent.id_number")]);
    assert_eq!(agent[0].1.materials_added, [MaterialId::new("power_of_attorney"), MaterialId::new("agent_id_card")]);
    assert!(agent[0].1.items_added.is_empty() && agent[0].1.materials_removed.is_empty());
}

#[test]
fn derived_values_feed_conditions_and_exports() {
    let catalog = restaurant_catalog();
    let given = answers(&[("applicant.id_number", "11010519491231002X")]);
    let birth = catalog.field(&FieldId::new("applicant.birth_date")).expect("defined");
    assert_eq!(derived_value(&catalog, &given, birth, today()).as_deref(), Some("1949-12-31"));
    assert_eq!(
        typed_answer(&catalog, &given, &FieldId::new("applicant.birth_date"), today()),
        Some(Value::Date(Date::from_ymd(1949, 12, 31).expect("valid")))
    );
    let typed = answers(&[("applicant.id_number", "11010519491231002X"), ("applicant.birth_date", "1950-01-01")]);
    assert_eq!(
        typed_answer(&catalog, &typed, &FieldId::new("applicant.birth_date"), today()),
        Some(Value::Date(Date::from_ymd(1950, 1, 1).expect("valid"))),
        "an answer the applicant typed wins over the derived one"
    );
}

#[test]
fn counts_the_savings_from_the_forms() {
    let savings = plan(RENTED_SMALL_SELF).savings;
    // licence asks 4 fields (agent fields do not apply), food_permit 5; 5 asked once + 3 questions.
    assert_eq!(
        savings,
        Savings { fields_separate: 9, fields_combined: 8, materials_separate: 6, materials_combined: 4 }
    );
    assert_eq!(percent_saved(3, 2), 33);
    assert_eq!(percent_saved(0, 0), 0);
    let demo = Plan::new(&demo_catalog(), &BundleId::new(ENTERPRISE_OPENING), &Answers::new(), today()).expect("plans");
    assert_eq!(
        demo.savings,
        Savings { fields_separate: 10, fields_combined: 6, materials_separate: 4, materials_combined: 3 }
    );
    assert_eq!((demo.savings.fields_saved_percent(), demo.savings.materials_saved_percent()), (40, 25));
}

#[test]
fn reports_dangling_references_instead_of_panicking() {
    let mut catalog = demo_catalog();
    let bundle = BundleId::new(ENTERPRISE_OPENING);
    let none = Answers::new();
    assert_eq!(
        Plan::new(&catalog, &BundleId::new("nope"), &none, today()),
        Err(PlanError::UnknownBundle(BundleId::new("nope")))
    );
    if let Some(item) = catalog.items.get_mut(&ItemId::new("new_taxpayer")) {
        item.fields.push(crate::catalog::ItemField::new(FieldId::new("ghost.field")));
    }
    let error = Plan::new(&catalog, &bundle, &none, today()).expect_err("dangling field");
    assert!(error.message(Lang::Zh).contains("ghost.field"), "{error}");
    catalog.bundles[0].items.push(crate::catalog::BundleItem { item: ItemId::new("ghost_item"), condition: None });
    catalog.items.remove(&ItemId::new("new_taxpayer"));
    assert!(matches!(Plan::new(&catalog, &bundle, &none, today()), Err(PlanError::UnknownItem { .. })));
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let tenure = proptest::option::of(proptest::sample::select(vec!["rented", "owned"]));
    let yes_no = || proptest::option::of(proptest::sample::select(vec!["yes", "no"]));
    (tenure, yes_no(), yes_no()).prop_map(|(tenure, agent, large)| {
        let mut answers = Answers::new();
        for (field, value) in [("premises.tenure", tenure), ("application.by_agent", agent), ("premises.large", large)]
        {
            if let Some(value) = value {
                answers.insert(FieldId::new(field), value.to_owned());
            }
        }
        answers
    })
}

proptest! {
    #[test]
    fn merging_does_not_depend_on_item_order(answers in any_answers(), order in Just(vec![0usize, 1, 2]).prop_shuffle()) {
        let catalog = restaurant_catalog();
        let bundle = BundleId::new(RESTAURANT);
        let reference = Plan::new(&catalog, &bundle, &answers, today()).expect("plans");
        let mut shuffled = catalog.clone();
        let items = shuffled.bundles[0].items.clone();
        shuffled.bundles[0].items = order.iter().map(|index| items[*index].clone()).collect();
        let plan = Plan::new(&shuffled, &bundle, &answers, today()).expect("plans");
        let sorted = |mut ids: Vec<&str>| { ids.sort_unstable(); ids.into_iter().map(str::to_owned).collect::<Vec<_>>() };
        prop_assert_eq!(sorted(field_ids(&plan)), sorted(field_ids(&reference)));
        prop_assert_eq!(sorted(material_ids(&plan)), sorted(material_ids(&reference)));
        for line in &plan.checklist {
            let same = entry(&reference, line.material.id.as_str());
            prop_assert_eq!((line.originals, line.copies, &line.rules.key), (same.originals, same.copies, &same.rules.key));
            prop_assert_eq!(line.rules.waiver.as_ref().map(|w| (w.mode, w.days)), same.rules.waiver.as_ref().map(|w| (w.mode, w.days)));
            prop_assert_eq!(line.rules.commitment_letter.is_some(), same.rules.commitment_letter.is_some());
            prop_assert_eq!(line.rules.e_certificate.is_some(), same.rules.e_certificate.is_some());
        }
    }

    #[test]
    fn each_field_appears_once_and_is_needed_by_an_applicable_item(answers in any_answers()) {
        let catalog = restaurant_catalog();
        let plan = Plan::new(&catalog, &BundleId::new(RESTAURANT), &answers, today()).expect("plans");
        let ids = field_ids(&plan);
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        prop_assert_eq!(unique.len(), ids.len());
        for planned in plan.fields() {
            prop_assert!(!planned.asked_by.is_empty());
            for item in &planned.asked_by {
                prop_assert!(plan.item(item).is_some(), "{} asked by {} which does not apply", planned.field.id, item);
                let definition = &catalog.items[item];
                prop_assert!(definition.fields.iter().any(|f| f.field == planned.field.id));
            }
        }
        for line in &plan.checklist {
            prop_assert!(line.needed_by.iter().all(|item| plan.item(item).is_some()));
            prop_assert!(!(line.rules.key && line.rules.waiver.is_some()), "a key material is never waivable");
        }
    }
}

#[test]
fn cross_field_checks_fail_only_when_decided() {
    use crate::validate::CheckedAnswer;
    let mut catalog = restaurant_catalog();
    let licence = catalog.items.get_mut(&ItemId::new("licence")).expect("defined");
    licence.fields.push(crate::catalog::ItemField::new(FieldId::new("applicant.birth_date")));
    let birth = catalog.fields.get_mut(&FieldId::new("applicant.birth_date")).map(Rc::make_mut).expect("defined");
    birth.checks.push(crate::catalog::CrossCheck {
        rule: Condition::parse("applicant.birth_date == birth_date(applicant.id_number)").expect("parses"),
        message: Text::new("出生日期与身份证号码不一致", "The birth date does not match the ID number"),
    });
    let bundle = BundleId::new(RESTAURANT);
    let errors_for = |pairs: &[(&str, &str)]| {
        let mut given = answers(RENTED_SMALL_SELF);
        given.extend(answers(pairs));
        let plan = Plan::new(&catalog, &bundle, &given, today()).expect("plans");
        field_errors(&catalog, &plan, &given, today())
            .into_iter()
            .filter(|(field, _)| field.as_str() == "applicant.birth_date")
            .map(|(_, error)| error)
            .collect::<Vec<_>>()
    };
    let label = |field: &str| catalog.field(&FieldId::new(field)).expect("defined").label.clone();
    let mismatch = FieldError::CrossCheckFailed {
        message: Text::new("出生日期与身份证号码不一致", "The birth date does not match the ID number"),
        answers: vec![
            CheckedAnswer { label: label("applicant.birth_date"), answer: Text::new("1950-01-01", "1950-01-01") },
            CheckedAnswer {
                label: label("applicant.id_number"),
                answer: Text::new("11010519491231002X", "11010519491231002X"),
            },
        ],
    };
    assert_eq!(
        errors_for(&[("applicant.id_number", "11010519491231002X"), ("applicant.birth_date", "1950-01-01")]),
        [mismatch]
    );
    assert_eq!(
        errors_for(&[("applicant.id_number", "11010519491231002X"), ("applicant.birth_date", "1949-12-31")]),
        []
    );
    assert_eq!(errors_for(&[("applicant.birth_date", "1950-01-01")]), [], "undecidable without an ID number");
    assert_eq!(
        errors_for(&[("applicant.id_number", "11010519491231002X")]),
        [],
        "an empty optional field is not checked"
    );
}

#[test]
fn unanswered_questions_come_first_among_the_errors() {
    let catalog = restaurant_catalog();
    let given = answers(&[("premises.tenure", "rented")]);
    let plan = Plan::new(&catalog, &BundleId::new(RESTAURANT), &given, today()).expect("plans");
    let errors = field_errors(&catalog, &plan, &given, today());
    let first: Vec<(&str, &FieldError)> = errors.iter().take(3).map(|(field, error)| (field.as_str(), error)).collect();
    assert_eq!(
        first,
        [
            ("application.by_agent", &FieldError::Required),
            ("premises.large", &FieldError::Required),
            ("applicant.name", &FieldError::Required),
        ]
    );
}

/// The fixture with "is the shop large?" asked only for rented premises, and the fire check
/// depending on that answer alone (no guard on the tenure).
fn large_asked_only_when_rented() -> Catalog {
    let mut catalog = restaurant_catalog();
    if let Some(large) = catalog.fields.get_mut(&FieldId::new("premises.large")).map(Rc::make_mut) {
        large.condition = Some(Condition::parse(r#"premises.tenure == "rented""#).expect("parses"));
    }
    catalog
}

#[test]
fn an_answer_to_a_question_no_longer_asked_decides_nothing() {
    let catalog = large_asked_only_when_rented();
    let plan_for = |pairs: &[(&str, &str)]| {
        Plan::new(&catalog, &BundleId::new(RESTAURANT), &answers(pairs), today()).expect("plans")
    };
    let rented = plan_for(&[("premises.tenure", "rented"), ("application.by_agent", "no"), ("premises.large", "yes")]);
    assert!(item_ids(&rented).contains(&"fire_check"));
    assert!(rented.asks(&FieldId::new("premises.large")));

    // The premises turn out to be owned: the large-shop answer stays saved, but is not asked
    // and brings in nothing; and nothing waits for it.
    let owned = plan_for(&[("premises.tenure", "owned"), ("application.by_agent", "no"), ("premises.large", "yes")]);
    assert!(!owned.asks(&FieldId::new("premises.large")));
    assert!(!item_ids(&owned).contains(&"fire_check"), "{:?}", item_ids(&owned));
    assert!(owned.pending.is_empty(), "{:?}", owned.pending);

    // Before the tenure is known, the question may still come: the fire check waits for it.
    let unknown = plan_for(&[("application.by_agent", "no")]);
    let waits: Vec<&str> = unknown
        .pending
        .iter()
        .filter(|p| p.kind == PendingKind::Item(ItemId::new("fire_check")))
        .flat_map(|p| p.waiting_for.iter().map(FieldId::as_str))
        .collect();
    assert_eq!(waits, ["premises.large"]);
}
