//! What a counted noun counts: its class (person, structure, vehicle, animal,
//! weapon), from WordNet.
//!
//! Why: a count of people is never a count of things ("12 people" and "12
//! homes"), and two reports count the same things in different words. `scripts/gen/nouns.py` writes
//! `data/nouns.tsv` from WordNet 3.1; `build.rs` makes the sorted table below.

include!(concat!(env!("OUT_DIR"), "/nouns.rs"));

/// The class of thing a noun names, as WordNet's hypernyms put it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NounClass(u8);

impl NounClass {
    /// "person", "structure", "vehicle", "animal", "weapon".
    pub fn name(self) -> &'static str {
        CLASSES[usize::from(self.0)]
    }

    /// The class of persons.
    pub fn person() -> NounClass {
        NounClass(CLASSES.iter().position(|c| *c == "person").unwrap_or(0) as u8)
    }
}

/// The class of a lowercase singular lemma in WordNet's table.
pub fn lookup(lemma: &str) -> Option<NounClass> {
    let index = NOUNS.values(lemma).next()?;
    index.parse().ok().map(NounClass)
}

/// The class of a counted noun: WordNet's, else a person for "people" and for
/// an agent noun the table leaves out ("protester", "marcher": -er, -or,
/// -ist, -ant, -ent, -ian).
pub fn class_of(lemma: &str) -> Option<NounClass> {
    if lemma == "people" {
        return Some(NounClass::person());
    }
    lookup(lemma).or_else(|| {
        let agent = ["er", "or", "ist", "ant", "ent", "ian"]
            .iter()
            .any(|s| lemma.len() > s.len() + 3 && lemma.ends_with(s));
        agent.then(NounClass::person)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_wordnet() {
        let class = |w: &str| class_of(w).map(NounClass::name);
        assert_eq!(class("soldier"), Some("person"));
        assert_eq!(class("house"), Some("structure"));
        assert_eq!(class("car"), Some("vehicle"));
        assert_eq!(class("protester"), Some("person"));
        assert_eq!(class("democracy"), None);
        // Sorted keys: every noun finds itself.
        for (key, _) in NOUNS.entries() {
            assert!(lookup(key).is_some(), "{key}");
        }
    }
}
