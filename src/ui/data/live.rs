//! A resource that loads page by page, refreshes on a timer, and never loses
//! its last good data to a failed refresh.

use super::setup::{configured, DataSource, SourceState};
use super::{release_later, Shared};
use crate::domain::decimal::{grouped, Noun};
use crate::domain::time::Timestamp;
use crate::source::config::Resource;
use crate::source::error_body::error_words;
use crate::source::gather::{Gathered, Identified, Repeat};
use crate::source::http::sleep;
use crate::source::load::{load_all, CutShort, LoadEnd, LoadError, LoadEvents};
use crate::source::mapping::{RowError, UnfoundField};
use crate::source::native::generated_at;
use crate::source::rebase::{rebase, Rebase};
use crate::source::record::Record;
use crate::source::retry::RetryWait;
use crate::source::row_problems::RowProblems;
use crate::ui::clock::read_browser_clock;
use crate::ui::page_visibility::use_page_visibility;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::{poll_fn, Future};
use std::ops::ControlFlow;
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

/// Repeated rows kept for display; the counts are always exact.
const KEPT_EXAMPLES: usize = 20;

/// Rows of one kind that a load did not show as they came: how many, and
/// the first few, to name in a banner.
#[derive(Debug, Clone)]
pub struct RowTally<E> {
    pub count: usize,
    pub examples: Vec<E>,
}

impl<E> Default for RowTally<E> {
    fn default() -> Self {
        RowTally {
            count: 0,
            examples: Vec::new(),
        }
    }
}

impl<E> RowTally<E> {
    /// Counts `found`, keeping the first [`KEPT_EXAMPLES`] of all so far.
    fn add(&mut self, found: Vec<E>) {
        self.count += found.len();
        let room = KEPT_EXAMPLES.saturating_sub(self.examples.len());
        self.examples.extend(found.into_iter().take(room));
    }
}

