//! Where a record's name is cut when its column is too narrow for it. Hosts
//! of one fleet share a start ("aks-agentpool-37475823-vmss0000") and differ
//! at the end of their own label, which a cut at the name's end would hide:
//! every row would read alike.

/// How many characters at the end of a name's first label stay in sight.
pub const KEPT_CHARS: usize = 6;

/// A name in three parts: `start` may be cut, `kept` stays in sight, and
/// `rest` follows as far as there is room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameCut<'a> {
    pub start: &'a str,
    pub kept: &'a str,
    pub rest: &'a str,
}

/// The cut of a name whose first label (up to the first dot, where a fully
/// qualified name's host ends; the whole name if it has none) is too long
/// for any column: the label's last [`KEPT_CHARS`] characters are kept, and
/// the domain, which the fleet's hosts share, gives way first. `None` for a
/// shorter label, which a cut at the name's end does not hide, or for a
/// name with anything but printable ASCII in it. Host names are ASCII; a
/// name in another script is cut at its end only, since boxes would show
/// the parts of a right-to-left name in the wrong order, and a cut could
/// part a letter from its accents.
pub fn name_cut(name: &str) -> Option<NameCut<'_>> {
    let printable = name
        .bytes()
        .all(|byte| byte == b' ' || byte.is_ascii_graphic());
    let label_end = name.find('.').unwrap_or(name.len());
    (printable && label_end > 2 * KEPT_CHARS).then(|| {
        let (label, rest) = name.split_at(label_end);
        let (start, kept) = label.split_at(label_end - KEPT_CHARS);
        NameCut { start, kept, rest }
    })
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
                "ip-10-0-12-34.eu-west-1.compute.internal",
                ("ip-10-0", "-12-34", ".eu-west-1.compute.internal"),
            ),
            (
                "WIN-SQL-PRD-0001.corp.example.com",
                ("WIN-SQL-PR", "D-0001", ".corp.example.com"),
            ),
            ("web 01 on floor 3", ("web 01 on f", "loor 3", "")),
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
            "twelve-chars",
            "web01.corp.example.com",
            "twelve-chars.example.com",
            "10.0.12.34",
            "数据库服务器-北京-主节点-0001",
            "خادم-قاعدة-البيانات-الرياض",
            "cafe\u{301}-e\u{301}te\u{301}-server-01",
            "tab\there-server-0001",
        ] {
            assert_eq!(name_cut(name), None, "{name}");
        }
        assert!(name_cut("thirteen-char").is_some());
    }
}
