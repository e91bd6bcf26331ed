//! Backend text shows every character that could make it pass for other text.

use patchboard::domain::visible::{visible, MARK};

#[test]
fn hidden_controls_show_as_a_mark_and_the_rest_is_left_as_is() {
    let mark = MARK.to_string();
    for (sent, shown) in [
        ("HOST-0001", "HOST-0001".to_owned()),
        ("HOST-\u{200B}0005", format!("HOST-{mark}0005")),
        // An override would show "HOST-0001"; a reader sees it is not.
        ("HOST-\u{202E}1000", format!("HOST-{mark}1000")),
        ("Invoice \u{202E}gnp.exe", format!("Invoice {mark}gnp.exe")),
        (
            "\u{2066}web-01\u{2069}\u{FEFF}",
            format!("{mark}web-01{mark}{mark}"),
        ),
        // Joiners belong to words in some scripts and to emoji.
        ("می\u{200C}خواهم", "می\u{200C}خواهم".to_owned()),
        ("👩\u{200D}💻-desk", "👩\u{200D}💻-desk".to_owned()),
        // Between ASCII characters a joiner joins nothing, and hides.
        ("HOST-00\u{200D}01", format!("HOST-00{mark}01")),
        ("HOST-0001\u{200C}", format!("HOST-0001{mark}")),
        // Nor does a run of them, or one beside another hidden character.
        ("HOST\u{200D}\u{200D}0001", format!("HOST{mark}{mark}0001")),
        ("HOST\u{200B}\u{200D}0001", format!("HOST{mark}{mark}0001")),
        // A subdivision flag keeps its tags; tags elsewhere hide.
        (
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} team",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} team".to_owned(),
        ),
        // Characters that draw nothing: soft hyphen, grapheme joiner,
        // fillers, line separator, deprecated format, annotation, tags.
        ("ser\u{00AD}ver-42", format!("ser{mark}ver-42")),
        ("HOST-00\u{034F}01", format!("HOST-00{mark}01")),
        ("HOST-00\u{3164}01", format!("HOST-00{mark}01")),
        ("HOST-00\u{2028}01", format!("HOST-00{mark}01")),
        ("HOST-00\u{206A}01", format!("HOST-00{mark}01")),
        ("HOST-00\u{FFF9}01", format!("HOST-00{mark}01")),
        ("HOST-00\u{E0041}01", format!("HOST-00{mark}01")),
        ("Ωmega – ΣΟΦΟΣ", "Ωmega – ΣΟΦΟΣ".to_owned()),
    ] {
        assert_eq!(visible(sent), shown, "{sent:?}");
    }
}
