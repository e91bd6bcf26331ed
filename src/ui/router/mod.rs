//! Routing through the URL fragment.
//!
//! Fragment routes ("#/jobs/42") work on any static server with no rewrite
//! rules, survive a reload on a deep link, and never touch the path of a host
//! portal that embeds the app. In memory mode the app leaves the URL alone.

mod link;
mod location;
mod place;

pub use link::Link;
pub use location::{Location, Query, Route};
pub use place::{LeftByLink, Place};

use place::EntryState;

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How the app's location is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlMode {
    /// In the URL fragment: links can be shared, back and forward work.
    Fragment,
    /// In memory only: for hosts that own their URL.
    Memory,
}

/// The current location and the way to change it, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    location: RwSignal<Location>,
    mode: UrlMode,
    /// Whether a replacing write of the URL waits for the next paint.
    replace_waiting: StoredValue<bool>,
    /// Whether the browser is going back for the app (`back_if`), whose
    /// location the app already shows. A signal: what names the current
    /// entry (the tab's title) waits for the arrival.
    going_back: RwSignal<bool>,
    /// Whether a change that gets its own entry came while going back: the
    /// entry is pushed once the browser has arrived, over the entry it
    /// arrived at, not over the one it was leaving.
    push_waiting: StoredValue<bool>,
    /// Where the page that Back or Forward just brought back was left.
    arrival: StoredValue<Option<Place>>,
    /// The URL's fragment as the app last wrote or read it. A URL that
    /// differs was moved by someone else (the address bar, a host's script),
    /// and that change's hashchange is on its way.
    fragment_known: StoredValue<String>,
}

impl Router {
    /// The current location, tracked.
    pub fn location(&self) -> Location {
        self.location.get()
    }

    /// The current location, untracked.
    pub fn location_untracked(&self) -> Location {
        self.location.get_untracked()
    }

    pub fn route(&self) -> Route {
        self.location.with(|location| location.route.clone())
    }

    /// Whether the browser is still going back to the entry the app shows
    /// (tracked): until it arrives, the entry current is the one left.
    pub fn is_going_back(&self) -> bool {
        self.going_back.get()
    }

    /// The current route, untracked; `None` once the app is gone.
    pub fn try_route_untracked(&self) -> Option<Route> {
        self.location
            .try_with_untracked(|location| location.route.clone())
    }

    /// Query parameters, tracked.
    pub fn query(&self) -> Query {
        self.location.with(|location| location.query.clone())
    }

    pub fn mode(&self) -> UrlMode {
        self.mode
    }

    /// The address a link to `location` names: this document's own, so that
    /// a portal page's `<base href>` cannot send it (opened in a new tab,
    /// copied) to another page, in memory mode too.
    pub fn href(&self, location: &Location) -> String {
        in_this_document(&location.to_fragment())
    }

    /// Where the page that Back or Forward just brought back was when the
    /// user left it by a link, until the page has been shown
    /// ([`Router::forget_arrival`]).
    pub fn arrived_place(&self) -> Option<Place> {
        self.arrival.try_get_value().flatten()
    }

    pub fn forget_arrival(&self) {
        self.arrival.try_set_value(None);
    }

    /// Keeps where the page is in the current history entry, which the user
    /// is leaving for another (a link the browser follows, a push), and the
    /// search typed last, whose write to the URL may still wait for a paint.
    pub fn remember_place(&self) {
        if self.mode != UrlMode::Fragment {
            return;
        }
        self.write_waiting();
        let Ok(history) = window().history() else {
            return;
        };
        let mut state = EntryState::read(&history.state().unwrap_or(JsValue::NULL));
        state.place = Some(Place::current());
        let _ = history.replace_state(&state.to_js(), "");
    }

    /// Goes to `location`. `replace` keeps the history entry (typing in a
    /// search box), otherwise back returns to where the user was.
    pub fn navigate(&self, location: Location, replace: bool) {
        self.forget_arrival();
        if self.mode == UrlMode::Fragment {
            if replace {
                self.replace_after_paint();
            } else if self.going_back.get_untracked() {
                self.push_waiting.set_value(true);
            } else {
                // The view being replaced keeps its entry, under the new one.
                self.remember_place();
                let from = self.location.get_untracked().to_fragment();
                self.write(&location.to_fragment(), Entry::PushedFrom(&from));
            }
        }
        self.location.set(location);
    }

    /// Changes only the query of the current route.
    pub fn update_query(&self, replace: bool, change: impl FnOnce(&mut Query)) {
        let mut location = self.location.get_untracked();
        change(&mut location.query);
        self.navigate(location, replace);
    }

    /// Goes back one entry, as the browser's Back does, when the app pushed
    /// the current entry over a location `wanted` accepts: a change that
    /// undoes the push then leaves no entry for Back to return to. Each
    /// pushed entry keeps where it came from in its history state, so this
    /// holds after Back, Forward and reloads too.
    pub fn back_if(&self, wanted: impl FnOnce(&Location) -> bool) -> bool {
        if self.mode != UrlMode::Fragment {
            return false;
        }
        let Ok(history) = window().history() else {
            return false;
        };
        let state = EntryState::read(&history.state().unwrap_or(JsValue::NULL));
        let Some(from) = state.from else {
            return false;
        };
        let location = Location::from_fragment(&from);
        // The same fragment would go back with no hashchange to end the wait.
        if !wanted(&location) || from == read_fragment() {
            return false;
        }
        self.write_waiting();
        if history.back().is_err() {
            return false;
        }
        // Shown now rather than when the browser is done going back: a
        // keystroke in between (a search typed right after Escape) would
        // otherwise be lost to the location the browser arrives at.
        self.going_back.set(true);
        self.location.set(location);
        true
    }

