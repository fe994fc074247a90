//! Tests of the verdict: each outcome, each blocker, due dates across holidays, and that
//! providing more never makes the verdict worse.

use proptest::prelude::*;

use super::*;
use crate::catalog::BundleId;
use crate::fixture::{restaurant_catalog, RESTAURANT};

/// A Monday just before the October holiday of the fixture's calendar.
fn today() -> Date {
    Date::from_ymd(2026, 9, 28).expect("valid")
}

fn complete_answers() -> Answers {
    [
        ("premises.tenure", "rented"),
        ("application.by_agent", "no"),
        ("premises.large", "no"),
        ("applicant.name", "张三"),
        ("applicant.id_number", "11010519491231002X"),
        ("enterprise.name", "某某餐饮店"),
        ("premises.address", "某某路 1 号"),
        ("food.category", "热食类"),
    ]
    .iter()
    .map(|(field, value)| (FieldId::new(*field), (*value).to_owned()))
    .collect()
}

fn provisions(pairs: &[(&str, Provision)]) -> Provisions {
    pairs.iter().map(|(material, how)| (MaterialId::new(*material), how.clone())).collect()
}

fn attached() -> Provision {
    Provision::Attached { files: vec!["file-1".into()] }
}

fn check(answers: &Answers, provided: &Provisions) -> Verdict {
    check_in(&restaurant_catalog(), answers, provided, today())
}

fn check_in(catalog: &Catalog, answers: &Answers, provided: &Provisions, today: Date) -> Verdict {
    let plan = Plan::new(catalog, &BundleId::new(RESTAURANT), answers, today).expect("plans");
    verdict(catalog, &plan, answers, provided, today)
}

fn blockers(verdict: Verdict) -> Vec<Blocker> {
    match verdict {
        Verdict::NotReady { blockers } => blockers,
        other => panic!("expected not ready, got {other}"),
    }
}

fn everything_provided() -> Provisions {
    provisions(&[
        ("id_card", Provision::ECertificate),
        ("lease", attached()),
        ("health_certificates", Provision::Original),
        ("layout_plan", attached()),
    ])
}

#[test]
fn complete_is_ready() {
    assert_eq!(check(&complete_answers(), &everything_provided()), Verdict::Ready);
}

#[test]
fn waivers_and_letters_are_ready_with_commitments_and_due_dates_skip_holidays() {
    let mut provided = everything_provided();
    provided.insert(MaterialId::new("lease"), Provision::Waived);
    provided.insert(MaterialId::new("health_certificates"), Provision::Waived);
    provided.insert(MaterialId::new("layout_plan"), Provision::CommitmentLetter);
    let verdict = check(&complete_answers(), &provided);
    assert_eq!(
        verdict,
        Verdict::ReadyWithCommitments {
            waived: vec![
                // 3 working days from Monday 28 September: 29, 30, then 1-8 October are off.
                WaivedMaterial {
                    material: MaterialId::new("lease"),
                    mode: WaiverMode::Accept,
                    due: Date::from_ymd(2026, 10, 9).expect("valid")
                },
                // 10 working days: 29, 30 Sep, 9 Oct, Saturday 10 (swapped), 12-16, 19 Oct.
                WaivedMaterial {
                    material: MaterialId::new("health_certificates"),
                    mode: WaiverMode::Process,
                    due: Date::from_ymd(2026, 10, 19).expect("valid")
                },
            ],
            letters: vec![MaterialId::new("layout_plan")],
        }
    );
    assert_eq!(verdict.rank(), 1);
}

#[test]
fn every_problem_is_a_blocker_pointing_at_its_place() {
    let mut answers = complete_answers();
    answers.remove(&FieldId::new("premises.large"));
    answers.insert(FieldId::new("applicant.id_number"), "110105194912310021".into());
    answers.remove(&FieldId::new("food.category"));
    let provided = provisions(&[
        ("id_card", Provision::Waived),
        ("lease", Provision::ECertificate),
        ("health_certificates", Provision::Attached { files: vec![] }),
    ]);
    let found = blockers(check(&answers, &provided));
    assert_eq!(
        found,
        [
            Blocker::UnansweredQuestion(FieldId::new("premises.large")),
            Blocker::FieldError {
                field: FieldId::new("applicant.id_number"),
                error: FieldError::IdNumber(crate::validate::IdNumberError::DoesNotAddUp)
            },
            Blocker::FieldError { field: FieldId::new("food.category"), error: FieldError::Required },
            Blocker::KeyMaterialWaived(MaterialId::new("id_card")),
            Blocker::NoECertificate(MaterialId::new("lease")),
            Blocker::NoFileAttached(MaterialId::new("health_certificates")),
            Blocker::MissingMaterial(MaterialId::new("layout_plan")),
        ]
    );
    assert_eq!(found[0].target(), Target::Field(FieldId::new("premises.large")));
    assert_eq!(found[3].target(), Target::Material(MaterialId::new("id_card")));
    let catalog = restaurant_catalog();
    assert_eq!(found[2].message(&catalog, Lang::Zh), "请填写food.category");
    assert!(found[3].message(&catalog, Lang::En).contains("is a key material and cannot follow later"));
}

#[test]
fn refuses_alternatives_the_items_do_not_allow() {
    let mut provided = everything_provided();
    provided.insert(MaterialId::new("layout_plan"), Provision::Waived);
    provided.insert(MaterialId::new("lease"), Provision::CommitmentLetter);
    assert_eq!(
        blockers(check(&complete_answers(), &provided)),
        [Blocker::NoCommitmentLetter(MaterialId::new("lease")), Blocker::NotWaivable(MaterialId::new("layout_plan"))]
    );
}

