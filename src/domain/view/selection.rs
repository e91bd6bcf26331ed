//! Naming the row whose details are open, in the URL. Ids should be unique,
//! but backends repeat them; the key then counts occurrences ("web-01#2"),
//! so every row opens its own details.

/// The key of the row at `index` among rows with the given `ids`.
pub fn selection_key<'a>(ids: impl Iterator<Item = &'a str>, index: usize) -> Option<String> {
    let ids: Vec<&str> = ids.take(index + 1).collect();
    let id = *ids.get(index)?;
    let earlier = ids[..index].iter().filter(|&&other| other == id).count();
    Some(match earlier {
        0 => id.to_owned(),
        n => format!("{id}#{}", n + 1),
    })
}

/// The index of the row a key names: a row whose id is the key itself, else
/// the n-th row with the id before "#n".
pub fn find_selection<'a>(ids: impl Iterator<Item = &'a str> + Clone, key: &str) -> Option<usize> {
    if let Some(index) = ids.clone().position(|id| id == key) {
        return Some(index);
    }
    let (id, occurrence) = key.rsplit_once('#')?;
    let occurrence: usize = occurrence.parse().ok().filter(|&n| n >= 2)?;
    ids.enumerate()
        .filter(|(_, other)| *other == id)
        .nth(occurrence - 1)
        .map(|(index, _)| index)
}
