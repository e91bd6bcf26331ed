//! The notes a detail panel shows beside a list that came back short.

use patchboard::domain::asset::{AssetResult, StatusChange};
use patchboard::domain::endpoint::{Drive, Endpoint};
use patchboard::domain::time::Timestamp;

fn asset(kept: usize, unreadable: u16) -> AssetResult {
    let change = StatusChange {
        status: Default::default(),
        at: Timestamp::from_millis(0),
    };
    AssetResult {
        history: vec![change; kept],
        history_unreadable: unreadable,
        ..Default::default()
    }
}

fn endpoint(kept: usize, unreadable: u16) -> Endpoint {
    let drive = Drive {
        name: "C:".to_owned(),
        used_percent: 40.0,
    };
    let mut endpoint = Endpoint {
        drives: vec![drive; kept],
        ..Default::default()
    };
    endpoint.unreadable.drives = unreadable;
    endpoint
}

#[test]
fn a_history_read_whole_has_no_note() {
    assert_eq!(asset(0, 0).history_note(), None);
    assert_eq!(asset(3, 0).history_note(), None);
}

#[test]
fn a_history_short_of_entries_says_how_many() {
    let note = |kept, unreadable| asset(kept, unreadable).history_note().unwrap();
    assert_eq!(
        note(0, 2),
        "The status history the backend sent could not be read."
    );
    assert_eq!(
        note(3, 1),
        "Another entry the backend sent could not be read."
    );
    assert_eq!(
        note(1, 1200),
        "1,200 other entries the backend sent could not be read."
    );
}

#[test]
fn drives_say_when_none_came_and_when_some_were_lost() {
    assert_eq!(endpoint(2, 0).drives_note(), None);
    for (kept, unreadable, note) in [
        (0, 0, "No drives were reported for this endpoint."),
        (0, 1, "The drives the backend sent could not be read."),
        (1, 1, "Another drive the backend sent could not be read."),
        (1, 2, "2 other drives the backend sent could not be read."),
    ] {
        assert_eq!(
            endpoint(kept, unreadable).drives_note().as_deref(),
            Some(note)
        );
    }
}
