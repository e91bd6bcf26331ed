//! Loads every page of one resource: drives the pager, retries with backoff,
//! decodes each page and hands it over as it arrives.

use super::body::{fnv1a, Body};
use super::body_text::{is_web_page, offset_of, web_page_title};
use super::body_text::{with_unreadable_numbers_mended, without_lone_surrogates};
use super::config::{Config, Method, Resource};
use super::error_body::backend_message;
use super::gather::Identified;
use super::header::header_value;
use super::http::{send, sleep, HttpResponse, OnPart, SendError};
use super::mapping::{DecodedPage, Mapping, ShapeError};
use super::native_stream::StreamedItems;
use super::paging::{LostTrail, Pager, PagingError, Request, Response, Step};
use super::record::Record;
use super::retry::{retry_after_seconds, wait_before_retry, FailedAttempt, Outcome, RetryWait};
use super::token::{authorization_for, only_scheme_differs, surely_other_origins};
use super::withhold::Home;
use crate::domain::decimal::grouped;
use crate::domain::time::period_text;
use crate::perf;
use std::fmt;
use std::ops::ControlFlow;

/// Why a resource could not be loaded; each names what failed and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Send {
        error: SendError,
        /// Times it was asked, the first included.
        attempts: u32,
    },
    Http {
        status: u16,
        url: String,
        /// The seconds the answer's `Retry-After` asked for.
        retry_after: Option<u32>,
        attempts: u32,
        /// The backend's own words for the error, from its body.
        says: Option<String>,
        /// What a redirect on the way did to the request, where it
        /// explains the failure.
        moved: Option<Moved>,
    },
    Empty {
        url: String,
        /// 204 No Content, where the backend said so.
        no_content: bool,
    },
    NotJson {
        url: String,
        found: String,
        detail: String,
        /// A web page's own title, where it has one.
        page_title: Option<String>,
    },
    /// JSON that goes wrong past its start: `near` is the text around the fault.
    BrokenJson {
        url: String,
        near: String,
        detail: String,
    },
    /// JSON that stops before its end: the body was cut short.
    CutOff {
        url: String,
        bytes: usize,
    },
    Shape {
        url: String,
        error: ShapeError,
    },
    Paging(PagingError),
    /// Rows came and not one could be read; what went wrong with the first few.
    NoRowReadable {
        rows: usize,
        examples: String,
        /// No load had been read before: the configuration is more likely
        /// at fault than a backend that changed.
        first_load: bool,
    },
    /// A later page could not be reached at the address the page before it
    /// gave, on another origin than that page's: a backend behind a proxy
    /// often writes its own internal address, or `http:` for `https:`,
    /// into its next links.
    LinkedElsewhere {
        error: Box<LoadError>,
        /// The page that gave the address.
        previous_url: String,
        /// Same host, `http:` where `https:` answered.
        scheme_only: bool,
    },
    /// A later page of a backend on another origin could not be reached,
    /// though that origin answered the page before: most often an error
    /// answer (a gateway's 429 or 5xx) without CORS headers, which the
    /// browser hides as it hides an unreachable server.
    ReachedBefore {
        error: Box<LoadError>,
    },
    /// A next page on another origin than the first refused the request,
    /// which went there without the configuration's headers.
    HeadersWithheld {
        error: Box<LoadError>,
        names: Vec<String>,
    },
}

/// What a redirect did to a request that then failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// A POST redirected: after a 301, 302 or 303 the browser asks the new
    /// address with a GET and no body.
    PostAsGet,
    /// Redirected to another origin, where the browser sends no
    /// `Authorization` header: the credentials stayed behind.
    CredentialsLeftBehind,
}

