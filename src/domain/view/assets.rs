//! The Job Progress table: one row per asset result.

use super::url_state::{
    facet_set, first, switch, unknown_facet_tokens, unknown_sort_tokens, unknown_switch_value,
    write_facet_set, ToQuery,
};
use super::{Counted, HoldsTable, QueryPairs, TableColumn, TableState, TableView};
use crate::domain::asset::AssetResult;
use crate::domain::csv::{csv_in_parts, file_stem};
use crate::domain::message::message_for;
use crate::domain::os::{OsFamilies, OsFamily};
use crate::domain::phase::Phase;
use crate::domain::progress::ProgressRow;
use crate::domain::status::{resolve, Applicability, ResolvedStatus, StatusKey};
use crate::domain::table::{
    natural_key, push_search_part, search_key, search_key_and_folded, Direction, FacetSet,
    SortSpec, SortValue, TextQuery,
};
use crate::domain::time::Timestamp;
use std::borrow::Cow;

/// An asset result with what the table filters and sorts on, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetRow {
    pub status: ResolvedStatus,
    pub phase: Phase,
    /// The status message in words, for the few statuses that have one.
    pub message: Option<String>,
    /// Where there is no message, the patches that failed, named: the
    /// Message column's text, so a failed asset says why at a glance.
    failed_patches_note: Option<String>,
    /// The resolved status, OS family and time that the job's progress counts.
    pub progress: ProgressRow,
    /// Lower-cased asset name, OS, status, message and failed patches, for
    /// free-text search.
    search: String,
    /// The asset name's natural-order key, for sorting by name.
    name_key: Box<[u8]>,
}

impl AssetRow {
    fn new<'a>(
        result: &'a AssetResult,
        job_name: &str,
        status_texts: &[String],
        families: &mut OsFamilies<'a>,
        run_start: Option<Timestamp>,
    ) -> AssetRow {
        let status = resolve(&result.status);
        let progress = ProgressRow::new(
            status.key(),
            families.of(&result.os),
            result.status_time,
            run_start,
        );
        let message = status
            .key()
            .and_then(|key| message_for(key, &result.facts, job_name, progress.os))
            .map(|message| message.to_string());
        let status_text = match status.key() {
            Some(key) => Cow::Borrowed(status_texts[key.index()].as_str()),
            None => Cow::Owned(status_search_text(&status.label(), status.phase())),
        };
        let mut search = search_key_and_folded(
            &[
                &result.asset_name,
                &result.asset_id,
                &result.os,
                message.as_deref().unwrap_or(""),
            ],
            &status_text,
        );
        // "Which assets failed KB5034441?" is the question a patch number answers.
        for patch in &result.failed_patches {
            push_search_part(&mut search, patch);
        }
        let failed_patches_note = (message.is_none() && !result.failed_patches.is_empty())
            .then(|| failed_patches_text(&result.failed_patches));
        AssetRow {
            phase: status.phase(),
            status,
            message,
            failed_patches_note,
            progress,
            search,
            name_key: natural_key(&result.asset_name),
        }
    }

    pub fn status_key(&self) -> Option<StatusKey> {
        self.status.key()
    }

    pub fn os(&self) -> OsFamily {
        self.progress.os
    }

    /// What the Message column shows while `query` is searched: where it
    /// finds one of the asset's `failed_patches`, the failed patches, those
    /// holding the most of its terms first, so that the row shows why it is
    /// listed; else [`AssetRow::message_column`].
    pub fn message_column_for<'a>(
        &'a self,
        failed_patches: &[String],
        query: &TextQuery,
    ) -> Option<Cow<'a, str>> {
        let terms: Vec<usize> = failed_patches
            .iter()
            .map(|patch| query.terms_in(patch))
            .collect();
        let most = terms.iter().copied().max().unwrap_or(0);
        if most == 0 {
            return self.message_column().map(Cow::Borrowed);
        }
        let (best, rest): (Vec<_>, Vec<_>) = failed_patches
            .iter()
            .zip(terms)
            .partition(|&(_, terms)| terms == most);
        let patches = best.into_iter().chain(rest).map(|(patch, _)| patch);
        Some(Cow::Owned(failed_patches_text(patches)))
    }

    /// What the Message column shows and sorts by: the status message, or
    /// else the failed patches by name.
    pub fn message_column(&self) -> Option<&str> {
        self.message
            .as_deref()
            .or(self.failed_patches_note.as_deref())
    }

    /// The status does not apply to the asset's OS family.
    pub fn is_anomalous(&self) -> bool {
        self.progress.is_anomalous()
    }
}

