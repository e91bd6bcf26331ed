//! The Endpoint Exemptions table: one row per endpoint, with its exemptions
//! derived from its facts at a given time.

use super::reason_groups::GroupReason;
use super::url_state::{
    facet_set, first, switch, unknown_facet_tokens, unknown_sort_tokens, unknown_switch_value,
    write_facet_set, ToQuery,
};
use super::NOT_REPORTED;
use super::{Counted, HoldsTable, QueryPairs, TableColumn, TableState, TableView};
use crate::domain::csv::csv_in_parts;
use crate::domain::derive::percent_used;
use crate::domain::derive::{
    derive_exemptions_with_os, fullest_drive, DerivationPolicy, Derived, MaintenanceReported,
};
use crate::domain::endpoint::{Endpoint, MaintenanceSchedule, MaintenanceWindow, UNREADABLE};
use crate::domain::exemption::{is_blank, same_name, ExemptionKind, Impact, Warning};
use crate::domain::fleet::PatchOutlook;
use crate::domain::os::{OsFamilies, OsFamily};
use crate::domain::table::{
    natural_key, search_key, Direction, FacetSet, SortKey, SortSpec, SortValue,
};
use crate::domain::time::Timestamp;

/// An endpoint with its derived exemptions and what the table sorts on.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointRow {
    pub derived: Derived,
    pub outlook: PatchOutlook,
    pub os: OsFamily,
    /// The fullest drive's use in percent, when any drive is known.
    pub fullest_drive: Option<f64>,
    /// The maintenance window open at derivation, else the next one.
    pub window: Option<MaintenanceWindow>,
    search: String,
    /// The endpoint name's natural-order key, for sorting by name.
    name_key: Box<[u8]>,
}

impl EndpointRow {
    fn new<'a>(
        endpoint: &'a Endpoint,
        now: Timestamp,
        policy: &DerivationPolicy,
        families: &mut OsFamilies<'a>,
    ) -> EndpointRow {
        let os = families.of(&endpoint.os);
        let derived = derive_exemptions_with_os(endpoint, os, now, policy);
        // What the table shows of the endpoint, bar figures and times.
        let mut parts = vec![
            endpoint.name.as_str(),
            endpoint.id.as_str(),
            endpoint.os.as_str(),
            schedule_shown(endpoint).unwrap_or_default(),
        ];
        // The Impact badge's words too, so the search finds what the row shows.
        parts.push(derived.outlook().label());
        parts.extend(derived.names_worst_first().map(|(name, _)| name));
        parts.extend(
            Warning::ALL
                .into_iter()
                .filter(|&warning| derived.has_warning(warning))
                .map(|warning| warning.entry().name),
        );
        EndpointRow {
            outlook: derived.outlook(),
            os,
            fullest_drive: fullest_drive(&endpoint.drives).map(|usage| usage.percent),
            window: endpoint
                .maintenance
                .as_ref()
                .and_then(|schedule| current_or_next_window(schedule, now)),
            search: search_key(&parts),
            name_key: natural_key(&endpoint.name),
            derived,
        }
    }
}

/// The window that has not ended at `now` and started first: the one open
/// now, else the next.
pub fn current_or_next_window(
    schedule: &MaintenanceSchedule,
    now: Timestamp,
) -> Option<MaintenanceWindow> {
    schedule
        .windows
        .iter()
        .filter(|window| window.end > now)
        .min_by_key(|window| window.start)
        .copied()
}

/// Where an endpoint's maintenance windows stand at a moment, as its detail
/// panel says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    /// A window is open; of overlapping ones, the one that stays open longest.
    Open {
        until: Timestamp,
    },
    /// No window is open; the earliest one ahead starts then.
    Ahead {
        start: Timestamp,
    },
    NoneAhead,
}

impl WindowState {
    /// A window counts as open from its start up to, not at, its end.
    pub fn at(schedule: &MaintenanceSchedule, now: Timestamp) -> WindowState {
        let open_until = schedule
            .windows
            .iter()
            .filter(|window| window.start <= now && now < window.end)
            .map(|window| window.end)
            .max();
        if let Some(until) = open_until {
            return WindowState::Open { until };
        }
        match schedule
            .windows
            .iter()
            .map(|w| w.start)
            .filter(|&start| start > now)
            .min()
        {
            Some(start) => WindowState::Ahead { start },
            None => WindowState::NoneAhead,
        }
    }

