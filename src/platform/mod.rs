//! The only part of the app that touches the browser: storage (drafts, attached files, a loaded catalog), the clock,
//! the document and focus, history, downloads, picked files and images, timers and tasks, the crash page, the service worker and the whole app's module. Everything else is plain Rust.

pub mod catalog_store;
pub mod clock;
pub mod crash;
pub mod dom;
pub mod download;
pub mod durability;
pub mod fetch;
pub mod file_store;
pub mod files;
pub mod history;
mod idb;
pub mod kiosk;
pub mod packet_worker;
pub mod packets;
pub mod service_worker;
pub mod speech;
pub mod storage;
pub mod tasks;
pub mod timers;
pub mod whole_app;
