//! The application state (办理进度) and its reducer. The shell dispatches [`Action`]s, stores
//! the result and renders it; nothing here touches a browser.

use std::rc::Rc;

use crate::attachment::Attachment;
use crate::catalog::{BundleId, Catalog, FieldId, MaterialId};
use crate::catalog_change::Snapshot;
use crate::date::Date;
/// The screen the applicant is on; it belongs to the journey (kept here by its old name).
pub use crate::journey::Page;
use crate::journey::{self, Walk};
use crate::plan::Plan;
use crate::provision::Provision;
use crate::text::Lang;
use crate::view::{Derived, DraftView};

mod application;
pub mod merge;
mod state;

pub use application::{Application, Changed, DraftId};
pub use state::{State, ELDER_STEPS};

/// What the applicant did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; nothing else changes.
    SetLang(Lang),
    /// Shows the standard version (0) or a step of the elder version (长辈版, 1 to 3).
    SetElder(u8),
    /// Someone starts or stops helping the applicant (帮办代办): drafts started record them.
    SetHelper(Option<crate::helper::Helper>),
    /// Start a new draft for a bundle, beside any others, at its first question.
    StartDraft(BundleId),
    /// Open a draft where the applicant left it.
    OpenDraft(DraftId),
    /// Continue a draft that came in a packet (from another device, or the applicant's own
    /// backup): it is added beside the others under an id of its own and opens at its task
    /// list. Its files are in the shell's store already.
    Import(Box<Application>),
    /// Delete a draft for good (the home page asks first).
    DeleteDraft(DraftId),
    /// Show another page. Pages of a draft need one open; else the home page shows.
    GoTo(Page),
    /// The value of a field changed.
    Answer { field: FieldId, value: String },
    /// The applicant left a field.
    LeaveField(FieldId),
    /// How a material is provided changed (`None`: not chosen). Files attached before are set
    /// aside when another way is chosen, and come back when "attach" is chosen again.
    Provide { material: MaterialId, provision: Option<Provision> },
    /// A checked file is attached for a material, or one already attached (for another
    /// material) is reused for it; in place of the file `replacing` when given.
    Attach { material: MaterialId, attachment: Attachment, replacing: Option<String> },
    /// A file is taken off a material; once no material uses it, it is forgotten.
    Detach { material: MaterialId, file: String },
    /// Change a situation answer from the check page: its question, then whatever the new
    /// answer brings in, then back to the check page.
    ChangeSituation(FieldId),
    /// Continue from the page on screen: on when its answers are complete and valid, else
    /// every error of the page shows, with a summary.
    Continue,
    /// The applicant has read what a new catalog changes: the draft moves to it.
    AcceptCatalog,
    /// An address was visited (typed, a link, back or forward): the page [`landing`] finds for
    /// it shows, never one that does not exist.
    Visit { draft: Option<DraftId>, page: Page },
    /// Another tab of the app saved its drafts: merge them with this tab's (see [`merge`]),
    /// keeping this tab's page and language (home, if the draft on screen was deleted there).
    Adopt(Box<State>),
}

/// What the reducer needs to know besides the state.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub catalog: &'a Catalog,
    pub today: Date,
    /// The time of the action, in milliseconds since 1970, from the device clock.
    pub now_ms: u64,
}

/// Where an address lands (for the address bar: typed, a link, back or forward): the draft's
/// page it names when there is one; the draft's task list
/// when the draft exists but the page does not (a question it does not ask, a section its form
/// lacks); the home page for a draft that is not here (deleted, or of a bundle the catalog in
/// use lacks) or for no draft.
pub fn landing(state: &State, draft: Option<&DraftId>, page: &Page, env: Env<'_>) -> (Option<DraftId>, Page) {
    let plan = draft
        .and_then(|id| state.draft(id))
        .filter(|application| env.catalog.bundle(&application.bundle).is_some())
        .and_then(|application| application.plan(env.catalog, env.today).ok());
    match (draft, plan) {
        (Some(id), Some(plan)) if page.needs_application() && journey::exists(&plan, page) => {
            (Some(id.clone()), page.clone())
        }
        (Some(id), Some(_)) => (Some(id.clone()), Page::Tasks),
        _ => (None, Page::Home),
    }
}

/// Applies an action. Returns `None` when nothing changed, so the shell can skip a re-render.
pub fn reduce(state: &State, action: Action, env: Env<'_>) -> Option<State> {
    step(state, None, action, env).map(|stepped| stepped.state)
}

/// The state after an action, with the view of its open draft derived once.
#[derive(Debug, Clone)]
pub struct Stepped {
    pub state: State,
    /// What the pages of the open draft show; `None` when no draft is open.
    pub view: Option<Derived>,
}

