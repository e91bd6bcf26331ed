//! The paging state machine: from the previous response, decide the next
//! request. Pure, so every backend's paging is tested on the host; the browser
//! fetch loop only performs the requests it is handed.

use super::coerce::shown;
use super::config::{Config, Method, PageEnd, Paging, Resource};
use super::header::header_value;
use super::link_header::next_link;
use super::pointer::Pointer;
use super::url::{expand_header, expand_json, expand_url, TemplateError, Vars};
use crate::domain::abridge::{quoted, QUOTED_CHARS};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;

/// A request ready to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub url: String,
    pub method: Method,
    /// Config headers, then the resource's, then paging's; later names win.
    pub headers: Vec<(String, String)>,
    /// Serialised JSON, for POST.
    pub body: Option<String>,
    pub timeout_seconds: u32,
}

/// What the state machine needs to know about a response.
#[derive(Debug, Clone, Copy)]
pub struct Response<'a> {
    pub status: u16,
    /// Header names compare case-insensitively.
    pub headers: &'a [(String, String)],
    pub body: &'a Value,
    /// Items the page held (see [`super::mapping::Mapping::items`]).
    pub item_count: usize,
    /// A fingerprint of the page, when [`Pager::compares_pages`] asks for it.
    pub fingerprint: Option<u64>,
    /// Answered from another origin, whose headers the page may not read.
    pub cross_origin: bool,
}

/// What to do after a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Fetch(Request),
    Done,
    /// `max_items` was reached with more possibly left: keep the first
    /// `last_page_keeps` items of the page just read, which makes `max`.
    LimitReached {
        max: usize,
        last_page_keeps: usize,
    },
    /// Paging cannot go on, yet more pages may follow (see [`LostTrail`]).
    LostTrail(LostTrail),
    /// The page repeats the one before it, after pages that differed: the
    /// backend answers past its end with its last page again, so the list
    /// ended before this page.
    RepeatedPastEnd,
}

/// Why paging stopped at a page that may not be the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LostTrail {
    /// A full page came without its cursor header: from another origin,
    /// the backend may have sent it without exposing it to the page (CORS);
    /// from the same origin, the header's name may be misspelt.
    CursorUnreadable {
        header: String,
        /// The names of the headers the page could read, where they can
        /// show a misspelling: all of them from the same origin; from
        /// another, those the backend exposes, when it exposes any beyond
        /// what CORS always lets through. `None`: it exposes none.
        present: Option<Vec<String>>,
        cross_origin: bool,
    },
    /// Paging by `Link` header, and an answer from another origin without a
    /// `Link` the page could read: one that shows none but the headers every
    /// browser reveals (the backend exposes no header, CORS), or the first
    /// answer, which a list of more than one page sends with a `Link`.
    LinkHidden {
        /// The other headers the backend exposes, by name; empty: none.
        exposed: Vec<String>,
    },
    /// A short page ended page-number, offset or keyset paging, yet the answer
    /// counts more rows than were read: a backend that caps its pages below
    /// the size asked for sends short pages before its end.
    ShortOfTotal {
        /// The member that counts them, as found ("total", "totalElements").
        member: String,
        total: u64,
        read: usize,
    },
    /// A short page ended page-number, offset or keyset paging, yet the
    /// answer flags that more follow (Spring's `"last": false`, Jira's
    /// `"isLast": false`, `"has_more": true`) and counts no total.
    FlaggedMore {
        /// The flag's member and value, as JSON: `"last": false`.
        flag: String,
    },
    /// Keyset paging ended at a full page whose last item has nothing at the
    /// pointer that can be sent back (missing, null, empty, a list, an
    /// object): the pointer may be misspelt, or written from the body's
    /// root rather than within an item.
    LastItemUnusable {
        pointer: String,
        /// What it found, abridged, as JSON; None: nothing.
        found: Option<String>,
    },
    /// The next-page pointer found a value that is neither a link nor a
    /// cursor Patchboard can send back: a list, an object, or `true` (a
    /// "has more" flag rather than the cursor beside it).
    NextPointerUnusable {
        pointer: String,
        /// The value, abridged, as JSON.
        found: String,
    },
    /// The next-page pointer found nothing in a page that holds, beside
    /// where it looked, a member named like a next page's link or cursor:
    /// the pointer may be misspelt.
    NextPointerUnfound {
        pointer: String,
        /// Those members, as pointers.
        candidates: Vec<String>,
    },
}

