//! Where a page is scrolled to. The app keeps it in the history entry the
//! user leaves by a link, so that Back (or Forward) to that page returns to
//! the same rows instead of its top, as the browser does for a page of its
//! own.

use crate::ui::focus::{focus_link_in, links_to};
use leptos::prelude::{document, window};
use wasm_bindgen::JsValue;

/// The scroll positions of the window and of the page's table, and the
/// table row or link that had the keyboard focus.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub window_y: f64,
    pub table_top: f64,
    /// The data index of the row the user left from (the job opened from
    /// the job list), so that Back hands the keyboard back to it.
    pub focused_row: Option<u32>,
    /// The link outside the table's rows the user left by (one in a
    /// record's details), which Back hands the keyboard back to.
    pub focused_link: Option<LeftByLink>,
}

/// A link the user left a page by: its `href`, and which of the app's links
/// to that address it was, counted in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftByLink {
    pub href: String,
    pub nth: u32,
}

impl LeftByLink {
    /// Gives the keyboard back to the link, when the app shows it again;
    /// whether it took it.
    pub fn refocus(&self) -> bool {
        let app = document().query_selector(APP_SELECTOR).ok().flatten();
        app.is_some_and(|app| focus_link_in(&app, &self.href, self.nth as usize))
    }
}

/// The scroller of a page's table (`components::VirtualTable`); a page has
/// at most one.
const TABLE_SELECTOR: &str = ".pb-app .pb-table-scroll";
const ROW_SELECTOR: &str = "tr.pb-row";
const APP_SELECTOR: &str = ".pb-app";

impl Place {
    /// Where the current page is now.
    pub fn current() -> Place {
        let table = document().query_selector(TABLE_SELECTOR).ok().flatten();
        let table_top = table
            .as_ref()
            .map_or(0.0, |table| f64::from(table.scroll_top()));
        let focused_row = table.and_then(|table| {
            let focused = document().active_element()?;
            let row = focused.closest(ROW_SELECTOR).ok().flatten()?;
            table.contains(Some(&row)).then_some(())?;
            row.get_attribute("data-index")?.parse().ok()
        });
        let focused_link = document()
            .active_element()
            .filter(|focused| focused.tag_name() == "A")
            .filter(|link| link.closest(ROW_SELECTOR).ok().flatten().is_none())
            .and_then(|link| {
                let app = link.closest(APP_SELECTOR).ok().flatten()?;
                let href = link.get_attribute("href")?;
                let nth = links_to(&app, &href)
                    .iter()
                    .position(|each| *each == link)?;
                Some(LeftByLink {
                    href,
                    nth: nth as u32,
                })
            });
        Place {
            window_y: window().scroll_y().unwrap_or(0.0),
            table_top,
            focused_row,
            focused_link,
        }
    }

    /// Scrolls the window back to where it was, leaving it sideways as it is.
    pub fn restore_window(&self) {
        let window = window();
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), self.window_y);
    }
}

/// What the app keeps in the state of a history entry: the location an
/// entry it pushed was pushed from, and where the page was when left.
#[derive(Debug, Default)]
pub(super) struct EntryState {
    pub from: Option<String>,
    pub place: Option<Place>,
}

const FROM: &str = "from";
const WINDOW_Y: &str = "windowY";
const TABLE_TOP: &str = "tableTop";
const FOCUSED_ROW: &str = "focusedRow";
const FOCUSED_LINK: &str = "focusedLink";
const FOCUSED_LINK_NTH: &str = "focusedLinkNth";

impl EntryState {
    pub fn read(state: &JsValue) -> EntryState {
        if !state.is_object() {
            return EntryState::default();
        }
        let field = |name: &str| js_sys::Reflect::get(state, &JsValue::from_str(name)).ok();
        let number = |name: &str| field(name).and_then(|value| value.as_f64());
        let whole = |name: &str| {
            number(name)
                .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                .map(|n| n as u32)
        };
        EntryState {
            from: field(FROM).and_then(|from| from.as_string()),
            place: number(WINDOW_Y)
                .zip(number(TABLE_TOP))
                .map(|(window_y, table_top)| Place {
                    window_y,
                    table_top,
                    focused_row: whole(FOCUSED_ROW),
                    focused_link: field(FOCUSED_LINK).and_then(|href| href.as_string()).map(
                        |href| LeftByLink {
                            href,
                            nth: whole(FOCUSED_LINK_NTH).unwrap_or(0),
                        },
                    ),
                }),
        }
    }

    pub fn to_js(&self) -> JsValue {
        let state = js_sys::Object::new();
        let set = |name: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&state, &JsValue::from_str(name), &value);
        };
        if let Some(from) = &self.from {
            set(FROM, JsValue::from_str(from));
        }
        if let Some(place) = &self.place {
            set(WINDOW_Y, JsValue::from_f64(place.window_y));
            set(TABLE_TOP, JsValue::from_f64(place.table_top));
            if let Some(index) = place.focused_row {
                set(FOCUSED_ROW, JsValue::from_f64(f64::from(index)));
            }
            if let Some(link) = &place.focused_link {
                set(FOCUSED_LINK, JsValue::from_str(&link.href));
                set(FOCUSED_LINK_NTH, JsValue::from_f64(f64::from(link.nth)));
            }
        }
        state.into()
    }
}
