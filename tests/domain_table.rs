//! Table operations over a small endpoint-like row type.

use patchboard::domain::table::{
    facet_counts, fold, group_by_facet, natural_cmp, natural_cmp_by_key, natural_key, retain_rows,
    search_key, search_key_and_folded, sort_rows, with_primary_reversed, Direction, Facet,
    FacetSet, SortKey, SortSpec, SortValue, TextQuery, MAX_SORT_KEYS,
};
use proptest::prelude::*;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Windows,
    Linux,
    Mac,
}

impl Facet for Family {
    const ALL: &'static [Self] = &[Family::Windows, Family::Linux, Family::Mac];
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exemption {
    LowDisk,
    Suspended,
    Offline,
}

impl Facet for Exemption {
    const ALL: &'static [Self] = &[Exemption::LowDisk, Exemption::Suspended, Exemption::Offline];
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Family,
    FamilyName,
    FreeGb,
}

#[derive(Debug, Clone)]
struct Row {
    name: String,
    name_key: Box<[u8]>,
    family: Family,
    family_name: String,
    free_gb: Option<f64>,
    exemptions: FacetSet<Exemption>,
    haystack: String,
}

impl Row {
    fn new(name: &str, family: Family, free_gb: Option<f64>, exemptions: &[Exemption]) -> Self {
        let family_name = format!("{family:?}");
        Row {
            name: name.to_owned(),
            name_key: natural_key(name),
            family,
            haystack: search_key(&[name, &family_name]),
            family_name,
            free_gb,
            exemptions: exemptions.iter().copied().collect(),
        }
    }
}

fn value(row: &Row, column: Column) -> SortValue<'_> {
    match column {
        Column::Name => SortValue::Keyed(&row.name_key, &row.name),
        Column::Family => (row.family.index() as u64).into(),
        Column::FamilyName => row.family_name.as_str().into(),
        Column::FreeGb => row.free_gb.into(),
    }
}

fn spec_of(keys: &[(Column, Direction)]) -> SortSpec<Column> {
    SortSpec::new(
        keys.iter()
            .map(|&(column, direction)| SortKey { column, direction })
            .collect(),
    )
}

fn sorted(rows: &[Row], spec: &SortSpec<Column>) -> Vec<u32> {
    sort_rows(rows.len(), spec, |column, index| {
        value(&rows[index], column)
    })
}

/// Numbers by value, -0.0 equal to 0.0 and NaN after every other number.
fn float_order(a: f64, b: f64) -> Ordering {
    a.partial_cmp(&b)
        .unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
}

/// The order `sort_rows` must give, written out plainly: each key in turn,
/// its direction reversing values, never blanks, which stay last.
fn expected_order(a: &Row, b: &Row, spec: &SortSpec<Column>) -> Ordering {
    let directed = |ordering: Ordering, direction| match direction {
        Direction::Asc => ordering,
        Direction::Desc => ordering.reverse(),
    };
    spec.keys()
        .iter()
        .map(|key| match key.column {
            Column::Name => directed(natural_cmp(&a.name, &b.name), key.direction),
            Column::Family => directed(a.family.index().cmp(&b.family.index()), key.direction),
            Column::FamilyName => {
                directed(natural_cmp(&a.family_name, &b.family_name), key.direction)
            }
            Column::FreeGb => match (a.free_gb, b.free_gb) {
                (Some(x), Some(y)) => directed(float_order(x, y), key.direction),
                (x, y) => x.is_none().cmp(&y.is_none()),
            },
        })
        .find(|ordering| ordering.is_ne())
        .unwrap_or(Ordering::Equal)
}

fn fleet() -> Vec<Row> {
    use Exemption::*;
    use Family::*;
    vec![
        Row::new("web-10", Linux, Some(12.5), &[]),
        Row::new("WEB-2", Windows, None, &[Offline]),
        Row::new("db-1", Linux, Some(0.4), &[LowDisk, Suspended]),
        Row::new("Mac-Mini-3", Mac, Some(120.0), &[]),
        Row::new("web-2", Linux, Some(0.4), &[LowDisk]),
        Row::new("Ωmega-ΣΟΦΟΣ", Windows, None, &[Suspended]),
    ]
}

fn every_row(rows: &[Row]) -> Vec<u32> {
    (0..rows.len() as u32).collect()
}

