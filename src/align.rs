//! Alignment: which claims in different reports measure the same quantity.

use crate::claim::{Interval, Kind};
use crate::verdict::Verdict;
use crate::ReportClaims;
use serde::Serialize;

/// Claims that measure the same quantity of the same event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// `g<n>`, in order of the group's first claim.
    pub id: String,
    pub kind: Kind,
    /// The measure key the members share.
    pub measure: String,
    /// What the group measures, in words from its first claim.
    pub subject: String,
    /// The unit every member's `value` below is expressed in.
    pub unit: String,
    /// The member claims, in report order, each with its value in `unit`.
    pub members: Vec<Member>,
    pub verdict: Verdict,
    /// One or two sentences a reader understands, naming each report and figure.
    pub explanation: String,
}

/// One claim of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The claim's `id`.
    pub claim: String,
    /// The claim's value converted to the group's unit.
    pub value: Interval,
}

pub fn groups(_reports: &[ReportClaims]) -> Vec<Group> {
    Vec::new()
}
