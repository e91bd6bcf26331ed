//! The fast path for bodies in the native format.
//!
//! The field table walks a `serde_json::Value` tree of the whole body, which
//! for 100,000 items costs more to build and free than the items themselves.
//! When a resource reads items exactly as the native preset does, each item is
//! instead decoded straight into its record by serde. An item that path cannot
//! take (a number sent as text, a missing name) goes through the field table
//! as before, so the records and the row errors are the same either way
//! (`tests/source_native_decode.rs` holds the two paths to that).

use super::config::{Config, Resource};
use super::config_read::config_from_value;
use super::mapping::DecodedPage;
use super::record::{decode_item, Record, Spec};
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::fmt;
use std::sync::OnceLock;

/// The native preset as a configuration, built once.
fn native_preset() -> &'static Config {
    static NATIVE: OnceLock<Config> = OnceLock::new();
    NATIVE.get_or_init(|| {
        config_from_value(&serde_json::json!({ "preset": "native" }))
            .expect("the native preset is a valid configuration (tested)")
    })
}

/// Where a native body keeps its items, and how one item becomes a record.
#[derive(Debug, Clone)]
pub struct NativeItems<R> {
    /// The body's top-level member holding the items.
    key: String,
    decode: fn(&str) -> Option<R>,
}

impl<R: Record> NativeItems<R> {
    /// The fast path for `resource`, when it maps fields exactly as the native
    /// preset does (no value maps) and its items are a top-level member.
    pub fn for_resource(resource: &Resource) -> Option<Self> {
        let layout = R::NATIVE?;
        let native = (layout.resource)(&native_preset().resources)?;
        let [key] = resource.items.tokens() else {
            return None;
        };
        (resource.fields == native.fields && resource.values.is_empty()).then(|| NativeItems {
            key: key.clone(),
            decode: layout.decode,
        })
    }

    /// Decodes a body's items and parses the rest of it (paging and
    /// `generated_at` read that). `None` when the body is not an object with an
    /// array at the items key: the general path then says what is wrong.
    pub fn decode(&self, text: &str, specs: &[Spec]) -> Option<(DecodedPage<R>, Value)> {
        let (items, rest) = split_body(text, &self.key)?;
        let mut page = DecodedPage::with_capacity(items.len());
        for (index, raw) in items.into_iter().enumerate() {
            match (self.decode)(raw.get()) {
                Some(record) => page.items.push(record),
                None => {
                    // Valid JSON by construction: it was split out of a parsed body.
                    let item: Value = serde_json::from_str(raw.get()).ok()?;
                    page.push(index, decode_item(&item, specs));
                }
            }
        }
        Some((page, rest))
    }
}

/// A body's items, each as raw JSON, and the rest of the body parsed.
/// Apart from the record type so that it is compiled once.
fn split_body<'t>(text: &'t str, key: &str) -> Option<(Vec<&'t RawValue>, Value)> {
    let mut body = serde_json::Deserializer::from_str(text);
    let (items, rest) = SplitBody { key }.deserialize(&mut body).ok()?;
    body.end().ok()?;
    Some((items?, Value::Object(rest)))
}

/// Reads a body object in one pass: the member `key` as a list of raw items,
/// every other member parsed. A repeated member counts once, the last one,
/// as everywhere in serde_json.
struct SplitBody<'k> {
    key: &'k str,
}

type SplitMembers<'t> = (Option<Vec<&'t RawValue>>, Map<String, Value>);

impl<'t> DeserializeSeed<'t> for SplitBody<'_> {
    type Value = SplitMembers<'t>;

    fn deserialize<D: Deserializer<'t>>(self, body: D) -> Result<Self::Value, D::Error> {
        body.deserialize_map(self)
    }
}

impl<'t> Visitor<'t> for SplitBody<'_> {
    type Value = SplitMembers<'t>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'t>>(self, mut members: A) -> Result<Self::Value, A::Error> {
        let mut items = None;
        let mut rest = Map::new();
        while let Some(name) = members.next_key::<String>()? {
            if name == self.key {
                items = Some(members.next_value()?);
            } else {
                rest.insert(name, members.next_value()?);
            }
        }
        Ok((items, rest))
    }
}