/// The rows that pass `keep`, in data order.
fn kept(rows: &[Row], keep: impl Fn(&Row) -> bool) -> Vec<u32> {
    let mut indices = every_row(rows);
    retain_rows(rows, &mut indices, keep);
    indices
}

fn names(rows: &[Row], indices: &[u32]) -> Vec<String> {
    indices
        .iter()
        .map(|&index| rows[index as usize].name.clone())
        .collect()
}

fn text_filter(rows: &[Row], input: &str) -> Vec<String> {
    let query = TextQuery::parse(input);
    names(rows, &kept(rows, |row| query.matches(&row.haystack)))
}

#[test]
fn text_query_needs_every_term_in_any_case() {
    let rows = fleet();
    assert_eq!(text_filter(&rows, "  WEB  "), ["web-10", "WEB-2", "web-2"]);
    assert_eq!(text_filter(&rows, "web linux"), ["web-10", "web-2"]);
    assert_eq!(text_filter(&rows, "linux WEB -2"), ["web-2"]);
    assert_eq!(text_filter(&rows, "web mac"), Vec::<String>::new());
}

#[test]
fn blank_text_query_matches_everything() {
    let rows = fleet();
    assert!(TextQuery::parse(" \t ").is_empty());
    assert_eq!(text_filter(&rows, " \t ").len(), rows.len());
}

#[test]
fn text_query_folds_non_ascii_case_and_final_sigma() {
    let rows = fleet();
    assert_eq!(text_filter(&rows, "ωMEGA"), ["Ωmega-ΣΟΦΟΣ"]);
    // Lowercasing writes the last letter as final sigma; a user types plain sigma.
    assert_eq!(text_filter(&rows, "σοφοσ"), ["Ωmega-ΣΟΦΟΣ"]);
    assert_eq!(text_filter(&rows, "ΣΟΦΟΣ"), ["Ωmega-ΣΟΦΟΣ"]);
}

/// Whether a search for `query` finds a row named `name`.
fn found(query: &str, name: &str) -> bool {
    TextQuery::parse(query).matches(&search_key(&[name]))
}

#[test]
fn text_query_folds_sharp_s_dotted_capital_i_and_full_width_letters() {
    for (query, name) in [
        ("strasse", "straße-02"),
        ("STRASSE", "straße-02"),
        ("straße", "STRASSE-02"),
        ("ÜBERGRÖSSE", "Übergröße"),
        ("istanbul", "İSTANBUL-01"),
        ("İstanbul", "istanbul-03"),
        ("web-01", "ＷＥＢ－０１"),
        ("ＷＥＢ", "web-01"),
    ] {
        assert!(found(query, name), "{query:?} finds {name:?}");
    }
    assert!(!found("strase", "straße-02"));
}

#[test]
fn text_query_folds_accented_latin_letters_to_their_base_letters() {
    for (query, name) in [
        ("ecole", "École-PC-01"),
        ("ecole", "E\u{301}cole-PC-01"),
        ("école", "ECOLE-PC-01"),
        ("E\u{301}COLE", "école-pc-01"),
        ("buro-pc", "Büro-PC-07"),
        ("sao-paulo", "São-Paulo-DC"),
        ("lodz", "ŁÓDŹ-WKS-3"),
        ("oslo-kjokken", "Oslo-Kjøkken"),
        ("cesky", "Český-Krumlov"),
        ("strasse", "straße-02"),
        ("iasi", "Iași-DC"),
        ("iasi", "Ias\u{326}i-DC"),
        ("viet", "Việt-PC"),
        ("viet", "Vie\u{323}\u{302}t-PC"),
    ] {
        assert!(found(query, name), "{query:?} finds {name:?}");
    }
    // Letters that are not an accented letter keep themselves.
    assert!(found("æ", "Ærø-01") && !found("ae", "Ærø-01"));
    assert!(found("ð", "Ðalvík") && !found("dalvik", "Ðalvík"));
    // Another script's accent is kept: й is not и.
    assert!(!found("и", "й") && found("й", "Й"));
    assert!(!found("lodz", "łódka"));
}