    pub fn describe(self) -> String {
        match self {
            WindowState::Open { until } => format!("open now, until {}", until.format_utc()),
            WindowState::Ahead { start } => start.format_utc(),
            WindowState::NoneAhead => "none ahead".to_owned(),
        }
    }
}

/// Rows for every endpoint at time `now`.
pub fn endpoint_rows(
    endpoints: &[Endpoint],
    now: Timestamp,
    policy: &DerivationPolicy,
) -> Vec<EndpointRow> {
    let mut families = OsFamilies::default();
    endpoints
        .iter()
        .map(|endpoint| EndpointRow::new(endpoint, now, policy, &mut families))
        .collect()
}

/// The table's columns; every one sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndpointColumn {
    Endpoint,
    Os,
    Outlook,
    Exemptions,
    Disk,
    Maintenance,
    NextWindow,
    LastSeen,
}

impl TableColumn for EndpointColumn {
    const ALL: &'static [EndpointColumn] = &[
        EndpointColumn::Endpoint,
        EndpointColumn::Os,
        EndpointColumn::Outlook,
        EndpointColumn::Exemptions,
        EndpointColumn::Disk,
        EndpointColumn::Maintenance,
        EndpointColumn::NextWindow,
        EndpointColumn::LastSeen,
    ];

    fn token(self) -> &'static str {
        match self {
            EndpointColumn::Endpoint => "endpoint",
            EndpointColumn::Os => "os",
            EndpointColumn::Outlook => "impact",
            EndpointColumn::Exemptions => "exemptions",
            EndpointColumn::Disk => "disk",
            EndpointColumn::Maintenance => "maintenance",
            EndpointColumn::NextWindow => "next-window",
            EndpointColumn::LastSeen => "last-seen",
        }
    }

    fn first_direction(self) -> Direction {
        if matches!(self, EndpointColumn::Outlook | EndpointColumn::Disk) {
            Direction::Desc
        } else {
            Direction::Asc
        }
    }

    fn label(self) -> &'static str {
        match self {
            EndpointColumn::Endpoint => "Endpoint",
            EndpointColumn::Os => "OS",
            EndpointColumn::Outlook => "Impact",
            EndpointColumn::Exemptions => "Exemptions",
            EndpointColumn::Disk => "Fullest drive",
            EndpointColumn::Maintenance => "Schedule",
            EndpointColumn::NextWindow => "Next window",
            EndpointColumn::LastSeen => "Last seen",
        }
    }
}

fn schedule_name(endpoint: &Endpoint) -> Option<&str> {
    endpoint.maintenance.as_ref().map(|m| m.name.as_str())
}

/// What the Schedule column says of the endpoint itself: its schedule's
/// name, "unnamed" for one only a ran-out flag implied, or that the
/// schedule the backend sent could not be read. `None` where the endpoint
/// has no schedule.
pub fn schedule_shown(endpoint: &Endpoint) -> Option<&str> {
    match schedule_name(endpoint) {
        Some("") => Some("unnamed"),
        Some(name) => Some(name),
        None => endpoint.unreadable.maintenance.then_some(UNREADABLE),
    }
}

/// An endpoint's schedule as the page and its CSV name it: as
/// [`schedule_shown`], else `absent` where the backend reports schedules
/// and this endpoint has none, "not reported" where it reports none.
pub fn schedule_text(endpoint: &Endpoint, reported: MaintenanceReported, absent: &str) -> String {
    match schedule_shown(endpoint) {
        Some(shown) => shown.to_owned(),
        None if reported.schedules => absent.to_owned(),
        None => NOT_REPORTED.to_owned(),
    }
}

/// Where an endpoint's maintenance windows stand at `now`, as its panel
/// says: "not reported" where the mapping carries no windows, rather than
/// "none ahead".
pub fn next_window_text(
    endpoint: &Endpoint,
    reported: MaintenanceReported,
    now: Timestamp,
) -> String {
    match &endpoint.maintenance {
        Some(schedule) if reported.windows => WindowState::at(schedule, now).describe(),
        None if endpoint.unreadable.maintenance => UNREADABLE.to_owned(),
        None if reported.schedules => WindowState::NoneAhead.describe(),
        _ => NOT_REPORTED.to_owned(),
    }
}

