//! The endpoint detail panel: every exemption with its meaning, its fix and
//! the fact it came from, and the endpoint's drives.

use super::by_exemption::{FixSteps, WARNING_LABEL};
use super::FleetData;
use crate::domain::derive::percent_used;
use crate::domain::derive::{
    raises_low_disk, reported_low_disk, EndpointExemption, MaintenanceReported, Origin,
};
use crate::domain::endpoint::Endpoint;
use crate::domain::exemption::{Impact, Warning, UNKNOWN_FIX, UNKNOWN_MEANING};
use crate::domain::view::endpoints::{next_window_text, schedule_text, EndpointRow};
use crate::domain::view::fact_text;
use crate::ui::clock::use_clock;
use crate::ui::components::{Badge, Tone};
use crate::ui::tone::{impact_tone, outlook_tone};
use leptos::prelude::*;

/// The open endpoint's panel.
pub fn endpoint_panel(data: FleetData) -> impl IntoView {
    data.table.detail_panel(move |endpoint, row| {
        let maintenance = data.maintenance.get_untracked();
        view! { <EndpointDetails endpoint=endpoint row=row maintenance=maintenance /> }
    })
}

#[component]
fn EndpointDetails(
    endpoint: Endpoint,
    row: EndpointRow,
    maintenance: MaintenanceReported,
) -> impl IntoView {
    let known = |exemption: EndpointExemption| {
        let kind = exemption.kind;
        // Without evidence the exemption was reported, which its origin,
        // beside the badge, already says.
        let evidence = exemption
            .evidence
            .map(|evidence| format!("Because: {evidence}"));
        exemption_card(
            kind.name().to_owned(),
            kind.impact(),
            exemption.origin,
            kind.meaning_on(row.os),
            evidence,
            kind.fix_on(row.os),
            kind.our_addition_on(row.os),
        )
    };
    // In the table's order: what stays until fixed first, names the
    // catalogue does not know among it.
    let of_impact = |impact| row.derived.of_impact(impact).map(known).collect_view();
    let cannot_patch = of_impact(Impact::CannotPatch);
    let temporarily = of_impact(Impact::TemporarilyCannotPatch);
    let unknown = row
        .derived
        .unknown_reported()
        .iter()
        .map(|name| {
            exemption_card(
                name.clone(),
                Impact::CannotPatch,
                Origin::Reported,
                UNKNOWN_MEANING,
                None,
                UNKNOWN_FIX,
                None,
            )
        })
        .collect_view();
    let low_disk = row.derived.low_disk_space().map(|warning| {
        let fact = warning
            .fullest
            .map(|usage| format!("Because: {}", usage.describe(&endpoint)))
            .unwrap_or_else(|| format!("{}.", reported_low_disk(row.fullest_drive)));
        let entry = Warning::LowDiskSpace.entry();
        view! {
            <li class="pb-card" data-warning="low-disk-space">
                <strong>{entry.name}</strong>
                <span><Badge tone=Tone::Waiting warning=true label=WARNING_LABEL /></span>
                <p>{entry.meaning}</p>
                <p class="pb-muted" data-evidence="">{fact}</p>
                <FixSteps steps=entry.fix of=entry.name.to_owned() in_panel=true our_addition=entry.our_addition />
            </li>
        }
    });
    let clock = use_clock();
    let unreadable = endpoint.unreadable;
    let unjudged = unreadable.names();
    let clear = if unjudged.is_empty() {
        "Nothing stands in the way of patching this endpoint."
    } else {
        "Nothing stands in the way of patching this endpoint among the facts that could be read."
    };
    let window_state = {
        let endpoint = endpoint.clone();
        move |now| next_window_text(&endpoint, maintenance, now)
    };
    let drives_note = endpoint.drives_note();
    let drives = endpoint
        .drives
        .iter()
        .map(|drive| {
            let full = raises_low_disk(drive.used_percent);
            view! {
                <dt>{drive.name.clone()}</dt>
                <dd class:pb-warning-text=full data-full=full.then_some("")>
                    {full.then_some("⚠ ")}
                    {format!("{}% used", percent_used(drive.used_percent))}
                </dd>
            }
        })
        .collect_view();
    view! {
        <section class="pb-panel-section">
            <h3>"Impact"</h3>
            <p><Badge tone=outlook_tone(row.outlook) label=row.outlook.label() /></p>
        </section>
        <section class="pb-panel-section">
            <h3>"Exemptions and warnings"</h3>
            <ul class="pb-list">
                {cannot_patch}
                {unknown}
                {temporarily}
                {low_disk}
            </ul>
            <Show when=move || row.derived.is_clear()>
                <p>{clear}</p>
            </Show>
            {(!unjudged.is_empty()).then(|| view! {
                <p class="pb-muted" data-unjudged="">
                    {format!("Sent but could not be read, so not judged: {}.", unjudged.join(", "))}
                </p>
            })}
        </section>
        <section class="pb-panel-section">
            <h3>"Endpoint"</h3>
            <dl class="pb-facts">
                // In full: the panel's title stops at three lines.
                <dt>"Name"</dt><dd>{endpoint.name.clone()}</dd>
                <dt>"ID"</dt><dd>{endpoint.id.clone()}</dd>
                <dt>"Operating system"</dt><dd>{fact_text(&endpoint.os, endpoint.unreadable.os).to_owned()}</dd>
                <dt>"Maintenance schedule"</dt>
                <dd>{schedule_text(&endpoint, maintenance, "none assigned")}</dd>
                <dt>"Next window"</dt>
                <dd>{move || window_state(clock.now())}</dd>
                <dt>"Last seen"</dt>
                <dd>{endpoint.last_seen.map(|at| at.format_utc()).unwrap_or_else(|| "not reported".into())}</dd>
            </dl>
        </section>
        <section class="pb-panel-section">
            <h3>"Drives"</h3>
            <dl class="pb-facts">{drives}</dl>
            {drives_note.map(|text| view! { <p data-drives-note="">{text}</p> })}
        </section>
    }
}

/// One exemption in the panel, known to the catalogue or not: its name, its
/// impact and where it came from, what it means, the fact it was derived
/// from, and how to clear it.
fn exemption_card(
    name: String,
    impact: Impact,
    origin: Origin,
    meaning: &'static str,
    evidence: Option<String>,
    fix: &'static [&'static str],
    our_addition: Option<&'static str>,
) -> impl IntoView {
    let (key, heading) = (name.clone(), name.clone());
    view! {
        <li class="pb-card" data-exemption=key>
            <strong>{heading}</strong>
            <span><Badge tone=impact_tone(impact) label=impact.label() /> " " {origin.label()}</span>
            <p>{meaning}</p>
            {evidence.map(|evidence| view! { <p class="pb-muted" data-evidence="">{evidence}</p> })}
            <FixSteps steps=fix of=name in_panel=true our_addition=our_addition />
        </li>
    }
}