#[test]
fn a_name_is_found_by_what_it_shows_whatever_hides_in_it() {
    for hiding in [
        "HOST-\u{200B}0005",
        "HOST-0005\u{FEFF}",
        "\u{2066}HOST-0005\u{2069}",
        // As records hold it once gathered: the mark in its place.
        "HOST-\u{FFFD}0005",
    ] {
        let key = search_key(&[hiding, "Linux"]);
        assert!(TextQuery::parse("host-0005").matches(&key), "{hiding:?}");
        assert!(
            TextQuery::parse("HOST-0005 linux").matches(&key),
            "{hiding:?}"
        );
    }
    // Text pasted with its hidden characters finds the plain name too.
    assert!(TextQuery::parse("HOST-\u{200B}0005").matches(&search_key(&["HOST-0005"])));
    // The joiners some scripts need are kept: they tell words apart there.
    assert!(!TextQuery::parse("میخواهم").matches(&search_key(&["می\u{200C}خواهم"])));
}

#[test]
fn terms_do_not_match_across_key_parts() {
    let key = search_key(&["Host-A", "Linux"]);
    assert!(TextQuery::parse("host-a linux").matches(&key));
    assert!(!TextQuery::parse("alinux").matches(&key));
}

#[test]
fn a_part_folded_once_for_many_rows_keys_as_if_folded_with_the_row() {
    for shared in ["Timed Out · 2037", "ΣΟΦΟΣ – Ωmega", "plain"] {
        assert_eq!(
            search_key_and_folded(&["Host-A", "Ünïcode"], &fold(shared)),
            search_key(&["Host-A", "Ünïcode", shared]),
            "{shared:?}"
        );
    }
}

#[test]
fn text_queries_with_the_same_terms_are_equal_in_any_order_case_or_repeat() {
    assert_eq!(
        TextQuery::parse("Web linux web"),
        TextQuery::parse("LINUX  web")
    );
    assert_eq!(TextQuery::parse("a bb ccc"), TextQuery::parse("ccc a bb"));
    assert_ne!(TextQuery::parse("web linux"), TextQuery::parse("web"));
}

#[test]
fn facet_set_tracks_members_in_declaration_order() {
    let mut set: FacetSet<Exemption> = [Exemption::Offline, Exemption::LowDisk]
        .into_iter()
        .collect();
    assert_eq!(set.len(), 2);
    assert!(set.contains(Exemption::Offline) && !set.contains(Exemption::Suspended));
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [Exemption::LowDisk, Exemption::Offline]
    );
    set.toggle(Exemption::Offline);
    set.insert(Exemption::Suspended);
    set.remove(Exemption::LowDisk);
    assert_eq!(set.into_iter().collect::<Vec<_>>(), [Exemption::Suspended]);
    assert!(!set.is_empty());
}

#[test]
fn a_selection_admits_everything_until_something_is_ticked() {
    let mut filter = FacetSet::<Family>::new();
    assert!(Family::ALL.iter().all(|&family| filter.admits(family)));
    assert!(
        filter.admits_any(None),
        "a row without the value passes while nothing is ticked"
    );
    filter.toggle(Family::Mac);
    assert!(filter.admits(Family::Mac) && !filter.admits(Family::Linux));
    assert!(filter.admits_any(Some(Family::Mac)) && !filter.admits_any(None));
    filter.toggle(Family::Mac);
    assert!(filter.admits(Family::Linux));
}

#[test]
fn multi_valued_rows_pass_with_any_ticked_value() {
    let rows = fleet();
    let filter: FacetSet<Exemption> = [Exemption::LowDisk, Exemption::Offline]
        .into_iter()
        .collect();
    let passing = kept(&rows, |row| filter.admits_any(row.exemptions));
    assert_eq!(names(&rows, &passing), ["WEB-2", "db-1", "web-2"]);
    let everything = FacetSet::<Exemption>::new();
    assert_eq!(
        kept(&rows, |row| everything.admits_any(row.exemptions)).len(),
        rows.len()
    );
}

#[test]
fn filtering_a_sorted_list_keeps_its_order() {
    let rows = fleet();
    let mut indices = sorted(&rows, &SortSpec::by(Column::Name, Direction::Desc));
    let query = TextQuery::parse("web");
    retain_rows(&rows, &mut indices, |row| query.matches(&row.haystack));
    assert_eq!(names(&rows, &indices), ["web-10", "web-2", "WEB-2"]);
}

