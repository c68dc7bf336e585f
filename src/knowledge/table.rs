//! Sorted tables kept as one text: a line an entry, `key` then a tab then
//! its value, sorted by key (bytewise, which compresses best). A table costs
//! its text only in the bundle (no parallel arrays, which compress badly).
//! The first lookup indexes the text: an open-addressing hash table holds,
//! for each key, the byte offset of its first line (a key's lines are
//! consecutive, the text being sorted), so a lookup hashes the word once and
//! most take one probe (a binary search's string comparisons were an eighth
//! of reading's time).

use std::sync::OnceLock;

/// A sorted table's text and, once searched, its index.
pub struct Table {
    text: &'static str,
    /// For each key, the offset of its first line, at the slot its hash picks
    /// or the next free one; `EMPTY` where no key is. Its length is a power of
    /// two at least twice the lines.
    slots: OnceLock<Vec<u32>>,
}

const EMPTY: u32 = u32::MAX;

impl Table {
    pub const fn new(text: &'static str) -> Table {
        Table {
            text,
            slots: OnceLock::new(),
        }
    }

    /// The text from the first line whose key is `key` on ("" when none is).
    fn from(&self, key: &str) -> &'static str {
        let slots = self.slots.get_or_init(|| index(self.text));
        let mask = slots.len() - 1;
        let mut slot = hash(key) & mask;
        loop {
            match slots[slot] {
                EMPTY => return "",
                offset => {
                    let rest = &self.text[offset as usize..];
                    if starts_with_key(rest, key) {
                        return rest;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The values of the lines whose key is `key`, in the text's order.
    pub fn values<'t>(&'t self, key: &'t str) -> impl Iterator<Item = &'static str> + 't {
        let mut rest = self.from(key);
        std::iter::from_fn(move || {
            let (value, next) = value_after(rest, key)?;
            rest = next;
            Some(value)
        })
    }

    /// The first line whose key is `key`, as the table's own (key, value).
    pub fn get(&self, key: &str) -> Option<(&'static str, &'static str)> {
        let rest = self.from(key);
        value_after(rest, key).map(|(value, _)| (&rest[..key.len()], value))
    }

    /// True when a line's key is `key`.
    pub fn contains(&self, key: &str) -> bool {
        !self.from(key).is_empty()
    }

    /// Every line as (key, value), in the text's order.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        entries(self.text)
    }
}

/// The (key, value) lines of `text`.
fn entries(mut text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    std::iter::from_fn(move || {
        let key = key_of(text);
        let (value, rest) = value_after(text, key)?;
        text = rest;
        Some((key, value))
    })
}

/// True when the line `text` starts with has the key `key`.
fn starts_with_key(text: &str, key: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.starts_with(key.as_bytes())
        && matches!(bytes.get(key.len()), None | Some(b'\t' | b'\n'))
}

/// When the line `text` starts with has the key `key`: its value and the
/// text after the line.
fn value_after<'t>(text: &'t str, key: &str) -> Option<(&'t str, &'t str)> {
    if !starts_with_key(text, key) {
        return None;
    }
    let (line, rest) = first_line(text);
    Some((line.get(key.len() + 1..).unwrap_or(""), rest))
}

/// The first line of `text` (without its newline) and the text after it.
fn first_line(text: &str) -> (&str, &str) {
    match text.bytes().position(|b| b == b'\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    }
}

/// The key of the line `text` starts with.
fn key_of(text: &str) -> &str {
    let end = text.bytes().position(|b| b == b'\t' || b == b'\n');
    &text[..end.unwrap_or(text.len())]
}

/// The slots of `text`'s keys (see [`Table::slots`]).
fn index(text: &str) -> Vec<u32> {
    let mut slots = vec![EMPTY; (2 * text.lines().count()).next_power_of_two()];
    let mask = slots.len() - 1;
    let mut previous = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let key = key_of(line);
        if previous != Some(key) {
            let mut slot = hash(key) & mask;
            while slots[slot] != EMPTY {
                slot = (slot + 1) & mask;
            }
            slots[slot] = offset as u32;
        }
        previous = Some(key);
        offset += line.len();
    }
    slots
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
