//! Reading a configuration from JSON, reporting every problem at once.
//!
//! A hand-written walk rather than serde derives: serde stops at the first
//! error, while a user fixing a config file wants the whole list, each with
//! its key path, and typos in key names caught rather than ignored.

use super::coerce::MAP_WITH_VALUES;
use super::config::{
    Config, ConfigProblem, Credentials, Method, PageEnd, Paging, Resource, Resources, ValueWords,
};
use super::duplicate_keys::duplicate_keys;
use super::header::header_problem;
use super::pointer::Pointer;
use super::presets;
use super::record::{configurable_names, word_problem, Record};
use super::url::{
    expand_header, expand_json, expand_url, placeholders, Placeholder, TemplateError, Vars,
};
use crate::domain::asset::AssetResult;
use crate::domain::derive::{
    days, DerivationPolicy, MaintenanceReported, DEFAULT_WSUS_REPORT_MAX_DAYS,
};
use crate::domain::endpoint::Endpoint;
use crate::domain::job::{Job, JobRun};
use crate::domain::progress::DEFAULT_STUCK_AFTER_HOURS;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

const DEFAULT_REFRESH_SECONDS: u32 = 30;
const DEFAULT_TIMEOUT_SECONDS: u32 = 30;
/// Guards against a backend that pages forever.
const DEFAULT_MAX_ITEMS: u64 = 250_000;
const DEFAULT_PAGE_SIZE: u64 = 100;

/// Parses and validates configuration text.
pub fn read_config(text: &str) -> Result<Config, Vec<ConfigProblem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![ConfigProblem {
            path: "(document)".to_owned(),
            message: format!("expected valid JSON: {e}"),
        }]
    })?;
    let config = config_from_value(&value);
    let duplicates = duplicate_keys(text);
    if duplicates.is_empty() {
        return config;
    }
    let mut problems = config.err().unwrap_or_default();
    problems.extend(duplicates.into_iter().map(|path| ConfigProblem {
        path,
        message:
            "given more than once; keep the one you mean (only the last would count)".to_owned(),
    }));
    Err(problems)
}

/// Validates a configuration already parsed as JSON, merging it over its preset.
pub fn config_from_value(user: &Value) -> Result<Config, Vec<ConfigProblem>> {
    let mut report = Report::default();
    let mut unknown_preset = false;
    let preset = match user.get("preset") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => match presets::preset(name) {
            Some(_) => Some(name.clone()),
            None => {
                let hint = presets::NAMES
                    .iter()
                    .find(|known| known.eq_ignore_ascii_case(name))
                    .map(|known| format!(" (names are lower case: {known:?})"))
                    .unwrap_or_default();
                report.add(
                    "preset",
                    format!(
                        "expected one of {}, found {name:?}{hint}",
                        quoted(presets::NAMES)
                    ),
                );
                unknown_preset = true;
                None
            }
        },
        Some(other) => {
            report.add(
                "preset",
                format!("expected a preset name, found {}", kind(other)),
            );
            unknown_preset = true;
            None
        }
    };
    let merged = match preset.as_deref().and_then(presets::preset) {
        Some(base) => presets::merge(base, user),
        None => user.clone(),
    };
    let config = read_root(&merged, user, preset, &mut report);
    if unknown_preset {
        // What only the preset would have given ("resources: missing",
        // "base_url: missing") is not the problem: its name is.
        report
            .0
            .retain(|problem| !problem.message.starts_with("missing"));
    }
    match (config, report.0.is_empty()) {
        (Some(config), true) => Ok(config),
        _ => Err(report.0),
    }
}

#[derive(Default)]
struct Report(Vec<ConfigProblem>);