#[test]
fn sorts_names_naturally_both_ways() {
    let rows = fleet();
    let ascending = sorted(&rows, &SortSpec::by(Column::Name, Direction::Asc));
    assert_eq!(
        names(&rows, &ascending),
        [
            "db-1",
            "Mac-Mini-3",
            "WEB-2",
            "web-2",
            "web-10",
            "Ωmega-ΣΟΦΟΣ"
        ]
    );
    let descending = sorted(&rows, &SortSpec::by(Column::Name, Direction::Desc));
    assert_eq!(
        names(&rows, &descending),
        [
            "Ωmega-ΣΟΦΟΣ",
            "web-10",
            "web-2",
            "WEB-2",
            "Mac-Mini-3",
            "db-1"
        ]
    );
}

#[test]
fn secondary_key_breaks_primary_ties_and_index_breaks_the_rest() {
    let rows = fleet();
    let spec = spec_of(&[
        (Column::Family, Direction::Asc),
        (Column::FreeGb, Direction::Desc),
    ]);
    // Windows rows both lack free space: they tie and keep index order (1 before 5).
    assert_eq!(sorted(&rows, &spec), [1, 5, 0, 2, 4, 3]);
}

#[test]
fn texts_that_tie_fall_to_the_next_key() {
    let rows = fleet();
    let spec = spec_of(&[
        (Column::FamilyName, Direction::Desc),
        (Column::Name, Direction::Asc),
    ]);
    assert_eq!(
        names(&rows, &sorted(&rows, &spec)),
        [
            "WEB-2",
            "Ωmega-ΣΟΦΟΣ",
            "Mac-Mini-3",
            "db-1",
            "web-2",
            "web-10"
        ]
    );
}

#[test]
fn blanks_sort_last_in_both_directions() {
    let rows = fleet();
    for direction in [Direction::Asc, Direction::Desc] {
        let indices = sorted(&rows, &SortSpec::by(Column::FreeGb, direction));
        let free: Vec<Option<f64>> = indices
            .iter()
            .map(|&index| rows[index as usize].free_gb)
            .collect();
        assert_eq!(free[4..], [None, None], "{direction:?}");
        let present: Vec<f64> = free.iter().flatten().copied().collect();
        let mut expected = present.clone();
        expected.sort_by(|a, b| float_order(*a, *b));
        if direction == Direction::Desc {
            expected.reverse();
        }
        assert_eq!(present, expected);
    }
}

#[test]
fn a_spec_keeps_at_most_the_sortable_number_of_keys() {
    let columns = [
        Column::Name,
        Column::Family,
        Column::FamilyName,
        Column::FreeGb,
    ];
    let spec = spec_of(&columns.map(|column| (column, Direction::Asc)));
    assert_eq!(spec.keys().len(), MAX_SORT_KEYS);
    assert_eq!(spec.keys()[MAX_SORT_KEYS - 1].column, Column::FamilyName);
}

#[test]
fn header_clicks_flip_the_primary_and_stack_new_columns() {
    let mut spec = SortSpec::<Column>::default();
    let keys = |spec: &SortSpec<Column>| -> Vec<(Column, &str)> {
        spec.keys()
            .iter()
            .map(|key| (key.column, key.direction.as_str()))
            .collect()
    };
    spec.click(Column::Name);
    assert_eq!(keys(&spec), [(Column::Name, "asc")]);
    spec.click(Column::Name);
    assert_eq!(keys(&spec), [(Column::Name, "desc")]);
    spec.click(Column::Family);
    assert_eq!(
        keys(&spec),
        [(Column::Family, "asc"), (Column::Name, "desc")]
    );
    spec.click(Column::FreeGb);
    spec.click(Column::Name);
    assert_eq!(
        keys(&spec),
        [
            (Column::Name, "asc"),
            (Column::FreeGb, "asc"),
            (Column::Family, "asc")
        ]
    );
    spec.click(Column::Name);
    assert_eq!(spec.aria_sort(Column::Name), "descending");
    assert_eq!(spec.aria_sort(Column::Family), "none");
}

