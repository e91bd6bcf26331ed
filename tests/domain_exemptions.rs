//! The exemption catalogue, name look-up, the kind bitset and the roll-up.

use patchboard::domain::exemption::{CatalogueName, ExemptionKind, ExemptionSet, Impact, Warning};
use patchboard::domain::fleet::PatchOutlook;
use patchboard::domain::os::OsFamily;
use std::collections::HashSet;

/// Seed 001, in its order.
const SEED_NAMES: [&str; 26] = [
    "Untested Endpoint",
    "Patching Inapplicable",
    "Powered Off",
    "Power Suspended",
    "Power Unknown",
    "Disconnected",
    "Connector Not Installed / Available",
    "Connector Down",
    "Not Reachable",
    "Invalid Credentials",
    "Awaiting Maintenance Window",
    "Maintenance Window Required",
    "Maintenance Window Expired",
    "No Maintenance Entry",
    "Maintenance Window Timeout",
    "Suspended by User",
    "Unsupported PowerShell Execution Policy",
    "Unsupported PowerShell Version",
    "Advisories Not Exist",
    "Packages Not Exist",
    "Wrong Repositories Configuration",
    "Subscription Missing",
    "WSUS Communication Problems",
    "Unknown Endpoint",
    "Pending User Action",
    "Pending Reboot Suspension",
];

/// Seed 001: the only exemptions whose impact is "Temporarily cannot patch".
const SEED_TEMPORARY: [&str; 10] = [
    "Disconnected",
    "Connector Down",
    "Not Reachable",
    "Invalid Credentials",
    "Awaiting Maintenance Window",
    "Maintenance Window Required",
    "Maintenance Window Expired",
    "No Maintenance Entry",
    "Maintenance Window Timeout",
    "Suspended by User",
];

#[test]
fn catalogue_names_are_the_seed_names_in_order() {
    let names: Vec<&str> = ExemptionKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, SEED_NAMES);
    assert_eq!(Warning::LowDiskSpace.entry().name, "Low Disk Space");
}

/// The seed's note: the column that shows disk use may be hidden, and
/// an operator who cannot see it cannot check the drive.
#[test]
fn low_disk_space_fix_says_where_the_disk_use_column_is_turned_on() {
    let fix = Warning::LowDiskSpace.entry().fix.join(" ");
    assert!(fix.contains("Disk Space In Use"), "{fix}");
    assert!(fix.contains("Show its column in Table Settings"), "{fix}");
}

#[test]
fn all_lists_each_kind_once_at_its_index() {
    let distinct: HashSet<_> = ExemptionKind::ALL.into_iter().collect();
    assert_eq!(distinct.len(), 26);
    for (i, kind) in ExemptionKind::ALL.into_iter().enumerate() {
        assert_eq!(kind.index(), i);
    }
}

#[test]
fn impacts_follow_the_seed() {
    for kind in ExemptionKind::ALL {
        let expected = if SEED_TEMPORARY.contains(&kind.name()) {
            Impact::TemporarilyCannotPatch
        } else {
            Impact::CannotPatch
        };
        assert_eq!(kind.impact(), expected, "{}", kind.name());
    }
}

#[test]
fn impact_labels_and_tokens() {
    assert_eq!(Impact::CannotPatch.label(), "Cannot patch");
    assert_eq!(
        Impact::TemporarilyCannotPatch.label(),
        "Temporarily cannot patch"
    );
    assert_eq!(Impact::CannotPatch.as_str(), "cannot_patch");
    assert_eq!(
        Impact::TemporarilyCannotPatch.as_str(),
        "temporarily_cannot_patch"
    );
}

#[test]
fn every_entry_has_a_meaning_and_actionable_steps() {
    let entries = ExemptionKind::ALL
        .iter()
        .map(|k| k.entry())
        .chain(Warning::ALL.iter().map(|w| w.entry()));
    for entry in entries {
        assert!(entry.meaning.len() > 20, "{}", entry.name);
        assert!(!entry.fix.is_empty(), "{}", entry.name);
        assert!(
            entry.fix.iter().all(|step| step.len() > 10),
            "{}",
            entry.name
        );
        assert!(
            entry.our_addition.is_none_or(|note| !note.is_empty()),
            "{}",
            entry.name
        );
    }
}