impl LoadError {
    /// The seconds the failed answer's `Retry-After` asked to be left alone.
    pub fn asked_wait(&self) -> Option<u32> {
        match self {
            LoadError::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The backend answered that what was asked for is not there.
    pub fn says_not_found(&self) -> bool {
        let status = match self {
            // A redirect's, not the resource's: a POST sent on as a GET.
            LoadError::Http { moved: Some(_), .. } => return false,
            LoadError::Http { status, .. } => *status,
            LoadError::Paging(PagingError::Status { status, .. }) => *status,
            _ => return false,
        };
        matches!(status, 404 | 410)
    }
}

/// How many times a request was made, when more than once: a timeout
/// names the seconds of one try, and the wait was all of them.
fn asked(f: &mut fmt::Formatter<'_>, attempts: u32) -> fmt::Result {
    if attempts > 1 {
        write!(f, "; asked {attempts} times")?;
    }
    Ok(())
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Send { error, attempts } => {
                write!(f, "{error}")?;
                asked(f, *attempts)
            }
            LoadError::Http {
                status,
                url,
                retry_after,
                attempts,
                says,
                moved,
            } => {
                let meaning = match status {
                    401 => "the backend did not accept the credentials; check the token or sign in again",
                    403 => "the credentials are valid but not allowed to read this",
                    404 => "nothing is at this address; check the URL in the configuration",
                    429 => "the backend is limiting how often it may be asked",
                    // Patchboard sends no validator: a cache or proxy answered for the backend.
                    304 => "a cache or proxy on the way answered \"Not Modified\" though Patchboard asked for no cached copy; it must pass such requests on",
                    502 => "a gateway or proxy in front of the backend got no valid answer from it",
                    503 => "the backend is unavailable for now (down for maintenance, or overloaded)",
                    504 => "a gateway or proxy in front of the backend gave up waiting for it",
                    500..=599 => "the backend failed while answering",
                    _ => "the backend refused the request",
                };
                write!(f, "HTTP {status} from {url}: {meaning}")?;
                if let Some(seconds) = retry_after {
                    write!(
                        f,
                        " (the backend asked Patchboard to wait {})",
                        period_text(*seconds)
                    )?;
                }
                asked(f, *attempts)?;
                match moved {
                    Some(Moved::PostAsGet) => write!(
                        f,
                        ". The POST was redirected: if with a 301, 302 or 303, the browser asked the new address with a GET and no body (a 307 or 308 keeps the POST), so set the configuration's URL to the address it moved to"
                    )?,
                    Some(Moved::CredentialsLeftBehind) => write!(
                        f,
                        ". The request was redirected to another origin, where the browser does not send the Authorization header: point base_url at the address that answered"
                    )?,
                    None => {}
                }
                match says {
                    Some(says) => write!(f, ". The backend says: \"{says}\""),
                    None => Ok(()),
                }
            }
            LoadError::Empty {
                url,
                no_content: true,
            } => write!(
                f,
                "{url} answered HTTP 204 No Content, an empty body where a JSON list was expected"
            ),
            LoadError::Empty { url, .. } => {
                write!(f, "{url} answered with an empty body, not JSON")
            }
            // Every other byte zero: UTF-16, as Windows PowerShell 5.1's
            // Out-File writes a file by default.
            LoadError::NotJson { url, found, .. } if found.contains('\0') => write!(
                f,
                "{url} answered with UTF-16 text, not the UTF-8 that JSON is sent in \
                 (Windows PowerShell's Out-File writes it so): save or send it as UTF-8 \
                 (Out-File -Encoding utf8)"
            ),
            // A web page where JSON belongs is a sign-in or proxy page, or
            // the app's own page from a wrong address, more than a backend fault.
            LoadError::NotJson {
                url,
                page_title: Some(title),
                ..
            } => write!(
                f,
                "{url} answered with a web page titled {title:?}, not JSON: a sign-in \
                 page (sign in to the backend in another tab, then Retry), a proxy's \
                 page, or a wrong address in the configuration"
            ),
            LoadError::NotJson { url, found, .. } if is_web_page(found) => {
                write!(
                    f,
                    "{url} answered with a web page, not JSON (it starts with {found:?}): \
                     a sign-in or proxy page, or a wrong address in the configuration"
                )
            }
            LoadError::NotJson {
                url, found, detail, ..
            } => {
                write!(
                    f,
                    "{url} did not answer with JSON (it starts with {found:?}): {detail}"
                )
            }
            LoadError::BrokenJson { url, near, detail } => write!(
                f,
                "the JSON from {url} goes wrong partway, near {near:?}: {detail}"
            ),
            LoadError::CutOff { url, bytes } => write!(
                f,
                "the answer from {url} stops before its JSON ends ({} bytes arrived): \
                 it was cut short on the way or by the backend",
                grouped(*bytes as u64)
            ),
            LoadError::Shape { url, error } => write!(f, "unexpected response from {url}: {error}"),
            LoadError::Paging(error) => write!(f, "{error}"),
            LoadError::LinkedElsewhere {
                error,
                previous_url,
                scheme_only: true,
            } => write!(
                f,
                "{error}. That address came from the page before it ({previous_url}), \
                 on the same host but under another scheme: a backend behind a proxy that \
                 ends HTTPS may not know it is served over HTTPS and write http: links, \
                 which the browser blocks (in Django, set SECURE_PROXY_SSL_HEADER; \
                 elsewhere, have the proxy pass the scheme on)"
            ),
            LoadError::LinkedElsewhere {
                error,
                previous_url,
                scheme_only: false,
            } => write!(
                f,
                "{error}. That address came from the page before it ({previous_url}), and \
                 is on another host: a backend behind a proxy may be writing its internal \
                 address into its next-page links (in Django, set USE_X_FORWARDED_HOST; \
                 elsewhere, have the proxy pass the public host on)"
            ),
            LoadError::HeadersWithheld { error, names } => write!(
                f,
                "{error}. That address came from the page before it and is on another origin \
                 than the first page's, so it was sent none of the configured headers that may \
                 carry a key ({}): have the backend write its next-page links on its own address",
                names.join(", ")
            ),
            LoadError::ReachedBefore { error } => write!(
                f,
                "{error}. The same backend answered the page before it, so this is most \
                 likely an error answer without CORS headers (a gateway's 429 or 5xx), \
                 which the browser hides; its developer console shows the status. Have \
                 the gateway add its CORS headers to error answers too"
            ),
            LoadError::NoRowReadable {
                rows,
                examples,
                first_load,
            } => {
                match rows {
                    1 => write!(f, "the one row in the answer could not be read")?,
                    rows => write!(
                        f,
                        "none of the {} rows in the answer could be read",
                        grouped(*rows as u64)
                    )?,
                }
                let cause = if *first_load {
                    "; most likely the configuration's fields do not match what the \
                     backend sends"
                } else {
                    ", as if the backend had changed what it sends"
                };
                write!(f, "{cause}: {examples}")
            }
        }
    }
}