    /// Writes the location to the URL, replacing the entry, after the next
    /// paint. A write is a same-document navigation that costs the browser
    /// milliseconds, which would otherwise stand between a keystroke and its
    /// repaint. The write takes the location of its time, so keystrokes
    /// within one frame share it.
    fn replace_after_paint(self) {
        if self.replace_waiting.get_value() {
            return;
        }
        self.replace_waiting.set_value(true);
        request_animation_frame(move || set_timeout(move || self.write_waiting(), Duration::ZERO));
    }

    /// Writes the current location, replacing the entry, if a write waits
    /// and the URL has not moved on without the app: that move's hashchange
    /// follows and must find the URL it was given, not a search typed on
    /// the page being left.
    fn write_waiting(self) {
        if self.replace_waiting.try_update_value(std::mem::take) != Some(true) {
            return;
        }
        // Arrived, the browser's going back writes what the app shows.
        if !self.url_unmoved() || self.going_back.try_get_untracked() == Some(true) {
            return;
        }
        if let Some(location) = self.location.try_get_untracked() {
            self.write(&location.to_fragment(), Entry::Same);
        }
    }

    /// Whether the URL still has the fragment the app last knew. If not, it
    /// is known from now on: a move that brings no hashchange (a host's
    /// `replaceState`) costs one write, not every later one.
    fn url_unmoved(self) -> bool {
        let now = read_fragment();
        self.fragment_known
            .try_update_value(|known| {
                let unmoved = *known == now;
                *known = now;
                unmoved
            })
            .unwrap_or(false)
    }

    fn write(self, fragment: &str, entry: Entry<'_>) {
        write_fragment(fragment, entry);
        // As the browser keeps it, which may be escaped differently.
        self.fragment_known.try_set_value(read_fragment());
    }
}

/// Creates the router and puts it in context.
pub fn provide_router(mode: UrlMode) -> Router {
    let initial = match mode {
        UrlMode::Fragment => Location::from_fragment(&read_fragment()),
        UrlMode::Memory => Location::new(Route::Jobs),
    };
    let router = Router {
        location: RwSignal::new(initial),
        mode,
        replace_waiting: StoredValue::new(false),
        going_back: RwSignal::new(false),
        push_waiting: StoredValue::new(false),
        arrival: StoredValue::new(None),
        fragment_known: StoredValue::new(read_fragment()),
    };
    if mode == UrlMode::Fragment {
        // Back, forward and hand-edited URLs arrive as hashchange events.
        let handle = window_event_listener(leptos::ev::hashchange, move |event| {
            if router.going_back.try_get_untracked() == Some(true) {
                router.going_back.set(false);
                // What changed since the app went back is written to the
                // entry the browser arrived at, unless the URL has moved on
                // since the arrival (a host's script, the address bar): that
                // change's own hashchange follows, and it wins.
                let arrived = window().location().href().ok() == Some(event.new_url());
                let shown = router.location.get_untracked().to_fragment();
                let push = router.push_waiting.try_update_value(std::mem::take) == Some(true);
                if arrived {
                    let fragment = read_fragment();
                    if shown == fragment {
                        router.fragment_known.set_value(fragment);
                    } else if push {
                        router.write(&shown, Entry::PushedFrom(&fragment));
                    } else {
                        router.write(&shown, Entry::Same);
                    }
                }
                return;
            }
            let fragment = read_fragment();
            let location = Location::from_fragment(&fragment);
            router.fragment_known.set_value(fragment);
            // Only a new page is drawn afresh and has a place to return to.
            let new_page = router
                .location
                .with_untracked(|shown| shown.route != location.route);
            let place = new_page
                .then(|| window().history().ok())
                .flatten()
                .and_then(|history| history.state().ok())
                .and_then(|state| EntryState::read(&state).place);
            router.arrival.set_value(place);
            router.location.set(location);
        });
        on_cleanup(move || handle.remove());
    }
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

fn read_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// `fragment` on this document's path and query. A bare "#/jobs" would be
/// resolved against the page's base URL, another page under a `<base href>`.
fn in_this_document(fragment: &str) -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    format!("{path}{query}{fragment}")
}

/// How a write of the URL treats the history entry.
enum Entry<'a> {
    /// A new entry, remembering the fragment it was pushed from.
    PushedFrom(&'a str),
    /// The current entry, keeping what it remembers.
    Same,
}

fn write_fragment(fragment: &str, entry: Entry<'_>) {
    let Ok(history) = window().history() else {
        return;
    };
    // pushState/replaceState do not fire hashchange, so the signal is set by the caller.
    let result = match entry {
        Entry::PushedFrom(from) => {
            // Back to the entry being left must not scroll the window to
            // where it was then: closing a panel (Back, or the app going
            // back) would move a page the user has not left, and a new page
            // is brought to its top by the app. The new entry inherits this.
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            let state = EntryState {
                from: Some(from.to_string()),
                place: None,
            };
            history.push_state_with_url(&state.to_js(), "", Some(&in_this_document(fragment)))
        }
        Entry::Same => {
            let state = history.state().unwrap_or(JsValue::NULL);
            history.replace_state_with_url(&state, "", Some(&in_this_document(fragment)))
        }
    };
    if let Err(error) = result {
        leptos::logging::warn!("could not update the URL: {error:?}");
    }
}
