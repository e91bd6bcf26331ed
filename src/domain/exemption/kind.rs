//! The exemption and warning kinds, and how hard each blocks patching.

use super::catalogue::{self, CatalogueEntry};
use crate::domain::os::OsFamily;
use serde::{Deserialize, Serialize};

/// How an exemption affects patching, as the vendor classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Impact {
    /// Held back by a condition that can change: some clear by themselves (a
    /// window opens, the link returns), others once someone acts.
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

    /// What the impact means for the endpoint, in our words.
    pub const fn meaning(self) -> &'static str {
        match self {
            Impact::TemporarilyCannotPatch => {
                "Held back for now by a condition that can change. Some clear by \
                 themselves (a maintenance window opens, the connection comes back), \
                 others once someone acts (new credentials, a suspension lifted): \
                 each one's fix says which."
            }
            Impact::CannotPatch => {
                "Blocked until someone acts on the cause; left alone, it stays blocked. \
                 Each one's fix says what to do."
            }
        }
    }
}

/// Declares [`ExemptionKind`] with its `ALL` and `impact` from one list, in
/// the vendor's catalogue order, so that the three cannot drift apart.
macro_rules! exemption_kinds {
    ($($kind:ident => $impact:ident,)+) => {
        /// One JetPatch endpoint exemption: a reason the endpoint cannot be patched now.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum ExemptionKind {
            $($kind,)+
        }

        impl ExemptionKind {
            /// Every kind, in the vendor's catalogue order; `ALL[k.index()] == k`.
            pub const ALL: [ExemptionKind; [$(stringify!($kind)),+].len()] =
                [$(ExemptionKind::$kind),+];

            /// Whether the endpoint waits for conditions to change or needs a fix.
            pub const fn impact(self) -> Impact {
                match self {
                    $(ExemptionKind::$kind => Impact::$impact,)+
                }
            }
        }
    };
}

exemption_kinds! {
    UntestedEndpoint => CannotPatch,
    PatchingInapplicable => CannotPatch,
    PoweredOff => CannotPatch,
    PowerSuspended => CannotPatch,
    PowerUnknown => CannotPatch,
    Disconnected => TemporarilyCannotPatch,
    ConnectorNotInstalled => CannotPatch,
    ConnectorDown => TemporarilyCannotPatch,
    NotReachable => TemporarilyCannotPatch,
    InvalidCredentials => TemporarilyCannotPatch,
    AwaitingMaintenanceWindow => TemporarilyCannotPatch,
    MaintenanceWindowRequired => TemporarilyCannotPatch,
    MaintenanceWindowExpired => TemporarilyCannotPatch,
    NoMaintenanceEntry => TemporarilyCannotPatch,
    MaintenanceWindowTimeout => TemporarilyCannotPatch,
    SuspendedByUser => TemporarilyCannotPatch,
    UnsupportedPowerShellExecutionPolicy => CannotPatch,
    UnsupportedPowerShellVersion => CannotPatch,
    AdvisoriesNotExist => CannotPatch,
    PackagesNotExist => CannotPatch,
    WrongRepositoriesConfiguration => CannotPatch,
    SubscriptionMissing => CannotPatch,
    WsusCommunicationProblems => CannotPatch,
    UnknownEndpoint => CannotPatch,
    PendingUserAction => CannotPatch,
    PendingRebootSuspension => CannotPatch,
}

impl ExemptionKind {
    /// Position in [`ExemptionKind::ALL`]; also the bit in an `ExemptionSet`.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The vendor's exact name, e.g. "Connector Not Installed / Available".
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// What the exemption means, in our words.
    pub fn meaning(self) -> &'static str {
        self.entry().meaning
    }

    /// Steps an operator can follow to clear it, in order.
    pub fn fix(self) -> &'static [&'static str] {
        self.entry().fix
    }

    /// What the exemption means on an endpoint of `family`: the general
    /// meaning unless the catalogue has one written for that family.
    pub fn meaning_on(self, family: OsFamily) -> &'static str {
        catalogue::exemption_on(self, family).map_or(self.meaning(), |text| text.meaning)
    }

    /// The steps that clear it on an endpoint of `family`, as
    /// [`ExemptionKind::meaning_on`] chooses its meaning.
    pub fn fix_on(self, family: OsFamily) -> &'static [&'static str] {
        catalogue::exemption_on(self, family).map_or(self.fix(), |text| text.fix)
    }

    /// What of the text shown on an endpoint of `family` Patchboard wrote,
    /// as [`ExemptionKind::meaning_on`] chooses its meaning.
    pub fn our_addition_on(self, family: OsFamily) -> Option<&'static str> {
        catalogue::exemption_on(self, family)
            .map_or(self.entry().our_addition, |text| text.our_addition)
    }

    /// The full catalogue entry, including whether we filled gaps in the vendor text.
    pub fn entry(self) -> &'static CatalogueEntry {
        catalogue::exemption(self)
    }
}

/// A warning: in neither impact class, so the endpoint stays Patchable, but
/// it can stop a patch from installing (a drive too full for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Warning {
    LowDiskSpace,
}

impl Warning {
    /// Every warning, in catalogue order.
    pub const ALL: [Warning; 1] = [Warning::LowDiskSpace];

    /// The full catalogue entry: the vendor's exact name, its meaning and fix.
    pub fn entry(self) -> &'static CatalogueEntry {
        catalogue::warning(self)
    }
}
