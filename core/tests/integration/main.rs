//! The core's integration tests, in one binary: invariants of the crate, the shipped catalog,
//! and the checker command.

mod checker_command;
mod consistency;
mod golden;
mod invariants;
mod journey;
mod never_panics;
mod pieces;
mod shipped;
mod shipped_catalog;
