//! Replays every input kept in tests/regressions/ (fuzz finds and adversarial
//! cases; see its README) through `read_claims` and `check`, asserting the
//! invariants of tests/support/invariants.rs. Every failing file is listed
//! before the test fails.

#[path = "support/invariants.rs"]
mod invariants;

use invariants::{check_read, check_reports, parse_reports};
use std::path::Path;

/// The `check` fuzz target splits its input into at most this many reports.
const MAX_REPORTS: usize = 8;

#[test]
fn regression_inputs_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/regressions/ exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );

    let mut failures = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy();
        let bytes = std::fs::read(path).expect("readable regression input");
        let Ok(text) = String::from_utf8(bytes) else {
            failures.push(format!("{name}: not UTF-8"));
            continue;
        };
        if let Err(why) = check_read(&text) {
            failures.push(format!("{name} (read_claims): {why}"));
        }
        if let Err(why) = check_reports(&parse_reports(&text, MAX_REPORTS)) {
            failures.push(format!("{name} (check): {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} regression inputs fail:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

/// The claim of `text` whose words are `figure` (the test fails if none is).
fn claim_of(text: &str, figure: &str) -> factmark::Claim {
    factmark::read_claims("r", text)
        .expect("reads")
        .into_iter()
        .find(|c| c.text == figure)
        .unwrap_or_else(|| panic!("{figure:?} not read in {text:?}"))
}

/// A sentence that points back ("that day", "the same year", "on that
/// occasion") takes the year of
/// the last date the sentence before names, for a day only a date with its
/// month: the 1890 storm's toll is 1890's, the fall of a company's shares on
/// the day of its announcement is not the year it was founded in, and "warn
/// that summer heatwaves" points back to nothing.
#[test]
fn a_sentence_that_points_back_takes_the_year_of_the_date_before() {
    let year_of = |text: &str, figure: &str| claim_of(text, figure).frame.year;
    let storm = "The deadliest tornado struck Louisville on March 27, 1890. \
        Seventy-six people died in the city that day, part of a storm that killed 111 people.";
    assert_eq!(year_of(storm, "111 people"), Some(1890));
    let occasion = "The rescuers were first formed after the earthquake that struck Mexico City \
        in September 1985. On that occasion, an 8.1-magnitude earthquake left thousands dead.";
    assert_eq!(year_of(occasion, "8.1-magnitude"), Some(1985));
    // A year its own sentence names before the marker is the one meant.
    let own = "The president visited in 2023. In May 2024 he returned, and on that \
        occasion he pledged $2 billion.";
    assert_eq!(year_of(own, "$2 billion"), None);
    let founded = "The carmaker, founded in 1998, said on Tuesday it would cut 2,000 jobs. \
        That same day, its shares fell 5% in Frankfurt.";
    assert_eq!(year_of(founded, "5%"), None);
    let warned = "The drought of 2012 was the worst in decades. \
        Scientists now warn that summer heatwaves could kill 5,000 people a year.";
    assert_eq!(year_of(warned, "5,000 people"), None);
}

/// The places of a figure's sentence: a direction before a known place is
/// no adjective that makes the name a modifier ("in western Germany caused"
/// was no place), "across" names places as "in" does, and a place joined by
/// "and" is read too, before what happened there ("in Germany and Belgium
/// floods"), and a known place a verb acts on ("shook Ecuador"): a figure of the two countries together is their whole, kept
/// apart from one of them's.
#[test]
fn a_sentence_names_its_places_with_their_directions_and_joined_places() {
    let places_of = |text: &str, figure: &str| {
        let claim = claim_of(text, figure);
        claim
            .frame
            .places
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    let western = "At least 19 people have died as record rainfall in western Germany \
        caused rivers to burst their banks.";
    assert_eq!(places_of(western, "At least 19 people"), ["germany"]);
    let across = "More than 120 people have been killed after catastrophic flooding \
        across Germany and Belgium.";
    assert_eq!(
        places_of(across, "More than 120 people"),
        ["germany", "belgium"]
    );
    let headline = "At least 120 dead in Germany and Belgium floods";
    assert_eq!(places_of(headline, "At least 120"), ["germany", "belgium"]);
    // Before the sentence's first verb or figure, the places are its
    // subject's and the verb closes them; after, "and" may open a clause.
    let subject = "Floods in Germany and Belgium killed more than 150 people.";
    assert_eq!(
        places_of(subject, "more than 150 people"),
        ["germany", "belgium"]
    );
    let clause = "Strikes killed 5 people in Gaza and Israel vowed more.";
    assert_eq!(places_of(clause, "5 people"), ["gaza"]);
    let directions = "A quake in southern Ecuador and northern Peru killed at least 15 people.";
    assert_eq!(
        places_of(directions, "at least 15 people"),
        ["ecuador", "peru"]
    );
    // A verb's object the gazetteer knows is where it happened; a name it
    // does not know is no place ("told Reuters").
    let object = "A strong earthquake shook southern Ecuador and northern Peru on Saturday, \
        killing at least 15 people.";
    assert_eq!(places_of(object, "at least 15 people"), ["ecuador", "peru"]);
    let hit = "Cyclone Freddy hit Malawi again, killing 99 people.";
    assert_eq!(places_of(hit, "99 people"), ["malawi"]);
    // A list of places, with or without a comma before its "and", an article
    // before its last; not when its first place does not end at the comma,
    // and its last is a new clause's subject only after the verb.
    let list = "Cyclone Freddy has killed more than 300 people in Malawi, Mozambique \
        and Madagascar since it first made landfall.";
    assert_eq!(
        places_of(list, "more than 300 people"),
        ["malawi", "mozambique", "madagascar"]
    );
    let serial =
        "The storm killed 11 people across Jamaica, Haiti, Cuba, and the Dominican Republic.";
    assert_eq!(
        places_of(serial, "11 people"),
        ["jamaica", "haiti", "cuba", "dominican republic"]
    );
    let listed_subject = "Floods in Germany, Belgium and the Netherlands killed 220 people.";
    assert_eq!(
        places_of(listed_subject, "220 people"),
        ["germany", "belgium", "netherlands"]
    );
    let new_subject =
        "After the quake killed 50 people in Nepal, India and Bangladesh braced for aftershocks.";
    assert_eq!(places_of(new_subject, "50 people"), ["nepal"]);
    let not_after =
        "The storm killed 30 people in Malawi on Tuesday, Mozambique and Zimbabwe sent aid.";
    assert_eq!(places_of(not_after, "30 people"), ["malawi"]);
    let headline = "Cyclone Freddy death toll in Malawi, Mozambique and Madagascar exceeds 300";
    assert_eq!(
        places_of(headline, "exceeds 300"),
        ["malawi", "mozambique", "madagascar"]
    );
    // A whole whose sentence names a part in another place is of both.
    let including = "An earthquake in China's Gansu province has killed at least 118 people, \
        including 13 in neighbouring Qinghai province.";
    assert!(places_of(including, "at least 118 people").contains(&"qinghai".to_string()));
    assert_eq!(places_of(including, "13"), ["qinghai"]);
    // Not a part the whole's own place holds, nor a place of another
    // country named like one of the whole's country, nor one the
    // gazetteer cannot place.
    let own = "The quake killed 148 people in Gansu, including 31 in Gansu's Linxia prefecture.";
    assert_eq!(places_of(own, "148 people"), ["gansu"]);
    let abroad = "Floods killed 300 people in Pakistan, including 100 in Punjab.";
    assert_eq!(places_of(abroad, "300 people"), ["pakistan"]);
    let county = "The quake killed 148 people in Gansu, including 100 in Jishishan county.";
    assert_eq!(places_of(county, "148 people"), ["gansu"]);
    // A possessive after a joined name owns the noun after it.
    let army = "Fighting in Lebanon and Israel's army said 12 civilians died.";
    assert!(!places_of(army, "12 civilians").contains(&"israel".to_string()));
    let held = "A blast killed 12 people in Kabul, Afghanistan, and wounded 30 others.";
    assert_eq!(places_of(held, "12 people"), ["kabul"]);
    let told = "Officials told Reuters that 15 people died.";
    assert!(places_of(told, "15 people").is_empty());
    // A part's own place is not the whole's: the whole here names none.
    let part = "The quake killed 2,000 people, including 1,500 in Herat, officials said.";
    assert!(places_of(part, "2,000 people").is_empty());
    assert_eq!(places_of(part, "1,500"), ["herat"]);
    let aside = "The outbreak killed at least 88 people — 74 of them in Kentucky — on Friday.";
    assert!(places_of(aside, "at least 88 people").is_empty());
    // "Among 5" names the whole: its place stays the sentence's.
    let among = "A 9-year-old was among 5 killed in the attack in Magdeburg.";
    assert_eq!(places_of(among, "9-year-old"), ["magdeburg"]);
    // Joined as one, the places make the figure their whole.
    let combined = |text: &str, figure: &str| {
        let claims = factmark::read_claims("r", text).expect("reads");
        claims
            .iter()
            .find(|c| c.text == figure)
            .map(|c| c.frame.combined)
    };
    assert_eq!(combined(across, "More than 120 people"), Some(true));
    assert_eq!(combined(western, "At least 19 people"), Some(false));
    // Not a name after "across" the gazetteer does not know, nor a place
    // that opens a clause of speech (a review).
    let warehouses = "Across Amazon's warehouses, 300 workers fell ill.";
    assert!(places_of(warehouses, "300 workers").is_empty());
    let said = "At least 40 people died in Ukraine and Russia said it shot down drones.";
    assert_eq!(places_of(said, "At least 40 people"), ["ukraine"]);
    // A name that modifies a noun is still no place.
    let talks = "Officials said 40 delegates joined the evolving U.S.-Russia diplomatic channel.";
    assert!(places_of(talks, "40 delegates").is_empty());
}

/// Asserts each case's figure holds at its time: (text, figure, when).
fn assert_times(cases: &[(&str, &str, factmark::frame::When)]) {
    for &(text, figure, when) in cases {
        assert_eq!(
            claim_of(text, figure).frame.when,
            when,
            "{figure:?} in {text:?}"
        );
    }
}

/// A count stated together with a count its report calls earlier is of the
/// same, earlier time ("Earlier, 27 people were reported dead and 15
/// injured"), unless the words between move on to the present ("rose from 27
/// to 60"), open a clause of their own, or the figures are no counts.
#[test]
fn a_count_stated_with_a_superseded_count_is_superseded_too() {
    use factmark::frame::When::{Now, Superseded};
    let earlier =
        "Earlier, 27 people were reported dead and 15 injured. The toll now stands at 60.";
    let cases = [
        (earlier, "27 people", Superseded),
        (earlier, "15", Superseded),
        (earlier, "60", Now),
        ("The agency earlier reported that 94 people died while 50 others were hurt.", "50 others", Superseded),
        ("The toll, initially 27, rose to 60 on Monday.", "60", Now),
        ("Officials earlier counted 27 dead, but 60 people are now confirmed dead.", "60 people", Now),
        ("The previous count was 36, as responders searched hundreds of buildings.", "hundreds of buildings", Now),
        ("The toll was revised to 231 from 233 — most killed by smoke — while 82 were hospitalized.", "82", Now),
        // A new statement after the join, or the present named between (a review).
        ("Authorities had initially reported 18 wounded, and hospitals put it at 26.", "26", Now),
        ("Earlier, 27 people were reported dead and police say 22 are missing.", "22", Now),
        ("The death toll, initially 27, stands at 60.", "60", Now),
        ("The initial death toll of 14 was revised upward, with 31 bodies recovered.", "31 bodies", Now),
        // Not counts.
        ("The former premier was sentenced to 12 years and fined $38 million.", "$38 million", Now),
    ];
    assert_times(&cases);
}

/// "Former" says what a person or thing was, never that a figure was
/// replaced, "prior to" is a preposition, and "from" a figure is an earlier
/// value only after a change or before the value it changed to ("up from 37",
/// "to 231 from 233", "from 18 to nine"), not an origin ("from 14
/// countries"); the markers of a replaced figure still mark it.
#[test]
fn former_prior_to_and_from_mark_no_superseded_figure() {
    use factmark::frame::When::{Now, Superseded};
    let cases = [
        (
            "The former mayor said 12 people remain trapped.",
            "12 people",
            Now,
        ),
        (
            "Former Prime Minister Amadou Ba won 35.79 percent of the vote.",
            "35.79 percent",
            Now,
        ),
        (
            "Prior to the storm, 300 families lived on the island.",
            "300 families",
            Now,
        ),
        ("A prior estimate of 40 dead was revised.", "40", Superseded),
        ("The initial toll was 14.", "14", Superseded),
        (
            "Twenty-six foreigners from 14 countries were among those killed.",
            "14 countries",
            Now,
        ),
        (
            "The toll rose to 40, up from 37 on Monday.",
            "37",
            Superseded,
        ),
        (
            "The fine was cut to $3.4 billion from $5.2 billion.",
            "$5.2 billion",
            Superseded,
        ),
        ("It cut ministries from 18 to nine.", "18", Superseded),
        // A quotation its marker introduces, not one of the sentence before.
        (
            "Xinhua reported earlier that \"53 people have been confirmed dead.\"",
            "53 people",
            Superseded,
        ),
        (
            "That was the earlier toll. \"53 people have been confirmed dead.\"",
            "53 people",
            Now,
        ),
    ];
    assert_times(&cases);
}

/// "First" and "early" mark a figure as replaced only before news reports
/// or a toll ("early reports", "an early toll"), or an estimate told in the
/// past ("our first estimates were 290"): not "the first estimates released
/// by Ipsos", which are the night's figures, nor "the first 100 days", an
/// election's "first count", an "early tally" of the votes or a body's
/// "first report" (a document, not the news).
#[test]
fn first_and_early_reports_are_superseded() {
    use factmark::frame::When::{Now, Superseded};
    let cases = [
        (
            "The toll is at least 253, our first estimates were 290, the director said.",
            "290",
            Superseded,
        ),
        (
            "He said early reports of up to 300 people missing were speculation.",
            "up to 300 people",
            Superseded,
        ),
        ("An early toll of 9 dead was revised up.", "9", Superseded),
        (
            "Macron won according to the first estimates released by Ipsos with 58.2% of the votes.",
            "58.2%",
            Now,
        ),
        (
            "Early estimates say the storm caused about $3 billion in damage.",
            "about $3 billion",
            Now,
        ),
        (
            "In the first 100 days, the government hired 2,000 teachers.",
            "2,000 teachers",
            Now,
        ),
        (
            "Murphy was elected on the first count with 12,400 votes.",
            "12,400 votes",
            Now,
        ),
        ("An early tally showed Ruto with 51% of the vote.", "51%", Now),
        (
            "The watchdog's first report of the year found 1,300 complaints.",
            "1,300 complaints",
            Now,
        ),
    ];
    assert_times(&cases);
}

/// An age is its named person's, the name after it or set off before it by
/// a comma or parentheses, also when the person speaks; an age with no name is no one's
/// (and never one quantity with another report's).
#[test]
fn an_age_is_its_named_persons() {
    let owner = |text: &str, figure: &str| claim_of(text, figure).frame.owner.map(String::from);
    let family = "The family of 62-year-old Benny Willingham told news outlets.";
    assert_eq!(owner(family, "62-year-old").as_deref(), Some("willingham"));
    let uncle = "His uncle Benny Willingham, 61, of Corinne, was killed.";
    assert_eq!(owner(uncle, "61").as_deref(), Some("willingham"));
    let aged = "Smith, aged 52, said the fire spread fast.";
    assert_eq!(owner(aged, "52").as_deref(), Some("smith"));
    let unnamed = "\"I am very happy,\" said the 29-year-old.";
    assert_eq!(owner(unnamed, "29-year-old"), None);
    let bracketed = "Thousands marched against Mr Babis (64), who denies wrongdoing.";
    assert_eq!(claim_of(bracketed, "64").kind, factmark::Kind::Age);
    assert_eq!(owner(bracketed, "64").as_deref(), Some("babis"));
    // A bullet opens a sentence: "The" after it is no name's ("The 28").
    let bulleted = "• The 28-year-old terrorist has been charged.";
    assert_eq!(claim_of(bulleted, "28-year-old").kind, factmark::Kind::Age);
}

/// Whose figure it is: a name, not a pronoun ("It's") or a place named by its
/// noun ("Jiuzhaigou County", "the Northeast district"); a possessive owns,
/// whatever its last word ("Manchester City's", "Pelosi's district"), and a
/// person is the last word of the name, however the name is written.
#[test]
fn an_owner_is_a_name() {
    let owner = |text: &str, figure: &str| claim_of(text, figure).frame.owner.map(String::from);
    let pronoun = "It's my third year in a row competing here.";
    assert_eq!(owner(pronoun, "third year"), None);
    let county = "The earthquake hit Jiuzhaigou County at 9:19 p.m. on Tuesday.";
    assert_eq!(owner(county, "9:19"), None);
    let district = "The highest turnout was recorded in the Northeast district at 63.83 per cent.";
    assert_eq!(owner(district, "63.83 per cent"), None);
    let club = "Manchester City's 115 charges were heard in private.";
    assert_eq!(owner(club, "115 charges").as_deref(), Some("city"));
    let district = "Nancy Pelosi's district has 760,000 residents.";
    assert_eq!(
        owner(district, "760,000 residents").as_deref(),
        Some("pelosi")
    );
    let person = "Sheinbaum's 59.5% was the highest share.";
    assert_eq!(owner(person, "59.5%").as_deref(), Some("sheinbaum"));
    let full = "Police said Michael Bishop, 34, was charged.";
    let short = "Police said Bishop, 34, was held.";
    assert_eq!(owner(full, "34"), owner(short, "34"));
}

/// A modal that guesses at the past ("may have been", "may have killed")
/// marks no forecast; one of what must come or be ("may have to", "could have
/// 100,000 deaths") does.
#[test]
fn a_guess_at_the_past_is_no_forecast() {
    use factmark::frame::When::{Forecast, Now};
    let cases = [
        (
            "The WHO said there may have been 1.5 million cases in Brazil.",
            "1.5 million cases",
            Now,
        ),
        (
            "The train might have been travelling at over 100 miles an hour.",
            "over 100 miles an hour",
            Now,
        ),
        (
            "The quake may have killed 1,000 people, officials fear.",
            "1,000 people",
            Now,
        ),
        (
            "The firm may have to cut 2,000 jobs by March.",
            "2,000 jobs",
            Forecast,
        ),
        (
            "The country could have 100,000 deaths by summer.",
            "100,000 deaths",
            Forecast,
        ),
        (
            "The death toll could reach 1,000, officials said.",
            "1,000",
            Forecast,
        ),
    ];
    assert_times(&cases);
}
