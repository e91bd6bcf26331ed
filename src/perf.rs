//! User Timing marks and measures (`performance.mark` / `measure`) for the
//! benchmark harness (`bench/run.mjs`) and the browser's performance panel.
//!
//! Every name starts with `pb:`. Each call is a no-op where the Performance
//! API is missing (and off wasm32). The timeline stays bounded on a console
//! left open for days: a mark replaces the earlier mark of its name, and at
//! most [`KEPT_MEASURES`] measures of one name are kept.

/// Measures of one name kept before the oldest are dropped.
const KEPT_MEASURES: u32 = 64;

#[cfg(target_arch = "wasm32")]
fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

#[cfg(not(target_arch = "wasm32"))]
fn performance() -> Option<web_sys::Performance> {
    None
}

/// `performance.mark(name)`.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}

/// `performance.measure(name, start_mark, end_mark)`; nothing if a mark is missing.
pub fn measure(name: &str, start_mark: &str, end_mark: &str) {
    if let Some(performance) = performance_to_measure(name) {
        let _ = performance.measure_with_start_mark_and_end_mark(name, start_mark, end_mark);
    }
}

/// The Performance API, with room made for one more measure named `name`.
fn performance_to_measure(name: &str) -> Option<web_sys::Performance> {
    let performance = performance()?;
    let kept = performance.get_entries_by_name_with_entry_type(name, "measure");
    if kept.length() >= KEPT_MEASURES {
        performance.clear_measures_with_measure_name(name);
    }
    Some(performance)
}

/// The time spent in pieces of work done between other work, such as
/// decoding a body while it downloads.
#[derive(Debug, Default)]
pub struct Stopwatch {
    spent_ms: f64,
}

impl Stopwatch {
    /// Runs `work` and adds the time it took.
    pub fn time<T>(&mut self, work: impl FnOnce() -> T) -> T {
        let start = now();
        let value = work();
        self.spent_ms += now() - start;
        value
    }

    /// Measures `name` as a span as long as the time spent, ending now.
    pub fn measure(&self, name: &str) {
        let Some(performance) = performance_to_measure(name) else {
            return;
        };
        let end = performance.now();
        let span = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&span, &"start".into(), &(end - self.spent_ms).into());
        let _ = js_sys::Reflect::set(&span, &"end".into(), &end.into());
        let _ = measure_span(name, &span);
    }
}

fn now() -> f64 {
    performance().map_or(0.0, |performance| performance.now())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.measure(name, {start, end})`, which web-sys offers only
    /// among its unstable APIs.
    #[wasm_bindgen(catch, js_namespace = performance, js_name = measure)]
    fn measure_span(name: &str, span: &js_sys::Object) -> Result<(), wasm_bindgen::JsValue>;
}

/// Runs `work` between the marks `{name}:start` and `{name}:end` and measures it as `name`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    mark(&start);
    let value = work();
    mark(&end);
    measure(name, &start, &end);
    value
}
