//! The filter bar above the asset table, and the export of what it shows.

use super::JobData;
use crate::domain::os::OsFamily;
use crate::domain::phase::Phase;
use crate::domain::status::StatusKey;
use crate::domain::table::Facet;
use crate::domain::view::assets::assets_csv;
use crate::domain::view::status_token;
use crate::ui::components::{download_text, FacetOption, FacetSelect, SearchBox};
use crate::ui::view_state::History;
use leptos::prelude::*;

#[component]
pub fn AssetFilters(data: JobData) -> impl IntoView {
    let url = data.url;
    let status_options = <StatusKey as Facet>::ALL
        .iter()
        .map(|&status| FacetOption {
            token: status_token(status),
            label: format!("{} ({})", status.def().name, status.def().code),
        })
        .collect();
    let phase_options = Phase::ALL
        .iter()
        .map(|phase| FacetOption {
            token: phase.as_str().to_owned(),
            label: phase.label().to_owned(),
        })
        .collect();
    let os_options = OsFamily::ALL
        .iter()
        .map(|os| FacetOption {
            token: os.as_str().to_owned(),
            label: os.label().to_owned(),
        })
        .collect();
    let export = move |_| {
        let csv = data.results.with_untracked(|results| {
            data.rows.with_untracked(|rows| {
                data.order
                    .with_untracked(|order| assets_csv(results, rows, order))
            })
        });
        let name = data.job_name.get_untracked();
        download_text(
            &format!("{}-assets.csv", file_stem(&name)),
            "text/csv",
            &csv,
        );
    };
    view! {
        <div class="pb-toolbar" role="search" aria-label="Filter assets">
            <SearchBox
                label="Search assets"
                value=Signal::derive(move || url.view.with(|v| v.text.clone()))
                on_input=Callback::new(move |text| url.update(History::Replace, |v| v.text = text))
            />
            <FacetSelect
                label="Status"
                options=status_options
                selected=Signal::derive(move || url.view.with(|v| v.statuses.iter().map(status_token).collect()))
                on_toggle=Callback::new(move |token: String| {
                    if let Some(status) = <StatusKey as Facet>::ALL.iter().copied().find(|&s| status_token(s) == token) {
                        url.update(History::Push, |v| v.statuses.toggle(status));
                    }
                })
            />
            <FacetSelect
                label="Phase"
                options=phase_options
                selected=Signal::derive(move || url.view.with(|v| v.phases.iter().map(|p| p.as_str().to_owned()).collect()))
                on_toggle=Callback::new(move |token: String| {
                    if let Some(phase) = Phase::from_token(&token) {
                        url.update(History::Push, |v| v.phases.toggle(phase));
                    }
                })
            />
            <FacetSelect
                label="OS"
                options=os_options
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
                    prop:checked=move || url.view.with(|v| v.anomalies_only)
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        url.update(History::Push, |v| v.anomalies_only = checked);
                    }
                />
                "Only statuses not valid for the OS"
            </label>
            <span class="pb-spacer"></span>
            <span class="pb-muted" data-row-count="">
                {move || format!("{} of {} assets", data.order.with(|o| o.len()), data.results.with(|r| r.len()))}
            </span>
            <button type="button" class="pb-button" on:click=export>"Export CSV"</button>
        </div>
    }
}

/// A job name made safe for a file name.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "job".to_owned()
    } else {
        stem.to_owned()
    }
}
