//! The status catalogue, resolution, phases, messages and OS placement.

use patchboard::domain::asset::{
    AssetResult, Deferrals, MessageFacts, PendingStage, RawStatus, StatusChange,
};
use patchboard::domain::message::{
    message_for, next_step, stuck_next_step, StatusMessage, TimeoutCause, TimeoutReason,
};
use patchboard::domain::os::{OsFamilies, OsFamily};
use patchboard::domain::phase::Phase;
use patchboard::domain::status::{
    names_match, pending_reboot_blocks_other_jobs, resolve, resolve_key, Applicability,
    ResolvedStatus, StatusKey,
};
use patchboard::domain::time::Timestamp;
use proptest::prelude::*;
use Applicability::{No, NotStated, Yes};

/// The seed catalogue: code, state, exact name, Windows, Linux, Mac.
const SEED: [(u16, u8, &str, Applicability, Applicability, Applicability); 19] = [
    (2038, 0, "Canceled - Blackout", Yes, Yes, Yes),
    (2036, 0, "Completed", Yes, Yes, Yes),
    (2031, 1, "Downloaded", Yes, No, No),
    (2031, 2, "Downloading - Failed", Yes, No, No),
    (2057, 1, "Execution Blocked", Yes, No, No),
    (2046, 0, "Job Failed", Yes, Yes, Yes),
    (2055, 1, "Job Received", Yes, Yes, Yes),
    (2045, 0, "Job Resumed", Yes, Yes, Yes),
    (2044, 0, "Job Started", Yes, Yes, Yes),
    (2059, 1, "No Patch Available", Yes, No, No),
    (2053, 1, "Not Applicable", NotStated, NotStated, NotStated),
    (2039, 2, "Not Licensed", Yes, No, No),
    (2033, 0, "Patching", Yes, No, No),
    (2032, 0, "Pending", Yes, Yes, Yes),
    (2034, 0, "Pending Reboot", Yes, Yes, Yes),
    (2058, 0, "Reboot Deferred", Yes, Yes, No),
    (2035, 0, "Rebooted", Yes, Yes, Yes),
    (2060, 1, "Skipped", Yes, Yes, No),
    (2037, 0, "Timed Out", Yes, Yes, Yes),
];

fn raw(code: Option<u16>, state: Option<u8>, name: Option<&str>) -> RawStatus {
    RawStatus {
        code,
        state,
        name: name.map(str::to_owned),
        ..RawStatus::default()
    }
}

fn seed_key(code: u16, state: u8) -> StatusKey {
    StatusKey::from_code_state(code, state).expect("every seed status is catalogued")
}

#[test]
fn catalogue_matches_the_seed_exactly() {
    assert_eq!(StatusKey::ALL.len(), SEED.len());
    for (code, state, name, windows, linux, mac) in SEED {
        let def = seed_key(code, state).def();
        assert_eq!((def.code, def.state, def.name), (code, state, name));
        assert_eq!(
            (def.applies.windows, def.applies.linux, def.applies.mac),
            (windows, linux, mac),
            "{name}"
        );
        assert!(!def.description.is_empty(), "{name} needs a description");
    }
}

#[test]
fn every_key_indexes_its_own_entry() {
    for (index, key) in StatusKey::ALL.into_iter().enumerate() {
        assert_eq!(key.index(), index);
        assert_eq!(key.def().key, key);
    }
}

#[test]
fn every_status_resolves_by_code_and_state() {
    for (code, state, name, ..) in SEED {
        let resolved = resolve(&raw(Some(code), Some(state), None));
        assert_eq!(resolved.key().map(|k| k.def().name), Some(name));
    }
}

#[test]
fn every_status_resolves_by_name_in_any_spelling() {
    for (code, state, name, ..) in SEED {
        let expected = Some(seed_key(code, state));
        let spellings = [
            name.to_owned(),
            name.to_uppercase(),
            name.to_lowercase().replace(" - ", "_").replace(' ', "_"),
            name.to_uppercase().replace(" - ", "-").replace(' ', "-"),
            format!("  {}  ", name.replace(' ', "")),
        ];
        for spelling in spellings {
            assert_eq!(
                resolve_key(&raw(None, None, Some(&spelling))),
                expected,
                "{spelling:?}"
            );
            assert_eq!(StatusKey::from_name(&spelling), expected, "{spelling:?}");
        }
    }
}

#[test]
fn every_status_resolves_when_code_state_and_name_agree() {
    for (code, state, name, ..) in SEED {
        let resolved = resolve_key(&raw(Some(code), Some(state), Some(name)));
        assert_eq!(resolved, Some(seed_key(code, state)));
    }
}

#[test]
fn codes_with_a_single_status_need_no_state() {
    for (code, state, ..) in SEED.iter().filter(|entry| entry.0 != 2031) {
        assert_eq!(
            resolve_key(&raw(Some(*code), None, None)),
            Some(seed_key(*code, *state))
        );
    }
}

#[test]
fn canceled_blackout_spellings_are_one_name() {
    assert!(names_match("Canceled - Blackout", "canceled_blackout"));
    assert!(names_match("Canceled - Blackout", "CANCELED-BLACKOUT"));
    assert!(names_match("Canceled - Blackout", "canceled – blackout"));
    assert!(!names_match("Canceled - Blackout", "Canceled"));
    assert!(!names_match("Pending", "Pending Reboot"));
}

