use super::row_focus::{drawn_row, scroll_into_sight};
use crate::ui::dom::{elements_in, window_height};
use crate::ui::focus::{focus_by_id, focused_element, MAIN_ID, PAGE_TITLE_ID};
use crate::ui::router::{use_router, LeftByLink};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Below this width of the app left beside the panel, the page there is too
/// narrow to use, so the panel is modal: the page behind it is dimmed and out
/// of reach until it closes. Wider, the table beside it stays in use. In em
/// of the app's text (480 px at 14 px), like the tables' widths: a larger
/// text size needs more room for the same columns.
const NARROWEST_PAGE_BESIDE_EM: f64 = 480.0 / 14.0;

/// From this width of the app left beside a non-modal panel, the page makes
/// room for it, narrowing to its left rather than running on under it, so
/// the toolbar's count and export and the table's last columns stay in
/// sight. Narrower (below a window of about 1,500 px, less a scrollbar), the
/// page keeps its width and the panel covers its right: squeezed further,
/// its counters and chart wrap and push the table's rows below the window,
/// and the table scrolls sideways. In em, as above (960 px at 14 px).
const ROOM_BESIDE_FROM_EM: f64 = 960.0 / 14.0;

/// The app root's custom property that holds that room (style/app.css).
const PANEL_ROOM: &str = "--pb-panel-room";

/// A panel that slides in from the right. Focus moves into it when it opens,
/// Escape or the close button closes it, and focus returns to where it was.
/// Focus moved to something the panel covers closes it, so the focus is never
/// hidden under it.
#[component]
pub fn DetailPanel(
    #[prop(into)] title: Signal<String>,
    on_close: Callback<()>,
    /// The data index of the record shown, which a refresh may change: the
    /// focus goes back to that record's row, not to the row at its old index.
    #[prop(into)]
    record_index: Signal<Option<u32>>,
    /// A link in the details to focus in place of the close button: the
    /// one the user left by, come back.
    refocus_link: Option<LeftByLink>,
    children: Children,
) -> impl IntoView {
    let latest_index = StoredValue::new(None::<u32>);
    Effect::new(move |_| {
        if let Some(index) = record_index.get() {
            latest_index.set_value(Some(index));
        }
    });
    // Opened from a link or a reload, nothing had the focus but the page.
    let previous_focus = focused_element();
    // Gone with its page (a link in the panel, Back), the panel leaves the
    // focus to the new page.
    let router = use_router();
    let opened_on = router.location_untracked().route;

    // Below the app's header while it is on screen, so the tabs and the theme
    // button stay in sight, and in reach; up to the window's top once it has
    // scrolled away, with the window or a portal's container around the app,
    // or to a host's fixed header (`--pb-viewport-top`, in style/app.css).
    let panel = NodeRef::<leptos::html::Dialog>::new();
    let place_panel = move || {
        if let Some(panel) = panel.get_untracked() {
            if let Some(top) = header_bottom(&panel) {
                let _ = web_sys::HtmlElement::style(&panel)
                    .set_property("--pb-header-bottom", &format!("{top}px"));
            }
        }
    };
    // Placed once shown and given room: whether it is modal and where the
    // page's refresh line then lies decide its top.
    panel.on_load(move |panel| {
        show(&panel);
        if let Some(link) = refocus_link {
            link.refocus();
        }
        make_room(&panel);
        place_panel();
    });
    let scrolled = send_wrapper::SendWrapper::new(ScrollsAroundApp::listen(place_panel));
    let resized = window_event_listener_untyped("resize", move |_| {
        if let Some(panel) = panel.get_untracked() {
            fit_modality(&panel);
            make_room(&panel);
        }
        place_panel();
    });
    let focus_moved = window_event_listener_untyped("focusin", move |event| {
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let (Some(target), Some(shown)) = (target, panel.get_untracked()) else {
            return;
        };
        // After the browser has scrolled the target into view. By then a
        // click may have opened another record in a new panel, and this one,
        // gone, has nothing to close.
        request_animation_frame(move || {
            if shown.is_connected() && is_covered_by(&target, &shown) {
                on_close.run(());
            }
        });
    });
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        // A select's own Escape (dropping a value browsed to) comes first.
        if event.key() == "Escape"
            && !event.default_prevented()
            && !escape_belongs_to_a_field(&event)
            && !escape_belongs_to_the_host(&event)
        {
            on_close.run(());
        }
    });
    let previous_focus = send_wrapper::SendWrapper::new(
        previous_focus.map(|element| (Opener::of(&element), element)),
    );
    on_cleanup(move || {
        escape.remove();
        focus_moved.remove();
        scrolled.take().remove();
        resized.remove();
        if let Some(app) = panel.get_untracked().and_then(|panel| app_of(&panel)) {
            give_room_back(&app);
        }
        // Not even closed: a closing dialog hands the focus back to what had
        // it when it opened, a row on its way out.
        if router.try_route_untracked() != Some(opened_on) {
            return;
        }
        // The focus goes back only from the panel: where the user has moved
        // it since (a filter, the search box, another row), it stays.
        let moved_away = focused_element().is_some_and(|element| !is_in_a_panel(&element));
        // Closed first: while a modal panel is open, the page behind it
        // cannot take the focus.
        let app = panel.get_untracked().and_then(|panel| {
            panel.close();
            app_of(&panel)
        });
        if moved_away {
            return;
        }
        let now_at = latest_index.get_value();
        let back_to = previous_focus.take().and_then(|(opener, element)| {
            let row_now = match opener {
                // Gone, it leaves the focus to main, where its list
                // hands it on.
                Some(Opener::Named(name)) => return named_opener(&name),
                Some(Opener::Row(row)) => row.row_now(now_at),
                None => None,
            };
            // A row the filters have since hidden is gone from the page.
            row_now.or_else(|| element.is_connected().then_some(element))
        });
        // Opened from a link, a reload or Back, the focus was at the page's
        // start: the record's row, where drawn, keeps the reader's place.
        let back_to = back_to
            .filter(|element| !is_page_start(element))
            .or_else(|| {
                let (app, index) = (app.as_ref()?, now_at?);
                drawn_row(app, index)
            });
        match back_to {
            Some(element) => {
                let _ = element.focus();
                // Focus scrolls only a row wholly out of sight; one partly
                // under the table's sticky header would stay there.
                scroll_into_sight(&element);
            }
            // Not the page itself: the keyboard would start over from its top.
            None => focus_by_id(MAIN_ID),
        }
    });

    view! {
        // A modal dialog's own Escape would close it behind the app's back.
        <dialog
            class="pb-panel"
            node_ref=panel
            aria-labelledby="pb-panel-title"
            on:cancel=|event: web_sys::Event| event.prevent_default()
            on:click=move |event| {
                if is_on_backdrop(&event) {
                    on_close.run(());
                }
            }
        >
            <div class="pb-panel-header">
                <h2 class="pb-panel-title" id="pb-panel-title"><bdi>{title}</bdi></h2>
                <button
                    type="button"
                    class="pb-button pb-button-quiet"
                    autofocus
                    aria-label="Close details"
                    on:click=move |_| on_close.run(())
                >
                    "✕"
                </button>
            </div>
            // Focusable so the keyboard can scroll a body that has no links or buttons.
            <div class="pb-panel-body" tabindex="0">{children()}</div>
        </dialog>
    }
}

