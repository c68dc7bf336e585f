//! What a claim measures, as a typed frame: what is counted or measured and
//! what happened to it, whose figure it is, where and when, which statistic,
//! and who gives it. Alignment compares frames, slot by slot (see
//! [`crate::align`]); they become strings only in the JSON.
//!
//! Each slot is read from the words around the number by one module:
//! [`what`] (the counted noun, the concept and the time scopes of the clause),
//! [`scope`] (places and dates: the sentence's, else the report lead's) and
//! [`time`] (the past, forecasts, superseded figures, changes, parts, the
//! owner, the party that gives the figure, and the words of the context).

pub mod scope;
pub mod time;
pub mod what;

use crate::knowledge::nouns::NounClass;
use crate::knowledge::places::{Known, Standing};
use crate::knowledge::words::Concept;

/// Everything a claim says about what its number is the number of.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// What is counted, as the singular lemma of its noun ("people", "home").
    pub counted: Option<Box<str>>,
    /// The class of what is counted, from WordNet ("person", "structure").
    pub class: Option<NounClass>,
    /// What happened to what is counted, or what the figure is of: a concept
    /// of the vocabulary ("killed", "injured", "meeting", "aid", "turnout").
    pub predicate: Option<Concept>,
    /// The whole a share is of ("ukraine", "staff").
    pub of: Option<Box<str>>,
    /// The period of a rate ("week" in "thousands a week").
    pub per: Option<&'static str>,
    /// The time scopes of the clause ("cumulative" for "so far", "annual").
    pub scopes: Box<[&'static str]>,
    /// Whose figure it is, when its clause names someone other than a place or
    /// the source: a candidate's share, a company's shares ("sheinbaum", "ubs").
    pub owner: Option<Box<str>>,
    /// Places the figure is about.
    pub places: Box<[Place]>,
    /// Calendar days, months and weekdays the figure is about.
    pub dates: Box<[DateAnchor]>,
    /// The places and dates are the report lead's, because the claim's own
    /// sentence names none.
    pub inherited: bool,
    /// The figure's own words name more than one place ("killed 530 people in
    /// Iran and Iraq"): a figure of them together. Not in the JSON.
    pub combined: bool,
    /// What happened, when the sentence names it first ("earthquake", "aftershock").
    pub happening: Option<&'static str>,
    /// A named event in the claim's clause other than the ones its report's
    /// headline and lead name ("camp" for "the 2018 Camp Fire" in a report on
    /// Maui's fires): a figure of another event.
    pub event: Option<Box<str>>,
    /// When the figure holds: now (the day's news), or the past, a forecast, a
    /// figure the report itself says was superseded.
    pub when: When,
    /// A year the claim's clause names ("in 2008", "the 1997 storm").
    pub year: Option<i32>,
    pub statistic: Statistic,
    /// The kind of party the report says gives the figure.
    pub party: Option<&'static str>,
    /// Content words around the number (lowercase, hashed), for the overlap
    /// of contexts. Not in the JSON.
    pub context: Box<[u32]>,
}

/// A place a figure is about, with what the gazetteer or the sentence says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Lowercase, as written ("kharkiv", "the valencia region" is "valencia").
    pub name: String,
    /// Country, region, city or part of a town: the gazetteer's, else the
    /// sentence's ("X province", "X city", "X district"); `None` when neither says.
    pub standing: Option<Standing>,
    /// The country it lies in (ISO 3166-1 alpha-2), when known.
    pub country: Option<[u8; 2]>,
}

/// A calendar anchor: a day, a month, or a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateAnchor {
    Day { month: u8, day: u8 },
    Month { year: i32, month: u8 },
    Weekday { weekday: &'static str },
}

/// When a figure holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// The day's news (or nothing says otherwise).
    #[default]
    Now,
    /// A figure of an earlier event or time ("last year", "in 2008").
    Past,
    /// An expectation, forecast or projection ("could reach", "expected to").
    Forecast,
    /// A figure the report itself marks as superseded ("up from", "earlier").
    Superseded,
}

/// What kind of statistic a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Statistic {
    /// A level: how many, how much.
    #[default]
    Level,
    /// A change of a level: "rose by 10", "down 3 percentage points".
    Change,
    /// A part of a whole the clause names: "12 of them", "among the dead".
    Part,
    /// A reference value a measurement is set against, not a measurement:
    /// "the two-hour barrier", "the 50% threshold".
    Reference,
}

impl Place {
    /// A place from its lowercase name and what the sentence says of its
    /// standing; the gazetteer's reading, when it has one, comes first (a
    /// country's is preferred: "georgia").
    pub fn new(name: String, said: Option<Standing>) -> Place {
        let known: Option<Known> =
            crate::knowledge::places::lookup(&crate::read::lex::without_accents(&name))
                .min_by_key(|k| (Some(k.standing) != said, k.standing));
        Place {
            standing: said.or(known.map(|k| k.standing)),
            country: known.map(|k| k.country),
            name,
        }
    }

    /// How this place stands to `other`.
    pub fn relation(&self, other: &Place) -> PlaceRelation {
        let both_countries =
            self.standing == Some(Standing::Country) && other.standing == Some(Standing::Country);
        // "jajarkot district" and "jajarkot": a name and the name with its
        // standing noun.
        let with_noun = |long: &str, short: &str| {
            long.strip_prefix(short)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|noun| crate::knowledge::words::standing_noun(noun).is_some())
        };
        let one_name = self.name == other.name
            || with_noun(&self.name, &other.name)
            || with_noun(&other.name, &self.name);
        if one_name || both_countries && self.country.is_some() && self.country == other.country {
            return PlaceRelation::Same;
        }
        match (self.standing, other.standing) {
            (Some(a), Some(b)) if a == b => PlaceRelation::Disjoint,
            // A country holds the regions and towns of its own (or of no known) country.
            (Some(Standing::Country), Some(_))
                if other.country.is_none_or(|c| self.country == Some(c)) =>
            {
                PlaceRelation::Contains
            }
            (Some(_), Some(Standing::Country))
                if self.country.is_none_or(|c| other.country == Some(c)) =>
            {
                PlaceRelation::Within
            }
            (Some(Standing::Country), Some(_)) | (Some(_), Some(Standing::Country)) => {
                PlaceRelation::Disjoint
            }
            // A part of a town lies in a town of another name ("the Deutz district", Cologne).
            (Some(Standing::Local), _) => PlaceRelation::Within,
            (_, Some(Standing::Local)) => PlaceRelation::Contains,
            _ => PlaceRelation::Unknown,
        }
    }
}

/// How one place stands to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRelation {
    Same,
    /// The first holds the second (a country, one of its towns).
    Contains,
    Within,
    /// Different places of one standing, or a place of another country.
    Disjoint,
    /// Nothing known says how they stand.
    Unknown,
}
