//! One stable sort for the whole crate.
//!
//! Why: Rust's sort is generic, so each element type and each comparator
//! brings its own copy of the merge sort into the wasm (some 800 bytes each,
//! and the crate sorted in a dozen places). Every stable sort here orders
//! positions (`usize`) through one comparator type, so the widget carries
//! one copy; callers that sort values put them in the order found.

use std::cmp::Ordering;

/// Sorts `positions` stably by `compare`.
pub fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| compare(a, b));
}

/// The positions `0..len`, stably in the order `compare` gives.
pub fn order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    sort_positions(&mut positions, compare);
    positions
}

/// `values`, copied stably in the order `compare` gives.
pub fn sorted_by<T: Copy>(values: &[T], compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    order(values.len(), &|a, b| compare(&values[a], &values[b]))
        .into_iter()
        .map(|i| values[i])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_stably() {
        let keys = [3, 1, 2, 1, 3];
        assert_eq!(order(5, &|a, b| keys[a].cmp(&keys[b])), [1, 3, 2, 0, 4]);
        let mut some = vec![4, 0, 2];
        sort_positions(&mut some, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(some, [2, 4, 0]);
    }
}
