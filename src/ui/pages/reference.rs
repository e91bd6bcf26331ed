//! The full status and exemption catalogues, straight from the domain.

use crate::domain::exemption::{ExemptionKind, Warning};
use crate::domain::os::OsFamily;
use crate::domain::phase::Phase;
use crate::domain::progress::STALL_AFTER_MINUTES;
use crate::domain::status::{Applicability, StatusKey};
use crate::ui::components::{Badge, Tone};
use crate::ui::data::use_stuck_after_hours;
use crate::ui::tone::{impact_tone, phase_tone};
use leptos::prelude::*;

#[component]
pub fn ReferencePage() -> impl IntoView {
    view! {
        <section class="pb-page" aria-labelledby="pb-page-title">
            <div class="pb-page-heading">
                <h1 id="pb-page-title" class="pb-page-title">"Reference"</h1>
                <p class="pb-page-context">
                    "Every job result status and every endpoint exemption Patchboard knows, with the phase or impact it is counted under."
                </p>
            </div>
            <PhaseCatalogue />
            <StatusCatalogue />
            <ExemptionCatalogue />
        </section>
    }
}

/// The phases statuses are counted under, and what "stuck" and "stalled"
/// mean on Job Progress.
#[component]
fn PhaseCatalogue() -> impl IntoView {
    let stuck_after_hours = use_stuck_after_hours();
    view! {
        <CatalogueTable id="phases" title="Phases">
            <thead>
                <tr>
                    <th scope="col">"Phase"</th>
                    <th scope="col">"Final"</th>
                    <th scope="col">"Meaning"</th>
                    <th scope="col">"What to do"</th>
                </tr>
            </thead>
            <tbody>
                {Phase::ALL.iter().map(|&phase| view! {
                    <tr data-phase=phase.as_str()>
                        <th scope="row"><Badge tone=phase_tone(phase) label=phase.label() /></th>
                        <td>{if phase.is_final() { "yes" } else { "no" }}</td>
                        <td>{phase.meaning()}</td>
                        <td>{phase.next_step()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </CatalogueTable>
        <p class="pb-page-context" data-stuck-rule="">
            {move || format!(
                "An asset is stuck when it is not final and its status has not changed for more than {} h. \
                 A job is stalled when assets remain unfinished and none has changed status for {STALL_AFTER_MINUTES} minutes.",
                stuck_after_hours.get()
            )}
        </p>
    }
}

#[component]
fn StatusCatalogue() -> impl IntoView {
    let applies = |value: Applicability| match value {
        Applicability::Yes => "yes",
        Applicability::No => "no",
        Applicability::NotStated => "not stated",
    };
    view! {
        <CatalogueTable id="statuses" title="Job result statuses">
            <thead>
                <tr>
                    <th scope="col">"Code"</th>
                    <th scope="col">"State"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Phase"</th>
                    <th scope="col">"Meaning"</th>
                    {OsFamily::ALL.iter().filter(|os| **os != OsFamily::Other).map(|os| view! {
                        <th scope="col">{os.label()}</th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {StatusKey::ALL.iter().map(|key| {
                    let def = key.def();
                    view! {
                        <tr data-status=format!("{}-{}", def.code, def.state)>
                            <td class="pb-numeric">{def.code}</td>
                            <td class="pb-numeric">{def.state}</td>
                            <th scope="row">{def.name}</th>
                            <td><Badge tone=phase_tone(def.phase) label=def.phase.label() /></td>
                            <td>{def.description}</td>
                            {OsFamily::ALL.iter().filter(|os| **os != OsFamily::Other).map(|&os| view! {
                                <td>{applies(def.applies.for_os(os))}</td>
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </CatalogueTable>
    }
}

#[component]
fn ExemptionCatalogue() -> impl IntoView {
    let warning = Warning::LowDiskSpace.entry();
    view! {
        <CatalogueTable id="exemptions" title="Endpoint exemptions and warnings">
            <thead>
                <tr>
                    <th scope="col">"Exemption"</th>
                    <th scope="col">"Impact"</th>
                    <th scope="col">"Meaning"</th>
                    <th scope="col">"How to fix"</th>
                </tr>
            </thead>
            <tbody>
                {ExemptionKind::ALL.iter().map(|&kind| view! {
                    <tr data-exemption=kind.name()>
                        <th scope="row">{kind.name()}</th>
                        <td><Badge tone=impact_tone(kind.impact()) label=kind.impact().label() /></td>
                        <td>{kind.meaning()}</td>
                        <td><Steps steps=kind.fix() /></td>
                    </tr>
                }).collect_view()}
                <tr data-warning="low-disk-space">
                    <th scope="row">{warning.name}</th>
                    <td><Badge tone=Tone::Waiting outline=true label="Warning" /></td>
                    <td>{warning.meaning}</td>
                    <td><Steps steps=warning.fix /></td>
                </tr>
            </tbody>
        </CatalogueTable>
    }
}

/// A catalogue's heading and table. On a narrow screen the table scrolls
/// sideways on its own, not the whole page; the region is focusable so the
/// keyboard can scroll it too.
#[component]
fn CatalogueTable(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <h2 class="pb-section-title" id=id>{title}</h2>
        <div class="pb-reference-scroll" role="region" aria-labelledby=id tabindex="0">
            <table class="pb-reference-table" aria-labelledby=id>{children()}</table>
        </div>
    }
}

#[component]
fn Steps(steps: &'static [&'static str]) -> impl IntoView {
    view! { <ol class="pb-steps">{steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}</ol> }
}