#[test]
fn an_unresolved_status_says_what_its_code_is_in_the_catalogue() {
    assert_eq!(
        resolve(&raw(Some(2031), None, None))
            .catalogued_as()
            .as_deref(),
        Some(
            "Code 2031 is Downloaded (state 1) or Downloading - Failed (state 2); \
             the backend did not say which."
        )
    );
    let contradiction = resolve(&raw(Some(2036), Some(0), Some("Job Failed")));
    assert_eq!(contradiction.key(), None, "fixture: a contradiction");
    assert_eq!(
        contradiction.catalogued_as().as_deref(),
        Some(
            "The catalogue lists code 2036 as Completed (state 0); the state or name \
             the backend sent does not match it."
        )
    );
    assert_eq!(resolve(&raw(Some(9999), None, None)).catalogued_as(), None);
    assert_eq!(
        resolve(&raw(None, None, Some("Frobnicated"))).catalogued_as(),
        None
    );
    assert_eq!(
        resolve(&raw(Some(2036), Some(0), None)).catalogued_as(),
        None
    );
}

#[test]
fn bare_2031_is_ambiguous_and_state_or_name_settles_it() {
    assert_eq!(
        resolve(&raw(Some(2031), None, None)),
        ResolvedStatus::Ambiguous { code: 2031 }
    );
    assert_eq!(resolve_key(&raw(Some(2031), None, None)), None);
    assert_eq!(
        resolve_key(&raw(Some(2031), Some(1), None)),
        Some(StatusKey::Downloaded)
    );
    assert_eq!(
        resolve_key(&raw(Some(2031), Some(2), None)),
        Some(StatusKey::DownloadingFailed)
    );
    assert_eq!(
        resolve_key(&raw(Some(2031), None, Some("downloading-failed"))),
        Some(StatusKey::DownloadingFailed)
    );
    // A name the catalogue does not know cannot settle it either.
    assert_eq!(
        resolve(&raw(Some(2031), None, Some("Download state"))),
        ResolvedStatus::Ambiguous { code: 2031 }
    );
    let ambiguous = resolve(&raw(Some(2031), None, None));
    assert_eq!(ambiguous.phase(), Phase::Unknown);
    assert!(ambiguous.label().contains("2031"));
}

#[test]
fn unknown_codes_and_names_keep_the_raw_value() {
    let cases = [
        raw(Some(2099), None, None),
        raw(Some(2099), Some(0), Some("Quarantined")),
        raw(None, None, Some("Quarantined")),
        raw(None, Some(0), None),
        raw(None, None, None),
        raw(None, None, Some("   ")),
    ];
    for case in cases {
        assert_eq!(
            resolve(&case),
            ResolvedStatus::Unknown { raw: case.clone() }
        );
        assert_eq!(resolve_key(&case), None);
    }
    let label = resolve(&raw(Some(2099), Some(3), Some("Quarantined"))).label();
    assert!(label.contains("Quarantined") && label.contains("2099") && label.contains('3'));
    assert!(resolve(&raw(Some(2099), None, None))
        .label()
        .contains("2099"));
}

/// The Status column cuts the words, never the code: every code sent is
/// shown apart from them, unknown or ambiguous ones too.
#[test]
fn the_code_is_shown_apart_from_the_words_whatever_resolved() {
    let column = |status: ResolvedStatus| {
        (
            status.words().into_owned(),
            status.shown_code(),
            status.label_with_code().into_owned(),
        )
    };
    let case = |words: &str, code: Option<u16>, with_code: &str| {
        (words.to_owned(), code, with_code.to_owned())
    };
    assert_eq!(
        column(resolve(&raw(Some(2037), None, None))),
        case("Timed Out", Some(2037), "Timed Out · 2037")
    );
    assert_eq!(
        column(resolve(&raw(Some(2051), None, None))),
        case("Unnamed status", Some(2051), "Unnamed status · 2051")
    );
    assert_eq!(
        column(resolve(&raw(Some(2099), Some(3), Some("Quarantined")))),
        case(
            "Quarantined (state 3)",
            Some(2099),
            "Quarantined (state 3) · 2099"
        )
    );
    assert_eq!(
        column(resolve(&raw(Some(2031), None, None))),
        case(
            "State not reported",
            Some(2031),
            "State not reported · 2031"
        )
    );
    let unread_state = RawStatus {
        unreadable: true,
        ..raw(Some(2031), None, None)
    };
    assert_eq!(
        column(resolve(&unread_state)),
        case(
            "Unnamed status, the rest could not be read",
            Some(2031),
            "Unnamed status, the rest could not be read · 2031"
        )
    );
    // Nothing to show apart: the label as it is.
    assert_eq!(
        column(resolve(&raw(None, Some(0), Some("Quarantined")))),
        case("Quarantined (state 0)", None, "Quarantined (state 0)")
    );
}

