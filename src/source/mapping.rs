//! Turning a response body into records through a resource's field mapping.
//!
//! A bad row is reported and skipped so one odd asset never hides the other
//! hundred thousand, and a bad value in a field a row can do without is
//! reported and left out, the row kept; only a body of the wrong shape
//! fails the whole page.

use super::config::Resource;
use super::error_body::{error_words, words_in, MESSAGE_KEYS};
use super::gather::Identified;
use super::native_decode::NativeItems;
use super::native_stream::StreamedItems;
use super::pointer::Pointer;
use super::record::{
    decode_row, is_keyed_list, keys_of, kind_of, listed_keys, FieldConfig, FieldFailure,
    ItemFields, ItemId, Record,
};
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;

/// A value that could not be read: its row's position in the page, the
/// row's id when it gave one, the field, the pointer tried, and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub index: usize,
    pub id: Option<ItemId>,
    pub field: String,
    pub pointer: String,
    pub problem: String,
}

impl RowError {
    /// Which row: "row 3", and its id when it gave one.
    pub fn row(&self) -> String {
        match &self.id {
            Some(id) => format!("row {} ({id})", self.index),
            None => format!("row {}", self.index),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (at \"{}\"): {}",
            self.row(),
            self.field,
            self.pointer,
            self.problem
        )
    }
}

/// A field the configuration maps that no item of a page had a value for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnfoundField {
    pub field: String,
    /// Its pointers, as configured, tried in order.
    pub pointers: Vec<String>,
}

impl fmt::Display for UnfoundField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at \"{}\")",
            self.field,
            self.pointers.join("\", \"")
        )
    }
}

/// The records of one page, the rows that were skipped, and the values
/// left out of rows that were kept.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedPage<T> {
    pub items: Vec<T>,
    /// Rows skipped, one value that failed each.
    pub errors: Vec<RowError>,
    /// Values left out of rows in `items`, in row order.
    pub left_out: Vec<RowError>,
    /// The configuration's own fields no item on the page had a value for;
    /// `None` when nothing was checked (no own fields, or no items).
    pub unfound: Option<Vec<UnfoundField>>,
}

impl<T> From<Vec<T>> for DecodedPage<T> {
    /// A page whose every row was read.
    fn from(items: Vec<T>) -> Self {
        DecodedPage {
            items,
            errors: Vec::new(),
            left_out: Vec::new(),
            unfound: None,
        }
    }
}

impl<T> DecodedPage<T> {
    pub(super) fn with_capacity(rows: usize) -> Self {
        DecodedPage {
            items: Vec::with_capacity(rows),
            errors: Vec::new(),
            left_out: Vec::new(),
            unfound: None,
        }
    }

    /// Keeps only the page's first `rows` rows, read or skipped.
    pub fn keep_first(&mut self, rows: usize) {
        self.errors.retain(|error| error.index < rows);
        self.left_out.retain(|error| error.index < rows);
        self.items.truncate(rows.saturating_sub(self.errors.len()));
    }

    /// Numbers the rows reported from `first` on: the page's place in the list.
    pub fn number_rows_from(&mut self, first: usize) {
        for error in self.errors.iter_mut().chain(&mut self.left_out) {
            error.index += first;
        }
    }

    /// Decodes row `index`, keeping its record or reporting why it was
    /// skipped, and reporting any value left out of it.
    pub(super) fn read(&mut self, index: usize, item: &Value, fields: &ItemFields)
    where
        T: Record,
    {
        let reported = |failure: FieldFailure| RowError {
            index,
            id: fields.id_of(item),
            field: failure.field,
            pointer: failure.pointer,
            problem: failure.problem,
        };
        match decode_row(item, &fields.specs) {
            Ok((record, left_out)) => {
                self.items.push(record);
                self.left_out.extend(left_out.into_iter().map(reported));
            }
            Err(failure) => self.errors.push(reported(failure)),
        }
    }
}

/// The body did not have the configured shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    /// The `items` pointer as configured.
    pub pointer: String,
    pub problem: String,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "items pointer \"{}\": {}", self.pointer, self.problem)
    }
}

/// A resource's mapping compiled for record type `R`.
#[derive(Debug, Clone)]
pub struct Mapping<R> {
    items: Pointer,
    fields: ItemFields,
    /// Positions in `fields.specs` of the fields the configuration maps itself.
    own: Vec<usize>,
    /// Set when the resource reads the native format as the native preset does.
    native: Option<NativeItems<R>>,
    record: PhantomData<fn() -> R>,
}

impl<R> Mapping<R> {
    /// A page without rows whose body (`rest`, with or without its items)
    /// holds an error beside the empty list: the error, not an empty fleet
    /// (`{"items": [], "error": "Upstream CMDB unavailable"}`).
    pub fn empty_beside_error(&self, rest: &Value) -> Option<ShapeError> {
        error_words(rest).map(|words| ShapeError {
            pointer: self.items.to_string(),
            problem: format!("the list is empty and the body holds an error; it says \"{words}\""),
        })
    }
}

