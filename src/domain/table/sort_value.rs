//! Sorting rows by the values their columns hold.
//!
//! A table gives each row's value on each sort key once; each key's values
//! then become integers that order the same way, and the rows are radix
//! sorted by them, one key at a time (`radix`). A comparator would instead
//! chase both rows' records through the heap on every one of the 1.7 million
//! comparisons a 100,000-row sort makes. A column of texts is first ranked,
//! so that each of its values is an integer too; a column of names is ranked
//! by the first bytes of their natural keys, which tell nearly every two
//! names apart.

use super::compare::{natural_cmp, natural_cmp_by_key};
use super::radix::{move_last, sort_rows_by_key};
use super::sort::{sort_indices_by, Direction, SortSpec, MAX_SORT_KEYS};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A row's value on one column, as the table orders it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SortValue<'a> {
    /// Orders as the number does: counts, a status's place in its catalogue,
    /// and (through the `From` conversions) times and decimals.
    Number(u64),
    /// Orders as people read it ([`natural_cmp`]).
    Text(&'a str),
    /// A text with its [`natural_key`](super::natural_key) computed
    /// beforehand: orders like `Text` of the text, but compares plain bytes.
    Keyed(&'a [u8], &'a str),
    /// No value: last whichever way the column is sorted.
    Blank,
}

impl From<u64> for SortValue<'_> {
    fn from(number: u64) -> Self {
        SortValue::Number(number)
    }
}

impl From<u32> for SortValue<'_> {
    fn from(number: u32) -> Self {
        SortValue::Number(number.into())
    }
}

impl From<i64> for SortValue<'_> {
    /// Flipping the sign bit orders every i64 as a u64.
    fn from(number: i64) -> Self {
        SortValue::Number(number as u64 ^ (1 << 63))
    }
}

impl From<f64> for SortValue<'_> {
    /// Orders by value, -0.0 equal to 0.0, NaN after every other number.
    fn from(number: f64) -> Self {
        if number.is_nan() {
            return SortValue::Number(u64::MAX);
        }
        // Adding zero turns -0.0 into 0.0. Then positive numbers order by
        // their bits with the sign bit set, negative ones by the inverted bits.
        let bits = (number + 0.0).to_bits();
        SortValue::Number(if bits >> 63 == 1 {
            !bits
        } else {
            bits | (1 << 63)
        })
    }
}

impl<'a> From<&'a str> for SortValue<'a> {
    /// An empty text is no value: a row without an OS sorts last, as one
    /// without a time does, not before every OS.
    fn from(text: &'a str) -> Self {
        if text.is_empty() {
            SortValue::Blank
        } else {
            SortValue::Text(text)
        }
    }
}

impl<'a, T: Into<SortValue<'a>>> From<Option<T>> for SortValue<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(SortValue::Blank, Into::into)
    }
}

/// How two values of one column compare, ascending. A column gives one kind
/// of value; mixed kinds still get a total order: numbers, texts, blanks.
fn value_order(a: &SortValue, b: &SortValue) -> Ordering {
    use SortValue::*;
    match (a, b) {
        (Number(x), Number(y)) => x.cmp(y),
        (Keyed(key_x, x), Keyed(key_y, y)) => natural_cmp_by_key((key_x, x), (key_y, y)),
        (Text(x) | Keyed(_, x), Text(y) | Keyed(_, y)) => natural_cmp(x, y),
        (Number(_), _) => Ordering::Less,
        (_, Number(_)) => Ordering::Greater,
        (Blank, Blank) => Ordering::Equal,
        (Blank, _) => Ordering::Greater,
        (_, Blank) => Ordering::Less,
    }
}

/// A natural key's first 16 bytes, zero-padded, as two numbers (high,
/// low): ordering by them first settles most comparisons of two names
/// without reading them.
fn key_prefix(key: &[u8]) -> (u64, u64) {
    let mut bytes = [0; 16];
    let len = key.len().min(bytes.len());
    bytes[..len].copy_from_slice(&key[..len]);
    let prefix = u128::from_be_bytes(bytes);
    ((prefix >> 64) as u64, prefix as u64)
}

/// A row's name prefix, high and low, then the row: sorted, they list the
/// rows by prefix, next to each other in memory.
type Prefixed = (u64, u64, u32);

/// Each value as a number that orders the same way, `None` for a blank:
/// numbers as they are; where the column holds texts, every value's rank.
fn ordinals(values: &[SortValue]) -> Vec<Option<u64>> {
    let number = |value: &SortValue| match value {
        SortValue::Number(number) => Some(*number),
        _ => None,
    };
    if values
        .iter()
        .all(|value| matches!(value, SortValue::Number(_) | SortValue::Blank))
    {
        return values.iter().map(number).collect();
    }
    if values
        .iter()
        .all(|value| matches!(value, SortValue::Keyed(..) | SortValue::Blank))
    {
        keyed_ranks(values)
    } else {
        distinct_ranks(values)
    }
}

