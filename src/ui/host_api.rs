//! The JavaScript interface a host page uses: `window.Patchboard`.
//!
//! - `Patchboard.token = "…"` before the app loads, or
//!   `Patchboard.setToken("…")` at any time after `loader.js` has run (it
//!   keeps a token handed over before the app starts), hands over the bearer
//!   token for the configured backend; a new token applies to the next request.

use crate::source::token::set_token;
use wasm_bindgen::prelude::*;

const GLOBAL: &str = "Patchboard";

/// Sets up `window.Patchboard`.
pub fn install() {
    let window = web_sys::window().expect("a browser window");
    let existing = js_sys::Reflect::get(&window, &JsValue::from_str(GLOBAL)).ok();
    let api: js_sys::Object = existing
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into)
        .unwrap_or_default();
    let token_key = JsValue::from_str("token");
    if let Ok(token) = js_sys::Reflect::get(&api, &token_key) {
        // Undefined: the host handed over no token.
        if !token.is_undefined() {
            take_token(token);
        }
        // Read once, then gone: the token lives only inside the app.
        let _ = js_sys::Reflect::delete_property(&api, &token_key);
    }
    let setter = Closure::<dyn Fn(JsValue)>::new(take_token);
    let _ = js_sys::Reflect::set(&api, &JsValue::from_str("setToken"), setter.as_ref());
    // The interface lives as long as the page.
    setter.forget();
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(GLOBAL), &api);
}

/// A token from the host page: a string sets it, null removes it, and
/// anything else is a mistake the host's developer should hear of rather
/// than a token silently gone. Undefined is such a mistake too, as when a
/// portal passes its session's token before it has loaded.
fn take_token(token: JsValue) {
    match token.as_string() {
        Some(token) => set_token(Some(token)),
        None if token.is_null() => set_token(None),
        None => web_sys::console::warn_1(&JsValue::from_str(
            "Patchboard.setToken takes a string, or null to remove the token; \
             the token was left as it was",
        )),
    }
}
