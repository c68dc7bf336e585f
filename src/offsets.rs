//! Byte offsets to UTF-16 code units, converted once, at the edge.
//!
//! Why: Rust slices strings by UTF-8 bytes, JavaScript indexes them by UTF-16 code
//! units. Curly quotes, em dashes and euro signs make the two differ on every line of
//! a news report, so every span that leaves the core carries both, each named for
//! its unit.

/// Converts ascending byte offsets of one text to UTF-16 offsets in one pass.
pub struct Utf16Index<'a> {
    text: &'a str,
    byte: usize,
    utf16: usize,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Index {
            text,
            byte: 0,
            utf16: 0,
        }
    }

    /// UTF-16 offset of `byte`, which must lie on a char boundary. Calls with
    /// ascending offsets cost time proportional to the distance walked; a smaller
    /// offset than the last one restarts from the beginning.
    pub fn utf16_at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.utf16 = 0;
        }
        let stop = byte.min(self.text.len());
        // A char counts one unit at its leading byte, two when it takes four bytes.
        // Each chunk sums into a byte (at most 2 × 127 = 254), which the compiler
        // vectorizes 16 bytes at a time; a `usize` per byte would not.
        for chunk in self.text.as_bytes()[self.byte..stop].chunks(127) {
            let units = chunk.iter().fold(0u8, |sum, &b| {
                sum + u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0)
            });
            self.utf16 += usize::from(units);
        }
        self.byte = stop;
        self.utf16
    }
}

/// UTF-16 offset of one byte offset (for tests and one-off use).
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    Utf16Index::new(text).utf16_at(byte)
}
