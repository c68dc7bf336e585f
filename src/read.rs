//! (stage in progress)
use crate::claim::Claim;
pub fn claims(_name: &str, _text: &str) -> Vec<Claim> {
    Vec::new()
}
pub fn dateline(_claims: &[Claim]) -> Option<String> {
    None
}
