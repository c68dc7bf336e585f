//! The only code that knows about JavaScript: thin wrappers that turn JS values
//! into core calls and core results (or errors) back into JS values.
//!
//! Every export returns `Result`, so a bad call reaches JS as a thrown `Error`
//! whose message an editor can act on; the core never panics, so the module stays
//! usable after any input. Offsets in the returned claims are in both units:
//! `byteStart`/`byteEnd` (UTF-8) and `utf16Start`/`utf16End` (JS string indices).
//!
//! Why JSON text rather than JS objects: building the result object by object
//! across the seam (serde-wasm-bindgen) calls into JS for every field of every
//! claim; one string that JS hands to `JSON.parse` crosses once, parses faster
//! than those calls run, and costs less code (`scripts/bench-wasm.mjs` times
//! both ways; README, "Speed").

use crate::json;
use wasm_bindgen::prelude::*;

fn into_js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// `checkReportsJson(names, dates, texts)`: three arrays of equal length, one
/// entry per report (a date is `YYYY-MM-DD` with an optional time and zone, or
/// `""` when unknown) → the JSON text of `{ reports, groups }` as the README's
/// JSON contract describes. Arrays rather than objects so that no deserializer
/// (and its error formatting) is compiled into the bundle; the widget's
/// `checkReports([{ name, date, text }])` wraps this and parses the text.
#[wasm_bindgen(js_name = checkReportsJson)]
pub fn check_reports_json(
    names: Vec<String>,
    dates: Vec<String>,
    texts: Vec<String>,
) -> Result<String, JsError> {
    if names.len() != texts.len() || dates.len() != texts.len() {
        let why = format!(
            "{} names, {} dates and {} texts: one of each per report",
            names.len(),
            dates.len(),
            texts.len()
        );
        return Err(into_js_error(crate::Error::InvalidInput(why)));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let reports: Vec<crate::Report> = names
        .into_iter()
        .zip(dates)
        .zip(texts)
        .map(|((name, date), text)| crate::Report {
            name,
            date: Some(date).filter(|d| !d.is_empty()),
            text,
        })
        .collect();
    let check = crate::check(&reports).map_err(into_js_error)?;
    drop(reports);
    // A buffer sized up front (growing it by doubling copies the output again
    // and again): news text gives about two bytes of JSON per byte of text.
    Ok(json::to_string(
        &check,
        1024 + bytes.min(crate::MAX_TOTAL_BYTES) * 2,
    ))
}

/// `readClaimsJson(name, text)` → the JSON text of one report's claims.
#[wasm_bindgen(js_name = readClaimsJson)]
pub fn read_claims_json(name: &str, text: &str) -> Result<String, JsError> {
    let claims = crate::read_claims(name, text).map_err(into_js_error)?;
    Ok(json::to_string(
        &claims,
        1024 + text.len().min(crate::MAX_REPORT_BYTES) * 2,
    ))
}

/// Limits the widget checks before calling in, as JSON text:
/// `{ maxReportBytes, maxReports, maxTotalBytes }`.
#[wasm_bindgen]
pub fn limits() -> Result<String, JsError> {
    let limits = format!(
        "{{\"maxReportBytes\":{},\"maxReports\":{},\"maxTotalBytes\":{}}}",
        crate::MAX_REPORT_BYTES,
        crate::MAX_REPORTS,
        crate::MAX_TOTAL_BYTES
    );
    Ok(limits)
}

/// The bytes of linear memory the module holds now (it never shrinks: the
/// widget starts a fresh module after a check that grew it far).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
