//! Sends one request from the browser, with a timeout and the configured
//! credentials mode. Only this file and [`super::load`] touch the network.
//!
//! The timeout holds for the answer to begin, then for each part of its
//! body: a server that stops sending midway is given up on as one that
//! never answers, while a large body on a slow link that keeps coming is
//! read to its end.

use super::body::Body;
use super::config::{Credentials, Method};
use super::header::{header_problem, header_value};
use super::paging::Request;
use std::fmt;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A response, read whole.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// The address that answered, in full: after any redirect, which a
    /// sign-in page behind an expired session is.
    pub url: String,
    pub redirected: bool,
    /// Answered from another origin: of its headers, the page reads only
    /// the few CORS always allows and those the backend exposes.
    pub cross_origin: bool,
}

/// Why no response arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    Timeout {
        url: String,
        seconds: u32,
    },
    /// The answer began, then nothing more of its body came for `seconds`.
    Stalled {
        url: String,
        seconds: u32,
    },
    /// Refused, unreachable, blocked by CORS or by the page's CSP: the
    /// browser does not say which, but does say when it has no network at
    /// all (`offline`).
    Network {
        url: String,
        offline: bool,
    },
    /// The answer began but its body did not arrive whole: the connection
    /// dropped, or the body's compression could not be undone.
    BodyBroken {
        url: String,
    },
    /// The body passed [`MAX_BODY_BYTES`] and was still arriving, so it was
    /// given up before it filled the tab's memory.
    TooLarge {
        url: String,
    },
    /// A header the browser would refuse to send, so nothing was sent: a
    /// header value filled in from a placeholder, or a token set by the
    /// host page.
    BadHeader {
        name: String,
        problem: String,
    },
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Timeout { url, seconds } => {
                write!(f, "no answer from {url} within {seconds} s")
            }
            SendError::Stalled { url, seconds } => write!(
                f,
                "the answer from {url} stopped arriving: nothing more of it came \
                 for {seconds} s"
            ),
            SendError::Network { url, offline: true } => write!(
                f,
                "could not reach {url}: this browser is offline (no network \
                 connection)"
            ),
            SendError::Network { url, .. } => write!(
                f,
                "could not reach {url} (the server refused or is unreachable, \
                 or the browser blocked the request)"
            ),
            SendError::BodyBroken { url } => write!(
                f,
                "the answer from {url} broke off while it arrived (the connection \
                 dropped, or its compressed body could not be read)"
            ),
            SendError::TooLarge { url } => write!(
                f,
                "the answer from {url} passed {} MB, the most Patchboard reads of one \
                 answer, and was still arriving, so it stopped reading: a list that large \
                 belongs in pages, or smaller ones (see paging in docs/configuration.md)",
                MAX_BODY_BYTES >> 20
            ),
            SendError::BadHeader { name, problem } => {
                write!(f, "the header {name:?} cannot be sent: {problem}")
            }
        }
    }
}

/// The most of one answer's body that is read: a 150,000-endpoint list
/// in one piece is about 90 MB, and a body without end (a broken or hostile
/// backend) would otherwise grow until the tab runs out of memory.
pub const MAX_BODY_BYTES: usize = 512 << 20;

/// Called with each part of a body as it arrives.
pub type OnPart<'a> = &'a mut dyn FnMut(&[u8]);

/// Whether the browser knows it has no network connection at all.
fn browser_is_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// Sends `request` and reads the answer. With `arrived`, a successful
/// answer's body is read as it arrives, and `arrived` sees each part;
/// without, it is read in one piece.
pub async fn send(
    request: &Request,
    credentials: Credentials,
    arrived: Option<OnPart<'_>>,
) -> Result<HttpResponse, SendError> {
    let url = absolute(&request.url);
    let network_error = || SendError::Network {
        url: url.clone(),
        offline: browser_is_offline(),
    };
    for (name, value) in &request.headers {
        if let Some(problem) = header_problem(name, value) {
            return Err(SendError::BadHeader {
                name: name.clone(),
                problem,
            });
        }
    }
    let controller = web_sys::AbortController::new().map_err(|_| network_error())?;
    let mut timer = Timer::abort_after(&controller, request.timeout_seconds);
    let _abort_if_dropped = AbortOnDrop(controller.clone());

    let mut builder = match request.method {
        Method::Get => gloo_net::http::RequestBuilder::new(&request.url),
        Method::Post => gloo_net::http::Request::post(&request.url),
    }
    .credentials(match credentials {
        Credentials::Omit => web_sys::RequestCredentials::Omit,
        Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
        Credentials::Include => web_sys::RequestCredentials::Include,
    })
    // Live data is never answered from the browser's cache, which would
    // also hold a second request for the same address until the first ends.
    .cache(web_sys::RequestCache::NoStore)
    .abort_signal(Some(&controller.signal()));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    // A configured Content-Type stands (AWS's JSON protocols want
    // application/x-amz-json-1.1); the body is JSON either way.
    let typed = header_value(&request.headers, "content-type").is_some();
    let sent = match &request.body {
        Some(body) => {
            if !typed {
                builder = builder.header("Content-Type", "application/json");
            }
            builder
                .body(body.clone())
                .map_err(|_| network_error())?
                .send()
                .await
        }
        None => builder.send().await,
    };
    let response = sent.map_err(|_| {
        if timer.fired() {
            SendError::Timeout {
                url: url.clone(),
                seconds: request.timeout_seconds,
            }
        } else {
            network_error()
        }
    })?;
    let headers: Vec<(String, String)> = response.headers().entries().collect();
    let status = response.status();
    let answered_url = Some(response.url()).filter(|answered| !answered.is_empty());
    let redirected = response.redirected();
    let cross_origin = response.type_() == web_sys::ResponseType::Cors;
    let mut unwatched = |_: &[u8]| {};
    let arrived = match arrived {
        Some(arrived) if (200..300).contains(&status) => arrived,
        _ => &mut unwatched,
    };
    let body = match response.body() {
        Some(stream) => {
            let read = {
                // Each part gives the body the whole time again.
                let mut timed = |part: &[u8]| {
                    timer.restart();
                    arrived(part);
                };
                read_stream(stream, MAX_BODY_BYTES, &mut timed).await
            };
            read.map_err(|failure| {
                if failure == ReadFailure::TooLarge {
                    controller.abort();
                    SendError::TooLarge { url: url.clone() }
                } else if timer.fired() {
                    SendError::Stalled {
                        url: url.clone(),
                        seconds: request.timeout_seconds,
                    }
                } else {
                    SendError::BodyBroken { url: url.clone() }
                }
            })?
        }
        None => Body::default(),
    };
    Ok(HttpResponse {
        status,
        headers,
        body,
        url: answered_url.unwrap_or(url),
        redirected,
        cross_origin,
    })
}

