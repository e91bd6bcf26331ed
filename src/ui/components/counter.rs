use super::Tone;
use leptos::prelude::*;

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
            <span class="pb-counter-label">{label}</span>
            <span class="pb-counter-value">{value}</span>
            {detail.map(|detail| view! { <span class="pb-counter-detail">{detail}</span> })}
        </div>
    }
}
