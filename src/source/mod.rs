//! Configuration, fetching and backend adapters.
//!
//! Everything here is pure and host-testable: the browser fetch loop only drives
//! the [`paging`] state machine and hands bodies to [`mapping`].

pub mod coerce;
pub mod config;
pub mod config_read;
pub mod demo_gen;
pub mod mapping;
pub mod native;
pub mod paging;
pub mod pointer;
pub mod presets;
pub mod rebase;
pub mod record;
pub mod records;
pub mod timestamp_shim;
pub mod url;