impl Report {
    fn add(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(ConfigProblem {
            path: path.to_owned(),
            message: message.into(),
        });
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind(value: &Value) -> String {
    super::coerce::shown(value, 40)
}

/// A key's path under `path`, as every problem names it: "resources.jobs.url".
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// An object whose keys have been checked against the allowed ones.
struct Obj<'v> {
    path: String,
    map: &'v Map<String, Value>,
}

impl<'v> Obj<'v> {
    fn open(path: &str, value: &'v Value, allowed: &[&str], report: &mut Report) -> Option<Self> {
        let Value::Object(map) = value else {
            report.add(path, format!("expected an object, found {}", kind(value)));
            return None;
        };
        for key in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
            report.add(
                &join(path, key),
                format!("unknown key (expected one of {})", quoted(allowed)),
            );
        }
        Some(Obj {
            path: path.to_owned(),
            map,
        })
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value at `key`; JSON null counts as absent so a user can unset a preset key.
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn string(&self, key: &str, report: &mut Report) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(s.clone()),
            other => {
                report.add(
                    &self.at(key),
                    format!("expected a string, found {}", kind(other)),
                );
                None
            }
        }
    }

    fn required_string(&self, key: &str, what: &str, report: &mut Report) -> Option<String> {
        if self.get(key).is_none() {
            report.add(&self.at(key), format!("missing; expected {what}"));
        }
        self.string(key, report)
    }

    /// A required string in which `problem` finds nothing wrong.
    fn required_address(
        &self,
        key: &str,
        what: &str,
        problem: fn(&str) -> Option<String>,
        report: &mut Report,
    ) -> Option<String> {
        let text = self.required_string(key, what, report)?;
        match problem(&text) {
            Some(problem) => {
                report.add(&self.at(key), problem);
                None
            }
            None => Some(text),
        }
    }

    fn integer(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<u64>,
        default: u64,
        report: &mut Report,
    ) -> u64 {
        let Some(value) = self.get(key) else {
            return default;
        };
        // 30.0 is as whole as 30, as the data's numbers are read.
        let whole = value.as_number().and_then(super::coerce::whole_number);
        match whole.filter(|n| range.contains(n)) {
            Some(n) => n,
            None => {
                let (lo, hi) = (range.start(), range.end());
                report.add(
                    &self.at(key),
                    format!(
                        "expected an integer from {lo} to {hi}, found {}",
                        kind(value)
                    ),
                );
                default
            }
        }
    }

    /// [`Self::integer`] for a setting the configuration holds as a `u32`.
    fn integer_u32(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<u32>,
        default: u32,
        report: &mut Report,
    ) -> u32 {
        let wide = u64::from(*range.start())..=u64::from(*range.end());
        let value = self.integer(key, wide, u64::from(default), report);
        // In range, so it fits.
        u32::try_from(value).unwrap_or(default)
    }

    fn boolean(&self, key: &str, default: bool, report: &mut Report) -> bool {
        match self.get(key) {
            None => default,
            Some(Value::Bool(value)) => *value,
            Some(other) => {
                report.add(
                    &self.at(key),
                    format!("expected true or false, found {}", kind(other)),
                );
                default
            }
        }
    }

    fn choice<T: Copy>(
        &self,
        key: &str,
        choices: &[(&str, T)],
        default: T,
        report: &mut Report,
    ) -> T {
        let Some(value) = self.get(key) else {
            return default;
        };
        let found = choices
            .iter()
            .find(|(word, _)| value.as_str() == Some(word));
        found.map(|(_, t)| *t).unwrap_or_else(|| {
            let words: Vec<&str> = choices.iter().map(|(w, _)| *w).collect();
            report.add(
                &self.at(key),
                format!("expected one of {}, found {}", quoted(&words), kind(value)),
            );
            default
        })
    }

    fn string_map(&self, key: &str, report: &mut Report) -> BTreeMap<String, String> {
        let Some(value) = self.get(key) else {
            return BTreeMap::new();
        };
        read_string_map(&self.at(key), value, report)
    }

    /// The "headers" object, each header checked as the browser will.
    fn headers(&self, report: &mut Report) -> BTreeMap<String, String> {
        let headers = self.string_map("headers", report);
        for (name, value) in &headers {
            if let Some(problem) = header_problem(name, value) {
                report.add(&join(&self.at("headers"), &format!("{name:?}")), problem);
            }
        }
        headers
    }
}

fn read_string_map(path: &str, value: &Value, report: &mut Report) -> BTreeMap<String, String> {
    read_map(path, value, report, "a string", |v| {
        v.as_str().map(str::to_owned)
    })
}

/// An object's members read by `read`, each one it cannot read reported as
/// not `expected`.
fn read_map<T>(
    path: &str,
    value: &Value,
    report: &mut Report,
    expected: &str,
    read: impl Fn(&Value) -> Option<T>,
) -> BTreeMap<String, T> {
    let Value::Object(map) = value else {
        report.add(
            path,
            format!("expected an object of strings, found {}", kind(value)),
        );
        return BTreeMap::new();
    };
    // Inserted one by one like every map read here: collecting would sort
    // the already ordered keys, with one more sort compiled into the wasm.
    let mut read_members = BTreeMap::new();
    for (k, v) in map {
        match read(v) {
            Some(member) => {
                read_members.insert(k.clone(), member);
            }
            // Quoted: the key is the backend's (a header, a word), and may
            // hold dots or spaces.
            None => report.add(
                &join(path, &format!("{k:?}")),
                format!("expected {expected}, found {}", kind(v)),
            ),
        }
    }
    read_members
}

