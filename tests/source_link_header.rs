use patchboard::source::link_header::next_link;

#[test]
fn the_next_link_is_found_among_others_in_any_order() {
    let value = r#"<https://api.example.com/e?page=1>; rel="first", <https://api.example.com/e?page=3>; rel="next", <https://api.example.com/e?page=9>; rel="last""#;
    assert_eq!(next_link(value), Some("https://api.example.com/e?page=3"));
}

#[test]
fn rel_may_be_a_token_a_list_or_in_any_case() {
    assert_eq!(next_link("</e?page=2>; rel=next"), Some("/e?page=2"));
    assert_eq!(
        next_link(r#"</e?page=2>; rel="prefetch Next""#),
        Some("/e?page=2")
    );
    assert_eq!(
        next_link(r#"</e?page=2> ; title="x" ; REL = "next""#),
        Some("/e?page=2")
    );
}

#[test]
fn commas_and_semicolons_inside_a_target_or_a_quoted_value_are_not_separators() {
    // Two headers joined by the browser, a comma in a URL and in a title.
    let value = r#"</e?ids=1,2;3>; title="a, b; c"; rel="prev", </e?ids=4,5>; rel="next""#;
    assert_eq!(next_link(value), Some("/e?ids=4,5"));
    let escaped = r#"</e?p=1>; title="say \"hi\", then"; rel="last", </e?p=2>; rel="next""#;
    assert_eq!(next_link(escaped), Some("/e?p=2"));
}

#[test]
fn no_next_link_or_an_unreadable_one_is_none() {
    assert_eq!(next_link(""), None);
    assert_eq!(
        next_link(r#"<https://api.example.com/e?page=1>; rel="prev""#),
        None
    );
    // "nextpage" is not "next"; a relation on another parameter is not one.
    assert_eq!(
        next_link(r#"</e?page=2>; rel="nextpage", </e?page=3>; anchor="next""#),
        None
    );
    assert_eq!(
        next_link(r#"</e?page=2; rel="next""#),
        None,
        "no closing bracket"
    );
    assert_eq!(next_link(r#"<>; rel="next""#), None, "no target");
    // A malformed link does not hide a good one after it.
    assert_eq!(
        next_link(r#"e?page=2; rel="next", </e?page=3>; rel="next""#),
        Some("/e?page=3")
    );
}
