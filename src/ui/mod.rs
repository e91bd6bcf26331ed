//! Leptos pages and components.

mod app;
mod carried_click;
mod clock;
mod components;
mod crash;
mod data;
mod dom;
mod focus;
mod host_api;
mod page_visibility;
mod pages;
mod printing;
mod resize;
pub mod router;
mod source_banner;
mod table_model;
mod theme;
mod tone;
mod view_state;

use wasm_bindgen::JsCast;

/// The element the app mounts into: `#patchboard`, which `loader.js` waits
/// for before it starts the app and moves the running app into when a
/// portal replaces it, so the two change together; `<body>` for an app
/// started without the loader.
pub const HOST_SELECTOR: &str = "#patchboard";

/// Installs the crash panel and mounts the app into its host element.
pub fn start() {
    crash::install();
    host_api::install();
    let document = leptos::prelude::document();
    let host = document
        .query_selector(HOST_SELECTOR)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body())
        .expect("a page always has a body");
    // What the host holds until the app starts (index.html's note that it
    // has not) makes way for it.
    if host.id() == HOST_SELECTOR.trim_start_matches('#') {
        host.replace_children_with_node_0();
    }
    let url_mode = url_mode_of(&host);
    let title_suffix = components::TitleSuffix(host.get_attribute("data-title"));
    leptos::mount::mount_to(host.clone(), move || {
        leptos::view! { <app::App url_mode=url_mode title_suffix=title_suffix /> }
    })
    .forget();
    if let Ok(Some(root)) = host.query_selector(":scope > .pb-app") {
        crash::mounted_at(root);
    }
}

/// The host element's `data-url-mode`: "fragment" keeps the app's location
/// in the URL fragment (Patchboard's own page); anything else, as in a host
/// portal that did not opt in, leaves the host's URL alone.
fn url_mode_of(host: &web_sys::HtmlElement) -> router::UrlMode {
    match host.get_attribute("data-url-mode").as_deref() {
        Some("fragment") => router::UrlMode::Fragment,
        _ => router::UrlMode::Memory,
    }
}
