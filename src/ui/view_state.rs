//! A page's view (filters, sort, selection) lives in the URL query: reading it
//! back gives the view, and every change writes it, so links and back/forward
//! reproduce what the user saw.

use super::router::{use_router, Location, Query, Route, Router};
use crate::domain::table::FacetSet;
use crate::domain::view::url_state::with_left_out;
use crate::domain::view::{Counted, FacetToken, HoldsTable, QueryPairs, TableColumn, ToQuery};
use crate::ui::components::CounterFilter;
use leptos::prelude::*;

/// Whether a change gets its own history entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A discrete choice (a filter, a sort): back undoes it.
    Push,
    /// Typing: one entry for the whole search, not one per keystroke.
    Replace,
    /// Undoing what the entry's push did (closing the record it opened):
    /// back to the entry it was pushed from when that holds the view the
    /// change makes; else the entry is replaced. Either way Back does not
    /// return to what was just closed.
    BackOrReplace,
}

/// The page's view, read from the URL, and the way to change it.
pub struct UrlView<V: Send + Sync + 'static> {
    pub view: Memo<V>,
    router: Router,
    parse: fn(QueryPairs<'_>) -> V,
    /// The route of the page whose view this is.
    page: StoredValue<Route>,
}

impl<V: Send + Sync + 'static> Clone for UrlView<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V: Send + Sync + 'static> Copy for UrlView<V> {}

impl<V> UrlView<V>
where
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    /// What the link holds that the view left out: kept through changes of
    /// the view until [`UrlView::drop_left_out`].
    pub fn left_out(self) -> Memo<Vec<String>> {
        let router = self.router;
        Memo::new(move |_| V::left_out(router.query().as_pairs()))
    }

    /// Writes the view as it is to the URL, without what it left out.
    pub fn drop_left_out(self) {
        self.write(History::Replace, |_| (), false);
    }

    /// Applies `change` to the current view and writes the result to the URL.
    pub fn update(&self, history: History, change: impl FnOnce(&mut V)) {
        self.write(history, change, true);
    }

    fn write(&self, history: History, change: impl FnOnce(&mut V), keep_left_out: bool) {
        let route = self.router.location_untracked().route;
        if self.page.try_with_value(|page| *page != route) != Some(false) {
            return;
        }
        let before = self.view.get_untracked();
        let mut view = before.clone();
        change(&mut view);
        view.follow_change(&before);
        if history == History::BackOrReplace {
            let holds_view = |under: &Location| {
                under.route == route && (self.parse)(under.query.as_pairs()) == view
            };
            if self.router.back_if(holds_view) {
                return;
            }
        }
        let left_out = if keep_left_out {
            V::left_out(self.router.location_untracked().query.as_pairs())
        } else {
            Vec::new()
        };
        let query = Query::from_pairs(with_left_out(view.to_query(), &left_out));
        self.router
            .update_query(history != History::Push, |current| *current = query);
    }
}

impl<V> UrlView<V>
where
    V: HoldsTable + ToQuery + Clone + PartialEq + Send + Sync + 'static,
    V::Column: Send + Sync,
{
    /// A column header's `aria-sort`.
    pub fn aria_sort(self) -> Callback<V::Column, &'static str> {
        Callback::new(move |column| self.view.with(|view| view.table().sort.aria_sort(column)))
    }

    /// Counts the changes of the view that can change the rows listed: the
    /// search, the filters and the sort, not the open record.
    pub fn listings(self) -> Signal<u32> {
        let counted = Memo::new(move |previous: Option<&(V, u32)>| {
            let mut listing = self.view.get();
            listing.table_mut().selected = None;
            let count = match previous {
                Some((before, count)) if *before == listing => *count,
                Some((_, count)) => count + 1,
                None => 0,
            };
            (listing, count)
        });
        Signal::derive(move || counted.with(|(_, count)| *count))
    }

    /// A click on a column header: sort by it, or flip its direction.
    pub fn on_sort(self) -> Callback<V::Column> {
        Callback::new(move |column| {
            self.update(History::Push, |view| {
                view.table_mut()
                    .sort
                    .click_from(column, column.first_direction())
            })
        })
    }
}

pub fn use_url_view<V>(parse: fn(QueryPairs<'_>) -> V) -> UrlView<V>
where
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    let router = use_router();
    let page = router.location_untracked().route;
    let own_page = page.clone();
    UrlView {
        // Once the route is another page's, the view stays as it was: this
        // page's effects, which run until it is gone, must not read the
        // next page's query as theirs, nor rewrite it (`update`).
        view: Memo::new(move |previous: Option<&V>| {
            let location = router.location();
            match previous {
                Some(previous) if location.route != own_page => previous.clone(),
                _ => parse(location.query.as_pairs()),
            }
        }),
        router,
        parse,
        page: StoredValue::new(page),
    }
}

/// The URL tokens of the values a facet filter holds, for controls that show
/// them as pressed or as chips. A memo, so that the chips are rebuilt when
/// this filter changes, not on every keystroke in the search box.
pub fn facet_tokens<F, V>(url: UrlView<V>, get: fn(&V) -> FacetSet<F>) -> Signal<Vec<String>>
where
    F: FacetToken + Send + Sync,
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        url.view
            .with(|view| get(view).iter().map(F::url_token).collect())
    })
    .into()
}

/// Toggles the value a URL token names in a facet filter (a chart part, a
/// legend entry, a select option); an unknown token changes nothing.
pub fn facet_toggle<F, V>(
    url: UrlView<V>,
    get_mut: fn(&mut V) -> &mut FacetSet<F>,
) -> Callback<String>
where
    F: FacetToken + Send + Sync,
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    facet_pick(url, move |view: &mut V, value| get_mut(view).toggle(value))
}

/// As [`facet_toggle`], with `pick` doing the toggling: a view whose
/// filters must agree with each other after a pick.
pub fn facet_pick<F, V>(
    url: UrlView<V>,
    pick: impl Fn(&mut V, F) + Send + Sync + 'static,
) -> Callback<String>
where
    F: FacetToken + Send + Sync,
    V: ToQuery + Clone + PartialEq + Send + Sync + 'static,
{
    Callback::new(move |token: String| {
        if let Some(value) = F::from_url_token(&token) {
            url.update(History::Push, |view| pick(view, value));
        }
    })
}

/// A counter that lists what it counts (see [`Counted`]): pressed while the
/// view is just that; a click lists it, or everything again.
pub fn counter_filter<V>(url: UrlView<V>, narrow: fn(&mut V)) -> CounterFilter
where
    V: Counted + ToQuery + Send + Sync + 'static,
{
    CounterFilter {
        pressed: Signal::derive(move || url.view.with(|view| view.lists_only(narrow))),
        toggle: Callback::new(move |()| url.update(History::Push, |view| view.toggle_only(narrow))),
        unavailable: None,
    }
}
