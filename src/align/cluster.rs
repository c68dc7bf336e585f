//! Groups from scored pairs: average linkage under cannot-links.
//!
//! Why not connected components: one wrong link would chain two quantities
//! together, and every figure linked to either. Average linkage merges two
//! groups only when their members are, on average over every pair across them,
//! likely one quantity (a pair not scored counts as unlikely), and never when
//! any pair across them is cannot-linked. Merges go best first, so the
//! result does not depend on the order of the reports.
//!
//! How: the nearest-neighbour chain. Follow each group to its best neighbour
//! until two groups are each other's best, and merge them. Average linkage is
//! reducible (a merged group is never more alike to a third than the more alike
//! of its parts was), so this makes the same merges as always merging the best
//! pair of the whole page first, but it never searches the whole page: each
//! step scans one group's neighbours. A page's groups have few neighbours each
//! (past a few hundred claims of one dimension, alignment compares a claim
//! with its neighbours in publication order), so the cost stays near-linear
//! even when thousands of claims form one group.

/// The most neighbours a group keeps in a sorted vector; a group with more
/// gets a hash table (a vector's insertions would cost as much as its length).
const FEW: usize = 256;

/// A group's neighbours: each with the sum of the scores of the pairs across,
/// or [`APART`] when any pair across is cannot-linked (every score is finite,
/// so the mark survives any sum). Sorted by neighbour while few.
enum Neighbours {
    Few(Vec<Entry>),
    Many(IndexTable),
}

/// A neighbour and the sum across to it, in 12 bytes: the most the clustering
/// holds is these, two for every compared pair. The sum is a double (in
/// single precision, which groups merge changes on a page of many alike
/// figures), kept in two halves so that the entry is not padded to 16.
#[derive(Clone, Copy)]
struct Entry {
    key: u32,
    sum: [u32; 2],
}

impl Entry {
    fn new(key: u32, sum: f64) -> Entry {
        let bits = sum.to_bits();
        Entry {
            key,
            sum: [bits as u32, (bits >> 32) as u32],
        }
    }

    fn sum(self) -> f64 {
        f64::from_bits(u64::from(self.sum[0]) | u64::from(self.sum[1]) << 32)
    }
}

/// The sum across two groups when a pair across them is cannot-linked.
const APART: f64 = f64::NEG_INFINITY;

impl Default for Neighbours {
    fn default() -> Self {
        Neighbours::Few(Vec::new())
    }
}

impl Neighbours {
    fn iter(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        let entries = match self {
            Neighbours::Few(few) => few.as_slice(),
            Neighbours::Many(m) => m.slots.as_slice(),
        };
        entries
            .iter()
            .filter(|e| e.key < GONE)
            .map(|e| (e.key as usize, e.sum()))
    }

    fn remove(&mut self, key: usize) -> Option<f64> {
        match self {
            Neighbours::Few(few) => {
                let at = few.binary_search_by_key(&(key as u32), |e| e.key).ok()?;
                Some(few.remove(at).sum())
            }
            Neighbours::Many(m) => m.remove(key as u32),
        }
    }

    fn get(&self, key: usize) -> Option<f64> {
        match self {
            Neighbours::Few(few) => few
                .binary_search_by_key(&(key as u32), |e| e.key)
                .ok()
                .map(|at| few[at].sum()),
            Neighbours::Many(m) => m.get(key as u32),
        }
    }

    /// Sets the sum across to `key`.
    fn set(&mut self, key: usize, sum: f64) {
        match self {
            Neighbours::Few(few) => match few.binary_search_by_key(&(key as u32), |e| e.key) {
                Ok(at) => few[at] = Entry::new(key as u32, sum),
                Err(at) => {
                    few.insert(at, Entry::new(key as u32, sum));
                    if few.len() > FEW {
                        let mut many = IndexTable::with_capacity(few.len());
                        for e in few.iter() {
                            many.set(e.key, e.sum());
                        }
                        *self = Neighbours::Many(many);
                    }
                }
            },
            Neighbours::Many(m) => m.set(key as u32, sum),
        }
    }

    /// Adds `sum` to the sum across to `key` (from 0 when there was none) and
    /// returns the new sum.
    fn add(&mut self, key: usize, sum: f64) -> f64 {
        let merged = self.get(key).unwrap_or(0.0) + sum;
        self.set(key, merged);
        merged
    }
}

/// A hash table from group indices to sums, by open addressing: a slot
/// holds a key, [`EMPTY`] or [`GONE`] (a removed key, which a search passes
/// over), and the table grows to keep at most half its slots used. A few
/// lines of its own rather than std's `HashMap`, which costs the widget
/// about 2 KB of wasm (indices are no attacker's to choose, so a
/// multiplication hashes them).
struct IndexTable {
    slots: Vec<Entry>,
    /// Slots that hold a key or [`GONE`].
    used: usize,
}

