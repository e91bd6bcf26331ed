//! A panic must never leave a blank page: this hook replaces the app with a
//! readable error panel, written with plain DOM calls because the reactive
//! system cannot be trusted after a panic.

use std::cell::RefCell;
use std::panic::PanicHookInfo;

thread_local! {
    /// The app's root once mounted: the panel goes into it wherever it is.
    static APP_ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Notes the app's root, so that a panic's panel replaces the app itself. A
/// portal may have taken the host element away (another route); loader.js
/// moves the root, panel and all, into the next one, and the portal's own
/// page is never touched.
pub fn mounted_at(root: web_sys::Element) {
    APP_ROOT.with(|app| *app.borrow_mut() = Some(root));
}

pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo| {
        let details = info.to_string();
        web_sys::console::error_1(&format!("Patchboard stopped: {details}").into());
        show_panel(&details);
    }));
}

fn show_panel(details: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let panel = document.create_element("div")?;
        panel.set_class_name("pb-crash");
        panel.set_attribute("role", "alert")?;
        let heading = document.create_element("h1")?;
        heading.set_text_content(Some("Patchboard stopped because of an internal error"));
        let advice = document.create_element("p")?;
        advice.set_text_content(Some(
            "Nothing was changed on your endpoints. Reload the page to start again; \
             if this keeps happening, send the details below to your Patchboard administrator.",
        ));
        let pre = document.create_element("pre")?;
        // Text content, never markup: the message may quote backend data.
        pre.set_text_content(Some(details));
        panel.append_with_node_3(&heading, &advice, &pre)?;
        Ok(panel)
    };
    let Ok(panel) = build() else { return };
    if let Some(root) = APP_ROOT.with(|app| app.borrow().clone()) {
        root.set_text_content(None);
        let _ = root.append_child(&panel);
        return;
    }
    // Before the app is mounted: its host, which loader.js waited for, or
    // the body of a page that started it without the loader.
    let host = document
        .query_selector(super::HOST_SELECTOR)
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into));
    let Some(host) = host else { return };
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_class_name("pb-app");
    let _ = root.append_child(&panel);
    host.set_text_content(None);
    let _ = host.append_child(&root);
}