impl<R: Record + Identified> Mapping<R> {
    /// Compiles the field pointers and value maps of a validated resource.
    pub fn new(resource: &Resource) -> Self {
        let fields = ItemFields::new::<R>(&FieldConfig {
            fields: &resource.fields,
            values: &resource.values,
        });
        // A required field never found skips every row, which the skipped
        // rows' report says: it is not told again as merely not known.
        let own = (0..fields.specs.len())
            .filter(|&at| resource.own_fields.contains(&fields.specs[at].field))
            .filter(|&at| !R::REQUIRED.contains(&fields.specs[at].field.as_str()))
            .collect();
        Mapping {
            items: resource.items.clone(),
            fields,
            own,
            native: NativeItems::for_resource(resource),
            record: PhantomData,
        }
    }
}

impl<R: Record> Mapping<R> {
    /// The array of items in a body, or what was found instead.
    pub fn items<'b>(&self, body: &'b Value) -> Result<&'b [Value], ShapeError> {
        items_at(&self.items, body).or_else(|error| {
            // JSON converted from XML writes a list of one as the item
            // itself: an object with a value for every field a row needs is
            // that one item. Not an error object, nor a wrapper around the
            // list (a search's own id beside its results).
            let holds = |item: &Value, name: &str| {
                let specs = self.fields.specs.iter();
                specs
                    .filter(|spec| spec.field == name)
                    .any(|spec| spec.value_in(item).is_some())
            };
            let is_row = |item: &Value| R::REQUIRED.iter().all(|name| holds(item, name));
            let holds_rows =
                |value: &Value| value.as_array().is_some_and(|list| list.iter().any(is_row));
            match self.items.resolve(body) {
                Some(item @ Value::Object(members))
                    if is_row(item)
                        && error_words(item).is_none()
                        && !members.values().any(holds_rows) =>
                {
                    Ok(std::slice::from_ref(item))
                }
                _ => Err(error),
            }
        })
    }

    /// Decodes every item of a body; rows that fail are reported and skipped.
    pub fn decode_page(&self, body: &Value) -> Result<DecodedPage<R>, ShapeError> {
        let rows = self.items(body)?;
        let mut page = DecodedPage::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            page.read(index, row, &self.fields);
        }
        page.unfound = self.unfound(rows);
        Ok(page)
    }

    /// The configuration's own fields none of `rows` has at all; most often
    /// found in the first row, so the scan of every row is for a pointer
    /// that is wrong. A key sent as null is found: the pointer is right, and
    /// a healthy fleet may have no value there (no blocking job, no reason).
    fn unfound(&self, rows: &[Value]) -> Option<Vec<UnfoundField>> {
        if self.own.is_empty() || rows.is_empty() {
            return None;
        }
        Some(
            self.own
                .iter()
                .map(|&at| &self.fields.specs[at])
                .filter(|spec| !rows.iter().any(|row| spec.is_in(row)))
                .map(|spec| UnfoundField {
                    field: spec.field.clone(),
                    pointers: spec.pointers.iter().map(ToString::to_string).collect(),
                })
                .collect(),
        )
    }

    /// Decodes a body's text by the native fast path, giving the same page as
    /// parsing it and calling [`Self::decode_page`], and the body without its
    /// items. `None` when the resource is not native or the body is not shaped
    /// as native: parse it and call [`Self::decode_page`] instead.
    pub fn decode_native(&self, text: &str) -> Option<(DecodedPage<R>, Value)> {
        self.native.as_ref()?.decode(text, &self.fields)
    }

    /// The native fast path for a body still arriving, when the resource is native.
    pub fn stream(&self) -> Option<StreamedItems<R>> {
        Some(StreamedItems::new(self.native.as_ref()?, &self.fields))
    }
}

/// The array `items` points to in a body; apart from the record type so that
/// it is compiled once.
fn items_at<'b>(items: &Pointer, body: &'b Value) -> Result<&'b [Value], ShapeError> {
    let shape_error = |problem: String| ShapeError {
        pointer: items.to_string(),
        problem,
    };
    match items.resolve(body) {
        Some(Value::Array(list)) => Ok(list),
        // {"3": {…}, "7": {…}}: a list keyed by id, as PHP writes an array
        // whose keys are not 0, 1, 2….
        Some(Value::Object(members)) if is_keyed_list(members) => Err(shape_error(format!(
            "expected an array, found objects under the keys {}: have the backend send \
                 its items as a list (in Laravel, ->values())",
            listed_keys(members, "")
        ))),
        Some(other) => Err(shape_error(format!(
            "expected an array, found {}{}",
            kind_of(other),
            it_says(body, &MESSAGE_KEYS)
        ))),
        None => Err(shape_error(format!(
            "not found in the response body{}",
            what_came_instead(body)
        ))),
    }
}

/// What a body without the items holds, for the message: its keys, and the
/// backend's own words when it sent an error in place of the list (many
/// answer 200 with `{"error": {"message": "Token expired"}}`).
fn what_came_instead(body: &Value) -> String {
    let members = match body {
        Value::Object(members) => members,
        Value::Array(_) => {
            return ", which is an array: \"items\": \"\" reads a body that is the list itself"
                .to_owned()
        }
        other => return format!(", which is {}", kind_of(other)),
    };
    let mut text = match keys_of(members, "") {
        empty if members.is_empty() => format!(", {empty}"),
        keys => format!(", an object with {keys}"),
    };
    text.push_str(&it_says(body, &MESSAGE_KEYS));
    text
}

/// "; it says "Token expired"" where `body` holds the backend's words in
/// one of `keys`, else nothing.
fn it_says(body: &Value, keys: &[&str]) -> String {
    words_in(body, 200, keys)
        .map(|words| format!("; it says \"{words}\""))
        .unwrap_or_default()
}
