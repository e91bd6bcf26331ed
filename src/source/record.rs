//! The field tables that say how each of our records is filled from a backend item.
//!
//! Every record type lists its fields once, as data: the config validator takes
//! the names from here, and decoding walks the same table. A backend format is
//! then nothing but a choice of pointers for these names.

use super::coerce::{shown, Coerced, FOUND};
use super::config::{Resource, Resources, ValueWords};
use super::gather::Identified;
use super::native_decode;
use super::pointer::Pointer;
use crate::domain::abridge::quoted;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Fills a list field of draft `D` from the array's elements and the
/// sub-field specs, and names each element it could not read.
pub type ListApply<D> = fn(&mut D, &[Value], &[Spec]) -> Vec<FieldFailure>;

/// How one named field is filled in a record's draft.
pub enum FieldKind<D> {
    /// A single value, coerced and stored.
    Value(fn(&mut D, &Value) -> Coerced<()>),
    /// An array whose elements are decoded as sub-records through the sub-fields
    /// written `list.sub` in the configuration.
    List {
        item_fields: fn() -> Vec<&'static str>,
        apply: ListApply<D>,
    },
}

/// One named field of a record.
pub struct FieldDef<D> {
    pub name: &'static str,
    pub kind: FieldKind<D>,
    /// Notes in the draft that this field's value could not be read and
    /// was left out, where the record's rules must not take its absence
    /// for a fact.
    pub unreadable: Option<fn(&mut D)>,
}

/// A record we decode from backend items, through a draft that collects fields
/// before required ones are checked.
pub trait Record: Sized {
    type Draft: Default + 'static;
    /// Fields that must have a pointer in the configuration.
    const REQUIRED: &'static [&'static str];
    fn fields() -> &'static [FieldDef<Self::Draft>];
    /// Completes the record, or names the field that is missing and why.
    fn finish(draft: Self::Draft) -> Result<Self, Missing>;
    /// A field that means something only with another, given without it:
    /// the fact they make is left out of a row (the field's `unreadable`
    /// marks it), and a list element without it fails.
    fn half_given(_draft: &Self::Draft) -> Option<Missing> {
        None
    }
    /// How items laid out as the native format writes this record decode
    /// without the field table, when the record is a top-level list there.
    const NATIVE: Option<NativeLayout<Self>> = None;
}

/// A record's place in the native format, and its whole-item decoders.
pub struct NativeLayout<R> {
    /// The native preset's resource whose items are these records.
    pub resource: fn(&Resources) -> Option<&Resource>,
    /// One item's JSON text straight into a finished record; `None` sends the
    /// item through the field table instead.
    pub decode: fn(&str) -> Option<R>,
    pub decode_all: DecodeAll<R>,
    /// The item at the start of a text that goes on with more of the body.
    pub next: fn(&str) -> NextItem<R>,
}

/// A body's items under a key, each straight into a finished record, and the
/// rest of the body, in one pass; `None` as soon as one item needs the field
/// table, or the body is not an object with a list there.
pub type DecodeAll<R> = fn(&str, &str) -> Option<(Vec<R>, Value)>;

impl<R: NativeRecord> NativeLayout<R> {
    pub const fn of(resource: fn(&Resources) -> Option<&Resource>) -> Self {
        NativeLayout {
            resource,
            decode: native_decode::item::<R>,
            decode_all: native_decode::whole_body::<R>,
            next: native_decode::next_item::<R>,
        }
    }
}

/// The item at the start of a text, and where it ends.
#[derive(Debug)]
pub enum NextItem<R> {
    /// Read straight into a finished record; it is the text's first `len` bytes.
    Taken { record: R, len: usize },
    /// JSON, but for the field table; it is the text's first `len` bytes.
    Refused { len: usize },
    /// Cut off where the text ends: more of the body may complete it.
    Incomplete,
    /// Not JSON.
    Broken,
}

/// A record the native format writes whole, so serde can read it as it is.
pub trait NativeRecord: Record + DeserializeOwned {
    /// Finishes a record serde has read. `None` sends its item through the
    /// field table instead, which gives the same record or says precisely
    /// what is wrong.
    fn accept(self) -> Option<Self>;
}

/// A field a record cannot do without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing {
    pub field: &'static str,
    pub why: &'static str,
}

impl Missing {
    pub const fn required(field: &'static str) -> Self {
        Missing {
            field,
            why: "required but missing or empty",
        }
    }
}

/// One field as configured: where to find it, which words to translate, and for
/// lists the sub-fields of each element. `index` points into the record's table.
#[derive(Debug, Clone)]
pub struct Spec {
    pub index: usize,
    pub field: String,
    pub pointers: Vec<Pointer>,
    pub values: Option<Arc<ValueWords>>,
    pub nested: Vec<Spec>,
}

