//! One application in progress (草稿): a bundle, what has been typed for it, how each material
//! is provided, and when each part last changed; what it can tell of itself (its plan and view,
//! its name on the home page, which error shows now) and the changes to its materials.

use crate::sorted_map::{SortedMap, SortedSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::Page;
use crate::attachment::Attachment;
use crate::catalog::{BundleId, Catalog, FieldId, FieldKind, MaterialId};
use crate::catalog_change::{self, CatalogChange, Snapshot};
use crate::date::Date;
use crate::journey::Walk;
use crate::plan::{field_errors, Plan, PlanError};
use crate::provision::{Provision, Provisions};
use crate::validate::FieldError;
use crate::view::DraftView;

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
    /// Its bundle's definition under that catalog (`Catalog::definitions`, the digest of the
    /// bundle's piece); empty for a draft from before these were recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    /// When it was started and last changed, in ms since 1970 (0: from before they were kept).
    #[serde(default)]
    pub created_ms: u64,
    #[serde(default)]
    pub updated_ms: u64,
    /// The page the applicant was last on in this draft.
    #[serde(default = "default_draft_page")]
    pub page: Page,
    pub answers: SortedMap<FieldId, String>,
    /// Fields the applicant has left at least once: their format errors may show.
    #[serde(default)]
    pub visited: SortedSet<FieldId>,
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
    pub attachments: SortedMap<String, Attachment>,
    /// The files of a material for which another way was chosen after attaching them: kept,
    /// so that choosing "attach" again brings them back.
    #[serde(default)]
    pub set_aside: SortedMap<MaterialId, Vec<String>>,
    /// Set while walking through what a changed situation answer brought in.
    #[serde(default)]
    pub walk: Option<Walk>,
    /// What the plan asked under the draft's catalog version, kept up to date with every change,
    /// so that a new catalog's changes can be reported.
    #[serde(default)]
    pub seen: Option<Rc<Snapshot>>,
    /// When each part was last changed, so that the copies two tabs hold merge part by part.
    #[serde(default, skip_serializing_if = "Changed::is_empty")]
    pub changed: Changed,
    /// Who helped prepare it (帮办代办), when someone did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<crate::helper::Helper>,
}