#[test]
fn a_status_partly_unreadable_says_so_and_is_not_guessed() {
    let unreadable = |code, state, name| RawStatus {
        unreadable: true,
        ..raw(code, state, name)
    };
    let nothing_read = resolve(&unreadable(None, None, None));
    assert_eq!(nothing_read.label(), "Status could not be read");
    assert_eq!(
        resolve(&raw(None, None, None)).label(),
        "No status reported"
    );
    assert!(nothing_read
        .unresolved_next_step()
        .starts_with("Part of the status the backend sent could not be read"));
    assert!(
        resolve(&raw(None, None, None))
            .unresolved_next_step()
            .starts_with("The backend sent no status"),
        "nothing sent, no raw value to check"
    );
    assert_eq!(
        resolve(&raw(Some(2099), None, None)).unresolved_next_step(),
        Phase::Unknown.next_step()
    );
    assert_eq!(
        resolve(&unreadable(None, None, Some("Quarantined"))).label(),
        "Quarantined, the rest could not be read"
    );
    // 2031's state was sent but not read: not "the backend did not say".
    let unread_state = resolve(&unreadable(Some(2031), None, None));
    assert_eq!(unread_state.key(), None);
    assert_eq!(
        unread_state.label(),
        "Unnamed status (code 2031), the rest could not be read"
    );
    assert_eq!(
        unread_state.catalogued_as().as_deref(),
        Some(
            "The catalogue lists code 2031 as Downloaded (state 1) or Downloading - Failed \
             (state 2); the rest of the status the backend sent could not be read."
        )
    );
    // A readable code still identifies a status when it can.
    assert_eq!(
        resolve_key(&unreadable(Some(2037), None, None)),
        Some(StatusKey::TimedOut)
    );
    // Without one, a name is not enough: the code it lacks may be another's.
    let name_only = resolve(&unreadable(None, None, Some("Completed")));
    assert_eq!(name_only.key(), None);
    assert_eq!(name_only.label(), "Completed, the rest could not be read");
}

#[test]
fn a_history_sent_newest_first_is_told_oldest_first() {
    let change = |code: u16, at: i64| StatusChange {
        status: raw(Some(code), Some(0), None),
        at: Timestamp::from_millis(at),
    };
    let result = AssetResult {
        history: vec![change(2036, 30), change(2055, 10), change(2044, 20)],
        ..AssetResult::default()
    };
    let codes: Vec<Option<u16>> = result
        .history_oldest_first()
        .iter()
        .map(|change| change.status.code)
        .collect();
    assert_eq!(codes, [Some(2055), Some(2044), Some(2036)]);
}

#[test]
fn contradicting_facts_resolve_to_unknown() {
    // A catalogued name that disagrees with the code.
    assert_eq!(
        resolve_key(&raw(Some(2036), None, Some("Job Failed"))),
        None
    );
    // A state that disagrees with the code.
    assert_eq!(resolve_key(&raw(Some(2036), Some(1), None)), None);
    assert_eq!(resolve_key(&raw(Some(2031), Some(0), None)), None);
    // A state that disagrees with the name, when there is no code.
    assert_eq!(resolve_key(&raw(None, Some(2), Some("Completed"))), None);
    let conflict = raw(Some(2036), None, Some("Job Failed"));
    assert_eq!(
        resolve(&conflict),
        ResolvedStatus::Unknown {
            raw: conflict.clone()
        }
    );
}

#[test]
fn an_uncatalogued_name_does_not_override_the_code() {
    assert_eq!(
        resolve_key(&raw(Some(2036), Some(0), Some("Success"))),
        Some(StatusKey::Completed)
    );
}

#[test]
fn known_status_labels_are_catalogue_names() {
    assert_eq!(
        resolve(&raw(Some(2038), None, None)).label(),
        "Canceled - Blackout"
    );
}

#[test]
fn phases_follow_the_documented_mapping() {
    use StatusKey::*;
    let expected = [
        (Completed, Phase::Succeeded),
        (Rebooted, Phase::Succeeded),
        (JobFailed, Phase::Failed),
        (DownloadingFailed, Phase::Failed),
        (NotLicensed, Phase::Failed),
        (TimedOut, Phase::Failed),
        (Pending, Phase::Queued),
        (JobReceived, Phase::Queued),
        (JobStarted, Phase::Running),
        (Patching, Phase::Running),
        (JobResumed, Phase::Running),
        (Downloaded, Phase::Running),
        (PendingReboot, Phase::Waiting),
        (RebootDeferred, Phase::Waiting),
        (ExecutionBlocked, Phase::Waiting),
        (CanceledBlackout, Phase::Canceled),
        (Skipped, Phase::Skipped),
        (NoPatchAvailable, Phase::Skipped),
        (NotApplicable, Phase::NotApplicable),
    ];
    assert_eq!(expected.len(), StatusKey::ALL.len());
    for (key, phase) in expected {
        assert_eq!(key.phase(), phase, "{}", key.def().name);
    }
}

#[test]
fn phase_finality_tokens_and_order() {
    let finals: Vec<Phase> = Phase::ALL.into_iter().filter(|p| p.is_final()).collect();
    assert_eq!(
        finals,
        [
            Phase::Succeeded,
            Phase::Failed,
            Phase::Canceled,
            Phase::Skipped,
            Phase::NotApplicable
        ]
    );
    for (index, phase) in Phase::ALL.into_iter().enumerate() {
        assert_eq!(phase.index(), index);
        assert_eq!(Phase::from_token(phase.as_str()), Some(phase));
        let token = phase.as_str();
        assert!(
            token.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{token}"
        );
        assert!(!phase.label().is_empty());
    }
    assert_eq!(Phase::from_token("Succeeded"), None);
    assert_eq!(Phase::NotApplicable.as_str(), "not-applicable");
}

