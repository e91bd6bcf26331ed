//! Operating system families, the unit of status applicability.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The OS families the status catalogue states applicability for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OsFamily {
    Windows,
    Linux,
    Mac,
    /// Anything we cannot place; applicability checks are skipped for it.
    Other,
}

/// Name fragments that place an OS name, checked in order, case-insensitively.
/// Mac comes first because "Darwin" contains "win"; Windows matches on the
/// whole word "windows" (or a leading "win" and a version, as in "Win10") for
/// the same reason, and so that "Wind River" stays Linux.
const MAC_MARKERS: &[&str] = &["macos", "mac os", "osx", "darwin"];
/// "OS X" only as words of their own: "CentOS x86_64" is not a Mac.
const MAC_WORDS: &[&str] = &["os x"];
const WINDOWS_MARKERS: &[&str] = &["windows", "microsoft"];
const LINUX_MARKERS: &[&str] = &[
    "linux", "ubuntu", "debian", "red hat", "redhat", "rhel", "centos", "suse", "sles", "fedora",
    "rocky", "alma", "kali", "raspbian", "photon",
];

impl OsFamily {
    /// Every family, in the order charts and breakdowns list them.
    pub const ALL: [OsFamily; 4] = [
        OsFamily::Windows,
        OsFamily::Linux,
        OsFamily::Mac,
        OsFamily::Other,
    ];

    /// Places an operating system name as a backend reports it
    /// ("Windows Server 2022", "Ubuntu 22.04", "macOS 14"); anything else is `Other`.
    /// Does not allocate: it runs once per row over 100k rows.
    pub fn from_os_name(name: &str) -> OsFamily {
        let name = name.trim();
        let mentions = |markers: &[&str]| markers.iter().any(|m| contains_ignore_case(name, m));
        if mentions(MAC_MARKERS) || MAC_WORDS.iter().any(|w| has_word_ignore_case(name, w)) {
            OsFamily::Mac
        } else if mentions(WINDOWS_MARKERS) || starts_with_win_version(name) {
            OsFamily::Windows
        } else if mentions(LINUX_MARKERS) {
            OsFamily::Linux
        } else {
            OsFamily::Other
        }
    }

    /// Position in [`OsFamily::ALL`], for per-family arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// A stable lowercase token for CSS classes and URLs.
    pub const fn as_str(self) -> &'static str {
        match self {
            OsFamily::Windows => "windows",
            OsFamily::Linux => "linux",
            OsFamily::Mac => "mac",
            OsFamily::Other => "other",
        }
    }

    /// The name people read.
    pub const fn label(self) -> &'static str {
        match self {
            OsFamily::Windows => "Windows",
            OsFamily::Linux => "Linux",
            OsFamily::Mac => "macOS",
            OsFamily::Other => "Other",
        }
    }
}

/// Places the OS names of a whole table, each distinct name once: a fleet
/// has a few dozen names over 100,000 rows, and placing a name reads it once
/// per marker.
#[derive(Debug, Default)]
pub struct OsFamilies<'a> {
    placed: HashMap<&'a str, OsFamily>,
}

impl<'a> OsFamilies<'a> {
    /// [`OsFamily::from_os_name`] of `name`, remembered.
    pub fn of(&mut self, name: &'a str) -> OsFamily {
        *self
            .placed
            .entry(name)
            .or_insert_with(|| OsFamily::from_os_name(name))
    }
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `needle` with no letter or digit right before or after it.
fn has_word_ignore_case(haystack: &str, needle: &str) -> bool {
    let bytes = haystack.as_bytes();
    let apart = |at: Option<&u8>| !at.is_some_and(u8::is_ascii_alphanumeric);
    bytes.windows(needle.len()).enumerate().any(|(at, window)| {
        window.eq_ignore_ascii_case(needle.as_bytes())
            && apart(at.checked_sub(1).and_then(|before| bytes.get(before)))
            && apart(bytes.get(at + needle.len()))
    })
}

/// "Win", "Win10", "Win 11": a leading "win" and then no letter.
fn starts_with_win_version(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes
        .get(..3)
        .is_some_and(|head| head.eq_ignore_ascii_case(b"win"))
        && !bytes.get(3).is_some_and(u8::is_ascii_alphabetic)
}
