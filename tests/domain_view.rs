//! The tables' views: URL state, filter over a sorted list, export.

#[path = "support/csv.rs"]
mod csv_reader;
use csv_reader::parse;
use patchboard::domain::asset::{count_text, AssetResult, PatchCounts, RawStatus};
use patchboard::domain::csv::BYTE_ORDER_MARK;
use patchboard::domain::derive::{DerivationPolicy, MaintenanceReported};
use patchboard::domain::endpoint::{
    ConnectorState, Drive, Endpoint, MaintenanceSchedule, MaintenanceWindow, UnreadableFacts,
};
use patchboard::domain::exemption::{ExemptionKind, Impact, Warning};
use patchboard::domain::fleet::PatchOutlook;
use patchboard::domain::job::Job;
use patchboard::domain::os::OsFamily;
use patchboard::domain::phase::Phase;
use patchboard::domain::status::StatusKey;
use patchboard::domain::table::{Direction, SortSpec, TextQuery};
use patchboard::domain::time::Timestamp;
use patchboard::domain::view::assets::{
    asset_rows, assets_csv, AssetColumn, AssetRow, AssetView, JobNames,
};
use patchboard::domain::view::endpoints::{
    endpoint_rows, endpoints_csv, next_window_text, EndpointColumn, EndpointRow, EndpointView,
    Layout, WindowState,
};
use patchboard::domain::view::jobs::{JobColumn, JobView};
use patchboard::domain::view::reason_groups::{
    reason_groups, without_reason, GroupNotes, GroupReason,
};
use patchboard::domain::view::url_state::with_left_out;
use patchboard::domain::view::{FacetToken, HoldsTable, TableColumn, TableView, ToQuery};

/// The assets' export in one piece, as the page's parts join.
fn whole_assets_csv(
    results: &[AssetResult],
    rows: &[AssetRow],
    order: &[u32],
    stuck_cutoff: Timestamp,
) -> String {
    let job = JobNames {
        id: "job-7",
        name: "Patch Tuesday",
        run: None,
    };
    assets_csv(job, results, rows, order, stuck_cutoff, usize::MAX).collect()
}

/// The export of the test fleet's first asset for `job`.
fn first_asset_csv(job: JobNames) -> String {
    let results = fleet();
    let rows = asset_rows(&results, "job", None);
    let cutoff = Timestamp::from_millis(0);
    assets_csv(job, &results, &rows, &[0], cutoff, usize::MAX).collect()
}

/// The endpoints' export in one piece, as the page's parts join.
fn whole_endpoints_csv(
    endpoints: &[Endpoint],
    rows: &[EndpointRow],
    order: &[u32],
    reported: MaintenanceReported,
) -> String {
    endpoints_csv(endpoints, rows, order, reported, usize::MAX).collect()
}

fn result(id: &str, name: &str, os: &str, code: u16, state: u8, at: i64) -> AssetResult {
    AssetResult {
        asset_id: id.into(),
        asset_name: name.into(),
        os: os.into(),
        status: RawStatus {
            code: Some(code),
            state: Some(state),
            name: None,
            ..RawStatus::default()
        },
        status_time: Some(Timestamp::from_millis(at)),
        ..AssetResult::default()
    }
}

fn fleet() -> Vec<AssetResult> {
    vec![
        result("a", "host-10", "Windows Server 2022", 2036, 0, 3_000),
        result("b", "host-2", "Ubuntu 22.04", 2031, 1, 1_000),
        result("c", "=cmd|' /C calc'!A0", "Windows 11", 2046, 0, 2_000),
        result("d", "host-1", "Windows Server 2019", 2036, 0, 4_000),
    ]
}

fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_view_survives_the_round_trip_through_the_url() {
    let view = AssetView::from_query(&pairs(&[
        ("status", "2036-0,2031-1"),
        ("phase", "failed"),
        ("anomalies", "1"),
        ("stuck", "1"),
        ("q", "host 1"),
        ("sort", "-asset,updated"),
        ("asset", "d"),
    ]));
    assert!(view.statuses.contains(StatusKey::Completed));
    assert!(view.statuses.contains(StatusKey::Downloaded));
    assert!(view.phases.contains(Phase::Failed));
    assert!(view.anomalies_only);
    assert!(view.stuck_only);
    assert_eq!(view.table.sort.keys()[0].column, AssetColumn::Asset);
    assert_eq!(view.table.sort.keys()[0].direction, Direction::Desc);
    assert_eq!(view.table.selected.as_deref(), Some("d"));
    assert_eq!(AssetView::from_query(&written(&view)), view);
}

