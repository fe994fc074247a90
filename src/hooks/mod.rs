//! Hooks: state and effects that components share, and the app's effects, one concern each
//! (saving the drafts, cleaning up files, other tabs, the address).

mod use_address;
mod use_effect_on;
mod use_file_cleanup;
mod use_kept;
mod use_offline_catalog;
mod use_other_tabs;
mod use_page_heading;
mod use_pieces;
mod use_saving;

use yew::prelude::*;

use crate::notice::Notice;

pub use use_address::use_address;
pub use use_effect_on::use_effect_on;
pub use use_file_cleanup::use_file_cleanup;
pub use use_kept::{use_kept, Kept};
pub use use_offline_catalog::use_offline_catalog;
pub use use_other_tabs::use_other_tabs;
pub use use_page_heading::use_page_heading;
pub use use_pieces::{use_pieces, PieceStatus, Pieces};
pub use use_saving::use_saving;

/// Says, once, that this tab stopped saving because another saved what it cannot read; what
/// was kept aside joins the shelf.
fn say_halted(notice: &Kept<Option<Notice>>, shelf_changed: &Callback<()>, kept_aside: bool) {
    let said = Notice::OtherTabUnreadable { kept_aside };
    if **notice != Some(said.clone()) {
        notice.set(Some(said));
        shelf_changed.emit(());
    }
}
