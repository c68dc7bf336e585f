//! A manifest gives each report file its name and publication date: a table
//! whose header names the columns `file`, `name` (or `outlet …`) and `date`, in
//! any order (more columns, such as a URL, are ignored). It is a CSV file, or a
//! Markdown pipe table (a `.md` file; the real-news corpus's `SOURCES.md` is one):
//!
//! ```text
//! file,name,date
//! reuters.txt,Reuters,2025-04-11 09:30
//! "ap, update.txt","AP News (14:30)",2025-04-11T14:30
//! ```
//!
//! Paths are relative to the manifest's folder. A bad entry (no such file, a
//! date that is not a calendar date, a name used twice) gets one message naming
//! its line; a bad date or a repeated name still checks the report (without the
//! date, or under its file name), a missing file is left out. Native only: it
//! reads files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One report of a manifest: where its text is, its name and its date as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub name: String,
    pub date: Option<String>,
}

/// A manifest entry (or the manifest itself) that cannot be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    /// `<manifest> line <n> (<file>)`, or the manifest's path.
    pub entry: String,
    pub message: String,
}

/// The entries of a manifest, and a message for each bad one.
pub fn read(path: &Path) -> (Vec<Entry>, Vec<EntryError>) {
    let label = shown(&path.to_string_lossy());
    let fail = |message: &str| {
        let error = EntryError {
            entry: label.clone(),
            message: message.to_string(),
        };
        (Vec::new(), vec![error])
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return fail(&format!("cannot read the manifest: {e}")),
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let rows = if markdown {
        table_rows(&text)
    } else {
        records(&text)
    };
    let mut rows = rows.into_iter();
    let header = rows.next().map(|(_, header)| header).unwrap_or_default();
    let column = |wanted: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim().to_ascii_lowercase();
            wanted
                .iter()
                .any(|w| h == *w || (*w == "outlet" && h.starts_with("outlet")))
        })
    };
    let (Some(file_at), Some(name_at), Some(date_at)) = (
        column(&["file"]),
        column(&["name", "outlet"]),
        column(&["date"]),
    ) else {
        return fail("the manifest's first row must name the columns file, name and date");
    };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut names = HashSet::new();
    for (line, fields) in rows {
        let field = |k: usize| fields.get(k).map_or("", |f| f.trim());
        let (file, name, date) = (field(file_at), field(name_at), field(date_at));
        let mut complain = |message: String| {
            errors.push(EntryError {
                entry: format!("{label} line {line} ({})", shown(file)),
                message,
            })
        };
        if file.is_empty() {
            complain("names no file".into());
            continue;
        }
        let full = folder.join(file);
        if !full.exists() {
            complain("no such file; the entry is left out".into());
            continue;
        }
        let date = if date.is_empty() {
            None
        } else if crate::Published::parse(date).is_some() {
            Some(date.to_string())
        } else {
            complain(format!(
                "date {} is not a calendar date (YYYY-MM-DD or YYYY-MM-DD HH:MM); the report is checked without it",
                shown(date)
            ));
            None
        };
        let mut name = if name.is_empty() { file } else { name }.to_string();
        if !names.insert(name.clone()) {
            complain(format!(
                "the name {} is used twice; this report is checked as {}",
                shown(&name),
                shown(file)
            ));
            name = file.to_string();
            names.insert(name.clone());
        }
        entries.push(Entry {
            path: full,
            name,
            date,
        });
    }
    (entries, errors)
}

/// A name as it goes into a one-line message: control characters (a newline
/// in a file name) escaped, so that each message stays one line.
pub fn shown(name: &str) -> String {
    if name.chars().any(char::is_control) {
        name.escape_default().to_string()
    } else {
        name.to_string()
    }
}

/// The rows of the first Markdown pipe table in `text`, header first, each
/// with its line number; the `|---|` rule under the header is skipped.
fn table_rows(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if !line.starts_with('|') {
            if rows.is_empty() {
                continue;
            }
            break;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
        let rule = cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')));
        if !rule {
            rows.push((n + 1, cells));
        }
    }
    rows
}

/// The CSV records of `text` (RFC 4180: fields in double quotes may hold
/// commas, newlines and doubled quotes), each with the line it starts on.
/// Blank lines are skipped.
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut start_line) = (1, 1);
    let mut quoted = false;
    let mut chars = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                end_record(&mut records, &mut fields, start_line);
                line += 1;
                start_line = line;
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            c => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    fields.push(field);
    end_record(&mut records, &mut fields, start_line);
    records
}

fn end_record(records: &mut Vec<(usize, Vec<String>)>, fields: &mut Vec<String>, line: usize) {
    let record = std::mem::take(fields);
    if record.iter().any(|f| !f.trim().is_empty()) {
        records.push((line, record));
    }
}

#[cfg(test)]
mod tests {
    use super::records;

    #[test]
    fn csv_fields_quotes_and_lines() {
        let rows = records("file,name,date\r\n\n\"a, b.txt\",\"AP \"\"live\"\"\",2025-04-11\nc.txt,\"two\nlines\",\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1],
            (
                3,
                vec!["a, b.txt".into(), "AP \"live\"".into(), "2025-04-11".into()]
            )
        );
        assert_eq!(rows[2].0, 4);
        assert_eq!(rows[2].1[1], "two\nlines");
    }
}