fn written(view: &impl ToQuery) -> Vec<(String, String)> {
    view.to_query()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

#[test]
fn open_groups_are_kept_by_name_and_only_in_the_grouped_layout() {
    let mut view = EndpointView::from_query(&pairs(&[("group", "Connector Down")]));
    assert!(
        view.open_groups.is_empty(),
        "the table layout has no groups"
    );
    view.layout = Layout::ByExemption;
    view.set_group_open("Connector Down", true);
    view.set_group_open("Powered Off", true);
    view.set_group_open("Connector Down", false);
    assert!(view.is_group_open("Powered Off") && !view.is_group_open("Connector Down"));
    assert_eq!(EndpointView::from_query(&written(&view)), view);
    view.layout = Layout::Table;
    assert!(!written(&view).iter().any(|(key, _)| key == "group"));
}

#[test]
fn an_exemptions_view_survives_the_round_trip_through_the_url() {
    let view = EndpointView::from_query(&pairs(&[
        ("layout", "by-exemption"),
        ("impact", &PatchOutlook::CannotPatch.url_token()),
        ("exemption", &ExemptionKind::ConnectorDown.url_token()),
        ("os", &OsFamily::Windows.url_token()),
        ("warnings", "1"),
        ("q", "web"),
        ("sort", "-disk"),
        ("endpoint", "ep-2#2"),
        ("group", "Low Disk Space"),
        ("group", "Connector Down"),
        ("group", "Low Disk Space"),
    ]));
    assert_eq!(view.layout, Layout::ByExemption);
    assert_eq!(view.open_groups, ["Connector Down", "Low Disk Space"]);
    assert!(view.outlooks.contains(PatchOutlook::CannotPatch));
    assert!(view.exemptions.contains(ExemptionKind::ConnectorDown));
    assert!(view.oses.contains(OsFamily::Windows));
    assert!(view.warnings_only);
    assert_eq!(view.table.text, "web");
    assert_eq!(view.table.sort.keys()[0].column, EndpointColumn::Disk);
    assert_eq!(view.table.sort.keys()[0].direction, Direction::Desc);
    assert_eq!(view.table.selected.as_deref(), Some("ep-2#2"));
    assert_eq!(EndpointView::from_query(&written(&view)), view);
}

#[test]
fn a_links_filter_values_that_name_nothing_are_listed_as_left_out() {
    let job_link = pairs(&[
        ("status", "2036-0,9999"),
        ("phase", "failed,bogus"),
        ("os", "zz"),
        ("q", "anything"),
        ("sort", "-asset,colour,-shade,status"),
    ]);
    assert_eq!(
        AssetView::unknown_filters(&job_link),
        [
            "status=9999",
            "phase=bogus",
            "os=zz",
            "sort=colour",
            "sort=-shade"
        ]
    );
    let view = AssetView::from_query(&job_link);
    assert_eq!(view.statuses.len(), 1, "the known status is kept");
    assert_eq!(view.phases.len(), 1, "the known phase is kept");

    let fleet_link = pairs(&[
        ("impact", "temporarily"),
        ("exemption", "connector-down"),
        ("os", ""),
        ("sort", "-disk,"),
    ]);
    assert_eq!(
        EndpointView::unknown_filters(&fleet_link),
        ["impact=temporarily"]
    );
    assert_eq!(
        EndpointView::unknown_filters(&pairs(&[("sort", "bogus")])),
        ["sort=bogus"]
    );
    // A layout the page does not have opens the table, and says so.
    let odd_layout = pairs(&[("layout", "weird")]);
    assert_eq!(EndpointView::unknown_filters(&odd_layout), ["layout=weird"]);
    assert_eq!(EndpointView::from_query(&odd_layout).layout, Layout::Table);
    for known in ["table", "by-exemption"] {
        assert!(EndpointView::unknown_filters(&pairs(&[("layout", known)])).is_empty());
    }
    assert!(AssetView::unknown_filters(&pairs(&[("status", "2036-0")])).is_empty());
    assert_eq!(
        JobView::left_out(&pairs(&[("sort", "-job,bogus"), ("q", "x")])),
        ["sort=bogus"]
    );
}

#[test]
fn an_empty_record_or_run_in_a_link_opens_nothing() {
    let view = AssetView::from_query(&pairs(&[("asset", ""), ("run", "")]));
    assert_eq!(view.table.selected, None);
    assert_eq!(view.run, None);
    let view = EndpointView::from_query(&pairs(&[("endpoint", "")]));
    assert_eq!(view.table.selected, None);
    let view = AssetView::from_query(&pairs(&[("asset", "a-4")]));
    assert_eq!(view.table.selected.as_deref(), Some("a-4"));
}

#[test]
fn a_switch_reads_the_words_a_hand_written_link_uses_and_reports_others() {
    let job_link = |value: &str| pairs(&[("anomalies", value), ("stuck", value)]);
    for on in ["1", "true", "YES", "on"] {
        let view = AssetView::from_query(&job_link(on));
        assert!(view.anomalies_only && view.stuck_only, "{on}");
        assert!(AssetView::unknown_filters(&job_link(on)).is_empty());
    }
    for off in ["0", "false", "No"] {
        let view = AssetView::from_query(&job_link(off));
        assert!(!view.anomalies_only && !view.stuck_only, "{off}");
        assert!(
            AssetView::unknown_filters(&job_link(off)).is_empty(),
            "{off}"
        );
    }
    assert_eq!(
        AssetView::unknown_filters(&job_link("maybe")),
        ["anomalies=maybe", "stuck=maybe"]
    );
    let fleet_link = pairs(&[("warnings", "true")]);
    assert!(EndpointView::from_query(&fleet_link).warnings_only);
    assert_eq!(
        EndpointView::unknown_filters(&pairs(&[("warnings", "2")])),
        ["warnings=2"]
    );
    // Written back as the views write it.
    assert_eq!(
        written(&AssetView::from_query(&job_link("true"))),
        pairs(&[("anomalies", "1"), ("stuck", "1")])
    );
    assert_eq!(AssetView::from_query(&pairs(&[("run", "")])).run, None);
}

#[test]
fn a_chart_pick_never_contradicts_an_earlier_one() {
    let mut view = AssetView::default();
    view.toggle_phase(Phase::Running);
    // Downloading - Failed is a failure: the Running pick gives way.
    view.toggle_status(StatusKey::DownloadingFailed);
    assert!(view.phases.is_empty());
    assert!(view.statuses.contains(StatusKey::DownloadingFailed));
    // A status the phase filter admits keeps it.
    view.toggle_phase(Phase::Failed);
    view.toggle_status(StatusKey::TimedOut);
    assert!(view.phases.contains(Phase::Failed));
    assert_eq!(view.statuses.len(), 2);
    // A phase picked drops the statuses it would hide; unpicked, it drops none.
    view.toggle_status(StatusKey::Completed);
    assert!(view.phases.is_empty(), "Completed is not a failure");
    view.toggle_phase(Phase::Succeeded);
    assert_eq!(
        view.statuses.iter().collect::<Vec<_>>(),
        [StatusKey::Completed]
    );
    view.toggle_phase(Phase::Succeeded);
    assert_eq!(view.statuses.len(), 1);
}

#[test]
fn a_link_about_one_host_opens_the_exemptions_searching_for_it_alone() {
    let view = EndpointView::searching("WIN-SQL-FRA-0012");
    assert_eq!(written(&view), pairs(&[("q", "WIN-SQL-FRA-0012")]));
    assert_eq!(EndpointView::from_query(&written(&view)), view);
}

#[test]
fn the_job_search_finds_every_word_the_list_shows() {
    let job = |id: &str, platform: &str, status: &str, schedule: &str| Job {
        id: id.into(),
        name: format!("{id} rollout"),
        platform: Some(platform.into()),
        status: Some(status.into()),
        schedule: Some(schedule.into()),
        ..Job::default()
    };
    let jobs = [
        job("alpha", "Windows", "Running", "Weekly"),
        job("beta", "Linux", "Completed", "Once"),
    ];
    let found = |text: &str| {
        let mut view = JobView::default();
        view.table_mut().text = text.into();
        view.apply(&jobs)
    };
    assert_eq!(found("weekly"), [0], "the schedule");
    assert_eq!(found("linux"), [1], "the platform");
    assert_eq!(found("completed"), [1], "the status");
    assert_eq!(found("beta rollout"), [1], "the name");
}

#[test]
fn a_job_list_view_survives_the_round_trip_and_opens_no_record_in_place() {
    let view = JobView::from_query(&pairs(&[
        ("q", "patch tuesday"),
        ("sort", "failed,-job"),
        ("job", "j-1"),
    ]));
    assert_eq!(view.table.text, "patch tuesday");
    assert_eq!(view.table.sort.keys()[0].column, JobColumn::Failed);
    assert_eq!(view.table.sort.keys()[1].column, JobColumn::Job);
    assert_eq!(view.table.sort.keys()[1].direction, Direction::Desc);
    assert_eq!(view.table.selected, None, "a job opens its own page");
    assert_eq!(
        written(&view),
        pairs(&[("q", "patch tuesday"), ("sort", "failed,-job")])
    );
    assert_eq!(JobView::from_query(&written(&view)), view);
}

#[test]
fn a_view_as_it_opens_writes_nothing_to_the_url() {
    assert_eq!(written(&AssetView::default()), Vec::new());
    assert_eq!(written(&EndpointView::default()), Vec::new());
    assert_eq!(written(&JobView::default()), Vec::new());
    let mut spaces = EndpointView::default();
    spaces.table.text = "   ".into();
    assert_eq!(
        written(&spaces),
        pairs(&[("q", "   ")]),
        "a search of spaces alone is kept in the URL as typed"
    );
}

fn assert_tokens_name_their_columns<C: TableColumn + std::fmt::Debug>() {
    for &column in C::ALL {
        assert_eq!(C::from_token(column.token()), Some(column));
        assert!(!column.label().is_empty());
    }
    let mut tokens: Vec<&str> = C::ALL.iter().map(|column| column.token()).collect();
    tokens.sort_unstable();
    tokens.dedup();
    assert_eq!(tokens.len(), C::ALL.len(), "every token names one column");
    assert_eq!(C::from_token("Asset"), None, "tokens are exact");
}

#[test]
fn every_column_is_named_by_its_own_url_token() {
    assert_tokens_name_their_columns::<AssetColumn>();
    assert_tokens_name_their_columns::<EndpointColumn>();
    assert_tokens_name_their_columns::<JobColumn>();
}

#[test]
fn the_exemptions_filter_combines_the_search_with_each_facet() {
    let endpoint = |id: &str, name: &str, connector| Endpoint {
        id: id.into(),
        name: name.into(),
        os: "Windows Server 2022".into(),
        connector: Some(connector),
        ..Endpoint::default()
    };
    let endpoints = vec![
        endpoint("1", "web-01", ConnectorState::Down),
        endpoint("2", "web-02", ConnectorState::Connected),
        endpoint("3", "db-01", ConnectorState::Down),
    ];
    let rows = endpoint_rows(
        &endpoints,
        Timestamp::from_millis(0),
        &DerivationPolicy::default(),
    );
    let sorted = [2, 1, 0];
    let mut view = EndpointView::default();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        sorted,
        "no filter keeps all, in order"
    );

    view.exemptions = [ExemptionKind::ConnectorDown].into_iter().collect();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![2, 0]
    );
    view.table.text = "WEB".into();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![0],
        "the search is case-blind"
    );
    view.exemptions = Default::default();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![1, 0]
    );
    view.oses = [OsFamily::Linux].into_iter().collect();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        Vec::<u32>::new()
    );
    // The words of the Impact badge find what the Impact filter picks.
    view.oses = Default::default();
    view.table.text = "temporarily".into();
    let by_search = view.filter(&rows, &sorted, Timestamp::from_millis(0));
    view.table.text = String::new();
    view.outlooks = [PatchOutlook::TemporarilyCannotPatch].into_iter().collect();
    let by_impact = view.filter(&rows, &sorted, Timestamp::from_millis(0));
    assert!(
        !by_impact.is_empty(),
        "fixture: a connector down holds patching back for now"
    );
    assert_eq!(
        by_search, by_impact,
        "the search finds the Impact column's words"
    );
}