/// Why paging cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagingError {
    /// A non-2xx response.
    Status {
        status: u16,
        url: String,
    },
    Template(TemplateError),
    /// The backend pointed back to a page already read: a cursor or next
    /// URL it had given before.
    Loops {
        position: String,
        url: String,
    },
    /// A numbered page came back the same as the one before it: the
    /// backend ignores the page or offset parameter.
    SamePage {
        url: String,
    },
    /// A page came back with the records of an earlier one, not the one
    /// before it: the backend came round again under a new address.
    PageReadBefore {
        url: String,
    },
}

impl PagingError {
    /// The page that failed holds records already read: it must not be
    /// delivered (a cursor that loops comes on a page of its own records).
    pub fn repeats_a_page(&self) -> bool {
        matches!(
            self,
            PagingError::SamePage { .. } | PagingError::PageReadBefore { .. }
        )
    }
}

impl fmt::Display for PagingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PagingError::Status { status, url } => write!(f, "HTTP {status} from {url}"),
            PagingError::Template(e) => write!(f, "{e}"),
            PagingError::Loops { position, url } => write!(
                f,
                "{url} pointed back to a page already read ({position}); \
                 paging stopped rather than read the same pages again"
            ),
            PagingError::SamePage { url } => write!(
                f,
                "{url} answered with the same records as the page before it; the \
                 backend seems to ignore the paging parameters, so paging stopped"
            ),
            PagingError::PageReadBefore { url } => write!(
                f,
                "{url} answered with the records of a page already read; paging \
                 stopped rather than read the same pages again"
            ),
        }
    }
}

impl From<TemplateError> for PagingError {
    fn from(e: TemplateError) -> Self {
        PagingError::Template(e)
    }
}

/// Where the next page is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    /// Pages already requested, for numbered and offset paging.
    Page(u64),
    /// Substituted for `{cursor}` or sent in the cursor header; None on the first page.
    Cursor(Option<String>),
    /// A URL the previous body gave.
    Url(String),
}

/// Walks one resource's pages.
#[derive(Debug, Clone)]
pub struct Pager<'c> {
    config: &'c Config,
    resource: &'c Resource,
    job_id: Option<String>,
    run_id: Option<String>,
    position: Position,
    fetched: usize,
    last_url: String,
    /// Cursors and next URLs already followed, to catch a backend that loops.
    followed: HashSet<String>,
    last_fingerprint: Option<u64>,
    /// Every page's fingerprint so far, to catch a backend that comes round
    /// to a page already read under another address.
    seen_fingerprints: HashSet<u64>,
    /// Pages read so far that differed from the one before them.
    distinct_pages: usize,
    /// Pages answered so far, the one being decided on included.
    pages_read: usize,
}

impl<'c> Pager<'c> {
    /// A pager for `resource`, with the job and run its templates may name.
    pub fn new(
        config: &'c Config,
        resource: &'c Resource,
        job_id: Option<&str>,
        run_id: Option<&str>,
    ) -> Self {
        let position = match resource.paging {
            Paging::NextInBody { .. }
            | Paging::CursorHeader { .. }
            | Paging::AfterLastItem { .. } => Position::Cursor(None),
            _ => Position::Page(0),
        };
        Pager {
            config,
            resource,
            job_id: job_id.map(str::to_owned),
            run_id: run_id.map(str::to_owned),
            position,
            fetched: 0,
            last_url: String::new(),
            followed: HashSet::new(),
            last_fingerprint: None,
            seen_fingerprints: HashSet::new(),
            distinct_pages: 0,
            pages_read: 0,
        }
    }

    /// The first request.
    pub fn first(&mut self) -> Result<Request, PagingError> {
        let request = self.request()?;
        // A next URL back to the first page loops as surely as any other.
        self.followed.insert(request.url.clone());
        Ok(request)
    }

    /// Items counted so far over all pages.
    pub fn fetched(&self) -> usize {
        self.fetched
    }

    /// Whether [`Response::fingerprint`] is needed: every page of a paged
    /// list is compared with the one before, since a backend that ignores
    /// the page parameter or the cursor answers every page alike (under a
    /// new cursor each time, or in another order).
    pub fn compares_pages(&self) -> bool {
        !matches!(self.resource.paging, Paging::None)
    }

