use super::Tone;
use crate::ui::focus::{focus_if_lost, FocusMark, MAIN_ID};
use leptos::prelude::*;

/// A page-wide notice: an error with a retry, a stalled job, a partial load.
/// Errors are announced to screen readers as alerts, the rest as status.
#[component]
pub fn Banner(
    tone: Tone,
    #[prop(into)] title: String,
    #[prop(optional, into)] details: Option<String>,
    /// Details that are a list of separate things (problems, rows).
    #[prop(optional)]
    items: Option<Vec<String>>,
    /// A button label and what it does, e.g. ("Retry", …), when the notice has one.
    #[prop(optional_no_strip)]
    action: Option<(&'static str, Callback<()>)>,
    /// While true, a load is under way (Retry's, Refresh now's or the
    /// timer's): the button is drawn disabled and asks for nothing more, so
    /// that a notice that stays up meanwhile does not invite a second
    /// press. Its label stays: a change of text inside an alert would have
    /// it read out again at every refresh.
    #[prop(optional, into)]
    busy: Option<Signal<bool>>,
    /// Details that need more than text (a relative time kept from the
    /// accessibility tree), after the others.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let role = if tone == Tone::Failed {
        "alert"
    } else {
        "status"
    };
    // A neutral notice informs; the neutral tone's dash would read as a
    // stray mark. A notice in the waiting tone is a caution (rows left out,
    // more rows may exist, a stalled job), not something queued: the
    // waiting badge's clock would read as "in a while".
    let icon = match tone {
        Tone::Neutral => "ℹ",
        Tone::Waiting => "⚠",
        _ => tone.icon(),
    };
    // A notice the data takes away (the record it spoke of is back) may
    // hold the focus, on its button: the keyboard then goes on from the
    // page's content rather than from the top of the page.
    let focus = FocusMark::new();
    on_cleanup(move || {
        if focus.is_held() {
            request_animation_frame(|| focus_if_lost(MAIN_ID));
        }
    });
    view! {
        <div
            class=format!("pb-banner {}", tone.class())
            role=role
            on:focusin=move |_| focus.entered()
            on:focusout=move |event| focus.left(&event)
        >
            <span class="pb-badge-icon" aria-hidden="true">{icon}</span>
            <div class="pb-banner-body">
                <div class="pb-banner-title">{title}</div>
                {details.map(|details| view! { <div class="pb-banner-details">{details}</div> })}
                {items.map(|items| view! {
                    <ul class="pb-banner-details">
                        {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                    </ul>
                })}
                {children.map(|children| view! { <div class="pb-banner-details">{children()}</div> })}
            </div>
            {action.map(|(label, run)| view! {
                // aria-disabled, not disabled: a disabled button would drop
                // the keyboard's focus.
                <button
                    type="button"
                    class="pb-button"
                    aria-disabled=move || busy.is_some_and(|busy| busy.get()).then_some("true")
                    on:click=move |_| {
                        if busy.is_some_and(|busy| busy.get_untracked()) {
                            return;
                        }
                        run.run(());
                        // An action that removes the notice (Dismiss) takes
                        // its button: the keyboard goes on from the page's
                        // content rather than from the top of the page.
                        request_animation_frame(|| focus_if_lost(MAIN_ID));
                    }
                >
                    {label}
                </button>
            })}
        </div>
    }
}