/// Whether `click` landed on the dimmed page around the modal panel, which
/// hands it to the dialog itself, outside its box: a tap there closes the
/// panel, as a tap beside a sheet does on a phone.
fn is_on_backdrop(click: &leptos::ev::MouseEvent) -> bool {
    let Some(dialog) = click
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlDialogElement>().ok())
    else {
        return false;
    };
    let bounds = dialog.get_bounding_client_rect();
    let (x, y) = (f64::from(click.client_x()), f64::from(click.client_y()));
    let outside =
        x < bounds.left() || x > bounds.right() || y < bounds.top() || y > bounds.bottom();
    outside && dialog.matches(":modal").unwrap_or(false)
}

/// The page's heading or its main region, where a page puts the focus when
/// it opens.
fn is_page_start(element: &web_sys::HtmlElement) -> bool {
    let id = element.id();
    id == MAIN_ID || id == PAGE_TITLE_ID
}

/// Escape in a search box with text in it, outside the panel, is the box's
/// own: it clears the search and the panel stays open. A second Escape, in
/// the empty box, closes the panel.
fn escape_belongs_to_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        // Not a checkbox, whose value ("on") is never empty.
        .filter(|field| field.type_() == "search")
        .is_some_and(|field| !field.value().is_empty() && !is_in_a_panel(&field))
}

/// An Escape pressed in the host page around an embedded app (its search
/// box, its menu) is the host's; one with nothing focused (the body) is
/// still the panel's.
fn escape_belongs_to_the_host(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .filter(|element| !matches!(element.tag_name().as_str(), "BODY" | "HTML"))
        .is_some_and(|element| element.closest(".pb-app").ok().flatten().is_none())
}

