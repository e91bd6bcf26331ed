//! Finding the app's own elements in the DOM.

use wasm_bindgen::JsCast;

/// The window's height in CSS pixels, where rows and panels are judged in
/// sight; unbounded if the browser will not say.
pub fn window_height() -> f64 {
    leptos::prelude::window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(f64::INFINITY)
}

/// The first element inside `root` that `selector` matches, as an HTML
/// element (to focus, measure or style it); `None` when there is none.
pub fn html_element_in(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Every element inside `root` that `selector` matches, in document order.
pub fn elements_in(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(all) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..all.length())
        .filter_map(|at| all.item(at)?.dyn_into().ok())
        .collect()
}