/// `root` is the configuration merged over its preset; `user` the one given,
/// which says which fields it maps itself.
fn read_root(
    root: &Value,
    user: &Value,
    preset: Option<String>,
    report: &mut Report,
) -> Option<Config> {
    let obj = Obj::open(
        "",
        root,
        &[
            "preset",
            "base_url",
            "refresh_seconds",
            "stuck_after_hours",
            "wsus_report_max_days",
            "missing_wsus_report_is_problem",
            "headers",
            "credentials",
            "resources",
        ],
        report,
    )?;
    let base_url = obj.required_address(
        "base_url",
        "the backend's base URL as a string",
        base_url_problem,
        report,
    );
    let refresh_seconds = obj.integer_u32(
        "refresh_seconds",
        0..=86_400,
        DEFAULT_REFRESH_SECONDS,
        report,
    );
    // Up to 30 days: a longer wait is no longer "stuck" but forgotten.
    let stuck_after_hours = obj.integer_u32(
        "stuck_after_hours",
        1..=720,
        DEFAULT_STUCK_AFTER_HOURS,
        report,
    );
    let mut derivation = DerivationPolicy {
        wsus_report_max_age: days(obj.integer_u32(
            "wsus_report_max_days",
            1..=365,
            DEFAULT_WSUS_REPORT_MAX_DAYS,
            report,
        )),
        missing_wsus_report_is_problem: obj.boolean(
            "missing_wsus_report_is_problem",
            false,
            report,
        ),
        ..DerivationPolicy::default()
    };
    let headers = obj.headers(report);
    check_shared_headers(&obj.at("headers"), &headers, report);
    let credentials = obj.choice(
        "credentials",
        &[
            ("omit", Credentials::Omit),
            ("same-origin", Credentials::SameOrigin),
            ("include", Credentials::Include),
        ],
        Credentials::SameOrigin,
        report,
    );
    let resources = match obj.get("resources") {
        Some(value) => read_resources(value, user.get("resources"), report),
        None => {
            report.add(
                "resources",
                "missing; expected an object with jobs, job_results, job_runs, endpoints",
            );
            Resources::default()
        }
    };
    // What a mapping leaves out tells nothing: no schedule mapped is not
    // "none assigned", no windows mapped not "no windows".
    derivation.maintenance =
        resources
            .endpoints
            .as_ref()
            .map_or(MaintenanceReported::ALL, |endpoints| {
                let mapped = |field: &str| endpoints.fields.contains_key(field);
                MaintenanceReported {
                    schedules: mapped("maintenance_name") || mapped("maintenance_windows"),
                    windows: mapped("maintenance_windows"),
                }
            });
    Some(Config {
        preset,
        base_url: base_url?,
        refresh_seconds,
        stuck_after_hours,
        derivation,
        headers,
        credentials,
        resources,
    })
}

/// What keeps `url` from being a base for the resources' paths: a query
/// or fragment, or anything [`address_problem`] finds.
fn base_url_problem(url: &str) -> Option<String> {
    if url.contains(['?', '#']) {
        // "{base_url}/jobs" would put the path after the query or fragment.
        // Not quoted: a query may carry a key.
        return Some(
            "the address has a query or fragment, which would come before each \
             resource's path; put query parameters in the resources' url templates"
                .to_owned(),
        );
    }
    address_problem(url)
}

/// What keeps a resource's url template from being fetched: empty, or an
/// address that is not a web address. One that begins with a placeholder
/// (`{base_url}/jobs`) is judged through base_url.
fn resource_url_problem(template: &str) -> Option<String> {
    if template.trim().is_empty() {
        return Some("is empty; expected a URL template such as \"{base_url}/jobs\"".to_owned());
    }
    // "${base_url}/jobs", "{{base_url}}/jobs": another template language's.
    if let Some((before, after)) = template
        .split_once("{base_url}")
        .filter(|(before, _)| !before.is_empty())
    {
        let after = after.trim_start_matches('}');
        return Some(format!(
            "{{base_url}} is the start of an address, so it opens the url; \
             found {before:?} before it (write \"{{base_url}}{after}\")"
        ));
    }
    match template.strip_prefix("{base_url}") {
        // base_url's trailing / is dropped, so the path must bring its own.
        Some(path) if !(path.is_empty() || path.starts_with(['/', '?', '#'])) => Some(format!(
            "{template:?} glues the path to base_url's last part; write \"{{base_url}}/{path}\""
        )),
        _ if template.starts_with('{') => None,
        _ => address_problem(template),
    }
}

