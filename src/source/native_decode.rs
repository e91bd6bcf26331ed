//! The fast path for bodies in the native format.
//!
//! The field table walks a `serde_json::Value` tree of the whole body, which
//! for 100,000 items costs more to build and free than the items themselves.
//! When a resource reads items exactly as the native preset does, each item is
//! instead decoded straight into its record by serde, in the same pass that
//! reads the body. An item that path cannot take (a number sent as text, a
//! missing name) goes through the field table as before, so the records and
//! the row errors are the same either way (`tests/source_native_decode.rs`
//! holds the paths to that).

use super::config::{Config, Paging, Resource};
use super::config_read::config_from_value;
use super::mapping::DecodedPage;
use super::record::{DecodeAll, ItemFields, NativeRecord, NextItem, Record};
use serde::de::{DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::fmt;
use std::marker::PhantomData;
use std::sync::OnceLock;

/// The native preset as a configuration, built once.
fn native_preset() -> &'static Config {
    static NATIVE: OnceLock<Config> = OnceLock::new();
    NATIVE.get_or_init(|| {
        config_from_value(&serde_json::json!({ "preset": "native" }))
            .expect("the native preset is a valid configuration (tested)")
    })
}

/// Where a native body keeps its items, and how they become records.
#[derive(Debug, Clone)]
pub struct NativeItems<R> {
    /// The body's top-level member holding the items.
    key: String,
    decode: fn(&str) -> Option<R>,
    decode_all: DecodeAll<R>,
    next: fn(&str) -> NextItem<R>,
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
        // Keyset paging reads its cursor in the last raw item, which the
        // fast path does not keep.
        let keeps_items = !matches!(resource.paging, Paging::AfterLastItem { .. });
        let exact = resource.fields == native.fields && resource.values.is_empty();
        (exact && keeps_items).then(|| NativeItems {
            key: key.clone(),
            decode: layout.decode,
            decode_all: layout.decode_all,
            next: layout.next,
        })
    }

    /// The body's top-level member holding the items.
    pub(super) fn key(&self) -> &str {
        &self.key
    }

    /// Reads the item at the start of a text that goes on with more of the body.
    pub(super) fn next_item_reader(&self) -> fn(&str) -> NextItem<R> {
        self.next
    }

    /// Decodes a body's items and parses the rest of it (paging and
    /// `generated_at` read that). `None` when the body is not an object with an
    /// array at the items key: the general path then says what is wrong.
    ///
    /// A body whose every item serde takes whole is read in one pass. Any
    /// other is split into its items first, so that each item serde refuses
    /// can go through the field table on its own.
    pub fn decode(&self, text: &str, fields: &ItemFields) -> Option<(DecodedPage<R>, Value)> {
        if let Some((items, rest)) = (self.decode_all)(text, &self.key) {
            return Some((DecodedPage::from(items), rest));
        }
        let (items, rest) = read_body::<Vec<&RawValue>>(text, &self.key)?;
        let mut page = DecodedPage::with_capacity(items.len());
        for (index, raw) in items.into_iter().enumerate() {
            match (self.decode)(raw.get()) {
                Some(record) => page.items.push(record),
                None => {
                    // Valid JSON by construction: it was split out of a parsed body.
                    let item: Value = serde_json::from_str(raw.get()).ok()?;
                    page.read(index, &item, fields);
                }
            }
        }
        Some((page, rest))
    }
}

/// One item's JSON text straight into a finished record.
pub(super) fn item<R: NativeRecord>(text: &str) -> Option<R> {
    serde_json::from_str::<R>(text).ok()?.accept()
}

/// The item at the start of `text`, which goes on with more of the body.
pub(super) fn next_item<R: NativeRecord>(text: &str) -> NextItem<R> {
    let mut items = serde_json::Deserializer::from_str(text).into_iter::<R>();
    match items.next() {
        Some(Ok(record)) => {
            let len = items.byte_offset();
            match record.accept() {
                Some(record) => NextItem::Taken { record, len },
                None => NextItem::Refused { len },
            }
        }
        Some(Err(error)) if error.is_data() => {
            let mut json = serde_json::Deserializer::from_str(text).into_iter::<IgnoredAny>();
            match json.next() {
                Some(Ok(_)) => NextItem::Refused {
                    len: json.byte_offset(),
                },
                Some(Err(error)) if !error.is_eof() => NextItem::Broken,
                _ => NextItem::Incomplete,
            }
        }
        Some(Err(error)) if !error.is_eof() => NextItem::Broken,
        _ => NextItem::Incomplete,
    }
}

/// A body's items at `key`, each straight into a finished record, and the
/// rest of the body, in one pass.
pub(super) fn whole_body<R: NativeRecord>(text: &str, key: &str) -> Option<(Vec<R>, Value)> {
    let (Accepted(items), rest) = read_body::<Accepted<R>>(text, key)?;
    Some((items, rest))
}

/// A body object's member `key` read as `T`, and the rest of the body parsed.
pub(super) fn read_body<'t, T: Deserialize<'t>>(text: &'t str, key: &str) -> Option<(T, Value)> {
    let mut body = serde_json::Deserializer::from_str(text);
    let (items, rest) = BodyMembers::<T> {
        key,
        items: PhantomData,
    }
    .deserialize(&mut body)
    .ok()?;
    body.end().ok()?;
    Some((items?, Value::Object(rest)))
}

/// Reads a body object in one pass: the member `key` as `T`, every other
/// member parsed. A repeated member counts once, the last one, as everywhere
/// in serde_json.
struct BodyMembers<'k, T> {
    key: &'k str,
    items: PhantomData<T>,
}

type Members<T> = (Option<T>, Map<String, Value>);

impl<'t, T: Deserialize<'t>> DeserializeSeed<'t> for BodyMembers<'_, T> {
    type Value = Members<T>;

    fn deserialize<D: Deserializer<'t>>(self, body: D) -> Result<Self::Value, D::Error> {
        body.deserialize_map(self)
    }
}

impl<'t, T: Deserialize<'t>> Visitor<'t> for BodyMembers<'_, T> {
    type Value = Members<T>;

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

/// A list of items that serde reads and [`NativeRecord::accept`] finishes,
/// each one; the first it cannot ends the read.
struct Accepted<R>(Vec<R>);

impl<'t, R: NativeRecord> Deserialize<'t> for Accepted<R> {
    fn deserialize<D: Deserializer<'t>>(items: D) -> Result<Self, D::Error> {
        items.deserialize_seq(Accepted(Vec::new()))
    }
}

impl<'t, R: NativeRecord> Visitor<'t> for Accepted<R> {
    type Value = Self;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of items")
    }

    fn visit_seq<A: SeqAccess<'t>>(mut self, mut items: A) -> Result<Self, A::Error> {
        while let Some(record) = items.next_element::<R>()? {
            let record = record
                .accept()
                .ok_or_else(|| A::Error::custom("an item for the field table"))?;
            self.0.push(record);
        }
        Ok(self)
    }
}