#[test]
fn a_cell_names_the_cause_of_the_impact_and_the_exemption_its_row_was_filtered_for() {
    // Down and without a schedule: Connector Down is temporary, and so is
    // Maintenance Window Required; Unknown Endpoint cannot patch.
    let endpoints = vec![Endpoint {
        id: "1".into(),
        name: "web-01".into(),
        os: "Windows Server 2022".into(),
        connector: Some(ConnectorState::Down),
        ..Endpoint::default()
    }];
    let rows = endpoint_rows(
        &endpoints,
        Timestamp::from_millis(0),
        &DerivationPolicy::default(),
    );
    let names = |view: &EndpointView| -> (Vec<&str>, usize) {
        let (names, named) = view.cell_exemptions(&rows[0].derived);
        (names.into_iter().map(|(name, _)| name).collect(), named)
    };
    let unfiltered = EndpointView::default();
    let worst_first: Vec<&str> = rows[0]
        .derived
        .names_worst_first()
        .map(|(name, _)| name)
        .collect();
    assert!(
        worst_first.len() >= 2,
        "the endpoint has several exemptions: {worst_first:?}"
    );
    assert_eq!(
        names(&unfiltered),
        (worst_first.clone(), 1),
        "no filter: worst first, the worst named"
    );

    let last = *worst_first.last().unwrap();
    let kind = ExemptionKind::ALL
        .into_iter()
        .find(|kind| kind.name() == last)
        .unwrap();
    let filtered = EndpointView {
        exemptions: [kind].into_iter().collect(),
        ..EndpointView::default()
    };
    let (listed, named) = names(&filtered);
    assert_eq!(
        (listed[0], listed[1], named),
        (worst_first[0], last, 2),
        "the cause of the impact, then the filtered exemption, both named"
    );
    assert_eq!(
        listed[2..],
        worst_first[1..worst_first.len() - 1],
        "the rest keep their order"
    );
    let worst = ExemptionKind::from_name(worst_first[0]).unwrap();
    let filtered_for_the_worst = EndpointView {
        exemptions: [worst].into_iter().collect(),
        ..EndpointView::default()
    };
    assert_eq!(
        names(&filtered_for_the_worst),
        (worst_first.clone(), 1),
        "filtered for the worst: named once"
    );
    let clean = patchboard::domain::derive::Derived::default();
    assert_eq!(unfiltered.cell_exemptions(&clean), (vec![], 0));
}

#[test]
fn the_grouped_layout_lists_warnings_after_exemptions_and_follows_the_filters() {
    let endpoint = |name: &str, connector, used_percent| Endpoint {
        id: name.into(),
        name: name.into(),
        os: "Windows Server 2022".into(),
        connector: Some(connector),
        drives: vec![Drive {
            name: "C:".into(),
            used_percent,
        }],
        ..Endpoint::default()
    };
    let endpoints = vec![
        endpoint("down-and-full", ConnectorState::Down, 95.0),
        endpoint("full", ConnectorState::Connected, 91.0),
        endpoint("down", ConnectorState::Down, 10.0),
        endpoint("fine", ConnectorState::Connected, 50.0),
    ];
    let now = Timestamp::from_millis(0);
    let rows = endpoint_rows(&endpoints, now, &DerivationPolicy::default());
    let sorted = [3, 2, 1, 0];
    // None has a maintenance schedule, so all four need a window.
    let no_window = GroupReason::Exemption(ExemptionKind::MaintenanceWindowRequired);
    let down = GroupReason::Exemption(ExemptionKind::ConnectorDown);
    let low_disk = GroupReason::Warning(Warning::LowDiskSpace);
    assert_eq!(
        reason_groups(&rows, &sorted),
        vec![
            (no_window.clone(), vec![3, 2, 1, 0]),
            (down.clone(), vec![2, 0]),
            (low_disk.clone(), vec![1, 0])
        ],
        "exemptions largest first, then warnings; each group in the listed \
         order; an endpoint under each of its reasons"
    );

    let view = EndpointView {
        warnings_only: true,
        ..EndpointView::default()
    };
    let with_warnings = view.filter(&rows, &sorted, now);
    assert_eq!(
        reason_groups(&rows, &with_warnings),
        vec![
            (no_window, vec![1, 0]),
            (down, vec![0]),
            (low_disk, vec![1, 0])
        ],
        "only with warnings: the warning has its group beside the exemptions"
    );
    assert_eq!(
        reason_groups(&rows, &[]),
        vec![],
        "nothing listed, no group"
    );

    let mut scheduled = endpoint("scheduled", ConnectorState::Connected, 50.0);
    scheduled.maintenance = Some(MaintenanceSchedule {
        name: "Any time".into(),
        windows: vec![MaintenanceWindow {
            start: now,
            end: Timestamp::from_millis(3_600_000),
        }],
        last_window_ran_out: false,
    });
    let mut with_clean = endpoints.clone();
    with_clean.push(scheduled);
    let rows = endpoint_rows(&with_clean, now, &DerivationPolicy::default());
    assert_eq!(
        without_reason(&rows, &[4, 3, 2]),
        1,
        "only the one in a window, without a full drive"
    );
    assert_eq!(without_reason(&rows, &[3, 2]), 0);
}

#[test]
fn the_grouped_layout_says_what_its_groups_leave_out_and_count_twice() {
    assert_eq!(
        GroupNotes::new(0, 0, 0),
        GroupNotes::default(),
        "nothing listed: the no-match text"
    );
    assert_eq!(
        GroupNotes::new(1, 1, 0).empty.as_deref(),
        Some("The endpoint listed has no exemption or warning.")
    );
    assert_eq!(
        GroupNotes::new(1_200, 1_200, 0).empty.as_deref(),
        Some("None of the 1,200 endpoints listed has an exemption or a warning.")
    );
    let some_without = GroupNotes::new(10, 1, 9);
    assert_eq!(some_without.empty, None);
    assert_eq!(
        some_without.ungrouped.as_deref(),
        Some(
            "1 of the 10 endpoints listed has no exemption or warning, so no group below lists it."
        )
    );
    assert_eq!(some_without.overlap, None, "one entry each");
    let overlapping = GroupNotes::new(10, 3, 9);
    assert_eq!(
        overlapping.ungrouped.as_deref(),
        Some("3 of the 10 endpoints listed have no exemption or warning, so no group below lists them.")
    );
    assert_eq!(
        overlapping.overlap.as_deref(),
        Some("An endpoint with more than one exemption or warning is under each: the groups list 9 entries for 7 endpoints.")
    );
}

#[test]
fn a_window_is_open_from_its_start_until_its_end_and_the_panel_says_until_when() {
    let at = |hours: i64| Timestamp::from_millis(hours * 3_600_000);
    let window = |start, end| MaintenanceWindow {
        start: at(start),
        end: at(end),
    };
    let schedule = MaintenanceSchedule {
        name: "Nightly".into(),
        // Out of order, and two overlapping at hour 11.
        windows: vec![window(30, 32), window(10, 12), window(11, 14), window(1, 2)],
        last_window_ran_out: false,
    };
    let state = |hour| WindowState::at(&schedule, at(hour));
    assert_eq!(state(0), WindowState::Ahead { start: at(1) });
    assert_eq!(
        state(2),
        WindowState::Ahead { start: at(10) },
        "closed at its end"
    );
    assert_eq!(
        state(10),
        WindowState::Open { until: at(12) },
        "open at its start"
    );
    assert_eq!(
        state(11),
        WindowState::Open { until: at(14) },
        "the longest of two"
    );
    assert_eq!(state(14), WindowState::Ahead { start: at(30) });
    assert_eq!(state(32), WindowState::NoneAhead);
    assert_eq!(
        WindowState::Open { until: at(14) }.describe(),
        format!("open now, until {}", at(14).format_utc())
    );
    assert_eq!(
        WindowState::Ahead { start: at(30) }.describe(),
        at(30).format_utc()
    );
    assert_eq!(WindowState::NoneAhead.describe(), "none ahead");
}

#[test]
fn malformed_url_values_are_dropped_not_fatal() {
    let view = AssetView::from_query(&pairs(&[
        ("status", "9999-9,9999,2031-x,-"),
        ("sort", "nonsense"),
        ("phase", "<script>"),
    ]));
    assert!(view.statuses.is_empty());
    assert!(view.phases.is_empty());
    assert_eq!(view, AssetView::default());
}

