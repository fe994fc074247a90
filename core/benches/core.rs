//! Benchmarks of the core (`cargo xtask bench`): the work done on every answer change for the
//! largest shipped bundle, the same for a generated catalog of 1,500 items, 6,000 materials
//! and 3,000 fields, and loading and checking that whole catalog from its TOML text.
//! Targets on the 2-core machine: the shipped bundle under 1 ms; the large catalog checked
//! under 200 ms.

use std::hint::black_box;
use std::rc::Rc;

use yibiao_core::catalog::{load, read_folder, FieldKind, Source};
use yibiao_core::plan::{field_errors, Answers, Plan};
use yibiao_core::session::{reduce, step, Action, Env, State};
use yibiao_core::verdict::{verdict, Provision, Provisions};
use yibiao_core::{BundleId, Catalog, Date};

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::from_ymd(2026, 11, 23).expect("a valid date")
}

fn shipped_sources() -> Vec<Source> {
    read_folder(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog")
}

/// A valid answer for a field of `kind`.
fn sample_answer(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Integer | FieldKind::Decimal | FieldKind::Money => "42",
        FieldKind::Date => "2026-01-02",
        FieldKind::YesNo => "yes",
        FieldKind::OneOf | FieldKind::ManyOf => "a",
        FieldKind::IdNumber => "11010519491231002X",
        FieldKind::CreditCode => "91350100M000100Y43",
        FieldKind::Mobile => "13800138000",
        FieldKind::Landline => "010-12345678",
        FieldKind::Postcode => "100000",
        FieldKind::Email => "a@example.com",
        FieldKind::BankCard => "4111111111111111",
        FieldKind::PersonName => "张三",
        _ => "某某",
    }
}

/// Answers every question "a" (or yes) and every field of the resulting plan validly, and
/// provides every material as an original.
fn filled(catalog: &Catalog, bundle: &BundleId) -> (Answers, Provisions) {
    let mut answers = Answers::new();
    let definition = catalog.bundle(bundle).expect("the bundle exists");
    for question in &definition.questions {
        let field = catalog.field(question).expect("defined");
        answers.insert(question.clone(), sample_answer(field.kind).to_owned());
    }
    let plan = Plan::new(catalog, bundle, &answers, today()).expect("plans");
    for planned in plan.fields() {
        answers.insert(planned.field.id.clone(), sample_answer(planned.field.kind).to_owned());
    }
    let plan = Plan::new(catalog, bundle, &answers, today()).expect("plans");
    let provisions = plan.checklist.iter().map(|entry| (entry.material.id.clone(), Provision::Original)).collect();
    (answers, provisions)
}

/// What the app recomputes on every answer change: the plan, every field check, the verdict.
fn recompute(catalog: &Catalog, bundle: &BundleId, answers: &Answers, provisions: &Provisions) -> usize {
    let plan = Plan::new(catalog, bundle, answers, today()).expect("plans");
    let errors = field_errors(catalog, &plan, answers, today());
    let verdict = verdict(catalog, &plan, answers, provisions, today());
    errors.len() + plan.checklist.len() + usize::from(verdict.rank())
}

#[divan::bench]
fn shipped_largest_bundle_plan_validate_verdict(bencher: divan::Bencher) {
    let (catalog, diagnostics) = load(&shipped_sources());
    assert!(diagnostics.is_empty());
    let bundle = catalog.bundles.iter().max_by_key(|bundle| bundle.items.len()).expect("a bundle").id.clone();
    let (answers, provisions) = filled(&catalog, &bundle);
    bencher.bench_local(|| recompute(black_box(&catalog), &bundle, black_box(&answers), &provisions));
}

#[divan::bench]
fn generated_bundle_plan_validate_verdict(bencher: divan::Bencher) {
    let (catalog, diagnostics) = load(&[generated_catalog()]);
    assert!(diagnostics.iter().all(|d| d.severity != yibiao_core::catalog::Severity::Error), "{diagnostics:?}");
    let bundle = BundleId::new("b0");
    let (answers, provisions) = filled(&catalog, &bundle);
    bencher.bench_local(|| recompute(black_box(&catalog), &bundle, black_box(&answers), &provisions));
}

/// A state with a draft of `bundle` open on its first section, every answer given.
fn open_draft(catalog: &Catalog, bundle: &BundleId) -> State {
    let env = Env { catalog, today: today(), now_ms: 1 };
    let mut state = reduce(&State::default(), Action::StartDraft(bundle.clone()), env).expect("starts");
    let (answers, _) = filled(catalog, bundle);
    let draft = state.drafts.first_mut().map(Rc::make_mut).expect("a draft");
    let (field, value) =
        answers.last_key_value().map(|(field, value)| (field.clone(), value.clone())).expect("answers");
    draft.answers = answers;
    // One answer given as the applicant gives it, so the draft notes what its plan asks, as a
    // draft being filled in does.
    let action = Action::Answer { field, value: format!("{value}。") };
    reduce(&state, action, env).expect("changes")
}

/// One keystroke in the shell: the reducer, and the view of the open draft derived once (the
/// previous view reused for what the keystroke did not change).
#[divan::bench]
fn generated_bundle_answer_step_and_view(bencher: divan::Bencher) {
    let (catalog, _) = load(&[generated_catalog()]);
    let state = open_draft(&catalog, &BundleId::new("b0"));
    let env = Env { catalog: &catalog, today: today(), now_ms: 2 };
    let view = state.application().map(|draft| draft.view(&catalog, today()).map(Rc::new));
    let field = state.application().and_then(|draft| draft.answers.keys().last().cloned()).expect("a field");
    bencher.bench_local(|| {
        let action = Action::Answer { field: field.clone(), value: "某某某".to_owned() };
        step(black_box(&state), view.as_ref(), action, env).map(|stepped| stepped.state.drafts.len())
    });
}

/// The peer, measured in the same run: the reducer on its own, then a plan and every field
/// check made again from the answers, as the shell did before the view (it did more besides).
#[divan::bench]
fn generated_bundle_answer_reduce_then_plan_peer(bencher: divan::Bencher) {
    let (catalog, _) = load(&[generated_catalog()]);
    let bundle = BundleId::new("b0");
    let state = open_draft(&catalog, &bundle);
    let env = Env { catalog: &catalog, today: today(), now_ms: 2 };
    let field = state.application().and_then(|draft| draft.answers.keys().last().cloned()).expect("a field");
    bencher.bench_local(|| {
        let action = Action::Answer { field: field.clone(), value: "某某某".to_owned() };
        let next = reduce(black_box(&state), action, env).expect("changes");
        let answers = &next.application().expect("open").answers;
        let plan = Plan::new(&catalog, &bundle, answers, today()).expect("plans");
        field_errors(&catalog, &plan, answers, today()).len()
    });
}

#[divan::bench(sample_count = 20)]
fn generated_catalog_load_and_check(bencher: divan::Bencher) {
    let sources = [generated_catalog()];
    bencher.bench(|| load(black_box(&sources)).1.len());
}

fn generated_catalog() -> Source {
    yibiao_core::catalog::bureau::bureau_scale()
}
