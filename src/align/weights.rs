//! The fitted weights of the alignment features (`data/weights.tsv`, written by
//! `scripts/fit_weights.py` from the real-news corpus's `dev` part).

use super::features::{Features, COUNT};

#[cfg_attr(not(test), allow(dead_code))] // NAMES: checked against the features in a test
#[allow(clippy::approx_constant)] // a fitted weight may come near a constant (-0.7071)
mod generated {
    include!(concat!(env!("OUT_DIR"), "/weights.rs"));
}
pub use generated::THRESHOLD;
use generated::{BIAS, WEIGHTS};

/// The weighted sum of a pair's features and the bias: the log-odds that it
/// is one quantity.
pub fn logit(features: &Features) -> f64 {
    BIAS + WEIGHTS
        .iter()
        .zip(features)
        .map(|(w, x)| w * x)
        .sum::<f64>()
}

/// The probability from the log-odds.
pub fn sigmoid(logit: f64) -> f64 {
    1.0 / (1.0 + (-logit).exp())
}

/// The probability that a pair with these features is one quantity.
pub fn probability(features: &Features) -> f64 {
    sigmoid(logit(features))
}

/// The weight of the last feature, whether each is the other's most alike
/// figure in its report (added once every pair is known).
pub const MUTUAL: f64 = WEIGHTS[COUNT - 1];

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
