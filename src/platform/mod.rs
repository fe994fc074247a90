//! The only part of the app that touches the browser: storage (drafts and attached files), the clock,
//! the document, history, downloads, picked files and images, timers, the crash page and the service worker. Everything else is plain Rust.

pub mod clock;
pub mod crash;
pub mod dom;
pub mod download;
pub mod file_store;
pub mod files;
pub mod history;
pub mod service_worker;
pub mod storage;
pub mod timers;