#[test]
fn os_names_are_placed_in_families() {
    let cases = [
        ("Windows Server 2022", OsFamily::Windows),
        ("Microsoft Windows 11 Enterprise", OsFamily::Windows),
        ("Win10", OsFamily::Windows),
        ("Ubuntu 22.04", OsFamily::Linux),
        ("Red Hat Enterprise Linux 9", OsFamily::Linux),
        ("RHEL 8.6", OsFamily::Linux),
        ("CentOS 7", OsFamily::Linux),
        ("Debian 12", OsFamily::Linux),
        ("SUSE Linux Enterprise Server 15", OsFamily::Linux),
        ("Amazon Linux 2023", OsFamily::Linux),
        ("Oracle Linux 8", OsFamily::Linux),
        ("Rocky 9.3", OsFamily::Linux),
        ("AlmaLinux 9", OsFamily::Linux),
        ("macOS 14 Sonoma", OsFamily::Mac),
        ("Mac OS X 10.15", OsFamily::Mac),
        ("Darwin 23.1.0", OsFamily::Mac),
        ("OS X 10.11", OsFamily::Mac),
        // "OS x86_64" is not OS X, and "Wind River" is not Windows.
        ("CentOS x86_64", OsFamily::Linux),
        ("Fedora CoreOS x86_64", OsFamily::Linux),
        ("RHEL CoreOS x86_64", OsFamily::Linux),
        ("Photon OS x86_64", OsFamily::Linux),
        ("Wind River Linux LTS 22", OsFamily::Linux),
        ("Win 11", OsFamily::Windows),
        ("win", OsFamily::Windows),
        ("Oracle Solaris 11", OsFamily::Other),
        ("FreeBSD 14", OsFamily::Other),
        ("", OsFamily::Other),
    ];
    for (name, family) in cases {
        assert_eq!(OsFamily::from_os_name(name), family, "{name:?}");
    }
}

#[test]
fn os_family_tokens_and_order() {
    for (index, os) in OsFamily::ALL.into_iter().enumerate() {
        assert_eq!(os.index(), index);
        assert!(os.as_str().bytes().all(|b| b.is_ascii_lowercase()));
        assert!(!os.label().is_empty());
    }
}

#[test]
fn a_status_is_anomalous_only_where_the_catalogue_says_no() {
    for (code, state, name, windows, linux, mac) in SEED {
        let def = seed_key(code, state).def();
        for (os, stated) in [
            (OsFamily::Windows, windows),
            (OsFamily::Linux, linux),
            (OsFamily::Mac, mac),
        ] {
            assert_eq!(def.is_anomalous_on(os), stated == No, "{name} on {os:?}");
        }
        assert!(!def.is_anomalous_on(OsFamily::Other), "{name} on Other");
    }
    assert!(StatusKey::Downloaded.def().is_anomalous_on(OsFamily::Linux));
    assert!(!StatusKey::NotApplicable
        .def()
        .is_anomalous_on(OsFamily::Mac));
}

#[test]
fn pending_reboot_differs_by_os() {
    assert_eq!(
        pending_reboot_blocks_other_jobs(OsFamily::Windows),
        Some(true)
    );
    assert_eq!(
        pending_reboot_blocks_other_jobs(OsFamily::Linux),
        Some(false)
    );
    assert_eq!(pending_reboot_blocks_other_jobs(OsFamily::Mac), None);
    assert_eq!(pending_reboot_blocks_other_jobs(OsFamily::Other), None);
}

fn facts() -> MessageFacts {
    MessageFacts::default()
}

#[test]
fn execution_blocked_names_both_jobs() {
    let facts = MessageFacts {
        blocking_job: Some("Night patching".into()),
        ..facts()
    };
    let message = message_for(
        StatusKey::ExecutionBlocked,
        &facts,
        "Weekly servers",
        OsFamily::Windows,
    );
    assert_eq!(
        message,
        Some(StatusMessage::ExecutionBlocked {
            job: "Weekly servers".into(),
            blocking_job: Some("Night patching".into()),
        })
    );
    let text = message.unwrap().to_string();
    assert!(
        text.contains("'Weekly servers'") && text.contains("'Night patching'"),
        "{text}"
    );
}

#[test]
fn execution_blocked_without_the_blocking_name_still_explains() {
    let message = message_for(
        StatusKey::ExecutionBlocked,
        &facts(),
        "Weekly servers",
        OsFamily::Windows,
    )
    .expect("the job's own name is enough for a message");
    let text = message.to_string();
    assert!(
        text.contains("'Weekly servers'")
            && text.contains("another job still occupies")
            && text.contains("if that job ends"),
        "{text}"
    );
}

#[test]
fn reboot_deferred_shows_used_of_available() {
    let facts = MessageFacts {
        deferrals: Some(Deferrals {
            used: Some(1),
            available: Some(5),
        }),
        ..facts()
    };
    let message = message_for(StatusKey::RebootDeferred, &facts, "J", OsFamily::Linux).unwrap();
    assert_eq!(
        message,
        StatusMessage::RebootDeferred(Deferrals {
            used: Some(1),
            available: Some(5)
        })
    );
    assert!(message.to_string().contains("1 of 5"));
    let over = MessageFacts {
        deferrals: Some(Deferrals {
            used: Some(6),
            available: Some(5),
        }),
        ..MessageFacts::default()
    };
    let text = message_for(StatusKey::RebootDeferred, &over, "J", OsFamily::Linux)
        .unwrap()
        .to_string();
    assert_eq!(
        text,
        "The user postponed the restart: 6 deferrals used, more than the 5 now allowed."
    );
    assert_eq!(
        message_for(
            StatusKey::RebootDeferred,
            &MessageFacts::default(),
            "J",
            OsFamily::Linux
        ),
        None
    );
}