/// What keeps `url` from being a web address or a path: the app fetches
/// only those, and anything else would fail later with a message about the
/// network, or (read as a path) a 404 from the app's own server.
fn address_problem(url: &str) -> Option<String> {
    const EXPECTED: &str = "expected http:// or https://, or a path such as ./data";
    let (scheme, rest) = url.split_once(':')?;
    let is_scheme = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let port = rest.split('/').next().unwrap_or_default();
    let host_and_port = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
    if host_and_port && !(web && rest.starts_with("//")) {
        // "127.0.0.1:8080/api" (or "localhost:8080"): a host without its scheme.
        Some(format!(
            "{url:?} names a host and port without a scheme; {EXPECTED} (http://{url})"
        ))
    } else if !is_scheme {
        None
    } else if !web {
        Some(format!(
            "{url:?} is not a web address ({scheme}:); {EXPECTED}"
        ))
    } else if !rest.starts_with("//") {
        Some(format!("{url:?} lacks the // after {scheme}:; {EXPECTED}"))
    } else if rest[2..]
        .split('/')
        .next()
        .is_some_and(|host| host.contains('@'))
    {
        // Browsers refuse to fetch such a URL, and a message would show it.
        Some(format!(
            "{scheme}:// address with a user name or password in it, which browsers \
             refuse to send; put credentials in headers, or let the host page pass a token"
        ))
    } else {
        None
    }
}

/// What a resource's templates may refer to besides `{base_url}` and paging.
#[derive(Clone, Copy)]
struct Context {
    job: bool,
    run: bool,
}

/// The fields a resource's records have, as data: one non-generic reader
/// then serves every record type (a generic one was compiled four times).
struct FieldNames {
    configurable: Vec<String>,
    required: &'static [&'static str],
    word_problem: fn(&str, &str) -> Option<String>,
}

impl FieldNames {
    fn of<R: Record>() -> Self {
        FieldNames {
            configurable: configurable_names::<R>(),
            required: R::REQUIRED,
            word_problem: word_problem::<R>,
        }
    }
}

fn read_resources(value: &Value, user: Option<&Value>, report: &mut Report) -> Resources {
    let Some(obj) = Obj::open(
        "resources",
        value,
        &["jobs", "job_results", "job_runs", "endpoints"],
        report,
    ) else {
        return Resources::default();
    };
    let top = Context {
        job: false,
        run: false,
    };
    let mut read = |key: &str, context: Context, names: fn() -> FieldNames| {
        let value = obj.get(key)?;
        let mut resource = read_resource(&obj.at(key), value, context, &names(), report)?;
        resource.own_fields = own_fields(user.and_then(|user| user.get(key)));
        Some(resource)
    };
    let resources = Resources {
        jobs: read("jobs", top, FieldNames::of::<Job>),
        job_results: read(
            "job_results",
            Context {
                job: true,
                run: true,
            },
            FieldNames::of::<AssetResult>,
        ),
        job_runs: read(
            "job_runs",
            Context {
                job: true,
                run: false,
            },
            FieldNames::of::<JobRun>,
        ),
        endpoints: read("endpoints", top, FieldNames::of::<Endpoint>),
    };
    let present = |key: &str| obj.get(key).is_some();
    for (needs, needed) in [
        ("jobs", "job_results"),
        ("job_results", "jobs"),
        ("job_runs", "jobs"),
    ] {
        if present(needs) && !present(needed) {
            report.add(
                &obj.at(needed),
                format!("missing; expected a resource because resources.{needs} is set"),
            );
        }
    }
    resources
}

/// The fields a resource as given (not its preset) maps itself.
fn own_fields(resource: Option<&Value>) -> Vec<String> {
    resource
        .and_then(|resource| resource.get("fields"))
        .and_then(Value::as_object)
        .map(|fields| fields.keys().cloned().collect())
        .unwrap_or_default()
}

const RESOURCE_KEYS: &[&str] = &[
    "url",
    "method",
    "body",
    "headers",
    "items",
    "fields",
    "values",
    "paging",
    "max_items",
    "timeout_seconds",
];

