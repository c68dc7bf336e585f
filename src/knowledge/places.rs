//! Places by name, with their standing (country, region, city) and the
//! country that contains them, from GeoNames and ISO 3166 (`data/places.tsv`,
//! written by `scripts/gen/places.py`; `build.rs` makes the sorted table).
//!
//! Why: a figure for a province is part of the national one, not another
//! reading of it, and two towns of one country on one day are two events. A
//! capitalised word is taken for a place when this table or the sentence
//! ("in X", "X province") says so.

include!(concat!(env!("OUT_DIR"), "/places.rs"));

/// How much ground a place covers, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    Country,
    /// A state, province, region, county or district.
    Region,
    City,
    /// A street, square or neighbourhood: part of a town.
    Local,
}

/// One reading of a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub standing: Standing,
    /// ISO 3166-1 alpha-2 code of the country it lies in (its own, for a country).
    pub country: [u8; 2],
    pub capital: bool,
}

/// Every reading of a lowercase place name without accents ("georgia" is a
/// country and a US state).
pub fn lookup(name: &str) -> impl Iterator<Item = Known> + '_ {
    PLACES.values(name).filter_map(known)
}

/// True when the table knows `name` as a place.
pub fn is_known(name: &str) -> bool {
    PLACES.contains(name)
}

/// A table value: the kind's digit and the country's code ("3NP").
fn known(value: &str) -> Option<Known> {
    let (&kind, country) = value.as_bytes().split_first()?;
    Some(Known {
        standing: match kind {
            b'0' => Standing::Country,
            b'1' => Standing::Region,
            _ => Standing::City,
        },
        country: country.try_into().ok()?,
        capital: kind == b'3',
    })
}

/// The capital of the country named `name`, if the table knows it.
pub fn capital_of(name: &str) -> Option<&'static str> {
    let country = lookup(name)
        .find(|k| k.standing == Standing::Country)?
        .country;
    PLACES
        .entries()
        .find(|(_, value)| known(value).is_some_and(|k| k.capital && k.country == country))
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standings_and_countries() {
        let first = |n: &str| lookup(n).next();
        assert_eq!(first("nepal").map(|k| k.standing), Some(Standing::Country));
        assert_eq!(first("u.s.").map(|k| k.country), Some(*b"US"));
        assert_eq!(
            first("gujarat").map(|k| (k.standing, k.country)),
            Some((Standing::Region, *b"IN"))
        );
        assert!(lookup("georgia").count() >= 2);
        assert_eq!(capital_of("saudi arabia"), Some("riyadh"));
        assert_eq!(first("atlantis"), None);
    }
}