    /// Decides what follows `response`.
    pub fn next(&mut self, response: &Response<'_>) -> Result<Step, PagingError> {
        self.pages_read += 1;
        if !(200..300).contains(&response.status) {
            return Err(PagingError::Status {
                status: response.status,
                url: self.last_url.clone(),
            });
        }
        let next_position = self.next_position(response);
        let followed = match &next_position {
            Some(Position::Cursor(Some(cursor))) => Some((cursor, "cursor")),
            Some(Position::Url(url)) => Some((url, "next page")),
            _ => None,
        };
        if let Some((followed, kind)) = followed {
            if !self.followed.insert(followed.clone()) {
                return Err(PagingError::Loops {
                    position: format!("{kind} {}", quoted(followed)),
                    url: self.last_url.clone(),
                });
            }
        }
        // After the loop check, which names the cursor that came back. The
        // second page the same as the first: the paging is ignored. A later
        // repeat of the page before, after pages that differed: the list has
        // ended. A repeat of an earlier page: the backend came round again
        // under a new address (a changing parameter, a signed link).
        if let Some(fingerprint) = response.fingerprint {
            let repeats_last = self.last_fingerprint.replace(fingerprint) == Some(fingerprint);
            let seen_before = !self.seen_fingerprints.insert(fingerprint);
            match (repeats_last, seen_before) {
                (true, _) if self.distinct_pages >= 2 => return Ok(Step::RepeatedPastEnd),
                (true, _) => {
                    return Err(PagingError::SamePage {
                        url: self.last_url.clone(),
                    })
                }
                (false, true) => {
                    return Err(PagingError::PageReadBefore {
                        url: self.last_url.clone(),
                    })
                }
                (false, false) => self.distinct_pages += 1,
            }
        }
        self.fetched += response.item_count;
        let max = self.resource.max_items;
        if self.fetched > max || (self.fetched == max && next_position.is_some()) {
            let over = self.fetched - max;
            return Ok(Step::LimitReached {
                max,
                last_page_keeps: response.item_count.saturating_sub(over),
            });
        }
        match next_position {
            Some(position) => {
                self.position = position;
                Ok(Step::Fetch(self.request()?))
            }
            None => Ok(self
                .unreadable_cursor(response)
                .or_else(|| self.hidden_link(response))
                .or_else(|| self.unfound_next_pointer(response))
                .or_else(|| self.unusable_next_pointer(response))
                .or_else(|| self.short_of_total(response))
                .or_else(|| self.flagged_more(response))
                .or_else(|| self.unusable_last_item(response))
                .unwrap_or(Step::Done)),
        }
    }

    /// Paging ended at a full page for want of its cursor header: one the
    /// page may not be allowed to read, or one under another name. A last
    /// page exactly full is told the same, which costs a needless banner
    /// rarely; taking a full page for the last would cost rows unsaid.
    fn unreadable_cursor(&self, response: &Response<'_>) -> Option<Step> {
        let Paging::CursorHeader {
            response_header,
            size,
            end,
            ..
        } = &self.resource.paging
        else {
            return None;
        };
        let full = page_is_full(response.item_count, *size, *end);
        let unread = header_value(response.headers, response_header).is_none();
        (full && unread).then(|| {
            let exposes_some = !response.cross_origin
                || !response
                    .headers
                    .iter()
                    .all(|(name, _)| is_cors_safelisted_response_header(name));
            Step::LostTrail(LostTrail::CursorUnreadable {
                header: response_header.clone(),
                cross_origin: response.cross_origin,
                present: exposes_some.then(|| header_names(response.headers.iter())),
            })
        })
    }

    /// Paging by `Link` header ended at an answer from another origin with
    /// no `Link` the page could read: one whose backend exposes no header
    /// beyond those CORS always lets through, whatever it sent, or the first
    /// answer of one that exposes others but maybe not `Link`. (A later
    /// page without `Link` is a last page that leaves it out: the pages
    /// before it showed that `Link` is readable.) A one-page list from a
    /// backend that sends no `Link` is told the same, which costs a needless
    /// banner; taking a hidden `Link` for the end would cost rows unsaid.
    fn hidden_link(&self, response: &Response<'_>) -> Option<Step> {
        if self.resource.paging != Paging::LinkHeader
            || !response.cross_origin
            || response.item_count == 0
            || header_value(response.headers, "link").is_some()
        {
            return None;
        }
        let exposed = header_names(
            response
                .headers
                .iter()
                .filter(|(name, _)| !is_cors_safelisted_response_header(name)),
        );
        (exposed.is_empty() || self.pages_read == 1)
            .then_some(Step::LostTrail(LostTrail::LinkHidden { exposed }))
    }

