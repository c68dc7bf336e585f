//! Groups from scored pairs: average linkage under cannot-links.
//!
//! Why not connected components: one wrong link would chain two quantities
//! together, and every figure linked to either. Average linkage merges two
//! groups only when their members are, on average over every pair across them,
//! likely one quantity (a pair not scored counts as unlikely), and never when
//! any pair across them is cannot-linked. Merges go best first, so the
//! result does not depend on the order of the reports.

use std::collections::{BinaryHeap, HashMap};

/// A scored pair: the indices of two items, and either the probability that
/// they are one quantity or `None` when they cannot be.
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: Option<f64>,
}

/// Between two groups: the sum of their pairs' scores, and whether any pair
/// is cannot-linked.
#[derive(Clone, Copy, Default)]
struct Between {
    sum: f64,
    apart: bool,
}

/// A merge waiting in the heap: its average, and the two groups (each with
/// the version it had when the merge was computed, so stale entries are skipped).
#[derive(PartialEq)]
struct Candidate {
    average: f64,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Highest average first; ties to the lowest indices, so that the result
        // is deterministic.
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

/// Clusters `count` items from their scored pairs: each cluster is a list of
/// item indices, in order. Two clusters merge while the average score of the
/// pairs across them (unscored pairs count 0) is at least `threshold` and no
/// pair across them is cannot-linked.
pub fn average_linkage(count: usize, links: &[Link], threshold: f64) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..count).map(|i| vec![i]).collect();
    let mut between: Vec<HashMap<usize, Between>> = vec![HashMap::new(); count];
    for link in links {
        if link.a == link.b {
            continue;
        }
        for (from, to) in [(link.a, link.b), (link.b, link.a)] {
            let entry = between[from].entry(to).or_default();
            match link.score {
                Some(score) => entry.sum += score,
                None => entry.apart = true,
            }
        }
    }
    let mut version = vec![0u32; count];
    let mut alive = vec![true; count];
    let mut heap = BinaryHeap::new();
    let average = |sum: f64, a: usize, b: usize, members: &[Vec<usize>]| {
        sum / (members[a].len() * members[b].len()) as f64
    };
    for (a, links) in between.iter().enumerate() {
        for (&b, link) in links {
            if a < b && !link.apart && link.sum >= threshold {
                heap.push(Candidate {
                    average: link.sum,
                    a,
                    b,
                    versions: (0, 0),
                });
            }
        }
    }
    while let Some(Candidate { a, b, versions, .. }) = heap.pop() {
        if !alive[a] || !alive[b] || versions != (version[a], version[b]) {
            continue;
        }
        // Merge the smaller group into the larger; the larger keeps its index.
        let (keep, gone) = if members[a].len() >= members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        alive[gone] = false;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        members[keep].sort_unstable();
        version[keep] += 1;
        let gone_links = std::mem::take(&mut between[gone]);
        between[keep].remove(&gone);
        for (other, link) in gone_links {
            if other == keep || !alive[other] {
                continue;
            }
            between[other].remove(&gone);
            let merged = {
                let entry = between[keep].entry(other).or_default();
                entry.sum += link.sum;
                entry.apart |= link.apart;
                *entry
            };
            between[other].insert(keep, merged);
        }
        // The merged group's averages to its neighbours have changed.
        for (&other, link) in &between[keep] {
            if !alive[other] || link.apart {
                continue;
            }
            let avg = average(link.sum, keep, other, &members);
            if avg >= threshold {
                let (x, y) = (keep.min(other), keep.max(other));
                heap.push(Candidate {
                    average: avg,
                    a: x,
                    b: y,
                    versions: (version[x], version[y]),
                });
            }
        }
    }
    let mut clusters: Vec<Vec<usize>> = members
        .into_iter()
        .zip(alive)
        .filter(|(m, alive)| *alive && !m.is_empty())
        .map(|(m, _)| m)
        .collect();
    clusters.sort_by_key(|c| c[0]);
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, score: Option<f64>) -> Link {
        Link { a, b, score }
    }

    #[test]
    fn merges_by_average_and_respects_cannot_links() {
        // 0-1 and 1-2 are likely, 0-2 cannot be: no chain from 0 to 2.
        let links = [
            link(0, 1, Some(0.9)),
            link(1, 2, Some(0.8)),
            link(0, 2, None),
        ];
        let clusters = average_linkage(3, &links, 0.5);
        assert_eq!(clusters, vec![vec![0, 1], vec![2]]);
        // One strong link and a missing pair: the average of {0,1} with 2 is
        // (0.9 + 0) / 2 = 0.45, under the threshold.
        let links = [link(0, 1, Some(0.95)), link(1, 2, Some(0.9))];
        assert_eq!(average_linkage(3, &links, 0.5), vec![vec![0, 1], vec![2]]);
        assert_eq!(average_linkage(3, &links, 0.4), vec![vec![0, 1, 2]]);
    }
}
