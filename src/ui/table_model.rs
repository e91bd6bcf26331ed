//! A page's table as signals: the sorted and filtered order, the open record,
//! and what sorting and opening a row write to the URL. Built the same way for
//! every page from its view (`domain::view::TableView`).

use crate::domain::decimal::{listed_of, Noun};
use crate::domain::table::SortSpec;
use crate::domain::time::Timestamp;
use crate::domain::view::selection::find_selection;
use crate::domain::view::{no_match_text, Counted, HoldsTable, TableView, ToQuery};
use crate::perf;
use crate::ui::components::{
    record_lookups, Column, DetailPanel, FullWidth, SettledStatus, VirtualTable,
};
use crate::ui::data::{release_later, Live, LiveStatus, Shared};
use crate::ui::router::Router;
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;
use std::sync::Arc;

pub struct TableModel<V: TableView + Send + Sync + 'static>
where
    V::Item: Send + Sync + 'static,
    V::Row: Send + Sync + 'static,
{
    pub items: ReadSignal<Shared<Vec<V::Item>>>,
    pub rows: Memo<Shared<Vec<V::Row>>>,
    /// Data indices as filtered and sorted.
    pub order: Memo<Arc<Vec<u32>>>,
    /// The data index of the record whose details are open.
    pub selected: Memo<Option<u32>>,
    /// The record whose details were open when a refresh dropped it, until
    /// it comes back, or the operator dismisses the notice or opens another.
    vanished: RwSignal<Option<OpenedRecord>>,
    /// The key and name of the record whose details were open last.
    last_open: StoredValue<Option<OpenedRecord>>,
    /// The name of the record whose details are open.
    open_name: Memo<Option<String>>,
    /// No load of the data has ended well yet: the first is under way, or
    /// one for another run, which emptied the data.
    nothing_loaded: Signal<bool>,
    /// The record open before such a load emptied the data stays open.
    holding_open: Memo<bool>,
    /// That load is still under way (it has not failed).
    first_load_under_way: Signal<bool>,
    pub url: UrlView<V>,
}

impl<V: TableView + Send + Sync + 'static> Clone for TableModel<V>
where
    V::Item: Send + Sync + 'static,
    V::Row: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}
impl<V: TableView + Send + Sync + 'static> Copy for TableModel<V>
where
    V::Item: Send + Sync + 'static,
    V::Row: Send + Sync + 'static,
{
}

/// The records a table lists, their rows, and the listed data indices in order.
pub struct Listed<V: TableView> {
    pub items: Shared<Vec<V::Item>>,
    pub rows: Shared<Vec<V::Row>>,
    pub order: Arc<Vec<u32>>,
}

/// A record whose details were open: its key, to know it again (back in
/// the data, or asked for by the URL), and the name its details had, to say
/// which one a notice means.
struct OpenedRecord {
    key: String,
    name: String,
}

type SortedFor<V> = (
    Shared<Vec<<V as TableView>::Item>>,
    Shared<Vec<<V as TableView>::Row>>,
    SortSpec<<V as HoldsTable>::Column>,
);