#[test]
fn a_status_code_alone_in_the_url_names_each_status_with_that_code() {
    let statuses = |token: &str| {
        let view = AssetView::from_query(&pairs(&[("status", token)]));
        view.statuses.iter().collect::<Vec<_>>()
    };
    assert_eq!(statuses("2057"), vec![StatusKey::ExecutionBlocked]);
    let both = statuses("2031");
    assert_eq!(both.len(), 2, "2031 carries two states: {both:?}");
    assert!(both.iter().all(|key| key.def().code == 2031));
    assert_eq!(
        statuses("2057,2036-0"),
        vec![StatusKey::Completed, StatusKey::ExecutionBlocked]
    );
}

#[test]
fn sorting_lists_only_records_that_have_rows() {
    let results = fleet();
    let rows = asset_rows(&results, "Patch Tuesday", None);
    let by_name = patchboard::domain::table::SortSpec::by(AssetColumn::Asset, Direction::Desc);
    // host-10 and host-2: whichever list is the shorter, only both together are sorted.
    assert_eq!(AssetView::sorted(&results[..2], &rows, &by_name), [0, 1]);
    assert_eq!(AssetView::sorted(&results, &rows[..2], &by_name), [0, 1]);
}

#[test]
fn resorting_after_any_header_click_gives_what_a_fresh_sort_gives() {
    let results = fleet();
    let rows = asset_rows(&results, "Patch Tuesday", None);
    let mut sort = AssetView::default().table.sort;
    let mut order = AssetView::sorted(&results, &rows, &sort);
    // Second clicks reverse the order they start from; the others sort again.
    for column in [
        AssetColumn::Status,
        AssetColumn::Status,
        AssetColumn::Status,
        AssetColumn::Asset,
        AssetColumn::Asset,
        AssetColumn::Phase,
        AssetColumn::Updated,
        AssetColumn::Updated,
    ] {
        let before = sort.clone();
        sort.click(column);
        order = AssetView::resorted(&results, &rows, &order, &before, &sort);
        assert_eq!(order, AssetView::sorted(&results, &rows, &sort), "{sort:?}");
    }
}

/// A first click shows first what an operator looks for: the fullest drive,
/// the worst impact, the most failures; names and times start ascending.
#[test]
fn a_first_header_click_puts_the_worst_first_where_bigger_is_worse() {
    let first_click = |mut sort: patchboard::domain::table::SortSpec<EndpointColumn>,
                       column: EndpointColumn| {
        sort.click_from(column, column.first_direction());
        sort.primary().map(|key| (key.column, key.direction))
    };
    let sort = EndpointView::default().table.sort;
    assert_eq!(
        first_click(sort.clone(), EndpointColumn::Disk),
        Some((EndpointColumn::Disk, Direction::Desc))
    );
    assert_eq!(
        first_click(sort.clone(), EndpointColumn::Endpoint),
        Some((EndpointColumn::Endpoint, Direction::Asc))
    );
    assert_eq!(
        first_click(sort.clone(), EndpointColumn::LastSeen),
        Some((EndpointColumn::LastSeen, Direction::Asc))
    );
    let mut by_disk = sort;
    by_disk.click_from(EndpointColumn::Disk, Direction::Desc);
    by_disk.click_from(EndpointColumn::Disk, Direction::Desc);
    assert_eq!(
        by_disk.primary().map(|key| key.direction),
        Some(Direction::Asc),
        "a second click flips it"
    );
    assert_eq!(AssetColumn::Failed.first_direction(), Direction::Desc);
    assert_eq!(AssetColumn::Succeeded.first_direction(), Direction::Asc);
    assert_eq!(JobColumn::Failed.first_direction(), Direction::Desc);
    assert_eq!(JobColumn::Job.first_direction(), Direction::Asc);
}

#[test]
fn filtering_keeps_the_sort_order_and_flags_anomalies() {
    let results = fleet();
    let rows = asset_rows(&results, "Patch Tuesday", None);
    assert!(rows[1].is_anomalous(), "Downloaded does not apply to Linux");
    assert!(!rows[0].is_anomalous());

    let mut view = AssetView::default();
    view.table.sort = patchboard::domain::table::SortSpec::by(AssetColumn::Asset, Direction::Asc);
    let sorted = AssetView::sorted(&results, &rows, &view.table.sort);
    assert_eq!(
        sorted,
        vec![2, 3, 1, 0],
        "natural order: =cmd…, host-1, host-2, host-10"
    );

    view.table.text = "host".into();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![3, 1, 0]
    );
    view.statuses.insert(StatusKey::Completed);
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![3, 0]
    );
    view.statuses = Default::default();
    view.table.text = "Completed · 2036".into();
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![3, 0],
        "the status as its column shows it, code and all"
    );
    view.table.text = String::new();
    view.anomalies_only = true;
    assert_eq!(
        view.filter(&rows, &sorted, Timestamp::from_millis(0)),
        vec![1]
    );
}

#[test]
fn a_failed_patch_number_finds_the_assets_it_failed_on_not_those_it_succeeded_on() {
    let mut results = fleet();
    results[2].failed_patches = vec!["KB5034441".into(), "KB5034122".into()];
    results[0].succeeded_patches = vec!["KB5034441".into()];
    let rows = asset_rows(&results, "Patch Tuesday", None);
    let order: Vec<u32> = (0..results.len() as u32).collect();
    let mut view = AssetView::default();
    view.table.text = "kb5034441".into();
    assert_eq!(
        view.filter(&rows, &order, Timestamp::from_millis(0)),
        vec![2]
    );
    view.table.text = "KB5034122 calc".into();
    assert_eq!(
        view.filter(&rows, &order, Timestamp::from_millis(0)),
        vec![2],
        "with the other terms, as any part of the row"
    );
    view.table.text = "KB5034441KB5034122".into();
    assert!(
        view.filter(&rows, &order, Timestamp::from_millis(0))
            .is_empty(),
        "no term matches across two patch numbers"
    );
    // The export shows what the search matched, and its Message what the
    // Message column shows where the status gives none.
    let csv = whole_assets_csv(&results, &rows, &[2], Timestamp::from_millis(0));
    assert_eq!(csv_column(&csv, "Failed patches"), ["KB5034441; KB5034122"]);
    assert_eq!(
        csv_column(&csv, "Message"),
        ["Failed: KB5034441; KB5034122"]
    );
}

/// The values of the column headed `name` in an exported CSV, record by record.
fn csv_column(csv: &str, name: &str) -> Vec<String> {
    let records = parse(csv.strip_prefix(BYTE_ORDER_MARK).unwrap());
    let at = records[0].iter().position(|h| h == name).unwrap();
    records[1..]
        .iter()
        .map(|record| record[at].clone())
        .collect()
}

#[test]
fn the_message_column_names_the_failed_patches_where_no_message_says_why() {
    let mut results = fleet();
    // Job Failed has no message of its own; Pending Reboot has one.
    results[2].failed_patches = vec!["KB5034441".into(), "KB5034122".into()];
    results[1] = result("b", "host-2", "Windows 11", 2034, 0, 1_000);
    results[1].failed_patches = vec!["KB5034441".into()];
    let rows = asset_rows(&results, "Patch Tuesday", None);
    assert_eq!(
        rows[2].message_column(),
        Some("Failed: KB5034441; KB5034122")
    );
    assert!(
        rows[2].message.is_none(),
        "the panel's message stays the status's own"
    );
    let pending_message = rows[1].message.as_deref();
    assert!(
        pending_message.is_some(),
        "fixture: Pending Reboot has a message"
    );
    assert_eq!(
        rows[1].message_column(),
        pending_message,
        "a message wins over the patches"
    );
    assert_eq!(
        rows[0].message_column(),
        None,
        "nothing failed, nothing to say"
    );

    // Sorting by the column sorts by what it shows: the blank rows last.
    let by_message = patchboard::domain::table::SortSpec::by(AssetColumn::Message, Direction::Asc);
    let sorted = AssetView::sorted(&results, &rows, &by_message);
    assert_eq!(
        &sorted[..2],
        &[2, 1],
        "\"Failed: …\" sorts before \"Waiting …\""
    );
}

