//! A table's columns: how the URL names them and what their headers say.

pub trait TableColumn: Copy + Eq + 'static {
    /// Every column, in display order.
    const ALL: &'static [Self];

    /// The column's name in the URL's `sort` parameter.
    fn token(self) -> &'static str;

    /// The column header.
    fn label(self) -> &'static str;

    /// The column a URL token names, if any.
    fn from_token(token: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|column| column.token() == token)
    }
}