impl Spec {
    /// Whether one of the field's pointers finds anything in `item`, null
    /// included.
    pub fn is_in(&self, item: &Value) -> bool {
        self.pointers.iter().any(|p| p.resolve(item).is_some())
    }

    /// The field's value in `item`, and the pointer that found it: the first
    /// of its pointers that finds a value other than null.
    pub fn value_in<'i>(&self, item: &'i Value) -> Option<(&Pointer, &'i Value)> {
        self.pointers
            .iter()
            .find_map(|p| p.resolve(item).filter(|v| !v.is_null()).map(|v| (p, v)))
    }
}

/// A field that could not be decoded: which, where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldFailure {
    pub field: String,
    pub pointer: String,
    pub problem: String,
}

/// The names of a record's fields in table order.
pub fn field_names<R: Record>() -> Vec<&'static str> {
    R::fields().iter().map(|f| f.name).collect()
}

/// Why `word`, put into field `name` of `R`, would not be read, when it
/// would not: the field's own reading, tried on a draft that is dropped.
/// Lists' sub-fields are not tried.
pub fn word_problem<R: Record>(name: &str, word: &str) -> Option<String> {
    let def = R::fields().iter().find(|def| def.name == name)?;
    match def.kind {
        FieldKind::Value(apply) => {
            apply(&mut R::Draft::default(), &Value::String(word.to_owned())).err()
        }
        FieldKind::List { .. } => None,
    }
}

/// Every name a configuration may map for `R`, lists' sub-fields as `list.sub`.
pub fn configurable_names<R: Record>() -> Vec<String> {
    R::fields()
        .iter()
        .flat_map(|def| {
            let own = std::iter::once(def.name.to_owned());
            let nested = match &def.kind {
                FieldKind::Value(_) => Vec::new(),
                FieldKind::List { item_fields, .. } => item_fields()
                    .into_iter()
                    .map(|sub| format!("{}.{sub}", def.name))
                    .collect(),
            };
            own.chain(nested)
        })
        .collect()
}

/// Field pointers and value maps, keyed by our field names, as configured.
pub struct FieldConfig<'a> {
    pub fields: &'a BTreeMap<String, Vec<Pointer>>,
    pub values: &'a BTreeMap<String, ValueWords>,
}

/// Compiles the configured fields of `R` into specs; names not in the table are ignored
/// (the configuration validator has reported them).
pub fn compile<R: Record>(config: &FieldConfig<'_>) -> Vec<Spec> {
    compile_named(
        &field_names::<R>(),
        "",
        config,
        &|index| match &R::fields()[index].kind {
            FieldKind::Value(_) => None,
            FieldKind::List { item_fields, .. } => Some(item_fields()),
        },
    )
}

fn compile_named(
    names: &[&'static str],
    prefix: &str,
    config: &FieldConfig<'_>,
    sub_fields: &dyn Fn(usize) -> Option<Vec<&'static str>>,
) -> Vec<Spec> {
    names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let field = format!("{prefix}{name}");
            let pointers = config.fields.get(&field)?.clone();
            let nested = sub_fields(index)
                .map(|subs| compile_named(&subs, &format!("{field}."), config, &|_| None))
                .unwrap_or_default();
            let values = config.values.get(&field).cloned().map(Arc::new);
            Some(Spec {
                index,
                field,
                pointers,
                values,
                nested,
            })
        })
        .collect()
}

/// A top-level record's compiled fields, and which of them is its id: the
/// name of a row that could not be read, for an operator to look it up.
#[derive(Debug, Clone)]
pub struct ItemFields {
    pub specs: Vec<Spec>,
    id: Option<(&'static str, usize)>,
}

/// The id a row gave, for messages about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemId {
    /// The id field, as a configuration names it.
    pub field: &'static str,
    pub value: String,
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The backend's text, quoted: its control characters escaped, its length cut.
        write!(f, "{} {}", self.field, quoted(&self.value))
    }
}

impl ItemFields {
    pub fn new<R: Record + Identified>(config: &FieldConfig<'_>) -> Self {
        let specs = compile::<R>(config);
        let id = specs
            .iter()
            .position(|spec| spec.field == R::ID_FIELD)
            .map(|at| (R::ID_FIELD, at));
        ItemFields { specs, id }
    }

    /// The id `item` gives, when it gives one as a string or a number.
    pub fn id_of(&self, item: &Value) -> Option<ItemId> {
        let (field, at) = self.id?;
        let value = match self.specs[at].value_in(item)?.1 {
            Value::String(text) => text.clone(),
            number @ Value::Number(_) => number.to_string(),
            _ => return None,
        };
        Some(ItemId { field, value })
    }
}

