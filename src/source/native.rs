//! Patchboard's own JSON format: documents that carry a `generated_at` time and
//! a list of records laid out exactly as the domain types serialise, minus nulls
//! and empty lists. The `native` preset's pointers read this layout back;
//! `native_decode` reads it faster, to the same records.

use super::coerce;
use super::pointer::Pointer;
use crate::domain::time::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};

/// The key of the time a document was written, RFC 3339.
pub const GENERATED_AT: &str = "generated_at";

/// The list key inside each native document, by file.
pub const JOBS_KEY: &str = "jobs";
pub const RUNS_KEY: &str = "runs";
pub const RESULTS_KEY: &str = "assets";
pub const ENDPOINTS_KEY: &str = "endpoints";

/// When a native document was written, if it says.
pub fn generated_at(body: &Value) -> Option<Timestamp> {
    Pointer::parse("/generated_at")
        .ok()?
        .resolve(body)
        .and_then(|v| coerce::timestamp(v).ok())
}

/// A native document: `{"generated_at": …, list_key: [records]}`.
pub fn document<T: Serialize>(list_key: &str, generated_at: Timestamp, records: &[T]) -> Value {
    let items = records
        .iter()
        .map(|record| {
            let mut value = serde_json::to_value(record).expect("domain records serialise to JSON");
            prune(&mut value);
            value
        })
        .collect();
    let mut map = Map::new();
    map.insert(
        GENERATED_AT.to_owned(),
        Value::String(generated_at.to_rfc3339()),
    );
    map.insert(list_key.to_owned(), Value::Array(items));
    Value::Object(map)
}

/// Drops nulls, empty arrays and empty objects, which decode to the same
/// defaults, to keep files small. `false` and `0` stay: they carry meaning.
pub fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(prune);
            map.retain(|_, v| !is_empty(v));
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}
