//! What a counted noun counts: its class (person, structure, vehicle, animal,
//! weapon) and the kind of thing just below the class ("juvenile" for
//! children, "worker" for soldiers and employees), from WordNet.
//!
//! Why: two reports count the same thing in different words ("demonstrators",
//! "marchers", "people"), and a figure for a kind of person is often a part of
//! one for all ("12 children" among "40 dead"). `scripts/gen/nouns.py` writes
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

/// A counted noun's class and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub class: NounClass,
    /// The hypernym just below the class ("juvenile", "worker"); `None` when
    /// the noun is only known by its form (see [`class_of`]).
    pub kind: Option<&'static str>,
}

/// The noun's entry in WordNet's table, for a lowercase singular lemma.
pub fn lookup(lemma: &str) -> Option<Noun> {
    let count = NOUN_INFO.len();
    let key = |i: usize| &NOUNS_TEXT[NOUNS_AT[i] as usize..NOUNS_AT[i + 1] as usize - 1];
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        match key(mid).cmp(lemma) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => {
                let [class, kind] = NOUN_INFO[mid];
                return Some(Noun {
                    class: NounClass(class),
                    kind: Some(KINDS[usize::from(kind)]),
                });
            }
        }
    }
    None
}

/// The class of a counted noun: WordNet's, else a person for an agent noun
/// WordNet's table leaves out ("protester", "marcher": -er, -or, -ist, -ant).
pub fn class_of(lemma: &str) -> Option<Noun> {
    if lemma == "people" {
        return Some(Noun {
            class: NounClass::person(),
            kind: None,
        });
    }
    lookup(lemma).or_else(|| {
        let agent = ["er", "or", "ist", "ant", "ent", "ian"]
            .iter()
            .any(|s| lemma.len() > s.len() + 3 && lemma.ends_with(s));
        agent.then(|| Noun {
            class: NounClass::person(),
            kind: None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_wordnet() {
        let class = |w: &str| class_of(w).map(|n| n.class.name());
        assert_eq!(class("soldier"), Some("person"));
        assert_eq!(class("house"), Some("structure"));
        assert_eq!(class("car"), Some("vehicle"));
        assert_eq!(class("protester"), Some("person"));
        assert_eq!(class("democracy"), None);
        assert_eq!(lookup("child").and_then(|n| n.kind), Some("juvenile"));
        // Sorted keys: every noun finds itself.
        for i in 0..NOUN_INFO.len() {
            let key = &NOUNS_TEXT[NOUNS_AT[i] as usize..NOUNS_AT[i + 1] as usize - 1];
            assert!(lookup(key).is_some(), "{key}");
        }
    }
}