impl<E: ToString> RowTally<E> {
    /// The kept examples, and how many of the count they leave out.
    pub fn examples_text(&self) -> String {
        let mut text = self
            .examples
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        let unlisted = self.count.saturating_sub(self.examples.len());
        if unlisted > 0 {
            text.push_str(&format!("; and {} more.", grouped(unlisted as u64)));
        }
        text
    }
}

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

    /// What its records are called.
    fn noun(self) -> Noun {
        match self {
            ResourceKind::Jobs => Noun::JOBS,
            ResourceKind::JobRuns => Noun::RUNS,
            ResourceKind::JobResults => Noun::ASSETS,
            ResourceKind::Endpoints => Noun::ENDPOINTS,
        }
    }

    /// The title of a failure that left nothing of it loaded.
    fn unloaded_title(self) -> &'static str {
        match self {
            ResourceKind::Jobs => "The job list could not be loaded",
            ResourceKind::JobRuns => "This job's runs could not be loaded",
            ResourceKind::JobResults => "This job's asset results could not be loaded",
            ResourceKind::Endpoints => "The endpoint list could not be loaded",
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

/// What a page shows about loading one resource, apart from the data itself.
/// Not generic over the record type, so it and everything that reads it are
/// compiled once for every resource.
#[derive(Debug, Clone)]
pub struct LoadStatus {
    /// When the last load completed.
    pub loaded_at: Option<Timestamp>,
    /// Items received so far by the load under way, if any.
    pub loading: Option<usize>,
    /// The load under way is waiting to ask again after a failed attempt,
    /// since the time given.
    pub waiting: Option<(RetryWait, Timestamp)>,
    /// Records shown now.
    pub records: usize,
    /// Why the last load failed; the data is kept.
    pub error: Option<String>,
    /// When the last load started and when the last one ended, well or not,
    /// in one order over every resource's loads (0: none has): tells
    /// whether one resource answered after another's load began.
    pub started: u64,
    pub ended: u64,
    /// When the last load started, by the browser's clock.
    pub started_at: Option<Timestamp>,
    /// The last load failed because the backend has no such resource.
    pub not_found: bool,
    /// Rows the last load could not decode.
    pub skipped: RowProblems,
    /// Values the last load left out of rows it kept.
    pub left_out: RowProblems,
    /// Rows the last load dropped for repeating an earlier row's id.
    pub repeated: RowTally<Repeat>,
    /// Fields the configuration maps that no row of the last load had.
    pub unfound: Vec<UnfoundField>,
    /// Why the last load may not hold every record: the configured
    /// maximum, or a cursor it could not read.
    pub cut_short: Option<CutShort>,
    /// An error the backend reported beside the rows it sent (GraphQL's
    /// partial `errors`), in its own words: some rows or values may be
    /// missing or null for it.
    pub backend_error: Option<String>,
    /// The last load listed no record where the one before listed this
    /// many (and every load since listed none): a backend's fault looks
    /// just like a job or fleet emptied.
    pub emptied_from: Option<usize>,
    /// The configuration has no such resource.
    pub unavailable: Option<String>,
    /// Until when the last failed answer's `Retry-After` asked not to be
    /// asked again: the automatic refresh waits for it (Refresh now and
    /// Retry, the operator's own, do not).
    pub quiet_until: Option<Timestamp>,
}

impl Default for LoadStatus {
    fn default() -> Self {
        LoadStatus {
            loaded_at: None,
            loading: Some(0),
            waiting: None,
            records: 0,
            error: None,
            started: 0,
            started_at: None,
            ended: 0,
            not_found: false,
            skipped: RowProblems::default(),
            left_out: RowProblems::default(),
            repeated: RowTally::default(),
            unfound: Vec::new(),
            cut_short: None,
            backend_error: None,
            emptied_from: None,
            unavailable: None,
            quiet_until: None,
        }
    }
}

impl LoadStatus {
    /// No load has ended well yet (the first is under way, or failed).
    fn nothing_loaded(&self) -> bool {
        self.loaded_at.is_none()
    }

    /// Every load so far has failed, and none is under way.
    fn never_loaded(&self) -> bool {
        self.loading.is_none() && self.nothing_loaded()
    }

    /// The data shown is all there is: a load ended well, not cut off at the
    /// configured maximum or at a cursor it could not read.
    fn is_complete(&self) -> bool {
        self.loaded_at.is_some() && self.cut_short.is_none()
    }

    /// The first load is under way: no figure of this data is known yet.
    fn is_first_load(&self) -> bool {
        self.loading.is_some() && self.nothing_loaded()
    }

    /// Why a list of `noun` would be empty whatever its filters, if it
    /// would: the banners above it say why nothing loaded.
    fn nothing_to_list(&self, noun: Noun) -> Option<String> {
        match self.loaded_at {
            // After a failure, asking again does not flip the note to
            // "Loading…" and back, a status read out at every refresh.
            None if self.is_first_load() && self.error.is_none() => Some("Loading…".to_owned()),
            None => Some("No data loaded.".to_owned()),
            _ if self.records == 0 => Some(format!("The data source lists no {}.", noun.many)),
            _ => None,
        }
    }

    /// No load is under way and the backend asked for no wait still running
    /// at `now`: the automatic refresh may ask.
    fn may_refresh(&self, now: Timestamp) -> bool {
        self.loading.is_none() && self.quiet_left(now).is_none()
    }

    /// The last load failed and nothing stops asking again at `now`: no
    /// load is under way, and no wait the backend asked for still runs.
    fn may_retry(&self, now: Timestamp) -> bool {
        self.error.is_some() && self.may_refresh(now)
    }

    /// The seconds left at `now` of the wait the backend asked for, if any.
    pub fn quiet_left(&self, now: Timestamp) -> Option<u32> {
        let left = self.quiet_until?.millis() - now.millis();
        (left > 0).then(|| u32::try_from((left + 999) / 1000).unwrap_or(u32::MAX))
    }

    /// The timer's next refresh is due at `now`: no load started within
    /// the last `seconds` but for the timer's own scheduling (a second's
    /// slack). A load started otherwise (Refresh now, another run chosen)
    /// counts as the period's refresh. A clock set back since the last
    /// start makes it due, rather than still the timer until the clock
    /// catches up.
    fn is_timer_due(&self, seconds: u32, now: Timestamp) -> bool {
        const SLACK_MS: i64 = 1000;
        self.started_at.is_none_or(|at| {
            let since = now.millis() - at.millis();
            since < 0 || since >= i64::from(seconds) * 1000 - SLACK_MS
        })
    }

    /// No load has ended well, or the last that did is at least `seconds`
    /// old at `now`.
    fn is_due(&self, seconds: u32, now: Timestamp) -> bool {
        self.loaded_at
            .is_none_or(|at| now.millis() - at.millis() >= i64::from(seconds) * 1000)
    }
}

/// The next number in the order of loads' starts and ends (see
/// [`LoadStatus::started`]).
fn next_load_event() -> u64 {
    static LOAD_EVENTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    LOAD_EVENTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

/// The operator paused the automatic refresh: of every resource, on every
/// page, until they resume it.
#[derive(Clone, Copy)]
struct RefreshPaused(RwSignal<bool>);

pub fn provide_refresh_pause() {
    provide_context(RefreshPaused(RwSignal::new(false)));
}

/// A resource's load status and the controls of its refresh timer.
#[derive(Clone, Copy)]
pub struct LiveStatus {
    pub state: RwSignal<LoadStatus>,
    /// The operator's pause, shared by every resource.
    pub paused: RwSignal<bool>,
    /// This resource's timer is held by its page, whatever the operator's
    /// pause: a job the backend does not know.
    pub held: RwSignal<bool>,
    /// A page shows the resource. One kept while another page shows
    /// (`ui::app`, `kept_job`) does not refresh meanwhile, and catches up
    /// on return if it has grown old; a load under way still finishes.
    pub shown: RwSignal<bool>,
    pub refresh_seconds: Signal<u32>,
    /// What the resource's records are called.
    pub noun: Noun,
    /// What a failed first load leaves missing, as a banner's title.
    pub unloaded_title: &'static str,
    reload: RwSignal<u64>,
}

impl LiveStatus {
    /// Loads again now (the retry button, and the timer).
    pub fn refresh(&self) {
        self.reload.update(|n| *n += 1);
    }

    /// See [`LoadStatus::is_first_load`].
    pub fn is_first_load(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(LoadStatus::is_first_load))
    }

    /// A load is under way.
    pub fn is_loading(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(|s| s.loading.is_some()))
    }

    /// A load has ended well: the data holds every record it brought.
    pub fn has_loaded(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(|s| !s.nothing_loaded()))
    }

    /// No load has ended well yet (the first is under way, or failed): no
    /// figure of this data is known, and a zero would pass for one.
    pub fn nothing_loaded(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(LoadStatus::nothing_loaded))
    }

    /// Every load so far has failed, the last because the backend answered
    /// that there is no such resource.
    pub fn never_found(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(|s| s.never_loaded() && s.not_found))
    }

    /// The last load failed because the backend answered that there is no
    /// such resource, after an earlier one had ended well: it has gone.
    pub fn gone(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(|s| s.not_found && !s.nothing_loaded()))
    }

    /// See [`LoadStatus::is_complete`].
    pub fn is_complete(&self) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(LoadStatus::is_complete))
    }

    /// `count` ("360 of 360 assets") with "loaded" after it while the data
    /// was cut short, when more rows may exist than the count says.
    pub fn as_loaded(&self, count: String) -> String {
        if self.state.with(LoadStatus::is_complete) {
            count
        } else {
            format!("{count} loaded")
        }
    }

    /// What the page's figures count: `whole` ("the whole job") once every
    /// row has loaded, and otherwise only the `noun` loaded.
    pub fn counted_part(&self, whole: &'static str, noun: &'static str) -> Signal<String> {
        let state = self.state;
        Signal::derive(move || {
            if state.with(LoadStatus::is_complete) {
                whole.to_owned()
            } else {
                format!("the {noun} loaded")
            }
        })
    }

    /// `text` once a load has ended well, and empty until then.
    pub fn once_known(&self, text: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
        let state = self.state;
        Signal::derive(move || {
            if state.with(LoadStatus::nothing_loaded) {
                String::new()
            } else {
                text()
            }
        })
    }

    /// What a list of this data, of `noun`, says when it shows nothing:
    /// loading, nothing loaded or an empty answer, and otherwise what
    /// `no_match` says.
    pub fn empty_text(
        &self,
        noun: Noun,
        no_match: impl Fn() -> String + Send + Sync + 'static,
    ) -> Signal<String> {
        let state = self.state;
        Signal::derive(move || {
            state
                .with(|state| state.nothing_to_list(noun))
                .unwrap_or_else(&no_match)
        })
    }
}