#[test]
fn the_bundle_limits_how_many_materials_follow_later() {
    let mut catalog = restaurant_catalog();
    catalog.bundles[0].waiver_policy.max_waived = Some(1);
    let mut provided = everything_provided();
    provided.insert(MaterialId::new("lease"), Provision::Waived);
    provided.insert(MaterialId::new("health_certificates"), Provision::Waived);
    assert_eq!(
        blockers(check_in(&catalog, &complete_answers(), &provided, today())),
        [Blocker::TooManyWaived {
            max: 1,
            waived: vec![MaterialId::new("lease"), MaterialId::new("health_certificates")]
        }]
    );
}

#[test]
fn a_due_date_outside_the_calendar_is_a_blocker_not_a_guess() {
    let late = Date::from_ymd(2027, 12, 24).expect("valid");
    let mut provided = everything_provided();
    provided.insert(MaterialId::new("health_certificates"), Provision::Waived);
    let found = blockers(check_in(&restaurant_catalog(), &complete_answers(), &provided, late));
    assert_eq!(
        found,
        [Blocker::DueDateUnknown {
            material: MaterialId::new("health_certificates"),
            error: CalendarError::YearNotCovered { year: 2028 }
        }]
    );
}

fn any_provision() -> impl Strategy<Value = Provision> {
    prop_oneof![
        Just(Provision::Attached { files: vec!["f".into()] }),
        Just(Provision::Attached { files: vec![] }),
        Just(Provision::Original),
        Just(Provision::ECertificate),
        Just(Provision::CommitmentLetter),
        Just(Provision::Waived),
    ]
}

const MATERIALS: [&str; 4] = ["id_card", "lease", "health_certificates", "layout_plan"];

proptest! {
    #[test]
    fn providing_one_more_material_never_makes_the_verdict_worse(
        chosen in proptest::collection::vec(proptest::option::of(any_provision()), 4),
        extra in 0usize..4,
        how in any_provision(),
    ) {
        let mut provided = Provisions::new();
        for (material, provision) in MATERIALS.iter().zip(&chosen) {
            if let Some(provision) = provision {
                provided.insert(MaterialId::new(*material), provision.clone());
            }
        }
        let material = MaterialId::new(MATERIALS[extra]);
        prop_assume!(!provided.contains_key(&material));
        let before = check(&complete_answers(), &provided);
        provided.insert(material, how);
        let after = check(&complete_answers(), &provided);
        prop_assert!(after.rank() >= before.rank(), "{before} -> {after}");
    }
}

#[test]
fn the_ways_offered_are_the_ways_the_verdict_accepts() {
    use crate::catalog::{MaterialRules, Waiver};
    use crate::text::Text;
    let waiver = Waiver { mode: WaiverMode::Accept, days: 5, commitment: Text::new("补交", "Later") };
    let everything = MaterialRules {
        key: false,
        waiver: Some(waiver.clone()),
        commitment_letter: Some(Text::new("承诺", "Promise")),
        e_certificate: Some(Text::new("电子证照", "E-certificate")),
    };
    let catalog = restaurant_catalog();
    let lease = &catalog.materials[&MaterialId::new("lease")];
    let no_file = Provision::Attached { files: Vec::new() };
    assert_eq!(
        allowed_provisions(lease, &everything),
        [no_file.clone(), Provision::Original, Provision::ECertificate, Provision::CommitmentLetter, Provision::Waived]
    );
    assert_eq!(allowed_provisions(lease, &MaterialRules::default()), [no_file, Provision::Original]);
    let paper_only = crate::catalog::Material { electronic: false, ..crate::catalog::Material::clone(lease) };
    assert_eq!(
        allowed_provisions(&paper_only, &MaterialRules::default()),
        [Provision::Original],
        "no file for paper only"
    );
    let key = MaterialRules { key: true, waiver: Some(waiver), ..MaterialRules::default() };
    assert_eq!(allowed_provisions(&paper_only, &key), [Provision::Original], "a key material is never left for later");
}

#[test]
fn a_material_taken_as_a_file_only_is_not_offered_or_accepted_at_the_window() {
    let mut catalog = restaurant_catalog();
    if let Some(plan) = catalog.materials.get_mut(&MaterialId::new("layout_plan")).map(std::rc::Rc::make_mut) {
        plan.paper = false;
    }
    let layout = &catalog.materials[&MaterialId::new("layout_plan")];
    assert_eq!(allowed_provisions(layout, &MaterialRules::default()), [Provision::Attached { files: Vec::new() }]);
    let mut provided = everything_provided();
    provided.insert(MaterialId::new("layout_plan"), Provision::Original);
    let found = blockers(check_in(&catalog, &complete_answers(), &provided, today()));
    assert_eq!(found, [Blocker::ElectronicOnly(MaterialId::new("layout_plan"))]);
    assert_eq!(found[0].message(&catalog, Lang::En), "layout_plan is accepted as a file only: attach it");
}

#[test]
fn a_file_for_a_material_taken_on_paper_only_is_refused() {
    let mut catalog = restaurant_catalog();
    if let Some(lease) = catalog.materials.get_mut(&MaterialId::new("lease")).map(std::rc::Rc::make_mut) {
        lease.electronic = false;
    }
    let found = blockers(check_in(&catalog, &complete_answers(), &everything_provided(), today()));
    assert_eq!(found, [Blocker::PaperOnly(MaterialId::new("lease"))]);
    assert_eq!(found[0].message(&catalog, Lang::Zh), "lease只收纸质原件，不能附电子文件，请带到窗口");
}
