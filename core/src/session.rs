//! The application state (办理进度) and its reducer. The shell dispatches [`Action`]s, stores
//! the result and renders it; nothing here touches a browser.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{BundleId, Catalog, FieldId};
use crate::date::Date;
use crate::plan::{field_errors, Plan, PlanError};
use crate::text::Lang;
use crate::validate::FieldError;

/// The screen the applicant is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// Choose a bundle (首页).
    #[default]
    Home,
    /// The combined form (一表填报).
    Form,
    /// The one-time checklist (一次性告知材料清单).
    Checklist,
    /// Loading a catalog file (加载目录，管理员用).
    CatalogFile,
}

impl Page {
    /// Pages that show an application; without one they fall back to the home page.
    pub fn needs_application(self) -> bool {
        matches!(self, Page::Form | Page::Checklist)
    }
}

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
    /// Set once the applicant tried to continue: every error shows, with a summary.
    #[serde(default)]
    pub show_all_errors: bool,
}

fn default_draft_page() -> Page {
    Page::Form
}

impl Application {
    pub fn new(id: DraftId, bundle: BundleId, catalog_version: &str, now_ms: u64) -> Self {
        Application {
            id,
            bundle,
            catalog_version: catalog_version.to_owned(),
            created_ms: now_ms,
            updated_ms: now_ms,
            page: Page::Form,
            answers: BTreeMap::new(),
            visited: BTreeSet::new(),
            show_all_errors: false,
        }
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
            .filter(|id| !self.answer(id).trim().is_empty())
            .collect();
        names.sort_by_key(|id| section_rank(id));
        names.first().map(|id| self.answer(id).trim())
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
    pub drafts: Vec<Application>,
    /// The draft on screen, if a page of one is shown.
    #[serde(default)]
    pub open: Option<DraftId>,
    /// Counts failed attempts to continue, so the shell can move focus to the error summary
    /// each time, even when the errors are the same.
    #[serde(default)]
    pub failed_continues: u32,
}

impl State {
    /// The draft on screen.
    pub fn application(&self) -> Option<&Application> {
        let open = self.open.as_ref()?;
        self.drafts.iter().find(|draft| &draft.id == open)
    }

    fn application_mut(&mut self) -> Option<&mut Application> {
        let open = self.open.clone()?;
        self.drafts.iter_mut().find(|draft| draft.id == open)
    }

    pub fn draft(&self, id: &DraftId) -> Option<&Application> {
        self.drafts.iter().find(|draft| &draft.id == id)
    }

    /// The drafts, the most recently changed first, for the home page.
    pub fn recent_drafts(&self) -> Vec<&Application> {
        let mut drafts: Vec<&Application> = self.drafts.iter().collect();
        drafts.sort_by(|a, b| b.updated_ms.cmp(&a.updated_ms).then_with(|| b.created_ms.cmp(&a.created_ms)));
        drafts
    }
}

/// What the applicant did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; nothing else changes.
    SetLang(Lang),
    /// Start a new draft for a bundle, beside any others, on its form.
    StartDraft(BundleId),
    /// Open a draft where the applicant left it.
    OpenDraft(DraftId),
    /// Delete a draft for good (the home page asks first).
    DeleteDraft(DraftId),
    /// Show another page. Pages that need a draft fall back to the home page.
    GoTo(Page),
    /// The value of a field changed.
    Answer { field: FieldId, value: String },
    /// The applicant left a field.
    LeaveField(FieldId),
    /// Continue from the form: to the checklist when it is complete, else show every error.
    Continue,
}

/// What the reducer needs to know besides the state.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub catalog: &'a Catalog,
    pub today: Date,
    /// The time of the action, in milliseconds since 1970, from the device clock.
    pub now_ms: u64,
}

/// Applies an action. Returns `None` when nothing changed, so the shell can skip a re-render.
pub fn reduce(state: &State, action: Action, env: Env<'_>) -> Option<State> {
    let mut next = state.clone();
    let mut edited = false;
    match action {
        Action::SetLang(lang) => next.lang = lang,
        Action::StartDraft(bundle) => {
            env.catalog.bundle(&bundle)?;
            let id = new_draft_id(&next, env.now_ms);
            next.drafts.push(Application::new(id.clone(), bundle, &env.catalog.version, env.now_ms));
            next.open = Some(id);
            next.page = Page::Form;
        }
        Action::OpenDraft(id) => {
            let page = next.draft(&id)?.page;
            next.open = Some(id);
            next.page = page;
        }
        Action::DeleteDraft(id) => {
            next.drafts.retain(|draft| draft.id != id);
            if next.open.as_ref() == Some(&id) {
                next.open = None;
                next.page = Page::Home;
            }
        }
        Action::GoTo(page) => {
            if page.needs_application() {
                match next.application_mut() {
                    Some(application) => application.page = page,
                    None => {
                        next.page = Page::Home;
                        return (next != *state).then_some(next);
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
        Action::Continue => {
            let application = next.application_mut()?;
            let plan = application.plan(env.catalog, env.today).ok()?;
            if application.errors(env.catalog, &plan, env.today).is_empty() {
                application.show_all_errors = false;
                application.page = Page::Checklist;
                next.page = Page::Checklist;
            } else {
                application.show_all_errors = true;
                next.failed_continues += 1;
            }
        }
    }
    if edited {
        if let Some(application) = next.application_mut() {
            application.updated_ms = env.now_ms;
        }
    }
    (next != *state).then_some(next)
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
