//! Where the pages get their data: the configured backend (or the demo), and
//! live resources that load progressively, refresh, and keep the last good
//! data when a refresh fails.

mod kept_job;
mod live;
mod setup;
mod shared;

pub use kept_job::{provide_kept_job, use_job_loads};
pub use live::{provide_refresh_pause, use_live, Live, LiveStatus, LoadStatus, ResourceKind};
pub use setup::{
    configured, fetch_config_again, provide_data_source, use_data_source, use_results_per_run,
    use_stuck_after_hours, SourceState,
};
pub use shared::{release_later, Shared};
