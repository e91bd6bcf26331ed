//! The exemption and warning kinds, and how hard each blocks patching.

use super::catalogue::{self, CatalogueEntry};
use serde::{Deserialize, Serialize};

/// How an exemption affects patching, as the vendor classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Impact {
    /// Clears by itself once conditions change (a window opens, the link returns).
    TemporarilyCannotPatch,
    /// Stays until someone fixes the cause.
    CannotPatch,
}

impl Impact {
    /// A stable token for URLs, storage and CSS classes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Impact::TemporarilyCannotPatch => "temporarily_cannot_patch",
            Impact::CannotPatch => "cannot_patch",
        }
    }

    /// The vendor's wording, for display.
    pub const fn label(self) -> &'static str {
        match self {
            Impact::TemporarilyCannotPatch => "Temporarily cannot patch",
            Impact::CannotPatch => "Cannot patch",
        }
    }
}

/// One JetPatch endpoint exemption: a reason the endpoint cannot be patched now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ExemptionKind {
    UntestedEndpoint,
    PatchingInapplicable,
    PoweredOff,
    PowerSuspended,
    PowerUnknown,
    Disconnected,
    ConnectorNotInstalled,
    ConnectorDown,
    NotReachable,
    InvalidCredentials,
    AwaitingMaintenanceWindow,
    MaintenanceWindowRequired,
    MaintenanceWindowExpired,
    NoMaintenanceEntry,
    MaintenanceWindowTimeout,
    SuspendedByUser,
    UnsupportedPowerShellExecutionPolicy,
    UnsupportedPowerShellVersion,
    AdvisoriesNotExist,
    PackagesNotExist,
    WrongRepositoriesConfiguration,
    SubscriptionMissing,
    WsusCommunicationProblems,
    UnknownEndpoint,
    PendingUserAction,
    PendingRebootSuspension,
}

impl ExemptionKind {
    /// Every kind, in the vendor's catalogue order; `ALL[k.index()] == k`.
    pub const ALL: [ExemptionKind; 26] = {
        use ExemptionKind::*;
        [
            UntestedEndpoint,
            PatchingInapplicable,
            PoweredOff,
            PowerSuspended,
            PowerUnknown,
            Disconnected,
            ConnectorNotInstalled,
            ConnectorDown,
            NotReachable,
            InvalidCredentials,
            AwaitingMaintenanceWindow,
            MaintenanceWindowRequired,
            MaintenanceWindowExpired,
            NoMaintenanceEntry,
            MaintenanceWindowTimeout,
            SuspendedByUser,
            UnsupportedPowerShellExecutionPolicy,
            UnsupportedPowerShellVersion,
            AdvisoriesNotExist,
            PackagesNotExist,
            WrongRepositoriesConfiguration,
            SubscriptionMissing,
            WsusCommunicationProblems,
            UnknownEndpoint,
            PendingUserAction,
            PendingRebootSuspension,
        ]
    };

    /// Position in [`ExemptionKind::ALL`]; also the bit in an `ExemptionSet`.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The vendor's exact name, e.g. "Connector Not Installed / Available".
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// Whether the endpoint waits for conditions to change or needs a fix.
    pub const fn impact(self) -> Impact {
        use ExemptionKind::*;
        match self {
            Disconnected
            | ConnectorDown
            | NotReachable
            | InvalidCredentials
            | AwaitingMaintenanceWindow
            | MaintenanceWindowRequired
            | MaintenanceWindowExpired
            | NoMaintenanceEntry
            | MaintenanceWindowTimeout
            | SuspendedByUser => Impact::TemporarilyCannotPatch,
            UntestedEndpoint
            | PatchingInapplicable
            | PoweredOff
            | PowerSuspended
            | PowerUnknown
            | ConnectorNotInstalled
            | UnsupportedPowerShellExecutionPolicy
            | UnsupportedPowerShellVersion
            | AdvisoriesNotExist
            | PackagesNotExist
            | WrongRepositoriesConfiguration
            | SubscriptionMissing
            | WsusCommunicationProblems
            | UnknownEndpoint
            | PendingUserAction
            | PendingRebootSuspension => Impact::CannotPatch,
        }
    }

    /// What the exemption means, in our words.
    pub fn meaning(self) -> &'static str {
        self.entry().meaning
    }

    /// Steps an operator can follow to clear it, in order.
    pub fn fix(self) -> &'static [&'static str] {
        self.entry().fix
    }

    /// The full catalogue entry, including whether we filled gaps in the vendor text.
    pub fn entry(self) -> &'static CatalogueEntry {
        catalogue::exemption(self)
    }
}

// `index()` doubles as the position in `ALL`; keep the two in step.
const _: () = {
    let mut i = 0;
    while i < ExemptionKind::ALL.len() {
        assert!(ExemptionKind::ALL[i] as usize == i);
        i += 1;
    }
};

/// A warning: worth an operator's attention, but it never blocks patching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Warning {
    LowDiskSpace,
}

impl Warning {
    /// Every warning, in catalogue order.
    pub const ALL: [Warning; 1] = [Warning::LowDiskSpace];

    /// The vendor's exact name.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// What the warning means, in our words.
    pub fn meaning(self) -> &'static str {
        self.entry().meaning
    }

    /// Steps an operator can follow to clear it, in order.
    pub fn fix(self) -> &'static [&'static str] {
        self.entry().fix
    }

    /// The full catalogue entry.
    pub fn entry(self) -> &'static CatalogueEntry {
        catalogue::warning(self)
    }
}
