//! A table that renders only the rows in view, so 100,000 rows cost the same
//! DOM as 50. Rows have one fixed height; spacer rows above and below keep the
//! scrollbar true to the full length.

use super::detail_panel::panel_room;
use super::row_focus::{drawn_row, keep_row_focus, refocus_left_row, scroll_into_sight};
use super::settled_status::DelayedStatus;
use crate::domain::decimal::{fixed, grouped};
use crate::domain::table::{first_row_in_view, scroll_top_showing, RowMove, RowWindow};
use crate::domain::view::TableColumn;
use crate::perf;
use crate::ui::data::Shared;
use crate::ui::dom::{html_element_in, window_height};
use crate::ui::focus::{focus_is_lost, refocus_if_column_hidden, FocusMark};
use crate::ui::printing::use_printing;
use crate::ui::resize::on_resize;
use crate::ui::router::Router;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// `--pb-row-height` in style/tokens.css, used until the table has read the
/// value in force (a host may change it for a denser or roomier table).
const DEFAULT_ROW_HEIGHT: f64 = 34.0;
/// Rows rendered beyond each edge of the viewport, so fast scrolling shows no
/// gap. Every row costs render time on each filter keystroke and sort, so
/// this is a few rows, not a screenful.
const OVERSCAN: usize = 6;
/// Rows drawn for paper, which cannot scroll: a printout of a few dozen
/// pages, not one of a fleet.
const PRINTED_ROWS: usize = 1_000;
/// Viewport height assumed until the scroller is measured.
const INITIAL_VIEWPORT: f64 = 600.0;

/// A column: its id for sorting, heading, width and alignment.
#[derive(Debug, Clone, Copy)]
pub struct Column<C> {
    pub id: C,
    pub label: &'static str,
    /// A CSS width such as "18%" or "7em".
    pub width: &'static str,
    pub numeric: bool,
    /// Where a narrow table leaves the column out.
    pub narrowing: Narrowing,
}

/// Where a narrow table (a small window, a portal's column) leaves a column
/// out, so that the rest stay readable rather than scroll sideways; the
/// row's panel or a hover text still gives the value. The column the rows
/// are sorted by is always shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Narrowing {
    Never,
    /// Below the table's [`FullWidth`].
    BelowFullWidth,
    /// Below 66 em of table (924 px at 14 px text), near the 60 em below
    /// which a narrow table scrolls sideways: a text column that would keep
    /// a couple of letters.
    BelowCompact,
}

impl<C: TableColumn> Column<C> {
    /// Every column of a table in display order, headed by its label.
    pub fn every(
        width: impl Fn(C) -> &'static str,
        numeric: impl Fn(C) -> bool,
        narrowing: impl Fn(C) -> Narrowing,
    ) -> Vec<Column<C>> {
        C::ALL
            .iter()
            .map(|&id| Column {
                id,
                label: id.label(),
                width: width(id),
                numeric: numeric(id),
                narrowing: narrowing(id),
            })
            .collect()
    }
}

/// The table width below which a table leaves out its optional columns
/// (style/app.css has the figures).
#[derive(Debug, Clone, Copy, Default)]
pub enum FullWidth {
    /// 83 em (1,162 px at 14 px text): every column fits at the width its
    /// values need.
    #[default]
    Standard,
    /// 114 em (1,596 px at 14 px text): for a table whose text columns,
    /// the ones that truncate, would otherwise get too little of the width
    /// between the two (common laptop windows, 1280 to 1536 px).
    Wide,
}

/// The id of the words that tell how to use the rows; each page has one table.
const ROW_KEYS_ID: &str = "pb-row-keys";
/// Said when the row with the focus leaves the list and the row in its place
/// takes the focus.
const ROW_LEFT_NOTE: &str =
    "The row you were on is no longer listed; the focus is on the row in its place.";

/// Tells the stylesheet how wide the sticky first column is, so that a
/// sort button focused in a table scrolled sideways comes to rest beside
/// it, not under it (`scroll-padding-left` in style/app.css).
fn mark_sticky_width(scroller: &web_sys::HtmlDivElement) {
    if let Some(first) = html_element_in(scroller, "thead th") {
        let width = format!("{}px", first.offset_width());
        let _ = web_sys::HtmlElement::style(scroller).set_property("--pb-sticky-width", &width);
    }
}

