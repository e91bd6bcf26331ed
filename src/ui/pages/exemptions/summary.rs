//! Fleet counters and the chart of endpoints per exemption.

use super::exemptions_with_reason;
use super::FleetData;
use crate::domain::decimal::{counted, grouped, percent, Noun};
use crate::domain::endpoint::{drive_shares_look_like_fractions, Endpoint};
use crate::domain::fleet::PatchOutlook;
use crate::domain::view::endpoints::EndpointView;
use crate::domain::view::FacetToken;
use crate::ui::components::{
    Banner, BarList, Counter, CounterGroup, Segment, ShortList, ShowAllButton, Tone,
};
use crate::ui::data::Shared;
use crate::ui::router::Link;
use crate::ui::tone::impact_tone;
use crate::ui::view_state::{counter_filter, facet_toggle, facet_tokens};
use leptos::prelude::*;

#[component]
pub fn Counters(data: FleetData) -> impl IntoView {
    let summary = data.summary;
    let url = data.table.url;
    let figure = move |pick: fn(&crate::domain::fleet::FleetSummary) -> usize| {
        Signal::derive(move || summary.with(|s| grouped(pick(s) as u64)))
    };
    view! {
        <CounterGroup status=data.status>
            <Counter id="total" label="Endpoints" value=figure(|s| s.total) />
            <Counter
                id="patchable"
                label="Patchable"
                tone=Tone::Succeeded
                value=figure(|s| s.patchable)
                filter=counter_filter(url, |v| v.outlooks.insert(PatchOutlook::Patchable))
                detail=Signal::derive(move || summary.with(|s| {
                    s.share_patchable().map(|share| format!("{} of the fleet", percent(share * 100.0, 1))).unwrap_or_default()
                }))
            />
            <Counter
                id="temporarily"
                label="Temporarily cannot patch"
                tone=Tone::Waiting
                value=figure(|s| s.temporarily_cannot_patch)
                filter=counter_filter(url, |v| v.outlooks.insert(PatchOutlook::TemporarilyCannotPatch))
            />
            <Counter
                id="cannot"
                label="Cannot patch"
                tone=Tone::Failed
                value=figure(|s| s.cannot_patch)
                filter=counter_filter(url, |v| v.outlooks.insert(PatchOutlook::CannotPatch))
            />
            <Counter
                id="warnings"
                label="With warnings"
                tone=Tone::Waiting
                value=figure(|s| s.with_warnings)
                filter=counter_filter(url, |v| v.warnings_only = true)
            />
        </CounterGroup>
    }
}

/// Says so when every drive figure looks like a fraction (0.93 for 93 %),
/// which would never raise Low Disk Space.
#[component]
pub fn FractionsBanner(endpoints: ReadSignal<Shared<Vec<Endpoint>>>) -> impl IntoView {
    let fractions =
        Memo::new(move |_| endpoints.with(|all| drive_shares_look_like_fractions(all.iter())));
    move || {
        fractions.get().then(|| view! {
            <Banner
                tone=Tone::Waiting
                title="Every drive is reported as at most 1% used: the backend may be sending fractions"
                details="Patchboard reads a drive's used_percent from 0 to 100, so 0.93 reads as 0.9% and Low Disk Space is never raised. Have the backend send percentages (93 for 93%)."
            />
        })
    }
}

/// How many exemptions the chart shows before "Show all".
const MOST_COMMON_SHOWN: usize = 6;

/// Endpoints per exemption, most common first; a click filters the table.
#[component]
pub fn ExemptionChart(data: FleetData) -> impl IntoView {
    let url = data.table.url;
    let items = Signal::derive(move || {
        data.summary.with(|summary| {
            summary
                .kinds_by_count()
                .into_iter()
                .map(|(kind, count)| Segment {
                    key: kind.url_token(),
                    label: kind.name().to_owned(),
                    count: count as u32,
                    tone: impact_tone(kind.impact()),
                    meaning: Some(kind.impact().label()),
                })
                .collect()
        })
    });
    let selected = facet_tokens(url, |v: &EndpointView| v.exemptions);
    // The most common reasons, three rows of two columns on a wide screen,
    // until asked: the table starts higher on the page.
    let reasons = ShortList::new(items, selected, MOST_COMMON_SHOWN);
    view! {
        <div class="pb-chart-group">
            <BarList
                label="Endpoints per exemption"
                items=reasons.shown
                selected=selected
                on_toggle=reasons.keeping_focus(facet_toggle(url, |v: &mut EndpointView| &mut v.exemptions))
                id="pb-exemption-chart"
            />
            <div class="pb-chart-foot">
                <ShowAllButton list=reasons noun="exemptions" controls="pb-exemption-chart" />
                <p class="pb-muted pb-chart-note">
                    "The figures and the chart count " {data.status.counted_part("the whole fleet", "endpoints")}
                    ". A figure lists just what it counts, in place of the search and filters (Back brings them back); an exemption in the chart filters the table."
                </p>
            </div>
            {move || data.summary.with(|summary| {
                (summary.with_unknown_exemptions > 0).then(|| {
                    let names = summary.unknown_exemption_names().enumerate().map(|(i, name)| {
                        let to = exemptions_with_reason(name);
                        let name = name.to_owned();
                        view! { {if i > 0 { ", " } else { "" }} <Link to=to dir="auto">{name}</Link> }
                    }).collect_view();
                    view! {
                        <p class="pb-muted pb-chart-note" data-unknown-exemptions="">
                            {format!(
                                "Not charted: {} with an exemption only the backend knows, counted as Cannot patch. Pick a name to list them: ",
                                counted(summary.with_unknown_exemptions as u64, Noun::ENDPOINTS),
                            )}
                            {names}
                            {if summary.more_unknown_exemption_names { " and others." } else { "." }}
                        </p>
                    }
                })
            })}
        </div>
    }
}