/// `url` resolved against the page, as `fetch` resolves it, so that a
/// message names the whole address.
fn absolute(url: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map_or_else(|| url.to_owned(), |resolved| resolved.href())
}

/// Why a body was not read to its end.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// The stream errored: a dropped connection, a timeout's abort.
    Broken,
    /// It would have passed the most that is read.
    TooLarge,
}

/// Reads a body part by part, handing each to `arrived` as it comes, and
/// gives it up once it would pass `max_bytes`.
pub async fn read_stream(
    stream: web_sys::ReadableStream,
    max_bytes: usize,
    arrived: OnPart<'_>,
) -> Result<Body, ReadFailure> {
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Body::default();
    loop {
        let part: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| ReadFailure::Broken)?
            .unchecked_into();
        if part.get_done().unwrap_or(true) {
            return Ok(body);
        }
        let bytes: js_sys::Uint8Array = part.get_value().unchecked_into();
        if body.len() + bytes.length() as usize > max_bytes {
            return Err(ReadFailure::TooLarge);
        }
        let part = bytes.to_vec();
        arrived(&part);
        body.push(part);
    }
}

/// The answer to a GET of `url` that `loader.js` sent before the app
/// started, as it left it: `{status, text, url, redirected}`, or `{error}` with the name of
/// the error (`TimeoutError` after its `AbortSignal.timeout` of `seconds`).
pub async fn early_answer(
    answer: js_sys::Promise,
    url: &str,
    seconds: u32,
) -> Result<HttpResponse, SendError> {
    let network_error = || SendError::Network {
        url: url.to_owned(),
        offline: browser_is_offline(),
    };
    let answer = JsFuture::from(answer).await.map_err(|_| network_error())?;
    let field = |name: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(name)).ok();
    match field("error").and_then(|error| error.as_string()) {
        Some(error) if error == "TimeoutError" => Err(SendError::Timeout {
            url: url.to_owned(),
            seconds,
        }),
        Some(_) => Err(network_error()),
        None => Ok(HttpResponse {
            status: field("status").and_then(|s| s.as_f64()).unwrap_or(0.0) as u16,
            headers: Vec::new(),
            url: field("url")
                .and_then(|answered| answered.as_string())
                .unwrap_or_else(|| url.to_owned()),
            redirected: field("redirected").is_some_and(|r| r.is_truthy()),
            cross_origin: false,
            body: field("text")
                .and_then(|t| t.as_string())
                .unwrap_or_default()
                .into_bytes()
                .into(),
        }),
    }
}

/// Resolves after `millis`; for backoff between retries.
pub async fn sleep(millis: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Aborts a request whose caller stopped waiting for it (a superseded load
/// drops its future): its answer is no use, and a slow one would hold the
/// connection. Once the answer is read, aborting does nothing.
struct AbortOnDrop(web_sys::AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Aborts a request when its time is up; cleared when dropped.
struct Timer {
    handle: Option<i32>,
    millis: i32,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
    callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn abort_after(controller: &web_sys::AbortController, seconds: u32) -> Timer {
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        let controller = controller.clone();
        let flag = fired.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            controller.abort();
        });
        let mut timer = Timer {
            handle: None,
            millis: (seconds.max(1) * 1000) as i32,
            fired,
            callback,
        };
        timer.restart();
        timer
    }

    /// Gives the request the whole time again, from now.
    fn restart(&mut self) {
        self.clear();
        self.handle = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    self.callback.as_ref().unchecked_ref(),
                    self.millis,
                )
                .ok()
        });
    }

    fn clear(&mut self) {
        if let (Some(window), Some(handle)) = (web_sys::window(), self.handle.take()) {
            window.clear_timeout_with_handle(handle);
        }
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.clear();
    }
}
