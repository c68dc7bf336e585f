//! Lists the words of `src/vocabulary.rs` for the word classifier
//! (`src/wordclass.rs`), so that the vocabulary stays the one place a word is
//! added: every lowercase one-word string literal there is a candidate, and the
//! classifier asks the vocabulary's own functions what each one is.

use std::collections::BTreeSet;

fn main() {
    println!("cargo:rerun-if-changed=src/vocabulary.rs");
    let source = std::fs::read_to_string("src/vocabulary.rs").expect("src/vocabulary.rs");
    let words: BTreeSet<&str> = source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    let list = words.into_iter().collect::<Vec<_>>().join(" ");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR"))
        .join("vocabulary_words.txt");
    std::fs::write(out, list).expect("write the word list");
}
