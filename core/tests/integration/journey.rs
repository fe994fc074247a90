//! The applicant's way through drafts of the shipped catalog: questions one per page (with a
//! question that appears), the notice, sections, and the walk through what a changed answer
//! brings in.

use yibiao_core::journey::{back_from, section_status, TaskStatus};
use yibiao_core::session::{reduce, Action, Env, Page, State};
use yibiao_core::{BundleId, Catalog, FieldId};

use crate::shipped::{catalog, today};

/// Applies actions in turn; an action that changes nothing leaves the state as it was.
fn run(catalog: &Catalog, state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |state, action| {
        reduce(&state, action, Env { catalog, today: today(), now_ms: 1 }).unwrap_or(state)
    })
}

fn answer(field: &str, value: &str) -> Action {
    Action::Answer { field: FieldId::new(field), value: value.to_owned() }
}

fn question(field: &str) -> Page {
    Page::Question(FieldId::new(field))
}

#[test]
fn one_question_per_page_with_one_that_appears_with_an_answer() {
    let catalog = catalog();
    let state = run(&catalog, State::default(), [Action::StartDraft(BundleId::new("enterprise_change"))]);
    assert_eq!(state.page, question("change.kind"));

    let stuck = run(&catalog, state.clone(), [Action::Continue]);
    assert_eq!((stuck.page.clone(), stuck.failed_continues), (question("change.kind"), 1), "an answer is needed");
    assert!(stuck.application().expect("open").show_all_errors);

    let state = run(&catalog, state, [answer("change.kind", "address"), Action::Continue]);
    assert_eq!(state.page, question("change.new_premises_tenure"), "the address change brings its question");
    let plan = state.application().expect("open").plan(&catalog, today()).expect("plans");
    assert_eq!(back_from(&plan, &state.page), question("change.kind"));

    let state = run(&catalog, state, [answer("change.new_premises_tenure", "rented"), Action::Continue]);
    assert_eq!(state.page, question("change.has_housing_fund_account"));
    let state = run(
        &catalog,
        state,
        [answer("change.has_housing_fund_account", "no"), Action::Continue, answer("application.by_agent", "no")],
    );
    let state = run(&catalog, state, [Action::Continue]);
    assert_eq!(state.page, Page::Notice, "after the last question, the one-time notice");
    let state = run(&catalog, state, [Action::Continue]);
    assert_eq!(state.page, Page::Tasks);

    // A name change instead: the tenure question is gone, and its back link skips it.
    let renamed = run(&catalog, state, [Action::GoTo(question("change.kind")), answer("change.kind", "name")]);
    let plan = renamed.application().expect("open").plan(&catalog, today()).expect("plans");
    assert_eq!(back_from(&plan, &question("change.has_housing_fund_account")), question("change.kind"));
}

#[test]
fn a_changed_situation_walks_through_what_it_brought_in_then_back_to_the_check() {
    let catalog = catalog();
    let mut actions = vec![
        Action::StartDraft(BundleId::new("restaurant_opening")),
        // Owned: a rented shop's lease dates would be asked under 经营场所 anyway.
        answer("premises.tenure", "owned"),
        answer("premises.over_threshold", "no"),
        answer("application.by_agent", "no"),
        Action::GoTo(Page::Review),
    ];
    let state = run(&catalog, State::default(), actions.drain(..));
    assert_eq!(state.page, Page::Review);
    let area = "premises";
    let plan = state.application().expect("open").plan(&catalog, today()).expect("plans");
    assert!(plan.sections.iter().all(|section| section.id != area), "small premises: no area asked");

    let state = run(&catalog, state, [Action::ChangeSituation(FieldId::new("premises.over_threshold"))]);
    assert_eq!(state.page, question("premises.over_threshold"));
    let state = run(&catalog, state, [answer("premises.over_threshold", "yes"), Action::Continue]);
    assert_eq!(state.page, Page::Section(area.to_owned()), "the floor area the change brought in");
    let draft = state.application().expect("open");
    let plan = draft.plan(&catalog, today()).expect("plans");
    assert_eq!(section_status(&catalog, &plan, &draft.answers, area, today()), TaskStatus::NotStarted);

    let stuck = run(&catalog, state.clone(), [Action::Continue]);
    assert_eq!(stuck.page, Page::Section(area.to_owned()), "the area must be given first");
    let state = run(&catalog, state, [answer("premises.area", "320"), Action::Continue]);
    assert_eq!(state.page, Page::Materials, "the fire-safety plan is a new material");
    let state = run(&catalog, state, [Action::Continue]);
    assert_eq!(state.page, Page::Review, "and back to the check");
    assert_eq!(state.application().expect("open").walk, None, "the walk is over");
}

