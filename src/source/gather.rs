//! The records of a load, gathered page by page with each id once.
//!
//! A backend paged by offset over live data sends a record twice when rows
//! are added ahead of it between two requests. Listed twice, the record would
//! be counted twice in every total; kept once, with the values of its later
//! row (the newer answer), in the place of its first.

use super::body::fnv1a;
use super::mapping::RowError;
use std::collections::HashMap;
use std::fmt;

/// A record that names what it is about: an asset, an endpoint, a job or a run.
pub trait Identified {
    /// The field the id is mapped to, as a configuration names it.
    const ID_FIELD: &'static str;
    fn id(&self) -> &str;
}

/// A row whose id an earlier row of the same load already had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub field: &'static str,
    pub id: String,
    pub first_row: usize,
    pub row: usize,
}

impl fmt::Display for Repeat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug quoting: the id is the backend's text, control characters and all.
        write!(
            f,
            "{} {:?} on rows {} and {}",
            self.field, self.id, self.first_row, self.row
        )
    }
}

/// Where a record was first listed.
#[derive(Debug, Clone, Copy)]
struct Place {
    item: u32,
    row: u32,
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
    pub fn add_page(&mut self, items: Vec<T>, errors: &[RowError]) -> Vec<Repeat> {
        let mut row = self.rows;
        self.rows += items.len() + errors.len();
        let mut skipped = errors.iter().map(|error| error.index).peekable();
        let mut repeats = Vec::new();
        for record in items {
            // A record's row is the next one no skipped row holds.
            while skipped.next_if_eq(&row).is_some() {
                row += 1;
            }
            repeats.extend(self.place(record, row));
            row += 1;
        }
        repeats
    }

    /// Lists `record`, or puts it in the place of the record with its id.
    fn place(&mut self, record: T, row: usize) -> Option<Repeat> {
        let mut key = fnv1a(record.id().as_bytes());
        loop {
            match self.places.get(&key) {
                None => {
                    let item = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
                    let row = u32::try_from(row).unwrap_or(u32::MAX);
                    self.places.insert(key, Place { item, row });
                    self.items.push(record);
                    return None;
                }
                Some(place) if self.items[place.item as usize].id() == record.id() => {
                    let repeat = Repeat {
                        field: T::ID_FIELD,
                        id: record.id().to_owned(),
                        first_row: place.row as usize,
                        row,
                    };
                    self.items[place.item as usize] = record;
                    return Some(repeat);
                }
                Some(_) => key = key.wrapping_add(1),
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