impl<V> TableModel<V>
where
    V: TableView + ToQuery + Clone + PartialEq + Send + Sync + 'static,
    V::Item: Send + Sync + 'static,
    V::Row: Send + Sync + 'static,
    V::Column: Send + Sync + 'static,
{
    /// Sorts when the data or the sort changes, and filters the sorted order
    /// when the view or `cutoff` (the time a filter that depends on the time
    /// compares with, see [`TableView::keeps`]) changes, each timed for the
    /// benchmark.
    pub fn new(
        url: UrlView<V>,
        data: Live<V::Item>,
        rows: Memo<Shared<Vec<V::Row>>>,
        cutoff: Memo<Timestamp>,
    ) -> Self {
        let items = data.items;
        let nothing_loaded = data.status.nothing_loaded();
        let sort = Memo::new(move |_| url.view.with(|view| view.table().sort.clone()));
        // The data and the sort the last order was made for, so that a new
        // sort of the same data can start from that order.
        let sorted_for: StoredValue<Option<SortedFor<V>>> = StoredValue::new(None);
        let sorted = Memo::new(move |previous: Option<&Vec<u32>>| {
            let (items, rows) = (items.get(), rows.get());
            sort.with(|sort: &SortSpec<V::Column>| {
                let order = perf::timed("pb:sort", || {
                    sorted_for.with_value(|last| match (last, previous) {
                        (Some((last_items, last_rows, before)), Some(order))
                            if *last_items == items && *last_rows == rows =>
                        {
                            V::resorted(&items, &rows, order, before, sort)
                        }
                        _ => V::sorted(&items, &rows, sort),
                    })
                });
                // The last holder of the data a refresh replaced, as a rule.
                let replaced =
                    sorted_for.try_update_value(|last| last.replace((items, rows, sort.clone())));
                release_later(replaced);
                order
            })
        });
        // The view without the record open: opening one, or closing it,
        // filters nothing again (100,000 rows, each a text match).
        let filtering = Memo::new(move |_| {
            url.view.with(|view| {
                let mut view = view.clone();
                view.table_mut().selected = None;
                view
            })
        });
        let order = Memo::new(move |_| {
            Arc::new(filtering.with(|view| {
                let cutoff = cutoff.get();
                rows.with(|rows| {
                    sorted.with(|sorted| {
                        perf::timed("pb:filter", || view.filter(rows, sorted, cutoff))
                    })
                })
            }))
        });
        let selected = Memo::new(move |_| {
            url.view
                .with(|view| items.with(|items| view.selected_index(items)))
                .map(|index| index as u32)
        });
        // A refresh that drops the open record closes its panel for good:
        // left in the URL, the record coming back with a later refresh
        // would open the panel again and take the focus from wherever the
        // operator has since gone.
        let vanished = RwSignal::new(None);
        let last_open: StoredValue<Option<OpenedRecord>> = StoredValue::new(None);
        // Data emptied for another run's load has dropped nothing yet: while
        // the URL still names the record open before, it stays open (its
        // panel, remounted, would take the focus from the Run list), and it
        // is looked for once the load has ended.
        let holding_open = Memo::new(move |_| {
            nothing_loaded.get()
                && url.view.with(|view| {
                    view.table().selected.as_ref().is_some_and(|key| {
                        last_open
                            .with_value(|last| last.as_ref().is_some_and(|last| last.key == *key))
                    })
                })
        });
        let open_name = Memo::new(move |last: Option<&Option<String>>| match selected.get() {
            Some(index) => items.with(|items| {
                items
                    .get(index as usize)
                    .map(|item| V::name(item).to_owned())
            }),
            None if holding_open.get() => last.cloned().flatten(),
            None => None,
        });
        Effect::new(move |was_open: Option<Option<String>>| {
            let open = open_name.get();
            if nothing_loaded.get() {
                // A record dropped from the data before is no news of the
                // data to come.
                if vanished.with_untracked(Option::is_some) {
                    vanished.set(None);
                }
                return open;
            }
            let key = url
                .view
                .with_untracked(|view| view.table().selected.clone());
            match (was_open, &open, key) {
                (Some(Some(name)), None, Some(key)) => {
                    vanished.set(Some(OpenedRecord { key, name }));
                    url.update(History::Replace, |view| view.table_mut().selected = None);
                }
                (_, Some(name), Some(key)) => {
                    let name = name.clone();
                    last_open.set_value(Some(OpenedRecord { key, name }));
                }
                _ => {}
            }
            open
        });
        // Back in the data, it is no longer missing: the notice goes, and
        // the record leaving again later is news of its own.
        Effect::new(move |_| {
            let back = vanished.with(|gone: &Option<OpenedRecord>| {
                gone.as_ref().is_some_and(|gone| {
                    items.with(|items| find_selection(items.iter().map(V::id), &gone.key).is_some())
                })
            });
            if back {
                vanished.set(None);
            }
        });
        TableModel {
            items,
            rows,
            order,
            selected,
            vanished,
            last_open,
            open_name,
            nothing_loaded,
            holding_open,
            first_load_under_way: data.status.is_first_load(),
            url,
        }
    }

    /// What the table lists now, in its order, for an export (untracked).
    /// Shared, not borrowed: an export written while a refresh replaces the
    /// table still writes what was listed when it started.
    pub fn listed(&self) -> Listed<V> {
        Listed {
            items: self.items.get_untracked(),
            rows: self.rows.get_untracked(),
            order: self.order.get_untracked(),
        }
    }

    /// "12 of 100 assets": listed rows of all (tracked).
    fn count_text(&self, noun: Noun) -> String {
        let listed = self.order.with(|order| order.len() as u64);
        let all = self.items.with(|items| items.len() as u64);
        listed_of(listed, all, noun)
    }

    /// The count of rows the search and filters leave, for the filter bar:
    /// shown once a load has ended well, and announced once it settles, so
    /// a filter tells a screen reader what it left.
    pub fn row_count(self, status: LiveStatus, noun: Noun) -> impl IntoView {
        let count = status.once_known(move || status.as_loaded(self.count_text(noun)));
        view! {
            <span class="pb-muted" data-row-count="" aria-hidden="true">{count}</span>
            <SettledStatus text=count />
        }
    }

    /// Opens the details of the record at data index `index`. Going from
    /// one open record to the next takes no new history entry, so Back
    /// returns to the table, not through every record seen.
    pub fn open(&self, index: u32) {
        let key = self
            .items
            .with_untracked(|items| V::key_of(items, index as usize));
        let history = match self.selected.get_untracked() {
            Some(_) => History::Replace,
            None => History::Push,
        };
        self.vanished.set(None);
        self.url
            .update(history, |view| view.table_mut().selected = key);
    }

    /// The record a link asks to open that the data, once a load of it has
    /// ended well, does not have, by its key as the URL gave
    /// it; or the open record a refresh dropped, while it stays away, by the
    /// name its details had (its key if that was blank).
    pub fn missing_selection(&self) -> Signal<Option<String>> {
        let (url, selected, vanished, last_open, nothing_loaded) = (
            self.url,
            self.selected,
            self.vanished,
            self.last_open,
            self.nothing_loaded,
        );
        let named = |gone: &OpenedRecord| match gone.name.trim() {
            "" => gone.key.clone(),
            _ => gone.name.clone(),
        };
        Signal::derive(move || {
            let asked = url.view.with(|view| view.table().selected.clone());
            match asked {
                // The open record a refresh has just dropped, until its
                // key leaves the URL: by its name already, so that the
                // notice is not first read out with the key.
                Some(key) if !nothing_loaded.get() && selected.get().is_none() => {
                    let just_open = last_open
                        .with_value(|last| last.as_ref().filter(|last| last.key == key).map(named));
                    Some(just_open.unwrap_or(key))
                }
                Some(_) => None,
                None => vanished.with(|gone| gone.as_ref().map(named)),
            }
        })
    }

    /// Puts away the notice of a missing record: the link's, by closing
    /// what it asked to open, or the one a refresh dropped.
    pub fn dismiss_missing(&self) {
        self.vanished.set(None);
        if self
            .url
            .view
            .with_untracked(|view| view.table().selected.is_some())
        {
            self.close();
        }
    }

    /// Closes the details panel: back to the entry opening it was pushed
    /// from, when nothing else changed since, else in place, so that Back
    /// does not just open it again. Where the view changed while it was
    /// open (a sort), Back undoes that change, and with it brings back the
    /// panel that was open then, as every entry holds the whole view.
    pub fn close(&self) {
        self.url.update(History::BackOrReplace, |view| {
            view.table_mut().selected = None
        });
    }

    /// The record whose details are open, with its row (tracked).
    pub fn opened(&self) -> Option<(V::Item, V::Row)>
    where
        V::Item: Clone,
        V::Row: Clone,
    {
        let index = self.selected.get()? as usize;
        let item = self.items.with(|items| items.get(index).cloned())?;
        let row = self.rows.with(|rows| rows.get(index).cloned())?;
        Some((item, row))
    }

    /// The name of the record whose details are open (tracked).
    pub fn opened_name(&self) -> Signal<Option<String>> {
        self.open_name.into()
    }

    /// The record at data index `index` with its row, to render its cells
    /// (untracked: the table renders rows again when the rows change).
    pub fn record(&self, index: u32) -> (V::Item, V::Row)
    where
        V::Item: Clone,
        V::Row: Clone,
    {
        let index = index as usize;
        let item = self.items.with_untracked(|items| items[index].clone());
        let row = self.rows.with_untracked(|rows| rows[index].clone());
        (item, row)
    }

    /// The detail panel of the open record, titled by `title` and filled by
    /// `details`. The panel stays while the same record is open and only its
    /// contents follow a refresh, or another run's load: mounting it again
    /// would move the keyboard focus to its close button each time.
    pub fn detail_panel<Details, DetailsView>(self, details: Details) -> impl IntoView
    where
        V::Item: Clone + PartialEq,
        V::Row: Clone + PartialEq,
        Details: Fn(V::Item, V::Row) -> DetailsView + Copy + Send + Sync + 'static,
        DetailsView: IntoView + 'static,
    {
        let open = Memo::new(
            move |last: Option<&Option<(V::Item, V::Row)>>| match self.opened() {
                None if self.holding_open.get() => last.cloned().flatten(),
                now => now,
            },
        );
        let shown = Memo::new(move |_| self.selected.get().filter(|_| open.with(Option::is_some)));
        let name = self.opened_name();
        let title = Signal::derive(move || name.get().unwrap_or_default());
        // One panel per record, kept when a refresh moves the record to
        // another data index.
        let shown_id = Memo::new(move |_| {
            open.with(|open| open.as_ref().map(|(item, _)| V::id(item).to_owned()))
        });
        let close = Callback::new(move |_| self.close());
        // Brought back by Back or Forward from a link in the details, the
        // panel of the record then open gives the keyboard back to that
        // link, if it is the first shown. Read now: the arrival is
        // forgotten once the page is drawn, maybe before its data is in.
        let left_by_link = StoredValue::new(
            use_context::<Router>()
                .and_then(|router| router.arrived_place())
                .and_then(|place| place.focused_link),
        );
        let arrived_open = self
            .url
            .view
            .with_untracked(|view| view.table().selected.clone());
        move || {
            shown_id.get().map(|_| {
                let refocus_link = left_by_link
                    .try_update_value(Option::take)
                    .flatten()
                    .filter(|_| {
                        self.url.view.with_untracked(|view| view.table().selected == arrived_open)
                    });
                view! {
                    <DetailPanel title=title on_close=close record_index=shown refocus_link=refocus_link>
                        {move || self.holding_open.get().then(|| view! {
                            <p class="pb-muted" data-panel-loading="">
                                {move || {
                                    if self.first_load_under_way.get() {
                                        "Loading the run chosen: these details are from the run shown before."
                                    } else {
                                        "The run chosen could not be loaded: these details are from the run shown before."
                                    }
                                }}
                            </p>
                        })}
                        {move || open.get().map(|(item, row)| details(item, row))}
                    </DetailPanel>
                }
            })
        }
    }

    /// The virtual table of this model's order, wired to its sort, its open
    /// record and the opening of a row's details; empty, it names what left
    /// it so, in `noun`.
    pub fn virtual_table<Cells, CellsView>(
        self,
        caption: &'static str,
        columns: Vec<Column<V::Column>>,
        cells: Cells,
        status: LiveStatus,
        noun: Noun,
        full_width: FullWidth,
    ) -> impl IntoView
    where
        V: Counted,
        Cells: Fn(u32) -> CellsView + Send + Sync + 'static,
        CellsView: IntoView + 'static,
    {
        // The rows are derived again on every load, and also without one: a
        // job's messages name it once the job list, which may answer after
        // its results, is in.
        let rows = self.rows;
        let (record_id, record_index) = record_lookups(self.items, V::id);
        view! {
            <VirtualTable
                caption=caption
                columns=columns
                order=self.order
                cells=cells
                aria_sort=self.url.aria_sort()
                on_sort=self.url.on_sort()
                selected=self.selected
                on_open=Callback::new(move |index| self.open(index))
                record_id=record_id
                record_index=record_index
                data_changed=Signal::derive(move || rows.track())
                listings=self.url.listings()
                empty_text=status.empty_text(noun, move || self.url.view.with(|view| no_match_text(view, noun)))
                loaded=status.has_loaded()
                full_width=full_width
            />
        }
    }
}