/// How loading ended when nothing failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadEnd {
    Complete,
    /// Paging stopped with more records possibly left.
    CutShort(CutShort),
    /// The receiver asked to stop (the user moved on).
    Stopped,
}

/// Why a load that ended well may not hold every record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CutShort {
    /// The configured maximum was reached.
    Limit { max: usize },
    /// Paging could not go on from a page that may not be the last.
    LostTrail(LostTrail),
}

/// What a load tells its caller besides the pages themselves.
pub struct LoadEvents<W, A> {
    /// Hears of each wait before asking again (and of its end, with None);
    /// breaks to stop a load no longer wanted rather than send the request
    /// once more.
    pub on_retry: W,
    /// Hears the rows decoded so far, read or skipped, over all pages, as a
    /// body that is decoded while it arrives comes in: a single large page
    /// shows its progress before it ends.
    pub on_rows_arriving: A,
}

/// Fetches and decodes every page of `resource`, calling `on_page` with each
/// page, the body it came from (without its items, for native bodies), and
/// whether more pages follow; `events` hears of waits and progress.
pub async fn load_all<R: Record + Identified>(
    config: &Config,
    resource: &Resource,
    job_id: Option<&str>,
    run_id: Option<&str>,
    on_page: impl FnMut(DecodedPage<R>, &serde_json::Value, bool) -> ControlFlow<()>,
    events: LoadEvents<impl FnMut(Option<&RetryWait>) -> ControlFlow<()>, impl FnMut(usize)>,
) -> Result<LoadEnd, LoadError> {
    let LoadEvents {
        mut on_retry,
        on_rows_arriving,
    } = events;
    let mut pages = TypedPages {
        mapping: Mapping::<R>::new(resource),
        streamed: None,
        decoded: None,
        rows_before: 0,
        on_page,
        on_rows_arriving,
    };
    drive_pages(config, resource, job_id, run_id, &mut pages, &mut on_retry).await
}

/// See `on_retry` of [`load_all`].
type OnRetry<'a> = &'a mut dyn FnMut(Option<&RetryWait>) -> ControlFlow<()>;

/// The record-typed half of loading, behind a trait object so that the page
/// loop, its retries and its paging are compiled once, not once per record type.
trait PageSink {
    /// A body starts to arrive (again, if an attempt failed); true if it is
    /// decoded as it arrives, so its parts should be handed over.
    fn begin_body(&mut self) -> bool;
    /// The body's next part: decodes what it can already.
    fn body_arrived(&mut self, part: &[u8]);
    /// Decodes one response body and holds its records for [`Self::deliver`];
    /// gives the body (without its items, for native bodies) and its item count.
    fn decode(
        &mut self,
        url: &str,
        response: &HttpResponse,
    ) -> Result<(serde_json::Value, usize), LoadError>;
    /// Tells the page decoded last from another: by its records' ids in any
    /// order, as a backend that ignores the paging parameters may answer
    /// each page with the same records in a new envelope (a fresh timestamp,
    /// a new cursor) or a new order; by `body` when no row could be read.
    fn fingerprint(&self, body: &Body) -> u64;
    /// Drops all but the first `rows` rows of the page decoded last.
    fn keep_first(&mut self, rows: usize);
    /// Hands the page decoded last to the receiver.
    fn deliver(&mut self, body: &serde_json::Value, more_follow: bool) -> ControlFlow<()>;
}

