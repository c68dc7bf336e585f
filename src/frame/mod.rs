//! What a claim measures, as a typed frame: what is counted or measured and
//! what happened to it, whose figure it is, where, when, which statistic, and
//! who gives it. Alignment compares frames (see [`crate::align`]); they become
//! strings only in the JSON.

pub mod scope;
pub mod what;
