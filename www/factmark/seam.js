// The call into the wasm core, shared by the widget (in its worker, or on the
// page's thread when there is no worker) and scripts/bench-wasm.mjs.
//
// Why its own module: the benchmark must time exactly what the widget does.
// The core answers with one JSON string (src/wasm.rs says why), parsed here.

/**
 * Checks `reports` ([{ name, date?, text }]) with the initialised wasm-bindgen
 * glue `glue`; returns `{ reports, groups }` as the README's JSON contract says.
 * Throws an Error naming the limit when the input is past one of the core's.
 */
export function checkInWasm(glue, reports) {
  return JSON.parse(checkInWasmJson(glue, reports));
}

/** As checkInWasm, the JSON text before it is parsed. */
export function checkInWasmJson(glue, reports) {
  withinLimits(JSON.parse(glue.limits()), reports);
  // The export takes parallel arrays (no deserializer in the bundle).
  return glue.checkReportsJson(
    reports.map((r) => r.name),
    reports.map((r) => r.date ?? ''),
    reports.map((r) => r.text),
  );
}

/** The core's limits, checked here so that the message names the report. */
function withinLimits(limits, input) {
  if (input.length > limits.maxReports) {
    throw new Error(`factmark: ${input.length} reports is more than the ${limits.maxReports} one check takes.`);
  }
  // At most 3 UTF-8 bytes per UTF-16 code unit: count exactly only when that may be over.
  const upper = input.reduce((n, report) => n + report.text.length * 3, 0);
  if (upper <= limits.maxReportBytes) return;
  const encoder = new TextEncoder();
  let total = 0;
  for (const report of input) {
    const bytes = encoder.encode(report.text).length;
    total += bytes;
    if (bytes > limits.maxReportBytes) {
      throw new Error(`factmark: report "${report.name}" has ${bytes} bytes of text, more than ${limits.maxReportBytes}.`);
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new Error(`factmark: the reports have ${total} bytes of text together, more than ${limits.maxTotalBytes}.`);
  }
}
