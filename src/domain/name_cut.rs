//! Where a record's name is cut when its column is too narrow for it. Hosts
//! of one fleet share a start ("aks-agentpool-37475823-vmss0000") and differ
//! at the end of their own label, which a cut at the name's end would hide:
//! every row would read alike.

/// How many characters at the end of a name's first label stay in sight.
pub const KEPT_CHARS: usize = 6;

/// How long a first label must be to be cut this way: longer than the
/// name column holds at 1280 px (about 24 characters). A shorter one is
/// left as text, which the browser's find and a double-click select: the
/// cut draws its parts apart from the text, so that a screen reader reads
/// the name as one word (`ui::components::NameCell`).
pub const CUT_FROM_CHARS: usize = 25;

/// A name in three parts: `start` may be cut, `kept` stays in sight, and
/// `rest` follows as far as there is room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameCut<'a> {
    pub start: &'a str,
    pub kept: &'a str,
    pub rest: &'a str,
}

/// The cut of a name whose first label (up to the first dot, where a fully
/// qualified name's host ends; the whole name if it has none) has at least
/// [`CUT_FROM_CHARS`] characters: the label's last [`KEPT_CHARS`] are kept,
/// and the domain, which the fleet's hosts share, gives way first. `None`
/// for a shorter label, or for a name with anything but printable ASCII in
/// it, or a space at the cut, which would be lost there. Host names are ASCII; a
/// name in another script is cut at its end only, since boxes would show
/// the parts of a right-to-left name in the wrong order, and a cut could
/// part a letter from its accents.
pub fn name_cut(name: &str) -> Option<NameCut<'_>> {
    let printable = name
        .bytes()
        .all(|byte| byte == b' ' || byte.is_ascii_graphic());
    let label_end = name.find('.').unwrap_or(name.len());
    if !printable || label_end < CUT_FROM_CHARS {
        return None;
    }
    let (label, rest) = name.split_at(label_end);
    let (start, kept) = label.split_at(label_end - KEPT_CHARS);
    let spaced = start.ends_with(' ') || kept.starts_with(' ');
    (!spaced).then_some(NameCut { start, kept, rest })
}

#[cfg(test)]
mod tests {
    use super::{name_cut, NameCut};

    #[test]
    fn a_long_host_label_keeps_its_last_six_characters_in_sight() {
        for (name, (start, kept, rest)) in [
            (
                "aks-agentpool-37475823-vmss00000b",
                ("aks-agentpool-37475823-vmss", "00000b", ""),
            ),
            (
                "WIN-SQL-PRD-CLUSTER-NODE-0001.corp.example.com",
                ("WIN-SQL-PRD-CLUSTER-NOD", "E-0001", ".corp.example.com"),
            ),
            (
                "web 01 on the second floor 3",
                ("web 01 on the second f", "loor 3", ""),
            ),
        ] {
            assert_eq!(
                name_cut(name),
                Some(NameCut { start, kept, rest }),
                "{name}"
            );
        }
    }

    #[test]
    fn a_short_label_or_a_name_beyond_ascii_is_cut_at_its_end_only() {
        for name in [
            "DC-AMS-0157",
            "WIN-EXCH-NYC-0165",
            "twenty-four-characters-x",
            "web01.corp.example.com",
            "ip-10-0-12-34.eu-west-1.compute.internal",
            "10.0.12.34",
            "print queue on the floor 12345",
            "print queue on the floor 1 23456",
            "数据库服务器-北京-主节点-0001",
            "خادم-قاعدة-البيانات-الرياض",
            "cafe\u{301}-e\u{301}te\u{301}-server-01",
            "tab\there-server-0001",
        ] {
            assert_eq!(name_cut(name), None, "{name}");
        }
        assert!(name_cut("twenty-five-characters-xy").is_some());
    }
}