#[test]
fn click_caps_the_number_of_keys() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    struct Numbered(usize);
    let mut spec = SortSpec::default();
    (0..MAX_SORT_KEYS + 2).for_each(|column| spec.click(Numbered(column)));
    assert_eq!(spec.keys().len(), MAX_SORT_KEYS);
    assert_eq!(
        spec.primary().map(|key| key.column),
        Some(Numbered(MAX_SORT_KEYS + 1))
    );
}

#[test]
fn direction_tokens_round_trip() {
    for direction in [Direction::Asc, Direction::Desc] {
        assert_eq!(Direction::parse(direction.as_str()), Some(direction));
        assert_ne!(direction.reversed(), direction);
    }
    assert_eq!(Direction::Asc.aria_sort(), "ascending");
    assert_eq!(Direction::Desc.aria_sort(), "descending");
    assert_eq!(Direction::parse("up"), None);
}

#[test]
fn natural_order_reads_numbers_by_value() {
    assert_eq!(natural_cmp("host-2", "host-10"), Ordering::Less);
    assert_eq!(natural_cmp("Host-2", "host-10"), Ordering::Less);
    assert_eq!(natural_cmp("host-10", "host-9b"), Ordering::Greater);
    assert_eq!(natural_cmp("host", "host-1"), Ordering::Less);
    assert_eq!(
        natural_cmp("a99999999999999999999999", "a100000000000000000000000"),
        Ordering::Less
    );
    // Equal by value and case: plain text order decides, so the order stays total.
    assert_eq!(natural_cmp("a01", "a1"), "a01".cmp("a1"));
    assert_eq!(natural_cmp("A", "a"), Ordering::Less);
    assert_eq!(natural_cmp("web-7", "web-7"), Ordering::Equal);
}

#[test]
fn sort_values_order_numbers_times_and_decimals_by_value() {
    let order = |values: Vec<SortValue>| {
        let spec = SortSpec::by((), Direction::Asc);
        sort_rows(values.len(), &spec, |(), index| values[index])
    };
    let times: Vec<i64> = vec![5, -3, i64::MIN, 0, i64::MAX, -1];
    assert_eq!(
        order(times.iter().map(|&time| time.into()).collect()),
        [2, 1, 5, 3, 0, 4]
    );
    let decimals = [
        f64::NAN,
        2.5,
        -0.0,
        f64::NEG_INFINITY,
        0.0,
        -1.5,
        f64::INFINITY,
    ];
    // -0.0 and 0.0 tie, so index order keeps them as given; NaN goes last.
    assert_eq!(
        order(decimals.iter().map(|&decimal| decimal.into()).collect()),
        [3, 5, 2, 4, 1, 6, 0]
    );
    let mixed = vec![
        SortValue::from("b"),
        SortValue::Blank,
        SortValue::from(7u32),
        SortValue::from(None::<u64>),
        SortValue::from(Some("a")),
    ];
    // A column should hold one kind, but mixed kinds still order totally:
    // numbers, then texts, then blanks.
    assert_eq!(order(mixed), [2, 4, 0, 1, 3]);
}

#[test]
fn an_empty_text_sorts_last_both_ways() {
    let values = [
        SortValue::from(""),
        SortValue::from("Ubuntu"),
        SortValue::from("CentOS"),
    ];
    for (direction, expected) in [(Direction::Asc, [2, 1, 0]), (Direction::Desc, [1, 2, 0])] {
        let spec = SortSpec::by((), direction);
        assert_eq!(
            sort_rows(values.len(), &spec, |(), index| values[index]),
            expected
        );
    }
}

#[test]
fn counts_listed_rows_per_value() {
    let rows = fleet();
    let families = facet_counts(&rows, &every_row(&rows), |row| [row.family]);
    assert_eq!(
        families.iter().collect::<Vec<_>>(),
        [(Family::Windows, 2), (Family::Linux, 3), (Family::Mac, 1)]
    );
    let exemptions = facet_counts(&rows, &[0, 1, 2], |row| row.exemptions);
    assert_eq!(exemptions.get(Exemption::LowDisk), 1);
    assert_eq!(exemptions.get(Exemption::Suspended), 1);
    assert_eq!(exemptions.get(Exemption::Offline), 1);
}

