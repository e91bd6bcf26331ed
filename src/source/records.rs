//! The field tables of our records: the names a configuration maps, and how
//! each value lands in the domain types.

use super::coerce::{
    boolean, major_version, number, percentage, text, text_list, timestamp, unsigned, word,
};
use super::config::{Resource, Resources};
use super::gather::Identified;
use super::record::{
    decode_each, decode_whole, field_names, FieldDef, FieldKind, Missing, NativeLayout,
    NativeRecord, Record,
};
use crate::domain::asset::{AssetResult, Deferrals, RawStatus, StatusChange};
use crate::domain::endpoint::{
    real_windows, Drive, Endpoint, MaintenanceSchedule, MaintenanceWindow, Suspension,
};
use crate::domain::job::{Job, JobRun};
use crate::domain::time::Timestamp;

/// A value field: `value!("name", |draft, v| statement)`, and after it
/// `, unreadable: |draft| statement` where an unreadable value is marked.
macro_rules! value {
    ($name:literal, |$d:ident, $v:ident| $set:expr) => {
        value!(@ $name, |$d, $v| $set, None)
    };
    ($name:literal, |$d:ident, $v:ident| $set:expr, unreadable: $mark:expr) => {
        value!(@ $name, |$d, $v| $set, Some($mark))
    };
    (@ $name:literal, |$d:ident, $v:ident| $set:expr, $unreadable:expr) => {
        FieldDef {
            name: $name,
            kind: FieldKind::Value(|$d, $v| {
                $set;
                Ok(())
            }),
            unreadable: $unreadable,
        }
    };
}

fn require_text(value: &str, field: &'static str) -> Result<(), Missing> {
    if value.is_empty() {
        Err(Missing::required(field))
    } else {
        Ok(())
    }
}

/// A record's id is required; a missing name shows the id instead.
fn require_id_name(id: &str, name: &mut String, id_field: &'static str) -> Result<(), Missing> {
    require_text(id, id_field)?;
    if name.is_empty() {
        name.push_str(id);
    }
    Ok(())
}

static JOB_FIELDS: &[FieldDef<Job>] = &[
    value!("id", |j, v| j.id = text(v)?),
    value!("name", |j, v| j.name = text(v)?),
    value!("platform", |j, v| j.platform = Some(text(v)?)),
    value!("status", |j, v| j.status = Some(text(v)?)),
    value!("schedule", |j, v| j.schedule = Some(text(v)?)),
    value!("last_run", |j, v| j.last_run = timestamp(v)?.given()),
    value!("next_run", |j, v| j.next_run = timestamp(v)?.given()),
    value!("asset_count", |j, v| j.asset_count = Some(unsigned(v)?)),
    value!("completion_percent", |j, v| j.completion_percent =
        Some(percentage(v)?)),
    value!("succeeded", |j, v| j.succeeded = Some(unsigned(v)?)),
    value!("failed", |j, v| j.failed = Some(unsigned(v)?)),
    value!("in_progress", |j, v| j.in_progress = Some(unsigned(v)?)),
];

impl Record for Job {
    type Draft = Job;
    const REQUIRED: &'static [&'static str] = &["id"];
    fn fields() -> &'static [FieldDef<Job>] {
        JOB_FIELDS
    }
    fn finish(mut job: Job) -> Result<Job, Missing> {
        require_id_name(&job.id, &mut job.name, "id")?;
        Ok(job)
    }
}

static RUN_FIELDS: &[FieldDef<JobRun>] = &[
    value!("id", |r, v| r.id = text(v)?),
    value!("scheduled", |r, v| r.scheduled = timestamp(v)?.given()),
];

impl Record for JobRun {
    type Draft = JobRun;
    const REQUIRED: &'static [&'static str] = &["id"];
    fn fields() -> &'static [FieldDef<JobRun>] {
        RUN_FIELDS
    }
    fn finish(run: JobRun) -> Result<JobRun, Missing> {
        require_text(&run.id, "id")?;
        Ok(run)
    }
}

fn deferrals(result: &mut AssetResult) -> &mut Deferrals {
    result.facts.deferrals.get_or_insert_default()
}

fn status_unreadable(result: &mut AssetResult) {
    result.status.unreadable = true;
}

