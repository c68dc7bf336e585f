//! The fitted weights of the alignment features (`data/weights.tsv`, written by
//! `scripts/fit_weights.py` from the real-news corpus's `dev` part).

use super::features::{Features, COUNT};

#[cfg_attr(not(test), allow(dead_code))] // NAMES: checked against the features in a test
mod generated {
    include!(concat!(env!("OUT_DIR"), "/weights.rs"));
}
pub use generated::THRESHOLD;
use generated::{BIAS, WEIGHTS};

/// The probability that a pair with these features is one quantity: the
/// logistic of the weighted sum.
pub fn probability(features: &Features) -> f64 {
    let sum: f64 = BIAS
        + WEIGHTS
            .iter()
            .zip(features)
            .map(|(w, x)| w * x)
            .sum::<f64>();
    1.0 / (1.0 + (-sum).exp())
}

const _: () = assert!(
    WEIGHTS.len() == COUNT,
    "data/weights.tsv has a weight per feature"
);

#[cfg(test)]
mod tests {
    #[test]
    fn the_weights_name_the_features_in_order() {
        assert_eq!(super::generated::NAMES, super::super::features::NAMES);
    }
}