    /// Paging ended because the next-page pointer is absent from a page
    /// that has, in the same object, a non-empty member whose name speaks
    /// of a next page or a cursor. A last page may leave its link out, but
    /// then seldom keeps another under a like name.
    fn unfound_next_pointer(&self, response: &Response<'_>) -> Option<Step> {
        let Paging::NextInBody { pointer } = &self.resource.paging else {
            return None;
        };
        if response.item_count == 0
            || pointer.resolve(response.body).is_some()
            || flagged_last(response.body, pointer)
        {
            return None;
        }
        let parent = pointer.parent()?;
        let Value::Object(members) = parent.resolve(response.body)? else {
            return None;
        };
        let candidates: Vec<String> = members
            .iter()
            .filter(|(name, value)| names_a_next_page(name) && is_link_or_cursor(value))
            .map(|(name, _)| parent.member(name))
            .collect();
        (!candidates.is_empty()).then(|| {
            Step::LostTrail(LostTrail::NextPointerUnfound {
                pointer: pointer.as_str().to_owned(),
                candidates,
            })
        })
    }

    /// Paging ended because the next-page pointer names a list, an object
    /// or `true`, which cannot go into the next request: taken for the end,
    /// the pages after this one would go unsaid.
    fn unusable_next_pointer(&self, response: &Response<'_>) -> Option<Step> {
        let Paging::NextInBody { pointer } = &self.resource.paging else {
            return None;
        };
        if response.item_count == 0 {
            return None;
        }
        match pointer.resolve(response.body)? {
            found @ (Value::Array(_) | Value::Object(_) | Value::Bool(true)) => {
                Some(Step::LostTrail(LostTrail::NextPointerUnusable {
                    pointer: pointer.as_str().to_owned(),
                    found: shown(found, QUOTED_CHARS),
                }))
            }
            _ => None,
        }
    }

    /// Page-number, offset or keyset paging ended at a short page whose answer
    /// counts more rows than have been read (Jira's `total`, Spring's
    /// `totalElements`, Django REST framework's `count`).
    fn short_of_total(&self, response: &Response<'_>) -> Option<Step> {
        if !self.ends_at_short_pages() {
            return None;
        }
        let Value::Object(members) = response.body else {
            return None;
        };
        let (member, total) = counted_total(members)?;
        (total > self.fetched as u64).then(|| {
            Step::LostTrail(LostTrail::ShortOfTotal {
                member: member.to_owned(),
                total,
                read: self.fetched,
            })
        })
    }

    /// Paging that takes a short page for the last ended at one whose
    /// answer flags that another follows: a capped page size, like
    /// [`Self::short_of_total`], from a backend that counts no total
    /// (Spring's Slice, Jira's `isLast`).
    fn flagged_more(&self, response: &Response<'_>) -> Option<Step> {
        if !self.ends_at_short_pages() {
            return None;
        }
        let Value::Object(members) = response.body else {
            return None;
        };
        // An empty page ends the list whatever it says; a total, where one
        // is counted, has had its say in short_of_total.
        if response.item_count == 0 || counted_total(members).is_some() {
            return None;
        }
        let (name, value, more) = more_flag(members)?;
        (value == more).then(|| {
            Step::LostTrail(LostTrail::FlaggedMore {
                flag: format!("{}: {value}", Value::from(name)),
            })
        })
    }

    /// Whether the paging asks for pages of a size and takes a short one for
    /// the last, so that a backend capping its pages ends it early.
    fn ends_at_short_pages(&self) -> bool {
        matches!(
            self.resource.paging,
            Paging::PageNumber { .. } | Paging::OffsetLimit { .. } | Paging::AfterLastItem { .. }
        )
    }

