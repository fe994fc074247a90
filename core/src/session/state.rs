//! The state of the app (what is saved and what the screen shows): every draft on the device,
//! the one open, the page on screen, and the drafts deleted here.

use crate::sorted_map::SortedSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{Application, DraftId, Page};
use crate::text::Lang;

/// Everything the screen shows, and what is saved: the drafts side by side, which one is open
/// and the page on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct State {
    pub lang: Lang,
    /// The text size (长辈版): 0 for the standard version, 1 to [`ELDER_STEPS`] for the elder
    /// version's larger steps. Like the language, each tab keeps its own.
    #[serde(default, skip_serializing_if = "is_standard")]
    pub elder: u8,
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
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub deleted: SortedSet<DraftId>,
    /// Someone helping the applicant (帮办代办): each draft started records them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<crate::helper::Helper>,
}

/// The elder version's text steps (24, 28 and 32 px body text at the browser's default size).
pub const ELDER_STEPS: u8 = 3;

fn is_standard(elder: &u8) -> bool {
    *elder == 0
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
    pub(super) fn application_mut(&mut self) -> Option<&mut Application> {
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
        crate::sorted::insertion_sort_by_key(&mut drafts, |draft| {
            std::cmp::Reverse((draft.updated_ms, draft.created_ms))
        });
        drafts
    }
}