/// Where the app's header ends, in whole pixels from the window's top; 0 once
/// it has scrolled away. Where a page too narrow to make room beside the
/// panel has its refresh line under it, below that line while it shows: a
/// failing refresh is told there, and reaching its buttons would close the
/// panel.
fn header_bottom(panel: &web_sys::HtmlDialogElement) -> Option<i32> {
    let app = app_of(panel)?;
    let header = app.query_selector(".pb-header").ok()??;
    let mut bottom = header.get_bounding_client_rect().bottom();
    let refresh_line = app
        .query_selector(".pb-page .pb-refresh:not([hidden])")
        .ok()
        .flatten()
        .map(|line| line.get_bounding_client_rect());
    let panel_left = panel.get_bounding_client_rect().left();
    if let Some(line) = refresh_line.filter(|line| line.right() > panel_left) {
        if !panel.matches(":modal").unwrap_or(false) {
            bottom = bottom.max(line.bottom());
        }
    }
    // Whole pixels: formatting an f64 would bring core's float printer into the wasm.
    Some(bottom.max(0.0).round() as i32)
}

/// Shows the panel, modal if it leaves too little of the app beside it. The
/// browser moves the focus to its close button (`autofocus`).
fn show(panel: &web_sys::HtmlDialogElement) {
    if leaves_too_little_beside(panel) {
        let _ = panel.show_modal();
    } else {
        panel.show();
    }
}

/// Switches the panel between modal and not as the window's width asks.
/// Only showing it again does that, which moves the focus: it is put back.
fn fit_modality(panel: &web_sys::HtmlDialogElement) {
    if panel.matches(":modal").unwrap_or(false) == leaves_too_little_beside(panel) {
        return;
    }
    let focused = focused_element().filter(|element| is_in_a_panel(element));
    panel.close();
    show(panel);
    if let Some(element) = focused {
        let _ = element.focus();
    }
}

/// Laid out even while closed (style/app.css), the panel has its width.
fn leaves_too_little_beside(panel: &web_sys::HtmlDialogElement) -> bool {
    app_of(panel).is_some_and(|app| ems_beside(panel, &app) < NARROWEST_PAGE_BESIDE_EM)
}

/// The app's root around `element`.
fn app_of(element: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    element.closest(".pb-app").ok().flatten()?.dyn_into().ok()
}

/// How much of the app's width lies left of the panel, in em of its text.
fn ems_beside(panel: &web_sys::HtmlElement, app: &web_sys::Element) -> f64 {
    let width = panel_left(panel) - app.get_bounding_client_rect().left();
    let text_px = window()
        .get_computed_style(app)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("font-size").ok())
        // JavaScript's parser reads "17.5px": Rust's float parser would add
        // some 14 KB to the download for this one number.
        .map(|size| js_sys::parse_float(&size))
        .filter(|&size| size > 0.0)
        .unwrap_or(14.0);
    width / text_px
}

/// Where the panel's left edge rests in the window: its layout position, not
/// where it is drawn while it slides in. Fixed, it is placed in the window.
fn panel_left(panel: &web_sys::HtmlElement) -> f64 {
    f64::from(panel.offset_left())
}

/// The app's page narrows to the left of a non-modal panel, where enough of
/// it is left there ([`ROOM_BESIDE_FROM_EM`]), by as much of the app as the
/// panel covers (`--pb-panel-room`, in style/app.css); otherwise it keeps
/// its width.
fn make_room(panel: &web_sys::HtmlDialogElement) {
    let Some(app) = app_of(panel) else {
        return;
    };
    let covered = app.get_bounding_client_rect().right() - panel_left(panel);
    let modal = panel.matches(":modal").unwrap_or(false);
    // The page above the table wraps as it narrows: the open record's row,
    // if in the window, stays where it was, under the pointer that opened it.
    let open_row = app
        .query_selector("tr.pb-row[aria-selected=\"true\"]")
        .ok()
        .flatten()
        .filter(is_in_window)
        .map(|row| {
            let top = row.get_bounding_client_rect().top();
            (row, top)
        });
    if panel.open() && !modal && ems_beside(panel, &app) >= ROOM_BESIDE_FROM_EM && covered > 0.0 {
        // Whole pixels, as in header_bottom.
        let room = format!("{}px", covered.ceil() as i32);
        let _ = web_sys::HtmlElement::style(&app).set_property(PANEL_ROOM, &room);
    } else {
        give_room_back(&app);
    }
    if let Some((row, top)) = open_row {
        let moved = row.get_bounding_client_rect().top() - top;
        if moved != 0.0 {
            window().scroll_by_with_x_and_y(0.0, moved);
        }
        // A portal's own scrolling container around the app: at least in sight.
        if !is_in_window(&row) {
            scroll_into_sight(&row);
        }
    }
}

