//! The per-asset table: one virtualised row per asset result.

use super::JobData;
use crate::domain::status::ResolvedStatus;
use crate::domain::view::assets::AssetColumn;
use crate::ui::components::{Badge, Column, RelativeTime};
use crate::ui::tone::phase_tone;
use leptos::prelude::*;

#[component]
pub fn AssetTable(data: JobData) -> impl IntoView {
    let columns = Column::every(
        // Badges and numbers get the width their longest value and heading
        // need; the text columns share what is left and truncate.
        |id| match id {
            AssetColumn::Asset => "15%",
            AssetColumn::Os => "12%",
            AssetColumn::Status => "15%",
            AssetColumn::Message => "auto",
            AssetColumn::Phase => "10.5em",
            AssetColumn::Succeeded => "6.5em",
            AssetColumn::Failed => "4.5em",
            AssetColumn::Superseded => "7em",
            AssetColumn::NotApplicable => "3.5em",
            AssetColumn::Updated => "8em",
        },
        |id| {
            matches!(
                id,
                AssetColumn::Succeeded
                    | AssetColumn::Failed
                    | AssetColumn::Superseded
                    | AssetColumn::NotApplicable
            )
        },
    );
    let cells = move |index: u32| {
        let (result, row) = data.table.record(index);
        let status_text = match &row.status {
            ResolvedStatus::Known(key) => format!("{} · {}", key.def().name, key.def().code),
            other => other.label().into_owned(),
        };
        let anomaly = row.is_anomalous().then(|| {
            let note = format!(
                "{} does not apply to {} assets",
                row.status.label(),
                row.os().label()
            );
            let title = note.clone();
            view! {
                <span class="pb-anomaly" data-anomaly="" title=title>
                    <span aria-hidden="true">"⚠ "</span>
                    <span class="pb-visually-hidden">{note}</span>
                </span>
            }
        });
        let message = row.message.clone().unwrap_or_default();
        view! {
            <td><span class="pb-truncate" title=result.asset_name.clone()>{result.asset_name.clone()}</span></td>
            <td><span class="pb-truncate" title=result.os.clone()>{result.os.clone()}</span></td>
            <td><span class="pb-truncate" title=status_text.clone()>{anomaly}{status_text.clone()}</span></td>
            <td><Badge tone=phase_tone(row.phase) label=row.phase.label() /></td>
            <td><span class="pb-truncate" title=message.clone()>{message.clone()}</span></td>
            <td class="pb-numeric">{result.patches.succeeded}</td>
            <td class="pb-numeric">{result.patches.failed}</td>
            <td class="pb-numeric">{result.patches.superseded}</td>
            <td class="pb-numeric">{result.patches.not_applicable}</td>
            <td><RelativeTime at=result.status_time /></td>
        }
    };
    data.table.virtual_table(
        "Assets in this job",
        columns,
        cells,
        data.version,
        data.loading,
    )
}
