//! Which colour family each domain value wears: one meaning, one colour.

use super::components::Tone;
use crate::domain::exemption::Impact;
use crate::domain::fleet::PatchOutlook;
use crate::domain::phase::Phase;

pub fn phase_tone(phase: Phase) -> Tone {
    match phase {
        Phase::Succeeded => Tone::Succeeded,
        Phase::Failed => Tone::Failed,
        Phase::Running => Tone::Running,
        Phase::Waiting | Phase::Queued => Tone::Waiting,
        Phase::Canceled | Phase::Skipped | Phase::NotApplicable => Tone::Neutral,
        Phase::Unknown => Tone::Unknown,
    }
}

pub fn outlook_tone(outlook: PatchOutlook) -> Tone {
    match outlook {
        PatchOutlook::Patchable => Tone::Succeeded,
        PatchOutlook::TemporarilyCannotPatch => Tone::Waiting,
        PatchOutlook::CannotPatch => Tone::Failed,
    }
}

pub fn impact_tone(impact: Impact) -> Tone {
    match impact {
        Impact::TemporarilyCannotPatch => Tone::Waiting,
        Impact::CannotPatch => Tone::Failed,
    }
}
