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
    /// Saved drafts could not be opened. They were set aside, not deleted; or, when even that
    /// could not be done (the storage is full), they are kept where they are and nothing of
    /// this visit is `saving` over them.
    DraftUnreadable { what: Unreadable, saving: bool },
    /// Another tab saved drafts this version cannot read (a newer version is probably open
    /// elsewhere): this tab stopped saving. `kept_aside` when they could be copied aside.
    OtherTabUnreadable { kept_aside: bool },
    /// A catalog loaded on this device no longer checks clean; the built-in one is used.
    LoadedCatalogUnusable,
    /// The catalog's index could not be had: nothing can be started or opened.
    CatalogUnavailable(crate::catalog::PieceFailure),
    /// The hall's terminal configuration could not all be read; the kiosk runs with defaults.
    KioskConfiguration(yibiao_core::kiosk::KioskError),
}

/// What of the saved drafts could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// The whole document (damaged, foreign, or of a newer version).
    Document(DraftError),
    /// This many drafts in it; the others opened.
    Drafts(usize),
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::StorageFull => Ui::StorageFull.text(lang).to_owned(),
            Notice::StorageUnavailable => Ui::StorageUnavailable.text(lang).to_owned(),
            Notice::DraftUnreadable { what: Unreadable::Document(error), saving: true } => error.message(lang),
            Notice::DraftUnreadable { what: Unreadable::Document(error), saving: false } => {
                format!("{}{}", error.cause(lang), Ui::DraftKeptNotSaving.text(lang))
            }
            Notice::DraftUnreadable { what: Unreadable::Drafts(count), saving } => {
                crate::i18n::drafts_unreadable(lang, *count, *saving)
            }
            Notice::OtherTabUnreadable { kept_aside: true } => Ui::OtherTabUnreadable.text(lang).to_owned(),
            Notice::OtherTabUnreadable { kept_aside: false } => {
                format!("{}{}", Ui::OtherTabUnreadable.text(lang), Ui::OtherTabNotKept.text(lang))
            }
            Notice::LoadedCatalogUnusable => Ui::LoadedCatalogUnusable.text(lang).to_owned(),
            Notice::CatalogUnavailable(failure) => crate::i18n::piece_failure(lang, None, failure),
            Notice::KioskConfiguration(error) => error.message(lang),
        }
    }
}
