//! The records of a load, gathered page by page with each id once.
//!
//! A backend paged by offset over live data sends a record twice when rows
//! are added ahead of it between two requests. Listed twice, the record would
//! be counted twice in every total; kept once, with the values of its later
//! row (the newer answer), in the place of its first.

use super::body::fnv1a;
use super::mapping::RowError;
use crate::domain::abridge::quoted;
use crate::domain::visible::ShowHidden;
use std::collections::HashMap;
use std::fmt;

/// A record that names what it is about: an asset, an endpoint, a job or a run.
pub trait Identified: ShowHidden {
    /// The field the id is mapped to, as a configuration names it.
    const ID_FIELD: &'static str;
    fn id(&self) -> &str;
}

/// A row whose id an earlier row of the same load already had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub field: &'static str,
    pub id: String,
    /// The row whose values this one replaced: the id's latest row before it.
    pub earlier_row: usize,
    pub row: usize,
}

impl fmt::Display for Repeat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The backend's text, quoted: its control characters escaped, its length cut.
        write!(
            f,
            "{} {} on rows {} and {}",
            self.field,
            quoted(&self.id),
            self.earlier_row,
            self.row
        )
    }
}

/// Where a record is listed, and the row its values came from.
#[derive(Debug, Clone, Copy)]
struct Place {
    item: u32,
    row: u32,
}

impl Place {
    fn new(item: usize, row: usize) -> Self {
        Place {
            item: u32::try_from(item).unwrap_or(u32::MAX),
            row: u32::try_from(row).unwrap_or(u32::MAX),
        }
    }
}

/// A load's records so far, one per id, in the order each id first came.
#[derive(Debug)]
pub struct Gathered<T> {
    items: Vec<T>,
    /// Keyed by a hash of the id rather than the id, so that 100k records
    /// cost no copies of their ids; a hash two ids share is told apart by
    /// comparing the records' ids and moving on to the next key.
    places: HashMap<u64, Place>,
    /// Rows of the pages added so far, read or skipped.
    rows: usize,
}

impl<T> Default for Gathered<T> {
    fn default() -> Self {
        Gathered {
            items: Vec::new(),
            places: HashMap::new(),
            rows: 0,
        }
    }
}

impl<T: Identified> Gathered<T> {
    /// Adds the records of the next page, whose skipped rows are `errors`
    /// (numbered in the whole list, as a delivered page's are). Gives the
    /// rows that repeated an id, whose values replace the earlier row's.
    pub fn add_page(&mut self, mut items: Vec<T>, errors: &[RowError]) -> Vec<Repeat> {
        // Before ids are compared: an id is matched as it is shown.
        items.iter_mut().for_each(T::show_hidden);
        let rows = item_rows(self.rows, errors);
        self.rows += items.len() + errors.len();
        // The first page (often the only one, 100k records) is kept as it
        // came rather than copied, unless it repeats an id itself.
        if self.items.is_empty() {
            if let Some(places) = distinct_places(&items, rows.clone()) {
                self.items = items;
                self.places = places;
                return Vec::new();
            }
        }
        // Room for the whole page at once: grown by doubling, a long page
        // would leave a spare copy at its peak, and wasm memory never shrinks.
        self.items.reserve(items.len());
        items
            .into_iter()
            .zip(rows)
            .filter_map(|(record, row)| self.place(record, row))
            .collect()
    }

    /// Lists `record`, or puts it in the place of the record with its id.
    fn place(&mut self, record: T, row: usize) -> Option<Repeat> {
        let items = &self.items;
        match find(&self.places, record.id(), |item| items[item].id()) {
            Err(free_key) => {
                let place = Place::new(self.items.len(), row);
                self.places.insert(free_key, place);
                self.items.push(record);
                None
            }
            Ok((key, place)) => {
                let repeat = Repeat {
                    field: T::ID_FIELD,
                    id: record.id().to_owned(),
                    earlier_row: place.row as usize,
                    row,
                };
                self.items[place.item as usize] = record;
                // A third row with the id names this one, not the first.
                self.places
                    .insert(key, Place::new(place.item as usize, row));
                Some(repeat)
            }
        }
    }

    /// The records so far.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    pub fn into_items(self) -> Vec<T> {
        self.items
    }
}

/// The rows of a page's records, in order: from `first` on, each row that
/// no skipped row holds.
fn item_rows(first: usize, errors: &[RowError]) -> impl Iterator<Item = usize> + Clone + '_ {
    let mut skipped = errors.iter().map(|error| error.index).peekable();
    (first..).filter(move |row| skipped.next_if_eq(row).is_none())
}

/// The places of a page's records, if no two share an id.
fn distinct_places<T: Identified>(
    items: &[T],
    rows: impl Iterator<Item = usize>,
) -> Option<HashMap<u64, Place>> {
    let mut places = HashMap::with_capacity(items.len());
    for (item, (record, row)) in items.iter().zip(rows).enumerate() {
        let free_key = find(&places, record.id(), |item| items[item].id()).err()?;
        places.insert(free_key, Place::new(item, row));
    }
    Some(places)
}

/// The key and place of the record with `id`, or the free key it would take.
/// Keys are ids' hashes; a hash another id holds moves on to the next key.
fn find<'a>(
    places: &HashMap<u64, Place>,
    id: &str,
    id_of_item: impl Fn(usize) -> &'a str,
) -> Result<(u64, Place), u64> {
    let mut key = fnv1a(id.as_bytes());
    loop {
        match places.get(&key) {
            None => return Err(key),
            Some(place) if id_of_item(place.item as usize) == id => return Ok((key, *place)),
            Some(_) => key = key.wrapping_add(1),
        }
    }
}
