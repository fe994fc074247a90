//! The pure domain core of 一表通 (Yibiao): everything that decides what an applicant must fill in
//! and bring, with no browser, clock, storage or randomness in it.
//!
//! The app (the Yew shell) renders what this crate computes and dispatches [`session::Action`]s
//! to [`session::reduce`]; the shell supplies today's date and stores the [`draft`] it is given.

#![warn(missing_debug_implementations)]

/// Declares the modules that read untrusted input (catalog files, the conditions and patterns
/// in them, every typed answer). A panic in the browser kills the page, so in them nothing may
/// index, slice or count past an end, unwrap or panic: one list of lints for all of them, held
/// by clippy in `cargo xtask test`.
macro_rules! untrusted_input {
    ($($(#[$attr:meta])* $vis:vis mod $name:ident;)*) => {
        $(
            $(#[$attr])*
            #[deny(
                clippy::indexing_slicing,
                clippy::string_slice,
                clippy::arithmetic_side_effects,
                clippy::expect_used,
                clippy::unwrap_used,
                clippy::panic,
                clippy::unreachable
            )]
            $vis mod $name;
        )*
    };
}

untrusted_input! {
    pub mod cond;
    pub mod pattern;
    pub mod validate;
    pub mod value;
}

pub mod attachment;
pub mod calendar;
pub mod catalog;
pub mod catalog_change;
pub mod date;
pub mod decimal;
#[cfg(test)]
pub(crate) mod demo;
pub mod draft;
pub mod field_kind;
#[cfg(test)]
pub(crate) mod fixture;
pub mod helper;
pub mod ids;
pub mod journey;
pub mod json;
pub mod kiosk;
pub mod packet;
pub mod plan;
pub mod provision;
pub mod search;
pub mod session;
pub mod sorted;
pub mod sorted_map;
pub mod text;
pub mod verdict;
pub mod view;

pub use catalog::{Bundle, BundleId, Catalog, Field, FieldId, FieldKind, Item, ItemId, Material, MaterialId};
pub use date::Date;
pub use plan::Plan;
pub use text::{Lang, Text};
