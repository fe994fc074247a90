//! The pure domain core of 一表通 (Yibiao): everything that decides what an applicant must fill in
//! and bring, with no browser, clock, storage or randomness in it.
//!
//! The app (the Yew shell) renders what this crate computes and dispatches [`session::Action`]s
//! to [`session::reduce`]; the shell supplies today's date and stores the [`draft`] it is given.

#![warn(missing_debug_implementations)]

pub mod attachment;
pub mod calendar;
pub mod catalog;
pub mod catalog_change;
pub mod cond;
pub mod date;
pub mod decimal;
#[cfg(test)]
pub(crate) mod demo;
pub mod draft;
pub mod export;
pub mod field_kind;
#[cfg(test)]
pub(crate) mod fixture;
pub mod ids;
pub mod journey;
pub mod pattern;
pub mod plan;
pub mod provision;
pub mod search;
pub mod session;
pub mod sorted;
pub mod text;
pub mod validate;
pub mod value;
pub mod verdict;
pub mod view;

pub use catalog::{Bundle, BundleId, Catalog, Field, FieldId, FieldKind, Item, ItemId, Material, MaterialId};
pub use date::Date;
pub use plan::Plan;
pub use text::{Lang, Text};