struct TypedPages<R, F, A> {
    mapping: Mapping<R>,
    streamed: Option<StreamedItems<R>>,
    decoded: Option<DecodedPage<R>>,
    /// Rows on the pages delivered so far, read or skipped.
    rows_before: usize,
    on_page: F,
    on_rows_arriving: A,
}

impl<R: Record + Identified, F, A> TypedPages<R, F, A> {
    /// A body read whole: by the native fast path where it applies, else
    /// parsed and mapped field by field.
    fn decode_whole(
        &self,
        url: &str,
        text: &str,
    ) -> Result<(DecodedPage<R>, serde_json::Value), LoadError> {
        if let Some(decoded) = self.mapping.decode_native(text) {
            return Ok(decoded);
        }
        let body = match parse_body(url, text) {
            Ok(body) => body,
            // One unpaired surrogate escape, one number beyond an f64 or
            // one bare NaN would fail every row with it.
            Err(error) => {
                match without_lone_surrogates(text).or_else(|| with_unreadable_numbers_mended(text))
                {
                    Some(mended) => return self.decode_whole(url, &mended),
                    None => return Err(error),
                }
            }
        };
        let page = self
            .mapping
            .decode_page(&body)
            .map_err(|error| LoadError::Shape {
                url: url.to_owned(),
                error,
            })?;
        Ok((page, body))
    }
}

impl<R, F, A> PageSink for TypedPages<R, F, A>
where
    R: Record + Identified,
    F: FnMut(DecodedPage<R>, &serde_json::Value, bool) -> ControlFlow<()>,
    A: FnMut(usize),
{
    fn begin_body(&mut self) -> bool {
        self.streamed = self.mapping.stream();
        self.streamed.is_some()
    }

    fn body_arrived(&mut self, part: &[u8]) {
        if let Some(streamed) = &mut self.streamed {
            streamed.feed(part);
            (self.on_rows_arriving)(self.rows_before + streamed.rows());
        }
    }

    fn decode(
        &mut self,
        url: &str,
        response: &HttpResponse,
    ) -> Result<(serde_json::Value, usize), LoadError> {
        let streamed = self.streamed.take();
        // No Content past the first page is the end of the list, as an
        // empty page is (ASP.NET's NoContent() for a page past the last);
        // on the first it is named, since a wrong address may answer so.
        if response.status == 204 {
            if self.rows_before > 0 {
                self.decoded = Some(DecodedPage::from(Vec::new()));
                return Ok((serde_json::Value::Null, 0));
            }
            return Err(LoadError::Empty {
                url: url.to_owned(),
                no_content: true,
            });
        }
        let (page, body) = match streamed.and_then(|streamed| streamed.finish(&response.body)) {
            Some(decoded) => decoded,
            None => self.decode_whole(url, &response.body.text())?,
        };
        let item_count = page.items.len() + page.errors.len();
        // On the first page only: past the end, some backends answer an
        // empty page with "page out of range", which ends the list.
        if item_count == 0 && self.rows_before == 0 {
            if let Some(error) = self.mapping.empty_beside_error(&body) {
                return Err(LoadError::Shape {
                    url: url.to_owned(),
                    error,
                });
            }
        }
        self.decoded = Some(page);
        Ok((body, item_count))
    }

    fn fingerprint(&self, body: &Body) -> u64 {
        match &self.decoded {
            Some(page) if !page.items.is_empty() => page
                .items
                .iter()
                .map(|record| fnv1a(record.id().as_bytes()))
                .fold(0, u64::wrapping_add),
            _ => body.fingerprint(),
        }
    }

    fn keep_first(&mut self, rows: usize) {
        if let Some(page) = &mut self.decoded {
            page.keep_first(rows);
        }
    }

    fn deliver(&mut self, body: &serde_json::Value, more_follow: bool) -> ControlFlow<()> {
        // `drive_pages` always decodes before it delivers; with nothing
        // decoded there is nothing to hand over.
        match self.decoded.take() {
            Some(mut page) => {
                // A skipped row is named by its place in the whole list, which
                // an admin can find; every page has a row 0.
                let rows = page.items.len() + page.errors.len();
                page.number_rows_from(self.rows_before);
                self.rows_before += rows;
                (self.on_page)(page, body, more_follow)
            }
            None => ControlFlow::Continue(()),
        }
    }
}

