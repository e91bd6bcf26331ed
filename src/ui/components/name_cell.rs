//! A record's name in its table cell.

use crate::domain::name_cut::name_cut;
use leptos::prelude::*;

/// The name, whole on hover. A host label longer than the column holds is
/// cut where the rows of one fleet still tell themselves apart (see
/// [`name_cut`]): the domain gives way first, then the label's start, never
/// its end.
///
/// The cut parts are drawn from `data-text` by CSS, with no text of their
/// own: as boxes of text, a screen reader and the row's name would read a
/// space between them ("vmss 00000a"). The name itself stays one text, read
/// out and copied whole, and hidden from sight; the browser's find and a
/// double-click do not reach the drawn parts, which is why shorter names,
/// most of which fit, are left as text.
#[component]
pub fn NameCell(name: String) -> impl IntoView {
    let parts = name_cut(&name).map(|cut| {
        let rest = (!cut.rest.is_empty()).then(|| cut.rest.to_owned());
        (cut.start.to_owned(), cut.kept.to_owned(), rest)
    });
    match parts {
        Some((start, kept, rest)) => {
            let title = name.clone();
            view! {
                <span class="pb-name-cut" title=title>
                    <span class="pb-visually-hidden">{name}</span>
                    <span class="pb-name-start" data-text=start aria-hidden="true"></span>
                    <span class="pb-name-kept" data-text=kept aria-hidden="true"></span>
                    {rest.map(|rest| view! {
                        <span class="pb-name-rest" data-text=rest aria-hidden="true"></span>
                    })}
                </span>
            }
            .into_any()
        }
        // dir=auto: a right-to-left name is cut at its end, on the left,
        // not at its start, where it is told apart from its neighbours.
        None => {
            let title = name.clone();
            view! { <span class="pb-truncate" dir="auto" title=title>{name}</span> }.into_any()
        }
    }
}
