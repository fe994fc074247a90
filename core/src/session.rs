//! The application state (办理进度) and its reducer. The shell dispatches [`Action`]s, stores
//! the result and renders it; nothing here touches a browser.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::attachment::Attachment;
use crate::catalog::{BundleId, Catalog, FieldId, MaterialId};
use crate::catalog_change::{self, CatalogChange, Snapshot};
use crate::date::Date;
/// The screen the applicant is on; it belongs to the journey (kept here by its old name).
pub use crate::journey::Page;
use crate::journey::{self, Walk};
use crate::plan::{field_errors, Plan, PlanError};
use crate::text::Lang;
use crate::validate::FieldError;
use crate::verdict::{Provision, Provisions};
use crate::view::{Derived, DraftView};

pub mod merge;

/// Names one draft among several on the device (草稿编号); made from the time it was started.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DraftId(String);

impl DraftId {
    pub fn new(id: impl Into<String>) -> Self {
        DraftId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DraftId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One application in progress: a bundle and what has been typed for it (草稿).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: DraftId,
    pub bundle: BundleId,
    /// The catalog version the draft was made with (or last brought up to date with).
    pub catalog_version: String,
    /// When it was started and last changed, in milliseconds since 1970 (0 when not known,
    /// for drafts from before these were recorded).
    #[serde(default)]
    pub created_ms: u64,
    #[serde(default)]
    pub updated_ms: u64,
    /// The page the applicant was last on in this draft.
    #[serde(default = "default_draft_page")]
    pub page: Page,
    pub answers: BTreeMap<FieldId, String>,
    /// Fields the applicant has left at least once: their format errors may show.
    #[serde(default)]
    pub visited: BTreeSet<FieldId>,
    /// Set once the applicant tried to continue on this page: every error shows, with a
    /// summary. Cleared when the page changes.
    #[serde(default)]
    pub show_all_errors: bool,
    /// How each material is provided.
    #[serde(default)]
    pub provisions: Provisions,
    /// The files attached to this draft, by id. Each is attached for at least one material,
    /// or set aside for one (below); a file nothing refers to is forgotten.
    #[serde(default)]
    pub attachments: BTreeMap<String, Attachment>,
    /// The files of a material for which another way was chosen after attaching them: kept,
    /// so that choosing "attach" again brings them back.
    #[serde(default)]
    pub set_aside: BTreeMap<MaterialId, Vec<String>>,
    /// Set while walking through what a changed situation answer brought in.
    #[serde(default)]
    pub walk: Option<Walk>,
    /// What the plan asked under the draft's catalog version, kept up to date with every change,
    /// so that a new catalog's changes can be reported.
    #[serde(default)]
    pub seen: Option<Snapshot>,
    /// When each part was last changed, so that the copies two tabs hold merge part by part.
    #[serde(default, skip_serializing_if = "Changed::is_empty")]
    pub changed: Changed,
}

/// When each part of a draft was last changed (修改时间), in milliseconds since 1970 from the
/// device clock, each later than the one before it. Two tabs' copies of a draft merge part by
/// part, the later change winning: an answer, or how a material is provided, changed in one tab
/// never reverts another changed in the other. A part with no time was last changed before
/// times were kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Changed {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<FieldId, u64>,
    /// How a material is provided, and the files set aside for it, change together.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub materials: BTreeMap<MaterialId, u64>,
    /// The catalog version the draft is on.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub catalog: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Changed {
    fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.materials.is_empty() && self.catalog == 0
    }

    /// The time of a change at `now_ms` to a part last changed at `before`: later than that
    /// even when the clock went back, so that the change wins over what it replaced.
    fn next(before: Option<&u64>, now_ms: u64) -> u64 {
        now_ms.max(before.map_or(0, |before| before.saturating_add(1)))
    }
}

fn default_draft_page() -> Page {
    Page::Tasks
}

