//! The filter bar of the exemptions page, the layout switch and the export.

use super::FleetData;
use crate::domain::abridge::quoted;
use crate::domain::csv::dated_file_name;
use crate::domain::decimal::Noun;
use crate::domain::view::endpoints::{endpoints_csv, EndpointView, Layout};
use crate::ui::clock::read_browser_clock;
use crate::ui::components::{
    download_in_parts, Banner, ExportButton, FacetFilter, FlagFilter, TableSearch, Tone,
    CSV_RECORDS_PER_PART,
};
use crate::ui::view_state::History;
use leptos::prelude::*;

/// The id of the layout switch's button for `layout`.
pub fn layout_button_id(layout: Layout) -> &'static str {
    match layout {
        Layout::Table => "pb-layout-table",
        Layout::ByExemption => "pb-layout-by-exemption",
    }
}

/// The one reason a group's "Show all" lists, while it is set: unticked,
/// the table lists every reason again.
#[component]
fn ReasonFilter(data: FleetData) -> impl IntoView {
    let url = data.table.url;
    let reason = Memo::new(move |_| {
        url.view
            .with(|v| v.reason.as_ref().map(|r| r.name().to_owned()))
    });
    move || {
        reason.get().map(|name| {
            view! {
                <label class="pb-checkbox" data-reason-filter="">
                    <input
                        type="checkbox"
                        checked=true
                        on:change=move |_| url.update(History::Push, |v| v.reason = None)
                    />
                    {format!("Only {name}")}
                </label>
            }
        })
    }
}

/// Says that the reason a link limits the list to is one no endpoint
/// reports, rather than list none without a word.
#[component]
pub fn UnreportedReasonBanner(data: FleetData) -> impl IntoView {
    let url = data.table.url;
    // Only of the whole fleet: rows past a load cut short may report it.
    let complete = data.status.is_complete();
    // Apart, so that a keystroke in the search does not look through the rows.
    let reason = Memo::new(move |_| url.view.with(|v| v.reason.clone()));
    let unreported = Memo::new(move |_| {
        let reason = reason.get()?;
        let unreported =
            complete.get() && data.table.rows.with(|rows| reason.is_unreported_in(rows));
        unreported.then(|| reason.name().to_owned())
    });
    move || {
        unreported.get().map(|name| {
            view! {
                <Banner
                    tone=Tone::Neutral
                    title=format!("No endpoint reports the reason {}, which this view lists only", quoted(&name))
                    details=format!("The link may come from a time when the backend reported it, or be mistyped. Show every reason, or untick \"Only {name}\" below, to list every endpoint.")
                    action=Some((
                        "Show every reason",
                        Callback::new(move |_| url.update(History::Push, |v| v.reason = None)),
                    ))
                />
            }
        })
    }
}

#[component]
pub fn EndpointFilters(data: FleetData) -> impl IntoView {
    let url = data.table.url;
    // What is listed at the press, however the table changes meanwhile.
    let export = move || {
        let listed = data.table.listed();
        let maintenance = data.maintenance.get_untracked();
        let file_name = dated_file_name("endpoint-exemptions", read_browser_clock());
        async move {
            let (endpoints, rows, order) = (&listed.items, &listed.rows, &listed.order);
            let parts = endpoints_csv(endpoints, rows, order, maintenance, CSV_RECORDS_PER_PART);
            download_in_parts(&file_name, "text/csv", parts).await;
        }
    };
    let loaded = data.status.has_loaded();
    let layout_button = move |layout: Layout, label: &'static str| {
        view! {
            <button
                type="button"
                class="pb-button"
                id=layout_button_id(layout)
                aria-pressed=move || url.view.with(|v| v.layout == layout).to_string()
                on:click=move |_| url.update(History::Push, |v| v.layout = layout)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="pb-toolbar" role="search" aria-label="Filter endpoints">
            <TableSearch label="Search endpoints" url=url />
            <FacetFilter label="Impact" url=url get=|v: &EndpointView| v.outlooks get_mut=|v: &mut EndpointView| &mut v.outlooks />
            <FacetFilter label="Exemption" url=url get=|v: &EndpointView| v.exemptions get_mut=|v: &mut EndpointView| &mut v.exemptions />
            <FacetFilter label="OS" url=url get=|v: &EndpointView| v.oses get_mut=|v: &mut EndpointView| &mut v.oses />
            <FlagFilter label="Only with warnings" url=url get=|v: &EndpointView| v.warnings_only get_mut=|v: &mut EndpointView| &mut v.warnings_only />
            <ReasonFilter data=data />
            <span class="pb-spacer"></span>
            {data.table.row_count(data.status, Noun::ENDPOINTS)}
            <span role="group" aria-label="Layout" class="pb-toolbar">
                {layout_button(Layout::Table, "By endpoint")}
                {layout_button(Layout::ByExemption, "By exemption")}
            </span>
            <ExportButton enabled=loaded export=export />
        </div>
    }
}