static ASSET_RESULT_FIELDS: &[FieldDef<AssetResult>] = &[
    value!("asset_id", |a, v| a.asset_id = text(v)?),
    value!("asset_name", |a, v| a.asset_name = text(v)?),
    value!("os", |a, v| a.os = text(v)?),
    value!("status_code", |a, v| a.status.code = Some(unsigned(v)?),
        unreadable: status_unreadable),
    value!("status_state", |a, v| a.status.state = Some(unsigned(v)?),
        unreadable: status_unreadable),
    value!("status_name", |a, v| a.status.name = Some(text(v)?),
        unreadable: status_unreadable),
    value!("status_time", |a, v| a.status_time = timestamp(v)?.given()),
    value!("patches_succeeded", |a, v| a.patches.succeeded =
        Some(unsigned(v)?)),
    value!("patches_failed", |a, v| a.patches.failed =
        Some(unsigned(v)?)),
    value!("patches_superseded", |a, v| a.patches.superseded =
        Some(unsigned(v)?)),
    value!("patches_not_applicable", |a, v| a.patches.not_applicable =
        Some(unsigned(v)?)),
    value!("patches_total", |a, v| a.patches.total = Some(unsigned(v)?)),
    value!("blocking_job", |a, v| a.facts.blocking_job = Some(text(v)?)),
    value!("deferrals_used", |a, v| deferrals(a).used =
        Some(unsigned(v)?)),
    value!("deferrals_available", |a, v| deferrals(a).available =
        Some(unsigned(v)?)),
    value!("pending_stage", |a, v| a.facts.pending_stage =
        Some(word(v)?)),
    value!("timeout_reason", |a, v| a.facts.timeout_reason =
        Some(text(v)?)),
    FieldDef {
        name: "history",
        kind: FieldKind::List {
            item_fields: field_names::<StatusChange>,
            // The entries that can be read still tell the asset's course.
            apply: |a, items, specs| decode_each(items, specs, |history| a.history = history),
        },
        unreadable: Some(|a| a.history_unreadable = a.history_unreadable.saturating_add(1)),
    },
    value!("succeeded_patches", |a, v| a.succeeded_patches =
        text_list(v)?),
    value!("failed_patches", |a, v| a.failed_patches = text_list(v)?),
];

impl Record for AssetResult {
    type Draft = AssetResult;
    const REQUIRED: &'static [&'static str] = &["asset_id"];
    const NATIVE: Option<NativeLayout<AssetResult>> = Some(NativeLayout::of(job_results));
    fn fields() -> &'static [FieldDef<AssetResult>] {
        ASSET_RESULT_FIELDS
    }
    fn finish(mut result: AssetResult) -> Result<AssetResult, Missing> {
        require_id_name(&result.asset_id, &mut result.asset_name, "asset_id")?;
        Ok(result)
    }
}

impl NativeRecord for AssetResult {
    fn accept(self) -> Option<Self> {
        Self::finish(self).ok()
    }
}

fn job_results(resources: &Resources) -> Option<&Resource> {
    resources.job_results.as_ref()
}

/// A history entry before its time is known to be present.
#[derive(Default)]
pub struct StatusChangeDraft {
    status: RawStatus,
    at: Option<Timestamp>,
}

static STATUS_CHANGE_FIELDS: &[FieldDef<StatusChangeDraft>] = &[
    value!("code", |c, v| c.status.code = Some(unsigned(v)?)),
    value!("state", |c, v| c.status.state = Some(unsigned(v)?)),
    value!("name", |c, v| c.status.name = Some(text(v)?)),
    value!("at", |c, v| c.at = Some(timestamp(v)?)),
];

impl Record for StatusChange {
    type Draft = StatusChangeDraft;
    const REQUIRED: &'static [&'static str] = &["at"];
    fn fields() -> &'static [FieldDef<StatusChangeDraft>] {
        STATUS_CHANGE_FIELDS
    }
    fn finish(draft: StatusChangeDraft) -> Result<StatusChange, Missing> {
        let at = draft.at.ok_or(Missing::required("at"))?;
        Ok(StatusChange {
            status: draft.status,
            at,
        })
    }
}