#[test]
fn patching_inapplicable_speaks_to_the_endpoints_own_os() {
    let kind = ExemptionKind::PatchingInapplicable;
    let mentions_windows = |text: &str| text.contains("Windows");
    // The general text names both families' causes, as the vendor's does.
    assert!(mentions_windows(kind.meaning()) && kind.meaning().contains("Linux"));
    let linux = (
        kind.meaning_on(OsFamily::Linux),
        kind.fix_on(OsFamily::Linux),
    );
    assert!(!mentions_windows(linux.0), "{}", linux.0);
    assert!(
        linux.1.iter().all(|step| !mentions_windows(step)),
        "{:?}",
        linux.1
    );
    assert!(linux.1.iter().any(|step| step.contains("distribution")));
    let windows = (
        kind.meaning_on(OsFamily::Windows),
        kind.fix_on(OsFamily::Windows),
    );
    assert!(!windows.0.contains("Linux"), "{}", windows.0);
    assert!(windows.1[0].contains("Windows Update"), "{:?}", windows.1);
    // The note of what Patchboard wrote speaks of the text shown.
    let linux_note = kind.our_addition_on(OsFamily::Linux).unwrap();
    assert!(!mentions_windows(linux_note), "{linux_note}");
    let windows_note = kind.our_addition_on(OsFamily::Windows).unwrap();
    assert!(windows_note.contains("Windows reasons"), "{windows_note}");
    // A Mac, or an OS we cannot place, hears neither family's causes.
    for family in [OsFamily::Mac, OsFamily::Other] {
        let (meaning, fix) = (kind.meaning_on(family), kind.fix_on(family));
        let named = |text: &str| text.contains("Windows") || text.contains("Linux");
        assert!(
            !named(meaning) && !fix.iter().any(|step| named(step)),
            "{meaning} {fix:?}"
        );
        assert!(
            fix.iter().any(|step| step.contains("supported platforms")),
            "{fix:?}"
        );
    }
}

#[test]
fn other_exemptions_read_the_same_on_every_os() {
    for kind in ExemptionKind::ALL {
        if kind == ExemptionKind::PatchingInapplicable {
            continue;
        }
        for family in OsFamily::ALL {
            assert_eq!(kind.meaning_on(family), kind.meaning(), "{}", kind.name());
            assert_eq!(kind.fix_on(family), kind.fix(), "{}", kind.name());
            let note = kind.our_addition_on(family);
            assert_eq!(note, kind.entry().our_addition, "{}", kind.name());
        }
    }
}

#[test]
fn entries_the_seed_left_incomplete_are_marked_as_ours() {
    let incomplete = [
        ExemptionKind::WrongRepositoriesConfiguration,
        ExemptionKind::PatchingInapplicable,
        ExemptionKind::PendingRebootSuspension,
        ExemptionKind::PowerSuspended,
        ExemptionKind::MaintenanceWindowTimeout,
        ExemptionKind::PendingUserAction,
        // A step of our own beside the vendor's one.
        ExemptionKind::PoweredOff,
        ExemptionKind::ConnectorDown,
        ExemptionKind::UnknownEndpoint,
    ];
    for kind in incomplete {
        assert!(kind.entry().completed_by_us(), "{}", kind.name());
    }
    // The vendor's one step, in more words.
    let complete = [
        ExemptionKind::Disconnected,
        ExemptionKind::InvalidCredentials,
    ];
    for kind in complete {
        assert!(!kind.entry().completed_by_us(), "{}", kind.name());
    }
    assert_eq!(ExemptionKind::PendingRebootSuspension.fix().len(), 3);
}

#[test]
fn every_name_is_found_in_every_spelling() {
    for kind in ExemptionKind::ALL {
        let name = kind.name();
        let spellings = [
            name.to_owned(),
            name.to_lowercase(),
            name.to_uppercase().replace(' ', "-"),
            name.to_lowercase().replace(" / ", "_").replace(' ', "_"),
            name.replace(' ', ""),
            format!("  {name} "),
        ];
        for spelling in spellings {
            assert_eq!(
                ExemptionKind::from_name(&spelling),
                Some(kind),
                "{spelling:?}"
            );
        }
    }
}

