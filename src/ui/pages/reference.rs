//! The full status and exemption catalogues, straight from the domain.

use crate::domain::exemption::{ExemptionKind, Warning};
use crate::domain::os::OsFamily;
use crate::domain::status::{Applicability, StatusKey};
use crate::ui::components::{Badge, Tone};
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
            <StatusCatalogue />
            <ExemptionCatalogue />
        </section>
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
        <h2 class="pb-section-title" id="statuses">"Job result statuses"</h2>
        <ScrollRegion labelled_by="statuses">
            <table class="pb-reference-table" aria-labelledby="statuses">
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
            </table>
        </ScrollRegion>
    }
}

#[component]
fn ExemptionCatalogue() -> impl IntoView {
    let warning = Warning::LowDiskSpace.entry();
    view! {
        <h2 class="pb-section-title" id="exemptions">"Endpoint exemptions and warnings"</h2>
        <ScrollRegion labelled_by="exemptions">
            <table class="pb-reference-table" aria-labelledby="exemptions">
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
            </table>
        </ScrollRegion>
    }
}

/// Lets a table wider than a narrow screen scroll sideways on its own, not
/// the whole page; focusable so the keyboard can scroll it too.
#[component]
fn ScrollRegion(labelled_by: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="pb-reference-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
            {children()}
        </div>
    }
}

#[component]
fn Steps(steps: &'static [&'static str]) -> impl IntoView {
    view! { <ol class="pb-steps">{steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}</ol> }
}
