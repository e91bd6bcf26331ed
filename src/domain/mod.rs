//! The status and exemption logic shared by both pages.
//!
//! Pure Rust and serde only: no I/O, no clock (the current time is always a
//! parameter), no HTML. It builds and is tested on the host, and the same code
//! runs in the browser.

pub mod abridge;
pub mod asset;
pub mod csv;
pub mod decimal;
pub mod derive;
pub mod endpoint;
pub mod exemption;
pub mod fleet;
pub mod job;
pub mod message;
pub mod name_cut;
pub mod os;
pub mod partly_read;
pub mod phase;
pub mod progress;
pub mod reference;
pub mod run_choice;
pub mod shortlist;
pub mod status;
mod strict_serde;
pub mod table;
pub mod time;
pub mod view;
pub mod visible;
