//! Pages: one screen each, composed of components.

mod catalog;
mod checklist;
mod form;
mod home;

pub use catalog::CatalogPage;
pub use checklist::ChecklistPage;
pub use form::FormPage;
pub use home::HomePage;
