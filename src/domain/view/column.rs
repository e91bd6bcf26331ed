//! A table's columns: how the URL names them and what their headers say.

use crate::domain::table::Direction;

pub trait TableColumn: Copy + Eq + 'static {
    /// Every column, in display order.
    const ALL: &'static [Self];

    /// The column's name in the URL's `sort` parameter.
    fn token(self) -> &'static str;

    /// The column header.
    fn label(self) -> &'static str;

    /// The direction a first click on the header sorts by: ascending, but
    /// descending where the largest value is the one to see first (the
    /// fullest drive, the most failures, the worst impact).
    fn first_direction(self) -> Direction {
        Direction::Asc
    }

    /// The column a URL token names, if any.
    fn from_token(token: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|column| column.token() == token)
    }
}