#[test]
fn a_search_for_a_failed_patch_shows_that_patch_first_in_the_message_column() {
    let mut results = fleet();
    // Timed Out with a reason has a message of its own; Job Failed has none.
    results[1] = result("b", "host-2", "Windows 11", 2037, 0, 1_000);
    results[1].facts.timeout_reason = Some("another_job_running".into());
    results[1].failed_patches = vec!["KB5038156".into(), "KB5038000".into()];
    results[2].failed_patches = vec!["KB5038156".into(), "KB5034122".into(), "KB5038000".into()];
    let rows = asset_rows(&results, "Patch Tuesday", None);
    assert!(
        rows[1].message.is_some(),
        "fixture: Timed Out with a reason has a message"
    );
    let shown = |row: usize, search: &str| {
        rows[row]
            .message_column_for(&results[row].failed_patches, &TextQuery::parse(search))
            .map(|text| text.into_owned())
    };
    assert_eq!(
        shown(1, "kb5038000").as_deref(),
        Some("Failed: KB5038000; KB5038156"),
        "the patch searched for, in place of the message"
    );
    assert_eq!(
        shown(2, "host 8000").as_deref(),
        Some("Failed: KB5038000; KB5038156; KB5034122")
    );
    assert_eq!(
        shown(1, "host-2").as_deref(),
        rows[1].message.as_deref(),
        "a search that finds no patch leaves the message"
    );
    assert_eq!(shown(2, "").as_deref(), rows[2].message_column());
    // Sorted by Message, the column keeps the text it is sorted by: the
    // search does not sort again, so a rewritten message would look unsorted.
    let mut view = AssetView::default();
    view.table.text = "kb5038000".into();
    let searched = |view: &AssetView| {
        rows[1]
            .message_column_for(&results[1].failed_patches, &view.message_query())
            .map(|text| text.into_owned())
    };
    assert_eq!(
        searched(&view).as_deref(),
        Some("Failed: KB5038000; KB5038156")
    );
    view.table.sort = SortSpec::by(AssetColumn::Message, Direction::Desc);
    assert_eq!(searched(&view).as_deref(), rows[1].message.as_deref());
    assert_eq!(
        shown(0, "kb5038000"),
        None,
        "nothing failed, nothing to say"
    );
    // Of patches that share words, the one holding the most terms comes first.
    results[2].failed_patches = vec![
        "macOS Security Update 2025-019".into(),
        "macOS Security Update 2025-005".into(),
    ];
    let rows = asset_rows(&results, "Patch Tuesday", None);
    assert_eq!(
        rows[2]
            .message_column_for(
                &results[2].failed_patches,
                &TextQuery::parse("macos security update 2025-005")
            )
            .as_deref(),
        Some("Failed: macOS Security Update 2025-005; macOS Security Update 2025-019")
    );
}

#[test]
fn the_search_finds_the_words_of_the_phase_badge() {
    // Completed's phase is Succeeded, a word its name lacks.
    let results = fleet();
    let rows = asset_rows(&results, "Patch Tuesday", None);
    let order: Vec<u32> = (0..results.len() as u32).collect();
    let mut view = AssetView::default();
    let found = |view: &AssetView| view.filter(&rows, &order, Timestamp::from_millis(0));
    view.table.text = "succeeded".into();
    assert_eq!(found(&view), vec![0, 3], "Completed assets, by their phase");
    view.table.text = "succeeded failed".into();
    assert!(found(&view).is_empty(), "no term matches across two parts");
}

#[test]
fn the_stuck_filter_keeps_unfinished_assets_unchanged_since_the_cutoff() {
    use patchboard::domain::progress::stuck_cutoff;
    const HOUR: i64 = 60 * 60 * 1000;
    let now = 100 * HOUR;
    let results = vec![
        // Downloaded (running), one millisecond more than 4 h ago: stuck.
        result(
            "old-running",
            "h1",
            "Windows 11",
            2031,
            1,
            now - 4 * HOUR - 1,
        ),
        // Pending Reboot (waiting), exactly 4 h ago: not yet.
        result("at-threshold", "h2", "Windows 11", 2034, 0, now - 4 * HOUR),
        // Completed long ago: final, never stuck.
        result("old-final", "h3", "Windows 11", 2036, 0, 0),
        // Job Received (queued), recent.
        result("new-queued", "h4", "Windows 11", 2055, 1, now - 1_000),
        // A status code outside the catalogue, long unchanged: not final, so stuck.
        result("old-unknown", "h5", "Windows 11", 9999, 0, 0),
    ];
    let rows = asset_rows(&results, "job", None);
    let sorted = [0, 1, 2, 3, 4];
    let mut view = AssetView::default();
    let cutoff = stuck_cutoff(Timestamp::from_millis(now), 4);
    assert_eq!(cutoff, Timestamp::from_millis(now - 4 * HOUR));
    assert_eq!(
        view.filter(&rows, &sorted, cutoff),
        sorted,
        "off, it keeps all"
    );
    view.stuck_only = true;
    assert_eq!(view.filter(&rows, &sorted, cutoff), vec![0, 4]);
    let a_moment_later = stuck_cutoff(Timestamp::from_millis(now + 1), 4);
    assert_eq!(
        view.filter(&rows, &sorted, a_moment_later),
        vec![0, 1, 4],
        "time moves rows in"
    );
    let longer_threshold = stuck_cutoff(Timestamp::from_millis(now), 8);
    assert_eq!(
        view.filter(&rows, &sorted, longer_threshold),
        vec![4],
        "a longer threshold keeps fewer"
    );

    let mut undated = results[0].clone();
    undated.status_time = None;
    assert!(
        !asset_rows(&[undated], "job", None)[0]
            .progress
            .is_stuck(cutoff),
        "no status time, nothing to judge by"
    );
}

#[test]
fn the_default_sort_shows_the_newest_changes_first() {
    let results = fleet();
    let rows = asset_rows(&results, "job", None);
    let sorted = AssetView::sorted(&results, &rows, &AssetView::default().table.sort);
    assert_eq!(sorted, vec![3, 0, 2, 1]);
}

#[test]
fn the_stuck_filter_lists_the_longest_stuck_first_unless_another_order_was_chosen() {
    let oldest_first = SortSpec::by(AssetColumn::Updated, Direction::Asc);
    let by_name = SortSpec::by(AssetColumn::Asset, Direction::Asc);
    // Turns the stuck filter to `on` from `before`, as a click does.
    let turned = |before: &AssetView, on: bool| {
        let mut after = before.clone();
        after.stuck_only = on;
        after.follow_change(before);
        after
    };
    let stuck = turned(&AssetView::default(), true);
    assert_eq!(stuck.table.sort, oldest_first);
    assert_eq!(
        turned(&stuck, false).table.sort,
        AssetView::default().table.sort,
        "off again, the newest changes come first again"
    );

    let mut chosen = AssetView::default();
    chosen.table.sort = by_name.clone();
    let stuck_by_name = turned(&chosen, true);
    assert_eq!(stuck_by_name.table.sort, by_name);
    assert_eq!(turned(&stuck_by_name, false).table.sort, by_name);

    // A change that leaves the filter as it was leaves the order too.
    let mut searched = stuck.clone();
    searched.table.text = "web".to_owned();
    searched.table.sort = AssetView::default().table.sort;
    let before = searched.clone();
    searched.follow_change(&before);
    assert_eq!(searched.table.sort, AssetView::default().table.sort);
}

#[test]
fn csv_export_leaves_the_job_name_blank_where_it_would_only_repeat_the_id() {
    let csv = first_asset_csv(JobNames {
        id: "job-7",
        name: "job-7",
        run: Some("run-3"),
    });
    assert_eq!(csv_column(&csv, "Job"), [""]);
    assert_eq!(csv_column(&csv, "Job ID"), ["job-7"]);
    assert_eq!(csv_column(&csv, "Run ID"), ["run-3"]);
}

#[test]
fn an_export_of_a_chosen_run_names_the_run_in_its_file_and_rows() {
    let job = |run| JobNames {
        id: "job-7",
        name: "Patch Tuesday",
        run,
    };
    assert_eq!(job(None).file_stem(), "patch-tuesday-assets");
    assert_eq!(job(Some("7")).file_stem(), "patch-tuesday-run-7-assets");
    assert_eq!(job(Some("Run 2")).file_stem(), "patch-tuesday-run-2-assets");
    assert_eq!(
        csv_column(&first_asset_csv(job(None)), "Run ID"),
        [""],
        "blank for the backend's latest run"
    );
}

