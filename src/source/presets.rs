//! Bundled configurations a user could have written by hand. A config naming a
//! preset is merged over it, so presets are data, never separate code paths.

use serde_json::{Map, Value};
use std::sync::OnceLock;

/// The preset names a config may give.
pub const NAMES: &[&str] = &["native", "qualys-pm"];

const SOURCES: [&str; 2] = [
    include_str!("presets/native.json"),
    include_str!("presets/qualys-pm.json"),
];

/// The preset called `name`, parsed once.
pub fn preset(name: &str) -> Option<&'static Value> {
    static PARSED: OnceLock<Vec<Value>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|text| {
                serde_json::from_str(text).expect("bundled presets are valid JSON (tested)")
            })
            .collect()
    });
    NAMES.iter().position(|n| *n == name).map(|i| &parsed[i])
}

/// Settings that only make sense whole: merging a user's paging mode with the
/// preset's mode-specific keys would produce a mix neither wrote.
const REPLACED_WHOLE: &[&str] = &["paging", "body"];

/// The map whose words may be set to null: `values` sends a word of a field
/// to no value (`{ "status": { "N/A": null } }`).
const VALUES: &str = "values";

/// The map whose keys are the backend's (header names), not ours: a null
/// there removes a header the preset may or may not send.
const HEADERS: &str = "headers";

/// `over` merged onto `base`: objects merge key by key, anything else in `over`
/// (and the keys in `REPLACED_WHOLE`) replaces what `base` had, and a JSON
/// null removes the key at any depth (a preset's resource, header or field),
/// except a word's null within `values`. A null whose key `base` lacks is
/// kept, for the reader to check its name and read it as absent: a typo in
/// a key meant to remove something must not pass unseen. Header names are
/// the backend's, so nulls there are removed either way.
pub fn merge(base: &Value, over: &Value) -> Value {
    merged(base, over, None, false)
}

/// How deep within `values` the objects merged are: `Some(0)` for `values`
/// itself, whose keys are fields, `Some(1)` for a field's words.
type ValuesDepth = Option<u8>;

fn merged(base: &Value, over: &Value, values_depth: ValuesDepth, in_headers: bool) -> Value {
    match (base, over) {
        (Value::Object(base_map), Value::Object(over_map)) => {
            let mut merged_map = base_map.clone();
            for (key, value) in over_map {
                if value.is_null() && values_depth != Some(1) {
                    if merged_map.remove(key).is_none() && !in_headers {
                        merged_map.insert(key.clone(), Value::Null);
                    }
                    continue;
                }
                let below = match values_depth {
                    Some(depth) => Some(depth + 1),
                    None => (key == VALUES).then_some(0),
                };
                let headers = key == HEADERS;
                let combined = match merged_map.get(key) {
                    _ if REPLACED_WHOLE.contains(&key.as_str()) => value.clone(),
                    Some(existing) => merged(existing, value, below, headers),
                    // Merged onto nothing, for its nulls to go as they would
                    // where the preset had the object.
                    None => merged(&Value::Object(Map::new()), value, below, headers),
                };
                merged_map.insert(key.clone(), combined);
            }
            Value::Object(merged_map)
        }
        _ => over.clone(),
    }
}
