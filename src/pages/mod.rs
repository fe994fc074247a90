//! Pages: one screen each, composed of components.

mod checklist;
mod form;
mod home;

pub use checklist::ChecklistPage;
pub use form::FormPage;
pub use home::HomePage;
