//! One asset's result within a deployment job, as decoded from a backend.

use super::decimal::Noun;
use super::partly_read::unreadable_entries_note;
use super::strict_serde::{objects_only, strings_only};
use super::time::{optional_time, Timestamp};
use serde::{Deserialize, Serialize};

/// A status as a backend reports it: any of code, state and name may be missing.
/// Resolution against the catalogue happens in `status`, never here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct RawStatus {
    pub code: Option<u16>,
    pub state: Option<u8>,
    pub name: Option<String>,
    /// Part of the status the backend sent could not be read and was left
    /// out: what is missing was sent, not "not reported".
    #[serde(skip)]
    pub unreadable: bool,
}

/// Patch counts for one asset in one job. None where the backend did not
/// say: "0 failed" is a fact an operator acts on, so an unknown count must
/// never read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct PatchCounts {
    pub succeeded: Option<u32>,
    pub failed: Option<u32>,
    pub superseded: Option<u32>,
    pub not_applicable: Option<u32>,
    pub total: Option<u32>,
}

/// A count as a cell shows it: "—" where the backend did not say.
pub fn count_text(count: Option<u32>) -> String {
    count.map_or_else(|| "—".to_owned(), |count| count.to_string())
}

impl PatchCounts {
    /// Counts a backend gave in full.
    pub fn known(
        succeeded: u32,
        failed: u32,
        superseded: u32,
        not_applicable: u32,
        total: u32,
    ) -> Self {
        PatchCounts {
            succeeded: Some(succeeded),
            failed: Some(failed),
            superseded: Some(superseded),
            not_applicable: Some(not_applicable),
            total: Some(total),
        }
    }
}

/// Where a Pending (2032) asset is: before the manifest exists, or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub enum PendingStage {
    Preparing,
    AvailableForDownload,
}

/// Reboot deferrals used and available, for Reboot Deferred (2058). A
/// backend may report one count without the other: the missing one is
/// `None`, not 0, which would read "2 of 0".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct Deferrals {
    pub used: Option<u32>,
    pub available: Option<u32>,
}

/// Deferrals with neither count (`{}`) are none at all, as a field mapping
/// that finds neither count reads them.
fn counted_deferrals<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Deferrals>, D::Error> {
    let deferrals = Option::<Deferrals>::deserialize(deserializer)?;
    Ok(deferrals.filter(|counts| *counts != Deferrals::default()))
}

/// One entry of an asset's status history, when the backend gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct StatusChange {
    #[serde(default)]
    pub status: RawStatus,
    pub at: Timestamp,
}

/// The facts a status message is built from; each is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct MessageFacts {
    /// Execution Blocked: the job that is running and blocks this one.
    pub blocking_job: Option<String>,
    #[serde(deserialize_with = "counted_deferrals")]
    pub deferrals: Option<Deferrals>,
    pub pending_stage: Option<PendingStage>,
    /// Timed Out: the reason as the backend words or codes it.
    pub timeout_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", default)]
pub struct AssetResult {
    pub asset_id: String,
    pub asset_name: String,
    /// The operating system as the backend names it ("Windows Server 2022", "Ubuntu 22.04").
    pub os: String,
    pub status: RawStatus,
    #[serde(default, deserialize_with = "optional_time")]
    pub status_time: Option<Timestamp>,
    pub patches: PatchCounts,
    pub facts: MessageFacts,
    pub history: Vec<StatusChange>,
    /// How many history entries could not be read: `history` holds only
    /// those that could.
    #[serde(skip)]
    pub history_unreadable: u16,
    pub succeeded_patches: Vec<String>,
    pub failed_patches: Vec<String>,
}

impl AssetResult {
    /// The status history oldest first, whatever order the backend sent.
    pub fn history_oldest_first(&self) -> Vec<&StatusChange> {
        let mut history: Vec<&StatusChange> = self.history.iter().collect();
        history.sort_by_key(|change| change.at);
        history
    }

    /// What the panel says when part of the history could not be read.
    pub fn history_note(&self) -> Option<String> {
        let entries = Noun {
            one: "entry",
            many: "entries",
        };
        unreadable_entries_note(
            self.history.len(),
            self.history_unreadable,
            "The status history",
            entries,
        )
    }
}

// Missing members take their defaults (native files leave out nulls and empty
// lists); see `strict_serde` for why only objects and strings are read.
objects_only!(
    RawStatus,
    PatchCounts,
    Deferrals,
    StatusChange,
    MessageFacts,
    AssetResult
);
strings_only!(PendingStage);
