//! One file per page.

mod exemptions;
mod job_list;
mod job_progress;
mod not_found;
mod reference;

use exemptions::exemptions_searching;
pub use exemptions::ExemptionsPage;
pub use job_list::JobListPage;
pub use job_progress::JobProgressPage;
pub use not_found::NotFoundPage;
use reference::reference_for_status;
pub use reference::ReferencePage;
