//! Hooks: state and effects that components share.

mod use_page_heading;

pub use use_page_heading::use_page_heading;