/// Decodes one item into `R` through compiled specs; a value that cannot
/// be read fails the item.
pub fn decode_item<R: Record>(item: &Value, specs: &[Spec]) -> Result<R, FieldFailure> {
    decode_fields::<R>(item, specs, |_, _, failure| Err(failure))
}

/// Decodes one row of a list into `R`: a value that cannot be read in a
/// field the record can do without is left out, as if the backend had not
/// sent it, and returned with the record, so one odd value does not hide
/// the row. A list field with an element that cannot be read is left out
/// whole, unless its table keeps the rest (drives, history); the record's required
/// fields still fail the row.
pub fn decode_row<R: Record>(
    item: &Value,
    specs: &[Spec],
) -> Result<(R, Vec<FieldFailure>), FieldFailure> {
    let mut left_out = Vec::new();
    let record = decode_fields(
        item,
        specs,
        |draft: &mut R::Draft, def: &FieldDef<R::Draft>, failure: FieldFailure| {
            if R::REQUIRED.contains(&def.name) {
                return Err(failure);
            }
            if let Some(mark) = def.unreadable {
                mark(draft);
            }
            left_out.push(failure);
            Ok(())
        },
    )?;
    Ok((record, left_out))
}

/// A string of nothing but white space.
fn is_blank(value: &Value) -> bool {
    value.as_str().is_some_and(|text| text.trim().is_empty())
}

/// Decodes `item` field by field; `on_failure` says whether a field that
/// cannot be read fails the whole item or is passed over.
fn decode_fields<R: Record>(
    item: &Value,
    specs: &[Spec],
    mut on_failure: impl FnMut(
        &mut R::Draft,
        &FieldDef<R::Draft>,
        FieldFailure,
    ) -> Result<(), FieldFailure>,
) -> Result<R, FieldFailure> {
    let mut draft = R::Draft::default();
    for spec in specs {
        let Some((pointer, raw)) = spec.value_in(item) else {
            continue;
        };
        let translated = spec.values.as_deref().and_then(|map| translate(map, raw));
        // A word the configuration maps to no value: as if not sent.
        if translated == Some(Value::Null) {
            continue;
        }
        let value = translated.as_ref().unwrap_or(raw);
        let fail = |problem: String| FieldFailure {
            field: spec.field.clone(),
            pointer: pointer.to_string(),
            problem,
        };
        let def = &R::fields()[spec.index];
        match &def.kind {
            FieldKind::Value(apply) => {
                if let Err(problem) = apply(&mut draft, value) {
                    // ServiceNow and CSV-born exports send "" for every
                    // empty field: where it cannot be read it is absent,
                    // not a fault to report on every row.
                    if !is_blank(value) {
                        on_failure(&mut draft, def, fail(problem))?;
                    }
                }
            }
            FieldKind::List { apply, .. } => {
                // An object where the list belongs is a list of one, as
                // JSON converted from XML writes it; not one keyed by name
                // ({"C:": {…}, "D:": {…}}), whose members are the items.
                let items = match value {
                    Value::Array(items) => Some(items.as_slice()),
                    Value::Object(members) if !members.is_empty() && !is_keyed_list(members) => {
                        Some(std::slice::from_ref(value))
                    }
                    _ => None,
                };
                let failures: Vec<FieldFailure> = match items {
                    Some(items) => apply(&mut draft, items, &spec.nested)
                        .into_iter()
                        .map(|inner| {
                            // A list of one written as its item has no "/0".
                            let within = match value {
                                Value::Object(_) => inner.pointer.strip_prefix("/0"),
                                _ => None,
                            };
                            FieldFailure {
                                pointer: format!("{pointer}{}", within.unwrap_or(&inner.pointer)),
                                ..inner
                            }
                        })
                        .collect(),
                    None => vec![fail(format!("expected an array{FOUND}{}", kind_of(value)))],
                };
                for failure in failures {
                    on_failure(&mut draft, def, failure)?;
                }
            }
        }
    }
    let half_given = R::half_given(&draft).and_then(|missing| {
        let def = R::fields().iter().find(|def| def.name == missing.field)?;
        Some((missing, def))
    });
    if let Some((missing, def)) = half_given {
        on_failure(&mut draft, def, missing_failure(item, specs, missing))?;
    }
    R::finish(draft).map_err(|missing| missing_failure(item, specs, missing))
}