async fn drive_pages(
    config: &Config,
    resource: &Resource,
    job_id: Option<&str>,
    run_id: Option<&str>,
    pages: &mut dyn PageSink,
    on_retry: OnRetry<'_>,
) -> Result<LoadEnd, LoadError> {
    let mut pager = Pager::new(config, resource, job_id, run_id);
    let mut request = pager.first().map_err(LoadError::Paging)?;
    // The address of the page before, and whether it came from another
    // origin, which CORS let through.
    let mut previous_url = request.url.clone();
    let mut answered_across_origins = false;
    let mut home = Home::new(&request.url);
    loop {
        let withheld = home.withhold_elsewhere(&mut request.headers, &request.url);
        let mut decoding = perf::Stopwatch::default();
        perf::mark("pb:fetch:start");
        let sent = send_with_retries(&request, config, pages, &mut decoding, on_retry).await;
        // Offline, the browser says why: no CORS guess to add.
        let unreachable = matches!(
            sent,
            Err(LoadError::Send {
                error: SendError::Network { offline: false, .. },
                ..
            })
        );
        let Some(response) = sent.map_err(|error| match error {
            error if unreachable && surely_other_origins(&request.url, &previous_url) => {
                LoadError::LinkedElsewhere {
                    error: Box::new(error),
                    previous_url: previous_url.clone(),
                    scheme_only: only_scheme_differs(&request.url, &previous_url),
                }
            }
            error if unreachable && answered_across_origins => LoadError::ReachedBefore {
                error: Box::new(error),
            },
            error @ LoadError::Http {
                status: 401 | 403, ..
            } if !withheld.is_empty() => LoadError::HeadersWithheld {
                error: Box::new(error),
                names: withheld.clone(),
            },
            error => error,
        })?
        else {
            return Ok(LoadEnd::Stopped);
        };
        previous_url = request.url.clone();
        answered_across_origins = response.cross_origin;
        home.answered(&response.url, response.redirected);
        perf::mark("pb:fetch:end");
        perf::measure("pb:fetch", "pb:fetch:start", "pb:fetch:end");
        let answered_by = answered_by(&request.url, &response);
        let decoded = decoding.time(|| pages.decode(&answered_by, &response));
        decoding.measure("pb:decode");
        let (body, item_count) = decoded?;
        let step = pager.next(&Response {
            status: response.status,
            headers: &response.headers,
            body: &body,
            item_count,
            fingerprint: pager
                .compares_pages()
                .then(|| pages.fingerprint(&response.body)),
            cross_origin: response.cross_origin,
        });
        // A page the backend repeated holds rows already delivered.
        match step {
            Err(error) if error.repeats_a_page() => return Err(LoadError::Paging(error)),
            Ok(Step::RepeatedPastEnd) => return Ok(LoadEnd::Complete),
            _ => {}
        }
        let more_follow = matches!(step, Ok(Step::Fetch(_)));
        // The page that reached the limit may hold more than fits under it.
        if let Ok(Step::LimitReached {
            last_page_keeps, ..
        }) = step
        {
            pages.keep_first(last_page_keeps);
        }
        if pages.deliver(&body, more_follow).is_break() {
            return Ok(LoadEnd::Stopped);
        }
        match step.map_err(LoadError::Paging)? {
            Step::Fetch(next) => request = next,
            Step::Done => return Ok(LoadEnd::Complete),
            Step::LimitReached { max, .. } => {
                return Ok(LoadEnd::CutShort(CutShort::Limit { max }))
            }
            Step::LostTrail(trail) => return Ok(LoadEnd::CutShort(CutShort::LostTrail(trail))),
            Step::RepeatedPastEnd => return Ok(LoadEnd::Complete),
        }
    }
}

