//! Finding the app's own elements in the DOM.

use wasm_bindgen::JsCast;

/// The first element inside `root` that `selector` matches, as an HTML
/// element (to focus, measure or style it); `None` when there is none.
pub fn html_element_in(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}