/// Between patch names in a list: names such as "Security Update for
/// Windows (KB5034441), January" hold commas themselves.
const PATCH_SEPARATOR: &str = "; ";

/// "Failed: KB5034441; KB5034122".
fn failed_patches_text<'p>(patches: impl IntoIterator<Item = &'p String>) -> String {
    let names: Vec<&str> = patches.into_iter().map(String::as_str).collect();
    format!("Failed: {}", names.join(PATCH_SEPARATOR))
}

/// A status's part of a row's search key: its column text and its phase's
/// badge, so that "failed" finds Timed Out as the Phase column shows it.
fn status_search_text(status_text: &str, phase: Phase) -> String {
    search_key(&[status_text, phase.label()])
}

/// Rows for every result of a run that starts at `run_start` (see
/// [`crate::domain::progress::run_start`]), in the results' order.
pub fn asset_rows(
    results: &[AssetResult],
    job_name: &str,
    run_start: Option<Timestamp>,
) -> Vec<AssetRow> {
    let mut families = OsFamilies::default();
    // Each status's column text, folded for the search once: making it for
    // every row took two fifths of deriving 100,000 of them.
    let status_texts: Vec<String> = StatusKey::ALL
        .iter()
        .map(|&key| {
            let status = ResolvedStatus::Known(key);
            status_search_text(&status.label_with_code(), status.phase())
        })
        .collect();
    results
        .iter()
        .map(|result| AssetRow::new(result, job_name, &status_texts, &mut families, run_start))
        .collect()
}

/// The table's columns; every one sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssetColumn {
    Asset,
    Os,
    Status,
    Phase,
    Message,
    Succeeded,
    Failed,
    Superseded,
    NotApplicable,
    Updated,
}

impl TableColumn for AssetColumn {
    const ALL: &'static [AssetColumn] = &[
        AssetColumn::Asset,
        AssetColumn::Os,
        AssetColumn::Status,
        AssetColumn::Phase,
        AssetColumn::Message,
        AssetColumn::Succeeded,
        AssetColumn::Failed,
        AssetColumn::Superseded,
        AssetColumn::NotApplicable,
        AssetColumn::Updated,
    ];

    fn token(self) -> &'static str {
        match self {
            AssetColumn::Asset => "asset",
            AssetColumn::Os => "os",
            AssetColumn::Status => "status",
            AssetColumn::Phase => "phase",
            AssetColumn::Message => "message",
            AssetColumn::Succeeded => "succeeded",
            AssetColumn::Failed => "failed",
            AssetColumn::Superseded => "superseded",
            AssetColumn::NotApplicable => "not-applicable",
            AssetColumn::Updated => "updated",
        }
    }

    fn first_direction(self) -> Direction {
        if matches!(self, AssetColumn::Failed) {
            Direction::Desc
        } else {
            Direction::Asc
        }
    }

    fn label(self) -> &'static str {
        match self {
            AssetColumn::Asset => "Asset",
            AssetColumn::Os => "OS",
            AssetColumn::Status => "Status",
            AssetColumn::Phase => "Phase",
            AssetColumn::Message => "Message",
            AssetColumn::Succeeded => "Succeeded",
            AssetColumn::Failed => "Failed",
            AssetColumn::Superseded => "Superseded",
            AssetColumn::NotApplicable => "N/A",
            AssetColumn::Updated => "Last change",
        }
    }
}

