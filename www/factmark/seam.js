// The call into the wasm core, shared by the widget (in its worker, or on the
// page's thread when there is no worker) and scripts/bench-wasm.mjs.
//
// Why its own module: the benchmark must time exactly what the widget does.
// The core answers with one JSON string (src/wasm.rs says why), parsed here.

/**
 * Checks `reports` ([{ name, date?, text }]) with the initialised wasm-bindgen
 * glue `glue`; returns `{ reports, groups }` as the README's JSON contract says.
 */
export function checkInWasm(glue, reports) {
  // The export takes parallel arrays (no deserializer in the bundle).
  const json = glue.checkReportsJson(
    reports.map((r) => r.name),
    reports.map((r) => r.date ?? ''),
    reports.map((r) => r.text),
  );
  return JSON.parse(json);
}

/** The core's input limits: { maxReportBytes, maxReports, maxTotalBytes }. */
export function limitsOf(glue) {
  return JSON.parse(glue.limits());
}
