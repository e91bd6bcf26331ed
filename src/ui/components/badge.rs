use leptos::prelude::*;

/// The colour families of the design language. Each pairs with text or an
/// icon: colour alone never carries a meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    Succeeded,
    Failed,
    Running,
    Waiting,
    Neutral,
    Unknown,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Succeeded => "pb-tone-succeeded",
            Tone::Failed => "pb-tone-failed",
            Tone::Running => "pb-tone-running",
            Tone::Waiting => "pb-tone-waiting",
            Tone::Neutral => "pb-tone-neutral",
            Tone::Unknown => "pb-tone-unknown",
        }
    }

    /// A glyph that tells the tones apart without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Tone::Succeeded => "✓",
            Tone::Failed => "✕",
            Tone::Running => "▶",
            Tone::Waiting => "◷",
            Tone::Neutral => "–",
            Tone::Unknown => "?",
        }
    }
}

/// A pill with an icon and a label: filled, or for a warning (in neither
/// impact class) outlined and marked with a warning sign.
#[component]
pub fn Badge(
    tone: Tone,
    #[prop(into)] label: String,
    #[prop(optional)] warning: bool,
    #[prop(optional, into)] title: Option<String>,
) -> impl IntoView {
    let class = format!(
        "pb-badge {}{}",
        tone.class(),
        if warning { " pb-badge-outline" } else { "" }
    );
    let icon = if warning { "⚠" } else { tone.icon() };
    view! {
        <span class=class title=title>
            <span class="pb-badge-icon" aria-hidden="true">{icon}</span>
            {label}
        </span>
    }
}