/// `missing` of `item`, under the name and pointer the configuration gives it.
fn missing_failure(item: &Value, specs: &[Spec], missing: Missing) -> FieldFailure {
    let spec = specs
        .iter()
        .find(|s| s.field == missing.field || s.field.ends_with(&format!(".{}", missing.field)));
    FieldFailure {
        field: spec.map_or_else(|| missing.field.to_owned(), |s| s.field.clone()),
        pointer: spec
            .and_then(|s| s.pointers.first())
            .map(Pointer::to_string)
            .unwrap_or_default(),
        problem: match item {
            // A field the row lacks altogether: its keys show what the
            // backend calls it (a renamed id, a misspelt pointer).
            Value::Object(members)
                if missing == Missing::required(missing.field)
                    && !spec.is_some_and(|spec| spec.is_in(item)) =>
            {
                format!("{}{FOUND}{}", missing.why, keys_of(members, missing.field))
            }
            Value::Object(_) => missing.why.to_owned(),
            // A string or null where a row should be has every field
            // missing; its kind is what is wrong.
            other => format!("the item is {}, not an object", kind_of(other)),
        },
    }
}

/// Decodes a list field that keeps the elements that can be read: `keep`
/// gets them, and each that cannot is named, one value left out apiece.
pub fn decode_each<R: Record>(
    items: &[Value],
    specs: &[Spec],
    keep: impl FnOnce(Vec<R>),
) -> Vec<FieldFailure> {
    let (list, failures) = decode_readable(items, specs);
    keep(list);
    failures
}

/// Decodes a list field that is kept whole or not at all: `keep` gets it
/// when every element can be read; else the first that cannot is named,
/// and the list is one value left out.
pub fn decode_whole<R: Record>(
    items: &[Value],
    specs: &[Spec],
    keep: impl FnOnce(Vec<R>),
) -> Vec<FieldFailure> {
    let (list, mut failures) = decode_readable(items, specs);
    if failures.is_empty() {
        keep(list);
    }
    failures.truncate(1);
    failures
}

/// Decodes the elements of a list field that can be read, and names each
/// that cannot, by its index.
pub fn decode_readable<R: Record>(items: &[Value], specs: &[Spec]) -> (Vec<R>, Vec<FieldFailure>) {
    let mut failures = Vec::new();
    let list = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match decode_item(item, specs) {
            Ok(record) => Some(record),
            Err(failure) => {
                failures.push(FieldFailure {
                    pointer: format!("/{i}{}", failure.pointer),
                    ..failure
                });
                None
            }
        })
        .collect();
    (list, failures)
}

/// Their word to ours, `null` for a word mapped to no value; values not in
/// the map pass through unchanged (`None`). A list, the names of a backend's
/// own exemptions, has each of its words translated, and those mapped to no
/// value left out.
fn translate(map: &ValueWords, raw: &Value) -> Option<Value> {
    let Value::Array(items) = raw else {
        return translate_word(map, raw);
    };
    let translated: Vec<Option<Value>> =
        items.iter().map(|item| translate_word(map, item)).collect();
    translated.iter().any(Option::is_some).then(|| {
        let words = items
            .iter()
            .zip(translated)
            .filter_map(|(item, ours)| match ours {
                Some(Value::Null) => None,
                Some(ours) => Some(ours),
                None => Some(item.clone()),
            });
        Value::Array(words.collect())
    })
}

fn translate_word(map: &ValueWords, raw: &Value) -> Option<Value> {
    let key = match raw {
        Value::String(s) => std::borrow::Cow::Borrowed(s.as_str()),
        Value::Number(_) | Value::Bool(_) => std::borrow::Cow::Owned(raw.to_string()),
        _ => return None,
    };
    map.get(key.as_ref())
        .map(|ours| ours.clone().map_or(Value::Null, Value::String))
}

/// An object's first keys, for a message: `only the keys "jobId", "name",
/// …`. Those that look like `like` (a field's name, case and separators
/// aside) come first, so that a renamed field is named among many.
pub fn keys_of(members: &Map<String, Value>, like: &str) -> String {
    if members.is_empty() {
        return "an empty object".to_owned();
    }
    format!("only the keys {}", listed_keys(members, like))
}

/// Whether an object holds its items under their keys (`{"3": {…}, "7":
/// {…}}`), as PHP writes an array whose keys are not 0, 1, 2….
pub fn is_keyed_list(members: &Map<String, Value>) -> bool {
    !members.is_empty() && members.values().all(Value::is_object)
}

/// `text`'s ASCII letters and digits, lower case: how two spellings of a
/// name or a phrase are compared with case, spaces and separators aside.
pub fn letters_and_digits(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `members`' keys, quoted, those like `like` first, the first six of them:
/// `"jobId", "asset_count", …`.
pub fn listed_keys(members: &Map<String, Value>, like: &str) -> String {
    let like = letters_and_digits(like);
    let mut keys: Vec<&String> = members.keys().collect();
    keys.sort_by_key(|key| !letters_and_digits(key).contains(&like));
    let mut listed: Vec<String> = keys
        .iter()
        .take(6)
        .map(|&key| shown(&Value::String(key.clone()), 40))
        .collect();
    if members.len() > listed.len() {
        listed.push("…".to_owned());
    }
    listed.join(", ")
}

/// A short name for a JSON value's type, for messages.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