fn read_resource(
    path: &str,
    value: &Value,
    context: Context,
    names: &FieldNames,
    report: &mut Report,
) -> Option<Resource> {
    let obj = Obj::open(path, value, RESOURCE_KEYS, report)?;
    let url = obj.required_address("url", "a URL template", resource_url_problem, report);
    let method = obj.choice(
        "method",
        &[("GET", Method::Get), ("POST", Method::Post)],
        Method::Get,
        report,
    );
    let body = obj.get("body").cloned();
    if body.is_some() && method == Method::Get {
        report.add(
            &obj.at("body"),
            "a body is only sent with \"method\": \"POST\"",
        );
    }
    let headers = obj.headers(report);
    let items = match obj.string("items", report) {
        Some(text) => read_pointer(&obj.at("items"), &text, report),
        None => Some(Pointer::root()),
    };
    let fields = read_fields(&obj, names, report);
    let values = read_values(&obj, names, report);
    let paging = match obj.get("paging") {
        Some(v) => read_paging(&obj.at("paging"), v, report),
        None => Some(Paging::None),
    };
    let max_items = obj.integer("max_items", 1..=10_000_000, DEFAULT_MAX_ITEMS, report);
    let timeout_seconds =
        obj.integer_u32("timeout_seconds", 1..=600, DEFAULT_TIMEOUT_SECONDS, report);

    let templates = url.iter().map(|u| (obj.at("url"), u.as_str()));
    let header_templates = headers
        .iter()
        .map(|(k, v)| (join(&obj.at("headers"), &format!("{k:?}")), v.as_str()));
    let mut body_strings = Vec::new();
    if let Some(body) = &body {
        collect_strings(&obj.at("body"), body, &mut body_strings);
    }
    let body_templates = body_strings.iter().map(|(p, s)| (p.clone(), s.as_str()));
    let used = check_templates(
        templates.chain(header_templates).chain(body_templates),
        context,
        paging.as_ref(),
        report,
    );
    if context.run {
        check_run_id_can_be_left_out(&obj, url.as_deref(), &headers, body.as_ref(), report);
    }
    if let Some(needed) = paging.as_ref().and_then(paging_placeholder) {
        if !used.contains(&needed) {
            // The url may be a preset's, which the user has not seen.
            let url_now = url.as_deref().map(|url| format!(" (the url is {url:?})"));
            report.add(
                &join(&obj.at("paging"), "mode"),
                format!(
                    "this mode needs {{{}}} in the url, body or headers{}",
                    needed.name(),
                    url_now.unwrap_or_default()
                ),
            );
        }
    }
    Some(Resource {
        url: url?,
        method,
        body,
        headers,
        items: items?,
        fields,
        values,
        paging: paging?,
        max_items: usize::try_from(max_items).unwrap_or(usize::MAX),
        timeout_seconds,
        per_run: used.contains(&Placeholder::RunId),
        names_cursor: used.contains(&Placeholder::Cursor),
        own_fields: Vec::new(),
    })
}

fn read_pointer(path: &str, text: &str, report: &mut Report) -> Option<Pointer> {
    Pointer::parse(text).map_err(|e| report.add(path, e.0)).ok()
}

fn read_fields(
    obj: &Obj<'_>,
    names: &FieldNames,
    report: &mut Report,
) -> BTreeMap<String, Vec<Pointer>> {
    let required = names.required;
    let names = &names.configurable;
    let path = obj.at("fields");
    let Some(value) = obj.get("fields") else {
        report.add(
            &path,
            format!(
                "missing; expected an object mapping our fields ({}) to JSON Pointers",
                names.join(", ")
            ),
        );
        return BTreeMap::new();
    };
    let Value::Object(map) = value else {
        report.add(&path, format!("expected an object, found {}", kind(value)));
        return BTreeMap::new();
    };
    for required in required
        .iter()
        .filter(|r| map.get(**r).is_none_or(Value::is_null))
    {
        report.add(&path, format!("missing required field {required:?}"));
    }
    let mut fields = BTreeMap::new();
    for (name, spec) in map {
        let Some(field_path) = known_field(&path, name, names, report) else {
            continue;
        };
        // Null leaves the field unmapped, as it unsets a preset's.
        if spec.is_null() {
            continue;
        }
        let texts: Vec<(String, &Value)> = match spec {
            Value::Array(items) if !items.is_empty() => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{field_path}[{i}]"), v))
                .collect(),
            single => vec![(field_path.clone(), single)],
        };
        let pointers: Vec<Pointer> = texts
            .into_iter()
            .filter_map(|(p, v)| match v {
                // Valid JSON Pointer, but to the whole row: no value a field holds.
                Value::String(s) if s.is_empty() => {
                    report.add(
                        &p,
                        "an empty pointer is the whole row; point to one of its members, \
                         such as \"/name\"",
                    );
                    None
                }
                Value::String(s) => read_pointer(&p, s, report),
                other => {
                    report.add(
                        &p,
                        format!("expected a JSON Pointer string, found {}", kind(other)),
                    );
                    None
                }
            })
            .collect();
        if !pointers.is_empty() {
            fields.insert(name.clone(), pointers);
        }
    }
    // A part of a list's items points within each item of the list: without
    // the list it would be read nowhere, and say nothing (a drive's used
    // space unread is a Low Disk Space warning never given).
    for name in fields.keys() {
        if let Some((list, _)) = name.split_once('.') {
            if !fields.contains_key(list) {
                report.add(
                    &join(&path, name),
                    format!(
                        "points within each item of {list}, which is not mapped; \
                         map {list} to the list too"
                    ),
                );
            }
        }
    }
    fields
}

