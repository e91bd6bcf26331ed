//! Deriving exemptions from endpoint facts, merging reported ones, and fleet counts.

use patchboard::domain::derive::{
    derive_exemptions, next_window_change, percent_used, BlockingPolicy, DerivationPolicy, Derived,
    Evidence, MaintenanceReported, Origin,
};
use patchboard::domain::endpoint::{
    drive_shares_look_like_fractions, ConnectorState, Drive, Endpoint, MaintenanceSchedule,
    MaintenanceWindow, PowerState, Readiness, Suspension, UnreadableFacts,
};
use patchboard::domain::exemption::{ExemptionKind, ExemptionSet, Impact};
use patchboard::domain::fleet::{FleetSummary, PatchOutlook, UNKNOWN_NAMES_KEPT};
use patchboard::domain::time::Timestamp;
use proptest::prelude::*;
use std::time::Duration;

mod support;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
const NOW: Timestamp = Timestamp(1_795_000_000_000);

fn at(offset: i64) -> Timestamp {
    Timestamp(NOW.0 + offset)
}

fn window(start: i64, end: i64) -> MaintenanceWindow {
    MaintenanceWindow {
        start: at(start),
        end: at(end),
    }
}

fn schedule(windows: Vec<MaintenanceWindow>) -> Option<MaintenanceSchedule> {
    Some(MaintenanceSchedule {
        name: "Weekend".into(),
        windows,
        last_window_ran_out: false,
    })
}

/// A Windows endpoint with every fact known and nothing wrong.
fn healthy() -> Endpoint {
    Endpoint {
        id: "ep-1".into(),
        name: "web-01".into(),
        os: "Windows Server 2022".into(),
        connector: Some(ConnectorState::Connected),
        credentials_valid: Some(true),
        power: Some(PowerState::On),
        os_supported: Some(true),
        maintenance: schedule(vec![window(-HOUR, HOUR)]),
        suspension: None,
        powershell_major: Some(5),
        powershell_policy: Some("RemoteSigned".into()),
        readiness: Readiness {
            wsus_last_report: Some(at(-DAY)),
            ..Readiness::default()
        },
        pending_user_action: false,
        pending_reboot: false,
        drives: vec![Drive {
            name: "C:".into(),
            used_percent: 40.0,
        }],
        last_seen: Some(NOW),
        reported_exemptions: vec![],
        unreadable: UnreadableFacts::default(),
    }
}

fn derive(endpoint: &Endpoint) -> Derived {
    derive_exemptions(endpoint, NOW, &DerivationPolicy::default())
}

fn kinds(endpoint: &Endpoint) -> Vec<ExemptionKind> {
    derive(endpoint).exemptions().iter().collect()
}

fn with(change: impl FnOnce(&mut Endpoint)) -> Endpoint {
    let mut endpoint = healthy();
    change(&mut endpoint);
    endpoint
}

#[test]
fn a_healthy_endpoint_has_nothing() {
    let derived = derive(&healthy());
    assert!(derived.exemptions().is_empty());
    assert!(!derived.has_warnings());
    assert_eq!(derived.outlook(), PatchOutlook::Patchable);
}

type Change = fn(&mut Endpoint);

/// One fact change per exemption, each of which must yield exactly that exemption.
const ONE_CHANGE_PER_KIND: [(ExemptionKind, Change); 26] = [
    (ExemptionKind::UntestedEndpoint, |e| {
        e.connector = Some(ConnectorState::Untested)
    }),
    (ExemptionKind::PatchingInapplicable, |e| {
        e.os_supported = Some(false)
    }),
    (ExemptionKind::PoweredOff, |e| {
        e.power = Some(PowerState::Off)
    }),
    (ExemptionKind::PowerSuspended, |e| {
        e.power = Some(PowerState::Suspended)
    }),
    (ExemptionKind::PowerUnknown, |e| {
        e.power = Some(PowerState::Unknown)
    }),
    (ExemptionKind::Disconnected, |e| {
        e.connector = Some(ConnectorState::Disconnected)
    }),
    (ExemptionKind::ConnectorNotInstalled, |e| {
        e.connector = Some(ConnectorState::NotInstalled)
    }),
    (ExemptionKind::ConnectorDown, |e| {
        e.connector = Some(ConnectorState::Down)
    }),
    (ExemptionKind::NotReachable, |e| {
        e.connector = Some(ConnectorState::NotReachable)
    }),
    (ExemptionKind::InvalidCredentials, |e| {
        e.credentials_valid = Some(false)
    }),
    (ExemptionKind::AwaitingMaintenanceWindow, |e| {
        e.maintenance = schedule(vec![window(DAY, DAY + HOUR)])
    }),
    (ExemptionKind::MaintenanceWindowRequired, |e| {
        e.maintenance = None
    }),
    (ExemptionKind::MaintenanceWindowExpired, |e| {
        e.maintenance = schedule(vec![window(-DAY, -DAY + HOUR)])
    }),
    (ExemptionKind::NoMaintenanceEntry, |e| {
        e.maintenance = schedule(vec![])
    }),
    (ExemptionKind::MaintenanceWindowTimeout, |e| {
        e.maintenance = schedule(vec![window(-2 * HOUR, -HOUR)]);
        e.maintenance.as_mut().unwrap().last_window_ran_out = true;
    }),
    (ExemptionKind::SuspendedByUser, |e| {
        e.suspension = Some(Suspension::Cycles { remaining: 2 })
    }),
    (ExemptionKind::UnsupportedPowerShellExecutionPolicy, |e| {
        e.powershell_policy = Some("Restricted".into())
    }),
    (ExemptionKind::UnsupportedPowerShellVersion, |e| {
        e.powershell_major = Some(2)
    }),
    (ExemptionKind::AdvisoriesNotExist, |e| {
        e.readiness.advisories_missing = true
    }),
    (ExemptionKind::PackagesNotExist, |e| {
        e.readiness.packages_missing = true
    }),
    (ExemptionKind::WrongRepositoriesConfiguration, |e| {
        e.readiness.wrong_repositories = true
    }),
    (ExemptionKind::SubscriptionMissing, |e| {
        e.readiness.subscription_missing = true
    }),
    (ExemptionKind::WsusCommunicationProblems, |e| {
        e.readiness.wsus_last_report = Some(at(-30 * DAY))
    }),
    (ExemptionKind::UnknownEndpoint, |e| {
        e.connector = Some(ConnectorState::UnknownEndpoint)
    }),
    (ExemptionKind::PendingUserAction, |e| {
        e.pending_user_action = true
    }),
    (ExemptionKind::PendingRebootSuspension, |e| {
        e.pending_reboot = true
    }),
];

