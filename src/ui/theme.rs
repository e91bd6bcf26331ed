//! Light, dark, or the system's choice; an explicit choice is remembered.

use leptos::prelude::*;

const STORAGE_KEY: &str = "patchboard.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn from_stored(value: &str) -> Theme {
        match value {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The value of the root's `data-theme`; none lets `prefers-color-scheme` decide.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }

    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn provide_theme() -> RwSignal<Theme> {
    let stored = storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .map(|value| Theme::from_stored(&value))
        .unwrap_or(Theme::System);
    let theme = RwSignal::new(stored);
    Effect::new(move |_| {
        let value = theme.get().attribute().unwrap_or("system");
        if let Some(storage) = storage() {
            // Storage may be full or disabled; the theme still applies for this visit.
            let _ = storage.set_item(STORAGE_KEY, value);
        }
    });
    theme
}

/// Cycles system → light → dark.
#[component]
pub fn ThemeToggle(theme: RwSignal<Theme>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="pb-button"
            on:click=move |_| theme.update(|theme| *theme = theme.next())
        >
            {move || theme.get().label()}
        </button>
    }
}