/// The Job Progress view as held in the URL: filters, search, sort, run and
/// the asset whose details are open.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetView {
    pub statuses: FacetSet<StatusKey>,
    pub phases: FacetSet<Phase>,
    pub oses: FacetSet<OsFamily>,
    pub anomalies_only: bool,
    /// Only stuck assets: not final, unchanged since before the cutoff the
    /// page filters with (see [`crate::domain::progress::stuck_cutoff`]).
    pub stuck_only: bool,
    pub run: Option<String>,
    pub table: TableState<AssetColumn>,
}

impl Default for AssetView {
    fn default() -> Self {
        AssetView {
            statuses: FacetSet::new(),
            phases: FacetSet::new(),
            oses: FacetSet::new(),
            anomalies_only: false,
            stuck_only: false,
            run: None,
            table: TableState::sorted_by(Self::default_sort()),
        }
    }
}

impl AssetView {
    /// The order stuck assets are listed in: the longest unchanged first.
    pub fn stuck_sort() -> SortSpec<AssetColumn> {
        SortSpec::by(AssetColumn::Updated, Direction::Asc)
    }

    /// The search the Message column follows ([`AssetRow::message_column_for`]):
    /// none while the rows are sorted by that column, which the search does
    /// not re-sort, so that the column shows the text its order is by.
    pub fn message_query(&self) -> TextQuery {
        let sorted_by_message = self
            .table
            .sort
            .keys()
            .iter()
            .any(|key| key.column == AssetColumn::Message);
        TextQuery::parse(if sorted_by_message {
            ""
        } else {
            &self.table.text
        })
    }

    /// Picks or unpicks `status`, as the chart's legend does. A phase
    /// filter that would hide the picked status gives way, so that a pick
    /// shows what was picked rather than an empty table.
    pub fn toggle_status(&mut self, status: StatusKey) {
        self.statuses.toggle(status);
        if self.statuses.contains(status) && !self.phases.admits(status.phase()) {
            self.phases = FacetSet::new();
        }
    }

    /// Picks or unpicks `phase`, as the chart's phase bar does; picked
    /// statuses of other phases give way, as in [`Self::toggle_status`].
    pub fn toggle_phase(&mut self, phase: Phase) {
        self.phases.toggle(phase);
        let phases = self.phases;
        if phases.contains(phase) {
            for status in self.statuses.iter() {
                if !phases.admits(status.phase()) {
                    self.statuses.remove(status);
                }
            }
        }
    }

    /// The link's filter values no status, phase or OS family has, and sort
    /// columns the table lacks, which [`AssetView::from_query`] leaves out.
    pub fn unknown_filters(pairs: QueryPairs<'_>) -> Vec<String> {
        let mut unknown = unknown_facet_tokens::<StatusKey>(pairs, "status");
        unknown.extend(unknown_facet_tokens::<Phase>(pairs, "phase"));
        unknown.extend(unknown_facet_tokens::<OsFamily>(pairs, "os"));
        unknown.extend(unknown_sort_tokens(pairs, AssetColumn::from_token));
        unknown.extend(unknown_switch_value(pairs, "anomalies"));
        unknown.extend(unknown_switch_value(pairs, "stuck"));
        unknown
    }

    pub fn from_query(pairs: QueryPairs<'_>) -> AssetView {
        AssetView {
            statuses: facet_set(pairs, "status"),
            phases: facet_set(pairs, "phase"),
            oses: facet_set(pairs, "os"),
            anomalies_only: switch(pairs, "anomalies"),
            stuck_only: switch(pairs, "stuck"),
            // "run=" picks no run: the latest, as without it.
            run: first(pairs, "run")
                .filter(|run| !run.is_empty())
                .map(str::to_owned),
            table: Self::table_from_query(pairs),
        }
    }
}

