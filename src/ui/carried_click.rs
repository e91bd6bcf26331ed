//! The second click of a double click (or double tap) that opened another
//! page: it lands on whatever the new page has under the pointer, a counter
//! or a part of a chart, and filters what the operator has not seen yet.

use super::router::Route;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// Capture-phase handlers for the app's root, of mousedown and of click,
/// that drop the second and later presses of a series (a double or triple
/// click, `detail` 2 and up) when the page changed since its first: the
/// click, which would filter, and the mousedown, which would take the focus
/// from the new page's heading.
pub fn drop_presses_carried_into_a_new_page(
    route: Memo<Route>,
) -> (impl Fn(MouseEvent) + 'static, impl Fn(MouseEvent) + 'static) {
    let page_changed = StoredValue::new(false);
    Effect::new(move |previous: Option<()>| {
        route.track();
        if previous.is_some() {
            page_changed.set_value(true);
        }
    });
    let carried = move |event: &MouseEvent| {
        // A press that starts a series ends what the page change carried.
        if event.detail() < 2 {
            page_changed.set_value(false);
        }
        page_changed.get_value()
    };
    let ignore_carried = move |event: MouseEvent| {
        if carried(&event) {
            event.prevent_default();
            event.stop_propagation();
        }
    };
    (ignore_carried, ignore_carried)
}
