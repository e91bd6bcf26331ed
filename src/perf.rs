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
    let Some(performance) = performance() else {
        return;
    };
    let kept = performance.get_entries_by_name_with_entry_type(name, "measure");
    if kept.length() >= KEPT_MEASURES {
        performance.clear_measures_with_measure_name(name);
    }
    let _ = performance.measure_with_start_mark_and_end_mark(name, start_mark, end_mark);
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
