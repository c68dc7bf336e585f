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

fn key(i: usize) -> &'static str {
    &PLACES_TEXT[PLACES_AT[i] as usize..PLACES_AT[i + 1] as usize - 1]
}

/// Every reading of a lowercase place name ("georgia" is a country and a US state).
pub fn lookup(name: &str) -> impl Iterator<Item = Known> + '_ {
    let (mut first, mut end) = (0, PLACE_INFO.len());
    while first < end {
        let mid = (first + end) / 2;
        if key(mid) < name {
            first = mid + 1;
        } else {
            end = mid;
        }
    }
    (first..PLACE_INFO.len())
        .take_while(move |&i| key(i) == name)
        .map(|i| {
            let (standing, country) = PLACE_INFO[i];
            Known {
                standing: match standing {
                    0 => Standing::Country,
                    1 => Standing::Region,
                    _ => Standing::City,
                },
                country,
                capital: standing == 3,
            }
        })
}

/// The capital of the country named `name`, if the table knows it.
pub fn capital_of(name: &str) -> Option<&'static str> {
    let country = lookup(name)
        .find(|k| k.standing == Standing::Country)?
        .country;
    (0..PLACE_INFO.len())
        .find(|&i| PLACE_INFO[i] == (3, country))
        .map(key)
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
