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

/// `over` merged onto `base`: objects merge key by key, anything else in `over`
/// (and the keys in `REPLACED_WHOLE`) replaces what `base` had, so a JSON null
/// unsets a preset key.
pub fn merge(base: &Value, over: &Value) -> Value {
    match (base, over) {
        (Value::Object(base_map), Value::Object(over_map)) => {
            let mut merged = base_map.clone();
            for (key, value) in over_map {
                let combined = match merged.get(key) {
                    Some(existing) if !REPLACED_WHOLE.contains(&key.as_str()) => {
                        merge(existing, value)
                    }
                    _ => value.clone(),
                };
                merged.insert(key.clone(), combined);
            }
            Value::Object(merged)
        }
        _ => over.clone(),
    }
}
