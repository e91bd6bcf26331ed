//! The configuration that tells Patchboard how to read a user's backend.
//!
//! It comes from `window.PATCHBOARD_CONFIG`, else `config.json` beside
//! index.html, else the embedded demo; never from the URL query, so a crafted
//! link cannot point the app at another server. Reading and validation live in
//! [`super::config_read`].

use super::pointer::Pointer;
use crate::domain::derive::DerivationPolicy;
use serde_json::Value;
use std::collections::BTreeMap;

/// A validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The bundled configuration this one was merged over, if any.
    pub preset: Option<String>,
    pub base_url: String,
    /// 0 turns automatic refresh off.
    pub refresh_seconds: u32,
    /// How long an unfinished asset may go without a status change before
    /// Job Progress counts it as stuck.
    pub stuck_after_hours: u32,
    /// What the Endpoint Exemptions page derives with (`wsus_report_max_days`,
    /// `missing_wsus_report_is_problem`).
    pub derivation: DerivationPolicy,
    /// Sent with every request; a resource's own headers win.
    pub headers: BTreeMap<String, String>,
    pub credentials: Credentials,
    pub resources: Resources,
}

/// The fetch `credentials` mode: whether cookies and HTTP auth go with requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credentials {
    Omit,
    SameOrigin,
    Include,
}

/// Their words for one field's values, each to ours, or to `None`: no value
/// (a backend's "N/A" or "-" for a fact it does not know).
pub type ValueWords = BTreeMap<String, Option<String>>;

/// Where each kind of record comes from. An unset resource means the page that
/// needs it has no source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resources {
    pub jobs: Option<Resource>,
    pub job_results: Option<Resource>,
    pub job_runs: Option<Resource>,
    pub endpoints: Option<Resource>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One backend endpoint and how to turn its responses into records.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// URL template; see [`super::url::Placeholder`].
    pub url: String,
    pub method: Method,
    /// JSON template sent as the request body (POST only).
    pub body: Option<Value>,
    pub headers: BTreeMap<String, String>,
    /// Where the array of items is in a response body; the empty pointer is the body itself.
    pub items: Pointer,
    /// Our field name to the pointers tried in order inside each item.
    pub fields: BTreeMap<String, Vec<Pointer>>,
    /// Our field name to a translation of their words into ours.
    pub values: BTreeMap<String, ValueWords>,
    pub paging: Paging,
    /// Stop after this many items, reporting that the limit was reached.
    pub max_items: usize,
    pub timeout_seconds: u32,
    /// The request names `{run_id}` (url, body or headers), so the backend
    /// can answer for a chosen run; otherwise it answers for the latest.
    pub per_run: bool,
    /// The request names `{cursor}`: a next_in_body token goes there. Without
    /// it, a next link that is not a full URL or a /path is one relative to
    /// the page's own address.
    pub names_cursor: bool,
    /// The fields the configuration maps itself, not through its preset: a
    /// pointer of one that finds nothing in any item is likely misspelt, and
    /// is reported (a preset's may meet a backend that leaves a field out).
    /// A list, not a set: a few names, and a set type of its own would cost
    /// the bundle more than its look-ups save.
    pub own_fields: Vec<String>,
}

/// How a list continues over several responses.
#[derive(Debug, Clone, PartialEq)]
pub enum Paging {
    /// One response holds everything.
    None,
    /// `{page}` counts from `start` (0 or 1); `{page_size}` is `size`.
    PageNumber { start: u64, size: u64, end: PageEnd },
    /// `{offset}` is the number of items received so far (a page capped
    /// below `size` leaves no gap); `{limit}` and `{page_size}` are `size`.
    OffsetLimit { size: u64, end: PageEnd },
    /// The body names the next page at `pointer`: a full URL, a path starting
    /// with "/", or a token substituted for `{cursor}`.
    NextInBody { pointer: Pointer },
    /// The response's `Link` header names the next page (`rel="next"`).
    LinkHeader,
    /// Keyset paging: `{cursor}` is the value at `pointer` in the last item
    /// of the page before (its id, `?after=<last id>`), empty at first.
    AfterLastItem {
        pointer: Pointer,
        size: u64,
        end: PageEnd,
    },
    /// A response header carries the cursor, sent back in a request header.
    CursorHeader {
        response_header: String,
        request_header: String,
        size: u64,
        end: PageEnd,
    },
}

/// Which page ends a numbered or cursor list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageEnd {
    /// A page with fewer items than the page size is the last.
    ShortPage,
    /// Only an empty page ends the list.
    EmptyPage,
}

/// One configuration problem: the key path and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A problem with the whole document has no key path to name.
        let place = if self.path.is_empty() {
            "the configuration"
        } else {
            &self.path
        };
        write!(f, "{place}: {}", self.message)
    }
}