#[test]
fn pending_tells_the_two_stages_apart() {
    let texts: Vec<String> = [PendingStage::Preparing, PendingStage::AvailableForDownload]
        .into_iter()
        .map(|stage| {
            let facts = MessageFacts {
                pending_stage: Some(stage),
                ..facts()
            };
            let message = message_for(StatusKey::Pending, &facts, "J", OsFamily::Mac).unwrap();
            assert_eq!(message, StatusMessage::Pending(stage));
            message.to_string()
        })
        .collect();
    assert_ne!(texts[0], texts[1]);
    assert!(texts[1].contains("check-in"));
    assert_eq!(
        message_for(StatusKey::Pending, &facts(), "J", OsFamily::Mac),
        None
    );
}

#[test]
fn pending_reboot_message_follows_the_os() {
    let windows = message_for(StatusKey::PendingReboot, &facts(), "J", OsFamily::Windows).unwrap();
    let linux = message_for(StatusKey::PendingReboot, &facts(), "J", OsFamily::Linux).unwrap();
    assert_eq!(
        windows,
        StatusMessage::PendingReboot {
            blocks_other_jobs: true
        }
    );
    assert_eq!(
        linux,
        StatusMessage::PendingReboot {
            blocks_other_jobs: false
        }
    );
    assert_ne!(windows.to_string(), linux.to_string());
    assert_eq!(
        message_for(StatusKey::PendingReboot, &facts(), "J", OsFamily::Mac),
        None
    );
}

#[test]
fn statuses_without_a_message_give_none() {
    let everything = MessageFacts {
        blocking_job: Some("Other".into()),
        deferrals: Some(Deferrals {
            used: Some(0),
            available: Some(3),
        }),
        pending_stage: Some(PendingStage::Preparing),
        timeout_reason: Some("another job".into()),
    };
    let with_messages = [
        StatusKey::ExecutionBlocked,
        StatusKey::RebootDeferred,
        StatusKey::Pending,
        StatusKey::PendingReboot,
        StatusKey::TimedOut,
    ];
    for key in StatusKey::ALL {
        let message = message_for(key, &everything, "J", OsFamily::Windows);
        assert_eq!(
            message.is_some(),
            with_messages.contains(&key),
            "{}",
            key.def().name
        );
    }
}

fn timeout_cause(reason: &str, os: OsFamily) -> Option<TimeoutCause> {
    let facts = MessageFacts {
        timeout_reason: Some(reason.into()),
        ..facts()
    };
    match message_for(StatusKey::TimedOut, &facts, "J", os)? {
        StatusMessage::TimedOut(cause) => Some(cause),
        other => panic!("unexpected message {other:?}"),
    }
}

/// Backend wordings (not the catalogue's sentences) and the reason each means.
const WINDOWS_WORDINGS: [(&str, TimeoutReason); 6] = [
    (
        "Asset REBOOT happened outside the window; post-deploy actions pending",
        TimeoutReason::RebootOutsideWindow,
    ),
    (
        "Patch download consumed the entire window",
        TimeoutReason::DownloadFilledWindow,
    ),
    (
        "The action script used all of the window",
        TimeoutReason::ScriptFilledWindow,
    ),
    ("Another job is running", TimeoutReason::AnotherJobRunning),
    (
        "another job running; job manifest not downloaded by agent",
        TimeoutReason::ManifestNotFetched,
    ),
    (
        "Permission to start arrived late",
        TimeoutReason::StartPermissionLate,
    ),
];
const LINUX_WORDINGS: [(&str, TimeoutReason); 4] = [
    ("Job execution timed out", TimeoutReason::ExecutionTimedOut),
    (
        "CAPI call made after window close",
        TimeoutReason::CallAfterWindow,
    ),
    ("another job was running", TimeoutReason::AnotherJobRunning),
    (
        "Execution could not complete within the patch window",
        TimeoutReason::NotFinishedInWindow,
    ),
];

#[test]
fn a_linux_window_code_reads_as_not_finishing_in_the_window() {
    for code in [
        "window_exceeded",
        "WINDOW-EXCEEDED",
        "patch window exceeded",
    ] {
        assert_eq!(
            TimeoutReason::parse(code, OsFamily::Linux),
            Some(TimeoutReason::NotFinishedInWindow),
            "{code}"
        );
    }
}

#[test]
fn statuses_whose_phase_advice_would_mislead_give_their_own() {
    // The agent already holds a received job, and a job with no patches has
    // nothing an agent being online would change. Three failures have a
    // known cause, which the general "read the message" does not fix.
    const OWN_ADVICE: [StatusKey; 6] = [
        StatusKey::JobReceived,
        StatusKey::NoPatchAvailable,
        StatusKey::DownloadingFailed,
        StatusKey::TimedOut,
        StatusKey::NotLicensed,
        StatusKey::PendingReboot,
    ];
    for key in OWN_ADVICE {
        let def = key.def();
        assert_ne!(def.next_step(), def.phase.next_step(), "{}", def.name);
    }
    assert!(!StatusKey::JobReceived
        .def()
        .next_step()
        .contains("pick the job up"));
    assert!(!StatusKey::NoPatchAvailable
        .def()
        .next_step()
        .contains("agent is online"));
    assert!(StatusKey::NotLicensed.def().next_step().contains("license"));
    assert!(StatusKey::TimedOut
        .def()
        .next_step()
        .contains("patch window"));
    for key in StatusKey::ALL {
        let def = key.def();
        if !OWN_ADVICE.contains(&key) {
            assert_eq!(def.next_step(), def.phase.next_step(), "{}", def.name);
        }
    }
}

