//! Sorted tables kept as one text: a line an entry, `key` then a tab then
//! its value, sorted by key (bytewise, which compresses best). A table costs
//! its text only in the bundle (no parallel arrays, which compress badly).
//! Its index of lines is built the first time it is searched, sorted by the
//! key's length, then bytewise, so that each step of a lookup's binary search
//! compares lengths, and bytes only of keys as long as the word (about 5%
//! of a whole check's time).

use std::sync::OnceLock;

/// A sorted table's text and, once searched, its (key, value) lines.
pub struct Table {
    text: &'static str,
    lines: OnceLock<Vec<(&'static str, &'static str)>>,
}

impl Table {
    pub const fn new(text: &'static str) -> Table {
        Table {
            text,
            lines: OnceLock::new(),
        }
    }

    /// The (key, value) lines, split from the text on first use.
    fn lines(&self) -> &[(&'static str, &'static str)] {
        self.lines.get_or_init(|| {
            let split = |line: &'static str| line.split_once('\t').unwrap_or((line, ""));
            let lines: Vec<_> = self.text.lines().map(split).collect();
            // Stable: the text's bytewise order stays within each length.
            crate::sort::sorted_by(&lines, &|a, b| a.0.len().cmp(&b.0.len()))
        })
    }

    /// The lines from the first whose key is not before `key` on.
    fn from(&self, key: &str) -> &[(&'static str, &'static str)] {
        let lines = self.lines();
        &lines[lines.partition_point(|&(k, _)| before(k, key))..]
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
        self.from(key).first().copied().filter(|&(k, _)| k == key)
    }

    /// True when a line's key is `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every line as (key, value), shorter keys first.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.lines().iter().copied()
    }
}

/// The table's order: shorter keys first, then bytewise.
fn before(k: &str, key: &str) -> bool {
    (k.len(), k) < (key.len(), key)
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
