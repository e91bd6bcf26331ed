//! Finding the configuration: the host page's `window.PATCHBOARD_CONFIG`,
//! else `config.json` beside the app, else the bundled demo. Never the URL
//! query: a crafted link must not point the app, or its credentials, elsewhere.

use crate::domain::progress::DEFAULT_STUCK_AFTER_HOURS;
use crate::source::body_text::is_web_page;
use crate::source::config::{Config, ConfigProblem};
use crate::source::config_read::{config_from_value, read_config};
use crate::source::http::{early_answer, send};
use crate::source::json_syntax::described;
use crate::source::paging::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{json, Value};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The configuration in force and where it came from.
#[derive(Debug, Clone)]
pub struct DataSource {
    pub config: Arc<Config>,
    /// The bundled demo: its times are moved to the browser's clock.
    pub demo: bool,
    /// Where the configuration came from, for the footer and error messages.
    pub origin: &'static str,
}

#[derive(Debug, Clone)]
pub enum SourceState {
    Resolving,
    Ready(DataSource),
    /// The configuration exists but is wrong; each problem names its key.
    /// `passing`: it could not be fetched (no answer, or a server error),
    /// which asking again may cure.
    Invalid {
        origin: &'static str,
        problems: Vec<String>,
        passing: bool,
    },
}

impl SourceState {
    /// The bundled demo is on screen: no backend is configured.
    pub fn is_demo(&self) -> bool {
        matches!(self, SourceState::Ready(source) if source.demo)
    }
}

pub fn provide_data_source() -> RwSignal<SourceState> {
    let state = RwSignal::new(SourceState::Resolving);
    provide_context(state);
    spawn_local(async move { state.set(resolve(true).await) });
    state
}

/// Asks for `config.json` again, after a failure that may have passed.
pub fn fetch_config_again(state: RwSignal<SourceState>) {
    state.set(SourceState::Resolving);
    spawn_local(async move { state.set(resolve(false).await) });
}

pub fn use_data_source() -> RwSignal<SourceState> {
    expect_context::<RwSignal<SourceState>>()
}

/// A value of the configuration in force, or `fallback` while none is
/// (tracked: it follows the source once the configuration is read).
pub fn configured<T>(
    source: RwSignal<SourceState>,
    read: impl FnOnce(&Config) -> T,
    fallback: T,
) -> T {
    source.with(|state| match state {
        SourceState::Ready(source) => read(&source.config),
        _ => fallback,
    })
}

/// The configuration's `stuck_after_hours`; the default until one is read.
pub fn use_stuck_after_hours() -> Signal<u32> {
    let source = use_data_source();
    Signal::derive(move || {
        configured(
            source,
            |config| config.stuck_after_hours,
            DEFAULT_STUCK_AFTER_HOURS,
        )
    })
}

/// Whether the job results can be asked for a chosen run: their request
/// names `{run_id}`. False until a configuration is read.
pub fn use_results_per_run() -> Signal<bool> {
    let source = use_data_source();
    Signal::derive(move || {
        configured(
            source,
            |config| {
                config
                    .resources
                    .job_results
                    .as_ref()
                    .is_some_and(|results| results.per_run)
            },
            false,
        )
    })
}

/// The folder the app's files are served from, as the loader recorded it.
pub fn asset_base() -> String {
    loader_value("assetBase")
        .and_then(|base| base.as_string())
        .unwrap_or_else(|| "./".to_owned())
}

/// What `loader.js` left in `window.Patchboard` under `name`.
fn loader_value(name: &str) -> Option<JsValue> {
    let patchboard = js_sys::Reflect::get(&window(), &JsValue::from_str("Patchboard")).ok()?;
    js_sys::Reflect::get(&patchboard, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined())
}

/// `early`: take the answer `loader.js` got, when it asked.
async fn resolve(early: bool) -> SourceState {
    match host_config() {
        Some(Ok(value)) => {
            return validated(config_from_value(&value), "window.PATCHBOARD_CONFIG", false)
        }
        Some(Err(problem)) => {
            return SourceState::Invalid {
                origin: "window.PATCHBOARD_CONFIG",
                problems: vec![problem],
                passing: false,
            }
        }
        None => {}
    }
    match config_file(early).await {
        // Read from the text, which alone shows a key given twice.
        Ok(Some(text)) => match validated(read_config(&text), "config.json", false) {
            SourceState::Ready(mut source) => {
                Arc::make_mut(&mut source.config).base_url = beside_app(&source.config.base_url);
                SourceState::Ready(source)
            }
            invalid => invalid,
        },
        Ok(None) => {
            let base = asset_base();
            let demo = json!({ "preset": "native", "base_url": format!("{}demo", base) });
            validated(config_from_value(&demo), "the bundled demo data", true)
        }
        Err((problem, passing)) => SourceState::Invalid {
            origin: "config.json",
            problems: vec![problem],
            passing,
        },
    }
}

