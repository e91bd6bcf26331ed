//! Marks the catalogue text Patchboard wrote where JetPatch's left a gap, so
//! that an operator can tell the vendor's guidance from ours.

use leptos::prelude::*;

/// The entry's `our_addition` note, when it has one.
#[component]
pub fn OurAddition(note: Option<&'static str>) -> impl IntoView {
    note.map(|note| view! { <p class="pb-muted pb-our-addition" data-our-addition="">{note}</p> })
}
