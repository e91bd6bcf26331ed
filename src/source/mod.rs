//! Configuration, fetching and backend adapters.
//!
//! Nearly everything here is pure and host-testable: [`load`] and [`http`]
//! are the only parts that touch the network, and they only drive the
//! [`paging`] state machine and hand bodies to [`mapping`].

pub mod body;
pub mod body_text;
pub mod coerce;
pub mod config;
pub mod config_read;
pub mod cut_short_note;
pub mod demo_gen;
mod duplicate_keys;
pub mod error_body;
pub mod gather;
pub mod header;
pub mod http;
pub mod http_date;
pub mod item_scanner;
pub mod json_syntax;
pub mod link_header;
pub mod load;
pub mod mapping;
pub mod native;
pub mod native_decode;
pub mod native_stream;
pub mod paging;
pub mod pointer;
pub mod presets;
pub mod rebase;
pub mod record;
pub mod records;
pub mod retry;
pub mod row_problems;
pub mod token;
pub mod url;
pub mod withhold;
