use patchboard::domain::asset::AssetResult;
use patchboard::domain::endpoint::Endpoint;
use patchboard::domain::visible::{ShowHidden, MARK};
use patchboard::source::gather::{Gathered, Identified, Repeat};
use patchboard::source::mapping::RowError;

/// An asset row as a page of results would carry it: its id and a status.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: &'static str,
    status: &'static str,
}

// Static text, nothing to make visible.
impl ShowHidden for Row {
    fn show_hidden(&mut self) {}
}

impl Identified for Row {
    const ID_FIELD: &'static str = "asset_id";
    fn id(&self) -> &str {
        self.id
    }
}

fn row(id: &'static str, status: &'static str) -> Row {
    Row { id, status }
}

fn skipped(index: usize) -> RowError {
    RowError {
        index,
        id: None,
        field: "status_code".into(),
        pointer: "/status".into(),
        problem: "expected a number".into(),
    }
}

#[test]
fn distinct_ids_are_kept_in_the_order_they_came() {
    let mut gathered = Gathered::default();
    assert!(gathered
        .add_page(vec![row("a", "Queued"), row("b", "Queued")], &[])
        .is_empty());
    assert!(gathered.add_page(vec![row("c", "Queued")], &[]).is_empty());
    let ids: Vec<_> = gathered.items().iter().map(|r| r.id).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn a_record_sent_again_on_a_later_page_is_kept_once_with_its_later_values() {
    // Offset paging over live data: a row added ahead of "b" between the two
    // requests pushes "b" onto the second page as well.
    let mut gathered = Gathered::default();
    gathered.add_page(vec![row("a", "Queued"), row("b", "Queued")], &[]);
    let repeats = gathered.add_page(vec![row("b", "Installing"), row("c", "Queued")], &[]);

    assert_eq!(
        repeats,
        [Repeat {
            field: "asset_id",
            id: "b".into(),
            earlier_row: 1,
            row: 2,
        }]
    );
    assert_eq!(
        gathered.items(),
        [
            row("a", "Queued"),
            row("b", "Installing"),
            row("c", "Queued")
        ]
    );
}

#[test]
fn repeats_are_numbered_by_their_rows_in_the_whole_list_skipped_rows_included() {
    let mut gathered = Gathered::default();
    // Page one: rows 0 and 1 skipped, "a" on row 2, row 3 skipped, "b" on row 4.
    gathered.add_page(
        vec![row("a", "Queued"), row("b", "Queued")],
        &[skipped(0), skipped(1), skipped(3)],
    );
    // Page two starts at row 5: row 5 skipped, "b" again on row 6, a trailing skip on row 8.
    let repeats = gathered.add_page(
        vec![row("b", "Done"), row("c", "Queued")],
        &[skipped(5), skipped(8)],
    );
    let rows: Vec<_> = repeats.iter().map(|r| (r.earlier_row, r.row)).collect();
    assert_eq!(rows, [(4, 6)]);
    // Page three starts after the trailing skip, at row 9.
    let repeats = gathered.add_page(vec![row("a", "Done")], &[]);
    let rows: Vec<_> = repeats.iter().map(|r| (r.earlier_row, r.row)).collect();
    assert_eq!(rows, [(2, 9)]);
    assert_eq!(gathered.into_items().len(), 3);
}

#[test]
fn a_repeat_within_one_page_is_caught_too_each_naming_the_row_it_replaced() {
    let mut gathered = Gathered::default();
    let repeats = gathered.add_page(
        vec![row("a", "Queued"), row("a", "Failed"), row("a", "Done")],
        &[],
    );
    let rows: Vec<_> = repeats.iter().map(|r| (r.earlier_row, r.row)).collect();
    assert_eq!(rows, [(0, 1), (1, 2)]);
    assert_eq!(gathered.items(), [row("a", "Done")]);
}

#[test]
fn ids_differing_only_in_case_or_spacing_are_different_records() {
    let mut gathered = Gathered::default();
    let repeats = gathered.add_page(
        vec![
            row("web-1", "Queued"),
            row("WEB-1", "Queued"),
            row("web-1 ", "Queued"),
        ],
        &[],
    );
    assert!(repeats.is_empty());
    assert_eq!(gathered.items().len(), 3);
}

#[test]
fn a_repeat_names_the_field_the_id_and_both_rows_quoting_the_id() {
    let repeat = Repeat {
        field: "id",
        id: "db-7\n".into(),
        earlier_row: 12,
        row: 140,
    };
    assert_eq!(repeat.to_string(), r#"id "db-7\n" on rows 12 and 140"#);
}

#[test]
fn assets_and_endpoints_are_identified_by_the_fields_a_configuration_maps() {
    assert_eq!(AssetResult::ID_FIELD, "asset_id");
    assert_eq!(Endpoint::ID_FIELD, "id");
    let asset = AssetResult {
        asset_id: "srv-9".into(),
        ..AssetResult::default()
    };
    assert_eq!(asset.id(), "srv-9");
}

/// A bidi override in any text a record carries reverses what follows it on
/// screen, the app's own words included: every record's texts are made
/// visible as they are gathered, so no screen, search or export can miss one.
#[test]
fn every_text_of_a_gathered_record_shows_its_hidden_characters() {
    let hidden = |text: &str| format!("{text}\u{202E}1000");
    let shown = |text: &str| format!("{text}{MARK}1000");
    let mut asset = AssetResult {
        asset_id: hidden("a"),
        asset_name: hidden("HOST-"),
        os: hidden("Win"),
        failed_patches: vec![hidden("KB")],
        ..AssetResult::default()
    };
    asset.status.name = Some(hidden("Job Failed"));
    asset.facts.blocking_job = Some(hidden("Patch Tuesday"));
    let mut assets = Gathered::default();
    assets.add_page(vec![asset], &[]);
    let asset = &assets.items()[0];
    assert_eq!(
        [
            &asset.asset_id,
            &asset.asset_name,
            &asset.os,
            &asset.failed_patches[0]
        ],
        [&shown("a"), &shown("HOST-"), &shown("Win"), &shown("KB")]
    );
    assert_eq!(asset.status.name, Some(shown("Job Failed")));
    assert_eq!(asset.facts.blocking_job, Some(shown("Patch Tuesday")));

    let endpoint = Endpoint {
        id: "e".into(),
        name: "plain".into(),
        drives: vec![patchboard::domain::endpoint::Drive {
            name: hidden("C:"),
            used_percent: 95.0,
        }],
        reported_exemptions: vec![hidden("Gremlins")],
        powershell_policy: Some(hidden("Restricted")),
        ..Endpoint::default()
    };
    let mut endpoints = Gathered::default();
    endpoints.add_page(vec![endpoint], &[]);
    let endpoint = &endpoints.items()[0];
    assert_eq!(endpoint.name, "plain", "plain text is left as it is");
    assert_eq!(endpoint.drives[0].name, shown("C:"));
    assert_eq!(endpoint.reported_exemptions, [shown("Gremlins")]);
    assert_eq!(endpoint.powershell_policy, Some(shown("Restricted")));
}