    /// Keyset paging ended at a full page whose last item has no value at
    /// the pointer that can be sent back: taken for the end, the pages
    /// after it would go unsaid.
    fn unusable_last_item(&self, response: &Response<'_>) -> Option<Step> {
        let Paging::AfterLastItem { pointer, size, end } = &self.resource.paging else {
            return None;
        };
        if !page_is_full(response.item_count, *size, *end) {
            return None;
        }
        let found = last_item(self.resource, response.body)
            .and_then(|item| pointer.resolve(item))
            .map(|value| shown(value, QUOTED_CHARS));
        Some(Step::LostTrail(LostTrail::LastItemUnusable {
            pointer: pointer.as_str().to_owned(),
            found,
        }))
    }

    /// Where the next page is, or None when this was the last.
    fn next_position(&self, response: &Response<'_>) -> Option<Position> {
        // An empty page ends every mode, so a backend that keeps answering
        // with nothing cannot loop us forever.
        if response.item_count == 0 {
            return None;
        }
        let full = |size: u64, end: PageEnd| page_is_full(response.item_count, size, end);
        match (&self.resource.paging, &self.position) {
            (
                Paging::PageNumber { size, end, .. } | Paging::OffsetLimit { size, end },
                Position::Page(n),
            ) => full(*size, *end).then_some(Position::Page(n + 1)),
            (Paging::LinkHeader, _) => {
                let next = next_link(header_value(response.headers, "link")?)?;
                Some(Position::Url(self.resolve_url(next)))
            }
            (Paging::AfterLastItem { pointer, size, end }, _) => {
                if !full(*size, *end) {
                    return None;
                }
                let value = pointer.resolve(last_item(self.resource, response.body)?)?;
                cursor_in(value).map(|cursor| Position::Cursor(Some(cursor)))
            }
            (Paging::NextInBody { pointer }, _) if flagged_last(response.body, pointer) => None,
            (Paging::NextInBody { pointer }, _) => match pointer.resolve(response.body)? {
                Value::String(s) if !s.is_empty() && (is_url(s) || self.is_relative_link(s)) => {
                    Some(Position::Url(self.resolve_url(s)))
                }
                found => cursor_in(found).map(|cursor| Position::Cursor(Some(cursor))),
            },
            (
                Paging::CursorHeader {
                    response_header,
                    size,
                    end,
                    ..
                },
                _,
            ) => {
                if !full(*size, *end) {
                    return None;
                }
                let cursor =
                    header_value(response.headers, response_header).filter(|v| !v.is_empty())?;
                Some(Position::Cursor(Some(cursor.to_owned())))
            }
            _ => None,
        }
    }

    /// Where the request names no `{cursor}`, a next value that reads as a
    /// path or a query (`jobs?page=2`, `page-2.json`) is a link relative to
    /// the page; a bare token ("0") is still a cursor.
    fn is_relative_link(&self, next: &str) -> bool {
        !self.resource.names_cursor && next.contains(['?', '/', '.'])
    }

    /// A link from the body or a `Link` header: a full URL as it is; a
    /// //host/path under the last request's scheme; a /path against its
    /// origin; anything else against its address (`?page=2` replaces its
    /// query, `jobs?page=2` its last segment). Dot segments are resolved, so
    /// that a link back to a page already read (`../e?p=1`) is seen as one.
    fn resolve_url(&self, next: &str) -> String {
        let last = self.last_url.as_str();
        let scheme_end = last.find("://");
        let resolved = if next.starts_with("//") {
            // From a relative address the browser puts the page's scheme.
            scheme_end.map_or_else(|| next.to_owned(), |end| format!("{}:{next}", &last[..end]))
        } else if next.starts_with('/') {
            // A path from a relative address (a base_url such as "/api") is
            // the page's, whose origin the browser puts before it.
            match scheme_end {
                Some(end) => format!("{}{next}", &last[..origin_end(last, end + 3)]),
                None => next.to_owned(),
            }
        } else if is_url(next) {
            next.to_owned()
        } else {
            relative_to(last, next)
        };
        without_dot_segments(&resolved)
    }