/// An endpoint while its suspension parts are still being collected.
#[derive(Default)]
pub struct EndpointDraft {
    endpoint: Endpoint,
    suspension_cycles: Option<u32>,
    suspension_from: Option<Timestamp>,
    suspension_until: Option<Timestamp>,
}

fn maintenance_unreadable(draft: &mut EndpointDraft) {
    draft.endpoint.unreadable.maintenance = true;
}

fn suspension_unreadable(draft: &mut EndpointDraft) {
    draft.endpoint.unreadable.suspension = true;
}

fn powershell_unreadable(draft: &mut EndpointDraft) {
    draft.endpoint.unreadable.powershell = true;
}

fn readiness_unreadable(draft: &mut EndpointDraft) {
    draft.endpoint.unreadable.readiness = true;
}

fn pending_unreadable(draft: &mut EndpointDraft) {
    draft.endpoint.unreadable.pending_action = true;
}

static ENDPOINT_FIELDS: &[FieldDef<EndpointDraft>] = &[
    value!("id", |e, v| e.endpoint.id = text(v)?),
    value!("name", |e, v| e.endpoint.name = text(v)?),
    value!("os", |e, v| e.endpoint.os = text(v)?,
        unreadable: |e| e.endpoint.unreadable.os = true),
    value!("connector", |e, v| e.endpoint.connector = Some(word(v)?),
        unreadable: |e| e.endpoint.unreadable.connector = true),
    value!("credentials_valid", |e, v| e.endpoint.credentials_valid =
        Some(boolean(v)?), unreadable: |e| e.endpoint.unreadable.credentials = true),
    value!("power", |e, v| e.endpoint.power = Some(word(v)?),
        unreadable: |e| e.endpoint.unreadable.power = true),
    value!("os_supported", |e, v| e.endpoint.os_supported =
        Some(boolean(v)?), unreadable: |e| e.endpoint.unreadable.os_support = true),
    value!("maintenance_name", |e, v| e
        .endpoint
        .maintenance
        .get_or_insert_default()
        .name = text(v)?,
        unreadable: maintenance_unreadable),
    FieldDef {
        name: "maintenance_windows",
        kind: FieldKind::List {
            item_fields: field_names::<MaintenanceWindow>,
            apply: |e, items, specs| {
                decode_whole(items, specs, |windows| {
                    e.endpoint.maintenance.get_or_insert_default().windows = real_windows(windows);
                })
            },
        },
        unreadable: Some(maintenance_unreadable),
    },
    // Only a true flag implies a schedule: `false` says nothing about having one.
    value!("maintenance_last_window_ran_out", |e, v| if boolean(v)? {
        e.endpoint
            .maintenance
            .get_or_insert_default()
            .last_window_ran_out = true;
    }, unreadable: maintenance_unreadable),
    value!("suspension_cycles", |e, v| e.suspension_cycles =
        Some(unsigned(v)?), unreadable: suspension_unreadable),
    value!("suspension_from", |e, v| e.suspension_from =
        Some(timestamp(v)?), unreadable: suspension_unreadable),
    value!("suspension_until", |e, v| e.suspension_until =
        Some(timestamp(v)?), unreadable: suspension_unreadable),
    value!("powershell_major", |e, v| e.endpoint.powershell_major =
        Some(major_version(v)?), unreadable: powershell_unreadable),
    value!("powershell_policy", |e, v| e.endpoint.powershell_policy =
        Some(text(v)?), unreadable: powershell_unreadable),
    value!("advisories_missing", |e, v| e
        .endpoint
        .readiness
        .advisories_missing =
        boolean(v)?,
        unreadable: readiness_unreadable),
    value!("packages_missing", |e, v| e
        .endpoint
        .readiness
        .packages_missing =
        boolean(v)?,
        unreadable: readiness_unreadable),
    value!("wrong_repositories", |e, v| e
        .endpoint
        .readiness
        .wrong_repositories =
        boolean(v)?,
        unreadable: readiness_unreadable),
    value!("subscription_missing", |e, v| e
        .endpoint
        .readiness
        .subscription_missing =
        boolean(v)?,
        unreadable: readiness_unreadable),
    value!("wsus_last_report", |e, v| e
        .endpoint
        .readiness
        .wsus_last_report =
        Some(timestamp(v)?),
        unreadable: |e| e.endpoint.unreadable.wsus_report = true),
    value!("pending_user_action", |e, v| e
        .endpoint
        .pending_user_action =
        boolean(v)?,
        unreadable: pending_unreadable),
    value!("pending_reboot", |e, v| e.endpoint.pending_reboot =
        boolean(v)?, unreadable: pending_unreadable),
    FieldDef {
        name: "drives",
        kind: FieldKind::List {
            item_fields: field_names::<Drive>,
            // The drives that can be read still show how full the endpoint
            // is: one unreadable drive must not hide another at 97 %.
            apply: |e, items, specs| decode_each(items, specs, |drives| e.endpoint.drives = drives),
        },
        unreadable: Some(|e| {
            let drives = &mut e.endpoint.unreadable.drives;
            *drives = drives.saturating_add(1);
        }),
    },
    value!("last_seen", |e, v| e.endpoint.last_seen =
        timestamp(v)?.given()),
    value!("reported_exemptions", |e, v| e
        .endpoint
        .reported_exemptions =
        text_list(v)?,
        unreadable: |e| e.endpoint.unreadable.reported_exemptions = true),
];