const EMPTY: u32 = u32::MAX;
const GONE: u32 = u32::MAX - 1;

impl IndexTable {
    fn with_capacity(count: usize) -> IndexTable {
        let slots = (2 * count).next_power_of_two().max(8);
        IndexTable {
            slots: vec![Entry::new(EMPTY, 0.0); slots],
            used: 0,
        }
    }

    /// The slot holding `key`, or the slot to put it in.
    fn slot(&self, key: u32) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        let mut free = None;
        loop {
            match self.slots[slot].key {
                k if k == key => return Ok(slot),
                EMPTY => return Err(free.unwrap_or(slot)),
                GONE => free = free.or(Some(slot)),
                _ => {}
            }
            slot = (slot + 1) & mask;
        }
    }

    fn get(&self, key: u32) -> Option<f64> {
        self.slot(key).ok().map(|slot| self.slots[slot].sum())
    }

    fn set(&mut self, key: u32, sum: f64) {
        match self.slot(key) {
            Ok(slot) => self.slots[slot] = Entry::new(key, sum),
            Err(slot) => {
                if self.slots[slot].key == EMPTY {
                    self.used += 1;
                }
                self.slots[slot] = Entry::new(key, sum);
                if 2 * self.used > self.slots.len() {
                    self.rehash();
                }
            }
        }
    }

    fn remove(&mut self, key: u32) -> Option<f64> {
        let slot = self.slot(key).ok()?;
        self.slots[slot].key = GONE;
        Some(self.slots[slot].sum())
    }

    fn iter(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.slots
            .iter()
            .filter(|e| e.key < GONE)
            .map(|e| (e.key, e.sum()))
    }

    /// Into a table twice the size of its keys, without the removed ones.
    fn rehash(&mut self) {
        let live: Vec<(u32, f64)> = self.iter().collect();
        *self = IndexTable::with_capacity(live.len().max(self.slots.len() / 2));
        for (key, sum) in live {
            self.set(key, sum);
        }
    }
}

/// A scored pair: the indices of two items, and either the probability that
/// they are one quantity or `None` when they cannot be.
#[derive(Clone, Copy)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: Option<f32>,
}

/// A cluster of items, and how likely its members are one quantity: the
/// average score of the pairs within it (1 for a single item).
pub struct Cluster {
    pub members: Vec<usize>,
    pub confidence: f64,
}

/// No item: the end of a group's list of members.
const END: u32 = u32::MAX;

/// The state of the merging. Group `i` starts as item `i` alone and keeps its
/// index while it absorbs others, so item `i` heads its list of members
/// (linked through `next`); a group that merged into another has size 0.
pub struct Groups {
    next: Vec<u32>,
    last: Vec<u32>,
    size: Vec<u32>,
    between: Vec<Neighbours>,
    /// Sum of the scores of the pairs within each group.
    within: Vec<f64>,
}

impl Groups {
    /// `count` groups of one item each, and the sums across them from
    /// `links` (read twice: once to count each item's neighbours, so that
    /// every list is allocated once at its size). The links may be dropped
    /// before [`Groups::clusters`]: the groups keep all they need.
    pub fn new<I>(count: usize, links: I) -> Groups
    where
        I: Iterator<Item = Link> + Clone,
    {
        let mut degree = vec![0u32; count];
        for link in links.clone().filter(|l| l.a != l.b) {
            degree[link.a] += 1;
            degree[link.b] += 1;
        }
        let mut between: Vec<Neighbours> = degree
            .iter()
            .map(|&d| {
                let d = d as usize;
                if d > FEW {
                    Neighbours::Many(IndexTable::with_capacity(d))
                } else {
                    Neighbours::Few(Vec::with_capacity(d))
                }
            })
            .collect();
        drop(degree);
        for link in links.filter(|l| l.a != l.b) {
            let score = link.score.map_or(APART, f64::from);
            for (from, to) in [(link.a, link.b), (link.b, link.a)] {
                match &mut between[from] {
                    // Sorted and summed below, in the order of the links.
                    Neighbours::Few(few) => few.push(Entry::new(to as u32, score)),
                    Neighbours::Many(m) => {
                        let sum = m.get(to as u32).unwrap_or(0.0) + score;
                        m.set(to as u32, sum);
                    }
                }
            }
        }
        for neighbours in &mut between {
            if let Neighbours::Few(few) = neighbours {
                if few.windows(2).all(|w| w[0].key < w[1].key) {
                    // In order and each once already, as a block of all
                    // pairs gives them.
                    continue;
                }
                // Stable: a pair given twice sums in the order of the links.
                let order = crate::sort::order(few.len(), &|a, b| few[a].key.cmp(&few[b].key));
                let mut summed: Vec<Entry> = Vec::with_capacity(few.len());
                for n in order {
                    let Entry { key, .. } = few[n];
                    match summed.last_mut() {
                        Some(last) if last.key == key => {
                            *last = Entry::new(key, last.sum() + few[n].sum())
                        }
                        _ => summed.push(Entry::new(key, 0.0 + few[n].sum())),
                    }
                }
                summed.shrink_to_fit();
                *few = summed;
            }
        }
        Groups {
            next: vec![END; count],
            last: (0..count as u32).collect(),
            size: vec![1; count],
            between,
            within: vec![0.0; count],
        }
    }

