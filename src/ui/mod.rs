//! Leptos pages and components.

mod app;
mod clock;
mod components;
mod crash;
mod data;
mod host_api;
mod pages;
pub mod router;
mod source_banner;
mod theme;
mod tone;
mod view_state;

use wasm_bindgen::JsCast;

/// The element the app mounts into: `#patchboard` when the page has one
/// (embedding), else `<body>`.
pub const HOST_SELECTOR: &str = "#patchboard";

/// Installs the crash panel and mounts the app into its host element.
pub fn start() {
    crash::install();
    let url_mode = host_api::install();
    let document = leptos::prelude::document();
    let host = document
        .query_selector(HOST_SELECTOR)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body())
        .expect("a page always has a body");
    leptos::mount::mount_to(
        host,
        move || leptos::view! { <app::App url_mode=url_mode /> },
    )
    .forget();
}