impl Record for Endpoint {
    type Draft = EndpointDraft;
    const REQUIRED: &'static [&'static str] = &["id"];
    const NATIVE: Option<NativeLayout<Endpoint>> = Some(NativeLayout::of(endpoints));
    fn fields() -> &'static [FieldDef<EndpointDraft>] {
        ENDPOINT_FIELDS
    }
    fn finish(draft: EndpointDraft) -> Result<Endpoint, Missing> {
        let mut endpoint = draft.endpoint;
        require_id_name(&endpoint.id, &mut endpoint.name, "id")?;
        if endpoint.unreadable.maintenance {
            // Part of a schedule is no schedule to judge windows by.
            endpoint.maintenance = None;
        }
        endpoint.suspension = match (
            draft.suspension_cycles,
            draft.suspension_from,
            draft.suspension_until,
        ) {
            (Some(remaining), _, _) => Some(Suspension::Cycles { remaining }),
            // One that ends before it starts, or half a span (the other
            // date not sent, or left out as unreadable), is reported by
            // `half_given` and marked unreadable: no suspension is judged.
            (None, Some(from), Some(until)) => {
                Some(Suspension::Between { from, until }).filter(|span| !span.ends_before_start())
            }
            _ => None,
        };
        Ok(endpoint)
    }
    fn half_given(draft: &EndpointDraft) -> Option<Missing> {
        if draft.suspension_cycles.is_some() || draft.endpoint.unreadable.suspension {
            return None;
        }
        match (draft.suspension_from, draft.suspension_until) {
            (Some(_), None) => Some(Missing {
                field: "suspension_until",
                why: "not given with suspension_from, so the suspension is left out",
            }),
            (None, Some(_)) => Some(Missing {
                field: "suspension_from",
                why: "not given with suspension_until, so the suspension is left out",
            }),
            (Some(from), Some(until))
                if (Suspension::Between { from, until }).ends_before_start() =>
            {
                Some(Missing {
                    field: "suspension_until",
                    why: "before suspension_from, so the suspension is left out",
                })
            }
            _ => None,
        }
    }
}

impl NativeRecord for Endpoint {
    fn accept(mut self) -> Option<Self> {
        if self.maintenance.as_ref().is_some_and(says_nothing) {
            // `{}` reads as the same empty schedule as `{"name": ""}`,
            // but the field table makes a schedule only of the second.
            return None;
        }
        // serde has read the suspension whole, as `finish` builds it from
        // parts; a span or window that ends before it starts is reported
        // there.
        let backwards_window = self.maintenance.as_ref().is_some_and(|schedule| {
            schedule
                .windows
                .iter()
                .any(MaintenanceWindow::ends_before_start)
        });
        let backwards_suspension = self
            .suspension
            .as_ref()
            .is_some_and(Suspension::ends_before_start);
        if backwards_window || backwards_suspension {
            return None;
        }
        require_id_name(&self.id, &mut self.name, "id").ok()?;
        Some(self)
    }
}

fn endpoints(resources: &Resources) -> Option<&Resource> {
    resources.endpoints.as_ref()
}

