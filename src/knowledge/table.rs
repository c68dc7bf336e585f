//! Sorted tables kept as one text: a line an entry, `key` then a tab then
//! its value, sorted by key (bytewise, which compresses best). A table costs
//! its text only in the bundle (no parallel arrays, which compress badly).
//! The first lookup splits the text into lines (shorter keys first, then
//! bytewise) and indexes each key's first line in an open-addressing hash
//! table, so a lookup hashes the word once and most take one probe (a binary
//! search's string comparisons were an eighth of reading's time).

use std::sync::OnceLock;

/// A sorted table's text and, once searched, its lines and their index.
pub struct Table {
    text: &'static str,
    index: OnceLock<Index>,
}

/// The (key, value) lines, and `slots`: for each key, the position of its
/// first line, at the slot its hash picks or the next free one; `EMPTY` where
/// no key is. Its length is a power of two at least twice the keys.
struct Index {
    lines: Vec<(&'static str, &'static str)>,
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Table {
    pub const fn new(text: &'static str) -> Table {
        Table {
            text,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self.text))
    }

    /// The lines from the first whose key is `key` on (empty when none is).
    fn from(&self, key: &str) -> &[(&'static str, &'static str)] {
        let index = self.index();
        let mask = index.slots.len() - 1;
        let mut slot = hash(key) & mask;
        loop {
            match index.slots[slot] {
                EMPTY => return &[],
                line if index.lines[line as usize].0 == key => {
                    return &index.lines[line as usize..];
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The values of the lines whose key is `key`, in the text's order.
    pub fn values<'t>(&'t self, key: &'t str) -> impl Iterator<Item = &'static str> + 't {
        self.from(key)
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, value)| value)
    }

    /// The first line whose key is `key`, as the table's own (key, value).
    pub fn get(&self, key: &str) -> Option<(&'static str, &'static str)> {
        self.from(key).first().copied()
    }

    /// True when a line's key is `key`.
    pub fn contains(&self, key: &str) -> bool {
        !self.from(key).is_empty()
    }

    /// Every line as (key, value), shorter keys first.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.index().lines.iter().copied()
    }
}

impl Index {
    fn build(text: &'static str) -> Index {
        let split = |line: &'static str| line.split_once('\t').unwrap_or((line, ""));
        let lines: Vec<_> = text.lines().map(split).collect();
        // Stable: the text's bytewise order stays within each length, so a
        // key's lines stay together.
        let lines = crate::sort::sorted_by(&lines, &|a, b| a.0.len().cmp(&b.0.len()));
        let mut slots = vec![EMPTY; (2 * lines.len()).next_power_of_two().max(1)];
        let mask = slots.len() - 1;
        for (position, &(key, _)) in lines.iter().enumerate() {
            if position > 0 && lines[position - 1].0 == key {
                continue;
            }
            let mut slot = hash(key) & mask;
            while slots[slot] != EMPTY {
                slot = (slot + 1) & mask;
            }
            slots[slot] = position as u32;
        }
        Index { lines, slots }
    }
}

/// FNV-1a over the key's bytes, its high bits folded in.
fn hash(key: &str) -> usize {
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    (hash ^ (hash >> 32)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_only_its_lines() {
        let table = Table::new("apple\t1\nbanana\t2\nbanana\t3\ncherry\t4\nfig\t5\n");
        let find = |k: &'static str| table.values(k).collect::<Vec<_>>();
        assert_eq!(find("apple"), ["1"]);
        assert_eq!(find("banana"), ["2", "3"]);
        assert_eq!(find("cherry"), ["4"]);
        assert_eq!(find("fig"), ["5"]);
        for missing in ["", "a", "apples", "blueberry", "date", "zebra"] {
            assert!(find(missing).is_empty(), "{missing}");
        }
        assert_eq!(table.get("banana"), Some(("banana", "2")));
        assert!(table.contains("fig") && !table.contains("figs") && !table.contains(""));
        assert_eq!(Table::new("").values("x").count(), 0);
        assert_eq!(Table::new("").get("x"), None);
        assert_eq!(table.entries().count(), 5);
    }
}