/// `element` lies wholly within the window's height.
fn is_in_window(element: &web_sys::Element) -> bool {
    let shown = element.get_bounding_client_rect();
    shown.top() >= 0.0 && shown.bottom() <= window_height()
}

fn give_room_back(app: &web_sys::HtmlElement) {
    let _ = web_sys::HtmlElement::style(app).remove_property(PANEL_ROOM);
}

/// The room the page makes beside an open panel, as the root of the app
/// around `element` holds it: a table whose width it changes knows that
/// the window was not resized.
pub fn panel_room(element: &web_sys::Element) -> Option<String> {
    let app = app_of(element)?;
    web_sys::HtmlElement::style(&app)
        .get_property_value(PANEL_ROOM)
        .ok()
}

/// Whether `element`, outside the panel, lies wholly under it. A row that
/// reaches out beside the panel is in sight, and one scrolled away is hidden
/// by the scrolling, not by the panel.
fn is_covered_by(element: &web_sys::Element, panel: &web_sys::Element) -> bool {
    if !element.is_connected() || panel.contains(Some(element)) {
        return false;
    }
    let (inner, outer) = (
        element.get_bounding_client_rect(),
        panel.get_bounding_client_rect(),
    );
    inner.left() >= outer.left()
        && inner.right() <= outer.right()
        && inner.top() >= outer.top()
        && inner.bottom() <= outer.bottom()
}

/// Scrolls that can move the app: the window's, or those of a host page's
/// containers around it, but not the app's own tables and panel. Scroll
/// events do not bubble, so they are caught on their way down.
struct ScrollsAroundApp {
    listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

impl ScrollsAroundApp {
    fn listen(on_scroll: impl Fn() + 'static) -> Self {
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            move |event: web_sys::Event| {
                // The document is no element; a host's other boxes cost one
                // placing each, which leaves the panel where it was.
                let in_app = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|scrolled| scrolled.closest(".pb-app").ok().flatten().is_some());
                if !in_app {
                    on_scroll();
                }
            },
        );
        let _ = leptos::prelude::document().add_event_listener_with_callback_and_bool(
            "scroll",
            listener.as_ref().unchecked_ref(),
            true,
        );
        ScrollsAroundApp { listener }
    }

    fn remove(self) {
        let _ = leptos::prelude::document().remove_event_listener_with_callback_and_bool(
            "scroll",
            self.listener.as_ref().unchecked_ref(),
            true,
        );
    }
}

pub fn is_in_a_panel(element: &web_sys::Element) -> bool {
    element.closest(".pb-panel").ok().flatten().is_some()
}

/// What opened the panel, where the element may since show another record:
/// a table row, or an element that names itself by `data-opener` (a By
/// exemption chip, by its group and endpoint), which a redraw in place
/// can give to another.
enum Opener {
    Row(OpeningRow),
    Named(String),
}

impl Opener {
    fn of(element: &web_sys::HtmlElement) -> Option<Self> {
        match element.get_attribute("data-opener") {
            Some(name) => Some(Opener::Named(name)),
            None => OpeningRow::of(element).map(Opener::Row),
        }
    }
}

/// The element that names itself `name` now, if one does.
fn named_opener(name: &str) -> Option<web_sys::HtmlElement> {
    elements_in(&document().document_element()?, "[data-opener]")
        .into_iter()
        .find(|element| element.get_attribute("data-opener").as_deref() == Some(name))?
        .dyn_into()
        .ok()
}

/// A table row that opened the panel. The table drops a row that leaves it
/// (scrolled past, hidden by a search) and draws a new one when the record
/// comes back, so the record's row may since be another element.
struct OpeningRow {
    rows: web_sys::Element,
    data_index: String,
}

impl OpeningRow {
    fn of(element: &web_sys::HtmlElement) -> Option<Self> {
        Some(OpeningRow {
            rows: element.parent_element()?,
            data_index: element.get_attribute("data-index")?,
        })
    }

    /// The row that shows the record now, if one does: at `index`, where
    /// the record is now, if known.
    fn row_now(&self, index: Option<u32>) -> Option<web_sys::HtmlElement> {
        match index {
            Some(index) => drawn_row(&self.rows, index),
            None => drawn_row(&self.rows, &self.data_index),
        }
    }
}