    fn alive(&self, group: usize) -> bool {
        self.size[group] > 0
    }

    fn average(&self, a: usize, b: usize, sum: f64) -> f64 {
        sum / (f64::from(self.size[a]) * f64::from(self.size[b]))
    }

    /// Group `a`'s best neighbour at or above the threshold, if it has one
    /// (a tie to the lowest index, so that chains end).
    fn best(&self, a: usize, threshold: f64) -> Option<usize> {
        self.between[a]
            .iter()
            .filter(|&(b, sum)| self.alive(b) && sum != APART)
            .map(|(b, sum)| (self.average(a, b, sum), b))
            .filter(|&(average, _)| average >= threshold)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
            .map(|(_, b)| b)
    }

    /// Merges group `gone` into `keep`.
    fn merge(&mut self, keep: usize, gone: usize) {
        self.next[self.last[keep] as usize] = gone as u32;
        self.last[keep] = self.last[gone];
        self.size[keep] += self.size[gone];
        self.size[gone] = 0;
        let across = self.between[keep].remove(gone).unwrap_or(0.0);
        self.within[keep] += self.within[gone] + across;
        let neighbours = std::mem::take(&mut self.between[gone]);
        for (other, sum) in neighbours.iter() {
            if other == keep || !self.alive(other) {
                continue;
            }
            self.between[other].remove(gone);
            let merged = self.between[keep].add(other, sum);
            self.between[other].set(keep, merged);
        }
    }

    /// Group `group`'s members, in order.
    fn members(&self, group: usize) -> Vec<usize> {
        let mut members = Vec::with_capacity(self.size[group] as usize);
        let mut item = group as u32;
        while item != END {
            members.push(item as usize);
            item = self.next[item as usize];
        }
        crate::sort::sort_positions(&mut members, &|a, b| a.cmp(&b));
        members
    }
}

/// Clusters `count` items from their scored pairs, in order of their first
/// member. Two clusters merge while the average score of the pairs across them
/// (unscored pairs count 0) is at least `threshold` and no pair across them is
/// cannot-linked.
pub fn average_linkage(count: usize, links: &[Link], threshold: f64) -> Vec<Cluster> {
    Groups::new(count, links.iter().copied()).clusters(threshold)
}

