//! The asset detail panel: the status explained, what to do next, patches
//! and history.

use super::JobData;
use crate::domain::asset::AssetResult;
use crate::domain::message::{next_step, stuck_next_step};
use crate::domain::reference::status_token;
use crate::domain::status::{resolve, ResolvedStatus};
use crate::domain::time::hours_text;
use crate::domain::view::assets::AssetRow;
use crate::domain::view::fact_text;
use crate::ui::components::{Badge, RelativeTime, Tone};
use crate::ui::pages::{exemptions_searching, reference_for_status};
use crate::ui::router::Link;
use crate::ui::tone::phase_tone;
use leptos::prelude::*;

/// The open asset's panel.
pub fn asset_panel(data: JobData) -> impl IntoView {
    data.table
        .detail_panel(move |result, row| view! { <AssetDetails result=result row=row data=data /> })
}

#[component]
fn AssetDetails(result: AssetResult, row: AssetRow, data: JobData) -> impl IntoView {
    let def = row.status.key().map(|key| key.def());
    let status_line = match &row.status {
        ResolvedStatus::Known(key) => format!(
            "{} (code {}, state {})",
            key.def().name,
            key.def().code,
            key.def().state
        ),
        other => other.label().into_owned(),
    };
    let applicability = row.is_anomalous().then(|| {
        format!(
            "Not valid for {} assets: the Reference lists this status for other OS families only. The backend may have the OS or the status wrong.",
            row.os().label()
        )
    });
    // Where the catalogue lists this status beside its other states and
    // the OS families it applies to.
    let reference_link = status_token(&row.status).map(|token| {
        let text = match def {
            Some(def) => format!("{} in the Reference", def.name),
            None => format!("Code {token} in the Reference"),
        };
        view! { <p><Link to=reference_for_status(token)>{text}</Link></p> }
    });
    let stuck = move || row.progress.is_stuck(data.stuck_cutoff.get());
    let has_message = row.message.is_some();
    let usual_step = def.map_or(row.status.unresolved_next_step(), |def| {
        next_step(def, &result.facts, has_message, row.os())
    });
    let stuck_step = def.map_or(row.phase.stuck_next_step(), |def| {
        stuck_next_step(def, &result.facts)
    });
    let next_step = move || stuck_step.filter(|_| stuck()).unwrap_or(usual_step);
    view! {
        <section class="pb-panel-section">
            <h3>"Status"</h3>
            <p><Badge tone=phase_tone(row.phase) label=row.phase.label() /> " " {status_line}</p>
            {def.map(|def| view! { <p>{def.description}</p> })}
            {row.status.catalogued_as().map(|text| view! { <p data-catalogued="">{text}</p> })}
            {row.message.clone().map(|message| view! { <p class="pb-card" data-message="">{message}</p> })}
            {applicability.map(|text| view! { <p class="pb-anomaly" data-anomaly="">"⚠ " {text}</p> })}
            {move || stuck().then(|| view! {
                <p class="pb-warning-text" data-stuck="">
                    <span aria-hidden="true">{Tone::Waiting.icon()} " "</span>
                    {format!("Stuck: not final, and no status change for over {}.", hours_text(data.stuck_after_hours.get()))}
                </p>
            })}
            {reference_link}
        </section>
        <section class="pb-panel-section">
            <h3>"What to do next"</h3>
            <p data-next-step="">{next_step}</p>
        </section>
        <section class="pb-panel-section">
            <h3>"Asset"</h3>
            <dl class="pb-facts">
                <dt>"Name"</dt><dd>{result.asset_name.clone()}</dd>
                <dt>"ID"</dt><dd>{result.asset_id.clone()}</dd>
                <dt>"Operating system"</dt><dd>{fact_text(&result.os, false).to_owned()}</dd>
                <dt>"Last status change"</dt>
                <dd>
                    {result.status_time.map(|at| view! {
                        {at.format_utc()} " (" <RelativeTime at=Some(at) happened=true /> ")"
                    })}
                    {result.status_time.is_none().then_some("not reported")}
                </dd>
            </dl>
            // A stuck or failed asset may be one the endpoint tools hold
            // back: the same host, looked up by name. Worded as a search, as
            // the endpoint list may not hold every asset of a job.
            <p>
                <Link to=exemptions_searching(&result.asset_name)>"Look up this asset in Endpoint exemptions"</Link>
            </p>
        </section>
        <section class="pb-panel-section">
            <h3>"Patches"</h3>
            <dl class="pb-facts" data-patch-counts="">
                <dt>"Succeeded"</dt><dd>{reported(result.patches.succeeded)}</dd>
                <dt>"Failed"</dt><dd>{reported(result.patches.failed)}</dd>
                <dt>"Superseded"</dt><dd>{reported(result.patches.superseded)}</dd>
                <dt>"Not applicable"</dt><dd>{reported(result.patches.not_applicable)}</dd>
                <dt>"In the job"</dt><dd>{reported(result.patches.total)}</dd>
            </dl>
            <PatchList title="Failed patches" patches=result.failed_patches.clone() />
            {(result.patches.failed.is_some_and(|failed| failed > 0) && result.failed_patches.is_empty()).then(|| view! {
                <p class="pb-muted" data-unnamed-failures="">
                    "The backend did not name the failed patches, so a search for a patch number does not find this asset."
                </p>
            })}
            <PatchList title="Installed patches" patches=result.succeeded_patches.clone() />
        </section>
        {(!result.history.is_empty() || result.history_unreadable > 0).then(|| view! {
            <section class="pb-panel-section">
                <h3>"Status history"</h3>
                {result.history_note().map(|note| view! { <p class="pb-muted" data-history-unreadable="">{note}</p> })}
                <ol class="pb-list">
                    {result.history_oldest_first().into_iter().map(|change| {
                        let status = resolve(&change.status);
                        view! {
                            <li>
                                <Badge tone=phase_tone(status.phase()) label=status.label().into_owned() />
                                " " {change.at.format_utc()}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })}
    }
}

#[component]
fn PatchList(title: &'static str, patches: Vec<String>) -> impl IntoView {
    (!patches.is_empty()).then(|| {
        view! {
            <h4 class="pb-field-label">{title}</h4>
            <ul class="pb-list">
                {patches.into_iter().map(|patch| view! { <li><code>{patch}</code></li> }).collect_view()}
            </ul>
        }
    })
}

/// A count, or that the backend did not report it: never a 0 it did not send.
fn reported(count: Option<u32>) -> String {
    count.map_or_else(|| "not reported".to_owned(), |count| count.to_string())
}
