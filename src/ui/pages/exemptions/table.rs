//! One virtualised row per endpoint.

use super::FleetData;
use crate::domain::decimal::Noun;
use crate::domain::derive::percent_used;
use crate::domain::derive::reported_low_disk;
use crate::domain::exemption::Impact;
use crate::domain::view::endpoints::{schedule_text, EndpointColumn};
use crate::ui::clock::use_clock;
use crate::ui::components::{Badge, Column, FullWidth, NameCell, Narrowing, RelativeTime, Tone};
use crate::ui::tone::{impact_tone, outlook_tone};
use leptos::prelude::*;

#[component]
pub fn EndpointTable(data: FleetData) -> impl IntoView {
    let columns = Column::every(
        // Badges and times get the width their longest value and heading
        // need; the exemptions column a share that fits one chip and its
        // count at the table's narrowest and the longest name on wide
        // screens; the OS takes what the others leave, and every text
        // truncates. (A column cannot mix units: Chromium sizes one of
        // calc(em + %) as auto.)
        |id| match id {
            EndpointColumn::Endpoint => "15%",
            EndpointColumn::Os => "auto",
            EndpointColumn::Exemptions => "22%",
            EndpointColumn::Maintenance => "11%",
            EndpointColumn::Outlook => "16.5em",
            EndpointColumn::Disk => "8.5em",
            EndpointColumn::NextWindow => "8.5em",
            EndpointColumn::LastSeen => "7em",
        },
        |id| id == EndpointColumn::Disk,
        // A narrow table keeps what says whether each endpoint can be
        // patched and why; its schedule is in the endpoint's panel. Narrow
        // means below about 1,600 px: beside a "Temporarily cannot patch" badge,
        // all eight columns left the OS a word or less at 1280, and less
        // than half the room it has without them at 1440. Below about 920 px the
        // OS goes too: beside the badges it kept two letters.
        |id| match id {
            EndpointColumn::Maintenance | EndpointColumn::NextWindow => Narrowing::BelowFullWidth,
            EndpointColumn::Os => Narrowing::BelowCompact,
            _ => Narrowing::Never,
        },
    );
    let cells = move |index: u32| {
        let (endpoint, row) = data.table.record(index);
        // The cell names the exemption that makes the impact, and the one
        // the exemption filter picked if another (see `cell_exemptions`),
        // whole where the column allows, and counts the rest; hovering
        // names them all, and a screen reader hears them all.
        let derived = row.derived.clone();
        let exemptions = move || {
            data.table.url.view.with(|view| {
                let (names, named) = view.cell_exemptions(&derived);
                let all_names = joined(&names);
                let chips = names[..named].iter().enumerate().map(|(at, &(name, impact))| {
                    let tone = impact_tone(impact);
                    view! {
                        {(at > 0).then(|| view! { <span class="pb-visually-hidden">", "</span> })}
                        // No title of its own: hovering shows the cell's, every name.
                        <span class=format!("pb-chip {}", tone.class())>
                            <span class="pb-badge-icon" aria-hidden="true">{tone.icon()}</span>
                            <span class="pb-chip-label">{name.to_owned()}</span>
                        </span>
                    }
                }).collect_view();
                let more = names.get(named..).filter(|rest| !rest.is_empty()).map(|rest| {
                    let rest_names = joined(rest);
                    view! {
                        <span class="pb-chip-more">
                            <span aria-hidden="true">{format!("+{}", rest.len())}</span>
                            <span class="pb-visually-hidden">{format!(", and also {rest_names}")}</span>
                        </span>
                    }
                });
                view! { <span class="pb-chips pb-truncate" title=all_names>{chips}{more}</span> }
            })
        };
        let fullest = row
            .fullest_drive
            .map(|p| format!("{}%", percent_used(p)))
            // No drive reported: a dash, as other cells without a value show.
            .unwrap_or_else(|| "—".to_owned());
        // A warning Patchboard found marks the drive's figure itself, so the
        // cell needs no room for a label. One only the backend reported may
        // come with a figure under the mark: it says so instead.
        let disk = match row.derived.low_disk_space() {
            Some(warning) => {
                let (label, text) = match warning.fullest {
                    Some(usage) => (fullest, usage.describe(&endpoint)),
                    None => ("Low disk".to_owned(), reported_low_disk(row.fullest_drive)),
                };
                view! {
                    <span class="pb-visually-hidden">"Low Disk Space: "</span>
                    <Badge tone=Tone::Waiting warning=true label=label title=text />
                }
                .into_any()
            }
            None => fullest.into_any(),
        };
        let schedule = schedule_text(&endpoint, data.maintenance.get_untracked(), "none");
        view! {
            <td><NameCell name=endpoint.name.clone() /></td>
            <td><span class="pb-truncate" title=endpoint.os.clone()>{endpoint.os.clone()}</span></td>
            <td><Badge tone=outlook_tone(row.outlook) label=row.outlook.label() /></td>
            <td>{exemptions}</td>
            <td class="pb-numeric">{disk}</td>
            <td><span class="pb-truncate" title=schedule.clone()>{schedule.clone()}</span></td>
            <td><NextWindow at=row.window.map(|window| window.start) /></td>
            <td><RelativeTime at=endpoint.last_seen happened=true /></td>
        }
    };
    data.table.virtual_table(
        "Endpoints and their exemptions",
        columns,
        cells,
        data.status,
        Noun::ENDPOINTS,
        FullWidth::Wide,
    )
}

/// Exemption names as one list: "Unknown Endpoint, Maintenance Window Required".
fn joined(names: &[(&str, Impact)]) -> String {
    names
        .iter()
        .map(|&(name, _)| name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The next window's start, or "open now" while a window is open.
#[component]
fn NextWindow(at: Option<crate::domain::time::Timestamp>) -> impl IntoView {
    let clock = use_clock();
    move || match at {
        Some(start) if start <= clock.now() => view! { <span>"open now"</span> }.into_any(),
        other => view! { <RelativeTime at=other /> }.into_any(),
    }
}