/// A derived field shows the value read from the ID number until the applicant types another.
#[test]
fn a_derived_field_shows_the_birth_date_from_the_id_number() {
    use yibiao_core::plan::{shown_answer, Answers};
    let catalog = catalog();
    let field = catalog.field(&FieldId::new("retiree.birth_date")).expect("in the catalog").clone();
    let mut answers = Answers::new();
    assert_eq!(shown_answer(&catalog, &answers, &field, today()), "");
    answers.insert(FieldId::new("retiree.id_number"), "11010519491231002X".to_owned());
    assert_eq!(shown_answer(&catalog, &answers, &field, today()), "1949-12-31");
    answers.insert(FieldId::new("retiree.birth_date"), "1950-01-01".to_owned());
    assert_eq!(shown_answer(&catalog, &answers, &field, today()), "1950-01-01", "the applicant's own answer wins");
}

/// A draft made under one catalog opens under a newer one with a report of what changed for
/// this applicant; an answer no longer asked is listed, not dropped.
#[test]
fn a_new_catalog_version_is_reported_for_the_draft_and_then_accepted() {
    use yibiao_core::catalog::MaterialNeed;
    use yibiao_core::{ItemId, MaterialId, Text};
    let old = catalog();
    let mut state = run(
        &old,
        State::default(),
        [
            Action::StartDraft(BundleId::new("restaurant_opening")),
            answer("premises.tenure", "rented"),
            answer("premises.over_threshold", "no"),
            answer("application.by_agent", "no"),
            answer("applicant.name", "张三"),
            answer("food.main_category", "hot_food"),
        ],
    );
    assert_eq!(state.application().expect("open").catalog_change(&old, today()), None, "same version: nothing to say");

    let mut new = old.clone();
    new.version = "2027.01-1".to_owned();
    std::rc::Rc::make_mut(new.fields.get_mut(&FieldId::new("applicant.name")).expect("a field")).label =
        Text::new("经营者姓名", "Operator's name");
    let restaurant = new.bundles.iter_mut().find(|b| b.id.as_str() == "restaurant_opening").expect("a bundle");
    restaurant.items.retain(|entry| entry.item.as_str() != "outdoor_signboard");
    let permit = new.items.get_mut(&ItemId::new("food_business_permit")).expect("an item");
    permit.fields.retain(|field| field.field.as_str() != "food.main_category");
    let mut plan_need = permit.materials[0].clone();
    plan_need.material = MaterialId::new("fire_facilities_plan");
    plan_need.condition = None;
    permit.materials.push(MaterialNeed { ..plan_need });
    // As the loader would: the changed bundle's definition is another.
    new.definitions = yibiao_core::catalog::pieces::definitions(&new);

    let change = state.application().expect("open").catalog_change(&new, today()).expect("a newer catalog");
    assert_eq!((change.from_version.as_str(), change.to_version.as_str()), (old.version.as_str(), "2027.01-1"));
    let zh = |texts: &[Text]| texts.iter().map(|t| t.zh.clone()).collect::<Vec<_>>();
    assert_eq!(zh(&change.items_removed), ["户外招牌设置备案"]);
    assert_eq!(zh(&change.materials_added), ["消防设施平面图"]);
    assert_eq!(zh(&change.materials_removed), ["招牌设计效果图"]);
    assert_eq!(
        change.fields_renamed.iter().map(|(a, b)| (a.zh.as_str(), b.zh.as_str())).collect::<Vec<_>>(),
        [("法定代表人或经营者姓名", "经营者姓名")]
    );
    assert_eq!(
        change.unused_answers.iter().map(|(l, v)| (l.zh.as_str(), v.as_str())).collect::<Vec<_>>(),
        [("主要经营项目", "hot_food")]
    );
    assert!(!change.is_empty());

    state = run(&new, state, [Action::AcceptCatalog]);
    let draft = state.application().expect("open");
    assert_eq!(draft.catalog_version, "2027.01-1");
    assert_eq!(draft.catalog_change(&new, today()), None);
    assert_eq!(draft.answer(&FieldId::new("food.main_category")), "hot_food", "the answer is kept");
}