fn read_values(
    obj: &Obj<'_>,
    names: &FieldNames,
    report: &mut Report,
) -> BTreeMap<String, ValueWords> {
    let path = obj.at("values");
    let Some(value) = obj.get("values") else {
        return BTreeMap::new();
    };
    let Value::Object(map) = value else {
        report.add(&path, format!("expected an object, found {}", kind(value)));
        return BTreeMap::new();
    };
    let mut values = BTreeMap::new();
    for (name, words) in map {
        let Some(field_path) = known_field(&path, name, &names.configurable, report) else {
            continue;
        };
        if words.is_null() {
            continue;
        }
        let words = read_value_words(&field_path, words, report);
        // Checked here, where the configuration says it, not on every row.
        for (theirs, ours) in &words {
            let Some(ours) = ours else { continue };
            if let Some(problem) = (names.word_problem)(name, ours) {
                // Here the word is already the map's own: what needs
                // changing is the right-hand side, not more mapping.
                let problem = match problem.strip_suffix(MAP_WITH_VALUES) {
                    Some(problem) => format!("{problem}; write one of ours on the right"),
                    None => problem,
                };
                report.add(
                    &join(&field_path, &format!("{theirs:?}")),
                    format!("{ours:?} cannot stand for {name}: {problem}"),
                );
            }
        }
        values.insert(name.clone(), words);
    }
    values
}

/// One field's `values`: their words to ours, or to `null` for no value.
fn read_value_words(path: &str, value: &Value, report: &mut Report) -> ValueWords {
    let word = |v: &Value| match v {
        Value::String(ours) => Some(Some(ours.clone())),
        Value::Null => Some(None),
        _ => None,
    };
    read_map(path, value, report, "a string, or null for no value", word)
}

/// The path of member `name` of the object at `path` when it names one of
/// our fields; otherwise reports it as unknown.
fn known_field(path: &str, name: &str, names: &[String], report: &mut Report) -> Option<String> {
    let field_path = join(path, name);
    if names.iter().any(|known| known == name) {
        return Some(field_path);
    }
    report.add(
        &field_path,
        format!("unknown field (expected one of {})", names.join(", ")),
    );
    None
}

const ENDS: &[(&str, PageEnd)] = &[
    ("short_page", PageEnd::ShortPage),
    ("empty_page", PageEnd::EmptyPage),
];

/// The keys that say how long pages are and where they start and end.
const PAGE_SHAPE_KEYS: [&str; 3] = ["start", "size", "end"];

/// `value`, an object, without `keys`.
fn without_keys(value: &Value, keys: &[&str]) -> Value {
    let mut value = value.clone();
    if let Value::Object(map) = &mut value {
        for key in keys {
            map.remove(*key);
        }
    }
    value
}

/// A mode that follows the backend's next link takes each page as the
/// backend cuts it: a start, size or end set here would be ignored, so each
/// is a problem that says where a page size goes instead.
fn report_page_shape_keys(path: &str, value: &Value, mode: &str, report: &mut Report) {
    for key in PAGE_SHAPE_KEYS {
        if value.get(key).is_some() {
            report.add(
                &join(path, key),
                format!(
                    "not used with paging mode {mode:?}, which follows the backend's next \
                     link to the end; to ask for a page size, write it where the backend \
                     reads it, as it names it: in the url's query (e.g. ?per_page=500) or \
                     in a POST body (e.g. \"MaxResults\": 500)"
                ),
            );
        }
    }
}

