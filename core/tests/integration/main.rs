//! The core's integration tests, in one binary: invariants of the crate, the shipped catalog,
//! and the checker command.

mod checker_command;
mod golden;
mod invariants;
mod journey;
mod shipped_catalog;
