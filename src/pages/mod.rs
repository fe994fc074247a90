//! Pages: one screen each. Every page of a draft is the one frame (`frame.rs`) round a body
//! of its own; the home page stands alone.

mod catalog;
pub mod frame;
mod home;
mod intake;
mod materials;
mod notice;
mod question;
mod review;
mod section;
mod tasks;

pub use catalog::CatalogPage;
pub use frame::DraftPage;
pub use home::HomePage;
pub use materials::materials_body;
pub use notice::notice_body;
pub use question::question_body;
pub use review::review_body;
pub use section::section_body;
pub use tasks::tasks_body;
