//! A long breakdown shown short until the user asks for all of it, so the
//! table under it starts within the first screen. What the user picked
//! stays in view: a filter that is on is never hidden behind "Show all".

/// The short form of `items` (already in display order) and how many items
/// it leaves out.
///
/// It keeps the first `keep` items and every `picked` one after them, in
/// order. A list that would lose fewer than [`LEAST_HIDDEN`] items stays
/// whole: a button that reveals one row costs the room the row would.
pub fn shortlist<T>(items: Vec<T>, keep: usize, picked: impl Fn(&T) -> bool) -> (Vec<T>, usize) {
    if items.len() < keep + LEAST_HIDDEN {
        return (items, 0);
    }
    let total = items.len();
    let shown: Vec<T> = items
        .into_iter()
        .enumerate()
        .filter(|(index, item)| *index < keep || picked(item))
        .map(|(_, item)| item)
        .collect();
    let hidden = total - shown.len();
    (shown, hidden)
}

/// The fewest items worth a "Show all" button.
pub const LEAST_HIDDEN: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(n: usize) -> Vec<char> {
        ('a'..='z').take(n).collect()
    }

    #[test]
    fn keeps_the_first_items_and_counts_the_rest() {
        assert_eq!(
            shortlist(letters(10), 3, |_| false),
            (vec!['a', 'b', 'c'], 7)
        );
    }

    #[test]
    fn a_picked_item_past_the_cut_stays_in_its_place() {
        let (shown, hidden) = shortlist(letters(10), 3, |c| matches!(c, 'b' | 'f' | 'j'));
        assert_eq!(shown, vec!['a', 'b', 'c', 'f', 'j']);
        assert_eq!(hidden, 5);
    }

    #[test]
    fn keeping_none_shows_only_what_is_picked() {
        assert_eq!(shortlist(letters(5), 0, |c| *c == 'd'), (vec!['d'], 4));
        assert_eq!(shortlist(letters(5), 0, |_| false), (vec![], 5));
    }

    #[test]
    fn a_list_barely_longer_than_the_cut_is_shown_whole() {
        assert_eq!(shortlist(letters(4), 3, |_| false), (letters(4), 0));
        assert_eq!(shortlist(letters(5), 3, |_| false), (letters(3), 2));
        assert_eq!(shortlist(letters(1), 0, |_| false), (letters(1), 0));
    }
}
