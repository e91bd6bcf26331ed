//! The `Link` response header (RFC 8288), as paging by link header reads it:
//! `<https://api.example.com/e?page=2>; rel="next", <…?page=9>; rel="last"`.
//! A browser joins several `Link` headers into one value with commas, which
//! reads the same.

/// The target of the first link whose relation types include `next`
/// (compared case-insensitively, as RFC 8288 asks); None when there is none.
/// Links that cannot be read are passed over.
pub fn next_link(value: &str) -> Option<&str> {
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_ascii_whitespace());
        if rest.is_empty() {
            return None;
        }
        let (link, after) = one_link(rest);
        if let Some(link) = link.filter(|link| link.is_next) {
            return Some(link.target);
        }
        rest = after;
    }
}

struct Link<'v> {
    target: &'v str,
    is_next: bool,
}

/// Reads the link at the start of `text`: the link, if it is well formed,
/// and the text after it (from the comma that ends it).
fn one_link(text: &str) -> (Option<Link<'_>>, &str) {
    let Some(inside) = text.strip_prefix('<') else {
        return (None, after_link(text));
    };
    let Some(close) = inside.find('>') else {
        return (None, "");
    };
    let target = inside[..close].trim();
    let params_end = inside.len() - after_link(&inside[close + 1..]).len();
    let params = &inside[close + 1..params_end];
    let is_next = params_of(params)
        .filter(|(name, _)| name.eq_ignore_ascii_case("rel"))
        .any(|(_, rels)| {
            rels.split_ascii_whitespace()
                .any(|rel| rel.eq_ignore_ascii_case("next"))
        });
    let link = (!target.is_empty()).then_some(Link { target, is_next });
    (link, &inside[params_end..])
}

/// `text` from the comma that ends the link it is in, or the end.
fn after_link(text: &str) -> &str {
    &text[outside_quotes(text, ',').unwrap_or(text.len())..]
}

/// The `; name=value` parameters of one link, with quotes taken off values.
fn params_of(params: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = Some(params);
    std::iter::from_fn(move || {
        let text = rest?;
        let end = outside_quotes(text, ';');
        rest = end.map(|end| &text[end + 1..]);
        Some(&text[..end.unwrap_or(text.len())])
    })
    .filter_map(|param| {
        let (name, value) = param.split_once('=')?;
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some((name.trim(), value))
    })
}

/// Where the first `separator` outside a quoted string is in `text`.
fn outside_quotes(text: &str, separator: char) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == separator && !quoted => return Some(at),
            _ => {}
        }
    }
    None
}