impl Groups {
    /// Merges the groups by average linkage (see [`average_linkage`]).
    pub fn clusters(mut self, threshold: f64) -> Vec<Cluster> {
        let count = self.size.len();
        let groups = &mut self;
        // Groups to start a chain from (a merged group goes back on it), and the
        // groups with no neighbour to merge with: reducibility keeps them so.
        let mut starts: Vec<usize> = (0..count).rev().collect();
        let mut done = vec![false; count];
        let mut chain: Vec<usize> = Vec::new();
        loop {
            let Some(&group) = chain.last() else {
                match starts.pop() {
                    Some(start) if groups.alive(start) && !done[start] => chain.push(start),
                    Some(_) => {}
                    None => break,
                }
                continue;
            };
            match groups.best(group, threshold) {
                None => {
                    done[group] = true;
                    chain.pop();
                }
                Some(best) if chain.len() >= 2 && chain[chain.len() - 2] == best => {
                    chain.truncate(chain.len() - 2);
                    // Merge the smaller group into the larger; the larger keeps its index.
                    let (keep, gone) = if groups.size[group] >= groups.size[best] {
                        (group, best)
                    } else {
                        (best, group)
                    };
                    groups.merge(keep, gone);
                    starts.push(keep);
                }
                Some(best) => chain.push(best),
            }
        }
        groups.between = Vec::new();
        // The groups by their first member.
        let lowest_member = |group: usize| {
            let mut lowest = group as u32;
            let mut item = groups.next[group];
            while item != END {
                lowest = lowest.min(item);
                item = groups.next[item as usize];
            }
            lowest
        };
        let mut alive: Vec<usize> = (0..count).filter(|&i| groups.alive(i)).collect();
        let firsts: Vec<u32> = (0..count)
            .map(|i| {
                if groups.alive(i) {
                    lowest_member(i)
                } else {
                    END
                }
            })
            .collect();
        crate::sort::sort_positions(&mut alive, &|a, b| firsts[a].cmp(&firsts[b]));
        alive
            .into_iter()
            .map(|i| {
                let n = f64::from(groups.size[i]);
                let pairs = n * (n - 1.0) / 2.0;
                Cluster {
                    confidence: if pairs > 0.0 {
                        groups.within[i] / pairs
                    } else {
                        1.0
                    },
                    members: groups.members(i),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, score: Option<f32>) -> Link {
        Link { a, b, score }
    }

    fn members(clusters: Vec<Cluster>) -> Vec<Vec<usize>> {
        clusters.into_iter().map(|c| c.members).collect()
    }

    #[test]
    fn merges_by_average_and_respects_cannot_links() {
        // 0-1 and 1-2 are likely, 0-2 cannot be: no chain from 0 to 2.
        let links = [
            link(0, 1, Some(0.9)),
            link(1, 2, Some(0.8)),
            link(0, 2, None),
        ];
        assert_eq!(
            members(average_linkage(3, &links, 0.5)),
            vec![vec![0, 1], vec![2]]
        );
        // One strong link and a missing pair: the average of {0,1} with 2 is
        // (0.9 + 0) / 2 = 0.45, under the threshold.
        let links = [link(0, 1, Some(0.95)), link(1, 2, Some(0.9))];
        assert_eq!(
            members(average_linkage(3, &links, 0.5)),
            vec![vec![0, 1], vec![2]]
        );
        let all = average_linkage(3, &links, 0.4);
        assert_eq!(all[0].members, vec![0, 1, 2]);
        // Confidence: (0.95 + 0.9 + 0) / 3 pairs.
        assert!((all[0].confidence - (0.95f32 as f64 + 0.9f32 as f64) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn a_best_neighbour_that_merges_elsewhere_is_found_again() {
        // 2's best is 1 (0.8), but 0-1 (0.9) merges first; then 2 joins {0,1}
        // only if its average with both reaches the threshold: (0.8 + 0.7) / 2.
        let links = [
            link(0, 1, Some(0.9)),
            link(1, 2, Some(0.8)),
            link(0, 2, Some(0.7)),
        ];
        assert_eq!(
            members(average_linkage(3, &links, 0.75)),
            vec![vec![0, 1, 2]]
        );
        assert_eq!(
            members(average_linkage(3, &links, 0.76)),
            vec![vec![0, 1], vec![2]]
        );
    }

    #[test]
    fn one_long_chain_of_equal_links_merges_in_near_linear_time() {
        // Every item linked to its 48 successors, as alignment's windows do.
        let n = 20_000;
        let links: Vec<Link> = (0..n)
            .flat_map(|a| (a + 1..(a + 49).min(n)).map(move |b| link(a, b, Some(0.99))))
            .collect();
        let threshold = 0.3;
        let clusters = average_linkage(n, &links, threshold);
        // Every item in one cluster; a merged cluster's pairs average at least
        // the threshold (each merge's did, and so did each part's).
        assert_eq!(clusters.iter().map(|c| c.members.len()).sum::<usize>(), n);
        assert!(clusters.iter().any(|c| c.members.len() > 48));
        for c in clusters.iter().filter(|c| c.members.len() > 1) {
            assert!(c.confidence >= threshold - 1e-9, "{}", c.confidence);
        }
    }

    #[test]
    fn the_index_table_keeps_what_a_map_keeps() {
        // Random sets, removals and lookups over few keys (many collide and
        // are removed and set again), against a BTreeMap.
        let mut table = IndexTable::with_capacity(4);
        let mut map = std::collections::BTreeMap::new();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for step in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let key = (state % 1_000) as u32;
            match state >> 60 {
                0..=7 => {
                    let sum = step as f64;
                    table.set(key, sum);
                    map.insert(key, sum);
                }
                8..=11 => assert_eq!(table.remove(key), map.remove(&key)),
                _ => assert_eq!(table.get(key), map.get(&key).copied()),
            }
        }
        let mut all: Vec<(u32, f64)> = table.iter().collect();
        all.sort_by_key(|&(k, _)| k);
        assert_eq!(all, map.into_iter().collect::<Vec<_>>());
        assert!(2 * table.used <= table.slots.len());
    }
}