/// Applies an action and derives the view of the open draft once, reusing `view` (the view of
/// `state`'s open draft, when the shell holds one) for what the action did not change. Returns
/// `None` when nothing changed: the state and its view stay as they are.
pub fn step(state: &State, view: Option<&Derived>, action: Action, env: Env<'_>) -> Option<Stepped> {
    let mut next = state.clone();
    let edited = apply(&mut next, state, view, action, env)?;
    let next_view = view_after(state, view, &next, env);
    if edited {
        let before = state.application();
        if let Some(application) = next.application_mut() {
            if let Some(before) = before {
                application.note_changes(before, env.now_ms);
            }
            application.updated_ms = env.now_ms;
            // What the plan asks now, from the plan just made for the view.
            if let (true, Some(Ok(view))) = (application.on_catalog(env.catalog), &next_view) {
                if !application.seen.as_ref().is_some_and(|seen| seen.is_of(env.catalog, view.plan())) {
                    application.seen = Some(Rc::new(Snapshot::of(env.catalog, view.plan())));
                }
            }
        }
    }
    (next != *state).then_some(Stepped { state: next, view: next_view })
}

/// The view of `next`'s open draft: `view` again when the draft's answers and materials are
/// those of `state`'s, its form again when only the materials changed, else a new one.
fn view_after(state: &State, view: Option<&Derived>, next: &State, env: Env<'_>) -> Option<Derived> {
    let application = next.application()?;
    let before =
        state.application().filter(|before| before.id == application.id && before.bundle == application.bundle);
    Some(match (view, before) {
        (Some(view), Some(before)) if before.answers == application.answers => match view {
            Ok(view) if before.provisions != application.provisions => {
                Ok(Rc::new(view.with_provisions(env.catalog, &application.provisions, env.today)))
            }
            same => same.clone(),
        },
        // The answers changed: only those that changed are parsed again.
        (Some(Ok(view)), Some(before)) => application.view_after((view, before), env.catalog, env.today).map(Rc::new),
        _ => application.view(env.catalog, env.today).map(Rc::new),
    })
}

/// Applies an action to `next` (a copy of `state`). Returns whether the open draft's content
/// was edited, or `None` when the action changes nothing.
fn apply(next: &mut State, state: &State, view: Option<&Derived>, action: Action, env: Env<'_>) -> Option<bool> {
    next.address_refused = 0;
    let mut edited = false;
    match action {
        Action::Visit { draft, page } => {
            let (open, landed) = landing(state, draft.as_ref(), &page, env);
            if (open.as_ref(), &landed) != (draft.as_ref(), &page) {
                next.address_refused = state.address_refused.saturating_add(1);
            }
            next.open = open;
            if let Some(application) = next.application_mut() {
                move_to(application, landed.clone());
            }
            next.page = landed;
        }
        Action::SetLang(lang) => next.lang = lang,
        Action::SetElder(step) => next.elder = step.min(state::ELDER_STEPS),
        Action::SetHelper(helper) => next.helper = helper,
        Action::StartDraft(bundle) => {
            env.catalog.bundle(&bundle)?;
            let id = new_draft_id(next, env.now_ms);
            let mut draft = Application::new(id.clone(), bundle, &env.catalog.version, env.now_ms);
            next.helper.iter().for_each(|helper| draft.helped_by(helper, env.catalog));
            draft.move_to_catalog(env.catalog);
            draft.page = journey::first_page(&draft.plan(env.catalog, env.today).ok()?);
            draft.refresh_snapshot(env.catalog, env.today);
            next.page = draft.page.clone();
            next.drafts.push(Rc::new(draft));
            next.open = Some(id);
        }
        Action::Import(draft) => {
            env.catalog.bundle(&draft.bundle)?;
            let id = new_draft_id(next, env.now_ms);
            let mut draft = *draft;
            draft.id = id.clone();
            draft.updated_ms = env.now_ms;
            draft.page = Page::Tasks;
            draft.refresh_snapshot(env.catalog, env.today);
            next.page = draft.page.clone();
            next.drafts.push(Rc::new(draft));
            next.open = Some(id);
        }
        Action::OpenDraft(id) => {
            let draft = next.draft(&id)?;
            // A draft of a bundle the catalog in use no longer has cannot be planned; it stays
            // saved (the home page says why) until that catalog is back or it is deleted.
            env.catalog.bundle(&draft.bundle)?;
            let page = draft.page.clone();
            next.open = Some(id);
            next.page = page;
        }
        Action::DeleteDraft(id) => {
            next.drafts.retain(|draft| draft.id != id);
            next.deleted.insert(id.clone());
            if next.open.as_ref() == Some(&id) {
                next.open = None;
                next.page = Page::Home;
            }
        }
        Action::GoTo(page) => {
            if page.needs_application() {
                match next.application_mut() {
                    Some(application) => move_to(application, page.clone()),
                    None => {
                        next.page = Page::Home;
                        return Some(false);
                    }
                }
            } else {
                next.open = None;
            }
            next.page = page;
        }
        Action::Answer { field, value } => {
            let application = next.application_mut()?;
            if application.answer(&field) == value {
                return None;
            }
            if value.is_empty() {
                application.answers.remove(&field);
            } else {
                application.answers.insert(field, value);
            }
            edited = true;
        }
        Action::LeaveField(field) => {
            let application = next.application_mut()?;
            // A code typed in full-width digits or with spaces is shown, once left, as it will
            // be exported (issue 14): the valid answer in its canonical spelling.
            let shown = application.answer(&field);
            let normalised = env
                .catalog
                .field(&field)
                .filter(|definition| definition.kind.is_code())
                .and_then(|definition| crate::validate::canonical(definition, shown, env.today))
                .filter(|canonical| canonical != shown);
            if let Some(canonical) = normalised {
                application.answers.insert(field.clone(), canonical);
                edited = true;
            }
            application.visited.insert(field);
        }
        Action::Provide { material, provision } => edited = next.application_mut()?.provide(material, provision),
        Action::Attach { material, attachment, replacing } => {
            next.application_mut()?.attach(material, attachment, replacing);
            edited = true;
        }
        Action::Detach { material, file } => edited = next.application_mut()?.detach(&material, &file),
        Action::ChangeSituation(question) => {
            let mut fresh = None;
            let view = current_view(view, next, env, &mut fresh)?;
            let application = next.application_mut()?;
            application.walk = Some(Walk::before(view.plan()));
            let page = Page::Question(question);
            move_to(application, page.clone());
            next.page = page;
        }
        Action::Adopt(saved) => {
            *next = merge::merge(state, &saved, env);
            next.address_refused = 0;
        }
        Action::AcceptCatalog => {
            let application = next.application_mut()?;
            if application.on_catalog(env.catalog) {
                return None;
            }
            application.move_to_catalog(env.catalog);
            application.changed.catalog = Changed::next(Some(&application.changed.catalog), env.now_ms);
            // The answers are the same: the plan of the view on screen is the new catalog's.
            let mut fresh = None;
            if let Some(view) = current_view(view, next, env, &mut fresh) {
                let snapshot = Snapshot::of(env.catalog, view.plan());
                next.application_mut()?.seen = Some(Rc::new(snapshot));
            }
        }
        Action::Continue => {
            let mut fresh = None;
            let view = current_view(view, next, env, &mut fresh)?;
            let plan = view.plan();
            let application = next.application_mut()?;
            if page_errors(application, view, plan) {
                application.show_all_errors = true;
                next.failed_continues += 1;
            } else {
                let page = next_page(application, view, plan);
                move_to(application, page.clone());
                next.page = page;
            }
        }
    }
    Some(edited)
}