impl Application {
    pub fn new(id: DraftId, bundle: BundleId, catalog_version: &str, now_ms: u64) -> Self {
        Application {
            id,
            bundle,
            catalog_version: catalog_version.to_owned(),
            created_ms: now_ms,
            updated_ms: now_ms,
            page: Page::Tasks,
            answers: BTreeMap::new(),
            visited: BTreeSet::new(),
            show_all_errors: false,
            provisions: Provisions::new(),
            attachments: BTreeMap::new(),
            set_aside: BTreeMap::new(),
            walk: None,
            seen: None,
            changed: Changed::default(),
        }
    }

    /// The files attached for `material`, in the order attached.
    pub fn files_of(&self, material: &MaterialId) -> Vec<&Attachment> {
        match self.provisions.get(material) {
            Some(Provision::Attached { files }) => files.iter().filter_map(|id| self.attachments.get(id)).collect(),
            _ => Vec::new(),
        }
    }

    /// Notes the time of every part that differs from `before`: each answer, and how each
    /// material is provided with its files set aside. Each time follows the one `before` had,
    /// so that noting a part twice notes it alike.
    fn note_changes(&mut self, before: &Application, now_ms: u64) {
        let Application { changed, answers, provisions, set_aside, .. } = self;
        let was = &before.changed;
        let fields = answers.keys().chain(before.answers.keys());
        for field in fields.filter(|field| answers.get(*field) != before.answers.get(*field)) {
            changed.answers.insert(field.clone(), Changed::next(was.answers.get(field), now_ms));
        }
        let materials =
            provisions.keys().chain(set_aside.keys()).chain(before.provisions.keys()).chain(before.set_aside.keys());
        let differs = |material: &&MaterialId| {
            provisions.get(*material) != before.provisions.get(*material)
                || set_aside.get(*material) != before.set_aside.get(*material)
        };
        for material in materials.filter(differs) {
            changed.materials.insert(material.clone(), Changed::next(was.materials.get(material), now_ms));
        }
    }

    /// Forgets the files that no material refers to any more.
    fn forget_unused_files(&mut self) {
        let Application { attachments, provisions, set_aside, .. } = self;
        attachments.retain(|id, _| {
            set_aside.values().flatten().chain(provisions.values().flat_map(Provision::files)).any(|used| used == id)
        });
    }

    pub fn answer(&self, field: &FieldId) -> &str {
        self.answers.get(field).map(String::as_str).unwrap_or_default()
    }

    /// Every error of the form, in form order, whether shown yet or not.
    pub fn errors(&self, catalog: &Catalog, plan: &Plan, today: Date) -> Vec<(FieldId, FieldError)> {
        field_errors(catalog, plan, &self.answers, today)
    }

    /// The plan for this application's answers.
    pub fn plan(&self, catalog: &Catalog, today: Date) -> Result<Plan, PlanError> {
        Plan::new(catalog, &self.bundle, &self.answers, today)
    }

    /// Everything its pages show, derived from scratch.
    pub fn view(&self, catalog: &Catalog, today: Date) -> Result<DraftView, PlanError> {
        DraftView::new(catalog, &self.bundle, &self.answers, &self.provisions, today)
    }

    /// What the current catalog changes for this draft, when it was made with another version.
    pub fn catalog_change(&self, catalog: &Catalog, today: Date) -> Option<CatalogChange> {
        if self.catalog_version == catalog.version {
            return None;
        }
        let plan = self.plan(catalog, today).ok()?;
        // Without a snapshot (a draft from before they were kept), only the answers no longer
        // asked can be told.
        let before = self.seen.clone().unwrap_or_else(|| Snapshot {
            catalog_version: self.catalog_version.clone(),
            ..Snapshot::of(catalog, &plan)
        });
        Some(catalog_change::compare(&before, catalog, &plan, &self.answers))
    }

