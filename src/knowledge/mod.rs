//! What factmark knows of English and the world, apart from the logic that uses
//! it: units (from pint's registry), what counted nouns count (from WordNet),
//! places and their containment (from GeoNames and ISO 3166), and the words of
//! news (qualifiers, concepts, scopes). The generated tables come from
//! `data/` through `build.rs`; `scripts/gen/` regenerates `data/` and CI checks
//! that it is current.

pub mod nouns;
pub mod places;
pub mod table;
pub mod units;
pub mod words;
