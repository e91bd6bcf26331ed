//! Which run of a recurring job the page shows: the selector, and a notice
//! when a link asks for a run that cannot be shown.

use crate::domain::abridge::quoted;
use crate::domain::job::JobRun;
use crate::domain::run_choice::{latest_run_label, run_options, RunChoice, RunIgnored};
use crate::domain::view::assets::AssetView;
use crate::ui::clock::use_clock;
use crate::ui::components::{Banner, BrowsedChoice, Tone};
use crate::ui::data::{use_data_source, Live, SourceState};
use crate::ui::view_state::{History, UrlView};
use leptos::prelude::*;

/// Chooses the run of a recurring job; hidden where the results cannot be
/// asked for a run, and where there is no other run than the latest.
#[component]
pub fn RunSelector(
    runs: Live<JobRun>,
    run: Memo<RunChoice>,
    per_run: Signal<bool>,
    url: UrlView<AssetView>,
) -> impl IntoView {
    let options =
        Memo::new(move |_| run.with(|run| runs.items.with(|runs| run_options(runs, run.run_id()))));
    let offers_a_choice = move || {
        per_run.get() && (options.with(Vec::len) > 1 || run.with(|run| run.run_id().is_some()))
    };
    // The value of the run shown: "" for the latest; None once its job has
    // been let go. A select left by Back blurs after its page has gone:
    // `UrlView::update` then writes nothing.
    let shown = move || run.try_with_untracked(|run| run.run_id().unwrap_or_default().to_owned());
    let apply = move |select: web_sys::HtmlSelectElement| {
        let chosen = select.value();
        if shown().is_some_and(|shown| shown != chosen) {
            url.update(History::Push, |v| {
                v.run = (!chosen.is_empty()).then_some(chosen)
            });
        }
    };
    let browsing = BrowsedChoice::new();
    // The run browsed to with the keys and not yet applied: the options are
    // drawn again when a refresh changes the runs, and this one stays
    // selected in them rather than fall back to the run shown. Not a
    // signal: the select shows it already, only options drawn anew read it.
    let browsed = StoredValue::new(None::<String>);
    let selects = move |id: &str, shown: bool| {
        browsed.with_value(|browsed| browsed.as_deref().map_or(shown, |browsed| browsed == id))
    };
    let apply = move |select: web_sys::HtmlSelectElement| {
        browsed.set_value(None);
        apply(select);
    };
    let clock = use_clock();
    view! {
        <Show when=offers_a_choice>
            <label class="pb-field">
                <span class="pb-field-label">"Run"</span>
                // Each option says whether it is the one shown: the list can
                // change under the select (the runs arrive after the run a
                // link names), which a value set on the select would not follow.
                <select
                    class="pb-select"
                    on:keydown=move |event| {
                        if let Some(shown) = shown() {
                            browsing.keydown(&event, &shown, apply);
                        }
                        if event.key() == "Escape" {
                            browsed.set_value(None);
                        }
                    }
                    on:change=move |event| {
                        let value = event_target::<web_sys::HtmlSelectElement>(&event).value();
                        browsed.set_value((shown().as_ref() != Some(&value)).then_some(value));
                        browsing.change(&event, apply);
                    }
                    on:blur=move |event| apply(event_target(&event))
                >
                    <option value="" prop:selected=move || selects("", run.with(|run| run.run_id().is_none()))>
                        {move || runs.items.with(|runs| latest_run_label(runs, clock.minute()))}
                    </option>
                    {move || options.get().into_iter().map(|option| {
                        let id = option.id.clone();
                        let selected = move || selects(&id, run.with(|run| run.run_id() == Some(id.as_str())));
                        view! { <option value=option.id prop:selected=selected>{option.label}</option> }
                    }).collect_view()}
                </select>
            </label>
        </Show>
    }
}

/// Says that the latest run is shown in place of the one the link asked for.
#[component]
pub fn RunIgnoredBanner(run: Memo<RunChoice>) -> impl IntoView {
    let source = use_data_source();
    let demo = move || source.with(SourceState::is_demo);
    move || {
        run.with(|run| match run {
            RunChoice::Ignored { requested, why } => {
                let requested = quoted(requested);
                let details = match why {
                    RunIgnored::NoRunInRequest if demo() => format!(
                        "The link asks for run {requested}, but the demo data holds only each job's latest run."
                    ),
                    RunIgnored::NoRunInRequest => format!(
                        "The link asks for run {requested}, but this data source reports only each job's latest run: the configuration's job_results request has no {{run_id}}."
                    ),
                    // Asked for by a link, or chosen from the list before
                    // a refresh of the runs dropped it.
                    RunIgnored::NotARun => format!(
                        "Run {requested} is not among this job's runs. It may have been removed, or a link to it mistyped; pick one from the Run list."
                    ),
                };
                Some(view! { <Banner tone=Tone::Neutral title="Showing the latest run" details=details /> })
            }
            _ => None,
        })
    }
}
