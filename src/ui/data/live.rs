//! A resource that loads page by page, refreshes on a timer, and never loses
//! its last good data to a failed refresh.

use super::setup::{DataSource, SourceState};
use super::Shared;
use crate::domain::time::Timestamp;
use crate::source::config::Resource;
use crate::source::load::{load_all, LoadEnd};
use crate::source::mapping::RowError;
use crate::source::native::generated_at;
use crate::source::rebase::{rebase, Rebase};
use crate::source::record::Record;
use crate::ui::clock::read_browser_clock;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::ops::ControlFlow;
use std::time::Duration;

/// Skipped rows kept for display; the count is always exact.
const KEPT_ROW_ERRORS: usize = 20;

/// Which configured resource to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceKind {
    Jobs,
    JobRuns,
    JobResults,
    Endpoints,
}

impl ResourceKind {
    fn resource(self, source: &DataSource) -> Option<&Resource> {
        let resources = &source.config.resources;
        match self {
            ResourceKind::Jobs => resources.jobs.as_ref(),
            ResourceKind::JobRuns => resources.job_runs.as_ref(),
            ResourceKind::JobResults => resources.job_results.as_ref(),
            ResourceKind::Endpoints => resources.endpoints.as_ref(),
        }
    }

    fn config_key(self) -> &'static str {
        match self {
            ResourceKind::Jobs => "resources.jobs",
            ResourceKind::JobRuns => "resources.job_runs",
            ResourceKind::JobResults => "resources.job_results",
            ResourceKind::Endpoints => "resources.endpoints",
        }
    }
}

/// Everything a page shows about one resource.
#[derive(Debug, Clone)]
pub struct LiveState<T> {
    /// The last good data (growing while the first load is under way).
    pub items: Shared<Vec<T>>,
    /// Bumped whenever `items` changes.
    pub version: u64,
    /// When the last load completed.
    pub loaded_at: Option<Timestamp>,
    /// Items received so far by the load under way, if any.
    pub loading: Option<usize>,
    /// Why the last load failed; the data above is kept.
    pub error: Option<String>,
    /// Rows the last load could not decode.
    pub skipped: usize,
    pub skipped_examples: Vec<RowError>,
    /// The configured maximum stopped the last load.
    pub limit_reached: Option<usize>,
    /// The configuration has no such resource.
    pub unavailable: Option<String>,
}

impl<T> Default for LiveState<T> {
    fn default() -> Self {
        LiveState {
            items: Shared::new(Vec::new()),
            version: 0,
            loaded_at: None,
            loading: Some(0),
            error: None,
            skipped: 0,
            skipped_examples: Vec::new(),
            limit_reached: None,
            unavailable: None,
        }
    }
}

impl<T> LiveState<T> {
    /// Nothing has arrived yet.
    pub fn is_first_load(&self) -> bool {
        self.loading.is_some() && self.loaded_at.is_none()
    }
}

/// A live resource: its state, and the controls of its refresh timer.
pub struct Live<T: Send + Sync + 'static> {
    pub state: RwSignal<LiveState<T>>,
    pub paused: RwSignal<bool>,
    pub refresh_seconds: Signal<u32>,
    reload: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for Live<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Live<T> {}

impl<T: Send + Sync + 'static> Live<T> {
    /// Loads again now (the retry button, and the timer).
    pub fn refresh(&self) {
        self.reload.update(|n| *n += 1);
    }
}

