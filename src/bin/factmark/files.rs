//! Report files from the command line or a manifest: read whole, capped, and
//! every failure turned into one line naming the file.

use factmark::Report;
use serde::Serialize;
use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;

/// A file or manifest entry that could not be read, and why.
#[derive(Serialize)]
pub struct FileError {
    pub file: String,
    pub message: String,
}

/// A report to read: where its text is, its name and publication date.
pub struct Source {
    pub path: PathBuf,
    pub name: String,
    pub date: Option<String>,
}

impl Source {
    /// A file named on the command line: its name is its path as given.
    pub fn from_path(path: &OsString) -> Source {
        Source {
            path: PathBuf::from(path),
            name: path.to_string_lossy().into_owned(),
            date: None,
        }
    }
}

pub use factmark::manifest::shown;

/// The entries of a manifest as sources, and a message for each bad entry.
pub fn from_manifest(path: &OsString) -> (Vec<Source>, Vec<FileError>) {
    let (entries, errors) = factmark::manifest::read(std::path::Path::new(path));
    let sources = entries
        .into_iter()
        .map(|e| Source {
            path: e.path,
            name: e.name,
            date: e.date,
        })
        .collect();
    let errors = errors
        .into_iter()
        .map(|e| FileError {
            file: e.entry,
            message: e.message,
        })
        .collect();
    (sources, errors)
}

/// Reads every source it can; the others get a message naming the file and the
/// reason. The same file given twice is read once. The paths are those of the
/// reports, in their order.
pub fn read_all(sources: Vec<Source>) -> (Vec<Report>, Vec<PathBuf>, Vec<FileError>) {
    let mut reports = Vec::with_capacity(sources.len());
    let mut paths = Vec::with_capacity(sources.len());
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for source in sources {
        let identity = std::fs::canonicalize(&source.path).unwrap_or(source.path.clone());
        if !seen.insert(identity) {
            continue;
        }
        match read_text(&source.path) {
            Ok(text) => {
                reports.push(Report {
                    name: source.name,
                    date: source.date,
                    text,
                });
                paths.push(source.path);
            }
            Err(message) => errors.push(FileError {
                file: shown(&source.name),
                message,
            }),
        }
    }
    (reports, paths, errors)
}

/// The text of a regular file of at most [`factmark::MAX_REPORT_BYTES`]. A
/// device, FIFO or socket is refused before it is opened (a FIFO with no
/// writer would block forever), and the file is read through a bounded reader,
/// because `/proc` files and the like say their length is 0.
fn read_text(path: &std::path::Path) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|e| describe(&e))?;
    if metadata.is_dir() {
        return Err("is a directory, not a report file".into());
    }
    if !metadata.is_file() {
        return Err(
            "is not a regular file (a device, FIFO or socket); save the report to a file".into(),
        );
    }
    let limit = factmark::MAX_REPORT_BYTES as u64;
    let over = |bytes: u64| format!("is {bytes} bytes, over the limit of {limit} bytes");
    if metadata.len() > limit {
        return Err(over(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe(&e))?;
    if bytes.len() as u64 > limit {
        return Err(format!("is over the limit of {limit} bytes"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot be read: {e}"),
    }
}
