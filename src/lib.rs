//! Patchboard: patch deployment progress and endpoint exemptions for patch operators.
//!
//! Data flows one way: [`source`] fetches and decodes, [`domain`] holds the
//! status and exemption logic as pure Rust, [`ui`] renders it with Leptos.

pub mod domain;
pub mod perf;
pub mod source;
pub mod ui;