fn read_paging(path: &str, value: &Value, report: &mut Report) -> Option<Paging> {
    if !value.is_object() {
        // Obj::open says what an object was expected in place of.
        return Obj::open(path, value, &[], report).and(None);
    }
    let mode = value.get("mode").and_then(Value::as_str).unwrap_or("");
    let Some(known) = paging_mode(mode) else {
        report.add(
            &join(path, "mode"),
            format!(
                "expected one of {}, found {}",
                quoted(
                    &PAGING_MODES
                        .iter()
                        .map(|mode| mode.name)
                        .collect::<Vec<_>>()
                ),
                value.get("mode").map_or_else(
                    // Most often a preset's paging with one key changed.
                    || "nothing (a paging object is taken whole, never merged with a \
                        preset's, so it needs its own mode)"
                        .to_owned(),
                    kind
                )
            ),
        );
        return None;
    };
    // Told apart, then set aside, so that they are not also "unknown".
    let without_page_shape;
    let value = if known.follows_links {
        report_page_shape_keys(path, value, mode, report);
        without_page_shape = without_keys(value, &PAGE_SHAPE_KEYS);
        &without_page_shape
    } else {
        value
    };
    let obj = Obj::open(path, value, known.keys, report)?;
    // Keys a mode does not allow were reported above; reading them here only yields defaults.
    let size = obj.integer("size", 1..=100_000, DEFAULT_PAGE_SIZE, report);
    let end = obj.choice("end", ENDS, PageEnd::ShortPage, report);
    Some(match mode {
        "none" => Paging::None,
        "page_number" => Paging::PageNumber {
            start: obj.integer("start", 0..=1, 1, report),
            size,
            end,
        },
        "offset_limit" => Paging::OffsetLimit { size, end },
        "link_header" => Paging::LinkHeader,
        "next_in_body" => {
            let text = obj.required_string(
                "pointer",
                "a JSON Pointer to the next page's URL or token",
                report,
            )?;
            Paging::NextInBody {
                pointer: read_pointer(&obj.at("pointer"), &text, report)?,
            }
        }
        "after_last_item" => {
            let text = obj.required_string(
                "pointer",
                "a JSON Pointer, within an item, to the value the next page starts after",
                report,
            )?;
            Paging::AfterLastItem {
                pointer: read_pointer(&obj.at("pointer"), &text, report)?,
                size,
                end,
            }
        }
        _ => {
            let response_header =
                obj.required_string("response_header", "a response header name", report)?;
            let request_header = obj
                .string("request_header", report)
                .unwrap_or_else(|| response_header.clone());
            Paging::CursorHeader {
                response_header,
                request_header,
                size,
                end,
            }
        }
    })
}

/// The placeholder a paging mode cannot work without.
fn paging_placeholder(paging: &Paging) -> Option<Placeholder> {
    match paging {
        Paging::PageNumber { .. } => Some(Placeholder::Page),
        Paging::OffsetLimit { .. } => Some(Placeholder::Offset),
        Paging::AfterLastItem { .. } => Some(Placeholder::Cursor),
        _ => None,
    }
}

/// A paging mode as a configuration names it.
struct PagingMode {
    name: &'static str,
    /// The keys its paging object may have.
    keys: &'static [&'static str],
    /// The placeholders it gives values to.
    supplies: &'static [Placeholder],
    /// It finds the next page by the backend's own link, so that no page
    /// size, start or end is set here.
    follows_links: bool,
}

const PAGING_MODES: &[PagingMode] = &[
    PagingMode {
        name: "none",
        keys: &["mode"],
        supplies: &[],
        follows_links: false,
    },
    PagingMode {
        name: "page_number",
        keys: &["mode", "start", "size", "end"],
        supplies: &[Placeholder::Page, Placeholder::PageSize],
        follows_links: false,
    },
    PagingMode {
        name: "offset_limit",
        keys: &["mode", "size", "end"],
        supplies: &[
            Placeholder::Offset,
            Placeholder::Limit,
            Placeholder::PageSize,
        ],
        follows_links: false,
    },
    PagingMode {
        name: "next_in_body",
        keys: &["mode", "pointer"],
        supplies: &[Placeholder::Cursor],
        follows_links: true,
    },
    // The next page's address is the Link header's whole: nothing to fill in.
    PagingMode {
        name: "link_header",
        keys: &["mode"],
        supplies: &[],
        follows_links: true,
    },
    PagingMode {
        name: "after_last_item",
        keys: &["mode", "pointer", "size", "end"],
        supplies: &[Placeholder::Cursor, Placeholder::PageSize],
        follows_links: false,
    },
    PagingMode {
        name: "cursor_header",
        keys: &["mode", "response_header", "request_header", "size", "end"],
        supplies: &[Placeholder::PageSize, Placeholder::Cursor],
        follows_links: false,
    },
];

/// The mode a configuration names `name`.
fn paging_mode(name: &str) -> Option<&'static PagingMode> {
    PAGING_MODES.iter().find(|mode| mode.name == name)
}

/// The name a configuration gives `paging`'s mode.
fn mode_name(paging: &Paging) -> &'static str {
    match paging {
        Paging::None => "none",
        Paging::PageNumber { .. } => "page_number",
        Paging::OffsetLimit { .. } => "offset_limit",
        Paging::NextInBody { .. } => "next_in_body",
        Paging::LinkHeader => "link_header",
        Paging::AfterLastItem { .. } => "after_last_item",
        Paging::CursorHeader { .. } => "cursor_header",
    }
}

