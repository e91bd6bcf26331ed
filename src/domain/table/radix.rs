//! Stable radix sorts of row indices by integer keys.
//!
//! Each pass counts one byte of every row's key and scatters the 4-byte row
//! indices by it, where a comparison sort of 100,000 rows makes 1.7 million
//! comparisons and moves every row's keys around with them. A byte that
//! every key shares takes no pass, so ranks and small numbers sort in one
//! to three, and no key sorts in more than eight.

const BYTES: usize = u64::BITS as usize / 8;

/// Sorts `rows`, indices into `keys`, by their keys, ascending; rows with
/// equal keys keep their order among themselves.
pub(super) fn sort_rows_by_key(rows: &mut Vec<u32>, keys: &[u64]) {
    let key = |row: u32| keys[row as usize];
    let mut counts = [[0u32; 256]; BYTES];
    for &row in rows.iter() {
        for (byte, counts) in counts.iter_mut().enumerate() {
            counts[digit(key(row), byte)] += 1;
        }
    }
    let mut scattered = vec![0; rows.len()];
    for (byte, counts) in counts.iter().enumerate() {
        if counts.iter().any(|&count| count as usize == rows.len()) {
            continue;
        }
        let mut next = [0u32; 256];
        let mut total = 0;
        for (next, &count) in next.iter_mut().zip(counts) {
            *next = total;
            total += count;
        }
        for &row in rows.iter() {
            let slot = &mut next[digit(key(row), byte)];
            scattered[*slot as usize] = row;
            *slot += 1;
        }
        std::mem::swap(rows, &mut scattered);
    }
}

/// Moves the rows for which `last` holds after the others; both keep their order.
pub(super) fn move_last(rows: &mut Vec<u32>, last: impl Fn(u32) -> bool) {
    if rows.iter().any(|&row| last(row)) {
        let (mut first, then): (Vec<u32>, Vec<u32>) = rows.iter().partition(|&&row| !last(row));
        first.extend(then);
        *rows = first;
    }
}

/// Byte `byte` of `key`, the least significant first.
fn digit(key: u64, byte: usize) -> usize {
    (key >> (byte * 8)) as u8 as usize
}