/// The drafts list and the packet's cover name who applies: the mother for a birth (not the
/// baby, issue 14), the employer for a hire (not the employee), the legal representative for a
/// company.
#[test]
fn a_draft_is_named_by_the_person_who_applies() {
    let catalog = catalog();
    let named = |bundle: &str, answers: &[(&str, &str)]| {
        let start = [Action::StartDraft(BundleId::new(bundle))].into_iter();
        let state = run(&catalog, State::default(), start.chain(answers.iter().map(|(f, v)| answer(f, v))));
        state.application().expect("open").display_name(&catalog).map(str::to_owned)
    };
    let birth = [("child.name", "王小明"), ("mother.name", "李芳"), ("father.name", "王强")];
    assert_eq!(named("newborn", &birth).as_deref(), Some("李芳"));
    assert_eq!(named("newborn", &birth[..1]), None, "the baby's name is not the applicant's");
    let hire = [("employee.name", "赵六"), ("enterprise.name", "某某餐饮有限公司")];
    assert_eq!(named("employee_hiring", &hire).as_deref(), Some("某某餐饮有限公司"));
    let company = [("applicant.name", "张三"), ("agent.name", "李四")];
    assert_eq!(named("enterprise_opening", &company).as_deref(), Some("张三"));
}

/// A code typed in full-width digits, with spaces or a lower-case x is shown, once the field is
/// left, as it is exported (issue 14); an unfinished one is left as typed, and other kinds of
/// answer are never rewritten.
#[test]
fn leaving_a_code_shows_it_as_it_is_exported() {
    let catalog = catalog();
    let left = |field: &str, typed: &str| {
        let actions = [
            Action::StartDraft(BundleId::new("retirement")),
            answer(field, typed),
            Action::LeaveField(FieldId::new(field)),
        ];
        let state = run(&catalog, State::default(), actions);
        let draft = state.application().expect("open");
        assert!(draft.visited.contains(&FieldId::new(field)));
        draft.answer(&FieldId::new(field)).to_owned()
    };
    assert_eq!(left("retiree.id_number", "１１０１０５１９４９１２３１００２ｘ"), "11010519491231002X");
    assert_eq!(left("retiree.id_number", " 110105 19491231 002x "), "11010519491231002X");
    assert_eq!(left("retiree.id_number", "１１０１０５"), "１１０１０５", "unfinished: as typed");
    assert_eq!(left("retiree.mobile", "１３８ ００１３ ８０００"), "13800138000");
    assert_eq!(left("retiree.name", "  王　芳 "), "  王　芳 ", "a name is never rewritten");
}

/// The elder version's text step (长辈版) is kept like the language, and read back within its
/// steps whatever a stored document says (issue 15).
#[test]
fn the_text_step_is_kept_within_its_steps() {
    use yibiao_core::draft::{decode, encode};
    use yibiao_core::session::ELDER_STEPS;
    let catalog = catalog();
    let state = run(&catalog, State::default(), [Action::SetElder(2)]);
    assert_eq!(state.elder, 2);
    assert_eq!(decode(&encode(&state)).map(|read| read.elder), Ok(2));
    let odd = encode(&state).replace("\"elder\":2", "\"elder\":200");
    assert_eq!(decode(&odd).map(|read| read.elder), Ok(ELDER_STEPS));
    assert_eq!(run(&catalog, state, [Action::SetElder(9)]).elder, ELDER_STEPS);
    assert!(!encode(&State::default()).contains("elder"), "the standard version is not written");
}
