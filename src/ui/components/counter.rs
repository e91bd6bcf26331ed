use super::Tone;
use crate::ui::data::LiveStatus;
use leptos::prelude::*;

/// A page's row of counters. Their figures show "…" while the first load
/// runs and "—" while no load has ended well: zeros would pass for data.
///
/// A description list, so that a screen reader announces each figure with
/// its label ("Failed, 25") and can count them, not one run-on line.
#[component]
pub fn CounterGroup(status: LiveStatus, children: Children) -> impl IntoView {
    let first_load = status.is_first_load();
    let nothing_loaded = status.nothing_loaded();
    view! {
        <dl
            class="pb-counters"
            aria-busy=move || first_load.get().to_string()
            data-known=move || (!nothing_loaded.get()).to_string()
        >
            {children()}
        </dl>
    }
}

/// One summary figure: a label, a number, an optional detail line.
#[component]
pub fn Counter(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(optional, into)] detail: Option<Signal<String>>,
    #[prop(optional)] tone: Option<Tone>,
    /// A stable name for tests and for the host's styling.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let class = format!("pb-counter {}", tone.map(Tone::class).unwrap_or_default());
    view! {
        <div class=class data-counter=id>
            <dt class="pb-counter-label">{label}</dt>
            <dd class="pb-counter-value">{value}</dd>
            {detail.map(|detail| view! { <dd class="pb-counter-detail">{detail}</dd> })}
        </div>
    }
}