impl Counted for AssetView {
    fn whole(&self) -> AssetView {
        AssetView {
            run: self.run.clone(),
            table: self.table.unsearched(),
            ..AssetView::default()
        }
    }
}

impl HoldsTable for AssetView {
    type Column = AssetColumn;

    fn table(&self) -> &TableState<AssetColumn> {
        &self.table
    }

    fn table_mut(&mut self) -> &mut TableState<AssetColumn> {
        &mut self.table
    }
}

impl TableView for AssetView {
    type Item = AssetResult;
    type Row = AssetRow;
    const RECORD_PARAM: &'static str = "asset";

    /// Newest changes first: what an operator watching a rollout looks at.
    fn default_sort() -> SortSpec<AssetColumn> {
        SortSpec::by(AssetColumn::Updated, Direction::Desc)
    }

    fn id(item: &AssetResult) -> &str {
        &item.asset_id
    }

    fn name(item: &AssetResult) -> &str {
        &item.asset_name
    }

    fn search_text(row: &AssetRow) -> &str {
        &row.search
    }

    fn keeps(&self, row: &AssetRow, cutoff: Timestamp) -> bool {
        self.statuses.admits_any(row.status_key())
            && self.phases.admits(row.phase)
            && self.oses.admits(row.os())
            && (!self.anomalies_only || row.is_anomalous())
            && (!self.stuck_only || row.progress.is_stuck(cutoff))
    }

    fn sort_value<'a>(
        column: AssetColumn,
        result: &'a AssetResult,
        row: &'a AssetRow,
    ) -> SortValue<'a> {
        let patches = &result.patches;
        match column {
            AssetColumn::Asset => SortValue::Keyed(&row.name_key, &result.asset_name),
            AssetColumn::Os => result.os.as_str().into(),
            AssetColumn::Status => row.status_key().map(|key| key.index() as u64).into(),
            AssetColumn::Phase => (row.phase.index() as u64).into(),
            AssetColumn::Message => row.message_column().into(),
            AssetColumn::Succeeded => patches.succeeded.map(u64::from).into(),
            AssetColumn::Failed => patches.failed.map(u64::from).into(),
            AssetColumn::Superseded => patches.superseded.map(u64::from).into(),
            AssetColumn::NotApplicable => patches.not_applicable.map(u64::from).into(),
            AssetColumn::Updated => result.status_time.map(|time| time.0).into(),
        }
    }
}

impl ToQuery for AssetView {
    fn left_out(pairs: QueryPairs<'_>) -> Vec<String> {
        AssetView::unknown_filters(pairs)
    }

    /// Stuck assets open longest stuck first, the ones to chase: turning
    /// the filter on over the default order sorts by the oldest change,
    /// and turning it off over that order goes back to the default. An
    /// order the operator chose stays either way.
    fn follow_change(&mut self, before: &AssetView) {
        let (from, to) = match (before.stuck_only, self.stuck_only) {
            (false, true) => (Self::default_sort(), Self::stuck_sort()),
            (true, false) => (Self::stuck_sort(), Self::default_sort()),
            _ => return,
        };
        if self.table.sort == from {
            self.table.sort = to;
        }
    }

    fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(run) = &self.run {
            out.push(("run", run.clone()));
        }
        write_facet_set(&mut out, "status", self.statuses);
        write_facet_set(&mut out, "phase", self.phases);
        write_facet_set(&mut out, "os", self.oses);
        if self.anomalies_only {
            out.push(("anomalies", "1".to_owned()));
        }
        if self.stuck_only {
            out.push(("stuck", "1".to_owned()));
        }
        self.table_to_query(&mut out);
        out
    }
}

