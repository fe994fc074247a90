//! Notices about the device rather than the application: storage trouble, a draft that could
//! not be opened. They stay until dismissed or resolved.

use yibiao_core::draft::DraftError;
use yibiao_core::Lang;

use crate::i18n::Ui;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The last change could not be saved: the storage is full.
    StorageFull,
    /// The browser keeps nothing: answers are lost when the page closes.
    StorageUnavailable,
    /// The saved draft could not be opened; it was set aside, not deleted.
    DraftUnreadable(DraftError),
    /// The saved draft could not be opened, and not even copied aside (the storage is full):
    /// it is kept where it is, so nothing of this visit is saved over it.
    DraftUnreadableNotSaving(DraftError),
    /// A catalog loaded on this device no longer checks clean; the built-in one is used.
    LoadedCatalogUnusable,
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::StorageFull => Ui::StorageFull.text(lang).to_owned(),
            Notice::StorageUnavailable => Ui::StorageUnavailable.text(lang).to_owned(),
            Notice::DraftUnreadable(error) => error.message(lang),
            Notice::DraftUnreadableNotSaving(error) => {
                format!("{}{}", error.cause(lang), Ui::DraftKeptNotSaving.text(lang))
            }
            Notice::LoadedCatalogUnusable => Ui::LoadedCatalogUnusable.text(lang).to_owned(),
        }
    }
}
