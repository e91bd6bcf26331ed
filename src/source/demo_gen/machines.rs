//! The demo's machines: one inventory that both pages and every job draw
//! from, so a host has the same name and system wherever it is listed.

use super::Lcg;
use crate::domain::os::OsFamily::{self, Linux, Mac, Windows};

/// A kind of machine: how it is named, and the systems it runs.
pub(super) struct Machines {
    family: OsFamily,
    /// Windows roles and Linux roles start a host name; Mac users end one.
    /// No two kinds share a role, so no two kinds share a host name.
    roles: &'static [&'static str],
    os: &'static [&'static str],
    /// The maintenance schedules such a machine is given.
    pub(super) schedules: &'static [&'static str],
}

impl Machines {
    pub(super) fn family(&self) -> OsFamily {
        self.family
    }

    /// Tells the kinds apart (consts are copied, so not by address).
    fn key(&self) -> &'static str {
        self.roles[0]
    }
}

const SERVER_SCHEDULES: &[&str] = &["Production – ring 1", "Test – any time"];
const DESKTOP_SCHEDULES: &[&str] = &["Workstations – ring 2"];

pub(super) const WINDOWS_SERVERS: Machines = Machines {
    family: Windows,
    roles: &["WIN-SQL", "WIN-APP", "WIN-FS", "DC", "WIN-RDS", "WIN-EXCH"],
    os: &[
        "Windows Server 2022 Datacenter",
        "Windows Server 2019 Standard",
        "Windows Server 2016 Standard",
    ],
    schedules: SERVER_SCHEDULES,
};
pub(super) const WINDOWS_DESKTOPS: Machines = Machines {
    family: Windows,
    roles: &["WKS"],
    os: &["Windows 11 Enterprise 23H2", "Windows 10 Enterprise 22H2"],
    schedules: DESKTOP_SCHEDULES,
};
pub(super) const LINUX_SERVERS: Machines = Machines {
    family: Linux,
    roles: &[
        "web-prod", "db", "k8s-node", "cache", "batch", "lb", "build",
    ],
    os: &[
        "Ubuntu 22.04.4 LTS",
        "Ubuntu 20.04.6 LTS",
        "Red Hat Enterprise Linux 9.3",
        "Red Hat Enterprise Linux 8.9",
        "Rocky Linux 9.3",
        "Debian 12",
        "SUSE Linux Enterprise Server 15 SP5",
        "Amazon Linux 2023",
    ],
    schedules: SERVER_SCHEDULES,
};
pub(super) const MACS: Machines = Machines {
    family: Mac,
    roles: &[
        "jsmith", "amartin", "kchen", "rpatel", "lgarcia", "tnguyen", "mrossi", "ebrown",
    ],
    os: &[
        "macOS 14.5 Sonoma",
        "macOS 13.6.7 Ventura",
        "macOS 15.0 Sequoia",
    ],
    schedules: DESKTOP_SCHEDULES,
};
/// Servers on systems their vendors no longer support: the demo's endpoints
/// that cannot be patched for that reason, and no job deploys to.
const LEGACY_WINDOWS_SERVERS: Machines = Machines {
    family: Windows,
    roles: &["WIN-ERP", "WIN-LEGACY"],
    os: &["Windows Server 2008 R2 Standard"],
    schedules: SERVER_SCHEDULES,
};
const LEGACY_LINUX_SERVERS: Machines = Machines {
    family: Linux,
    roles: &["legacy-app", "old-db"],
    os: &["CentOS 6.10"],
    schedules: SERVER_SCHEDULES,
};
const SITES: &[&str] = &["fra", "ams", "nyc", "sfo", "sgp"];

/// The kinds of machine an endpoint of `family` is drawn from; `legacy`
/// for the ones on systems past their support.
pub(super) fn machines_of(family: OsFamily, legacy: bool) -> &'static [Machines] {
    match (family, legacy) {
        (Windows, false) => &[WINDOWS_DESKTOPS, WINDOWS_SERVERS],
        (Windows, true) => &[LEGACY_WINDOWS_SERVERS],
        (Linux, false) => &[LINUX_SERVERS],
        (Linux, true) => &[LEGACY_LINUX_SERVERS],
        _ => &[MACS],
    }
}

/// A machine the demo names: its kind, its host name and its system.
pub(super) struct Host {
    pub(super) kind: &'static Machines,
    pub(super) name: String,
    pub(super) os: String,
}

/// Hands out each kind's machines in the same order, first to last, for a
/// seed. Each page and each job takes from its own, so they list the same
/// first machines of a kind, as views of one real fleet would.
pub(super) struct Inventory {
    seed: u64,
    /// How many machines of each kind (by key) were handed out.
    taken: Vec<(&'static str, usize)>,
}

impl Inventory {
    pub(super) fn new(seed: u64) -> Self {
        Inventory {
            seed,
            taken: Vec::new(),
        }
    }

    /// The next machine of `kind` whose system `fits`.
    pub(super) fn next(&mut self, kind: &'static Machines, fits: impl Fn(&str) -> bool) -> Host {
        let slot = match self.taken.iter().position(|(key, _)| *key == kind.key()) {
            Some(slot) => slot,
            None => {
                self.taken.push((kind.key(), 0));
                self.taken.len() - 1
            }
        };
        loop {
            let number = self.taken[slot].1;
            self.taken[slot].1 += 1;
            let host = numbered_host(kind, number, self.seed);
            if fits(&host.os) {
                return host;
            }
        }
    }
}

/// Machine `number` (from 0) of `kind`: a realistic host name, unique
/// within the kind by `number`, and a system that suits its role (no
/// domain controller on Windows 11). Drawn from the seed, the kind and the
/// number alone.
fn numbered_host(kind: &'static Machines, number: usize, seed: u64) -> Host {
    let key = kind
        .key()
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
        });
    let mut rng = Lcg(seed ^ key ^ (number as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    rng.next();
    let site = rng.pick(SITES);
    let role = rng.pick(kind.roles);
    // Counted from 1, as people number machines.
    let serial = number + 1;
    let name = match kind.family {
        Windows => format!("{role}-{}-{serial:04}", site.to_uppercase()),
        Linux => format!("{role}-{site}-{serial:04}"),
        _ => format!("MBP-{role}-{serial:04}"),
    };
    let os = rng.pick(kind.os).to_string();
    Host { kind, name, os }
}