/// A live resource: the last good data and its [`LiveStatus`].
pub struct Live<T: Send + Sync + 'static> {
    /// The last good data (growing while the first load is under way).
    pub items: ReadSignal<Shared<Vec<T>>>,
    pub status: LiveStatus,
}

impl<T: Send + Sync + 'static> Clone for Live<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Live<T> {}

/// The job and run a resource is loaded for.
pub type LoadIds = (Option<String>, Option<String>);

/// Loads `kind` for the ids `ids` gives, again whenever they change and every
/// `refresh_seconds` of the configuration unless paused. While `ids` gives
/// `None` nothing is loaded: the page has no use for the resource.
pub fn use_live<T>(
    kind: ResourceKind,
    ids: impl Fn() -> Option<LoadIds> + Send + Sync + 'static,
) -> Live<T>
where
    T: Record + Identified + Rebase + Clone + PartialEq + Send + Sync + 'static,
{
    let (items, set_items) = signal(Shared::new(Vec::new()));
    let status = live_status(kind, Box::new(ids), move |load: LoadRequest| {
        if load.fresh {
            set_items.set(Shared::new(Vec::new()));
        }
        spawn_local(async move { load_items(load, items, set_items).await });
    });
    Live { items, status }
}

/// One load to run: what to load, and how to tell it has been superseded.
struct LoadRequest {
    kind: ResourceKind,
    source: DataSource,
    job_id: Option<String>,
    run_id: Option<String>,
    status: RwSignal<LoadStatus>,
    /// The ids changed, so the previous data belongs to something else.
    fresh: bool,
    generation: StoredValue<u64>,
    this_load: u64,
}