/// Loads `kind` for the ids `ids` gives (job and run), again whenever they
/// change and every `refresh_seconds` of the configuration unless paused.
pub fn use_live<T>(
    kind: ResourceKind,
    ids: impl Fn() -> (Option<String>, Option<String>) + Send + Sync + 'static,
) -> Live<T>
where
    T: Record + Rebase + Clone + Send + Sync + 'static,
{
    let source = super::use_data_source();
    let state = RwSignal::new(LiveState::<T>::default());
    let paused = RwSignal::new(false);
    let reload = RwSignal::new(0_u64);
    let refresh_seconds = Signal::derive(move || match source.get() {
        SourceState::Ready(source) => source.config.refresh_seconds,
        _ => 0,
    });
    // Each load carries a generation; pages of a superseded load are dropped.
    let generation = StoredValue::new(0_u64);
    let ids = Memo::new(move |_| ids());

    Effect::new(move |previous: Option<(Option<String>, Option<String>)>| {
        reload.track();
        let key = ids.get();
        let SourceState::Ready(source) = source.get() else {
            return key;
        };
        if previous.as_ref() != Some(&key) {
            state.set(LiveState::default());
        }
        generation.update_value(|n| *n += 1);
        let this_load = generation.get_value();
        let is_current = move || generation.try_get_value() == Some(this_load);
        let (job_id, run_id) = key.clone();
        spawn_local(async move {
            load(kind, &source, job_id, run_id, state, is_current).await;
        });
        key
    });

    let live = Live {
        state,
        paused,
        refresh_seconds,
        reload,
    };
    Effect::new(move |_| {
        let seconds = refresh_seconds.get();
        if seconds == 0 || paused.get() {
            return;
        }
        let tick = move || {
            if state.with_untracked(|s| s.loading.is_none()) {
                live.refresh();
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(seconds.into())) {
            on_cleanup(move || handle.clear());
        }
    });
    live
}

async fn load<T>(
    kind: ResourceKind,
    source: &DataSource,
    job_id: Option<String>,
    run_id: Option<String>,
    state: RwSignal<LiveState<T>>,
    is_current: impl Fn() -> bool,
) where
    T: Record + Rebase + Clone + Send + Sync + 'static,
{
    let Some(resource) = kind.resource(source) else {
        state.update(|s| {
            s.loading = None;
            s.unavailable = Some(format!(
                "The configuration ({}) has no {} resource, so there is nothing to show here.",
                source.origin,
                kind.config_key()
            ));
        });
        return;
    };
    let first_load = state.with_untracked(|s| s.loaded_at.is_none());
    state.update(|s| s.loading = Some(0));
    let now = read_browser_clock();
    let mut items: Vec<T> = Vec::new();
    let mut published = 0;
    let mut skipped = 0;
    let mut examples = Vec::new();
    let result = load_all::<T>(
        &source.config,
        resource,
        job_id.as_deref(),
        run_id.as_deref(),
        |mut page, body, more_follow| {
            if !is_current() {
                return ControlFlow::Break(());
            }
            if source.demo {
                if let Some(at) = generated_at(body) {
                    rebase(&mut page.items, at, now);
                }
            }
            skipped += page.errors.len();
            let room = KEPT_ROW_ERRORS.saturating_sub(examples.len());
            examples.extend(page.errors.into_iter().take(room));
            items.extend(page.items);
            // The first load shows rows as they come, at doubling sizes so the
            // copies cost O(n) in all; a refresh swaps in only when complete,
            // and so does the last page, which needs no copy.
            let grew_enough = items.len() >= published * 2;
            if first_load && grew_enough && more_follow {
                published = items.len();
                let snapshot = Shared::new(items.clone());
                state.update(|s| {
                    s.items = snapshot;
                    s.version += 1;
                });
            }
            let received = items.len();
            state.update(|s| s.loading = Some(received));
            ControlFlow::Continue(())
        },
    )
    .await;
    if !is_current() {
        return;
    }
    state.update(|s| {
        s.loading = None;
        match result {
            Ok(end) => {
                s.items = Shared::new(items);
                s.version += 1;
                s.loaded_at = Some(read_browser_clock());
                s.error = None;
                s.skipped = skipped;
                s.skipped_examples = examples;
                s.limit_reached = match end {
                    LoadEnd::LimitReached { max } => Some(max),
                    _ => None,
                };
            }
            Err(error) => s.error = Some(error.to_string()),
        }
    });
}
