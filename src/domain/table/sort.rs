//! Sort keys, the header-click rules that edit them, and the index sort that
//! orders anything without a packed key (the tables use `sort_value`).

use std::cmp::Ordering;

/// A column's sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

impl Direction {
    /// The token for URLs and saved views: "asc" or "desc".
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Asc => "asc",
            Direction::Desc => "desc",
        }
    }

    /// The `aria-sort` attribute value: "ascending" or "descending".
    pub const fn aria_sort(self) -> &'static str {
        match self {
            Direction::Asc => "ascending",
            Direction::Desc => "descending",
        }
    }

    /// The other direction.
    pub const fn reversed(self) -> Self {
        match self {
            Direction::Asc => Direction::Desc,
            Direction::Desc => Direction::Asc,
        }
    }

    /// Reads an [`as_str`](Self::as_str) token back.
    pub fn parse(token: &str) -> Option<Self> {
        [Direction::Asc, Direction::Desc]
            .into_iter()
            .find(|direction| direction.as_str() == token)
    }
}

/// One sort key: a column and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortKey<C> {
    /// The caller's column id.
    pub column: C,
    pub direction: Direction,
}

/// The sort keys of a table, primary first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SortSpec<C> {
    keys: Vec<SortKey<C>>,
}

impl<C> Default for SortSpec<C> {
    fn default() -> Self {
        Self { keys: Vec::new() }
    }
}

/// How many keys a sort has at most: header clicks let older keys fall off.
pub const MAX_SORT_KEYS: usize = 3;

impl<C: Copy + Eq> SortSpec<C> {
    /// A spec with the given keys, primary first; keys after the first
    /// [`MAX_SORT_KEYS`] are dropped.
    pub fn new(mut keys: Vec<SortKey<C>>) -> Self {
        keys.truncate(MAX_SORT_KEYS);
        Self { keys }
    }

    /// Sorts by one column.
    pub fn by(column: C, direction: Direction) -> Self {
        Self::new(vec![SortKey { column, direction }])
    }

    /// The keys, primary first.
    pub fn keys(&self) -> &[SortKey<C>] {
        &self.keys
    }

    /// The primary key, if any.
    pub fn primary(&self) -> Option<SortKey<C>> {
        self.keys.first().copied()
    }

    /// The `aria-sort` value for a column header: only the primary column is
    /// announced as sorted, as ARIA allows one sorted header per table.
    pub fn aria_sort(&self, column: C) -> &'static str {
        match self.primary() {
            Some(key) if key.column == column => key.direction.aria_sort(),
            _ => "none",
        }
    }

    /// Applies a click on `column`'s header, as [`Self::click_from`] with
    /// ascending first.
    pub fn click(&mut self, column: C) {
        self.click_from(column, Direction::Asc);
    }

    /// Applies a click on `column`'s header. On the primary column it flips
    /// the direction; any other column becomes the primary key, sorted
    /// `first`, and the previous keys follow it as tie-breakers, at most
    /// [`MAX_SORT_KEYS`].
    pub fn click_from(&mut self, column: C, first: Direction) {
        match self.keys.first_mut() {
            Some(primary) if primary.column == column => {
                primary.direction = primary.direction.reversed()
            }
            _ => {
                self.keys.retain(|key| key.column != column);
                self.keys.insert(
                    0,
                    SortKey {
                        column,
                        direction: first,
                    },
                );
                self.keys.truncate(MAX_SORT_KEYS);
            }
        }
    }
}

/// Sorts indices by `compare`, equal ones in ascending order: a stable sort
/// of whatever they index. Behind a trait object it is compiled once instead
/// of once per element type and comparator (each copy is kilobytes of wasm).
pub fn sort_indices_by(indices: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    indices.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}

/// `items` sorted by `compare`, equal ones in their order: a stable sort
/// through [`sort_indices_by`], for lists of owned values.
pub fn stably_sorted<T>(items: Vec<T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_indices_by(&mut order, &|a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    // Each taken out once it has its place.
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| items[i as usize].take())
        .collect()
}