#[test]
fn every_unfinished_status_has_advice_past_waiting_for_when_it_is_stuck() {
    for key in StatusKey::ALL {
        let def = key.def();
        match def.stuck_next_step() {
            Some(step) => {
                assert!(!def.phase.is_final(), "{}", def.name);
                assert_ne!(step, def.next_step(), "{}", def.name);
                assert!(!step.starts_with("Wait"), "{}: {step}", def.name);
            }
            None => assert!(
                def.phase.is_final(),
                "{} is not final and has no advice for when it is stuck",
                def.name
            ),
        }
    }
    assert!(Phase::Unknown.stuck_next_step().is_some());
}

/// Facts of an asset at `pending_stage`, and nothing else.
fn pending_at(pending_stage: Option<PendingStage>) -> MessageFacts {
    MessageFacts {
        pending_stage,
        ..facts()
    }
}

#[test]
fn a_job_still_being_prepared_is_not_blamed_on_the_agent() {
    let pending = StatusKey::Pending.def();
    let preparing = next_step(
        pending,
        &pending_at(Some(PendingStage::Preparing)),
        true,
        OsFamily::Windows,
    );
    assert!(!preparing.contains("connectivity"), "{preparing}");
    assert_ne!(preparing, pending.next_step());
    // Offered and not fetched: the agent's check-in is the question.
    for other in [Some(PendingStage::AvailableForDownload), None] {
        assert_eq!(
            next_step(pending, &pending_at(other), true, OsFamily::Windows),
            pending.next_step()
        );
    }
    // The stage means nothing to another status.
    let started = StatusKey::JobStarted.def();
    assert_eq!(
        next_step(
            started,
            &pending_at(Some(PendingStage::Preparing)),
            true,
            OsFamily::Windows
        ),
        started.next_step()
    );
}

#[test]
fn stuck_while_still_being_prepared_looks_at_the_job_not_the_agent() {
    let pending = StatusKey::Pending.def();
    let preparing = stuck_next_step(pending, &pending_at(Some(PendingStage::Preparing))).unwrap();
    assert!(!preparing.contains("agent online"), "{preparing}");
    assert!(preparing.contains("the job itself"), "{preparing}");
    // Offered and not fetched: the agent's check-in is the question.
    for other in [Some(PendingStage::AvailableForDownload), None] {
        assert_eq!(
            stuck_next_step(pending, &pending_at(other)),
            pending.stuck_next_step()
        );
    }
    let blocked = StatusKey::ExecutionBlocked.def();
    assert_eq!(
        stuck_next_step(blocked, &pending_at(Some(PendingStage::Preparing))),
        blocked.stuck_next_step()
    );
}

/// Each waiting status names what it waits for, so its advice when stuck is
/// about that: a blocked job is not helped by a restart.
#[test]
fn a_stuck_waiting_status_gets_advice_for_what_it_waits_for() {
    let waiting: Vec<_> = StatusKey::ALL
        .into_iter()
        .map(StatusKey::def)
        .filter(|def| def.phase == Phase::Waiting)
        .collect();
    assert_eq!(waiting.len(), 3);
    let steps: std::collections::HashSet<_> = waiting
        .iter()
        .map(|def| def.stuck_next_step().unwrap())
        .collect();
    assert_eq!(steps.len(), 3, "one advice each");
    assert!(!steps.contains(Phase::Waiting.stuck_next_step().unwrap()));
    let blocked = StatusKey::ExecutionBlocked.def().stuck_next_step().unwrap();
    assert!(
        !blocked.contains("restart") && blocked.contains("job in its way"),
        "{blocked}"
    );
    for key in [StatusKey::PendingReboot, StatusKey::RebootDeferred] {
        let step = key.def().stuck_next_step().unwrap();
        assert!(step.contains("restart"), "{step}");
    }
}

/// Advice that sends the operator to the message is given only where there
/// is one: without it, the advice says where else to look.
#[test]
fn without_a_message_the_advice_does_not_point_to_one() {
    let no_facts = facts();
    for key in StatusKey::ALL {
        let def = key.def();
        let without = next_step(def, &no_facts, false, OsFamily::Windows);
        assert!(!without.contains("message"), "{}: {without}", def.name);
    }
    let timed_out = StatusKey::TimedOut.def();
    assert!(next_step(timed_out, &no_facts, true, OsFamily::Windows).contains("message"));
    assert!(next_step(timed_out, &no_facts, false, OsFamily::Windows).contains("job's log"));
    let failed = StatusKey::JobFailed.def();
    assert_eq!(
        next_step(failed, &no_facts, true, OsFamily::Windows),
        failed.next_step()
    );
    assert!(next_step(failed, &no_facts, false, OsFamily::Windows).contains("failed patches"));
    // A status with advice of its own keeps it: it does not lean on a message.
    let license = StatusKey::NotLicensed.def();
    assert_eq!(
        next_step(license, &no_facts, false, OsFamily::Windows),
        license.next_step()
    );
}