/// The view of the draft on screen, whose answers an action has not changed yet: the one the
/// shell holds, or one made now into `fresh` when it holds none. `None` when no draft is open
/// or it cannot be planned.
fn current_view<'v>(
    view: Option<&'v Derived>,
    next: &State,
    env: Env<'_>,
    fresh: &'v mut Option<DraftView>,
) -> Option<&'v DraftView> {
    match view {
        Some(view) => view.as_deref().ok(),
        None => {
            *fresh = next.application()?.view(env.catalog, env.today).ok();
            fresh.as_ref()
        }
    }
}

/// Shows `page` of a draft: errors wait for the next continue there, and a page leaving the
/// walk's way ends the walk.
fn move_to(application: &mut Application, page: Page) {
    if application.page != page {
        application.show_all_errors = false;
    }
    if let Some(walk) = application.walk.as_mut() {
        if !walk.shown.contains(&application.page) {
            walk.shown.push(application.page.clone());
        }
        if matches!(page, Page::Review | Page::Home | Page::Tasks | Page::Notice) {
            application.walk = None;
        }
    }
    application.page = page;
}

/// Whether the page on screen has answers missing or wrong.
fn page_errors(application: &Application, view: &DraftView, plan: &Plan) -> bool {
    match &application.page {
        Page::Question(question) => {
            let field = plan.questions.iter().find(|q| &q.field.id == question);
            field.is_some_and(|q| !q.answered)
        }
        Page::Section(section) => !view.section_errors(section).is_empty(),
        _ => false,
    }
}

/// Where continuing leads from the page on screen.
fn next_page(application: &Application, view: &DraftView, plan: &Plan) -> Page {
    if let Some(walk) = &application.walk {
        let mut walk = walk.clone();
        walk.shown.push(application.page.clone());
        return walk.next(plan);
    }
    match &application.page {
        Page::Question(question) => journey::after_question(plan, question),
        Page::Notice => Page::Tasks,
        Page::Section(section) => view.after_section(section),
        Page::Tasks => Page::Materials,
        Page::Materials => Page::Review,
        Page::Review => Page::Review,
        Page::Home => Page::Home,
    }
}

/// A new draft's id: the start time in hexadecimal, with a suffix if two start in the same
/// millisecond.
fn new_draft_id(state: &State, now_ms: u64) -> DraftId {
    let base = format!("d{now_ms:x}");
    let mut id = DraftId::new(base.clone());
    let mut n = 2;
    while state.draft(&id).is_some() {
        id = DraftId::new(format!("{base}-{n}"));
        n += 1;
    }
    id
}

#[cfg(test)]
use crate::validate::FieldError;

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
