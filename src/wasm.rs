//! The only code that knows about JavaScript: thin wrappers that turn JS values
//! into core calls and core results (or errors) back into JS values.
//!
//! Every export returns `Result`, so a bad call reaches JS as a thrown `Error`
//! whose message an editor can act on; the core never panics, so the module stays
//! usable after any input. Offsets in the returned claims are in both units:
//! `byteStart`/`byteEnd` (UTF-8) and `utf16Start`/`utf16End` (JS string indices).

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A report as JS passes it: `{ name, date?, text }`.
#[derive(Deserialize)]
struct JsReport {
    name: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
}

fn into_js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(into_js_error)
}

/// `checkReports([{ name, date?, text }, ...])` → `{ reports, groups }` as the
/// README's JSON contract describes.
#[wasm_bindgen(js_name = checkReports)]
pub fn check_reports(reports: JsValue) -> Result<JsValue, JsError> {
    let reports: Vec<JsReport> = serde_wasm_bindgen::from_value(reports).map_err(|e| {
        into_js_error(crate::Error::InvalidInput(format!(
            "expected [{{name, date?, text}}]: {e}"
        )))
    })?;
    let reports: Vec<crate::Report> = reports
        .into_iter()
        .map(|r| crate::Report {
            name: r.name,
            date: r.date,
            text: r.text,
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