/// Sends `request` until it succeeds or retrying is no use; `pages` decodes
/// each successful body as it arrives, the time it takes added to `decoding`.
/// None when `on_retry` stopped it during a wait.
async fn send_with_retries(
    request: &Request,
    config: &Config,
    pages: &mut dyn PageSink,
    decoding: &mut perf::Stopwatch,
    on_retry: OnRetry<'_>,
) -> Result<Option<HttpResponse>, LoadError> {
    let mut request = request.clone();
    if let Some(authorization) = authorization_for(&request.url, &config.base_url) {
        request
            .headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
        request
            .headers
            .push(("Authorization".to_owned(), authorization));
    }
    let request = &request;
    let mut attempt = 1;
    let answered = loop {
        let streams = pages.begin_body();
        let mut arrived = |part: &[u8]| decoding.time(|| pages.body_arrived(part));
        let arrived = streams.then_some(&mut arrived as OnPart);
        let result = send(request, config.credentials, arrived).await;
        let retry_after = result
            .as_ref()
            .ok()
            .and_then(|response| retry_after_seconds(&response.headers));
        let outcome = match &result {
            Ok(response) if (200..300).contains(&response.status) => break result,
            Ok(response) => Outcome::Status {
                status: response.status,
                retry_after,
            },
            // Asking again would send the same header.
            Err(SendError::BadHeader { .. } | SendError::TooLarge { .. }) => break result,
            Err(_) => Outcome::NoResponse,
        };
        let Some(wait) = wait_before_retry(outcome, attempt) else {
            return Err(match result {
                Ok(response) => LoadError::Http {
                    status: response.status,
                    url: answered_by(&request.url, &response),
                    retry_after,
                    attempts: attempt,
                    says: backend_message(&response.body.text(), response.status),
                    moved: moved(request, &response),
                },
                Err(error) => LoadError::Send {
                    error,
                    attempts: attempt,
                },
            });
        };
        let failed = match &result {
            Ok(response) => FailedAttempt::Status(response.status),
            Err(SendError::Stalled { .. } | SendError::BodyBroken { .. }) => {
                FailedAttempt::BrokeOff
            }
            Err(_) => FailedAttempt::NoAnswer,
        };
        let asked = retry_after.is_some_and(|seconds| seconds.saturating_mul(1000) == wait);
        let waiting = RetryWait {
            failed,
            millis: wait,
            asked,
        };
        if on_retry(Some(&waiting)).is_break() {
            return Ok(None);
        }
        sleep(wait).await;
        if on_retry(None).is_break() {
            return Ok(None);
        }
        attempt += 1;
    };
    answered.map(Some).map_err(|error| LoadError::Send {
        error,
        attempts: attempt,
    })
}

/// What a redirect did to `request`, where its failed answer may be owed to
/// it.
fn moved(request: &Request, response: &HttpResponse) -> Option<Moved> {
    if !response.redirected {
        return None;
    }
    if request.method == Method::Post && matches!(response.status, 404 | 405) {
        return Some(Moved::PostAsGet);
    }
    let sent_credentials = header_value(&request.headers, "authorization").is_some();
    (response.status == 401
        && sent_credentials
        && surely_other_origins(&request.url, &response.url))
    .then_some(Moved::CredentialsLeftBehind)
}

/// The address that answered, for messages; after a redirect, with the
/// address asked, since the redirect is often the fault (an expired session
/// sent to a sign-in page).
fn answered_by(asked: &str, response: &HttpResponse) -> String {
    if response.redirected {
        format!("{} (redirected from {asked})", response.url)
    } else {
        response.url.clone()
    }
}

fn parse_body(url: &str, text: &str) -> Result<serde_json::Value, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            url: url.to_owned(),
            no_content: false,
        });
    }
    serde_json::from_str(text).map_err(|error| match error.classify() {
        serde_json::error::Category::Eof => LoadError::CutOff {
            url: url.to_owned(),
            bytes: text.len(),
        },
        _ => {
            let at = offset_of(text, error.line(), error.column());
            let start = text.len() - text.trim_start().len();
            // Past the start the body's first characters look like JSON and
            // say nothing; the text around the fault shows what broke.
            if at > start + 24 {
                let before: String = text[..at].chars().rev().take(24).collect();
                let after: String = text[at..].chars().take(16).collect();
                LoadError::BrokenJson {
                    url: url.to_owned(),
                    near: before.chars().rev().chain(after.chars()).collect(),
                    detail: error.to_string(),
                }
            } else {
                LoadError::NotJson {
                    url: url.to_owned(),
                    found: text[start..].chars().take(24).collect(),
                    detail: error.to_string(),
                    page_title: is_web_page(text).then(|| web_page_title(text)).flatten(),
                }
            }
        }
    })
}
