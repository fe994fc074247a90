//! Pages: one screen each, composed of components.

mod catalog;
mod home;
mod materials;
mod notice;
mod question;
mod review;
mod section;
mod tasks;

pub use catalog::CatalogPage;
pub use home::HomePage;
pub use materials::MaterialsPage;
pub use notice::NoticePage;
pub use question::QuestionPage;
pub use review::ReviewPage;
pub use section::SectionPage;
pub use tasks::TasksPage;
