//! Components: one concern each, one public component per file.

mod answer_row;
mod attachment_panel;
mod back_link;
mod catalog_change;
pub mod confirm_delete;
mod draft_panel;
mod error_message;
mod error_summary;
pub mod file_picker;
mod help_panel;
mod helper_panel;
mod kiosk_guard;
mod masthead;
mod notice_banner;
mod open_packet;
mod packet_export;
mod read_aloud;
mod set_aside_panel;
mod skip_link;
mod unbroken;
mod verdict_panel;

pub use answer_row::AnswerRow;
pub use attachment_panel::{swallow_stray_drop, use_attachments, Attachments};
pub use back_link::{back_link, BackLink};
pub use catalog_change::catalog_change_panel;
pub use draft_panel::DraftPanel;
pub use error_message::error_message;
pub use error_summary::{error_summary, SummaryError};
pub use file_picker::FilePicker;
pub use help_panel::help_panel;
pub use helper_panel::{helper_panel, use_helper_form};
pub use kiosk_guard::KioskGuard;
pub use masthead::masthead;
pub use notice_banner::notice_banner;
pub use open_packet::{open_packet, use_open_packet};
pub use packet_export::packet_export;
pub use read_aloud::read_aloud;
pub use set_aside_panel::{set_aside_list, use_set_aside_list};
pub use skip_link::{skip_link, use_skip_link};
pub use unbroken::unbroken;
pub use verdict_panel::verdict_panel;

/// The DOM id of a material's first way of being provided (its group is named by its legend).
pub fn material_dom_id(material: &yibiao_core::MaterialId) -> String {
    format!("material-{material}")
}

/// The DOM id of a field's input: `applicant.id_number` becomes `field-applicant-id_number`.
pub fn field_dom_id(field: &yibiao_core::FieldId) -> String {
    format!("field-{}", field.as_str().replace('.', "-"))
}
