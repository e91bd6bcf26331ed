//! The shell: header, navigation, and the page for the current route.

use super::carried_click::drop_presses_carried_into_a_new_page;
use super::clock::provide_clock;
use super::components::TitleSuffix;
use super::data::{
    provide_data_source, provide_kept_job, provide_refresh_pause, use_live, ResourceKind,
};
use super::focus::{focus_by_id, focus_if_lost, MAIN_ID, PAGE_TITLE_ID};
use super::page_visibility::provide_page_visibility;
use super::pages::{ExemptionsPage, JobListPage, JobProgressPage, NotFoundPage, ReferencePage};
use super::printing::provide_printing;
use super::router::{provide_router, LeftByLink, Link, Location, Route, Router, UrlMode};
use super::source_banner::{ConfigProblems, DemoNote, SourceBadge};
use super::theme::{provide_theme, ThemeToggle};
use crate::domain::endpoint::Endpoint;
use crate::domain::job::Job;
use leptos::prelude::*;

#[component]
pub fn App(url_mode: UrlMode, title_suffix: TitleSuffix) -> impl IntoView {
    provide_context(title_suffix);
    let router = provide_router(url_mode);
    let theme = provide_theme();
    provide_page_visibility();
    provide_printing();
    provide_clock();
    provide_data_source();
    provide_refresh_pause();
    // Only a change of route rebuilds the page; a change of query (a filter,
    // a keystroke, an open panel) must not refetch or re-render it.
    let route = Memo::new(move |_| router.route());
    keep_job_list(route);
    keep_endpoint_list(route);
    provide_kept_job();
    let root = NodeRef::<leptos::html::Div>::new();
    start_new_page_at_its_top(router, route, root);
    let (carried_mousedown, carried_click) = drop_presses_carried_into_a_new_page(route);
    let page = move || match route.get() {
        Route::Jobs => view! { <JobListPage /> }.into_any(),
        Route::Job { id } => view! { <JobProgressPage job_id=id /> }.into_any(),
        Route::Exemptions => view! { <ExemptionsPage /> }.into_any(),
        Route::Reference => view! { <ReferencePage /> }.into_any(),
        Route::NotFound { path } => view! { <NotFoundPage path=path /> }.into_any(),
    };

    view! {
        <div
            class="pb-app"
            node_ref=root
            data-theme=move || theme.get().attribute()
            on:mousedown:capture=carried_mousedown
            on:click:capture=carried_click
        >
            <a class="pb-skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
                "Skip to content"
            </a>
            <header class="pb-header">
                <span class="pb-brand">"Patchboard"</span>
                <nav class="pb-nav" aria-label="Main">
                    <NavLink route=Route::Jobs label="Jobs" />
                    <NavLink route=Route::Exemptions label="Endpoint exemptions" />
                    <NavLink route=Route::Reference label="Reference" />
                </nav>
                <div class="pb-header-tools">
                    <SourceBadge />
                    <ThemeToggle theme=theme />
                </div>
            </header>
            <main class="pb-main" id=MAIN_ID tabindex="-1">
                <ConfigProblems />
                <DemoNote />
                {page}
            </main>
        </div>
    }
}

/// The job list is shared: the job page takes its job's name from it.
/// Elsewhere nothing shows it, so its refresh waits (the list is kept, and
/// caught up on return if it has grown old).
fn keep_job_list(route: Memo<Route>) {
    let jobs = use_live::<Job>(ResourceKind::Jobs, || Some((None, None)));
    provide_context(jobs);
    Effect::new(move |_| {
        let shown = route.with(|route| matches!(route, Route::Jobs | Route::Job { .. }));
        jobs.status.shown.set(shown);
    });
}

/// The endpoint list is kept across pages as the job list is: a fleet of
/// 100,000 endpoints took seconds to fetch again at each return to Endpoint
/// Exemptions. It is first asked for when that page first shows.
fn keep_endpoint_list(route: Memo<Route>) {
    let shown = Memo::new(move |_| route.with(|route| matches!(route, Route::Exemptions)));
    let wanted = Memo::new(move |was: Option<&bool>| was == Some(&true) || shown.get());
    let endpoints = use_live::<Endpoint>(ResourceKind::Endpoints, move || {
        wanted.get().then_some((None, None))
    });
    provide_context(endpoints);
    Effect::new(move |_| endpoints.status.shown.set(shown.get()));
}

/// A main navigation entry, marked current on its own pages.
#[component]
fn NavLink(route: Route, label: &'static str) -> impl IntoView {
    let router = super::router::use_router();
    let target = route.clone();
    let is_current = move || match (&router.route(), &target) {
        (Route::Job { .. }, Route::Jobs) => true,
        (current, target) => current == target,
    };
    view! {
        // On the link itself: screen readers announce the state of the focused link.
        <span class="pb-nav-item">
            <Link to=Location::new(route) attr:aria-current=move || is_current().then_some("page")>
                {label}
            </Link>
        </span>
    }
}

/// A new page opens at its top, as a loaded page would. A link or Back that
/// changes the page also removes the element that had the focus, and the
/// keyboard would start over from the top of the document: give the focus
/// to the new page's heading instead, as a screen reader user expects. Not
/// on the first page, where the skip link comes first.
///
/// A page brought back by Back or Forward returns to where it was left
/// instead; its table, once its rows are in, does the same.
fn start_new_page_at_its_top(router: Router, route: Memo<Route>, root: NodeRef<leptos::html::Div>) {
    Effect::new(move |previous: Option<()>| {
        route.track();
        if previous.is_some() {
            let place = router.arrived_place();
            request_animation_frame(move || {
                router.forget_arrival();
                // Over the focus a record's details take as they open.
                let link = place.as_ref().and_then(|place| place.focused_link.as_ref());
                if !link.is_some_and(LeftByLink::refocus) {
                    focus_if_lost(PAGE_TITLE_ID);
                }
                if let Some(place) = place {
                    // After the focus, which scrolls to the heading.
                    place.restore_window();
                    return;
                }
                // Scrolled past, the new page would open halfway down, its
                // navigation out of view. Only the app's own top is
                // brought back: an embedding page is not scrolled further.
                if let Some(root) = root.get_untracked() {
                    if root.get_bounding_client_rect().top() < 0.0 {
                        root.scroll_into_view();
                    }
                }
            });
        }
    });
}

/// The skip link must not change the fragment, which holds the route.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    focus_by_id(MAIN_ID);
}
