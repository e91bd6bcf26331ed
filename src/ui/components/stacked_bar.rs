use super::Tone;
use crate::domain::decimal::{grouped, percent};
use leptos::prelude::*;

/// One part of a stacked bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The filter token the segment stands for (a phase or status key).
    pub key: String,
    pub label: String,
    pub count: u32,
    pub tone: Tone,
    /// What its colour says, where the label does not ("Failed" for a
    /// status, "Cannot patch" for an exemption): read out and in the title,
    /// as colour and icon reach neither a screen reader nor every eye.
    pub meaning: Option<&'static str>,
}

impl Segment {
    /// The spoken words that follow the label: " (Failed)". In brackets, as
    /// a screen reader sets the hidden box's words off with a space (its
    /// box is a block), which a comma would follow oddly.
    pub fn spoken_meaning(&self) -> Option<impl IntoView> {
        self.meaning.map(
            |meaning| view! { <span class="pb-visually-hidden">{format!(" ({meaning})")}</span> },
        )
    }

    /// The label with its meaning, for a title.
    pub fn titled(&self) -> String {
        match self.meaning {
            Some(meaning) => format!("{} ({meaning})", self.label),
            None => self.label.clone(),
        }
    }
}

/// A bar of parts that filters: clicking a part or its legend entry toggles
/// that part in the filter. The legend entries are the accessible controls;
/// the bar repeats them for the mouse.
#[component]
pub fn StackedBar(
    /// What the bar counts, for screen readers ("Assets by phase").
    #[prop(into)]
    label: String,
    #[prop(into)] segments: Signal<Vec<Segment>>,
    #[prop(into)] selected: Signal<Vec<String>>,
    on_toggle: Callback<String>,
    /// Show only the legend (a second breakdown under a bar).
    #[prop(optional)]
    legend_only: bool,
    /// What the percentages are of, where the segments leave some of the
    /// whole out; their sum otherwise.
    #[prop(optional, into)]
    total: Option<Signal<u32>>,
    /// The legend's id, for a control that shows more of it.
    #[prop(optional)]
    legend_id: Option<&'static str>,
) -> impl IntoView {
    let total = move || match total {
        Some(total) => total.get(),
        None => segments.with(|all| all.iter().map(|s| s.count).sum::<u32>()),
    };
    let is_selected = move |key: &str| selected.with(|keys| keys.iter().any(|k| k == key));
    let any_selected = move || selected.with(|keys| !keys.is_empty());
    // A shortened legend may have nothing to show: no room kept for it.
    let nothing_shown = move || legend_only && segments.with(Vec::is_empty);
    view! {
        <figure class="pb-chart" hidden=nothing_shown>
            <div class="pb-stacked-bar" aria-hidden="true" hidden=legend_only>
                {move || {
                    segments
                        .get()
                        .into_iter()
                        .filter(|segment| segment.count > 0)
                        .map(|segment| {
                            let key = segment.key.clone();
                            let picked = segment.key.clone();
                            // Read by the attribute, not by the list: see BarList.
                            let dimmed = move || (any_selected() && !is_selected(&picked)).to_string();
                            view! {
                                <div
                                    class=format!("pb-bar-segment {}", segment.tone.class())
                                    data-segment=segment.key.clone()
                                    data-dimmed=dimmed
                                    title=format!("{}: {}", segment.titled(), grouped(segment.count.into()))
                                    style:flex-grow=segment.count.to_string()
                                    on:click=move |_| on_toggle.run(key.clone())
                                ></div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            // A named group: a figcaption has no role of its own to carry the name.
            <figcaption class="pb-legend" role="group" aria-label=label id=legend_id>
                {move || {
                    let total = total().max(1);
                    segments
                        .get()
                        .into_iter()
                        .map(|segment| {
                            let key = segment.key.clone();
                            let picked = segment.key.clone();
                            let pressed = move || is_selected(&picked).to_string();
                            let share = f64::from(segment.count) * 100.0 / f64::from(total);
                            let meaning = segment.spoken_meaning();
                            view! {
                                <button
                                    type="button"
                                    class=format!("pb-legend-item {}", segment.tone.class())
                                    data-legend=segment.key.clone()
                                    aria-pressed=pressed
                                    on:click=move |_| on_toggle.run(key.clone())
                                >
                                    <span class="pb-swatch" aria-hidden="true"></span>
                                    {segment.label}
                                    {meaning}
                                    <span class="pb-legend-count">
                                        {format!("{} · {}", grouped(segment.count.into()), percent(share, 1))}
                                    </span>
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </figcaption>
        </figure>
    }
}