#[test]
fn every_exemption_is_derived_from_its_fact_with_evidence() {
    let mut covered = ExemptionSet::EMPTY;
    for (kind, change) in ONE_CHANGE_PER_KIND {
        let derived = derive(&with(change));
        assert_eq!(
            derived.exemptions().iter().collect::<Vec<_>>(),
            [kind],
            "{}",
            kind.name()
        );
        assert_eq!(derived.origin(kind), Some(Origin::Derived));
        assert!(derived.evidence(kind).is_some(), "{}", kind.name());
        assert_eq!(derived.outlook(), kind.impact().into());
        assert_eq!(ExemptionKind::from_name(kind.name()), Some(kind));
        covered.insert(kind);
    }
    assert_eq!(covered.len(), ExemptionKind::ALL.len());
}

#[test]
fn unknown_facts_raise_nothing() {
    let endpoint = with(|e| {
        e.connector = None;
        e.credentials_valid = None;
        e.power = None;
        e.os_supported = None;
        e.powershell_major = None;
        e.powershell_policy = None;
        e.readiness.wsus_last_report = None;
        e.drives.clear();
    });
    assert_eq!(kinds(&endpoint), []);
}

/// A fleet whose every drive is at 1 % or less is more likely sending
/// fractions than nearly empty: the page says so.
#[test]
fn drive_figures_all_at_most_one_look_like_fractions() {
    let fleet = |shares: &[&[f64]]| -> Vec<Endpoint> {
        shares
            .iter()
            .map(|drives| {
                with(|e| {
                    e.drives = drives
                        .iter()
                        .map(|&used_percent| Drive {
                            name: "C:".into(),
                            used_percent,
                        })
                        .collect()
                })
            })
            .collect()
    };
    let looks = |shares: &[&[f64]]| drive_shares_look_like_fractions(&fleet(shares));
    assert!(looks(&[&[0.93, 0.4], &[0.99], &[0.12, 1.0]]));
    assert!(looks(&[&[0.93, 0.3], &[0.5, 0.2], &[0.1, 0.0]]));
    assert!(
        !looks(&[&[0.93, 45.0], &[0.5, 0.2], &[0.1]]),
        "one percentage"
    );
    assert!(!looks(&[&[0.93], &[0.5, 0.2]]), "too few drives to tell");
    assert!(!looks(&[&[0.0, 0.0], &[0.0, 0.0, 0.0]]), "all empty");
    assert!(!looks(&[]));
}

