use super::Segment;
use crate::domain::decimal::grouped;
use crate::domain::shortlist::{shortlist, LEAST_HIDDEN};
use crate::ui::focus::{focus_first_control_if_lost, focus_nth_control};
use crate::ui::printing::use_printing;
use leptos::html;
use leptos::prelude::*;

/// A breakdown that starts short (see [`shortlist`]) and opens on request,
/// so that the table under it starts within the first screen; printed, it
/// is whole.
#[derive(Clone, Copy)]
pub struct ShortList {
    /// What the chart draws.
    pub shown: Signal<Vec<Segment>>,
    all: Signal<Vec<Segment>>,
    short: Memo<(Vec<Segment>, usize)>,
    expanded: RwSignal<bool>,
    keep: usize,
    button: NodeRef<html::Button>,
}

impl ShortList {
    /// The first `keep` of `all`, and those of the rest in `selected`.
    pub fn new(all: Signal<Vec<Segment>>, selected: Signal<Vec<String>>, keep: usize) -> Self {
        let short = Memo::new(move |_| {
            let all = all.get();
            selected.with(|picked| shortlist(all, keep, |segment| picked.contains(&segment.key)))
        });
        let expanded = RwSignal::new(false);
        // Paper has no "Show all": a short list printed would pass for the
        // whole breakdown.
        let printing = use_printing();
        let shown = Signal::derive(move || {
            if expanded.get() || printing.get() {
                all.get()
            } else {
                short.with(|(shown, _)| shown.clone())
            }
        });
        ShortList {
            shown,
            all,
            short,
            expanded,
            keep,
            button: NodeRef::new(),
        }
    }

    /// Where in the whole list the first entry the short list leaves out
    /// stands: what "Show all" reveals first.
    fn first_revealed(&self) -> Option<usize> {
        self.short.with_untracked(|(shown, _)| {
            self.all.with_untracked(|all| {
                all.iter()
                    .position(|entry| !shown.iter().any(|kept| kept.key == entry.key))
            })
        })
    }

    /// `toggle`, and when the entry toggled leaves the short list (a picked
    /// one past the cut, unpicked), the focus goes to "Show all" rather
    /// than to the page's body with the entry.
    pub fn keeping_focus(self, toggle: Callback<String>) -> Callback<String> {
        Callback::new(move |key: String| {
            let leaves = !self.expanded.get_untracked()
                && self.all.with_untracked(|all| {
                    all.len() >= self.keep + LEAST_HIDDEN
                        && all
                            .iter()
                            .position(|entry| entry.key == key)
                            .is_some_and(|at| at >= self.keep)
                });
            toggle.run(key);
            if leaves {
                if let Some(button) = self.button.get_untracked() {
                    let _ = button.focus();
                }
            }
        })
    }
}

/// Shows the rest of a [`ShortList`], or shortens it again; absent while
/// the short form leaves nothing out.
#[component]
pub fn ShowAllButton(
    list: ShortList,
    /// What the list holds, plural: "exemptions".
    noun: &'static str,
    /// The id of the list it opens.
    controls: &'static str,
) -> impl IntoView {
    let expanded = list.expanded;
    let text = move || {
        if !expanded.get() {
            let total = list.all.with(Vec::len);
            format!("Show all {} {noun}", grouped(total as u64))
        } else if list.keep == 0 {
            format!("Hide the {noun}")
        } else {
            format!("Show fewer {noun}")
        }
    };
    let needed = Memo::new(move |_| list.short.with(|(_, hidden)| *hidden > 0));
    move || {
        needed.get().then(|| {
            // Taken away while focused (a refresh shortened the list): the
            // list's first entry takes the focus, not the page's body.
            on_cleanup(move || {
                request_animation_frame(move || focus_first_control_if_lost(controls))
            });
            view! {
                <button
                    type="button"
                    class="pb-button pb-button-quiet pb-show-all"
                    node_ref=list.button
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=controls
                    on:click=move |_| {
                        let opening = !expanded.get_untracked();
                        expanded.set(opening);
                        // The entries appear above the button: the keyboard
                        // goes on from the first of them, not past them all.
                        if let Some(first) = list.first_revealed().filter(|_| opening) {
                            request_animation_frame(move || focus_nth_control(controls, first as u32));
                        }
                    }
                >
                    {text}
                </button>
            }
        })
    }
}