#[test]
fn every_windows_timeout_reason_is_recognised() {
    assert_eq!(
        TimeoutReason::listed_for(OsFamily::Windows).len(),
        WINDOWS_WORDINGS.len()
    );
    for (wording, reason) in WINDOWS_WORDINGS {
        assert!(TimeoutReason::listed_for(OsFamily::Windows).contains(&reason));
        assert_eq!(
            timeout_cause(wording, OsFamily::Windows),
            Some(TimeoutCause::Listed {
                reason,
                words: Some(wording.to_owned())
            }),
            "{wording}"
        );
        assert_eq!(
            TimeoutReason::parse(reason.as_str(), OsFamily::Windows),
            Some(reason)
        );
    }
}

#[test]
fn every_linux_timeout_reason_is_recognised() {
    assert_eq!(
        TimeoutReason::listed_for(OsFamily::Linux).len(),
        LINUX_WORDINGS.len()
    );
    for (wording, reason) in LINUX_WORDINGS {
        assert!(TimeoutReason::listed_for(OsFamily::Linux).contains(&reason));
        assert_eq!(
            timeout_cause(wording, OsFamily::Linux),
            Some(TimeoutCause::Listed {
                reason,
                words: Some(wording.to_owned())
            }),
            "{wording}"
        );
        assert_eq!(
            TimeoutReason::parse(reason.as_str(), OsFamily::Linux),
            Some(reason)
        );
    }
}

#[test]
fn timeout_reasons_are_read_within_the_assets_os() {
    // The manifest reason is listed for Windows only; on Linux the same text
    // falls back to the reason Linux does list.
    let text = "another job running; job manifest not downloaded";
    assert_eq!(
        TimeoutReason::parse(text, OsFamily::Linux),
        Some(TimeoutReason::AnotherJobRunning)
    );
    assert_eq!(
        TimeoutReason::parse("download-filled-window", OsFamily::Linux),
        None
    );
    // Mac and unplaced assets have no list of their own: any reason may match.
    assert_eq!(
        TimeoutReason::parse("capi call late", OsFamily::Mac),
        Some(TimeoutReason::CallAfterWindow)
    );
}

#[test]
fn text_that_only_mentions_a_cause_is_not_taken_for_it() {
    for (text, os) in [
        ("Timed out waiting for reboot consent from the user", OsFamily::Windows),
        (
            "Patches downloaded successfully; installation did not complete before the window closed",
            OsFamily::Windows,
        ),
        ("No permission issues; agent offline during window", OsFamily::Windows),
    ] {
        assert_eq!(
            timeout_cause(text, os),
            Some(TimeoutCause::Unlisted(text.to_owned())),
            "{text}"
        );
    }
}

#[test]
fn a_placed_timeout_text_is_shown_beside_our_wording() {
    let message = StatusMessage::TimedOut(TimeoutCause::parse(
        " download_exceeded_window ",
        OsFamily::Linux,
    ));
    assert_eq!(
        message.to_string(),
        "Timed out: the work could not finish inside the patch window \
         (reported as \"download_exceeded_window\").",
        "the download the Linux list has no reason for is still there to read"
    );
}

#[test]
fn unknown_timeout_text_is_kept_as_is() {
    let cause = timeout_cause("  Disk quota exceeded ", OsFamily::Windows).unwrap();
    assert_eq!(cause, TimeoutCause::Unlisted("Disk quota exceeded".into()));
    let text = StatusMessage::TimedOut(cause).to_string();
    assert!(text.contains("Disk quota exceeded"), "{text}");
    assert_eq!(timeout_cause("  ", OsFamily::Windows), None);
}

#[test]
fn listed_timeout_reasons_have_distinct_tokens_and_texts() {
    let all = TimeoutReason::listed_for(OsFamily::Other);
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a.as_str(), b.as_str());
            assert_ne!(a.text(), b.text());
        }
        let message = StatusMessage::TimedOut(TimeoutCause::parse(a.as_str(), OsFamily::Other));
        assert_eq!(
            message.to_string(),
            format!("Timed out: {}.", a.text()),
            "a token is ours to word"
        );
    }
}

/// A name as `names_match` compares it: letters and digits, lower-cased.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The resolution rule read straight off the module docs, scanning the
/// whole catalogue: the name must be the candidate's, or no status's at all.
fn reference_key(raw: &RawStatus) -> Option<StatusKey> {
    let named = raw.name.as_deref().and_then(|name| {
        StatusKey::ALL
            .into_iter()
            .find(|key| folded(key.def().name) == folded(name))
    });
    let state_agrees = |key: StatusKey| raw.state.is_none_or(|state| state == key.def().state);
    let candidates: Vec<StatusKey> = match raw.code {
        Some(code) => StatusKey::ALL
            .into_iter()
            .filter(|key| key.def().code == code)
            .filter(|&key| state_agrees(key) && named.is_none_or(|name| name == key))
            .collect(),
        None => named.filter(|&key| state_agrees(key)).into_iter().collect(),
    };
    match candidates[..] {
        [only] => Some(only),
        _ => None,
    }
}