/// The rows in view: `order` holds data indices in display order.
///
/// Only this thin shell is generic; it erases the column ids and the cells'
/// view type so that the table itself is compiled once for every page.
#[component]
pub fn VirtualTable<C, Cells, CellsView>(
    /// Names the table for screen readers.
    caption: &'static str,
    columns: Vec<Column<C>>,
    /// Data indices in display order (already filtered and sorted).
    #[prop(into)]
    order: Signal<Arc<Vec<u32>>>,
    /// Renders the cells of one data row.
    cells: Cells,
    /// The `aria-sort` token of a column: "none", "ascending" or "descending".
    aria_sort: Callback<C, &'static str>,
    on_sort: Callback<C>,
    #[prop(into)] selected: Signal<Option<u32>>,
    on_open: Callback<u32>,
    /// The id of the record at a data index, and the data index of the
    /// record with an id: a refresh may move a record to another index.
    record_id: Callback<u32, Option<String>>,
    record_index: Callback<String, Option<u32>>,
    /// Notifies whenever the data behind the indices changes, so that the
    /// drawn rows render again.
    #[prop(into)]
    data_changed: Signal<()>,
    /// Counts the changes of the search, the filters and the sort
    /// (`UrlView::listings`).
    #[prop(into)]
    listings: Signal<u32>,
    /// What the table says when it has no rows: loading, nothing loaded, or
    /// no match, as only the data's load status can tell.
    #[prop(into)]
    empty_text: Signal<String>,
    /// A load has ended, so `order` lists every record it brought.
    #[prop(into)]
    loaded: Signal<bool>,
    /// Below which width the columns [`Narrowing::BelowFullWidth`] are left out.
    #[prop(optional)]
    full_width: FullWidth,
) -> impl IntoView
where
    C: Copy + Send + Sync + 'static,
    Cells: Fn(u32) -> CellsView + Send + Sync + 'static,
    CellsView: IntoView + 'static,
{
    let ids: Arc<[C]> = columns.iter().map(|column| column.id).collect();
    let sort_ids = ids.clone();
    table(Table {
        caption,
        columns: columns
            .iter()
            .map(|column| Column {
                id: (),
                label: column.label,
                width: column.width,
                numeric: column.numeric,
                narrowing: column.narrowing,
            })
            .collect(),
        order,
        cells: Arc::new(move |index| cells(index).into_any()),
        aria_sort: Callback::new(move |position: usize| aria_sort.run(ids[position])),
        on_sort: Callback::new(move |position: usize| on_sort.run(sort_ids[position])),
        selected,
        on_open,
        record_id,
        record_index,
        data_changed,
        listings,
        empty_text,
        loaded,
        full_width,
    })
}

/// The table's `record_id` and `record_index` over `items`, each record
/// named by `id`.
pub fn record_lookups<T: Send + Sync + 'static>(
    items: ReadSignal<Shared<Vec<T>>>,
    id: fn(&T) -> &str,
) -> (Callback<u32, Option<String>>, Callback<String, Option<u32>>) {
    let record_id = Callback::new(move |index: u32| {
        items.with_untracked(|items| items.get(index as usize).map(|item| id(item).to_owned()))
    });
    let record_index = Callback::new(move |wanted: String| {
        items.with_untracked(|items| {
            items
                .iter()
                .position(|item| id(item) == wanted)
                .map(|index| index as u32)
        })
    });
    (record_id, record_index)
}

/// A table's parts with columns known by position.
struct Table {
    caption: &'static str,
    columns: Vec<Column<()>>,
    order: Signal<Arc<Vec<u32>>>,
    cells: Arc<dyn Fn(u32) -> AnyView + Send + Sync>,
    aria_sort: Callback<usize, &'static str>,
    on_sort: Callback<usize>,
    selected: Signal<Option<u32>>,
    on_open: Callback<u32>,
    record_id: Callback<u32, Option<String>>,
    record_index: Callback<String, Option<u32>>,
    data_changed: Signal<()>,
    listings: Signal<u32>,
    empty_text: Signal<String>,
    loaded: Signal<bool>,
    full_width: FullWidth,
}

