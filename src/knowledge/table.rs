//! Sorted tables kept as one text: a line an entry, `key` then a tab then
//! its value, sorted by key (bytewise), searched in place. A table costs its
//! text only: no index of offsets, no parallel arrays (which compress badly).

/// The values of the lines of `table` whose key is `key`, in table order.
pub fn values<'t>(table: &'t str, key: &'t str) -> impl Iterator<Item = &'t str> + 't {
    let bytes = table.as_bytes();
    // Binary search over byte positions for the first line whose key is not
    // less than `key`: `low` is always the start of a line.
    let (mut low, mut high) = (0, bytes.len());
    while low < high {
        let mid = low + (high - low) / 2;
        let start = bytes[low..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |i| low + i + 1);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        if key_of(&table[start..end]) < key {
            low = end + 1;
        } else {
            high = start;
        }
    }
    table
        .get(low..)
        .unwrap_or("")
        .lines()
        .take_while(move |line| key_of(line) == key)
        .map(|line| line.split_once('\t').map_or("", |(_, value)| value))
}

/// Every line of a table as (key, value).
pub fn entries(table: &str) -> impl Iterator<Item = (&str, &str)> {
    table
        .lines()
        .map(|line| line.split_once('\t').unwrap_or((line, "")))
}

fn key_of(line: &str) -> &str {
    line.split_once('\t').map_or(line, |(key, _)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_only_its_lines() {
        let table = "apple\t1\nbanana\t2\nbanana\t3\ncherry\t4\nfig\t5\n";
        let find = |k: &'static str| values(table, k).collect::<Vec<_>>();
        assert_eq!(find("apple"), ["1"]);
        assert_eq!(find("banana"), ["2", "3"]);
        assert_eq!(find("cherry"), ["4"]);
        assert_eq!(find("fig"), ["5"]);
        for missing in ["", "a", "apples", "blueberry", "date", "zebra"] {
            assert!(find(missing).is_empty(), "{missing}");
        }
        assert_eq!(values("", "x").count(), 0);
        assert_eq!(entries(table).count(), 5);
    }
}
