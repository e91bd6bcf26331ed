//! The full status and exemption catalogues, straight from the domain.

use crate::domain::exemption::{ExemptionKind, Impact, Warning};
use crate::domain::os::OsFamily;
use crate::domain::phase::Phase;
use crate::domain::progress::STALL_AFTER_MINUTES;
use crate::domain::reference::{named_statuses, unnamed_status_note, STATUS_PARAM};
use crate::domain::status::{Applicability, StatusKey};
use crate::domain::table::FacetSet;
use crate::domain::time::hours_text;
use crate::ui::components::{scroll_into_view_at, Badge, Banner, OurAddition, PageTitle, Tone};
use crate::ui::data::use_stuck_after_hours;
use crate::ui::dom::html_element_in;
use crate::ui::resize::on_resize;
use crate::ui::router::{use_router, Location, Query, Route, Router};
use crate::ui::tone::{impact_tone, phase_tone};
use leptos::prelude::*;

/// The Reference showing the status entries `token` names (see
/// [`crate::domain::reference::status_token`]).
pub(super) fn reference_for_status(token: String) -> Location {
    Location {
        route: Route::Reference,
        query: Query::from_pairs([(STATUS_PARAM, token)]),
    }
}

#[component]
pub fn ReferencePage() -> impl IntoView {
    view! {
        <section class="pb-page" aria-labelledby="pb-page-title">
            <div class="pb-page-heading">
                <PageTitle text="Reference" />
                <p class="pb-page-context">
                    "What the pages' figures mean, and every job result status and endpoint exemption Patchboard knows, with the phase or impact it is counted under."
                </p>
            </div>
            <UnnamedStatusBanner />
            <Terms />
            <PhaseCatalogue />
            <StatusCatalogue />
            <ExemptionCatalogue />
        </section>
    }
}

/// The status a link to the Reference names, as the URL has it.
fn linked_status(router: Router) -> Option<String> {
    router.query().get(STATUS_PARAM).map(str::to_owned)
}

/// Says so, at the top, when the link's status names no entry to mark.
#[component]
fn UnnamedStatusBanner() -> impl IntoView {
    let router = use_router();
    let note = Memo::new(move |_| {
        linked_status(router)
            .as_deref()
            .and_then(unnamed_status_note)
    });
    move || {
        note.get()
            .map(|note| view! { <Banner tone=Tone::Neutral title=note /> })
    }
}

/// What the pages' figures and impacts mean, where a label alone does not
/// say: what each counts, and how an endpoint's exemptions make its impact.
#[component]
fn Terms() -> impl IntoView {
    let terms: [(&str, &str); 13] = [
        ("Complete", "Assets in a final phase, as a share of all the job's assets."),
        (
            "Success rate",
            "Succeeded assets as a share of those that succeeded or failed. Assets not run are \
             left out: the job did not try to patch them.",
        ),
        (
            "Not run",
            "Assets Canceled, Skipped or Not applicable: final, yet neither a success nor a failure.",
        ),
        (
            "In progress",
            "Assets Running, Waiting or Queued: the job is not finished with them.",
        ),
        (
            "Stuck",
            "Assets in progress whose status has not moved for longer than the rule under \
             Phases below allows: the ones to look at first.",
        ),
        (
            "Status not valid for OS",
            "Assets whose status the catalogue does not list for their OS family (\"no\" in the \
             statuses below): the backend may have the OS or the status wrong.",
        ),
        (
            "State",
            "The number (0, 1 or 2) the catalogue gives each status beside its code. It tells \
             apart the two statuses that share code 2031; what counts as done, failed or in \
             progress is the status's phase below.",
        ),
        (
            "Superseded",
            "An asset's patches in the job that a newer patch replaces, as the backend \
             counts them: neither a success nor a failure.",
        ),
        (
            "Patchable",
            "Endpoints with no exemption: nothing known exempts them from patching, \
             though a warning may still make a patch fail.",
        ),
        (Impact::CannotPatch.label(), Impact::CannotPatch.meaning()),
        (
            Impact::TemporarilyCannotPatch.label(),
            Impact::TemporarilyCannotPatch.meaning(),
        ),
        (
            "An endpoint's impact",
            "The worst of its exemptions: any Cannot patch makes it Cannot patch, else any \
             Temporarily cannot patch makes it that, else it is Patchable. A warning such as \
             Low Disk Space leaves it as it is; an exemption only the backend knows counts as \
             Cannot patch.",
        ),
        (
            "With warnings",
            "Endpoints with a warning such as Low Disk Space, whatever their impact. A warning \
             may stop a patch run (a patch that does not fit on the drive fails) but does not \
             exempt the endpoint, so its impact stays as it is.",
        ),
    ];
    view! {
        <h2 class="pb-section-title" id="terms">"Figures and impacts"</h2>
        <dl class="pb-facts pb-terms">
            {terms.into_iter().map(|(term, meaning)| view! { <dt>{term}</dt> <dd>{meaning}</dd> }).collect_view()}
        </dl>
    }
}