fn table(table: Table) -> AnyView {
    let Table {
        caption,
        columns,
        order,
        cells,
        aria_sort,
        on_sort,
        selected,
        on_open,
        record_id,
        record_index,
        data_changed,
        listings,
        empty_text,
        loaded,
        full_width,
    } = table;
    let scroller = NodeRef::<leptos::html::Div>::new();
    let (scroll_top, set_scroll_top) = signal(0.0_f64);
    let (viewport, set_viewport) = signal(INITIAL_VIEWPORT);
    let (row_height, set_row_height) = signal(DEFAULT_ROW_HEIGHT);
    // The sticky header's height: a row's, unless its headings wrap (a
    // narrow column, wide text spacing).
    let (head_height, set_head_height) = signal(DEFAULT_ROW_HEIGHT);
    let narrowing: Vec<Narrowing> = columns.iter().map(|column| column.narrowing).collect();
    // The column the rows are sorted by stays shown, or the order would
    // follow values no one can see.
    let table_class = move || {
        table_class(&narrowing, full_width, |position| {
            aria_sort.run(position) != "none"
        })
    };

    // What the view reads goes through memos, because a memo rechecks its
    // own state after each of its sources: an effect reading a memo over
    // `order` beside `order` itself can miss a change of `order` (its check
    // of the memo recomputes `order`, whose own check then reports nothing
    // new), which left the previous filter's rows on screen.
    let total = move || order.with(|order| order.len());
    let printing = use_printing();
    let window = Memo::new(move |_| {
        if printing.get() {
            return RowWindow::first_rows(PRINTED_ROWS, total());
        }
        RowWindow::around(
            scroll_top.get(),
            viewport.get(),
            row_height.get(),
            OVERSCAN,
            total(),
        )
    });
    // The data indices drawn, in display order.
    let rows = Memo::new(move |_| {
        let positions = window.get().positions();
        order.with(|order| order[positions].to_vec())
    });
    // The data index of the row that last had the keyboard focus (a click,
    // an arrow key, the detail panel handing it back). A record, not a
    // position: a refresh or sort that moves the row moves the tab stop
    // with it.
    let (active, holding_focus) = keep_row_focus(scroller, move || {
        rows.track();
        data_changed.track();
    });
    // The one row reachable with Tab: the active row, or when it is not
    // drawn, the first wholly in view (not the first drawn, above the view,
    // which the focus would scroll back to).
    let tab_stop = Memo::new(move |_| {
        let in_view = first_row_in_view(scroll_top.get(), row_height.get());
        let drawn_from = window.get().first;
        rows.with(|rows| {
            active
                .get()
                .filter(|active| rows.contains(active))
                .or_else(|| {
                    rows.get(in_view.saturating_sub(drawn_from))
                        .or(rows.last())
                        .copied()
                })
        })
    });
    // Moves the table to `top` and tells the row window at once, rather than
    // on the scroll event that follows.
    let scroll_to = move |element: &web_sys::HtmlDivElement, top: f64| {
        element.set_scroll_top(top.max(0.0) as i32);
        set_scroll_top.set(f64::from(element.scroll_top()));
    };
    // The benchmark's "first rows painted": the frame after rows first exist.
    Effect::new(move |marked: Option<bool>| {
        if marked == Some(true) || total() == 0 {
            return marked == Some(true);
        }
        request_animation_frame(|| perf::mark("pb:first-rows"));
        true
    });
    // Brought back by Back or Forward, the table returns to where it was
    // left, once its rows are listed, unless the user has scrolled first;
    // the window too, as the page is only now as long as it was.
    let left_at = use_context::<Router>().and_then(|router| router.arrived_place());
    // Opened otherwise with a record's details showing (a link, a reload),
    // the table scrolls that record's row to its middle the same way.
    Effect::new(move |shown: Option<bool>| {
        if shown == Some(true) || scroll_top.get_untracked() > 0.0 {
            return true;
        }
        if !loaded.get() {
            return false;
        }
        if let Some(place) = left_at.clone() {
            request_animation_frame(move || {
                if let Some(element) = scroller.try_get_untracked().flatten() {
                    place.restore_window();
                    scroll_to(&element, place.table_top);
                    if let Some(index) = place.focused_row {
                        // After the next draw, which brings the row in.
                        request_animation_frame(move || refocus_left_row(scroller, index));
                    }
                }
            });
            return true;
        }
        let Some(index) = selected.get() else {
            return true;
        };
        let Some(position) = order.with(|order| order.iter().position(|&i| i == index)) else {
            return false;
        };
        // On the next frame, when the spacers have the height of every row.
        request_animation_frame(move || {
            let Some(element) = scroller.try_get_untracked().flatten() else {
                return;
            };
            let row_height = row_height.get_untracked();
            let head_height = head_height.get_untracked();
            // The middle of what the window shows of the table, below its
            // sticky header: a table taller than that would put the row at
            // the window's foot. The window itself stays at its top.
            let shown = element.get_bounding_client_rect();
            let in_window =
                shown.bottom().min(window_height()) - shown.top().max(0.0) - head_height;
            let visible_height = if in_window >= 3.0 * row_height {
                in_window
            } else {
                f64::from(element.client_height()) - head_height
            };
            scroll_to(
                &element,
                position as f64 * row_height - (visible_height - row_height) / 2.0,
            );
        });
        true
    });
    // A search, filter or sort that lists other rows starts the table at its
    // top: left scrolled down, a shorter list would keep the position the
    // browser clamps it to, its first rows above the view or under the
    // header. One that lists the same rows (or a refresh) keeps the place.
    // Where a row has the keyboard's focus (a filter undone by Back), the
    // table goes to that record's row instead, so the focus stays on it
    // rather than fall to the page. Both are read in one effect, so neither
    // can be seen before the other.
    Effect::new(move |seen: Option<(u32, Arc<Vec<u32>>)>| {
        let listing = listings.get();
        let shown = order.get();
        let other_rows = seen.is_some_and(|(seen_listing, seen_order)| {
            seen_listing != listing && !Arc::ptr_eq(&seen_order, &shown) && *seen_order != *shown
        });
        if other_rows {
            let focused_at = holding_focus
                .get_value()
                .and_then(|index| shown.iter().position(|&i| i == index));
            match focused_at {
                // On the next frame, when the spacers have the height of
                // every row: now the table may be too short to reach it.
                Some(position) => request_animation_frame(move || {
                    let Some(element) = scroller.try_get_untracked().flatten() else {
                        return;
                    };
                    let row_height = row_height.get_untracked();
                    let low = f64::from(element.client_height())
                        - head_height.get_untracked()
                        - row_height;
                    let top = position as f64 * row_height;
                    let now = f64::from(element.scroll_top());
                    // Already in view below the header: left where it is.
                    if top < now || top > now + low {
                        scroll_to(&element, top - low / 2.0);
                    }
                }),
                None if scroll_top.get_untracked() > 0.0 => {
                    if let Some(element) = scroller.get_untracked() {
                        scroll_to(&element, 0.0);
                    }
                }
                None => {}
            }
        }
        (listing, shown)
    });
    // The heights standing in for the rows above and below the window.
    let spacers = Memo::new(move |_| {
        let RowWindow { first, end } = window.get();
        let row_height = row_height.get();
        (
            first as f64 * row_height,
            (total() - end) as f64 * row_height,
        )
    });
    let top_spacer = move || format!("{}px", fixed(spacers.get().0, 2));
    let bottom_spacer = move || format!("{}px", fixed(spacers.get().1, 2));

    let on_scroll = move |_| {
        if let Some(element) = scroller.get_untracked() {
            set_scroll_top.set(f64::from(element.scroll_top()));
        }
    };
    // A window or portal column resized with a record open reflows the page
    // above the table (the chart and filters wrap), which can push the
    // record's row out of sight. While the table shows that row, the
    // window scrolls after it.
    let keep_selected_in_sight = move || {
        let element = scroller.try_get_untracked().flatten();
        let selected = selected.try_get_untracked().flatten();
        if let Some(row) = element.zip(selected).and_then(|(element, index)| {
            drawn_row(&element, index).filter(|row| shows(&element, row))
        }) {
            scroll_into_sight(&row);
        }
    };
    let window_resized = window_event_listener_untyped("resize", move |_| keep_selected_in_sight());
    on_cleanup(move || window_resized.remove());
    scroller.on_load(move |element| {
        let measured = element.clone();
        let width = std::cell::Cell::new(None);
        let room = std::cell::Cell::new(panel_room(&element));
        on_resize(&element, move || {
            set_viewport.set(f64::from(measured.client_height()));
            if let Some(height) = css_row_height(&measured) {
                set_row_height.set(height);
            }
            mark_sticky_width(&measured);
            // A new width, not the first layout nor the rows coming in: a
            // link opening a record scrolls the table (above), not the
            // window. Nor the room made for the record's panel as it opens.
            let now = measured.client_width();
            let resized = width.replace(Some(now)).is_some_and(|was| was != now);
            let room_now = panel_room(&measured);
            if resized && room.replace(room_now.clone()) == room_now {
                keep_selected_in_sight();
            }
        });
        // The headings wrap as their columns narrow or their text spaces out,
        // which need not resize the scroller.
        if let Some(head) = html_element_in(&element, "thead") {
            let measured = element.clone();
            let head_measured = head.clone();
            on_resize(&head, move || {
                let height = f64::from(head_measured.offset_height());
                set_head_height.set(height);
                let _ = web_sys::HtmlElement::style(&measured)
                    .set_property("--pb-head-height", &format!("{}px", fixed(height, 2)));
            });
        }
    });

    // Moves keyboard focus to a display position, scrolling it into view first.
    // Set while the table moves the focus from row to row itself: a row
    // scrolled out of the window has gone with the focus, and the next one
    // taking it must not count as the keyboard entering the table.
    let moving_focus = StoredValue::new(false);
    let focus_row = move |row: web_sys::HtmlElement| {
        moving_focus.set_value(true);
        let _ = row.focus();
        moving_focus.set_value(false);
    };
    let focus_position = move |position: usize| {
        let Some(element) = scroller.get_untracked() else {
            return;
        };
        let row_height = row_height.get_untracked();
        let top = scroll_top_showing(
            position as f64 * row_height,
            row_height,
            f64::from(element.scroll_top()),
            f64::from(element.client_height()) - head_height.get_untracked(),
        );
        scroll_to(&element, top);
        // A row already drawn takes the focus now, so a key pressed next (Enter)
        // acts on it; one still to be drawn takes it on the next frame, by which
        // time the table may be gone.
        let row_at = move |scroller: &web_sys::Element| {
            html_element_in(scroller, &format!("tr[data-position=\"{position}\"]"))
        };
        if let Some(row) = row_at(&element) {
            focus_row(row);
            return;
        }
        request_animation_frame(move || {
            if let Some(row) = scroller
                .try_get_untracked()
                .flatten()
                .and_then(|element| row_at(&element))
            {
                focus_row(row);
            }
        });
    };
    // The record whose row had the focus, where the rows list it now: its
    // data index and display position. None once it is not listed.
    let focused_id = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let id = active.get().and_then(|index| record_id.run(index));
        focused_id.set_value(id);
    });
    let focused_record_now = move || -> Option<(u32, usize)> {
        let index = holding_focus.get_value()?;
        let id = focused_id.get_value()?;
        let now_at = if record_id.run(index).as_deref() == Some(id.as_str()) {
            index
        } else {
            record_index.run(id)?
        };
        let position = order.with_untracked(|order| order.iter().position(|&at| at == now_at))?;
        Some((now_at, position))
    };
    // A refresh can move the record whose row has the focus: to another
    // data index (the backend added or dropped records before it), or out
    // of the drawn rows (its new values sort it elsewhere). Rows are keyed
    // by index, so the focus would then be lost, or left on a row showing
    // another record for Enter to open: it follows its record instead.
    Effect::new(move |_| {
        data_changed.track();
        let Some((now_at, position)) = focused_record_now() else {
            return;
        };
        let kept_its_row = holding_focus.get_value() == Some(now_at)
            && window.with_untracked(|window| window.positions().contains(&position));
        if !kept_its_row {
            focus_position(position);
        }
    });
    // A refresh that no longer lists the record whose row had the focus
    // removes the row, and the focus with it, to the page's top for the
    // next Tab. The row now in its place takes it, or with none left the
    // table's note that it is empty, so the keyboard stays where it was;
    // and when rows come back under that note, the first of them.
    // The row taking the focus is read out as any focused row; a note then
    // says that the row the user was on has gone, or the move would pass for
    // a row changing its values.
    let focused_position = StoredValue::new(0_usize);
    let empty_note = NodeRef::<leptos::html::P>::new();
    let note_focus = FocusMark::new();
    // Said after the focus move, which a screen reader reads out first and
    // which would cut a note said with it short.
    let row_left_note = DelayedStatus::new();
    Effect::new(move |_| {
        let listed = order.with(|order| order.len());
        let lost_row = holding_focus.get_value().is_some() && focused_record_now().is_none();
        let note_left = listed > 0 && note_focus.is_held();
        if !lost_row && !note_left {
            return;
        }
        row_left_note.silence();
        // After the redraw, and after a record that moved has taken its row.
        request_animation_frame(move || {
            if !focus_is_lost() || scroller.try_get_untracked().flatten().is_none() {
                return;
            }
            note_focus.clear();
            match order.with_untracked(|order| order.len()) {
                0 => {
                    if let Some(note) = empty_note.get_untracked() {
                        let _ = note.focus();
                    }
                }
                listed => {
                    focus_position(focused_position.get_value().min(listed - 1));
                    if lost_row {
                        row_left_note.say(
                            ROW_LEFT_NOTE.to_owned(),
                            Duration::from_millis(200),
                            Some(Duration::from_secs(10)),
                        );
                    }
                }
            }
        });
    });
    let on_key = move |event: leptos::ev::KeyboardEvent, position: usize, index: u32| {
        let last = total().saturating_sub(1);
        let page = (viewport.get_untracked() / row_height.get_untracked()) as usize;
        let key = event.key();
        if let Some(row_move) = RowMove::of_key(&key) {
            event.prevent_default();
            focus_position(row_move.from(position, last, page));
            return;
        }
        match key.as_str() {
            "Enter" | " " => {
                event.prevent_default();
                on_open.run(index);
            }
            // A table wider than the window: the keyboard scrolls it sideways.
            "ArrowRight" | "ArrowLeft" => {
                event.prevent_default();
                if let Some(element) = scroller.get_untracked() {
                    let step = element.client_width() * 2 / 5;
                    let step = if key == "ArrowLeft" { -step } else { step };
                    element.set_scroll_left(element.scroll_left() + step);
                }
            }
            _ => {}
        }
    };

    // Tabbing through the sort buttons of a table wider than the window
    // scrolls it to its last columns; a row the keyboard enters shows its
    // first, which name the record. Not on a click, which would jump the
    // columns being read away from the pointer.
    let on_focus_enter = move |event: leptos::ev::FocusEvent| {
        let from_outside = event
            .related_target()
            .and_then(|from| from.dyn_into::<web_sys::Node>().ok())
            .zip(
                event
                    .current_target()
                    .and_then(|body| body.dyn_into::<web_sys::Node>().ok()),
            )
            .is_none_or(|(from, body)| !body.contains(Some(&from)));
        let by_keyboard = event
            .target()
            .and_then(|row| row.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|row| row.matches(":focus-visible").unwrap_or(false));
        let position = event
            .target()
            .and_then(|row| row.dyn_into::<web_sys::Element>().ok())
            .and_then(|row| row.get_attribute("data-position")?.parse().ok());
        if let Some(position) = position {
            focused_position.set_value(position);
        }
        // try_: a closing panel may hand its row the focus while the page
        // that holds the table is being torn down.
        if from_outside && by_keyboard && !moving_focus.get_value() {
            if let Some(element) = scroller.try_get_untracked().flatten() {
                element.set_scroll_left(0);
            }
        }
    };

    let cells = StoredValue::new(cells);
    let refocus_when_hidden = |event: leptos::ev::FocusEvent| {
        if event.related_target().is_none() {
            if let Some(button) = event.target().and_then(|target| target.dyn_into().ok()) {
                refocus_if_column_hidden(button);
            }
        }
    };
    let headers = columns
        .iter()
        .enumerate()
        .map(|(id, column)| {
            let class = if column.numeric { "pb-numeric" } else { "" };
            view! {
                <th scope="col" class=class aria-sort=move || aria_sort.run(id)>
                    <button
                        type="button"
                        class="pb-sort-button"
                        on:click=move |_| on_sort.run(id)
                        on:focusout=refocus_when_hidden
                    >
                        <span class="pb-sort-label">{column.label}</span>
                        <span aria-hidden="true">
                            {move || match aria_sort.run(id) {
                                "ascending" => "▲",
                                "descending" => "▼",
                                _ => "",
                            }}
                        </span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let widths = columns
        .iter()
        .map(|column| view! { <col style:width=column.width /> })
        .collect_view();

    view! {
        <div class="pb-table-scroll" class:pb-printing=printing node_ref=scroller on:scroll=on_scroll>
            // Rows are not links: a screen reader is told how to use them.
            <p class="pb-visually-hidden" id=ROW_KEYS_ID>
                "Arrow keys move between rows; Enter opens the row with the focus."
            </p>
            <p class="pb-visually-hidden" role="status">{move || row_left_note.spoken()}</p>
            <table class=table_class aria-rowcount=move || total() + 1 aria-describedby=ROW_KEYS_ID>
                <caption class="pb-visually-hidden">{caption}</caption>
                <colgroup>{widths}</colgroup>
                <thead>
                    <tr aria-rowindex="1">{headers}</tr>
                </thead>
                <tbody on:focusin=on_focus_enter>
                    // One cell holds the height: spanning every column would
                    // keep the columns a narrow table leaves out.
                    <tr class="pb-spacer-row" aria-hidden="true">
                        <td style:height=top_spacer></td>
                    </tr>
                    // Keyed by data index: a refresh rewrites a row's cells in
                    // place, so the focused row keeps the focus, and a row
                    // that stays drawn while scrolling, sorting or filtering
                    // keeps its element.
                    <ForEnumerate
                        each=move || rows.get()
                        key=|index| *index
                        children=move |offset, index| {
                            let position = Memo::new(move |_| window.with(|window| window.first) + offset.get());
                            view! {
                                <tr
                                    class="pb-row"
                                    data-position=position
                                    data-index=index
                                    aria-rowindex=move || position.get() + 2
                                    aria-selected=move || (selected.get() == Some(index)).to_string()
                                    // A plain table's rows do not expose aria-selected.
                                    aria-current=move || (selected.get() == Some(index)).then_some("true")
                                    tabindex=move || if tab_stop.get() == Some(index) { "0" } else { "-1" }
                                    on:click=move |event| on_row_click(&event, || on_open.run(index))
                                    on:auxclick=move |event: web_sys::MouseEvent| {
                                        if event.button() == 1 {
                                            on_row_click(&event, || ())
                                        }
                                    }
                                    on:keydown=move |event| on_key(event, position.get_untracked(), index)
                                >
                                    {move || {
                                        data_changed.track();
                                        // A refresh that drops the record re-renders this row
                                        // before removing it, when its index may no longer exist.
                                        if rows.with_untracked(|rows| rows.contains(&index)) {
                                            cells.with_value(|cells| cells(index))
                                        } else {
                                            ().into_any()
                                        }
                                    }}
                                </tr>
                            }
                        }
                    />
                    <tr class="pb-spacer-row" aria-hidden="true">
                        <td style:height=bottom_spacer></td>
                    </tr>
                </tbody>
            </table>
            <p class="pb-print-only">
                {move || {
                    let (drawn, listed) = (rows.with(Vec::len), total());
                    (printing.get() && drawn < listed).then(|| {
                        format!("Printed: the first {} of the {} rows listed.", grouped(drawn as u64), grouped(listed as u64))
                    })
                }}
            </p>
            <Show when=move || total() == 0>
                // Once a load has ended well the page's row count ("0 of 6
                // jobs") is announced, and this would say it a second time.
                <p
                    class="pb-table-empty"
                    role=move || (!loaded.get()).then_some("status")
                    tabindex="-1"
                    node_ref=empty_note
                    on:focus=move |_| {
                        note_focus.entered();
                        // Rows that come back start again from the first.
                        focused_position.set_value(0);
                    }
                    on:focusout=move |event| note_focus.left(&event)
                >
                    {move || empty_text.get()}
                </p>
            </Show>
        </div>
    }
    .into_any()
}

/// A click on a row opens its record, except where the row has a link: a
/// click on the link is the link's, and a Ctrl, Cmd or Shift click, or a
/// middle click, elsewhere in the row is handed to it, so that it opens a
/// new tab or window as it would on the link, and this one stays. (Alt on
/// a link downloads it: an Alt click on the row just opens the record.)
fn on_row_click(event: &web_sys::MouseEvent, open: impl FnOnce()) {
    let on_link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest("a[href]").ok().flatten())
        .is_some();
    if on_link {
        return;
    }
    let middle = event.button() == 1;
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || middle;
    let row_link = event
        .current_target()
        .and_then(|row| row.dyn_into::<web_sys::Element>().ok())
        .and_then(|row| row.query_selector("a[href]").ok().flatten());
    match row_link {
        Some(link) if modified => {
            let init = web_sys::MouseEventInit::new();
            // Not bubbling: it would come back to this handler, still running.
            init.set_cancelable(true);
            init.set_ctrl_key(event.ctrl_key());
            init.set_meta_key(event.meta_key());
            init.set_shift_key(event.shift_key());
            init.set_button(event.button());
            if let Ok(click) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
                // Its own click handler sees the modifiers and stands aside.
                let _ = link.dispatch_event(&click);
            }
        }
        _ => open(),
    }
}

