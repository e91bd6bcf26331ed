//! Operating system families, the unit of status applicability.

use serde::{Deserialize, Serialize};

/// The OS families the status catalogue states applicability for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OsFamily {
    Windows,
    Linux,
    Mac,
    /// Anything we cannot place; applicability checks are skipped for it.
    Other,
}