/// The phases statuses are counted under, and what "stuck" and "stalled"
/// mean on Job Progress.
#[component]
fn PhaseCatalogue() -> impl IntoView {
    let stuck_after_hours = use_stuck_after_hours();
    view! {
        <CatalogueTable id="phases" title="Phases" headings=vec!["Phase", "Final", "Meaning", "What to do"]>
            {Phase::ALL.iter().map(|&phase| view! {
                <tr data-phase=phase.as_str()>
                    <th scope="row"><Badge tone=phase_tone(phase) label=phase.label() /></th>
                    <td>{if phase.is_final() { "yes" } else { "no" }}</td>
                    <td>{phase.meaning()}</td>
                    <td>{phase.next_step()}</td>
                </tr>
            }).collect_view()}
        </CatalogueTable>
        <p class="pb-page-context" data-stuck-rule="">
            {move || format!(
                "An asset is stuck when it is not final and its status has not changed for over {}; \
                 one not started yet (Queued) is timed from its run's start, not before. \
                 A job is stalled when assets remain unfinished and none has changed status for {STALL_AFTER_MINUTES} minutes; \
                 a run's start counts as a change, and a run picked from the Run list that a later run has followed is over, never stalled.",
                hours_text(stuck_after_hours.get())
            )}
        </p>
    }
}

/// The statuses table. Entries a link named (`?status=2037-0`, or a code
/// for each of its states) are marked, and the first is brought into view
/// with the focus on its name, so the reader starts where the link meant.
#[component]
fn StatusCatalogue() -> impl IntoView {
    let router = use_router();
    let named = Memo::new(move |_| {
        linked_status(router)
            .as_deref()
            .map_or_else(FacetSet::default, named_statuses)
    });
    let table = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !named.get().is_empty() {
            // After the app has focused the new page's heading.
            request_animation_frame(move || show_first_named(table));
        }
    });
    view! {
        <CatalogueTable id="statuses" title="Job result statuses" headings=status_headings() node_ref=table>
            {StatusKey::ALL.iter().map(|&key| {
                let def = key.def();
                let is_named = move || named.with(|named| named.contains(key));
                view! {
                    <tr data-status=format!("{}-{}", def.code, def.state) aria-current=move || is_named().then_some("true")>
                        <td class="pb-numeric">{def.code}</td>
                        <td class="pb-numeric">{def.state}</td>
                        <th scope="row" tabindex=move || is_named().then_some("-1")>{def.name}</th>
                        <td><Badge tone=phase_tone(def.phase) label=def.phase.label() /></td>
                        <td>{def.description}</td>
                        {stated_oses().map(|os| view! { <td>{Applicability::label(def.applies.for_os(os))}</td> }).collect_view()}
                    </tr>
                }
            }).collect_view()}
        </CatalogueTable>
    }
}

#[component]
fn ExemptionCatalogue() -> impl IntoView {
    let warning = Warning::LowDiskSpace.entry();
    view! {
        <CatalogueTable id="exemptions" title="Endpoint exemptions and warnings" headings=vec!["Exemption", "Impact", "Meaning", "How to fix"]>
            {ExemptionKind::ALL.iter().map(|&kind| view! {
                <tr data-exemption=kind.name()>
                    <th scope="row">{kind.name()}</th>
                    <td><Badge tone=impact_tone(kind.impact()) label=kind.impact().label() /></td>
                    <td>{kind.meaning()}</td>
                    <td><Steps steps=kind.fix() /><OurAddition note=kind.entry().our_addition /></td>
                </tr>
            }).collect_view()}
            <tr data-warning="low-disk-space">
                <th scope="row">{warning.name}</th>
                <td><Badge tone=Tone::Waiting warning=true label="Warning" /></td>
                <td>{warning.meaning}</td>
                <td><Steps steps=warning.fix /><OurAddition note=warning.our_addition /></td>
            </tr>
        </CatalogueTable>
    }
}

/// Scrolls the first marked entry of `table` into view and focuses its name.
fn show_first_named(table: NodeRef<leptos::html::Div>) {
    let Some(table) = table.try_get_untracked().flatten() else {
        return;
    };
    if let Some(name) = html_element_in(&table, "tr[aria-current] th") {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = name.focus_with_options(&options);
        // In the middle: the entry with the rows and headings around it.
        scroll_into_view_at(&name, web_sys::ScrollLogicalPosition::Center);
    }
}

/// A catalogue's heading and table, its column headings and its rows. On a
/// narrow screen the table scrolls sideways on its own, not the whole page;
/// then, and only then, the region is a Tab stop so the keyboard can scroll
/// it too.
#[component]
fn CatalogueTable(
    id: &'static str,
    title: &'static str,
    headings: Vec<&'static str>,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Div>,
    children: Children,
) -> impl IntoView {
    let (scrolls, set_scrolls) = signal(false);
    node_ref.on_load(move |region| {
        let measured = region.clone();
        on_resize(&region, move || {
            set_scrolls.set(measured.scroll_width() > measured.client_width());
        });
    });
    view! {
        <h2 class="pb-section-title" id=id>{title}</h2>
        <div
            class="pb-reference-scroll"
            role="region"
            aria-labelledby=id
            tabindex=move || scrolls.get().then_some("0")
            node_ref=node_ref
        >
            <table class="pb-reference-table" aria-labelledby=id>
                <thead>
                    <tr>{headings.into_iter().map(|heading| view! { <th scope="col">{heading}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The status catalogue's columns: the status, then one per OS family it
/// states applicability for.
fn status_headings() -> Vec<&'static str> {
    let mut headings = vec!["Code", "State", "Status", "Phase", "Meaning"];
    headings.extend(stated_oses().map(OsFamily::label));
    headings
}

/// The OS families the catalogue states applicability for.
fn stated_oses() -> impl Iterator<Item = OsFamily> {
    OsFamily::ALL
        .into_iter()
        .filter(|os| *os != OsFamily::Other)
}

#[component]
fn Steps(steps: &'static [&'static str]) -> impl IntoView {
    view! { <ol class="pb-steps">{steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}</ol> }
}
