//! Where the keyboard focus is, and moving it by element id. When the
//! element with the focus is removed the focus falls back to the page, and
//! the keyboard starts over from its top: the app catches that and puts it
//! somewhere near.

use crate::ui::dom::{elements_in, html_element_in};
use leptos::prelude::{
    document, on_cleanup, request_animation_frame, window_event_listener_untyped, Effect,
    GetUntracked, GetValue, NodeRef, SetValue, StoredValue,
};
use wasm_bindgen::JsCast;

/// The app's main content, the skip link's target.
pub const MAIN_ID: &str = "pb-main";
/// The current page's heading.
pub const PAGE_TITLE_ID: &str = "pb-page-title";

/// The element with the focus, unless only the page has it.
pub fn focused_element() -> Option<web_sys::HtmlElement> {
    document()
        .active_element()
        .filter(|element| element.tag_name() != "BODY")
        .and_then(|element| element.dyn_into().ok())
}

/// No element has the focus, only the page.
pub fn focus_is_lost() -> bool {
    focused_element().is_none()
}

/// The links inside `root` whose `href` attribute is `href`, in document
/// order (a page may link one place twice: the header's tab and a page's
/// "All jobs").
pub fn links_to(root: &web_sys::Element, href: &str) -> Vec<web_sys::Element> {
    elements_in(root, "a[href]")
        .into_iter()
        .filter(|link| link.get_attribute("href").as_deref() == Some(href))
        .collect()
}

/// Focuses the `nth` link inside `root` to `href`; whether it took the focus
/// (a link out of sight cannot).
pub fn focus_link_in(root: &web_sys::Element, href: &str, nth: usize) -> bool {
    let Some(link) = links_to(root, href).into_iter().nth(nth) else {
        return false;
    };
    if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
    document().active_element().as_ref() == Some(&link)
}

/// Focuses the element with `id` when no element has the focus: after
/// what had it was removed.
pub fn focus_if_lost(id: &str) {
    if focus_is_lost() {
        focus_by_id(id);
    }
}

/// What takes the keyboard inside a list.
const CONTROLS: &str = "button, a[href], input, select";

/// Focuses the first control (button, link or field) inside the element
/// with `id` when no element has the focus: after what had it was removed.
pub fn focus_first_control_if_lost(id: &str) {
    if focus_is_lost() {
        focus_nth_control(id, 0);
    }
}

/// Focuses the `n`th control (from 0) inside the element with `id`, if it
/// has one.
pub fn focus_nth_control(id: &str, n: u32) {
    let control = document()
        .get_element_by_id(id)
        .and_then(|list| list.query_selector_all(CONTROLS).ok())
        .and_then(|controls| controls.item(n))
        .and_then(|control| control.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(control) = control {
        let _ = control.focus();
    }
}

/// Focuses the element with `id`, if the page has it.
pub fn focus_by_id(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// For a button in a table heading that lost the focus to nothing: when it
/// was because its column was left out (a narrower table), the button of the
/// nearest heading still shown takes the focus, to its left first, rather
/// than the keyboard starting over from the top of the page.
pub fn refocus_if_column_hidden(button: web_sys::HtmlElement) {
    leptos::prelude::request_animation_frame(move || {
        if !focus_is_lost() || button.offset_parent().is_some() {
            return;
        }
        let Some(heading) = button.parent_element() else {
            return;
        };
        let shown_button = |cell: &web_sys::Element| {
            html_element_in(cell, "button").filter(|button| button.offset_parent().is_some())
        };
        let left = std::iter::successors(heading.previous_element_sibling(), |cell| {
            cell.previous_element_sibling()
        });
        let right = std::iter::successors(heading.next_element_sibling(), |cell| {
            cell.next_element_sibling()
        });
        if let Some(button) = left.chain(right).find_map(|cell| shown_button(&cell)) {
            let _ = button.focus();
        }
    });
}

/// Whether the focus is in an element that may be removed under it (a
/// notice, a table's empty note), so that the removal can hand it on. The
/// mark stays through the element's own removal, which moves the focus to
/// no element; the focus moving on to another element takes it.
#[derive(Clone, Copy)]
pub struct FocusMark(StoredValue<bool>);

impl FocusMark {
    pub fn new() -> Self {
        FocusMark(StoredValue::new(false))
    }

    /// For the element's `focusin` (or `focus`).
    pub fn entered(self) {
        self.0.set_value(true);
    }

    /// For the element's `focusout`.
    pub fn left(self, event: &web_sys::FocusEvent) {
        if event.related_target().is_some() {
            self.0.set_value(false);
        }
    }

    /// Whether the focus was last in the element; false once it is gone
    /// with its owner.
    pub fn is_held(self) -> bool {
        self.0.try_get_value() == Some(true)
    }

    /// The focus has been handed on.
    pub fn clear(self) {
        self.0.set_value(false);
    }
}

/// The element `target` names if it is inside `container` (or is it), while
/// the container is on the page.
pub fn element_inside(
    container: NodeRef<leptos::html::Div>,
    target: Option<web_sys::EventTarget>,
) -> Option<web_sys::Element> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let container = container.try_get_untracked().flatten()?;
    container.contains(Some(&element)).then_some(element)
}

/// For a part of the page redrawn in place, which keeps the focus on what
/// had it: while the calling component lives, `focused` hears each move of
/// the focus (`focusin`) and `pressed` each pointer press in the window, and
/// `restore` runs after each redraw `redrawn` tracks, in the next frame,
/// once the browser has applied it.
pub fn keep_focus_across_redraws(
    focused: impl Fn(web_sys::Event) + 'static,
    pressed: impl Fn(web_sys::Event) + 'static,
    redrawn: impl Fn() + 'static,
    restore: impl Fn() + Copy + 'static,
) {
    let focus_moved = window_event_listener_untyped("focusin", focused);
    let pressed = window_event_listener_untyped("pointerdown", pressed);
    on_cleanup(move || {
        focus_moved.remove();
        pressed.remove();
    });
    Effect::new(move |_| {
        redrawn();
        request_animation_frame(restore);
    });
}
