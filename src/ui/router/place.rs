//! Where a page is scrolled to. The app keeps it in the history entry the
//! user leaves by a link, so that Back (or Forward) to that page returns to
//! the same rows instead of its top, as the browser does for a page of its
//! own.

use leptos::prelude::{document, window};
use wasm_bindgen::JsValue;

/// The scroll positions of the window and of the page's table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub window_y: f64,
    pub table_top: f64,
}

/// The scroller of a page's table (`components::VirtualTable`); a page has
/// at most one.
const TABLE_SELECTOR: &str = ".pb-app .pb-table-scroll";

impl Place {
    /// Where the current page is now.
    pub fn current() -> Place {
        let table_top = document()
            .query_selector(TABLE_SELECTOR)
            .ok()
            .flatten()
            .map_or(0.0, |table| f64::from(table.scroll_top()));
        Place {
            window_y: window().scroll_y().unwrap_or(0.0),
            table_top,
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

impl EntryState {
    pub fn read(state: &JsValue) -> EntryState {
        if !state.is_object() {
            return EntryState::default();
        }
        let field = |name: &str| js_sys::Reflect::get(state, &JsValue::from_str(name)).ok();
        let number = |name: &str| field(name).and_then(|value| value.as_f64());
        EntryState {
            from: field(FROM).and_then(|from| from.as_string()),
            place: number(WINDOW_Y)
                .zip(number(TABLE_TOP))
                .map(|(window_y, table_top)| Place {
                    window_y,
                    table_top,
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
        if let Some(place) = self.place {
            set(WINDOW_Y, JsValue::from_f64(place.window_y));
            set(TABLE_TOP, JsValue::from_f64(place.table_top));
        }
        state.into()
    }
}