#[test]
fn groups_keep_list_order_and_skip_empty_values() {
    let rows = fleet();
    let groups = group_by_facet(&rows, &[4, 2, 1, 0], |row| row.exemptions);
    assert_eq!(
        groups,
        [
            (Exemption::LowDisk, vec![4, 2]),
            (Exemption::Suspended, vec![2]),
            (Exemption::Offline, vec![1])
        ]
    );
    let by_family = group_by_facet(&rows, &[3], |row| Some(row.family));
    assert_eq!(by_family, [(Family::Mac, vec![3])]);
}

#[test]
fn groups_come_largest_first_and_equal_sizes_in_catalogue_order() {
    let rows = fleet();
    let families: Vec<(Family, usize)> =
        group_by_facet(&rows, &every_row(&rows), |row| Some(row.family))
            .into_iter()
            .map(|(family, members)| (family, members.len()))
            .collect();
    assert_eq!(
        families,
        [(Family::Linux, 3), (Family::Windows, 2), (Family::Mac, 1)],
        "Linux, later in the catalogue than Windows, leads with more rows"
    );
    let one_each = group_by_facet(&rows, &[2, 1], |row| Some(row.family));
    assert_eq!(
        one_each,
        [(Family::Windows, vec![1]), (Family::Linux, vec![2])],
        "a tie keeps the catalogue order, whatever the list order"
    );
}

fn arbitrary_row() -> impl Strategy<Value = Row> {
    let family = prop::sample::select(Family::ALL);
    let free_gb = prop::option::of(prop_oneof![
        Just(0.5),
        Just(2.0),
        Just(f64::NAN),
        -5.0..50.0
    ]);
    let exemptions = prop::collection::vec(prop::sample::select(Exemption::ALL), 0..3);
    // The second kind shares its first 16 natural-key bytes, which the sort
    // cannot tell apart without reading the whole names.
    let name = "[a-cA-C0-9-]{0,6}|shared-name-head-[ab]{0,2}[0-9]{0,3}";
    (name, family, free_gb, exemptions).prop_map(|(name, family, free_gb, exemptions)| {
        Row::new(&name, family, free_gb, &exemptions)
    })
}

fn arbitrary_spec() -> impl Strategy<Value = SortSpec<Column>> {
    let column = prop::sample::select(
        &[
            Column::Name,
            Column::Family,
            Column::FamilyName,
            Column::FreeGb,
        ][..],
    );
    let direction = prop::sample::select(&[Direction::Asc, Direction::Desc][..]);
    prop::collection::vec(
        (column, direction).prop_map(|(column, direction)| SortKey { column, direction }),
        0..=MAX_SORT_KEYS,
    )
    .prop_map(SortSpec::new)
}

/// Names dense in digit runs, case pairs and multi-byte characters, with
/// the bytes either side of the digits ('/' and ':'), and digit runs long
/// enough for every length a natural key encodes.
const NAME: &str = "[aAéÉΩ0-2/:-]{0,5}|[a0-9]{0,14}";

/// A search box input over the row alphabet, so queries often match.
const QUERY: &str = "[a-cA-C0-9 -]{0,5}";