/// How the exemptions page lays out its endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One row per endpoint.
    #[default]
    Table,
    /// One group per exemption, with its meaning, fix and endpoints.
    ByExemption,
}

impl Layout {
    /// How a link names the layout (`layout=`); the table, the default,
    /// goes unnamed in the links the page writes.
    fn token(self) -> &'static str {
        match self {
            Layout::Table => "table",
            Layout::ByExemption => "by-exemption",
        }
    }

    /// The layout a link's `layout=` names.
    fn from_token(token: &str) -> Option<Layout> {
        [Layout::Table, Layout::ByExemption]
            .into_iter()
            .find(|layout| layout.token() == token)
    }
}

/// The Endpoint Exemptions view as held in the URL.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointView {
    pub outlooks: FacetSet<PatchOutlook>,
    /// An endpoint passes when it has any of these.
    pub exemptions: FacetSet<ExemptionKind>,
    pub oses: FacetSet<OsFamily>,
    pub warnings_only: bool,
    /// Only endpoints with this reason, whatever the other filters: where a
    /// group's "Show all" leads, so that the table lists the group's own.
    pub reason: Option<GroupReason>,
    pub layout: Layout,
    /// The grouped layout's open groups, by reason name, in the order
    /// opened: kept with the view, so that a group stays open by its
    /// reason when a search or a refresh moves it, and a link reopens it.
    pub open_groups: Vec<String>,
    pub table: TableState<EndpointColumn>,
}

impl Default for EndpointView {
    fn default() -> Self {
        EndpointView {
            outlooks: FacetSet::new(),
            exemptions: FacetSet::new(),
            oses: FacetSet::new(),
            warnings_only: false,
            reason: None,
            layout: Layout::Table,
            open_groups: Vec::new(),
            table: TableState::sorted_by(Self::default_sort()),
        }
    }
}

impl Counted for EndpointView {
    fn whole(&self) -> EndpointView {
        EndpointView {
            layout: self.layout,
            open_groups: self.open_groups.clone(),
            table: self.table.unsearched(),
            ..EndpointView::default()
        }
    }
}

impl EndpointView {
    /// The default view searching for `text`: where a link about one host
    /// from another page leads.
    pub fn searching(text: &str) -> EndpointView {
        let mut view = EndpointView::default();
        view.table.text = text.to_owned();
        view
    }

    /// Whether the group of `name` is open, by any spelling of it: a group
    /// of names the catalogue does not know is named by its most common
    /// spelling, which a refresh may change.
    pub fn is_group_open(&self, name: &str) -> bool {
        self.open_groups.iter().any(|open| same_name(open, name))
    }

    pub fn set_group_open(&mut self, name: &str, open: bool) {
        self.open_groups.retain(|other| !same_name(other, name));
        if open {
            self.open_groups.push(name.to_owned());
        }
    }