#[test]
fn short_forms_are_found() {
    let cases = [
        (
            "Connector Not Installed",
            ExemptionKind::ConnectorNotInstalled,
        ),
        (
            "connector_not_installed_available",
            ExemptionKind::ConnectorNotInstalled,
        ),
        (
            "Connector Not Available",
            ExemptionKind::ConnectorNotInstalled,
        ),
        ("Pending Reboot", ExemptionKind::PendingRebootSuspension),
        (
            "WSUS Communication Problem",
            ExemptionKind::WsusCommunicationProblems,
        ),
        ("ConnectorDown", ExemptionKind::ConnectorDown),
    ];
    for (name, kind) in cases {
        assert_eq!(ExemptionKind::from_name(name), Some(kind), "{name}");
    }
}

#[test]
fn parse_separates_exemptions_warnings_and_unknown_names() {
    assert_eq!(
        CatalogueName::parse("not-reachable"),
        CatalogueName::Exemption(ExemptionKind::NotReachable)
    );
    assert_eq!(
        CatalogueName::parse("LOW_DISK_SPACE"),
        CatalogueName::Warning(Warning::LowDiskSpace)
    );
    for raw in ["Quantum Flux", "", "Connector", "Suspended"] {
        assert_eq!(
            CatalogueName::parse(raw),
            CatalogueName::Unknown { raw: raw.into() },
            "{raw:?}"
        );
    }
}

#[test]
fn set_holds_each_kind_once_and_iterates_in_catalogue_order() {
    let mut set = ExemptionSet::EMPTY;
    assert!(set.is_empty());
    set.insert(ExemptionKind::PendingRebootSuspension);
    set.insert(ExemptionKind::UntestedEndpoint);
    set.insert(ExemptionKind::PendingRebootSuspension);
    assert_eq!(set.len(), 2);
    assert!(set.contains(ExemptionKind::UntestedEndpoint));
    assert!(!set.contains(ExemptionKind::PoweredOff));
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [
            ExemptionKind::UntestedEndpoint,
            ExemptionKind::PendingRebootSuspension
        ]
    );
    let full: ExemptionSet = ExemptionKind::ALL.into_iter().collect();
    assert_eq!(full.iter().collect::<Vec<_>>(), ExemptionKind::ALL);
}

#[test]
fn impact_sets_partition_the_catalogue() {
    let cannot = ExemptionSet::CANNOT_PATCH;
    let temporary = ExemptionSet::TEMPORARILY_CANNOT_PATCH;
    assert!(cannot.intersection(temporary).is_empty());
    assert_eq!(cannot.union(temporary).len(), 26);
    assert_eq!(temporary.len(), SEED_TEMPORARY.len());
    assert!(temporary
        .iter()
        .all(|k| k.impact() == Impact::TemporarilyCannotPatch));
}

#[test]
fn roll_up_takes_the_worst_impact() {
    let of = |kinds: &[ExemptionKind], unknown| {
        PatchOutlook::of(kinds.iter().copied().collect(), unknown)
    };
    assert_eq!(of(&[], false), PatchOutlook::Patchable);
    assert_eq!(
        of(&[ExemptionKind::ConnectorDown], false),
        PatchOutlook::TemporarilyCannotPatch
    );
    assert_eq!(
        of(
            &[ExemptionKind::ConnectorDown, ExemptionKind::PoweredOff],
            false
        ),
        PatchOutlook::CannotPatch
    );
    assert_eq!(of(&[], true), PatchOutlook::CannotPatch);
    assert_eq!(
        of(&[ExemptionKind::SuspendedByUser], true),
        PatchOutlook::CannotPatch
    );
    assert!(PatchOutlook::Patchable < PatchOutlook::TemporarilyCannotPatch);
    assert!(PatchOutlook::TemporarilyCannotPatch < PatchOutlook::CannotPatch);
    assert_eq!(PatchOutlook::Patchable.as_str(), "patchable");
    assert_eq!(
        PatchOutlook::CannotPatch.label(),
        Impact::CannotPatch.label()
    );
}