#[test]
fn csv_export_follows_the_view_and_neutralises_formulas() {
    let results = fleet();
    let rows = asset_rows(&results, "job", None);
    let csv = whole_assets_csv(&results, &rows, &[2, 1], Timestamp::from_millis(0));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}Asset ID,Asset,OS,Status,Status code,State,Phase"));
    assert!(lines[1].starts_with("c,'=cmd|' /C calc'!A0,Windows 11,Job Failed,2046,0,Failed"));
    assert!(lines[2].starts_with("b,host-2,Ubuntu 22.04,Downloaded,2031,1,Running"));
    assert!(lines[0].ends_with(",Stuck,Status applies to OS,Job,Job ID,Run ID"));
    assert!(
        lines[2].ends_with(",no,Patch Tuesday,job-7,"),
        "the anomaly is exported, the job named"
    );
    assert!(lines[1].ends_with(",yes,Patch Tuesday,job-7,"));
    assert_eq!(lines.len(), 4, "header, two rows, and the final CRLF");

    // Nothing can be said of a status that did not resolve, nor on an OS
    // the catalogue does not cover.
    let mut others = vec![
        result("u", "odd-1", "Windows 11", 9999, 0, 1_000),
        result("o", "odd-2", "Plan 9", 2031, 1, 1_000),
    ];
    others[0].status.name = Some("Frobnicated".into());
    let rows = asset_rows(&others, "job", None);
    let csv = whole_assets_csv(&others, &rows, &[0, 1], Timestamp::from_millis(0));
    assert_eq!(csv_column(&csv, "Status applies to OS"), ["", "not stated"]);
}

/// The export says what the table's stuck filter and the Reference say:
/// the state the status is catalogued with, and whether the asset is stuck
/// at the page's cutoff, blank where there is nothing to judge by.
#[test]
fn csv_export_gives_each_status_its_state_and_says_which_assets_are_stuck() {
    let mut results = fleet();
    results.push(result("e", "host-no-time", "Windows 11", 2031, 1, 0));
    results[4].status_time = None;
    // Named only: the state comes from the catalogue, not the backend.
    results[1].status = RawStatus {
        code: None,
        state: None,
        name: Some("Downloaded".into()),
        ..RawStatus::default()
    };
    let rows = asset_rows(&results, "job", None);
    let order = [0, 1, 4];
    let csv = whole_assets_csv(&results, &rows, &order, Timestamp::from_millis(1_500));
    assert_eq!(csv_column(&csv, "State"), ["0", "1", "1"]);
    assert_eq!(
        csv_column(&csv, "Stuck"),
        ["no", "yes", ""],
        "a final asset is never stuck; one with no status time cannot be judged"
    );
    let earlier = whole_assets_csv(&results, &rows, &order, Timestamp::from_millis(500));
    assert_eq!(csv_column(&earlier, "Stuck"), ["no", "no", ""]);
}

/// "0 failed" is a fact an operator acts on: a count the backend did not
/// send is blank in the export, a dash in the table, and sorts last.
#[test]
fn patch_counts_the_backend_did_not_send_are_never_zero() {
    let mut results = vec![
        result("a", "counted", "Windows 11", 2036, 0, 1_000),
        result("b", "unreported", "Windows 11", 2036, 0, 1_000),
        result("c", "partly", "Windows 11", 2036, 0, 1_000),
    ];
    results[0].patches = PatchCounts::known(3, 0, 1, 0, 4);
    results[2].patches.failed = Some(2);
    let rows = asset_rows(&results, "job", None);
    let csv = whole_assets_csv(&results, &rows, &[0, 1, 2], Timestamp::from_millis(0));
    let lines: Vec<Vec<&str>> = csv
        .split("\r\n")
        .map(|line| line.split(',').collect())
        .collect();
    let column = |name: &str| lines[0].iter().position(|h| h.ends_with(name)).unwrap();
    let counts = |line: &[&str]| {
        [
            "Succeeded",
            "Failed",
            "Superseded",
            "Not applicable",
            "Patches in the job",
        ]
        .map(|name| line[column(name)].to_owned())
    };
    assert_eq!(counts(&lines[1]), ["3", "0", "1", "0", "4"]);
    assert_eq!(counts(&lines[2]), ["", "", "", "", ""]);
    assert_eq!(counts(&lines[3]), ["", "2", "", "", ""]);
    assert_eq!(count_text(results[1].patches.failed), "—");
    assert_eq!(count_text(results[0].patches.failed), "0");
    for direction in [Direction::Asc, Direction::Desc] {
        let by_failed = patchboard::domain::table::SortSpec::by(AssetColumn::Failed, direction);
        let sorted = AssetView::sorted(&results, &rows, &by_failed);
        assert_eq!(
            sorted[2], 1,
            "{direction:?}: the unreported count is last in {sorted:?}"
        );
    }
}

#[test]
fn the_endpoint_export_gives_the_open_or_next_window_with_both_its_ends() {
    let at = |hours: i64| Timestamp::from_millis(hours * 3_600_000);
    let scheduled = |name: &str, windows: &[(i64, i64)]| Endpoint {
        id: name.into(),
        name: name.into(),
        os: "Windows Server 2022".into(),
        maintenance: Some(MaintenanceSchedule {
            name: "Nightly".into(),
            windows: windows
                .iter()
                .map(|&(start, end)| MaintenanceWindow {
                    start: at(start),
                    end: at(end),
                })
                .collect(),
            last_window_ran_out: false,
        }),
        ..Endpoint::default()
    };
    let endpoints = vec![
        scheduled("open", &[(9, 11), (20, 22)]),
        scheduled("ahead", &[(1, 2), (20, 22)]),
        scheduled("over", &[(1, 2)]),
    ];
    let rows = endpoint_rows(&endpoints, at(10), &DerivationPolicy::default());
    let lines = exported(&endpoints, &rows, &[0, 1, 2]);
    let column = |name: &str| lines[0].iter().position(|header| header == name).unwrap();
    let (start, end) = (column("Window start (UTC)"), column("Window end (UTC)"));
    let window = |line: usize| (lines[line][start].as_str(), lines[line][end].as_str());
    let rfc3339 = |hours| at(hours).to_rfc3339();
    assert_eq!(
        window(1),
        (&*rfc3339(9), &*rfc3339(11)),
        "open: its start has passed, its end not"
    );
    assert_eq!(window(2), (&*rfc3339(20), &*rfc3339(22)), "the next one");
    assert_eq!(window(3), ("", ""), "none ahead");
}

#[test]
fn the_endpoint_export_names_the_fullest_drive_beside_its_use() {
    let drive = |name: &str, used_percent: f64| Drive {
        name: name.into(),
        used_percent,
    };
    let endpoint = |id: &str, drives: Vec<Drive>| Endpoint {
        id: id.into(),
        name: id.into(),
        os: "Windows 11".into(),
        drives,
        ..Endpoint::default()
    };
    let endpoints = vec![
        endpoint("two", vec![drive("C:", 40.0), drive("D:", 97.5)]),
        endpoint("unreadable", vec![drive("C:", 12.0), drive("E:", f64::NAN)]),
        endpoint("none", vec![]),
    ];
    let rows = endpoint_rows(
        &endpoints,
        Timestamp::from_millis(0),
        &DerivationPolicy::default(),
    );
    let lines = exported(&endpoints, &rows, &[0, 1, 2]);
    let column = |name: &str| lines[0].iter().position(|header| header == name).unwrap();
    let (name, used) = (column("Fullest drive"), column("Fullest drive (% used)"));
    let fullest: Vec<(&str, &str)> = lines[1..]
        .iter()
        .map(|line| (line[name].as_str(), line[used].as_str()))
        .collect();
    assert_eq!(fullest, [("D:", "97.5"), ("C:", "12.0"), ("", "")]);
}

#[test]
fn the_endpoint_export_lists_exemptions_worst_first_as_the_table_does() {
    // Catalogue order puts the window first; its impact puts it second.
    let endpoint = Endpoint {
        id: "e1".into(),
        name: "e1".into(),
        os: "Windows 11".into(),
        pending_user_action: true,
        ..Endpoint::default()
    };
    let endpoints = vec![endpoint];
    let rows = endpoint_rows(
        &endpoints,
        Timestamp::from_millis(0),
        &DerivationPolicy::default(),
    );
    let record = &exported(&endpoints, &rows, &[0])[1];
    assert_eq!(
        record[4],
        "Pending User Action; Maintenance Window Required"
    );
    // Each one's fix on its own line, in the same order.
    let fixes: Vec<&str> = record[5].lines().collect();
    assert_eq!(fixes.len(), 2, "{fixes:?}");
    let numbered = |kind: ExemptionKind| {
        let steps: Vec<String> = (kind.fix().iter().enumerate())
            .map(|(at, step)| format!("{}. {step}", at + 1))
            .collect();
        format!("{}: {}", kind.name(), steps.join(" "))
    };
    assert_eq!(fixes[0], numbered(ExemptionKind::PendingUserAction));
    assert_eq!(fixes[1], numbered(ExemptionKind::MaintenanceWindowRequired));
}

