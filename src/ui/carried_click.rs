//! The second click of a double click (or double tap) that opened another
//! page: it lands on whatever the new page has under the pointer, a counter
//! or a part of a chart, and filters what the operator has not seen yet.

use super::router::Route;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// A capture-phase click handler for the app's root that drops a click
/// counted as the second (or later) of a series when the page changed since
/// the click before it.
pub fn drop_clicks_carried_into_a_new_page(route: Memo<Route>) -> impl Fn(MouseEvent) + 'static {
    let page_changed = StoredValue::new(false);
    Effect::new(move |previous: Option<()>| {
        route.track();
        if previous.is_some() {
            page_changed.set_value(true);
        }
    });
    move |event: MouseEvent| {
        let carried = event.detail() >= 2 && page_changed.get_value();
        page_changed.set_value(false);
        if carried {
            event.prevent_default();
            event.stop_propagation();
        }
    }
}