    /// The exemptions a row's cell lists, worst first
    /// (`Derived::names_worst_first`), and how many of them it shows by
    /// name: the worst, which is what makes the row's impact, and beside it
    /// the first one this view's reason or exemption filter picks, which is
    /// why the row is listed. The rest are counted.
    pub fn cell_exemptions<'a>(&self, derived: &'a Derived) -> (Vec<(&'a str, Impact)>, usize) {
        let picked = |name: &str| {
            self.reason
                .as_ref()
                .is_some_and(|reason| same_name(reason.name(), name))
                || self.exemptions.iter().any(|kind| kind.name() == name)
        };
        let mut names: Vec<_> = derived.names_worst_first().collect();
        match names.iter().position(|&(name, _)| picked(name)) {
            Some(at) if at > 0 => {
                let picked = names.remove(at);
                names.insert(1, picked);
                (names, 2)
            }
            _ => {
                let named = names.len().min(1);
                (names, named)
            }
        }
    }

    /// The link's filter values no impact, exemption or OS family has, and
    /// sort columns the table lacks, which [`EndpointView::from_query`]
    /// leaves out.
    pub fn unknown_filters(pairs: QueryPairs<'_>) -> Vec<String> {
        let mut unknown = unknown_facet_tokens::<PatchOutlook>(pairs, "impact");
        unknown.extend(unknown_facet_tokens::<ExemptionKind>(pairs, "exemption"));
        unknown.extend(unknown_facet_tokens::<OsFamily>(pairs, "os"));
        unknown.extend(unknown_sort_tokens(pairs, EndpointColumn::from_token));
        unknown.extend(unknown_switch_value(pairs, "warnings"));
        unknown.extend(
            first(pairs, "layout")
                .filter(|token| Layout::from_token(token).is_none())
                .map(|token| format!("layout={token}")),
        );
        unknown
    }

    pub fn from_query(pairs: QueryPairs<'_>) -> EndpointView {
        let mut view = EndpointView {
            outlooks: facet_set(pairs, "impact"),
            exemptions: facet_set(pairs, "exemption"),
            oses: facet_set(pairs, "os"),
            warnings_only: switch(pairs, "warnings"),
            reason: first(pairs, "reason")
                .filter(|name| !is_blank(name))
                .map(GroupReason::named),
            layout: first(pairs, "layout")
                .and_then(Layout::from_token)
                .unwrap_or_default(),
            open_groups: Vec::new(),
            table: Self::table_from_query(pairs),
        };
        // Only the grouped layout has groups to open.
        if view.layout == Layout::ByExemption {
            for (_, name) in pairs.iter().filter(|(key, _)| key == "group") {
                view.set_group_open(name, true);
            }
        }
        view
    }
}

impl HoldsTable for EndpointView {
    type Column = EndpointColumn;

    fn table(&self) -> &TableState<EndpointColumn> {
        &self.table
    }

    fn table_mut(&mut self) -> &mut TableState<EndpointColumn> {
        &mut self.table
    }
}

impl TableView for EndpointView {
    type Item = Endpoint;
    type Row = EndpointRow;
    const RECORD_PARAM: &'static str = "endpoint";

    /// Worst first: the endpoints that will not patch lead the list.
    fn default_sort() -> SortSpec<EndpointColumn> {
        SortSpec::new(vec![
            SortKey {
                column: EndpointColumn::Outlook,
                direction: Direction::Desc,
            },
            SortKey {
                column: EndpointColumn::Endpoint,
                direction: Direction::Asc,
            },
        ])
    }

    fn id(item: &Endpoint) -> &str {
        &item.id
    }

    fn name(item: &Endpoint) -> &str {
        &item.name
    }

    fn search_text(row: &EndpointRow) -> &str {
        &row.search
    }

    /// Rows carry what was derived at their time; no filter reads the clock.
    fn keeps(&self, row: &EndpointRow, _cutoff: Timestamp) -> bool {
        self.outlooks.admits(row.outlook)
            && self.exemptions.admits_any(row.derived.exemptions().iter())
            && self.oses.admits(row.os)
            && (!self.warnings_only || row.derived.has_warnings())
            && self
                .reason
                .as_ref()
                .is_none_or(|reason| reason.is_had_by(row))
    }

    fn sort_value<'a>(
        column: EndpointColumn,
        endpoint: &'a Endpoint,
        row: &'a EndpointRow,
    ) -> SortValue<'a> {
        match column {
            EndpointColumn::Endpoint => SortValue::Keyed(&row.name_key, &endpoint.name),
            EndpointColumn::Os => endpoint.os.as_str().into(),
            // Declared best to worst, so the declaration order is the order.
            EndpointColumn::Outlook => (row.outlook as u64).into(),
            // The backend's names Patchboard does not know count as the
            // cell shows them: as exemptions.
            EndpointColumn::Exemptions => {
                let unknown = row.derived.unknown_reported().len();
                ((row.derived.exemptions().len() + unknown) as u64).into()
            }
            EndpointColumn::Disk => row.fullest_drive.into(),
            EndpointColumn::Maintenance => schedule_name(endpoint).into(),
            EndpointColumn::NextWindow => row.window.map(|window| window.start.0).into(),
            EndpointColumn::LastSeen => endpoint.last_seen.map(|time| time.0).into(),
        }
    }
}