#[test]
fn the_endpoint_export_gives_the_fix_written_for_the_endpoints_os() {
    let unsupported = |id: &str, os: &str| Endpoint {
        id: id.into(),
        name: id.into(),
        os: os.into(),
        os_supported: Some(false),
        ..Endpoint::default()
    };
    let endpoints = vec![
        unsupported("linux", "CentOS 6"),
        unsupported("windows", "Windows Server 2008"),
    ];
    let rows = endpoint_rows(
        &endpoints,
        Timestamp::from_millis(0),
        &DerivationPolicy::default(),
    );
    let records = exported(&endpoints, &rows, &[0, 1]);
    let fixes = |record: &[String]| {
        let line = record[5]
            .lines()
            .find(|line| line.starts_with("Patching Inapplicable"));
        line.expect("a Patching Inapplicable fix").to_owned()
    };
    let (linux, windows) = (fixes(&records[1]), fixes(&records[2]));
    assert!(!linux.contains("Windows"), "{linux}");
    assert!(windows.contains("Windows Update"), "{windows}");
}

/// The export's records, read back as a spreadsheet reads them.
fn exported(endpoints: &[Endpoint], rows: &[EndpointRow], order: &[u32]) -> Vec<Vec<String>> {
    exported_as(endpoints, rows, order, MaintenanceReported::ALL)
}

fn exported_as(
    endpoints: &[Endpoint],
    rows: &[EndpointRow],
    order: &[u32],
    reported: MaintenanceReported,
) -> Vec<Vec<String>> {
    let csv = whole_endpoints_csv(endpoints, rows, order, reported);
    parse(
        csv.strip_prefix(BYTE_ORDER_MARK)
            .expect("a byte order mark"),
    )
}

#[test]
fn the_next_window_is_not_reported_where_the_mapping_has_no_windows() {
    let named = Endpoint {
        maintenance: Some(MaintenanceSchedule {
            name: "Nightly".into(),
            ..MaintenanceSchedule::default()
        }),
        ..Endpoint::default()
    };
    let unscheduled = Endpoint::default();
    let now = Timestamp::from_millis(0);
    let names_only = MaintenanceReported {
        schedules: true,
        windows: false,
    };
    let nothing = MaintenanceReported {
        schedules: false,
        windows: false,
    };
    let texts =
        |reported| [&named, &unscheduled].map(|endpoint| next_window_text(endpoint, reported, now));
    assert_eq!(
        texts(MaintenanceReported::ALL),
        ["none ahead", "none ahead"]
    );
    assert_eq!(texts(names_only), ["not reported", "none ahead"]);
    assert_eq!(texts(nothing), ["not reported", "not reported"]);
}

#[test]
fn the_export_names_a_schedule_as_the_table_does() {
    let endpoints = vec![
        Endpoint {
            id: "unread".into(),
            unreadable: UnreadableFacts {
                maintenance: true,
                ..UnreadableFacts::default()
            },
            ..Endpoint::default()
        },
        Endpoint {
            id: "none".into(),
            ..Endpoint::default()
        },
        // Only a ran-out flag implied a schedule.
        Endpoint {
            id: "flag".into(),
            maintenance: Some(MaintenanceSchedule {
                last_window_ran_out: true,
                ..MaintenanceSchedule::default()
            }),
            ..Endpoint::default()
        },
    ];
    let now = Timestamp::from_millis(0);
    let rows = endpoint_rows(&endpoints, now, &DerivationPolicy::default());
    let schedules = |reported| -> Vec<String> {
        let records = exported_as(&endpoints, &rows, &[0, 1, 2], reported);
        let at = records[0]
            .iter()
            .position(|name| name == "Maintenance schedule")
            .expect("a schedule column");
        records[1..]
            .iter()
            .map(|record| record[at].clone())
            .collect()
    };
    assert_eq!(
        schedules(MaintenanceReported::ALL),
        ["could not be read", "none", "unnamed"]
    );
    let unmapped = MaintenanceReported {
        schedules: false,
        windows: false,
    };
    assert_eq!(
        schedules(unmapped),
        ["could not be read", "not reported", "unnamed"],
        "no schedule mapped is not none assigned"
    );
    let mut view = EndpointView::default();
    view.table.text = "could not be read".into();
    assert_eq!(view.filter(&rows, &[0, 1], now), vec![0]);
}

#[test]
fn an_exemption_name_patchboard_does_not_know_is_listed_searched_and_exported() {
    let schedule = |name: &str| MaintenanceSchedule {
        name: name.into(),
        windows: vec![MaintenanceWindow {
            start: Timestamp::from_millis(0),
            end: Timestamp::from_millis(3_600_000),
        }],
        last_window_ran_out: false,
    };
    let endpoint = |id: &str, reported: &[&str]| Endpoint {
        id: id.into(),
        name: id.into(),
        os: "Windows 11".into(),
        connector: Some(ConnectorState::Connected),
        maintenance: Some(schedule("Production – nightly")),
        reported_exemptions: reported.iter().map(|&name| name.into()).collect(),
        ..Endpoint::default()
    };
    let endpoints = vec![
        endpoint("quarantined", &["Quarantined by EDR"]),
        endpoint("clear", &[]),
        endpoint("odd", &["Gremlins", "Connector Down", "Quarantined by EDR"]),
        endpoint("full", &["Low Disk Space", "Gremlins", "Power Suspended"]),
        endpoint("also-odd", &["Gremlins"]),
        endpoint(
            "shouty",
            &[" QUARANTINED BY EDR ", "quarantined-by-edr", "", " - "],
        ),
    ];
    let now = Timestamp::from_millis(60_000);
    let rows = endpoint_rows(&endpoints, now, &DerivationPolicy::default());
    assert_eq!(
        without_reason(&rows, &[0, 1]),
        1,
        "the quarantined endpoint has a reason, if not one Patchboard knows"
    );
    // Sorted by how many it has, the unknown names counted as the cell shows them.
    let most_first =
        patchboard::domain::table::SortSpec::by(EndpointColumn::Exemptions, Direction::Desc);
    let order = EndpointView::sorted(&endpoints, &rows, &most_first);
    assert_eq!((order[0], order[1]), (2, 3), "odd has three, full two");
    assert_eq!(order.last(), Some(&1), "clear has none");

    let record = &exported(&endpoints, &rows, &[0])[1];
    assert_eq!(
        (record[3].as_str(), record[4].as_str()),
        ("Cannot patch", "Quarantined by EDR")
    );
    assert!(
        record[5].starts_with("Quarantined by EDR: 1. ") && !record[5].contains('\n'),
        "an unknown exemption gets the general advice: {}",
        record[5]
    );

    let mut view = EndpointView::default();
    let search = |view: &mut EndpointView, text: &str| {
        view.table.text = text.into();
        view.filter(&rows, &[0, 1], now)
    };
    assert_eq!(search(&mut view, "edr"), vec![0], "by the backend's name");
    assert_eq!(
        search(&mut view, "nightly"),
        vec![0, 1],
        "by the schedule the table shows"
    );

    // Grouped: each unknown name has its own group, counted as Cannot patch
    // and sized up with the known exemptions.
    let groups = reason_groups(&rows, &[0, 1, 2, 3, 4, 5]);
    let unknown = |name: &str| GroupReason::Unknown(name.into());
    let known = GroupReason::Exemption;
    assert_eq!(
        groups,
        vec![
            // Equal sizes: the names alphabetically, then the known ones in
            // catalogue order.
            (unknown("Gremlins"), vec![2, 3, 4]),
            // One name however it is spelt; blank names name nothing.
            (unknown("Quarantined by EDR"), vec![0, 2, 5]),
            (known(ExemptionKind::PowerSuspended), vec![3]),
            (known(ExemptionKind::ConnectorDown), vec![2]),
            (GroupReason::Warning(Warning::LowDiskSpace), vec![3]),
        ]
    );
    assert_eq!(
        reason_groups(&rows, &[5, 4]),
        vec![
            (unknown("Gremlins"), vec![4]),
            (unknown("QUARANTINED BY EDR"), vec![5]),
        ],
        "unknown names of equal size alphabetically, each as spelt"
    );
    // A link limited to a name no endpoint reports is told apart from a
    // known exemption none has.
    assert!(!unknown("quarantined by edr").is_unreported_in(&rows));
    assert!(unknown("Nope").is_unreported_in(&rows));
    assert!(!known(ExemptionKind::MaintenanceWindowExpired).is_unreported_in(&rows));
    // A name is the group's most common spelling, whatever the order.
    let named = |order: &[u32]| -> Vec<String> {
        reason_groups(&rows, order)
            .into_iter()
            .map(|(reason, _)| reason.name().to_owned())
            .filter(|name| name.to_lowercase().contains("quarantined"))
            .collect()
    };
    assert_eq!(named(&[5, 2, 0]), ["Quarantined by EDR"]);
    assert_eq!(named(&[0, 2, 5]), ["Quarantined by EDR"]);
    // One each: the spelling with fewer capitals, whichever came first.
    assert_eq!(named(&[5, 0]), ["Quarantined by EDR"]);
    assert_eq!(named(&[0, 5]), ["Quarantined by EDR"]);
    let mut view = EndpointView::from_query(&pairs(&[
        ("layout", "by-exemption"),
        ("group", "QUARANTINED BY EDR"),
    ]));
    assert!(
        view.is_group_open("Quarantined by EDR"),
        "open by any spelling of its name"
    );
    view.set_group_open("quarantined-by-edr", false);
    assert!(view.open_groups.is_empty());

    // "Show all" lists a group's own: its reason, and whatever else the
    // view already asked for.
    let mut view = EndpointView {
        exemptions: [ExemptionKind::ConnectorDown].into_iter().collect(),
        reason: Some(GroupReason::named("quarantined-by-edr")),
        ..EndpointView::default()
    };
    assert_eq!(view.filter(&rows, &[0, 1, 2, 3, 4, 5], now), vec![2]);
    view.exemptions = Default::default();
    assert_eq!(view.filter(&rows, &[0, 1, 2, 3, 4, 5], now), vec![0, 2, 5]);
    let link = written(&view);
    assert_eq!(link, pairs(&[("reason", "quarantined-by-edr")]));
    assert_eq!(EndpointView::from_query(&link), view);
    assert_eq!(
        view.cell_exemptions(&rows[2].derived).0[1].0,
        "Quarantined by EDR",
        "the row shows why it is listed"
    );
    view.reason = Some(GroupReason::named("Power suspended"));
    assert_eq!(view.reason, Some(known(ExemptionKind::PowerSuspended)));
    assert_eq!(view.filter(&rows, &[0, 1, 2, 3, 4, 5], now), vec![3]);
    assert_eq!(
        EndpointView::from_query(&pairs(&[("reason", " - ")])).reason,
        None
    );
    assert_eq!(
        rows[5].derived.names_worst_first().collect::<Vec<_>>(),
        vec![("QUARANTINED BY EDR", Impact::CannotPatch)],
        "the endpoint's own list has the name once, trimmed"
    );
    assert_eq!(
        reason_groups(&rows, &[2]),
        vec![
            (known(ExemptionKind::ConnectorDown), vec![2]),
            (unknown("Gremlins"), vec![2]),
            (unknown("Quarantined by EDR"), vec![2]),
        ],
        "of equal size, the known before the unknown"
    );
    let (gremlins, _) = &groups[0];
    assert_eq!(gremlins.name(), "Gremlins");
    assert_eq!(gremlins.impact(), Some(Impact::CannotPatch));
    assert!(!gremlins.fix().is_empty(), "it says what to do about it");
    assert_eq!(groups[4].0.impact(), None, "a warning has no impact");
}