/// A status name as backends spell it: a catalogue name in any case and
/// punctuation, or anything else.
fn spelled_name() -> impl Strategy<Value = String> {
    let catalogue = prop::sample::select(StatusKey::ALL.map(|key| key.def().name).to_vec());
    prop_oneof![
        (catalogue, any::<bool>(), "[ _–-]{0,2}").prop_map(|(name, upper, gap)| {
            let spelled = name.replace(' ', &gap);
            if upper {
                spelled.to_uppercase()
            } else {
                spelled.to_lowercase()
            }
        }),
        "[A-Za-z0-9 _-]{0,16}",
        "\\PC{0,16}",
    ]
}

proptest! {
    #[test]
    fn names_match_compares_letters_and_digits_ignoring_case(a in spelled_name(), b in spelled_name()) {
        prop_assert_eq!(names_match(&a, &b), folded(&a) == folded(&b));
    }

    #[test]
    fn resolution_follows_the_rule_for_any_code_state_and_name(
        code in prop_oneof![
            prop::sample::select(StatusKey::ALL.map(|key| key.def().code).to_vec()).prop_map(Some),
            proptest::option::of(2025_u16..2065),
        ],
        state in proptest::option::of(0_u8..4),
        name in proptest::option::of(spelled_name()),
    ) {
        let raw = RawStatus { code, state, name, ..RawStatus::default() };
        prop_assert_eq!(resolve_key(&raw), reference_key(&raw));
    }

    #[test]
    fn resolution_never_panics(code in proptest::option::of(any::<u16>()),
                               state in proptest::option::of(any::<u8>()),
                               name in proptest::option::of(".*"),
                               unreadable in any::<bool>()) {
        let raw = RawStatus { code, state, name, unreadable };
        let resolved = resolve(&raw);
        prop_assert_eq!(resolved.key(), resolve_key(&raw));
        prop_assert!(!resolved.label().is_empty());
    }

    #[test]
    fn timeout_parsing_lists_a_reason_for_the_os_or_keeps_the_text(text in ".*") {
        for os in OsFamily::ALL {
            match TimeoutCause::parse(&text, os) {
                TimeoutCause::Listed { reason, words } => {
                    prop_assert!(TimeoutReason::listed_for(os).contains(&reason));
                    // Text, as opposed to a token, is kept as sent.
                    if let Some(words) = words {
                        prop_assert_eq!(words.as_str(), text.trim());
                    }
                }
                TimeoutCause::Unlisted(kept) => prop_assert_eq!(kept.as_str(), text.trim()),
            }
        }
    }

    #[test]
    fn a_table_places_each_name_as_placing_it_alone_does(
        names in prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec!["Windows 11 Pro", "Ubuntu 22.04", "macOS 14", "Darwin", " win10 ", ""])
                    .prop_map(str::to_owned),
                ".{0,12}",
            ],
            0..40,
        ),
    ) {
        let mut families = OsFamilies::default();
        for name in &names {
            prop_assert_eq!(families.of(name), OsFamily::from_os_name(name), "{:?}", name);
        }
    }

    #[test]
    fn os_placement_never_panics(name in ".*") {
        let family = OsFamily::from_os_name(&name);
        prop_assert!(OsFamily::ALL.contains(&family));
    }
}

/// A timeout reason the catalogue lists gets advice for that reason, not
/// the status's list of remedies for several; an unlisted one keeps it.
#[test]
fn a_listed_timeout_reason_brings_its_own_advice() {
    let timed_out = StatusKey::TimedOut.def();
    let because = |reason: &str| MessageFacts {
        timeout_reason: Some(reason.into()),
        ..facts()
    };
    let late_permission = next_step(
        timed_out,
        &because("start-permission-late"),
        true,
        OsFamily::Windows,
    );
    assert_eq!(
        late_permission,
        TimeoutReason::StartPermissionLate.next_step()
    );
    assert!(late_permission.contains("start"), "{late_permission}");
    let late_call = next_step(
        timed_out,
        &because("CAPI call after the window"),
        true,
        OsFamily::Linux,
    );
    assert!(late_call.contains("agent reports late"), "{late_call}");
    // Each listed reason's advice is its own.
    let all = [
        TimeoutReason::RebootOutsideWindow,
        TimeoutReason::DownloadFilledWindow,
        TimeoutReason::ScriptFilledWindow,
        TimeoutReason::StartPermissionLate,
        TimeoutReason::CallAfterWindow,
        TimeoutReason::AnotherJobRunning,
        TimeoutReason::NotFinishedInWindow,
        TimeoutReason::ExecutionTimedOut,
    ];
    let advice: std::collections::HashSet<&str> =
        all.iter().map(|reason| reason.next_step()).collect();
    assert_eq!(advice.len(), all.len());
    // A reason not listed for the OS, or not placed, leaves the status's advice.
    assert_eq!(
        next_step(
            timed_out,
            &because("the moon was full"),
            true,
            OsFamily::Windows
        ),
        timed_out.next_step()
    );
    assert_eq!(
        next_step(timed_out, &because("capi"), true, OsFamily::Windows),
        timed_out.next_step()
    );
    // Another status ignores a timeout reason.
    let failed = StatusKey::JobFailed.def();
    assert_eq!(
        next_step(
            failed,
            &because("start-permission-late"),
            true,
            OsFamily::Windows
        ),
        failed.next_step()
    );
}