/// `base_url` as read from config.json: a relative one names a place beside
/// that file, as any address in a file does, not beside the page that embeds
/// the app. Absolute, it also shows requests' errors with the address asked.
fn beside_app(base_url: &str) -> String {
    web_sys::Url::new_with_base(base_url, &asset_base())
        .map(|url| url.href().trim_end_matches('/').to_owned())
        .unwrap_or_else(|_| base_url.to_owned())
}

fn validated(
    read: Result<Config, Vec<ConfigProblem>>,
    origin: &'static str,
    demo: bool,
) -> SourceState {
    match read {
        Ok(config) => SourceState::Ready(DataSource {
            config: Arc::new(config),
            demo,
            origin,
        }),
        Err(problems) => SourceState::Invalid {
            origin,
            problems: problems.iter().map(ToString::to_string).collect(),
            passing: false,
        },
    }
}

/// The object a host page set before loading the app, as JSON. One that
/// JSON cannot hold (a cycle, a BigInt, a function) is a problem to show,
/// not a reason to fall back to config.json or the demo.
fn host_config() -> Option<Result<Value, String>> {
    let value = js_sys::Reflect::get(&window(), &JsValue::from_str("PATCHBOARD_CONFIG")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    let text = match js_sys::JSON::stringify(&value) {
        Ok(text) => text.as_string(),
        Err(error) => {
            let reason = error.dyn_ref::<js_sys::Error>().map_or_else(
                || "JSON.stringify failed".to_owned(),
                |error| error.message().into(),
            );
            return Some(Err(format!("it cannot be written as JSON: {reason}")));
        }
    };
    Some(match text {
        // A value JSON cannot express still reaches validation, which names it.
        Some(text) => Ok(serde_json::from_str(&text).unwrap_or(Value::String(text))),
        None => Err("it is not a JSON value (a function or a symbol)".to_owned()),
    })
}

/// How long `config.json` may take to answer (`loader.js` allows the same).
const CONFIG_TIMEOUT_SECONDS: u32 = 10;

/// `config.json` beside the app, its text once it is known to be JSON:
/// absent (404) means "no configuration".
/// `loader.js` has usually asked for it already; else it is asked for now.
/// A failure says why, and whether it may pass.
async fn config_file(early: bool) -> Result<Option<String>, (String, bool)> {
    let url = format!("{}config.json", asset_base());
    let response = match loader_value("configFile").filter(|_| early) {
        Some(answer) => early_answer(answer.into(), &url, CONFIG_TIMEOUT_SECONDS).await,
        None => {
            let request = Request {
                url: url.clone(),
                method: crate::source::config::Method::Get,
                headers: Vec::new(),
                body: None,
                timeout_seconds: CONFIG_TIMEOUT_SECONDS,
            };
            send(
                &request,
                crate::source::config::Credentials::SameOrigin,
                None,
            )
            .await
        }
    }
    .map_err(|error| (error.to_string(), true))?;
    let text = response.body.text();
    let web_page = is_web_page(&text);
    match response.status {
        404 => Ok(None),
        // Sent on to a web page: a sign-in page, most often, which is not
        // the demo's cue. Signed in, asking again can read the file.
        200..=299 if response.redirected && web_page => Err((
            format!(
                "{url} was redirected to {}, which answered with a web page, not the configuration: sign in there if it asks, then try again",
                response.url
            ),
            true,
        )),
        // A server that answers every path with the app's page has no config.json.
        200..=299 if web_page => Ok(None),
        // An empty file is more likely a mistake than a wish for the demo.
        200..=299 if text.trim().is_empty() => Err((
            format!(
                "{url} is empty: write the configuration in it, or remove it to show the demo data"
            ),
            false,
        )),
        200..=299 => match serde_json::from_str::<serde::de::IgnoredAny>(&text) {
            Ok(_) => Ok(Some(text.into_owned())),
            Err(error) => Err((
                format!("{url} is not valid JSON: {}", described(&text, &error)),
                false,
            )),
        },
        status => Err((
            format!("{url} could not be read (HTTP {status})"),
            status >= 500 || status == 429,
        )),
    }
}
