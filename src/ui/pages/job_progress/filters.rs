//! The filter bar above the asset table, and the export of what it shows.

use super::JobData;
use crate::domain::csv::dated_file_name;
use crate::domain::decimal::Noun;
use crate::domain::time::hours_text;
use crate::domain::view::assets::{assets_csv, AssetView, JobNames};
use crate::ui::clock::read_browser_clock;
use crate::ui::components::{
    download_in_parts, ExportButton, FacetFilter, FlagFilter, TableSearch, CSV_RECORDS_PER_PART,
};
use leptos::prelude::*;

#[component]
pub fn AssetFilters(data: JobData) -> impl IntoView {
    let url = data.table.url;
    // What is listed at the press, however the table changes meanwhile.
    let export = move || {
        let listed = data.table.listed();
        let cutoff = data.stuck_cutoff.get_untracked();
        let (job_id, job_name) = (data.job_id.get_value(), data.job_name.get_untracked());
        let run = data
            .run
            .with_untracked(|run| run.run_id().map(str::to_owned));
        let now = read_browser_clock();
        async move {
            let (results, rows, order) = (&listed.items, &listed.rows, &listed.order);
            let job = JobNames {
                id: &job_id,
                name: &job_name,
                run: run.as_deref(),
            };
            let file_name = dated_file_name(&job.file_stem(), now);
            let parts = assets_csv(job, results, rows, order, cutoff, CSV_RECORDS_PER_PART);
            download_in_parts(&file_name, "text/csv", parts).await;
        }
    };
    let loaded = data.status.has_loaded();
    let lacks_status_times = data.lacks_status_times();
    let stuck_label = Signal::derive(move || {
        if lacks_status_times.get() {
            "Only stuck (no status times to judge by)".to_owned()
        } else {
            format!(
                "Only stuck (no change for over {})",
                hours_text(data.stuck_after_hours.get())
            )
        }
    });
    view! {
        <div class="pb-toolbar" role="search" aria-label="Filter assets">
            <TableSearch label="Search assets or failed patches" url=url />
            <FacetFilter label="Status" url=url get=|v: &AssetView| v.statuses get_mut=|v: &mut AssetView| &mut v.statuses />
            <FacetFilter label="Phase" url=url get=|v: &AssetView| v.phases get_mut=|v: &mut AssetView| &mut v.phases />
            <FacetFilter label="OS" url=url get=|v: &AssetView| v.oses get_mut=|v: &mut AssetView| &mut v.oses />
            <FlagFilter label="Only statuses not valid for the OS" url=url get=|v: &AssetView| v.anomalies_only get_mut=|v: &mut AssetView| &mut v.anomalies_only />
            <FlagFilter label=stuck_label url=url get=|v: &AssetView| v.stuck_only get_mut=|v: &mut AssetView| &mut v.stuck_only unavailable=lacks_status_times />
            <span class="pb-spacer"></span>
            {data.table.row_count(data.status, Noun::ASSETS)}
            <ExportButton enabled=loaded export=export />
        </div>
    }
}
