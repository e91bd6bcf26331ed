//! The filter bar of the exemptions page, the layout switch and the export.

use super::FleetData;
use crate::domain::exemption::ExemptionKind;
use crate::domain::fleet::PatchOutlook;
use crate::domain::os::OsFamily;
use crate::domain::table::Facet;
use crate::domain::view::endpoints::{endpoints_csv, Layout};
use crate::domain::view::exemption_token;
use crate::ui::components::{download_text, FacetOption, FacetSelect, SearchBox};
use crate::ui::view_state::History;
use leptos::prelude::*;

#[component]
pub fn EndpointFilters(data: FleetData) -> impl IntoView {
    let url = data.url;
    let outlooks = <PatchOutlook as Facet>::ALL
        .iter()
        .map(|outlook| FacetOption {
            token: outlook.as_str().to_owned(),
            label: outlook.label().to_owned(),
        })
        .collect();
    let exemptions = ExemptionKind::ALL
        .iter()
        .map(|&kind| FacetOption {
            token: exemption_token(kind),
            label: kind.name().to_owned(),
        })
        .collect();
    let oses = OsFamily::ALL
        .iter()
        .map(|os| FacetOption {
            token: os.as_str().to_owned(),
            label: os.label().to_owned(),
        })
        .collect();
    let export = move |_| {
        let csv = data.endpoints.with_untracked(|endpoints| {
            data.rows.with_untracked(|rows| {
                data.order
                    .with_untracked(|order| endpoints_csv(endpoints, rows, order))
            })
        });
        download_text("endpoint-exemptions.csv", "text/csv", &csv);
    };
    let layout_button = move |layout: Layout, label: &'static str| {
        view! {
            <button
                type="button"
                class="pb-button"
                aria-pressed=move || url.view.with(|v| v.layout == layout).to_string()
                on:click=move |_| url.update(History::Push, |v| v.layout = layout)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="pb-toolbar" role="search" aria-label="Filter endpoints">
            <SearchBox
                label="Search endpoints"
                value=Signal::derive(move || url.view.with(|v| v.text.clone()))
                on_input=Callback::new(move |text| url.update(History::Replace, |v| v.text = text))
            />
            <FacetSelect
                label="Impact"
                options=outlooks
                selected=Signal::derive(move || url.view.with(|v| v.outlooks.iter().map(|o| o.as_str().to_owned()).collect()))
                on_toggle=Callback::new(move |token: String| {
                    if let Some(outlook) = <PatchOutlook as Facet>::ALL.iter().copied().find(|o| o.as_str() == token) {
                        url.update(History::Push, |v| v.outlooks.toggle(outlook));
                    }
                })
            />
            <FacetSelect
                label="Exemption"
                options=exemptions
                selected=Signal::derive(move || url.view.with(|v| v.exemptions.iter().map(exemption_token).collect()))
                on_toggle=Callback::new(move |token: String| {
                    if let Some(kind) = ExemptionKind::from_name(&token) {
                        url.update(History::Push, |v| v.exemptions.toggle(kind));
                    }
                })
            />
            <FacetSelect
                label="OS"
                options=oses
                selected=Signal::derive(move || url.view.with(|v| v.oses.iter().map(|os| os.as_str().to_owned()).collect()))
                on_toggle=Callback::new(move |token: String| {
                    if let Some(os) = OsFamily::ALL.into_iter().find(|os| os.as_str() == token) {
                        url.update(History::Push, |v| v.oses.toggle(os));
                    }
                })
            />
            <label class="pb-checkbox">
                <input
                    type="checkbox"
                    prop:checked=move || url.view.with(|v| v.warnings_only)
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        url.update(History::Push, |v| v.warnings_only = checked);
                    }
                />
                "Only with warnings"
            </label>
            <span class="pb-spacer"></span>
            <span class="pb-muted" data-row-count="">
                {move || format!("{} of {} endpoints", data.order.with(|o| o.len()), data.endpoints.with(|e| e.len()))}
            </span>
            <span role="group" aria-label="Layout" class="pb-toolbar">
                {layout_button(Layout::Table, "By endpoint")}
                {layout_button(Layout::ByExemption, "By exemption")}
            </span>
            <button type="button" class="pb-button" on:click=export>"Export CSV"</button>
        </div>
    }
}