#[test]
fn low_disk_space_starts_at_exactly_ninety_percent() {
    let drives = |percents: &[f64]| {
        with(|e| {
            e.drives = percents
                .iter()
                .enumerate()
                .map(|(i, &used_percent)| Drive {
                    name: format!("{}:", char::from(b'C' + i as u8)),
                    used_percent,
                })
                .collect()
        })
    };
    assert_eq!(derive(&drives(&[89.9, 12.0])).low_disk_space(), None);

    let endpoint = drives(&[50.0, 90.0]);
    let warning = derive(&endpoint).low_disk_space().expect("90% counts");
    assert_eq!(warning.origin, Origin::Derived);
    let fullest = warning.fullest.unwrap();
    assert_eq!(
        (fullest.drive_name(&endpoint), fullest.percent),
        (Some("D:"), 90.0)
    );
    assert_eq!(fullest.describe(&endpoint), r#"drive "D:" is 90.0% used"#);

    let endpoint = drives(&[91.0, f64::NAN, 93.0, 20.0]);
    let derived = derive(&endpoint);
    let fullest = derived.low_disk_space().unwrap().fullest.unwrap();
    assert_eq!(
        (fullest.drive_name(&endpoint), fullest.percent),
        (Some("E:"), 93.0)
    );
    assert!(derived.has_warnings());
    assert_eq!(
        derived.outlook(),
        PatchOutlook::Patchable,
        "a warning is in neither impact class"
    );
}

#[test]
fn a_window_ending_exactly_now_has_ended() {
    let endpoint = with(|e| e.maintenance = schedule(vec![window(-HOUR, 0)]));
    let derived = derive(&endpoint);
    assert_eq!(kinds(&endpoint), [ExemptionKind::MaintenanceWindowExpired]);
    assert_eq!(
        derived.evidence(ExemptionKind::MaintenanceWindowExpired),
        Some(Evidence::WindowEnded { at: NOW })
    );
}

#[test]
fn a_window_starting_exactly_now_is_open() {
    let endpoint = with(|e| e.maintenance = schedule(vec![window(0, HOUR)]));
    assert_eq!(kinds(&endpoint), []);
}

#[test]
fn a_window_that_ended_an_hour_ago_is_expired_and_reports_the_latest_end() {
    let endpoint = with(|e| {
        e.maintenance = schedule(vec![
            window(-3 * DAY, -3 * DAY + HOUR),
            window(-2 * HOUR, -HOUR),
        ])
    });
    let derived = derive(&endpoint);
    assert_eq!(
        derived.evidence(ExemptionKind::MaintenanceWindowExpired),
        Some(Evidence::WindowEnded { at: at(-HOUR) })
    );
}

#[test]
fn awaiting_reports_the_earliest_window_ahead_even_after_past_ones() {
    let endpoint = with(|e| {
        e.maintenance = schedule(vec![
            window(-DAY, -DAY + HOUR),
            window(3 * DAY, 3 * DAY + HOUR),
            window(2 * HOUR, 3 * HOUR),
        ])
    });
    let derived = derive(&endpoint);
    assert_eq!(kinds(&endpoint), [ExemptionKind::AwaitingMaintenanceWindow]);
    assert_eq!(
        derived.evidence(ExemptionKind::AwaitingMaintenanceWindow),
        Some(Evidence::WindowStarts { at: at(2 * HOUR) })
    );
}

#[test]
fn timeout_outranks_awaiting_and_expired_but_not_an_open_window() {
    let ran_out = |windows| {
        with(|e| {
            e.maintenance = schedule(windows);
            e.maintenance.as_mut().unwrap().last_window_ran_out = true;
        })
    };
    let past_and_future = ran_out(vec![window(-2 * HOUR, -HOUR), window(DAY, DAY + HOUR)]);
    assert_eq!(
        kinds(&past_and_future),
        [ExemptionKind::MaintenanceWindowTimeout]
    );
    assert_eq!(
        derive(&past_and_future).evidence(ExemptionKind::MaintenanceWindowTimeout),
        Some(Evidence::WindowEnded { at: at(-HOUR) })
    );
    assert_eq!(
        kinds(&ran_out(vec![window(-2 * HOUR, -HOUR)])),
        [ExemptionKind::MaintenanceWindowTimeout]
    );
    assert_eq!(kinds(&ran_out(vec![window(-HOUR, HOUR)])), []);
}

#[test]
fn a_suspension_ending_later_today_still_holds_and_one_ending_now_has_lifted() {
    let between = |from, until| {
        with(|e| {
            e.suspension = Some(Suspension::Between {
                from: at(from),
                until: at(until),
            })
        })
    };
    let later_today = between(-2 * DAY, 3 * HOUR);
    assert_eq!(kinds(&later_today), [ExemptionKind::SuspendedByUser]);
    assert_eq!(
        derive(&later_today).evidence(ExemptionKind::SuspendedByUser),
        Some(Evidence::SuspendedUntil {
            until: at(3 * HOUR)
        })
    );
    assert_eq!(kinds(&between(-2 * DAY, 0)), []);
    assert_eq!(kinds(&between(-2 * DAY, -HOUR)), []);
    assert_eq!(kinds(&between(0, DAY)), [ExemptionKind::SuspendedByUser]);
    assert_eq!(kinds(&between(HOUR, DAY)), []);
}

#[test]
fn a_drive_under_the_low_disk_mark_never_reads_as_the_mark() {
    assert_eq!(percent_used(89.95), "89.9");
    assert_eq!(percent_used(89.999), "89.9");
    assert_eq!(percent_used(90.0), "90.0");
    assert_eq!(percent_used(93.27), "93.2");
    assert_eq!(percent_used(0.0), "0.0");
}

proptest! {
    #[test]
    fn a_drive_figure_shown_is_never_above_the_figure(percent in 0.0..=100.0_f64) {
        let shown: f64 = percent_used(percent).parse().unwrap();
        prop_assert!(shown <= percent && percent - shown < 0.1 + 1e-9, "{percent} shown as {shown}");
    }
}

#[test]
fn the_next_window_change_is_the_first_window_or_suspension_edge_after_now() {
    let open_then_suspended = with(|e| {
        e.maintenance = schedule(vec![window(DAY, DAY + HOUR), window(-HOUR, 2 * HOUR)]);
        e.suspension = Some(Suspension::Between {
            from: at(3 * HOUR),
            until: at(DAY),
        });
    });
    assert_eq!(
        next_window_change(&open_then_suspended, NOW),
        Some(at(2 * HOUR))
    );
    // Until then the derivation holds; from then on it differs.
    let kinds_at = |moment| {
        derive_exemptions(
            &open_then_suspended,
            at(moment),
            &DerivationPolicy::default(),
        )
        .exemptions()
        .iter()
        .collect::<Vec<_>>()
    };
    assert_eq!(kinds_at(2 * HOUR - 1), kinds_at(0));
    assert_eq!(
        kinds_at(2 * HOUR),
        [ExemptionKind::AwaitingMaintenanceWindow]
    );
    // An edge exactly now has passed; with nothing ahead, nothing changes.
    let opening_now = with(|e| e.maintenance = schedule(vec![window(0, HOUR)]));
    assert_eq!(next_window_change(&opening_now, NOW), Some(at(HOUR)));
    let all_past = with(|e| e.maintenance = schedule(vec![window(-DAY, -HOUR)]));
    assert_eq!(next_window_change(&all_past, NOW), None);
    assert_eq!(
        next_window_change(&with(|e| e.maintenance = None), NOW),
        None
    );
}

#[test]
fn a_suspension_by_cycles_holds_while_cycles_remain() {
    let cycles = |remaining| with(|e| e.suspension = Some(Suspension::Cycles { remaining }));
    assert_eq!(kinds(&cycles(0)), []);
    assert_eq!(
        derive(&cycles(1)).evidence(ExemptionKind::SuspendedByUser),
        Some(Evidence::SuspendedForCycles { remaining: 1 })
    );
}

#[test]
fn powershell_two_is_unsupported_and_three_is_fine() {
    let version = |major| with(|e| e.powershell_major = Some(major));
    assert_eq!(kinds(&version(3)), []);
    assert_eq!(
        kinds(&version(2)),
        [ExemptionKind::UnsupportedPowerShellVersion]
    );
    assert_eq!(
        kinds(&version(1)),
        [ExemptionKind::UnsupportedPowerShellVersion]
    );
    assert_eq!(
        derive(&version(2)).evidence(ExemptionKind::UnsupportedPowerShellVersion),
        Some(Evidence::PowerShellVersion { major: 2 })
    );
}

#[test]
fn blocking_execution_policies_match_in_any_case() {
    let policy = |name: &str| with(|e| e.powershell_policy = Some(name.into()));
    for (name, expected) in [
        ("AllSigned", BlockingPolicy::AllSigned),
        ("allsigned", BlockingPolicy::AllSigned),
        (" RESTRICTED ", BlockingPolicy::Restricted),
    ] {
        assert_eq!(
            derive(&policy(name)).evidence(ExemptionKind::UnsupportedPowerShellExecutionPolicy),
            Some(Evidence::PowerShellPolicy(expected)),
            "{name:?}"
        );
    }
    for name in ["RemoteSigned", "Unrestricted", "Bypass", ""] {
        assert_eq!(kinds(&policy(name)), [], "{name:?}");
    }
}

#[test]
fn non_windows_endpoints_never_get_powershell_or_wsus_exemptions() {
    for os in ["Ubuntu 22.04", "Red Hat Enterprise Linux 9", "macOS 14", ""] {
        let endpoint = with(|e| {
            e.os = os.into();
            e.powershell_major = Some(1);
            e.powershell_policy = Some("Restricted".into());
            e.readiness.wsus_last_report = Some(at(-365 * DAY));
        });
        assert_eq!(kinds(&endpoint), [], "{os:?}");
    }
    let windows = with(|e| {
        e.os = "microsoft WINDOWS 10 Pro".into();
        e.powershell_major = Some(1);
    });
    assert_eq!(
        kinds(&windows),
        [ExemptionKind::UnsupportedPowerShellVersion]
    );
}

#[test]
fn a_backend_that_reports_no_schedules_leaves_maintenance_unjudged() {
    let unscheduled = with(|e| e.maintenance = None);
    assert!(
        derive_exemptions(&unscheduled, NOW, &DerivationPolicy::default())
            .exemptions()
            .contains(ExemptionKind::MaintenanceWindowRequired),
        "a backend that reports schedules and none for this endpoint: it needs one"
    );
    let unreported = DerivationPolicy {
        maintenance: MaintenanceReported {
            schedules: false,
            windows: false,
        },
        ..DerivationPolicy::default()
    };
    let derived = derive_exemptions(&unscheduled, NOW, &unreported);
    assert!(
        derived.is_clear(),
        "no schedule data at all is not evidence: {:?}",
        derived.exemptions()
    );
}

#[test]
fn a_mapping_without_windows_judges_schedules_but_not_their_windows() {
    let names_only = DerivationPolicy {
        maintenance: MaintenanceReported {
            schedules: true,
            windows: false,
        },
        ..DerivationPolicy::default()
    };
    let kinds = |endpoint: &Endpoint| -> Vec<ExemptionKind> {
        derive_exemptions(endpoint, NOW, &names_only)
            .exemptions()
            .iter()
            .collect()
    };
    let named = with(|e| e.maintenance = schedule(vec![]));
    assert_eq!(
        kinds(&named),
        [],
        "windows not mapped are not \"no windows\""
    );
    let ran_out = with(|e| {
        e.maintenance = schedule(vec![]);
        e.maintenance.as_mut().unwrap().last_window_ran_out = true;
    });
    assert_eq!(kinds(&ran_out), [ExemptionKind::MaintenanceWindowTimeout]);
    let unscheduled = with(|e| e.maintenance = None);
    assert_eq!(
        kinds(&unscheduled),
        [ExemptionKind::MaintenanceWindowRequired],
        "schedules are mapped: none is none"
    );
}

#[test]
fn a_window_that_ran_out_is_a_timeout_even_with_no_windows_listed() {
    let ran_out = with(|e| {
        e.maintenance = schedule(vec![]);
        e.maintenance.as_mut().unwrap().last_window_ran_out = true;
    });
    let kinds: Vec<ExemptionKind> = derive_exemptions(&ran_out, NOW, &DerivationPolicy::default())
        .exemptions()
        .iter()
        .collect();
    assert_eq!(kinds, [ExemptionKind::MaintenanceWindowTimeout]);
}

#[test]
fn an_endpoint_jetpatch_does_not_manage_needs_a_connector_not_a_schedule() {
    // Seen only by a vulnerability scanner: no schedule, or an expired one.
    for maintenance in [None, schedule(vec![window(-7_200, -3_600)])] {
        let unmanaged = with(|e| {
            e.connector = Some(ConnectorState::UnknownEndpoint);
            e.maintenance = maintenance.clone();
        });
        assert_eq!(kinds(&unmanaged), [ExemptionKind::UnknownEndpoint]);
    }
    // Any other connector state keeps its maintenance exemption.
    let not_installed = with(|e| {
        e.connector = Some(ConnectorState::NotInstalled);
        e.maintenance = None;
    });
    assert!(kinds(&not_installed).contains(&ExemptionKind::MaintenanceWindowRequired));
}

#[test]
fn wsus_report_older_than_the_policy_age_is_a_problem() {
    let policy = DerivationPolicy {
        wsus_report_max_age: Duration::from_secs(2 * 24 * 3600),
        ..DerivationPolicy::default()
    };
    let reported = |age: i64| with(|e| e.readiness.wsus_last_report = Some(at(-age)));
    let has_problem = |age| {
        derive_exemptions(&reported(age), NOW, &policy)
            .exemptions()
            .contains(ExemptionKind::WsusCommunicationProblems)
    };
    assert!(!has_problem(2 * DAY), "exactly the allowed age is fine");
    assert!(has_problem(2 * DAY + 1));
    assert!(
        !has_problem(-DAY),
        "a report time ahead of now is not stale"
    );
    let evidence = derive_exemptions(&reported(3 * DAY), NOW, &policy)
        .evidence(ExemptionKind::WsusCommunicationProblems);
    assert_eq!(
        evidence,
        Some(Evidence::WsusLastReport {
            at: at(-3 * DAY),
            allowed: policy.wsus_report_max_age
        })
    );
    assert!(
        evidence
            .unwrap()
            .to_string()
            .ends_with(", longer ago than the 2 days allowed"),
        "the panel says which limit was passed"
    );
    // Read after "Because: " in the panel.
    assert_eq!(
        Evidence::Connector(ConnectorState::NotInstalled).to_string(),
        "no connector is installed on it"
    );
    assert_eq!(
        Evidence::Power(PowerState::Off).to_string(),
        "it is powered off"
    );
    let one_day = Evidence::WsusLastReport {
        at: at(-3 * DAY),
        allowed: Duration::from_secs(24 * 3600),
    };
    assert!(one_day.to_string().ends_with("the 1 day allowed"));
    let hours = Evidence::WsusLastReport {
        at: at(-3 * DAY),
        allowed: Duration::from_secs(36 * 3600),
    };
    assert!(hours.to_string().ends_with("the 36\u{a0}h allowed"));
    let never = with(|e| e.readiness.wsus_last_report = Some(Timestamp::from_millis(0)));
    let evidence = derive_exemptions(&never, NOW, &policy)
        .evidence(ExemptionKind::WsusCommunicationProblems)
        .expect("an endpoint that never reported has the problem");
    assert_eq!(evidence.to_string(), "no WSUS report was ever received");
    assert_eq!(kinds(&reported(6 * DAY)), [], "default allows seven days");
    assert_eq!(
        kinds(&reported(8 * DAY)),
        [ExemptionKind::WsusCommunicationProblems]
    );
}

#[test]
fn a_missing_wsus_report_counts_only_when_the_policy_says_so() {
    let endpoint = with(|e| e.readiness.wsus_last_report = None);
    assert_eq!(kinds(&endpoint), []);
    let strict = DerivationPolicy {
        missing_wsus_report_is_problem: true,
        ..DerivationPolicy::default()
    };
    assert!(derive_exemptions(&endpoint, NOW, &strict)
        .exemptions()
        .contains(ExemptionKind::WsusCommunicationProblems));
}

/// A report time the backend sent but that could not be read is not a
/// report time never sent: the strict policy does not count it.
#[test]
fn an_unreadable_wsus_report_is_no_problem_even_by_the_strict_policy() {
    let strict = DerivationPolicy {
        missing_wsus_report_is_problem: true,
        ..DerivationPolicy::default()
    };
    let unreadable = with(|e| {
        e.readiness.wsus_last_report = None;
        e.unreadable.wsus_report = true;
    });
    assert!(!derive_exemptions(&unreadable, NOW, &strict)
        .exemptions()
        .contains(ExemptionKind::WsusCommunicationProblems));
}

/// A schedule the backend sent in a form that could not be read is not a
/// schedule missing or empty: no maintenance exemption either way.
#[test]
fn an_unreadable_schedule_gives_no_maintenance_exemption() {
    let unreadable = |maintenance| {
        with(|e| {
            e.maintenance = maintenance;
            e.unreadable.maintenance = true;
        })
    };
    assert_eq!(kinds(&unreadable(None)), []);
    assert_eq!(kinds(&unreadable(schedule(vec![]))), []);
    // Not read as unreadable, the same facts are exemptions.
    assert_eq!(
        kinds(&with(|e| e.maintenance = None)),
        [ExemptionKind::MaintenanceWindowRequired]
    );
    assert_eq!(
        kinds(&with(|e| e.maintenance = schedule(vec![]))),
        [ExemptionKind::NoMaintenanceEntry]
    );
}

#[test]
fn reported_exemptions_merge_without_duplicates_and_keep_their_origin() {
    let endpoint = with(|e| {
        e.connector = Some(ConnectorState::Down);
        e.pending_reboot = true;
        e.reported_exemptions = [
            "connector_down",
            "Connector Down",
            "Subscription Missing",
            "Low Disk Space",
            "Flux Capacitor",
            "Flux Capacitor",
        ]
        .map(String::from)
        .into();
    });
    let derived = derive(&endpoint);
    let listed: Vec<_> = derived.iter().map(|x| (x.kind, x.origin)).collect();
    assert_eq!(
        listed,
        [
            (ExemptionKind::ConnectorDown, Origin::Both),
            (ExemptionKind::SubscriptionMissing, Origin::Reported),
            (ExemptionKind::PendingRebootSuspension, Origin::Derived),
        ]
    );
    let subscription = derived
        .iter()
        .find(|x| x.kind == ExemptionKind::SubscriptionMissing);
    assert_eq!(subscription.unwrap().evidence, None);
    assert_eq!(
        derived.names_worst_first().collect::<Vec<_>>(),
        [
            ("Subscription Missing", Impact::CannotPatch),
            ("Pending Reboot Suspension", Impact::CannotPatch),
            ("Flux Capacitor", Impact::CannotPatch),
            ("Connector Down", Impact::TemporarilyCannotPatch),
        ],
        "derived, reported and unknown names, what stays until fixed first; never warnings"
    );
    assert_eq!(derived.unknown_reported(), ["Flux Capacitor"]);
    assert!(!derived.is_clear());
    let only_unknown = derive(&with(|e| {
        e.reported_exemptions = vec!["Quarantined".into()]
    }));
    assert!(
        only_unknown.exemptions().is_empty() && !only_unknown.is_clear(),
        "a name Patchboard does not know still stands in the way"
    );
    assert!(derive(&with(|_| {})).is_clear(), "the baseline endpoint");
    let mut temporary_then_blocking = with(|e| {
        e.pending_reboot = true;
        e.reported_exemptions = vec!["Disconnected".into(), "Subscription Missing".into()];
    });
    temporary_then_blocking.connector = Some(ConnectorState::Connected);
    temporary_then_blocking
        .reported_exemptions
        .push("Quarantined".into());
    let worst_first: Vec<_> = derive(&temporary_then_blocking)
        .names_worst_first()
        .map(|(name, _)| name.to_owned())
        .collect();
    assert_eq!(
        worst_first,
        [
            ExemptionKind::SubscriptionMissing.name(),
            ExemptionKind::PendingRebootSuspension.name(),
            "Quarantined",
            ExemptionKind::Disconnected.name(),
        ],
        "Cannot patch first, each impact in catalogue order, unknown names after the known"
    );
    let low_disk = derived.low_disk_space().unwrap();
    assert_eq!(
        (low_disk.origin, low_disk.fullest),
        (Origin::Reported, None)
    );
    assert_eq!(derived.outlook(), PatchOutlook::CannotPatch);
}

#[test]
fn an_unknown_reported_exemption_blocks_an_otherwise_patchable_endpoint() {
    let endpoint = with(|e| e.reported_exemptions = vec!["Something New".into()]);
    assert_eq!(derive(&endpoint).outlook(), PatchOutlook::CannotPatch);
}

#[test]
fn reported_names_joined_into_one_text_are_read_one_by_one_when_one_is_known() {
    let joined = derive(&with(|e| {
        e.reported_exemptions = vec!["Powered Off, Disconnected; Low Disk Space".into()]
    }));
    let kinds: Vec<_> = joined.iter().map(|x| (x.kind, x.origin)).collect();
    assert_eq!(
        kinds,
        [
            (ExemptionKind::PoweredOff, Origin::Reported),
            (ExemptionKind::Disconnected, Origin::Reported),
        ]
    );
    assert!(joined.unknown_reported().is_empty());
    assert!(joined.low_disk_space().is_some());
    assert_eq!(joined.outlook(), PatchOutlook::CannotPatch);
    // One part the catalogue does not know: a name of the backend's own
    // beside the known one, which keeps its impact and fix.
    let beside = derive(&with(|e| {
        e.reported_exemptions = vec!["Connector Down, Endpoint EOL".into()]
    }));
    assert!(beside.exemptions().contains(ExemptionKind::ConnectorDown));
    assert_eq!(beside.unknown_reported(), ["Endpoint EOL"]);
    // A known name with the rest of a sentence is one name of the
    // backend's own: no fragment becomes a name.
    let sentence = derive(&with(|e| {
        e.reported_exemptions = vec!["Disconnected, since the VPN change".into()]
    }));
    assert!(sentence.exemptions().is_empty());
    assert_eq!(
        sentence.unknown_reported(),
        ["Disconnected, since the VPN change"]
    );
    // None known: one name of the backend's own, commas and all.
    let own = derive(&with(|e| {
        e.reported_exemptions = vec!["Quarantined, pending approval".into()]
    }));
    assert!(own.exemptions().is_empty());
    assert_eq!(own.unknown_reported(), ["Quarantined, pending approval"]);
}

fn summary_of(fleet: &[Endpoint]) -> FleetSummary {
    let derived: Vec<Derived> = fleet.iter().map(derive).collect();
    FleetSummary::of(&derived)
}

#[test]
fn fleet_summary_counts_every_endpoint_once() {
    let summary = summary_of(&[
        healthy(),
        with(|e| e.drives[0].used_percent = 95.0),
        with(|e| e.connector = Some(ConnectorState::Down)),
        with(|e| {
            e.connector = Some(ConnectorState::Down);
            e.power = Some(PowerState::Off);
            e.drives[0].used_percent = 99.0;
        }),
        with(|e| e.reported_exemptions = vec!["Brand New".into()]),
    ]);
    assert_eq!(summary.total, 5);
    assert_eq!(summary.patchable, 2);
    assert_eq!(summary.temporarily_cannot_patch, 1);
    assert_eq!(summary.cannot_patch, 2);
    assert_eq!(summary.with_warnings, 2);
    assert_eq!(summary.with_unknown_exemptions, 1);
    assert_eq!(summary.count(ExemptionKind::ConnectorDown), 2);
    assert_eq!(summary.count(ExemptionKind::PoweredOff), 1);
    assert_eq!(summary.count(ExemptionKind::NotReachable), 0);
    assert_eq!(summary.share_patchable(), Some(0.4));
    assert_eq!(FleetSummary::of(&[]).share_patchable(), None);
}

#[test]
fn fleet_summary_names_the_exemptions_the_catalogue_does_not_know() {
    let reported = |names: &[&str]| {
        let names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
        with(move |e| e.reported_exemptions = names)
    };
    let summary = summary_of(&[
        reported(&["Brand New", "Disconnected"]),
        healthy(),
        reported(&["Quarantined"]),
        reported(&["Brand New"]),
    ]);
    assert_eq!(summary.with_unknown_exemptions, 3);
    assert_eq!(
        summary.unknown_exemption_names().collect::<Vec<_>>(),
        ["Brand New", "Quarantined"]
    );
    assert!(!summary.more_unknown_exemption_names);

    let many: Vec<Endpoint> = (0..UNKNOWN_NAMES_KEPT + 2)
        .map(|n| with(move |e| e.reported_exemptions = vec![format!("Unheard Of {n}")]))
        .collect();
    let summary = summary_of(&many);
    let names: Vec<&str> = summary.unknown_exemption_names().collect();
    assert_eq!(names.len(), UNKNOWN_NAMES_KEPT);
    assert_eq!(names[0], "Unheard Of 0");
    assert!(summary.more_unknown_exemption_names);
}

#[test]
fn fleet_summary_names_an_unknown_exemption_by_its_most_common_spelling() {
    let reported = |name: &str| {
        let name = name.to_owned();
        with(move |e| e.reported_exemptions = vec![name])
    };
    let summary = summary_of(&[
        reported("QUARANTINED"),
        reported("Quarantined"),
        reported("quarantined!"),
        reported("Quarantined"),
    ]);
    assert_eq!(
        summary.unknown_exemption_names().collect::<Vec<_>>(),
        ["Quarantined"]
    );
}

#[test]
fn fleet_summary_lists_present_kinds_most_common_first_ties_in_catalogue_order() {
    let summary = summary_of(&[
        healthy(),
        with(|e| e.connector = Some(ConnectorState::Down)),
        with(|e| e.power = Some(PowerState::Off)),
        with(|e| {
            e.connector = Some(ConnectorState::Down);
            e.drives[0].used_percent = 99.0;
        }),
        with(|e| e.reported_exemptions = vec!["Untested Endpoint".into()]),
    ]);
    assert_eq!(
        summary.kinds_by_count(),
        [
            (ExemptionKind::ConnectorDown, 2),
            (ExemptionKind::UntestedEndpoint, 1),
            (ExemptionKind::PoweredOff, 1),
        ]
    );
    assert_eq!(FleetSummary::of(&[]).kinds_by_count(), []);
}

/// Any time, and often one within ten days of `NOW`, where windows,
/// suspensions and report ages change the outcome.
fn around_now() -> impl Strategy<Value = Timestamp> + Clone {
    prop_oneof![any::<i64>(), -10 * DAY..10 * DAY]
        .prop_map(|offset| Timestamp(NOW.0.wrapping_add(offset)))
}

proptest! {
    #[test]
    fn derivation_never_panics_and_stays_consistent(
        endpoint in support::endpoint(around_now()),
        max_age_secs in any::<u64>(),
        missing in any::<bool>(),
    ) {
        let policy = DerivationPolicy {
            wsus_report_max_age: Duration::from_secs(max_age_secs),
            missing_wsus_report_is_problem: missing,
            ..DerivationPolicy::default()
        };
        let derived = derive_exemptions(&endpoint, NOW, &policy);
        for exemption in derived.iter() {
            prop_assert!(derived.exemptions().contains(exemption.kind));
            prop_assert_eq!(exemption.evidence.is_some(), exemption.origin != Origin::Reported);
        }
        prop_assert_eq!(derived.iter().count(), derived.exemptions().len());
        let mut summary = FleetSummary::default();
        summary.add(&derived);
        prop_assert_eq!(summary.patchable + summary.temporarily_cannot_patch + summary.cannot_patch, 1);
    }
}

#[test]
fn evidence_reads_as_the_fact_it_came_from() {
    use patchboard::domain::derive::Evidence;
    let ended = Timestamp::from_millis(1_795_147_200_000); // 2026-11-20 04:00 UTC
    assert_eq!(
        Evidence::WindowEnded { at: ended }.to_string(),
        "last window ended 2026-11-20 04:00 UTC"
    );
    assert_eq!(
        Evidence::PowerShellVersion { major: 2 }.to_string(),
        "PowerShell 2"
    );
    let cycles = |remaining| Evidence::SuspendedForCycles { remaining }.to_string();
    assert_eq!(cycles(1), "suspended for 1 more patch cycle");
    assert_eq!(cycles(2), "suspended for 2 more patch cycles");
}

#[test]
fn unreadable_facts_are_named_in_a_fixed_order() {
    assert!(UnreadableFacts::default().names().is_empty());
    let some = UnreadableFacts {
        power: true,
        suspension: true,
        drives: 2,
        wsus_report: true,
        ..UnreadableFacts::default()
    };
    assert_eq!(
        some.names(),
        [
            "power state",
            "suspension",
            "WSUS report time",
            "one or more drives"
        ]
    );
}

#[test]
fn a_window_or_span_ends_before_it_starts_only_when_its_end_comes_first() {
    assert!(window(HOUR, 0).ends_before_start());
    assert!(!window(0, 0).ends_before_start());
    let span = |from, until| Suspension::Between {
        from: at(from),
        until: at(until),
    };
    assert!(span(DAY, HOUR).ends_before_start());
    assert!(!span(HOUR, HOUR).ends_before_start());
    assert!(!span(HOUR, DAY).ends_before_start());
    assert!(!Suspension::Cycles { remaining: 0 }.ends_before_start());
}
