//! One asset's result within a deployment job, as decoded from a backend.

use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A status as a backend reports it: any of code, state and name may be missing.
/// Resolution against the catalogue happens in `status`, never here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RawStatus {
    pub code: Option<u16>,
    pub state: Option<u8>,
    pub name: Option<String>,
}

/// Patch counts for one asset in one job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PatchCounts {
    pub succeeded: u32,
    pub failed: u32,
    pub superseded: u32,
    pub not_applicable: u32,
    pub total: u32,
}

/// Where a Pending (2032) asset is: before the manifest exists, or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PendingStage {
    Preparing,
    AvailableForDownload,
}

/// Reboot deferrals used and available, for Reboot Deferred (2058).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deferrals {
    pub used: u32,
    pub available: u32,
}

/// One entry of an asset's status history, when the backend gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: RawStatus,
    pub at: Timestamp,
}

/// The facts a status message is built from; each is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageFacts {
    /// Execution Blocked: the job that is running and blocks this one.
    pub blocking_job: Option<String>,
    pub deferrals: Option<Deferrals>,
    pub pending_stage: Option<PendingStage>,
    /// Timed Out: the reason as the backend words or codes it.
    pub timeout_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AssetResult {
    pub asset_id: String,
    pub asset_name: String,
    /// The operating system as the backend names it ("Windows Server 2022", "Ubuntu 22.04").
    pub os: String,
    pub status: RawStatus,
    pub status_time: Option<Timestamp>,
    pub patches: PatchCounts,
    pub facts: MessageFacts,
    pub history: Vec<StatusChange>,
    pub succeeded_patches: Vec<String>,
    pub failed_patches: Vec<String>,
}