/// The listed rows as CSV, in the order given: what the user sees, exported,
/// in parts of `records_per_part` records (see [`csv_in_parts`]). Stuck is
/// judged against `stuck_cutoff` (see
/// [`crate::domain::progress::stuck_cutoff`]), as the table's filter is.
/// Every record names `job` too, so rows pasted into a ticket keep it.
pub fn assets_csv<'a>(
    job: JobNames<'a>,
    results: &'a [AssetResult],
    rows: &'a [AssetRow],
    order: &'a [u32],
    stuck_cutoff: Timestamp,
    records_per_part: usize,
) -> impl Iterator<Item = String> + 'a {
    let header = [
        "Asset ID",
        "Asset",
        "OS",
        "Status",
        "Status code",
        "State",
        "Phase",
        "Message",
        "Succeeded",
        "Failed",
        "Failed patches",
        "Superseded",
        "Not applicable",
        "Patches in the job",
        "Last change (UTC)",
        "Stuck",
        "Status applies to OS",
        "Job",
        "Job ID",
        "Run ID",
    ];
    csv_in_parts(header, order, records_per_part, move |csv, index| {
        let (result, row) = (&results[index as usize], &rows[index as usize]);
        // The catalogue's code and state once the status resolved, else what
        // the backend sent.
        let def = row.status_key().map(|key| key.def());
        let code = def
            .map(|def| def.code)
            .or(result.status.code)
            .map(|code| code.to_string())
            .unwrap_or_default();
        let state = def
            .map(|def| def.state)
            .or(result.status.state)
            .map(|state| state.to_string())
            .unwrap_or_default();
        // Blank without a status time: nothing to judge by.
        let stuck = row.progress.idle_since().map_or("", |_| {
            if row.progress.is_stuck(stuck_cutoff) {
                "yes"
            } else {
                "no"
            }
        });
        csv.record([
            result.asset_id.clone(),
            result.asset_name.clone(),
            result.os.clone(),
            row.status.label().into_owned(),
            code,
            state,
            row.phase.label().to_owned(),
            // As the Message column shows it: the failed patches where the
            // status has no message, so a sheet sorted by it keeps the reason.
            row.message_column().unwrap_or_default().to_owned(),
            csv_count(result.patches.succeeded),
            csv_count(result.patches.failed),
            result.failed_patches.join(PATCH_SEPARATOR),
            csv_count(result.patches.superseded),
            csv_count(result.patches.not_applicable),
            csv_count(result.patches.total),
            result
                .status_time
                .map(Timestamp::to_rfc3339)
                .unwrap_or_default(),
            stuck.to_owned(),
            row.progress
                .applicability()
                .map_or("", Applicability::label)
                .to_owned(),
            job.shown_name().to_owned(),
            job.id.to_owned(),
            job.run.unwrap_or_default().to_owned(),
        ]);
    })
}

/// The job an export's assets belong to.
#[derive(Debug, Clone, Copy)]
pub struct JobNames<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The run chosen on the page; none for the backend's latest.
    pub run: Option<&'a str>,
}

impl JobNames<'_> {
    /// The start of the export's file name: the job's, and the run's where
    /// one was chosen, so an older run's export is not taken for the
    /// latest's ("patch-tuesday-run-7-assets" for run "7", and for run
    /// "run-7" too).
    pub fn file_stem(&self) -> String {
        let job = file_stem(self.name, "job");
        match self.run.map(|run| file_stem(run, "run")) {
            Some(run) if run.starts_with("run") => format!("{job}-{run}-assets"),
            Some(run) => format!("{job}-run-{run}-assets"),
            None => format!("{job}-assets"),
        }
    }

    /// The name, or nothing where it only repeats the ID: a job the job
    /// list has not named is shown by its ID, which has a column of its own.
    fn shown_name(&self) -> &str {
        if self.name == self.id {
            ""
        } else {
            self.name
        }
    }
}

/// A count for the CSV: blank where the backend did not say.
fn csv_count(count: Option<u32>) -> String {
    count.map(|count| count.to_string()).unwrap_or_default()
}