/// Ranks a column of keyed names, nearly all of them different: the rows
/// are sorted by their keys' prefixes, then each run of equal prefixes by
/// value.
fn keyed_ranks(values: &[SortValue]) -> Vec<Option<u64>> {
    let value = |row: u32| &values[row as usize];
    let mut present: Vec<Prefixed> = (0..values.len() as u32)
        .filter_map(|row| match value(row) {
            SortValue::Keyed(key, _) => {
                let (high, low) = key_prefix(key);
                Some((high, low, row))
            }
            _ => None,
        })
        .collect();
    present.sort_unstable();
    let same_prefix = |a: &Prefixed, b: &Prefixed| (a.0, a.1) == (b.0, b.1);
    let by_value = |a: u32, b: u32| value_order(value(a), value(b));
    let mut run = Vec::new();
    for entries in present.chunk_by_mut(same_prefix) {
        if entries.len() > 1 {
            run.clear();
            run.extend(entries.iter().map(|&(_, _, row)| row));
            sort_indices_by(&mut run, &by_value);
            for (entry, &row) in entries.iter_mut().zip(&run) {
                entry.2 = row;
            }
        }
    }
    let mut ordinals = vec![None; values.len()];
    let mut rank = 0;
    for (position, entry) in present.iter().enumerate() {
        if let Some(previous) = position.checked_sub(1).map(|p| &present[p]) {
            if !same_prefix(previous, entry) || by_value(previous.2, entry.2).is_ne() {
                rank += 1;
            }
        }
        ordinals[entry.2 as usize] = Some(rank);
    }
    ordinals
}

/// A value told apart from the others of its column: texts by their text,
/// keyed or not, as they order by it.
#[derive(PartialEq, Eq, Hash)]
enum Distinct<'a> {
    Number(u64),
    Text(&'a str),
}

/// Ranks a column of texts (or of mixed kinds) by ranking each distinct
/// value once: an OS column of 100,000 rows holds a few dozen names, and
/// sorting every row by comparing texts took a third of a second.
fn distinct_ranks(values: &[SortValue]) -> Vec<Option<u64>> {
    let mut seen: HashMap<Distinct, u32> = HashMap::new();
    let mut distinct: Vec<&SortValue> = Vec::new();
    let ids: Vec<Option<u32>> = values
        .iter()
        .map(|value| {
            let key = match *value {
                SortValue::Number(number) => Distinct::Number(number),
                SortValue::Text(text) | SortValue::Keyed(_, text) => Distinct::Text(text),
                SortValue::Blank => return None,
            };
            Some(*seen.entry(key).or_insert_with(|| {
                distinct.push(value);
                distinct.len() as u32 - 1
            }))
        })
        .collect();
    let mut by_rank: Vec<u32> = (0..distinct.len() as u32).collect();
    sort_indices_by(&mut by_rank, &|a, b| {
        value_order(distinct[a as usize], distinct[b as usize])
    });
    let mut ranks = vec![0; distinct.len()];
    for (rank, &id) in by_rank.iter().enumerate() {
        ranks[id as usize] = rank as u64;
    }
    ids.iter()
        .map(|id| id.map(|id| ranks[id as usize]))
        .collect()
}

/// The order of `len` rows: `keys` holds, primary first, each sort key's
/// direction and every row's value on it. Rows equal on every key keep
/// ascending index order, so the result is deterministic.
fn order_by_values(len: usize, keys: &[(Direction, Vec<SortValue<'_>>)]) -> Vec<u32> {
    let mut rows: Vec<u32> = (0..len as u32).collect();
    // The last key first: each stable pass keeps, among the rows it finds
    // equal, the order the keys after it set.
    for (direction, values) in keys.iter().take(MAX_SORT_KEYS).rev() {
        let ordinals = ordinals(values);
        let turned: Vec<u64> = ordinals
            .iter()
            .map(|ordinal| match (ordinal, direction) {
                (Some(value), Direction::Asc) => *value,
                (Some(value), Direction::Desc) => !value,
                (None, _) => 0,
            })
            .collect();
        sort_rows_by_key(&mut rows, &turned);
        move_last(&mut rows, |row| ordinals[row as usize].is_none());
    }
    rows
}

/// The order of `len` rows by `spec`; `value` gives a row's value on a column.
pub fn sort_rows<'a, C: Copy + Eq>(
    len: usize,
    spec: &SortSpec<C>,
    value: impl Fn(C, usize) -> SortValue<'a>,
) -> Vec<u32> {
    let keys: Vec<(Direction, Vec<SortValue<'a>>)> = spec
        .keys()
        .iter()
        .map(|key| {
            let values = (0..len).map(|row| value(key.column, row)).collect();
            (key.direction, values)
        })
        .collect();
    order_by_values(len, &keys)
}

/// The order [`sort_rows`] gives for `spec` with its primary key's direction
/// reversed (a second click on the primary column), from `order`, the one it
/// gave for `spec` over the same rows. Rows equal on the primary key keep
/// their order among themselves, which the other keys and the index set, so
/// turning the runs of equal values around gives it without a sort; blanks
/// stay last.
pub fn with_primary_reversed<'a, C: Copy + Eq>(
    order: &[u32],
    spec: &SortSpec<C>,
    value: impl Fn(C, usize) -> SortValue<'a>,
) -> Vec<u32> {
    let Some(primary) = spec.primary() else {
        return order.to_vec();
    };
    // Where each run of equal values starts, reading each row's value once:
    // at 100k rows, reading a value is a cache miss or two.
    let mut run_starts = Vec::new();
    let mut blanks = order.len();
    let mut previous: Option<SortValue> = None;
    for (position, &row) in order.iter().enumerate() {
        let current = value(primary.column, row as usize);
        if matches!(current, SortValue::Blank) {
            blanks = position;
            break;
        }
        if previous.is_none_or(|previous| value_order(&previous, &current).is_ne()) {
            run_starts.push(position);
        }
        previous = Some(current);
    }
    let mut reversed = Vec::with_capacity(order.len());
    let mut end = blanks;
    for &start in run_starts.iter().rev() {
        reversed.extend_from_slice(&order[start..end]);
        end = start;
    }
    reversed.extend_from_slice(&order[blanks..]);
    reversed
}