/// When each part of a draft was last changed (修改时间), in milliseconds since 1970 from the
/// device clock, each later than the one before it. Two tabs' copies of a draft merge part by
/// part, the later change winning: an answer, or how a material is provided, changed in one tab
/// never reverts another changed in the other. A part with no time was last changed before
/// times were kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Changed {
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub answers: SortedMap<FieldId, u64>,
    /// How a material is provided, and the files set aside for it, change together.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub materials: SortedMap<MaterialId, u64>,
    /// The catalog version the draft is on.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub catalog: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Changed {
    pub(crate) fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.materials.is_empty() && self.catalog == 0
    }

    /// The time of a change at `now_ms` to a part last changed at `before`: later than that
    /// even when the clock went back, so that the change wins over what it replaced.
    pub(crate) fn next(before: Option<&u64>, now_ms: u64) -> u64 {
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
            definition: String::new(),
            created_ms: now_ms,
            updated_ms: now_ms,
            page: Page::Tasks,
            answers: SortedMap::new(),
            visited: SortedSet::new(),
            show_all_errors: false,
            provisions: Provisions::new(),
            attachments: SortedMap::new(),
            set_aside: SortedMap::new(),
            walk: None,
            seen: None,
            changed: Changed::default(),
            helper: None,
        }
    }

    /// A draft just started while `helper` helps (帮办代办): it records them, and for an agent
    /// the answer that the application is by an agent and the agent's name, where the catalog
    /// asks them, so that the agent's fields and the power of attorney are planned.
    pub fn helped_by(&mut self, helper: &crate::helper::Helper, catalog: &Catalog) {
        use crate::helper::{AGENT_ID_NUMBER, AGENT_MOBILE, AGENT_NAME, BY_AGENT};
        self.helper = Some(helper.clone());
        if !helper.agent {
            return;
        }
        let given = [
            (BY_AGENT, crate::validate::YES),
            (AGENT_NAME, helper.name.trim()),
            (AGENT_ID_NUMBER, helper.id_number.trim()),
            (AGENT_MOBILE, helper.mobile.trim()),
        ];
        for (id, value) in
            given.into_iter().filter(|(id, value)| !value.is_empty() && catalog.field(&FieldId::new(id)).is_some())
        {
            self.answers.insert(FieldId::new(id), value.to_owned());
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
    pub(crate) fn note_changes(&mut self, before: &Application, now_ms: u64) {
        let Application { changed, answers, provisions, set_aside, .. } = self;
        let was = &before.changed;
        for field in crate::sorted::differing_keys(answers, &before.answers) {
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
    pub(crate) fn forget_unused_files(&mut self) {
        let Application { attachments, provisions, set_aside, .. } = self;
        attachments.retain(|id, _| {
            set_aside.values().flatten().chain(provisions.values().flat_map(Provision::files)).any(|used| used == id)
        });
    }

    /// Chooses how a material is provided (`None`: not chosen); whether that changed anything.
    /// Files attached before are set aside when another way is chosen, and come back when
    /// "attach" is chosen again.
    pub(crate) fn provide(&mut self, material: MaterialId, provision: Option<Provision>) -> bool {
        if self.provisions.get(&material) == provision.as_ref() {
            return false;
        }
        let before = match provision {
            Some(Provision::Attached { files }) if files.is_empty() => {
                let files = self.set_aside.remove(&material).unwrap_or_default();
                self.provisions.insert(material.clone(), Provision::Attached { files })
            }
            Some(provision) => self.provisions.insert(material.clone(), provision),
            None => self.provisions.remove(&material),
        };
        if let Some(Provision::Attached { files }) = before {
            if !files.is_empty() {
                self.set_aside.insert(material, files);
            }
        }
        self.forget_unused_files();
        true
    }

    /// Attaches a checked file for a material (or one already attached for another), in place
    /// of the file `replacing` when given; attaching chooses "attach", with its files so far or
    /// those set aside.
    pub(crate) fn attach(&mut self, material: MaterialId, attachment: Attachment, replacing: Option<String>) {
        let mut files = match self.provisions.remove(&material) {
            Some(Provision::Attached { files }) => files,
            _ => self.set_aside.remove(&material).unwrap_or_default(),
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
        self.provisions.insert(material, Provision::Attached { files });
        self.attachments.entry(id).or_insert(attachment);
        self.forget_unused_files();
    }

    /// Takes a file off a material; once no material uses it, it is forgotten. Whether the
    /// material had files attached.
    pub(crate) fn detach(&mut self, material: &MaterialId, file: &str) -> bool {
        let Some(Provision::Attached { files }) = self.provisions.get_mut(material) else {
            return false;
        };
        files.retain(|kept| kept != file);
        self.forget_unused_files();
        true
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
        DraftView::new(catalog, &self.bundle, &self.answers, &self.provisions, today, None)
    }

    /// Everything its pages show, following `earlier`'s view (the same draft before a change
    /// of its answers): only the answers that changed are parsed again.
    pub fn view_after(
        &self,
        earlier: (&DraftView, &Application),
        catalog: &Catalog,
        today: Date,
    ) -> Result<DraftView, PlanError> {
        let (view, before) = earlier;
        DraftView::new(catalog, &self.bundle, &self.answers, &self.provisions, today, Some((view, &before.answers)))
    }

    /// Whether the draft is on `catalog`: its bundle's definition there is the one the draft
    /// recorded (a new catalog that leaves this bundle as it was changes nothing for it), or,
    /// where either is not known, the catalog's version is the one it recorded.
    pub fn on_catalog(&self, catalog: &Catalog) -> bool {
        match catalog.definitions.get(&self.bundle) {
            Some(definition) if !self.definition.is_empty() => *definition == self.definition,
            _ => self.catalog_version == catalog.version,
        }
    }

    /// Records `catalog` as the one the draft is on: its version and its bundle's definition.
    pub(crate) fn move_to_catalog(&mut self, catalog: &Catalog) {
        self.catalog_version = catalog.version.clone();
        self.definition = catalog.definitions.get(&self.bundle).cloned().unwrap_or_default();
    }

    /// What the current catalog changes for this draft, when its bundle's definition (or, not
    /// known, the catalog's version) is another than the one it was made with.
    pub fn catalog_change(&self, catalog: &Catalog, today: Date) -> Option<CatalogChange> {
        if self.on_catalog(catalog) {
            return None;
        }
        let plan = self.plan(catalog, today).ok()?;
        // Without a snapshot (a draft from before they were kept), only the answers no longer
        // asked can be told.
        let before = self.seen.as_deref().cloned().unwrap_or_else(|| Snapshot {
            catalog_version: self.catalog_version.clone(),
            ..Snapshot::of(catalog, &plan)
        });
        Some(catalog_change::compare(&before, catalog, &plan, &self.answers))
    }

    /// Notes what the plan asks now, if the draft is on the current catalog.
    pub(crate) fn refresh_snapshot(&mut self, catalog: &Catalog, today: Date) {
        if self.on_catalog(catalog) {
            if let Ok(plan) = self.plan(catalog, today) {
                self.seen = Some(Rc::new(Snapshot::of(catalog, &plan)));
            }
        }
    }

    /// Who applies (drafts list, cover): the bundle's named applicant (the mother for a birth),
    /// else the first person's name answered in the sections' order (the retiree …).
    pub fn display_name(&self, catalog: &Catalog) -> Option<&str> {
        self.trimmed(self.applicant_field(catalog)?)
    }

    /// The applicant's ID number, asked in their name's section (`mother.id_number`).
    pub fn applicant_id_number(&self, catalog: &Catalog) -> Option<&str> {
        let section = self.applicant_field(catalog)?.section();
        self.trimmed(self.fields_of_kind(catalog, FieldKind::IdNumber).find(|id| id.section() == section)?)
    }

    /// `field`'s answer without the spaces round it, unless that leaves nothing.
    fn trimmed(&self, field: &FieldId) -> Option<&str> {
        Some(crate::validate::chars::trim_answer(self.answer(field))).filter(|answer| !answer.is_empty())
    }

    /// The bundle's answered fields of `kind`, in the order its items ask them.
    fn fields_of_kind<'a>(&'a self, catalog: &'a Catalog, kind: FieldKind) -> impl Iterator<Item = &'a FieldId> {
        let bundle = catalog.bundle(&self.bundle).into_iter();
        bundle
            .flat_map(|bundle| bundle.items.iter().filter_map(|entry| catalog.items.get(&entry.item)))
            .flat_map(|item| item.fields.iter().map(|field| &field.field))
            .filter(move |id| catalog.field(id).is_some_and(|field| field.kind == kind))
            .filter(|id| !crate::validate::is_blank_answer(self.answer(id)))
    }

    /// The field naming who applies: the bundle's, else the first name answered (sections' order).
    fn applicant_field<'a>(&'a self, catalog: &'a Catalog) -> Option<&'a FieldId> {
        let bundle = catalog.bundle(&self.bundle)?;
        if let Some(named) = &bundle.applicant {
            return Some(named);
        }
        let section_rank = |id: &FieldId| {
            catalog.sections.iter().position(|candidate| candidate.id == id.section()).unwrap_or(usize::MAX)
        };
        // No sort: one pass.
        self.fields_of_kind(catalog, FieldKind::PersonName).min_by_key(|id| (section_rank(id), *id))
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
