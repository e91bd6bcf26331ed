//! The JavaScript interface a host page uses: `window.Patchboard`.
//!
//! - `Patchboard.token = "…"` before the app loads, or
//!   `Patchboard.setToken("…")` at any time after, hands over the bearer
//!   token for the configured backend; a new token applies to the next request.
//! - `Patchboard.urlMode = "memory"` before the app loads keeps the app's
//!   location out of the host's URL (the default, "fragment", puts it in the
//!   URL fragment so views can be linked).

use super::router::UrlMode;
use crate::source::token::set_token;
use wasm_bindgen::prelude::*;

const GLOBAL: &str = "Patchboard";

/// Sets up `window.Patchboard` and returns the URL mode the host chose.
pub fn install() -> UrlMode {
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
    match js_sys::Reflect::get(&api, &JsValue::from_str("urlMode"))
        .ok()
        .and_then(|mode| mode.as_string())
        .as_deref()
    {
        Some("memory") => UrlMode::Memory,
        _ => UrlMode::Fragment,
    }
}
