//! Keeps the keyboard focus in the By exemption list across a refresh. The
//! groups are redrawn in place, place by place: without this, the chip with
//! the focus could come to name another endpoint, and one removed would drop
//! the focus to the page's top.

use crate::ui::components::is_in_a_panel;
use crate::ui::dom::{elements_in, html_element_in};
use crate::ui::focus::{element_inside, focused_element, keep_focus_across_redraws, MAIN_ID};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const GROUPS: &str = ":scope > details.pb-group";
const CHIPS: &str = ".pb-chip";
const SHOW_ALL: &str = "[data-show-all]";

/// Where the focus is in the list: its group, by name and place, and its
/// chip, by endpoint id and place, where a chip has it, or its "Show all"
/// button. No group: the list's empty note.
#[derive(Clone, Default)]
struct Spot {
    group: Option<(String, u32)>,
    chip: Option<(String, u32)>,
    show_all: bool,
}

/// Keeps the focus of `list` on what had it across the redraws `redrawn`
/// tracks, and a panel a chip opened closing: the same endpoint's chip in
/// the same group, else the chip now in its place, the group's heading, the
/// heading now in the group's place, or the empty note, in that order. The
/// focus the operator takes elsewhere is left there.
pub fn keep_group_focus(list: NodeRef<leptos::html::Div>, redrawn: impl Fn() + 'static) {
    let spot = StoredValue::new(None::<Spot>);
    keep_focus_across_redraws(
        move |event| {
            if !counts_as_the_operators(&event) {
                return;
            }
            let now = element_inside(list, event.target())
                .zip(list.try_get_untracked().flatten())
                .map(|(element, list)| spot_of(&list, &element));
            spot.set_value(now);
        },
        // A click puts the focus where the operator wants it, or on nothing
        // (the page's background, a group's text): none of it is taken back.
        // A control clicked takes its place again as it takes the focus.
        move |event| {
            let target = event.target().and_then(|target| target.dyn_into().ok());
            if !target.is_some_and(|element: web_sys::Element| is_in_a_panel(&element)) {
                spot.set_value(None);
            }
        },
        redrawn,
        move || {
            // try_: the list may be gone by the next frame ("Show all",
            // the layout switch).
            let (Some(Some(at)), Some(Some(list))) =
                (spot.try_get_value(), list.try_get_untracked())
            else {
                return;
            };
            // Main has it where the element that had it went away (a
            // closing panel's chip, removed by the refresh that closed it).
            let focused = focused_element().filter(|element| element.id() != MAIN_ID);
            if focused
                .as_ref()
                .is_some_and(|element| !list.contains(Some(element)))
            {
                return;
            }
            if let Some(target) = target_for(&list, &at, focused.as_ref()) {
                let _ = target.focus();
            }
        },
    );
}

/// Whether a move of the focus says where the operator has it: not into the
/// details a chip opened, nor to main as that panel closes with its chip
/// gone (the chip's place is kept, for the focus to come back to), nor back
/// from a closing dialog to the element that opened it, which a refresh may
/// since have redrawn as another endpoint's chip (the panel then puts the
/// focus where it belongs).
fn counts_as_the_operators(event: &web_sys::Event) -> bool {
    let target = event.target().and_then(|target| target.dyn_into().ok());
    if target
        .is_some_and(|element: web_sys::Element| is_in_a_panel(&element) || element.id() == MAIN_ID)
    {
        return false;
    }
    let from_closed_panel = event
        .dyn_ref::<web_sys::FocusEvent>()
        .and_then(|focus| focus.related_target())
        .and_then(|from| from.dyn_into::<web_sys::Element>().ok())
        .and_then(|from| from.closest("dialog.pb-panel").ok().flatten())
        .is_some_and(|panel| !panel.has_attribute("open"));
    !from_closed_panel
}

fn spot_of(list: &web_sys::Element, element: &web_sys::Element) -> Spot {
    let Some(group) = element.closest("details.pb-group").ok().flatten() else {
        return Spot::default();
    };
    let place = |all: Vec<web_sys::Element>, of: &web_sys::Element| {
        all.iter().position(|one| one == of).unwrap_or(0) as u32
    };
    let name = group.get_attribute("data-group").unwrap_or_default();
    let chip = element.matches(CHIPS).unwrap_or(false).then(|| {
        let id = element.get_attribute("data-endpoint").unwrap_or_default();
        (id, place(elements_in(&group, CHIPS), element))
    });
    Spot {
        group: Some((name, place(elements_in(list, GROUPS), &group))),
        chip,
        show_all: element.matches(SHOW_ALL).unwrap_or(false),
    }
}

/// What takes the focus back for `spot`, unless `focused` already is it.
fn target_for(
    list: &web_sys::Element,
    spot: &Spot,
    focused: Option<&web_sys::HtmlElement>,
) -> Option<web_sys::HtmlElement> {
    let groups = elements_in(list, GROUPS);
    let by_name = spot.group.as_ref().and_then(|(name, _)| {
        groups
            .iter()
            .find(|group| group.get_attribute("data-group").as_deref() == Some(name))
    });
    let heading = |group: &web_sys::Element| html_element_in(group, "summary");
    let holds_focus =
        |element: &web_sys::Element| focused.is_some_and(|focused| element.contains(Some(focused)));
    let target = match (by_name, &spot.chip) {
        (Some(group), Some((id, at))) => {
            let chips = elements_in(group, CHIPS);
            let same = chips
                .iter()
                .find(|chip| chip.get_attribute("data-endpoint").as_deref() == Some(id));
            let in_place = chips.get((*at as usize).min(chips.len().saturating_sub(1)));
            match same.or(in_place) {
                Some(chip) => chip.clone().dyn_into().ok(),
                None => heading(group),
            }
        }
        // A heading or a button of a group still listed: where it is now.
        (Some(group), None) if holds_focus(group) => None,
        (Some(group), None) => spot
            .show_all
            .then(|| html_element_in(group, SHOW_ALL))
            .flatten()
            .or_else(|| heading(group)),
        (None, _) => {
            let place = spot.group.as_ref().map_or(0, |(_, at)| *at as usize);
            match groups.get(place.min(groups.len().saturating_sub(1))) {
                Some(group) => heading(group),
                None => html_element_in(list, ".pb-table-empty"),
            }
        }
    }?;
    (focused != Some(&target)).then_some(target)
}