    fn vars(&self) -> Vars {
        let mut vars = Vars {
            base_url: self.config.base_url.clone(),
            job_id: self.job_id.clone(),
            run_id: self.run_id.clone(),
            ..Vars::default()
        };
        match (&self.resource.paging, &self.position) {
            (Paging::PageNumber { start, size, .. }, Position::Page(n)) => {
                vars.page = Some(start + n);
                vars.page_size = Some(*size);
            }
            // On from the rows received, not by `size`: a backend that caps
            // its pages below `size` sends fewer, and no row is skipped.
            (Paging::OffsetLimit { size, .. }, Position::Page(_)) => {
                vars.offset = Some(self.fetched as u64);
                vars.limit = Some(*size);
                vars.page_size = Some(*size);
            }
            (Paging::NextInBody { .. }, Position::Cursor(cursor)) => {
                vars.cursor = Some(cursor.clone().unwrap_or_default());
            }
            (Paging::AfterLastItem { size, .. }, Position::Cursor(cursor)) => {
                vars.cursor = Some(cursor.clone().unwrap_or_default());
                vars.page_size = Some(*size);
            }
            (Paging::CursorHeader { size, .. }, position) => {
                vars.page_size = Some(*size);
                // Where the request names {cursor} (a Rails app's
                // ?page=…), the cursor goes there: empty at first.
                if let Position::Cursor(cursor) = position {
                    vars.cursor = Some(cursor.clone().unwrap_or_default());
                }
            }
            _ => {}
        }
        vars
    }

    fn request(&mut self) -> Result<Request, PagingError> {
        let vars = self.vars();
        let url = match &self.position {
            Position::Url(url) => url.clone(),
            _ => expand_url(&self.resource.url, &vars)?,
        };
        let mut headers: Vec<(String, String)> = Vec::new();
        for (name, template) in self.config.headers.iter().chain(&self.resource.headers) {
            match expand_header(template, &vars)? {
                Some(value) => set_header(&mut headers, name, value),
                // Nor is a shared header of that name sent in its place.
                None => headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name)),
            }
        }
        if let (Paging::CursorHeader { request_header, .. }, Position::Cursor(Some(cursor))) =
            (&self.resource.paging, &self.position)
        {
            if !self.resource.names_cursor {
                set_header(&mut headers, request_header, cursor.clone());
            }
        }
        let body = match (&self.resource.body, self.resource.method) {
            (Some(template), Method::Post) => Some(expand_json(template, &vars)?.to_string()),
            _ => None,
        };
        self.last_url.clone_from(&url);
        Ok(Request {
            url,
            method: self.resource.method,
            headers,
            body,
            timeout_seconds: self.resource.timeout_seconds,
        })
    }
}

/// Where the origin of `url` ends: at the first "/" after `host_start`.
fn origin_end(url: &str, host_start: usize) -> usize {
    url[host_start..]
        .find('/')
        .map_or(url.len(), |i| host_start + i)
}

/// `url` with the "." and ".." segments of its path resolved (RFC 3986,
/// 5.2.4); its query and fragment as they are.
fn without_dot_segments(url: &str) -> String {
    let path_start = url.find("://").map_or(0, |end| origin_end(url, end + 3));
    let path_end = url[path_start..]
        .find(['?', '#'])
        .map_or(url.len(), |i| path_start + i);
    let path = &url[path_start..path_end];
    if !path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return url.to_owned();
    }
    let rooted = path.starts_with('/');
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    let mut kept: Vec<&str> = Vec::new();
    for (at, segment) in segments.into_iter().enumerate() {
        match segment {
            "." | ".." => {
                if segment == ".." {
                    let can_go_up = kept
                        .last()
                        .is_some_and(|s| *s != ".." && !(rooted && kept.len() == 1));
                    if can_go_up {
                        kept.pop();
                    } else if !rooted {
                        kept.push("..");
                    }
                }
                // A path ending in a dot segment names a folder.
                if at == last {
                    kept.push("");
                }
            }
            segment => kept.push(segment),
        }
    }
    format!(
        "{}{}{}",
        &url[..path_start],
        kept.join("/"),
        &url[path_end..]
    )
}

/// `next` (neither a full URL nor a /path) against `base`: a query alone
/// replaces base's query, anything else its last path segment.
fn relative_to(base: &str, next: &str) -> String {
    let path = &base[..base.find(['?', '#']).unwrap_or(base.len())];
    if next.starts_with('?') {
        return format!("{path}{next}");
    }
    // Only the path's slashes: in "https://host" the last is the scheme's.
    let path_start = path.find("://").map_or(0, |end| origin_end(path, end + 3));
    match path[path_start..].rfind('/') {
        Some(slash) => format!("{}{next}", &path[..=path_start + slash]),
        None if path_start > 0 => format!("{path}/{next}"),
        None => next.to_owned(),
    }
}