impl LoadRequest {
    fn is_current(&self) -> bool {
        self.generation.try_get_value() == Some(self.this_load)
    }
}

/// The record-independent half of [`use_live`]: the status, the refresh timer,
/// and when to start a load, which `start` runs.
fn live_status(
    kind: ResourceKind,
    ids: Box<dyn Fn() -> Option<LoadIds> + Send + Sync>,
    start: impl Fn(LoadRequest) + Send + Sync + 'static,
) -> LiveStatus {
    let source = super::use_data_source();
    let status = RwSignal::new(LoadStatus::default());
    let paused = expect_context::<RefreshPaused>().0;
    let held = RwSignal::new(false);
    let shown = RwSignal::new(true);
    let reload = RwSignal::new(0_u64);
    let refresh_seconds =
        Signal::derive(move || configured(source, |config| config.refresh_seconds, 0));
    // Each load carries a generation; pages of a superseded load are dropped.
    let generation = StoredValue::new(0_u64);
    let ids = Memo::new(move |_| ids());

    Effect::new(move |previous: Option<Option<LoadIds>>| {
        reload.track();
        let key = ids.get();
        let source = match source.get() {
            SourceState::Ready(source) => source,
            SourceState::Resolving => return key,
            // Nothing loads until the configuration is fixed; its banner says why.
            SourceState::Invalid { .. } => {
                status.update(|s| s.loading = None);
                return key;
            }
        };
        // A new generation also drops the pages of a load the page no longer wants.
        generation.update_value(|n| *n += 1);
        let Some((job_id, run_id)) = key.clone() else {
            status.set(LoadStatus {
                loading: None,
                ..LoadStatus::default()
            });
            return key;
        };
        let fresh = previous.as_ref() != Some(&key);
        if fresh {
            status.set(LoadStatus::default());
        }
        start(LoadRequest {
            kind,
            source,
            job_id,
            run_id,
            status,
            fresh,
            generation,
            this_load: generation.get_value(),
        });
        key
    });

    let live = LiveStatus {
        state: status,
        paused,
        held,
        shown,
        refresh_seconds,
        noun: kind.noun(),
        unloaded_title: kind.unloaded_title(),
        reload,
    };
    let visibility = use_page_visibility();
    // Nothing asks by itself while the page is hidden, paused, held or
    // not shown.
    let may_ask = Signal::derive(move || {
        !paused.get() && !held.get() && shown.get() && visibility.is_visible()
    });
    // Back online after a load that failed: asked again now, not at the
    // next tick (or never, with the automatic refresh off), unless a wait
    // the backend asked for is still running.
    let online = window_event_listener_untyped("online", move |_| {
        let failed = status.with_untracked(|s| s.may_retry(read_browser_clock()));
        if failed && may_ask.get_untracked() {
            live.refresh();
        }
    });
    on_cleanup(move || online.remove());
    Effect::new(move |_| {
        let seconds = refresh_seconds.get();
        if !may_ask.get() {
            return;
        }
        // Back from a hidden tab, a pause, a hold or another page to
        // a load that failed, refresh on or off, or with data older than
        // one interval, or none: asked again now rather than at the next
        // tick.
        let now = read_browser_clock();
        let ask_now = status.with_untracked(|s| {
            s.may_retry(now) || (seconds != 0 && s.may_refresh(now) && s.is_due(seconds, now))
        });
        if ask_now {
            live.refresh();
        }
        if seconds == 0 {
            return;
        }
        let tick = move || {
            let now = read_browser_clock();
            if status.with_untracked(|s| s.may_refresh(now) && s.is_timer_due(seconds, now)) {
                live.refresh();
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(seconds.into())) {
            on_cleanup(move || handle.clear());
        }
    });
    live
}

async fn load_items<T>(
    load: LoadRequest,
    shown: ReadSignal<Shared<Vec<T>>>,
    set_items: WriteSignal<Shared<Vec<T>>>,
) where
    T: Record + Identified + Rebase + Clone + PartialEq + Send + Sync + 'static,
{
    let Some(resource) = load.kind.resource(&load.source) else {
        load.status.update(|s| {
            s.loading = None;
            s.unavailable = Some(format!(
                "The configuration ({}) has no {} resource, so there is nothing to show here.",
                load.source.origin,
                load.kind.config_key()
            ));
        });
        return;
    };
    let mut progress = Progress::start(load.status);
    let mut arriving = Arriving::new(load.status);
    let now = read_browser_clock();
    let mut items = Gathered::<T>::default();
    let load_pages = load_all::<T>(
        &load.source.config,
        resource,
        load.job_id.as_deref(),
        load.run_id.as_deref(),
        |mut page, body, more_follow| {
            if !load.is_current() {
                return ControlFlow::Break(());
            }
            if load.source.demo {
                if let Some(at) = generated_at(body) {
                    rebase(&mut page.items, at, now);
                }
            }
            progress.unfound_on(page.unfound);
            // An empty page past the end may say "page out of range".
            if !page.items.is_empty() || !page.errors.is_empty() {
                progress.error_beside_rows(error_words(body));
            }
            let repeats = items.add_page(page.items, &page.errors);
            let received = items.items().len();
            if progress.received(page.errors, page.left_out, repeats, received, more_follow) {
                set_items.set(Shared::new(items.items().to_vec()));
                progress.published(received);
            }
            ControlFlow::Continue(())
        },
        LoadEvents {
            on_retry: |waiting: Option<&RetryWait>| {
                if !load.is_current() {
                    return ControlFlow::Break(());
                }
                let since = read_browser_clock();
                load.status
                    .update(|s| s.waiting = waiting.map(|wait| (wait.clone(), since)));
                ControlFlow::Continue(())
            },
            on_rows_arriving: |rows| {
                // Until `unless_superseded` next looks, a superseded load's
                // count would show as the new load's.
                if load.is_current() {
                    arriving.rows(rows)
                }
            },
        },
    );
    let Some(result) = unless_superseded(&load, load_pages).await else {
        return;
    };
    if !load.is_current() {
        return;
    }
    let records = items.items().len();
    let result = result.and_then(|end| progress.no_row_readable(records).map_or(Ok(end), Err));
    if result.is_ok() {
        let loaded = items.into_items();
        // The records shown already (a finished job, a quiet fleet): set
        // again, 100,000 of them would be derived, sorted and drawn again
        // for nothing, holding the page still for a tenth of a second.
        if shown.with_untracked(|shown| **shown == loaded) {
            release_later(loaded);
        } else {
            set_items.set(Shared::new(loaded));
        }
    } else if progress.first_load && shown.with_untracked(|shown| !shown.is_empty()) {
        // Pages of a load that failed are not data to count or chart: with
        // no earlier load to fall back on, nothing is shown but the error,
        // whether this load showed them or one it replaced (Refresh now
        // during a first load).
        set_items.set(Shared::new(Vec::new()));
        progress.published(0);
    }
    progress.finish(result, records);
}

/// Runs `work` until it ends, or until `load` is superseded (another job
/// opened, Refresh now), whichever comes first. A superseded load's work is
/// dropped there and then, which aborts its request: a slow answer no one
/// waits for would hold the connection, and the next request for the same
/// address, until it ended.
async fn unless_superseded<T>(load: &LoadRequest, work: impl Future<Output = T>) -> Option<T> {
    let mut work = pin!(work);
    let mut superseded = pin!(async {
        while load.is_current() {
            sleep(SUPERSEDED_CHECK_MILLIS).await;
        }
    });
    poll_fn(|context| {
        if let Poll::Ready(done) = work.as_mut().poll(context) {
            return Poll::Ready(Some(done));
        }
        superseded.as_mut().poll(context).map(|()| None)
    })
    .await
}

/// How often a load looks whether it is still wanted.
const SUPERSEDED_CHECK_MILLIS: u32 = 250;

/// The rows of a large page counted on the refresh line while it arrives,
/// at steps of a tenth or more: each count redraws what reads the status.
struct Arriving {
    status: RwSignal<LoadStatus>,
    shown: usize,
}

impl Arriving {
    /// Fewer rows than this arrive too fast to be worth counting.
    const FIRST_STEP: usize = 1000;

    fn new(status: RwSignal<LoadStatus>) -> Self {
        Arriving { status, shown: 0 }
    }

    fn rows(&mut self, rows: usize) {
        // Fewer than shown: the page is being read again after a failed
        // attempt, from its start.
        let again = rows < self.shown;
        if again || rows >= self.shown + (self.shown / 10).max(Self::FIRST_STEP) {
            self.shown = rows;
            self.status.update(|s| s.loading = Some(rows));
        }
    }
}

/// A load's bookkeeping in [`LoadStatus`], apart from the records themselves.
struct Progress {
    status: RwSignal<LoadStatus>,
    first_load: bool,
    published: usize,
    skipped: RowProblems,
    left_out: RowProblems,
    repeated: RowTally<Repeat>,
    /// Fields no page with rows had so far; `None` before such a page.
    unfound: Option<Vec<UnfoundField>>,
    /// The first error a page reported beside its rows.
    backend_error: Option<String>,
}

impl Progress {
    fn start(status: RwSignal<LoadStatus>) -> Self {
        let first_load = status.with_untracked(|s| s.loaded_at.is_none());
        status.update(|s| {
            s.loading = Some(0);
            s.waiting = None;
            s.started = next_load_event();
            s.started_at = Some(read_browser_clock());
        });
        Progress {
            status,
            first_load,
            published: 0,
            skipped: RowProblems::default(),
            left_out: RowProblems::default(),
            repeated: RowTally::default(),
            unfound: None,
            backend_error: None,
        }
    }

    /// Keeps the first error a page's body reports beside its rows.
    fn error_beside_rows(&mut self, words: Option<String>) {
        if self.backend_error.is_none() {
            self.backend_error = words;
        }
    }

    /// Keeps the fields that this page too had no value for.
    fn unfound_on(&mut self, page: Option<Vec<UnfoundField>>) {
        let Some(page) = page else {
            return;
        };
        match &mut self.unfound {
            Some(so_far) => so_far.retain(|field| page.contains(field)),
            None => self.unfound = Some(page),
        }
    }

    /// Counts a page's skipped and repeated rows, the values it left out,
    /// and the records received so far; says whether to show what has
    /// arrived now. The first load shows rows as they come, at doubling
    /// sizes so the copies cost O(n) in all; a refresh swaps in only when
    /// complete, and so does the last page, which needs no copy.
    fn received(
        &mut self,
        errors: Vec<RowError>,
        left_out: Vec<RowError>,
        repeats: Vec<Repeat>,
        received: usize,
        more_follow: bool,
    ) -> bool {
        self.skipped.add(errors);
        self.left_out.add(left_out);
        self.repeated.add(repeats);
        self.status.update(|s| s.loading = Some(received));
        self.first_load && more_follow && received >= self.published * 2
    }

    /// A load that brought rows and not one readable is taken for a backend
    /// that changed its shape, or a configuration that does not match it,
    /// not for a fleet that emptied: it fails, and the rows of the last good
    /// load stay (on a first load, the page says nothing loaded rather than
    /// show an empty list as up to date).
    fn no_row_readable(&self, records: usize) -> Option<LoadError> {
        (records == 0 && self.skipped.count > 0).then(|| LoadError::NoRowReadable {
            rows: self.skipped.count,
            examples: self.skipped.summary(),
            first_load: self.first_load,
        })
    }

    /// The records shown now number `count`.
    fn published(&mut self, count: usize) {
        self.published = count;
        self.status.update(|s| s.records = count);
    }

    /// The load ended; on success its `records` replace the data shown.
    fn finish(self, result: Result<LoadEnd, LoadError>, records: usize) {
        self.status.update(|s| {
            s.loading = None;
            s.waiting = None;
            s.ended = next_load_event();
            match result {
                Ok(end) => {
                    s.emptied_from = match (records, s.records) {
                        (0, 0) => s.emptied_from,
                        (0, before) if s.loaded_at.is_some() => Some(before),
                        _ => None,
                    };
                    s.records = records;
                    s.loaded_at = Some(read_browser_clock());
                    s.error = None;
                    s.quiet_until = None;
                    s.not_found = false;
                    s.skipped = self.skipped;
                    s.left_out = self.left_out;
                    s.repeated = self.repeated;
                    s.unfound = self.unfound.unwrap_or_default();
                    s.backend_error = self.backend_error;
                    s.cut_short = match end {
                        LoadEnd::CutShort(cut_short) => Some(cut_short),
                        _ => None,
                    };
                }
                Err(error) => {
                    // The fields never found are what a configuration
                    // that matches nothing gets wrong: kept to be shown.
                    if matches!(
                        error,
                        LoadError::NoRowReadable {
                            first_load: true,
                            ..
                        }
                    ) {
                        s.unfound = self.unfound.unwrap_or_default();
                    }
                    s.not_found = error.says_not_found();
                    s.quiet_until = error.asked_wait().map(|seconds| {
                        let now = read_browser_clock().millis();
                        Timestamp::from_millis(now + i64::from(seconds) * 1000)
                    });
                    s.error = Some(error.to_string());
                }
            }
        });
    }
}
