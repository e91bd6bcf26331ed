//! The JavaScript interface a host page uses: `window.Patchboard`.
//!
//! - `Patchboard.token = "…"` before the app loads, or
//!   `Patchboard.setToken("…")` at any time after, hands over the bearer
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
        set_token(token.as_string());
        // Read once, then gone: the token lives only inside the app.
        let _ = js_sys::Reflect::delete_property(&api, &token_key);
    }
    let setter = Closure::<dyn Fn(JsValue)>::new(|token: JsValue| set_token(token.as_string()));
    let _ = js_sys::Reflect::set(&api, &JsValue::from_str("setToken"), setter.as_ref());
    // The interface lives as long as the page.
    setter.forget();
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(GLOBAL), &api);
}
