//! Multi-key sorting of index lists, and the header-click rules that edit the keys.

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

/// How two rows compare on one column, in ascending terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnOrdering {
    /// Both rows have a value: a descending sort reverses this.
    Value(Ordering),
    /// At least one row has no value: kept as is in both directions, so blanks
    /// stay at the bottom whichever way the user sorts.
    Blank(Ordering),
}

impl ColumnOrdering {
    fn directed(self, direction: Direction) -> Ordering {
        match (self, direction) {
            (ColumnOrdering::Value(ordering), Direction::Desc) => ordering.reverse(),
            (ColumnOrdering::Value(ordering), Direction::Asc)
            | (ColumnOrdering::Blank(ordering), _) => ordering,
        }
    }
}

impl From<Ordering> for ColumnOrdering {
    fn from(ordering: Ordering) -> Self {
        ColumnOrdering::Value(ordering)
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

impl<C: Copy + Eq> SortSpec<C> {
    /// How many keys header clicks keep; older keys fall off.
    pub const MAX_KEYS: usize = 3;

    /// A spec with the given keys, primary first.
    pub fn new(keys: Vec<SortKey<C>>) -> Self {
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

    /// Applies a click on `column`'s header. On the primary column it flips
    /// the direction; any other column becomes the ascending primary key and
    /// the previous keys follow it as tie-breakers, at most [`Self::MAX_KEYS`].
    pub fn click(&mut self, column: C) {
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
                        direction: Direction::Asc,
                    },
                );
                self.keys.truncate(Self::MAX_KEYS);
            }
        }
    }

    /// Compares two rows by every key in turn.
    pub fn compare<R, O: Into<ColumnOrdering>>(
        &self,
        a: &R,
        b: &R,
        compare: impl Fn(&R, &R, C) -> O,
    ) -> Ordering {
        self.keys
            .iter()
            .map(|key| compare(a, b, key.column).into().directed(key.direction))
            .find(|ordering| ordering.is_ne())
            .unwrap_or(Ordering::Equal)
    }
}

/// Sorts `indices` into `rows` by `spec`. `compare` orders two rows on one
/// column in ascending terms (return an `Ordering`, or a [`ColumnOrdering`]
/// from `cmp_option` for columns with blanks).
///
/// Rows equal on every key keep ascending index order, so the result depends
/// only on which indices are given, never on their previous order: stable,
/// deterministic, and it lets the faster unstable sort be used.
pub fn sort_indices<R, C: Copy + Eq, O: Into<ColumnOrdering>>(
    rows: &[R],
    indices: &mut [u32],
    spec: &SortSpec<C>,
    compare: impl Fn(&R, &R, C) -> O,
) {
    sort_indices_by(indices, &|a, b| {
        spec.compare(&rows[a as usize], &rows[b as usize], &compare)
    });
}

/// Sorts indices by `compare`, equal ones in ascending order: a stable sort
/// of whatever they index. The app's one sort: behind a trait object it is
/// compiled once instead of once per element type and comparator (each copy
/// is kilobytes of wasm, and an indirect call costs nothing beside the
/// comparison).
pub fn sort_indices_by(indices: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    indices.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}
