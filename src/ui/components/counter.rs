use super::Tone;
use crate::ui::data::LiveStatus;
use leptos::either::Either;
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
    // The frame is what the cards' columns follow (style/app.css): the
    // page's width, whatever the window's.
    view! {
        <div class="pb-counters-frame">
            <dl
                class="pb-counters"
                aria-busy=move || first_load.get().to_string()
                data-known=move || (!nothing_loaded.get()).to_string()
            >
                {children()}
            </dl>
        </div>
    }
}

/// What makes a counter a filter: a click lists what it counts.
#[derive(Clone, Copy)]
pub struct CounterFilter {
    pub pressed: Signal<bool>,
    pub toggle: Callback<()>,
    pub unavailable: Option<Signal<bool>>,
}

impl CounterFilter {
    /// Cannot be turned on while `unavailable`: a filter with nothing to go
    /// by. One a link or a refresh left on can still be turned off.
    pub fn unless(self, unavailable: Signal<bool>) -> Self {
        CounterFilter {
            unavailable: Some(unavailable),
            ..self
        }
    }
}

/// One summary figure: a label, a number, an optional detail line. With a
/// filter, the figure is a toggle button and the whole card its target.
#[component]
pub fn Counter(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(optional, into)] detail: Option<Signal<String>>,
    #[prop(optional)] tone: Option<Tone>,
    /// A stable name for tests and for the host's styling.
    #[prop(into)]
    id: String,
    #[prop(optional)] filter: Option<CounterFilter>,
) -> impl IntoView {
    let class = format!("pb-counter {}", tone.map(Tone::class).unwrap_or_default());
    // Reached by Tab, away from its term, the button says what it counts.
    let button_name = format!("{label}: ");
    view! {
        <div class=class data-counter=id>
            <dt class="pb-counter-label">{label}</dt>
            <dd class="pb-counter-value">
                {match filter {
                    Some(filter) => Either::Left(view! {
                        <FilterButton filter=filter value=value name=button_name />
                    }),
                    None => Either::Right(value),
                }}
            </dd>
            {detail.map(|detail| view! { <dd class="pb-counter-detail">{detail}</dd> })}
        </div>
    }
}

/// A counter's figure as its filter's toggle button.
#[component]
fn FilterButton(filter: CounterFilter, value: Signal<String>, name: String) -> impl IntoView {
    let CounterFilter {
        pressed,
        toggle,
        unavailable,
    } = filter;
    let cannot_turn_on = move || unavailable.is_some_and(|off| off.get()) && !pressed.get();
    view! {
        <button
            type="button"
            class="pb-counter-filter"
            // Not `disabled`: the filter turns unavailable as the keyboard
            // turns it off, and a disabled button would drop the focus.
            aria-disabled=move || cannot_turn_on().then_some("true")
            aria-pressed=move || pressed.get().to_string()
            aria-label=move || format!("{name}{}", value.get())
            title="Show only these in the table, in place of the search and other filters; click again to show all"
            on:click=move |_| {
                if !untrack(cannot_turn_on) {
                    toggle.run(());
                }
            }
        >
            {value}
        </button>
    }
}
