//! Which endpoints will not patch now, why, and how to fix each cause.

mod by_exemption;
mod filters;
mod group_focus;
mod panel;
mod summary;
mod table;

use crate::domain::decimal::Noun;
use crate::domain::derive::{next_window_change, DerivationPolicy, MaintenanceReported};
use crate::domain::endpoint::Endpoint;
use crate::domain::fleet::FleetSummary;
use crate::domain::time::{count_ahead, Timestamp};
use crate::domain::view::endpoints::{endpoint_rows, EndpointView, Layout};
use crate::domain::view::reason_groups::GroupReason;
use crate::domain::view::ToQuery;
use crate::perf;
use crate::ui::clock::use_clock;
use crate::ui::components::{
    Banner, DataProblems, MissingRecordBanner, PageTitle, RefreshControls, TimesAheadBanner, Tone,
    UnknownFiltersBanner,
};
use crate::ui::data::{configured, use_data_source, Live, LiveStatus, Shared};
use crate::ui::focus::focus_if_lost;
use crate::ui::router::{Location, Query, Route};
use crate::ui::table_model::TableModel;
use crate::ui::view_state::use_url_view;
use leptos::prelude::*;

/// Endpoint Exemptions searching for `text`, with no other filter: where a
/// host name found elsewhere (a job's asset) leads.
pub(super) fn exemptions_searching(text: &str) -> Location {
    exemptions_showing(EndpointView::searching(text))
}

fn exemptions_showing(view: EndpointView) -> Location {
    Location {
        route: Route::Exemptions,
        query: Query::from_pairs(view.to_query()),
    }
}

/// Endpoint Exemptions listing the endpoints with the reason `name`, with
/// no other filter: where an exemption named elsewhere leads.
pub(super) fn exemptions_with_reason(name: &str) -> Location {
    exemptions_showing(EndpointView {
        reason: Some(GroupReason::named(name)),
        ..EndpointView::default()
    })
}

#[derive(Clone, Copy)]
struct FleetData {
    table: TableModel<EndpointView>,
    summary: Memo<Shared<FleetSummary>>,
    status: LiveStatus,
    /// What the backend reports of maintenance schedules (see
    /// [`DerivationPolicy::maintenance`]).
    maintenance: Signal<MaintenanceReported>,
}

#[component]
pub fn ExemptionsPage() -> impl IntoView {
    let clock = use_clock();
    let url = use_url_view(EndpointView::from_query);
    let live = expect_context::<Live<Endpoint>>();
    let endpoints = live.items;
    // Exemptions that depend on time (windows, suspensions, WSUS age) are
    // derived again each minute, and at the clock's tick that opens or
    // closes a window or suspension, so that no row disagrees with its own
    // Next window ("open now" while the row still awaits it).
    let next_change = StoredValue::new(None::<Timestamp>);
    let derive_at = Memo::new(move |previous: Option<&Timestamp>| {
        let now = clock.now();
        let passed = next_change.get_value().is_some_and(|change| change <= now);
        match previous {
            Some(&at) if at >= clock.minute() && !passed => at,
            _ => now,
        }
    });
    let source = use_data_source();
    let rows = Memo::new(move |_| {
        let now = derive_at.get();
        let policy = configured(
            source,
            |config| config.derivation.clone(),
            DerivationPolicy::default(),
        );
        Shared::new(endpoints.with(|endpoints| {
            let rows = perf::timed("pb:derive", || endpoint_rows(endpoints, now, &policy));
            next_change.set_value(
                endpoints
                    .iter()
                    .filter_map(|endpoint| next_window_change(endpoint, now))
                    .min(),
            );
            rows
        }))
    });
    let summary = Memo::new(move |_| {
        Shared::new(rows.with(|rows| FleetSummary::of(rows.iter().map(|row| &row.derived))))
    });
    let table = TableModel::new(url, live, rows, derive_at);
    let maintenance = Signal::derive(move || {
        configured(
            source,
            |config| config.derivation.maintenance,
            MaintenanceReported::ALL,
        )
    });
    let seen_ahead = Memo::new(move |_| {
        let now = clock.minute();
        endpoints.with(|all| count_ahead(all.iter().filter_map(|endpoint| endpoint.last_seen), now))
    });
    let data = FleetData {
        table,
        summary,
        status: live.status,
        maintenance,
    };
    // A memo, so that only a change of layout rebuilds the table: any other
    // change of the view (a keystroke, a sort, an open panel) keeps it, its
    // rendered rows and its keyboard position.
    let layout = Memo::new(move |_| url.view.with(|v| v.layout));

    view! {
        <section class="pb-page" aria-labelledby="pb-page-title">
            <div class="pb-page-heading">
                <PageTitle text="Endpoint exemptions" record=data.table.opened_name() />
                <span class="pb-spacer"></span>
                <RefreshControls live=live.status />
                <p class="pb-page-context">
                    "Every endpoint, whether it can be patched now, why not, and how to clear it. "
                    "Derived in your browser from each endpoint's facts and the current time."
                </p>
            </div>
            <DataProblems
                live=live.status
                unfound_costs="and an endpoint fact not known derives no exemption, so the endpoint may be listed as Patchable"
            />
            <MissingRecordBanner
                missing=data.table.missing_selection()
                what="endpoint"
                place="the fleet"
                on_dismiss=Callback::new(move |_| data.table.dismiss_missing())
            />
            <summary::FractionsBanner endpoints=endpoints />
            <TimesAheadBanner ahead=seen_ahead.into() noun=Noun::ENDPOINTS what="last seen" />
            {move || maintenance.get().unjudged().map(|details| view! {
                <Banner tone=Tone::Neutral title="Maintenance windows are not judged" details=details />
            })}
            <UnknownFiltersBanner
                unknown=url.left_out()
                on_dismiss=Callback::new(move |_| url.drop_left_out())
            />
            <filters::UnreportedReasonBanner data=data />
            // Section headings for moving by heading; the page shows its sections plainly.
            <h2 class="pb-visually-hidden">"Figures"</h2>
            <summary::Counters data=data />
            <summary::ExemptionChart data=data />
            <h2 class="pb-visually-hidden">"Endpoints"</h2>
            <filters::EndpointFilters data=data />
            {move || {
                // Back or Forward across a layout change takes away what had
                // the focus: the switch's pressed button takes it.
                on_cleanup(move || request_animation_frame(move || {
                    if let Some(layout) = layout.try_get_untracked() {
                        focus_if_lost(filters::layout_button_id(layout));
                    }
                }));
                match layout.get() {
                    Layout::Table => view! { <table::EndpointTable data=data /> }.into_any(),
                    Layout::ByExemption => view! { <by_exemption::ByExemption data=data /> }.into_any(),
                }
            }}
            {panel::endpoint_panel(data)}
        </section>
    }
}
