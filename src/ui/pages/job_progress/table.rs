//! The per-asset table: one virtualised row per asset result.

use super::JobData;
use crate::domain::asset::count_text;
use crate::domain::decimal::Noun;
use crate::domain::view::assets::{AssetColumn, AssetView};
use crate::ui::components::{Badge, Column, FullWidth, NameCell, Narrowing, RelativeTime};
use crate::ui::tone::phase_tone;
use leptos::prelude::*;

#[component]
pub fn AssetTable(data: JobData) -> impl IntoView {
    let patch_count = |id| {
        matches!(
            id,
            AssetColumn::Succeeded
                | AssetColumn::Failed
                | AssetColumn::Superseded
                | AssetColumn::NotApplicable
        )
    };
    let columns = Column::every(
        // Badges, numbers and statuses get the width their longest value
        // and heading need ("Downloading - Failed · 2031", "Canceled -
        // Blackout · 2038"); the text columns share what is left and
        // truncate. The OS takes enough from 1280 px to show the version
        // after "Windows Server", which is what tells its rows apart.
        |id| match id {
            AssetColumn::Asset => "15%",
            AssetColumn::Os => "16%",
            AssetColumn::Status => "15.5em",
            AssetColumn::Message => "auto",
            AssetColumn::Phase => "10em",
            AssetColumn::Succeeded => "7.5em",
            AssetColumn::Failed => "4.5em",
            AssetColumn::Superseded => "8em",
            AssetColumn::NotApplicable => "3.5em",
            AssetColumn::Updated => "8em",
        },
        patch_count,
        // A narrow table keeps what says where each asset stands and why;
        // the patch counts are in the asset's panel. Narrow means below
        // about 1,600 px, so that from 1280 to 1536 the Message has the room it
        // needs to say why (with the counts it had 212 px at 1440). Below
        // about 920 px the OS, also in the panel, goes too: beside it the Message
        // kept four letters at 768.
        |id| match id {
            AssetColumn::Os => Narrowing::BelowCompact,
            id if patch_count(id) => Narrowing::BelowFullWidth,
            _ => Narrowing::Never,
        },
    );
    // Parsed once per search, not by each drawn row on every change of view.
    let message_query = Memo::new(move |_| data.table.url.view.with(AssetView::message_query));
    let cells = move |index: u32| {
        let (result, row) = data.table.record(index);
        // The code never truncates: it is what operators search and quote.
        let code = row.status.shown_code();
        let status_name = row.status.words().into_owned();
        let status_text = row.status.label_with_code().into_owned();
        let anomaly = row.is_anomalous().then(|| {
            let note = format!(
                "{} is not valid for {} assets",
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
        // Follows the search, so that a row listed for a failed patch shows it.
        let message = {
            let (row, failed_patches) = (row.clone(), result.failed_patches.clone());
            move || {
                message_query.with(|query| {
                    row.message_column_for(&failed_patches, query)
                        .map(|text| text.into_owned())
                        .unwrap_or_default()
                })
            }
        };
        view! {
            <td><NameCell name=result.asset_name.clone() /></td>
            <td><span class="pb-truncate" title=result.os.clone()>{result.os.clone()}</span></td>
            <td>
                <span class="pb-status-cell" title=status_text>
                    {anomaly}
                    <span class="pb-truncate">{status_name}</span>
                    {code.map(|code| view! { <span class="pb-status-code">" · "{code}</span> })}
                </span>
            </td>
            <td><Badge tone=phase_tone(row.phase) label=row.phase.label() /></td>
            <td><span class="pb-truncate" title=message.clone()>{message.clone()}</span></td>
            <td class="pb-numeric">{count_text(result.patches.succeeded)}</td>
            <td class="pb-numeric">{count_text(result.patches.failed)}</td>
            <td class="pb-numeric">{count_text(result.patches.superseded)}</td>
            <td class="pb-numeric">{count_text(result.patches.not_applicable)}</td>
            <td><RelativeTime at=result.status_time happened=true /></td>
        }
    };
    data.table.virtual_table(
        "Assets in this job",
        columns,
        cells,
        data.status,
        Noun::ASSETS,
        FullWidth::Wide,
    )
}