/// A schedule with no name, no windows and no window that ran out.
fn says_nothing(schedule: &MaintenanceSchedule) -> bool {
    schedule.name.is_empty() && schedule.windows.is_empty() && !schedule.last_window_ran_out
}

/// A maintenance window before both ends are known to be present.
#[derive(Default)]
pub struct WindowDraft {
    start: Option<Timestamp>,
    end: Option<Timestamp>,
}

static WINDOW_FIELDS: &[FieldDef<WindowDraft>] = &[
    value!("start", |w, v| w.start = Some(timestamp(v)?)),
    value!("end", |w, v| w.end = Some(timestamp(v)?)),
];

impl Record for MaintenanceWindow {
    type Draft = WindowDraft;
    const REQUIRED: &'static [&'static str] = &["start", "end"];
    fn fields() -> &'static [FieldDef<WindowDraft>] {
        WINDOW_FIELDS
    }
    fn finish(draft: WindowDraft) -> Result<MaintenanceWindow, Missing> {
        let window = MaintenanceWindow {
            start: draft.start.ok_or(Missing::required("start"))?,
            end: draft.end.ok_or(Missing::required("end"))?,
        };
        // A window that can never open must not be waited for. One of two
        // "never"s is no window, left out after (`real_windows`).
        if window.ends_before_start() && !window.is_placeholder() {
            return Err(Missing {
                field: "end",
                why: "before the window's start",
            });
        }
        Ok(window)
    }
}

/// A drive before its name and usage are known to be present.
#[derive(Default)]
pub struct DriveDraft {
    name: Option<String>,
    used_percent: Option<f64>,
    /// Free space and size, in any one unit, for a backend that sends no
    /// percentage (Intune, NinjaOne: bytes).
    free: Option<f64>,
    size: Option<f64>,
}

impl DriveDraft {
    /// The share used: as sent, or worked out from free space and size.
    fn used_percent(&self) -> Option<f64> {
        self.used_percent.or_else(|| {
            let (free, size) = (self.free?, self.size?);
            // Rounded past float noise: 47.6 free of 476 is 90 %, not
            // 89.99999999999999, which would not warn of Low Disk Space.
            (size > 0.0 && (0.0..=size).contains(&free))
                .then(|| ((size - free) / size * 100.0 * 1e9).round() / 1e9)
        })
    }
}

static DRIVE_FIELDS: &[FieldDef<DriveDraft>] = &[
    value!("name", |d, v| d.name = Some(text(v)?)),
    value!("used_percent", |d, v| d.used_percent = Some(percentage(v)?)),
    value!("free", |d, v| d.free = Some(number(v)?)),
    value!("size", |d, v| d.size = Some(number(v)?)),
];

impl Record for Drive {
    type Draft = DriveDraft;
    const REQUIRED: &'static [&'static str] = &["name", "used_percent"];
    fn fields() -> &'static [FieldDef<DriveDraft>] {
        DRIVE_FIELDS
    }
    fn finish(draft: DriveDraft) -> Result<Drive, Missing> {
        let unusable = Missing {
            field: "used_percent",
            why: "not given, and the free space and size give none (a size of 0, or more \
                  free than the size)",
        };
        let used_percent = match (draft.used_percent(), draft.free, draft.size) {
            (Some(used), _, _) => used,
            (None, Some(_), Some(_)) => return Err(unusable),
            (None, Some(_), None) => {
                return Err(Missing {
                    field: "size",
                    why: "needed beside free to work out the share used",
                })
            }
            (None, None, Some(_)) => {
                return Err(Missing {
                    field: "free",
                    why: "needed beside size to work out the share used",
                })
            }
            (None, None, None) => return Err(Missing::required("used_percent")),
        };
        Ok(Drive {
            name: draft.name.ok_or(Missing::required("name"))?,
            used_percent,
        })
    }
}

/// Each top-level record's id, by the field a configuration maps it to.
macro_rules! identified {
    ($($record:ty => $field:ident),* $(,)?) => {$(
        impl Identified for $record {
            const ID_FIELD: &'static str = stringify!($field);
            fn id(&self) -> &str {
                &self.$field
            }
        }
    )*};
}

identified!(Job => id, JobRun => id, AssetResult => asset_id, Endpoint => id);