proptest! {
    #[test]
    fn sort_is_an_ordered_permutation_with_ties_in_index_order(
        rows in prop::collection::vec(arbitrary_row(), 0..40),
        spec in arbitrary_spec(),
    ) {
        let indices = sorted(&rows, &spec);
        let mut sorted_back = indices.clone();
        sorted_back.sort_unstable();
        prop_assert_eq!(sorted_back, every_row(&rows));
        for pair in indices.windows(2) {
            let (a, b) = (&rows[pair[0] as usize], &rows[pair[1] as usize]);
            prop_assert!(expected_order(a, b, &spec).then(pair[0].cmp(&pair[1])).is_lt());
        }
    }

    #[test]
    fn a_second_click_on_the_primary_column_reverses_without_sorting(
        rows in prop::collection::vec(arbitrary_row(), 0..40),
        spec in arbitrary_spec(),
    ) {
        let mut clicked = spec.clone();
        if let Some(primary) = spec.primary() {
            clicked.click(primary.column);
        }
        let reversed = with_primary_reversed(&sorted(&rows, &spec), &spec, |column, index| {
            value(&rows[index], column)
        });
        prop_assert_eq!(reversed, sorted(&rows, &clicked));
    }

    #[test]
    fn searching_then_filtering_a_sorted_list_keeps_its_order_and_only_passing_rows(
        rows in prop::collection::vec(arbitrary_row(), 0..40),
        spec in arbitrary_spec(),
        input in QUERY,
        families in prop::collection::vec(prop::sample::select(Family::ALL), 0..3),
    ) {
        let query = TextQuery::parse(&input);
        let family_filter: FacetSet<Family> = families.into_iter().collect();
        let order = sorted(&rows, &spec);
        let mut listed = order.clone();
        retain_rows(&rows, &mut listed, |row| query.matches(&row.haystack));
        retain_rows(&rows, &mut listed, |row| family_filter.admits(row.family));
        let expected: Vec<u32> = order
            .into_iter()
            .filter(|&index| {
                let row = &rows[index as usize];
                query.matches(&row.haystack) && family_filter.admits(row.family)
            })
            .collect();
        prop_assert_eq!(listed, expected);
    }

    #[test]
    fn text_query_handles_any_unicode(input in "\\PC*", parts in prop::collection::vec("\\PC*", 0..4)) {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let key = search_key(&parts);
        let _ = TextQuery::parse(&input).matches(&key);
        // Every word of every part, typed as it appears, finds its row.
        for part in &parts {
            prop_assert!(TextQuery::parse(part).matches(&key));
        }
    }

    #[test]
    fn natural_order_is_total(a in NAME, b in NAME, c in NAME) {
        prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
        prop_assert_eq!(natural_cmp(&a, &b).is_eq(), a == b);
        if natural_cmp(&a, &b).is_le() && natural_cmp(&b, &c).is_le() {
            prop_assert!(natural_cmp(&a, &c).is_le());
        }
    }

    #[test]
    fn natural_keys_order_as_natural_cmp(a in NAME, b in NAME) {
        let by_keys = natural_cmp_by_key((&natural_key(&a), &a), (&natural_key(&b), &b));
        prop_assert_eq!(by_keys, natural_cmp(&a, &b));
    }
}

#[test]
fn accented_latin_letters_sort_with_their_base_letters() {
    let sorted = |names: &mut [&str]| {
        names.sort_by(|a, b| natural_cmp_by_key((&natural_key(a), a), (&natural_key(b), b)));
        let by_cmp = {
            let mut copy = names.to_vec();
            copy.sort_by(|a, b| natural_cmp(a, b));
            copy
        };
        assert_eq!(names, by_cmp.as_slice(), "keys and natural_cmp agree");
    };
    let mut names = [
        "Zurich-01",
        "École-02",
        "ecole-01",
        "Eagle-01",
        "Łódź-1",
        "lodz-2",
        "Ω-1",
    ];
    sorted(&mut names);
    assert_eq!(
        names,
        [
            "Eagle-01",
            "ecole-01",
            "École-02",
            "Łódź-1",
            "lodz-2",
            "Zurich-01",
            "Ω-1"
        ]
    );
    // A name that differs only by its accents comes after the plain one.
    let mut same = ["é", "e", "É", "E"];
    sorted(&mut same);
    assert_eq!(same, ["E", "e", "É", "é"]);
}

#[test]
fn natural_keys_order_digit_runs_by_value_and_letters_without_case() {
    let mut names = [
        "web-10", "Web-9", "web-009", "web", "web-9a", "web-", "wEb-100", "web-0",
    ];
    names.sort_by(|a, b| natural_cmp_by_key((&natural_key(a), a), (&natural_key(b), b)));
    assert_eq!(
        names,
        ["web", "web-", "web-0", "Web-9", "web-009", "web-9a", "web-10", "wEb-100"]
    );
    // Runs of eight significant digits and fewer, and longer ones, in value order.
    let mut numbers = [
        "n100000000000",
        "n12345678",
        "n99999999",
        "n123456789",
        "n0000000001",
        "n/",
        "n:",
    ];
    numbers.sort_by(|a, b| natural_cmp_by_key((&natural_key(a), a), (&natural_key(b), b)));
    assert_eq!(
        numbers,
        [
            "n/",
            "n0000000001",
            "n12345678",
            "n99999999",
            "n123456789",
            "n100000000000",
            "n:"
        ]
    );
    assert!(numbers
        .windows(2)
        .all(|pair| natural_cmp(pair[0], pair[1]).is_lt()));
}
