//! A page's counters as filters: a click on one lists what it counts.
//!
//! The counters count the whole job or fleet, so the view a counter asks
//! for drops every filter and the search before narrowing to its own; the
//! sort, the open record and what is not a filter (the run, the layout)
//! stay. A counter is pressed while the view is exactly that, and a second
//! click lists everything again.

/// A view whose page has counters that filter.
pub trait Counted: Clone + PartialEq {
    /// This view with no filter and no search: what the counters count.
    fn whole(&self) -> Self;

    /// Whether the view lists just what `narrow` keeps of the whole.
    fn lists_only(&self, narrow: fn(&mut Self)) -> bool {
        let mut only = self.whole();
        narrow(&mut only);
        only == *self
    }

    /// Lists just what `narrow` keeps of the whole, or the whole when the
    /// view already does.
    fn toggle_only(&mut self, narrow: fn(&mut Self)) {
        let pressed = self.lists_only(narrow);
        let mut next = self.whole();
        if !pressed {
            narrow(&mut next);
        }
        *self = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fleet::PatchOutlook;
    use crate::domain::phase::Phase;
    use crate::domain::view::assets::AssetView;
    use crate::domain::view::endpoints::{EndpointView, Layout};

    fn query(text: &str) -> Vec<(String, String)> {
        text.split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect()
    }

    fn asset_view(text: &str) -> AssetView {
        AssetView::from_query(&query(text))
    }

    fn failed(view: &mut AssetView) {
        view.phases.insert(Phase::Failed);
    }

    fn in_progress(view: &mut AssetView) {
        for phase in [Phase::Running, Phase::Waiting, Phase::Queued] {
            view.phases.insert(phase);
        }
    }

    #[test]
    fn a_counter_replaces_the_filters_and_search_and_keeps_the_rest() {
        let mut view =
            asset_view("q=web&status=2036-0&os=windows&anomalies=1&run=r-7&sort=asset&asset=a-3");
        view.toggle_only(failed);
        assert_eq!(
            view,
            asset_view("phase=failed&run=r-7&sort=asset&asset=a-3")
        );
        assert!(view.lists_only(failed));
        assert!(!view.lists_only(in_progress));
    }

    #[test]
    fn a_second_click_lists_everything_again() {
        let mut view = asset_view("phase=failed&sort=asset");
        assert!(view.lists_only(failed));
        view.toggle_only(failed);
        assert_eq!(view, asset_view("sort=asset"));
    }

    #[test]
    fn a_counter_is_not_pressed_while_another_filter_or_a_search_narrows_it() {
        assert!(!asset_view("phase=failed&os=linux").lists_only(failed));
        assert!(!asset_view("phase=failed&q=db").lists_only(failed));
        assert!(!asset_view("phase=failed,running").lists_only(failed));
        assert!(asset_view("phase=running,queued,waiting").lists_only(in_progress));
    }

    #[test]
    fn endpoint_counters_keep_the_layout() {
        fn cannot(view: &mut EndpointView) {
            view.outlooks.insert(PatchOutlook::CannotPatch);
        }
        let mut view = EndpointView::from_query(&query("layout=by-exemption&warnings=1&q=db"));
        view.toggle_only(cannot);
        assert_eq!(view.layout, Layout::ByExemption);
        assert!(!view.warnings_only && view.table.text.is_empty());
        assert!(view.outlooks.contains(PatchOutlook::CannotPatch) && view.outlooks.len() == 1);
    }
}
