//! Following an element's size as the browser lays it out. A size read once
//! at mount is the size of an empty table, and goes stale when a host
//! restyles the page; a `ResizeObserver` reports after each layout that
//! changes the size, and reading it then never forces an extra layout.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{closure::Closure, JsCast};

/// Calls `on_resize` after the first layout of `element` and after every
/// layout that changes its size, until the current owner is cleaned up.
pub fn on_resize(element: &web_sys::Element, on_resize: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(on_resize);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    let watch = SendWrapper::new((observer, callback));
    on_cleanup(move || watch.0.disconnect());
}