/// The placeholders a paging mode gives values to.
pub(crate) fn paging_supplies(paging: &Paging) -> &'static [Placeholder] {
    paging_mode(mode_name(paging)).map_or(&[], |mode| mode.supplies)
}

/// Why a paging placeholder has no value under `paging`, and which modes
/// would give it one: "paging mode \"link_header\" gives it none; it comes
/// with paging mode \"page_number\"".
fn unsupplied_placeholder(placeholder: Placeholder, paging: &Paging) -> String {
    let supplying: Vec<&str> = PAGING_MODES
        .iter()
        .filter(|mode| mode.supplies.contains(&placeholder))
        .map(|mode| mode.name)
        .collect();
    let plural = if supplying.len() == 1 { "" } else { "s" };
    format!(
        "paging mode {:?} gives it none; it comes with paging mode{plural} {}",
        mode_name(paging),
        quoted(&supplying)
    )
}

fn collect_strings(path: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_strings(&format!("{path}[{i}]"), item, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                collect_strings(&join(path, k), v, out);
            }
        }
        _ => {}
    }
}

/// The top-level headers go with every request, so they may name only
/// `{base_url}`: every other placeholder has no value in some resource.
fn check_shared_headers(path: &str, headers: &BTreeMap<String, String>, report: &mut Report) {
    for (name, template) in headers {
        let path = join(path, &format!("{name:?}"));
        let (found, problems) = placeholders(template);
        for problem in problems {
            report.add(&path, problem.to_string());
        }
        for placeholder in found.into_iter().filter(|p| *p != Placeholder::BaseUrl) {
            report.add(
                &path,
                format!(
                    "placeholder {{{}}} has no value in some resources; put this header in the \"headers\" of the resources that have one",
                    placeholder.name()
                ),
            );
        }
    }
}

/// `{run_id}` has no value until the user picks a run. A query parameter,
/// header or body member that is exactly `{run_id}` is then left out; anywhere else
/// the first load would fail, so the templates are expanded as for the
/// latest run, and each that fails is a configuration error.
fn check_run_id_can_be_left_out(
    obj: &Obj,
    url: Option<&str>,
    headers: &BTreeMap<String, String>,
    body: Option<&Value>,
    report: &mut Report,
) {
    const PROBLEM: &str = "{run_id} has no value until a run is picked, and only a query \
        parameter, header or body member that is exactly \"{run_id}\" is left out until \
        then (?run={run_id}); as written, the first load would fail";
    let latest_run = Vars {
        base_url: "b".to_owned(),
        job_id: Some("j".to_owned()),
        run_id: None,
        page: Some(1),
        page_size: Some(1),
        offset: Some(0),
        limit: Some(1),
        cursor: Some("c".to_owned()),
    };
    let lacks_run = |error: Option<TemplateError>| matches!(error, Some(TemplateError::Unavailable(name)) if name == Placeholder::RunId.name());
    if url.is_some_and(|url| lacks_run(expand_url(url, &latest_run).err())) {
        report.add(&obj.at("url"), PROBLEM);
    }
    for (name, template) in headers {
        if lacks_run(expand_header(template, &latest_run).err()) {
            report.add(&join(&obj.at("headers"), &format!("{name:?}")), PROBLEM);
        }
    }
    if body.is_some_and(|body| lacks_run(expand_json(body, &latest_run).err())) {
        report.add(&obj.at("body"), PROBLEM);
    }
}

fn check_templates<'t>(
    templates: impl Iterator<Item = (String, &'t str)>,
    context: Context,
    // None when paging itself is invalid: its placeholders are then not judged.
    paging: Option<&Paging>,
    report: &mut Report,
) -> Vec<Placeholder> {
    let mut used = Vec::new();
    for (path, template) in templates {
        let (found, problems) = placeholders(template);
        for problem in problems {
            report.add(&path, problem.to_string());
        }
        for p in found {
            let available = match p {
                Placeholder::BaseUrl => true,
                Placeholder::JobId => context.job,
                Placeholder::RunId => context.run,
                _ => paging.is_none_or(|paging| paging_supplies(paging).contains(&p)),
            };
            if !available {
                let why = match (p, paging) {
                    (Placeholder::JobId | Placeholder::RunId, _) | (_, None) => String::new(),
                    (_, Some(paging)) => format!(": {}", unsupplied_placeholder(p, paging)),
                };
                report.add(
                    &path,
                    format!(
                        "placeholder {{{}}} has no value in this resource{why}",
                        p.name()
                    ),
                );
            }
            used.push(p);
        }
    }
    used
}
