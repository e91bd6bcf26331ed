//! Each exemption and warning with its count, meaning and fix, expandable to
//! its endpoints.

use super::group_focus::keep_group_focus;
use super::FleetData;
use crate::domain::decimal::{counted, grouped, Noun};
use crate::domain::view::endpoints::Layout;
use crate::domain::view::no_match_text;
use crate::domain::view::reason_groups::{reason_groups, without_reason, GroupNotes, GroupReason};
use crate::ui::components::{Badge, OurAddition, Tone};
use crate::ui::tone::impact_tone;
use crate::ui::view_state::History;
use leptos::either::Either;
use leptos::prelude::*;

/// Endpoints listed inside one group; the table shows them all.
const LISTED_PER_GROUP: usize = 50;

#[component]
pub fn ByExemption(data: FleetData) -> impl IntoView {
    let groups = Memo::new(move |_| {
        data.table
            .rows
            .with(|rows| data.table.order.with(|order| reason_groups(rows, order)))
    });
    // Endpoints without a reason, all listed, and the groups' entries, for
    // the notes around the groups.
    let notes = Memo::new(move |_| {
        let (reasonless, listed) = data.table.rows.with(|rows| {
            data.table
                .order
                .with(|order| (without_reason(rows, order), order.len()))
        });
        let entries = groups.with(|groups| groups.iter().map(|(_, members)| members.len()).sum());
        GroupNotes::new(listed, reasonless, entries)
    });
    // No group: nothing matches at all, as the table would say, or what
    // matches has nothing to group by.
    let url = data.table.url;
    let no_match = data.status.empty_text(Noun::ENDPOINTS, move || {
        url.view.with(|view| no_match_text(view, Noun::ENDPOINTS))
    });
    let empty_text = move || {
        notes
            .with(|notes| notes.empty.clone())
            .unwrap_or_else(|| no_match.get())
    };
    // An empty list is announced by the row count once a load has ended
    // well; what the count does not say (nothing listed has a reason) is.
    let loaded = data.status.has_loaded();
    let announced_empty = move || {
        let repeats_count = loaded.get() && notes.with(|notes| notes.empty.is_none());
        (!repeats_count).then_some("status")
    };
    let list = NodeRef::new();
    keep_group_focus(list, move || {
        groups.track();
        data.table.selected.track();
    });
    view! {
        {move || notes.with(|notes| notes.ungrouped.clone()).map(|text| view! { <p class="pb-muted" data-ungrouped="">{text}</p> })}
        {move || notes.with(|notes| notes.overlap.clone()).map(|text| view! { <p class="pb-muted" data-overlap="">{text}</p> })}
        <div class="pb-list" data-layout="by-exemption" node_ref=list>
            {move || groups.get().into_iter().map(|(reason, members)| {
                let count = members.len();
                let listed: Vec<ListedEndpoint> = data.table.items.with_untracked(|endpoints| {
                    members.iter().take(LISTED_PER_GROUP).map(|&index| {
                        let endpoint = &endpoints[index as usize];
                        ListedEndpoint { index, id: endpoint.id.clone(), name: endpoint.name.clone() }
                    }).collect()
                });
                view! { <ReasonGroup reason=reason count=count listed=listed data=data /> }
            }).collect_view()}
            <Show when=move || groups.with(|g| g.is_empty())>
                // Focusable from the script only: a refresh that empties the
                // list gives it the focus its groups had.
                <p class="pb-table-empty" role=announced_empty tabindex="-1">{empty_text}</p>
            </Show>
        </div>
    }
}

/// An endpoint a group lists by name.
struct ListedEndpoint {
    /// Its data index, to open it.
    index: u32,
    id: String,
    name: String,
}

#[component]
fn ReasonGroup(
    reason: GroupReason,
    count: usize,
    listed: Vec<ListedEndpoint>,
    data: FleetData,
) -> impl IntoView {
    let url = data.table.url;
    let more = count.saturating_sub(listed.len());
    let (tone, label, is_warning) = match reason.impact() {
        Some(impact) => (impact_tone(impact), impact.label(), false),
        None => (Tone::Waiting, WARNING_LABEL, true),
    };
    let name = reason.name().to_owned();
    let (exemption, warning) = match reason {
        GroupReason::Warning(_) => (None, Some(name.clone())),
        _ => (Some(name.clone()), None),
    };
    // Open by the view, not by the element: a search or a refresh that
    // reorders the groups redraws them in place.
    let key = StoredValue::new(name.clone());
    let group_name = name.clone();
    let open =
        Signal::derive(move || key.with_value(|key| url.view.with(|v| v.is_group_open(key))));
    let on_toggle = move |event: leptos::ev::Event| {
        let now_open = event_target::<web_sys::Element>(&event).has_attribute("open");
        if now_open != open.get_untracked() {
            url.update(History::Replace, |v| {
                key.with_value(|key| v.set_group_open(key, now_open))
            });
        }
    };
    view! {
        <details class="pb-group" data-group=group_name data-exemption=exemption data-warning=warning prop:open=open on:toggle=on_toggle>
            <summary>
                <strong>{name.clone()}</strong>
                <Badge tone=tone label=label warning=is_warning />
                <span class="pb-numeric">{counted(count as u64, Noun::ENDPOINTS)}</span>
            </summary>
            <div>
                <p>{reason.meaning()}</p>
                <FixSteps steps=reason.fix() of=name our_addition=reason.our_addition() />
                <ul class="pb-chips">
                    {listed.into_iter().map(|ListedEndpoint { index, id, name }| view! {
                        <li>
                            <button
                                type="button"
                                class="pb-chip"
                                // Found again by the panel it opens, after a
                                // refresh redrew the chips in place.
                                data-opener=format!("{:?} {id:?}", key.get_value())
                                data-endpoint=id
                                // Keyed on click: only then is the scan over the fleet worth it.
                                on:click=move |_| data.table.open(index)
                            >
                                <bdi>{name}</bdi>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
                {(more > 0).then(|| view! {
                    <button
                        type="button"
                        class="pb-button"
                        data-show-all=""
                        // The other filters and the search stay: the table
                        // lists the group's own endpoints, as many as it says.
                        on:click=move |_| url.update(History::Push, |v| {
                            v.reason = Some(reason.clone());
                            v.layout = Layout::Table;
                        })
                    >
                        {format!("Show all {} in the table", grouped(count as u64))}
                    </button>
                })}
            </div>
        </details>
    }
}

/// How a warning is badged: shown beside exemptions, but in neither impact
/// class; the vendor says it can still stop a patch from installing.
pub const WARNING_LABEL: &str = "Warning: may stop patching";

/// The ordered steps that clear an exemption or a warning.
#[component]
pub fn FixSteps(
    steps: &'static [&'static str],
    /// What they clear, read out with the heading: the page lists several.
    of: String,
    /// Under the panel's section heading (an h4) rather than in the page's
    /// list of groups (an h3).
    #[prop(optional)]
    in_panel: bool,
    /// The catalogue's note of what Patchboard wrote where JetPatch's text
    /// left a gap.
    our_addition: Option<&'static str>,
) -> impl IntoView {
    let heading =
        move || view! { "How to fix" <span class="pb-visually-hidden">{format!(" {of}")}</span> };
    view! {
        <div data-fix="">
            {if in_panel {
                Either::Left(view! { <h4 class="pb-field-label">{heading()}</h4> })
            } else {
                Either::Right(view! { <h3 class="pb-field-label">{heading()}</h3> })
            }}
            <ol class="pb-steps">
                {steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}
            </ol>
            <OurAddition note=our_addition />
        </div>
    }
}
