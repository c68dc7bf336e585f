//! The only code that knows about JavaScript: thin wrappers that turn JS values
//! into core calls and core results (or errors) back into JS values.
//!
//! Every export returns `Result`, so a bad call reaches JS as a thrown `Error`
//! whose message an editor can act on; the core never panics, so the module stays
//! usable after any input. Offsets in the returned claims are in both units:
//! `byteStart`/`byteEnd` (UTF-8) and `utf16Start`/`utf16End` (JS string indices).

use serde::Serialize;
use wasm_bindgen::prelude::*;

fn into_js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(into_js_error)
}

/// `checkReports(names, dates, texts)`: three arrays of equal length, one entry
/// per report (a date is `YYYY-MM-DD`, or `""` when unknown) → `{ reports, groups }`
/// as the README's JSON contract describes. Arrays rather than objects so that
/// no deserializer (and its error formatting) is compiled into the bundle; the
/// widget's `checkReports([{ name, date, text }])` wraps this.
#[wasm_bindgen(js_name = checkReports)]
pub fn check_reports(
    names: Vec<String>,
    dates: Vec<String>,
    texts: Vec<String>,
) -> Result<JsValue, JsError> {
    if names.len() != texts.len() || dates.len() != texts.len() {
        let why = format!(
            "{} names, {} dates and {} texts: one of each per report",
            names.len(),
            dates.len(),
            texts.len()
        );
        return Err(into_js_error(crate::Error::InvalidInput(why)));
    }
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
    to_js(&check)
}

/// `readClaims(name, text)` → the claims of one report.
#[wasm_bindgen(js_name = readClaims)]
pub fn read_claims(name: &str, text: &str) -> Result<JsValue, JsError> {
    let claims = crate::read_claims(name, text).map_err(into_js_error)?;
    to_js(&claims)
}

/// Limits the widget checks before calling in: `{ maxReportBytes, maxReports, maxTotalBytes }`.
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Limits {
        max_report_bytes: usize,
        max_reports: usize,
        max_total_bytes: usize,
    }
    to_js(&Limits {
        max_report_bytes: crate::MAX_REPORT_BYTES,
        max_reports: crate::MAX_REPORTS,
        max_total_bytes: crate::MAX_TOTAL_BYTES,
    })
}
