use patchboard::source::json_syntax::described;

/// What `described` says of `text`, which must not parse.
fn problem(text: &str) -> String {
    let error = serde_json::from_str::<serde_json::Value>(text).expect_err("not JSON");
    described(text, &error)
}

#[test]
fn comments_are_named_as_what_json_lacks() {
    assert_eq!(
        problem("{\n  // our backend\n  \"preset\": \"native\"\n}"),
        "key must be a string at line 2 column 3 (JSON allows no comments)"
    );
    assert_eq!(
        problem("{ \"preset\": \"native\" /* for now */ }"),
        "expected `,` or `}` at line 1 column 22 (JSON allows no comments)"
    );
    assert_eq!(
        problem("{\n# staging\n}"),
        "key must be a string at line 2 column 1 (JSON allows no comments)"
    );
}

#[test]
fn quotes_and_words_of_other_formats_are_named() {
    assert_eq!(
        problem("{ 'preset': 'native' }"),
        "key must be a string at line 1 column 3 (JSON quotes text and keys with double quotes only)"
    );
    assert_eq!(
        problem("{ preset: \"native\" }"),
        "key must be a string at line 1 column 3 (JSON writes every key, and every text value, in double quotes)"
    );
    assert_eq!(
        problem("{ \"paging\": None }"),
        "expected value at line 1 column 13 (JSON writes true, false and null in lower case, and has no None)"
    );
}

#[test]
fn a_comma_before_the_close_is_named_as_what_json_lacks() {
    assert_eq!(
        problem("{ \"preset\": \"native\", }"),
        "trailing comma at line 1 column 23 (JSON allows no comma after the last item before a closing } or ])"
    );
    assert_eq!(
        problem("{ \"fields\": [\"a\",\n] }"),
        "trailing comma at line 2 column 1 (JSON allows no comma after the last item before a closing } or ])"
    );
    // A close where a value or a comma was due is another mistake.
    for (text, parser) in [
        ("{\"a\": }", "expected value at line 1 column 7"),
        ("{\"a\": 1]", "expected `,` or `}` at line 1 column 8"),
        ("[1, 2}", "expected `,` or `]` at line 1 column 6"),
        ("[}", "expected value at line 1 column 2"),
    ] {
        assert_eq!(problem(text), parser, "{text}");
    }
}

#[test]
fn other_mistakes_keep_the_parsers_words() {
    assert_eq!(
        problem("{ \"preset\": "),
        "EOF while parsing a value at line 1 column 12"
    );
    // Columns count bytes (é is two); a number out of place has no hint.
    assert_eq!(problem("{\"é\" 1}"), "expected `:` at line 1 column 7");
}