    /// Notes what the plan asks now, if the draft is on the current catalog.
    fn refresh_snapshot(&mut self, catalog: &Catalog, today: Date) {
        if self.catalog_version == catalog.version {
            if let Ok(plan) = self.plan(catalog, today) {
                self.seen = Some(Snapshot::of(catalog, &plan));
            }
        }
    }

    /// A name to tell drafts apart on the home page: the first person's name answered, in the
    /// order the catalog's sections ask them (the applicant, the retiree, the baby …).
    pub fn display_name(&self, catalog: &Catalog) -> Option<&str> {
        let bundle = catalog.bundle(&self.bundle)?;
        let asked: BTreeSet<&FieldId> = bundle
            .items
            .iter()
            .filter_map(|entry| catalog.items.get(&entry.item))
            .flat_map(|item| item.fields.iter().map(|field| &field.field))
            .collect();
        let section_rank = |id: &FieldId| {
            let section = id.as_str().split('.').next().unwrap_or_default();
            catalog.sections.iter().position(|candidate| candidate.id == section).unwrap_or(usize::MAX)
        };
        let mut names: Vec<&FieldId> = asked
            .into_iter()
            .filter(|id| catalog.field(id).is_some_and(|field| field.kind == crate::catalog::FieldKind::PersonName))
            .filter(|id| !crate::validate::is_blank_answer(self.answer(id)))
            .collect();
        names.sort_by_key(|id| section_rank(id));
        names.first().map(|id| crate::validate::chars::trim_answer(self.answer(id)))
    }

    /// The error to show beside a field now, following the rule "never while typing": an
    /// unfinished value (too short, empty) waits until the applicant leaves the field, and an
    /// empty one until they continue; an error that more typing cannot fix shows at once.
    pub fn visible_error(&self, error: &FieldError, field: &FieldId) -> bool {
        if self.show_all_errors {
            return true;
        }
        match error {
            FieldError::Required => false,
            other if other.is_incomplete() => self.visited.contains(field),
            _ => true,
        }
    }
}

/// Everything the screen shows, and what is saved: the drafts side by side, which one is open
/// and the page on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct State {
    pub lang: Lang,
    pub page: Page,
    /// Every draft on this device, in the order they were started.
    #[serde(default)]
    pub drafts: Vec<Rc<Application>>,
    /// The draft on screen, if a page of one is shown.
    #[serde(default)]
    pub open: Option<DraftId>,
    /// Counts failed attempts to continue, so the shell can move focus to the error summary
    /// each time, even when the errors are the same.
    #[serde(default)]
    pub failed_continues: u32,
    /// Counts the addresses visited in a row that named a draft or a page that is not here
    /// (0 once anything else happens), so the shell says where the applicant landed instead
    /// and puts the address right each time. Never saved.
    #[serde(skip)]
    pub address_refused: u32,
    /// The drafts deleted on this device, so that a tab still holding one never brings it back.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub deleted: BTreeSet<DraftId>,
}

impl State {
    /// The draft on screen.
    pub fn application(&self) -> Option<&Application> {
        self.open_draft().map(Rc::as_ref)
    }

    /// The draft on screen, shared: pages hold it without copying it.
    pub fn open_draft(&self) -> Option<&Rc<Application>> {
        let open = self.open.as_ref()?;
        self.drafts.iter().find(|draft| &draft.id == open)
    }

    /// The draft on screen, to change: copied first if another state shares it.
    fn application_mut(&mut self) -> Option<&mut Application> {
        let open = self.open.clone()?;
        self.drafts.iter_mut().find(|draft| draft.id == open).map(Rc::make_mut)
    }

    pub fn draft(&self, id: &DraftId) -> Option<&Application> {
        self.drafts.iter().find(|draft| &draft.id == id).map(Rc::as_ref)
    }

    /// The ids of every file any draft holds: the shell keeps these bytes and deletes others.
    pub fn file_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for id in self.drafts.iter().flat_map(|draft| draft.attachments.keys()) {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }

    /// The drafts, the most recently changed first, for the home page.
    pub fn recent_drafts(&self) -> Vec<&Application> {
        let mut drafts: Vec<&Application> = self.drafts.iter().map(Rc::as_ref).collect();
        drafts.sort_by(|a, b| b.updated_ms.cmp(&a.updated_ms).then_with(|| b.created_ms.cmp(&a.created_ms)));
        drafts
    }
}

/// What the applicant did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; nothing else changes.
    SetLang(Lang),
    /// Start a new draft for a bundle, beside any others, at its first question.
    StartDraft(BundleId),
    /// Open a draft where the applicant left it.
    OpenDraft(DraftId),
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
            if let (true, Some(Ok(view))) = (application.catalog_version == env.catalog.version, &next_view) {
                application.seen = Some(Snapshot::of(env.catalog, view.plan()));
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
        Action::StartDraft(bundle) => {
            env.catalog.bundle(&bundle)?;
            let id = new_draft_id(next, env.now_ms);
            let mut draft = Application::new(id.clone(), bundle, &env.catalog.version, env.now_ms);
            draft.page = journey::first_page(&draft.plan(env.catalog, env.today).ok()?);
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
            application.visited.insert(field);
        }
        Action::Provide { material, provision } => {
            let application = next.application_mut()?;
            if application.provisions.get(&material) == provision.as_ref() {
                return None;
            }
            let before = match provision {
                Some(Provision::Attached { files }) if files.is_empty() => {
                    let files = application.set_aside.remove(&material).unwrap_or_default();
                    application.provisions.insert(material.clone(), Provision::Attached { files })
                }
                Some(provision) => application.provisions.insert(material.clone(), provision),
                None => application.provisions.remove(&material),
            };
            if let Some(Provision::Attached { files }) = before {
                if !files.is_empty() {
                    application.set_aside.insert(material, files);
                }
            }
            application.forget_unused_files();
            edited = true;
        }
        Action::Attach { material, attachment, replacing } => {
            let application = next.application_mut()?;
            // Attaching chooses "attach": its files so far, or those set aside.
            let mut files = match application.provisions.remove(&material) {
                Some(Provision::Attached { files }) => files,
                _ => application.set_aside.remove(&material).unwrap_or_default(),
            };
            let id = attachment.id.clone();
            let already = files.contains(&id);
            match replacing.and_then(|old| files.iter().position(|file| *file == old)) {
                // Replaced by a file already in the list: the old one just goes.
                Some(at) if already => {
                    files.remove(at);
                }
                Some(at) => files[at] = id.clone(),
                None if !already => files.push(id.clone()),
                None => {}
            }
            application.provisions.insert(material, Provision::Attached { files });
            application.attachments.entry(id).or_insert(attachment);
            application.forget_unused_files();
            edited = true;
        }
        Action::Detach { material, file } => {
            let application = next.application_mut()?;
            let Some(Provision::Attached { files }) = application.provisions.get_mut(&material) else {
                return None;
            };
            files.retain(|kept| *kept != file);
            application.forget_unused_files();
            edited = true;
        }
        Action::ChangeSituation(question) => {
            let application = next.application_mut()?;
            let plan = application.plan(env.catalog, env.today).ok()?;
            application.walk = Some(Walk::before(&plan));
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
            if application.catalog_version == env.catalog.version {
                return None;
            }
            application.catalog_version = env.catalog.version.clone();
            application.changed.catalog = Changed::next(Some(&application.changed.catalog), env.now_ms);
            application.refresh_snapshot(env.catalog, env.today);
        }
        Action::Continue => {
            let fresh;
            let view = match view {
                Some(view) => view.as_deref().ok()?,
                None => {
                    fresh = next.application()?.view(env.catalog, env.today).ok()?;
                    &fresh
                }
            };
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
#[path = "session_tests.rs"]
mod tests;
