//! Keeps `src/domain/` free of browser and UI crates, so the status and
//! exemption logic builds and is tested on the host and stays reusable.
//!
//! Comments and string literals are blanked out before scanning (keeping line
//! breaks, so line numbers stay true): prose may mention the crates, code may not.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates the domain must never name. A match is the whole identifier or the
/// identifier followed by `_` (which also catches `wasm_bindgen_futures`,
/// `gloo_net`, `leptos_router`, ...).
const FORBIDDEN_CRATES: [&str; 5] = ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"];

#[test]
fn domain_names_no_browser_or_ui_crate() {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let domain = crate_root.join("src/domain");
    let files = rust_files_under(&domain);
    assert!(
        !files.is_empty(),
        "no .rs files found under {}",
        domain.display()
    );

    let offences: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let source = fs::read_to_string(path).expect("domain source is readable");
            let shown = path.strip_prefix(crate_root).unwrap_or(path).display();
            forbidden_references(&source)
                .into_iter()
                .map(move |(line, crate_name)| format!("{shown}:{line}: names `{crate_name}`"))
        })
        .collect();
    assert!(
        offences.is_empty(),
        "src/domain must stay pure Rust + serde:\n{}",
        offences.join("\n")
    );
}

#[test]
fn scanner_flags_code_and_ignores_comments_and_strings() {
    let cases: [(&str, &[(usize, &str)]); 9] = [
        ("use leptos::prelude::*;", &[(1, "leptos")]),
        ("fn f() {}\nlet w = web_sys::window();", &[(2, "web_sys")]),
        ("extern crate js_sys;", &[(1, "js_sys")]),
        (
            "use wasm_bindgen_futures::spawn_local;",
            &[(1, "wasm_bindgen")],
        ),
        ("type R = gloo_net::http::Request;", &[(1, "gloo")]),
        ("// use leptos::prelude::*;\n/// see web_sys docs", &[]),
        (
            "/* js_sys\n   /* nested */ gloo */\nuse leptos::IntoView;",
            &[(3, "leptos")],
        ),
        (r##"let s = "leptos::view"; let r = r#"web_sys"#;"##, &[]),
        (
            "let c = '\"'; let glooming = 1; fn f<'a>(x: &'a str) {}",
            &[],
        ),
    ];
    for (source, expected) in cases {
        let found = forbidden_references(source);
        assert_eq!(found, expected.to_vec(), "scanning {source:?}");
    }
}

/// Every `.rs` file below `dir`, sorted so reports are stable.
fn rust_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).expect("domain directory is readable") {
            let path = entry.expect("directory entry is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `(line, crate)` for each identifier in code that names a forbidden crate.
fn forbidden_references(source: &str) -> Vec<(usize, &'static str)> {
    let code = blank_comments_and_strings(source);
    let mut found = Vec::new();
    for (index, line) in code.lines().enumerate() {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            let named = FORBIDDEN_CRATES.iter().find(|name| {
                word.strip_prefix(**name)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'))
            });
            if let Some(name) = named {
                found.push((index + 1, *name));
            }
        }
    }
    found
}

/// The source with comment and literal text replaced by spaces; newlines kept.
fn blank_comments_and_strings(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let end = if rest.starts_with(&['/', '/']) {
            i + rest.iter().position(|&c| c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            i + block_comment_len(rest)
        } else if rest[0] == '"' {
            i + quoted_len(rest)
        } else if let Some(len) = raw_string_len(rest) {
            i + len
        } else if let Some(len) = char_literal_len(rest) {
            i + len
        } else {
            out.push(rest[0]);
            i += 1;
            continue;
        };
        let end = end.min(chars.len());
        out.extend(
            chars[i..end]
                .iter()
                .map(|&c| if c == '\n' { '\n' } else { ' ' }),
        );
        i = end;
    }
    out
}

/// Length of a (possibly nested) block comment starting at `/*`.
fn block_comment_len(rest: &[char]) -> usize {
    let mut depth = 0;
    let mut i = 0;
    while i < rest.len() {
        if rest[i..].starts_with(&['/', '*']) {
            depth += 1;
            i += 2;
        } else if rest[i..].starts_with(&['*', '/']) {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    rest.len()
}

/// Length of a `"..."` literal, honouring backslash escapes.
fn quoted_len(rest: &[char]) -> usize {
    let mut i = 1;
    while i < rest.len() {
        match rest[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    rest.len()
}

/// Length of a raw string `r"..."` / `r#"..."#` (also `br`), if one starts here.
fn raw_string_len(rest: &[char]) -> Option<usize> {
    let prefix = if rest.starts_with(&['b', 'r']) {
        2
    } else {
        usize::from(rest.starts_with(&['r']))
    };
    if prefix == 0 {
        return None;
    }
    let hashes = rest[prefix..].iter().take_while(|&&c| c == '#').count();
    let open = prefix + hashes;
    if rest.get(open) != Some(&'"') {
        return None;
    }
    let closing: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let body = &rest[open + 1..];
    let close_at = body
        .windows(closing.len())
        .position(|w| w == closing.as_slice());
    Some(close_at.map_or(rest.len(), |at| open + 1 + at + closing.len()))
}

/// Length of a char literal such as `'x'` or `'\n'`; `None` for a lifetime.
fn char_literal_len(rest: &[char]) -> Option<usize> {
    if rest[0] != '\'' {
        return None;
    }
    if rest.get(1) == Some(&'\\') {
        return rest[2..].iter().position(|&c| c == '\'').map(|at| at + 3);
    }
    (rest.get(2) == Some(&'\'')).then_some(3)
}