#[test]
fn a_warning_is_found_by_its_name_as_an_exemption_is() {
    let endpoint = |id: &str, used_percent: f64| Endpoint {
        id: id.into(),
        name: id.into(),
        drives: vec![Drive {
            name: "C:".into(),
            used_percent,
        }],
        ..Endpoint::default()
    };
    let endpoints = vec![endpoint("full", 95.0), endpoint("roomy", 40.0)];
    let now = Timestamp::from_millis(0);
    let rows = endpoint_rows(&endpoints, now, &DerivationPolicy::default());
    let mut view = EndpointView::default();
    view.table.text = "low disk".into();
    assert_eq!(view.filter(&rows, &[0, 1], now), vec![0]);
}

#[test]
fn repeated_ids_still_select_their_own_row() {
    use patchboard::domain::view::selection::{find_selection, selection_key};
    let ids = ["web-01", "db-01", "web-01", "web-01"];
    let keys: Vec<String> = (0..ids.len())
        .map(|i| selection_key(ids.iter().copied(), i).unwrap())
        .collect();
    assert_eq!(keys, ["web-01", "db-01", "web-01#2", "web-01#3"]);
    for (index, key) in keys.iter().enumerate() {
        assert_eq!(find_selection(ids.iter().copied(), key), Some(index));
    }
    assert_eq!(find_selection(ids.iter().copied(), "web-01#9"), None);
    assert_eq!(find_selection(ids.iter().copied(), "nope"), None);
    let literal = ["a#2", "a"];
    assert_eq!(
        find_selection(literal.iter().copied(), "a#2"),
        Some(0),
        "a real id wins"
    );
}

/// A change of the view keeps what a link held that named nothing, so its
/// notice stays until dismissed; a value chosen under the same key replaces it.
#[test]
fn values_a_link_left_out_stay_until_their_key_is_written() {
    let link = pairs(&[("status", "9999,2036"), ("os", "zz"), ("sort", "colour")]);
    let left_out = AssetView::left_out(&link);
    assert_eq!(left_out, ["status=9999", "os=zz", "sort=colour"]);
    let view = AssetView::from_query(&link);
    let kept = with_left_out(view.to_query(), &left_out);
    // status=2036 is written, so 9999 goes with it; os and sort are not written.
    assert_eq!(
        kept,
        pairs(&[("status", "2036-0"), ("os", "zz"), ("sort", "colour")])
    );
    assert_eq!(
        AssetView::from_query(&kept),
        view,
        "the view reads back the same"
    );
    assert_eq!(
        with_left_out(Vec::new(), &["os=zz".into(), "os=yy".into()]),
        pairs(&[("os", "zz,yy")])
    );
}

#[test]
fn an_empty_table_names_what_left_it_empty() {
    use patchboard::domain::decimal::Noun;
    use patchboard::domain::view::{no_match_for, no_match_text};
    let endpoints = |query: &[(&str, &str)]| EndpointView::from_query(&pairs(query));
    // A search alone blames no filter, whatever the sort or open record.
    assert_eq!(
        no_match_text(
            &endpoints(&[
                ("q", " WIN-SQL-SGP-82887 "),
                ("sort", "os"),
                ("layout", "by-exemption")
            ]),
            Noun::ENDPOINTS
        ),
        "No endpoint matches the search \"WIN-SQL-SGP-82887\". Clear the search to list every endpoint."
    );
    assert_eq!(
        no_match_text(
            &endpoints(&[("q", "web"), ("impact", "cannot_patch")]),
            Noun::ENDPOINTS
        ),
        "No endpoints match the search and filters. Clear the search or a filter to list more."
    );
    assert_eq!(
        no_match_text(&endpoints(&[("warnings", "1")]), Noun::ENDPOINTS),
        "No endpoints match the filters. Clear a filter to list more."
    );
    let assets = AssetView::from_query(&pairs(&[("phase", "failed"), ("run", "r-7")]));
    assert_eq!(
        no_match_text(&assets, Noun::ASSETS),
        "No assets match the filters. Clear a filter to list more."
    );
    assert_eq!(
        no_match_for("  nightly ", false, Noun::JOBS),
        "No job matches the search \"nightly\". Clear the search to list every job."
    );
    let assets = AssetView::from_query(&pairs(&[("q", "kb5034441"), ("run", "r-7")]));
    assert_eq!(
        no_match_text(&assets, Noun::ASSETS),
        "No asset matches the search \"kb5034441\". Clear the search to list every asset."
    );
    let long = "é".repeat(20_000);
    assert_eq!(
        no_match_for(&long, false, Noun::ASSETS),
        format!(
            "No asset matches the search \"{}…\". Clear the search to list every asset.",
            "é".repeat(60)
        ),
        "a long search is quoted in part"
    );
}

#[test]
fn a_panels_fact_says_why_it_is_blank() {
    use patchboard::domain::view::fact_text;
    assert_eq!(
        fact_text("Windows Server 2022", false),
        "Windows Server 2022"
    );
    assert_eq!(fact_text("", false), "not reported");
    assert_eq!(fact_text("", true), "could not be read");
}