/// "pb-table", and for a table with columns a narrow table leaves out the
/// class of its [`FullWidth`] and, for each such column that is not
/// `sorted`, "pb-optional-N" (below the full width) or "pb-spare-N" (below
/// the compact width), N counting from 1, by which style/app.css leaves its
/// cells out.
fn table_class(
    narrowing: &[Narrowing],
    full_width: FullWidth,
    sorted: impl Fn(usize) -> bool,
) -> String {
    let mut class = String::from("pb-table");
    if narrowing
        .iter()
        .all(|&narrowing| narrowing == Narrowing::Never)
    {
        return class;
    }
    class.push_str(match full_width {
        FullWidth::Standard => " pb-narrowable",
        FullWidth::Wide => " pb-narrowable-wide",
    });
    for (position, &narrowing) in narrowing.iter().enumerate() {
        let prefix = match narrowing {
            Narrowing::Never => continue,
            Narrowing::BelowFullWidth => " pb-optional-",
            Narrowing::BelowCompact => " pb-spare-",
        };
        if !sorted(position) {
            class.push_str(prefix);
            class.push_str(&(position + 1).to_string());
        }
    }
    class
}

/// Whether `row` is at least partly in the scroller's view, below its
/// sticky header.
fn shows(scroller: &web_sys::HtmlDivElement, row: &web_sys::HtmlElement) -> bool {
    let header_bottom = scroller
        .query_selector("thead")
        .ok()
        .flatten()
        .map_or(0.0, |header| header.get_bounding_client_rect().bottom());
    let (row, view) = (
        row.get_bounding_client_rect(),
        scroller.get_bounding_client_rect(),
    );
    row.bottom() > header_bottom && row.top() < view.bottom()
}

/// The `--pb-row-height` in force on the table, in pixels.
fn css_row_height(element: &web_sys::HtmlDivElement) -> Option<f64> {
    let style = window().get_computed_style(element).ok().flatten()?;
    let value = style.get_property_value("--pb-row-height").ok()?;
    // The browser's parseFloat: core's float parser costs 10 KB of wasm.
    let height = js_sys::parse_float(value.trim().strip_suffix("px")?);
    (height >= 16.0).then_some(height)
}