impl ToQuery for EndpointView {
    fn left_out(pairs: QueryPairs<'_>) -> Vec<String> {
        EndpointView::unknown_filters(pairs)
    }

    fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.layout == Layout::ByExemption {
            out.push(("layout", self.layout.token().to_owned()));
        }
        write_facet_set(&mut out, "impact", self.outlooks);
        write_facet_set(&mut out, "exemption", self.exemptions);
        write_facet_set(&mut out, "os", self.oses);
        if self.warnings_only {
            out.push(("warnings", "1".to_owned()));
        }
        if let Some(reason) = &self.reason {
            out.push(("reason", reason.name().to_owned()));
        }
        if self.layout == Layout::ByExemption {
            out.extend(self.open_groups.iter().map(|name| ("group", name.clone())));
        }
        self.table_to_query(&mut out);
        out
    }
}

/// The steps that clear each exemption, in the order `exemptions` lists
/// them, then each warning's: a line per reason, "Name: 1. … 2. …", for a
/// list handed to whoever can fix them. Steps written for the endpoint's OS
/// family replace the general ones.
fn fixes_text(exemptions: &[&str], derived: &Derived, os: OsFamily) -> String {
    // The reasons as the grouped layout names them and knows their fixes.
    let exemptions = exemptions.iter().map(|&name| GroupReason::named(name));
    let warnings = Warning::ALL
        .into_iter()
        .filter(|&warning| derived.has_warning(warning))
        .map(GroupReason::Warning);
    exemptions
        .chain(warnings)
        .map(|reason| {
            let steps = match &reason {
                GroupReason::Exemption(kind) => kind.fix_on(os),
                _ => reason.fix(),
            };
            let numbered: Vec<String> = (steps.iter().enumerate())
                .map(|(at, step)| format!("{}. {step}", at + 1))
                .collect();
            format!("{}: {}", reason.name(), numbered.join(" "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The listed endpoints as CSV, in the order given, in parts of
/// `records_per_part` records (see [`csv_in_parts`]).
pub fn endpoints_csv<'a>(
    endpoints: &'a [Endpoint],
    rows: &'a [EndpointRow],
    order: &'a [u32],
    reported: MaintenanceReported,
    records_per_part: usize,
) -> impl Iterator<Item = String> + 'a {
    let header = [
        "Endpoint ID",
        "Endpoint",
        "OS",
        "Impact",
        "Exemptions",
        "How to fix",
        "Fullest drive",
        "Fullest drive (% used)",
        "Low Disk Space",
        "Maintenance schedule",
        "Window start (UTC)",
        "Window end (UTC)",
        "Last seen (UTC)",
    ];
    csv_in_parts(header, order, records_per_part, move |csv, index| {
        let (endpoint, row) = (&endpoints[index as usize], &rows[index as usize]);
        // In the table's and panel's order: what stays until fixed first.
        let exemptions: Vec<&str> = row
            .derived
            .names_worst_first()
            .map(|(name, _)| name)
            .collect();
        csv.record([
            endpoint.id.clone(),
            endpoint.name.clone(),
            endpoint.os.clone(),
            row.outlook.label().to_owned(),
            exemptions.join("; "),
            fixes_text(&exemptions, &row.derived, row.os),
            fullest_drive(&endpoint.drives)
                .and_then(|usage| usage.drive_name(endpoint))
                .unwrap_or_default()
                .to_owned(),
            row.fullest_drive.map(percent_used).unwrap_or_default(),
            if row.derived.low_disk_space().is_some() {
                "yes"
            } else {
                "no"
            }
            .to_owned(),
            schedule_text(endpoint, reported, "none"),
            // The open window's start is in the past: with its end, the
            // pair says it is open, where a lone start would read as stale.
            row.window
                .map(|window| window.start.to_rfc3339())
                .unwrap_or_default(),
            row.window
                .map(|window| window.end.to_rfc3339())
                .unwrap_or_default(),
            endpoint
                .last_seen
                .map(Timestamp::to_rfc3339)
                .unwrap_or_default(),
        ]);
    })
}
