//! Bundled configurations a user could have written by hand. A config naming a
//! preset is merged over it, so presets are data, never separate code paths.

use serde_json::Value;
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

/// Where a null is a setting rather than a removal: a `values` map sends a
/// word to no value (`{ "N/A": null }`).
const NULLS_KEPT_UNDER: &str = "values";

/// `over` merged onto `base`: objects merge key by key, anything else in `over`
/// (and the keys in `REPLACED_WHOLE`) replaces what `base` had, and a JSON
/// null removes the key at any depth (a preset's field, header or resource),
/// except within `values`.
pub fn merge(base: &Value, over: &Value) -> Value {
    merged(base, over, false)
}

fn merged(base: &Value, over: &Value, nulls_kept: bool) -> Value {
    match (base, over) {
        (Value::Object(base_map), Value::Object(over_map)) => {
            let mut merged_map = base_map.clone();
            for (key, value) in over_map {
                if value.is_null() && !nulls_kept {
                    merged_map.remove(key);
                    continue;
                }
                let combined = match merged_map.get(key) {
                    Some(existing) if !REPLACED_WHOLE.contains(&key.as_str()) => {
                        merged(existing, value, nulls_kept || key == NULLS_KEPT_UNDER)
                    }
                    _ => value.clone(),
                };
                merged_map.insert(key.clone(), combined);
            }
            Value::Object(merged_map)
        }
        _ => over.clone(),
    }
}
