//! Strategies shared by the property tests: endpoint facts for exemption
//! derivation, used densely near one moment (`domain_derive`) and over every
//! representable time (`fuzz_inputs`).

use patchboard::domain::endpoint::{
    ConnectorState, Drive, Endpoint, MaintenanceSchedule, MaintenanceWindow, PowerState, Readiness,
    Suspension,
};
use patchboard::domain::time::Timestamp;
use proptest::prelude::*;

fn percent() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        proptest::sample::select(vec![
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -0.0,
            0.0,
            89.99999,
            90.0,
            100.0,
            1e308
        ]),
        0.0..120.0_f64,
    ]
}

fn connector() -> impl Strategy<Value = ConnectorState> {
    proptest::sample::select(vec![
        ConnectorState::Untested,
        ConnectorState::NotInstalled,
        ConnectorState::Down,
        ConnectorState::Disconnected,
        ConnectorState::NotReachable,
        ConnectorState::UnknownEndpoint,
        ConnectorState::Connected,
    ])
}

fn power() -> impl Strategy<Value = PowerState> {
    proptest::sample::select(vec![
        PowerState::On,
        PowerState::Off,
        PowerState::Suspended,
        PowerState::Unknown,
    ])
}

fn os_name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "Windows Server 2022",
            "Windows 11 Enterprise",
            "Ubuntu 22.04",
            "macOS 14",
            "Red Hat Enterprise Linux 9",
            "",
            "windows",
            "WINDOWS"
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

fn exemption_name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "Low Disk Space",
            "Invalid Credentials",
            "Maintenance Window Required",
            "low_disk_space",
            "Execution Blocked",
            "",
            " ",
            "Unknown"
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

/// Endpoint facts as a backend may send them, from the plausible to the
/// absurd; every time in them is drawn from `time`.
pub fn endpoint(
    time: impl Strategy<Value = Timestamp> + Clone + 'static,
) -> impl Strategy<Value = Endpoint> {
    let identity = (any::<String>(), any::<String>(), os_name());
    let facts = (
        prop::option::of(connector()),
        prop::option::of(any::<bool>()),
        prop::option::of(power()),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<u32>()),
        prop::option::of(prop_oneof![
            proptest::sample::select(vec![
                "AllSigned",
                "Restricted",
                "RemoteSigned",
                "Unrestricted",
                "Bypass",
                "allsigned"
            ])
            .prop_map(str::to_owned),
            any::<String>(),
        ]),
    );
    let maintenance = prop::option::of(
        (
            any::<String>(),
            prop::collection::vec((time.clone(), time.clone()), 0..6),
            any::<bool>(),
        )
            .prop_map(|(name, windows, last_window_ran_out)| MaintenanceSchedule {
                name,
                windows: windows
                    .into_iter()
                    .map(|(start, end)| MaintenanceWindow { start, end })
                    .collect(),
                last_window_ran_out,
            }),
    );
    let suspension = prop::option::of(prop_oneof![
        any::<u32>().prop_map(|remaining| Suspension::Cycles { remaining }),
        (time.clone(), time.clone()).prop_map(|(from, until)| Suspension::Between { from, until }),
    ]);
    let readiness = (any::<[bool; 4]>(), prop::option::of(time.clone())).prop_map(
        |(flags, wsus_last_report)| Readiness {
            advisories_missing: flags[0],
            packages_missing: flags[1],
            wrong_repositories: flags[2],
            subscription_missing: flags[3],
            wsus_last_report,
        },
    );
    let rest = (
        any::<[bool; 2]>(),
        prop::collection::vec(
            (any::<String>(), percent())
                .prop_map(|(name, used_percent)| Drive { name, used_percent }),
            0..6,
        ),
        prop::option::of(time),
        prop::collection::vec(exemption_name(), 0..6),
    );
    (identity, facts, maintenance, suspension, readiness, rest).prop_map(
        |(
            (id, name, os),
            (
                connector,
                credentials_valid,
                power,
                os_supported,
                powershell_major,
                powershell_policy,
            ),
            maintenance,
            suspension,
            readiness,
            (pending, drives, last_seen, reported_exemptions),
        )| Endpoint {
            id,
            name,
            os,
            connector,
            credentials_valid,
            power,
            os_supported,
            maintenance,
            suspension,
            powershell_major,
            powershell_policy,
            readiness,
            pending_user_action: pending[0],
            pending_reboot: pending[1],
            drives,
            last_seen,
            reported_exemptions,
            ..Endpoint::default()
        },
    )
}