/// Schemes are case-insensitive: `HTTPS://…` is an address, not a cursor.
fn is_url(text: &str) -> bool {
    let starts_with = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    text.starts_with('/') || starts_with("http://") || starts_with("https://")
}

/// The response headers a page may read from another origin unless the
/// backend exposes more (Fetch's CORS-safelisted response-header names).
/// The names of `headers`, in lower case, sorted, each once.
fn header_names<'h>(headers: impl Iterator<Item = &'h (String, String)>) -> Vec<String> {
    let mut names: Vec<String> = headers.map(|(name, _)| name.to_ascii_lowercase()).collect();
    names.sort();
    names.dedup();
    names
}

fn is_cors_safelisted_response_header(name: &str) -> bool {
    [
        "cache-control",
        "content-language",
        "content-length",
        "content-type",
        "expires",
        "last-modified",
        "pragma",
    ]
    .iter()
    .any(|safe| name.eq_ignore_ascii_case(safe))
}

fn names_a_next_page(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["next", "cursor", "after", "continuation"]
        .iter()
        .any(|word| name.contains(word))
}

fn is_link_or_cursor(value: &Value) -> bool {
    match value {
        Value::String(text) => !text.is_empty(),
        Value::Number(_) => true,
        _ => false,
    }
}

fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: String) {
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    headers.push((name.to_owned(), value));
}

/// Top-level members in which backends count a whole list.
const TOTAL_MEMBERS: [&str; 6] = [
    "total",
    "totalElements",
    "totalCount",
    "total_count",
    "totalResults",
    "count",
];

/// The first member of `members` that counts the whole list, and its count.
fn counted_total(members: &Map<String, Value>) -> Option<(&'static str, u64)> {
    TOTAL_MEMBERS
        .iter()
        .find_map(|&name| Some((name, members.get(name)?.as_u64()?)))
}

/// A value that can be sent back for the next page: a non-empty string, or
/// a number as written.
fn cursor_in(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Flags by which backends say whether more pages follow, each with the
/// value that says they do.
const MORE_FLAGS: [(&str, bool); 8] = [
    ("last", false),
    ("isLast", false),
    ("is_last", false),
    ("hasMore", true),
    ("has_more", true),
    ("hasNext", true),
    ("has_next", true),
    ("hasNextPage", true),
];

/// The first more-pages flag among `members`: its name, its value, and the
/// value that says more pages follow. The first present decides:
/// `"last": true` beside a stray `"hasNext": true` is the end.
fn more_flag(members: &Map<String, Value>) -> Option<(&'static str, bool, bool)> {
    MORE_FLAGS
        .iter()
        .find_map(|&(name, more)| Some((name, members.get(name)?.as_bool()?, more)))
}

/// Whether the object that holds the next-page pointer, or else the body,
/// flags that no page follows: some backends leave a cursor in their last
/// page (Stripe's id beside `"has_more": false`, GraphQL's `endCursor`
/// beside `"hasNextPage": false`), and asking with it fails.
fn flagged_last(body: &Value, pointer: &Pointer) -> bool {
    // From the nearest object out: the flag beside the cursor outranks one
    // of a wrapper around it.
    let mut holder = pointer.parent();
    while let Some(at) = holder {
        let flag = at
            .resolve(body)
            .and_then(Value::as_object)
            .and_then(more_flag);
        if let Some((_, value, more)) = flag {
            return value != more;
        }
        holder = at.parent();
    }
    false
}

/// The last item of a page, where the resource's items pointer finds them.
fn last_item<'b>(resource: &Resource, body: &'b Value) -> Option<&'b Value> {
    match resource.items.resolve(body)? {
        Value::Array(items) => items.last(),
        // A list of one written as its item (see Mapping::items).
        item @ Value::Object(_) => Some(item),
        _ => None,
    }
}

/// Whether a page of `count` items may have another after it: an empty
/// page never does, and a short one does not where a short page ends the
/// list.
fn page_is_full(count: usize, size: u64, end: PageEnd) -> bool {
    count > 0 && (end == PageEnd::EmptyPage || count as u64 >= size)
}
