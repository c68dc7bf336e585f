// factmark in Node: check() reads and compares reports without a DOM, for
// batch use (a newsroom's archive, a CI check of a story's sources), and
// toWebAnnotations() exports its highlighted groups. The same wasm core as the
// widget, loaded once, synchronously, from next to this file.
import { readFileSync } from 'node:fs';
import * as glue from '../www/pkg/factmark.js';
import { checkInWasm } from '../www/factmark/seam.js';
import { webAnnotations } from '../www/factmark/annotations.js';

let ready = false;

/**
 * Checks reports together: `{ reports, groups }` as the JSON contract says.
 * Throws an Error when an input is over the core's limits.
 */
export function check(reports) {
  if (!ready) {
    glue.initSync({ module: readFileSync(new URL('./pkg/factmark_bg.wasm', import.meta.url)) });
    ready = true;
  }
  // The widget's own call: the core's limits checked first, its JSON answer parsed.
  return checkInWasm(
    glue,
    [...reports].map((r) => ({ name: String(r.name), date: r.date ?? '', text: String(r.text) })),
  );
}

/**
 * The groups of `result` the widget would mark (not plain agreement, never a
 * part of a whole), as W3C Web Annotations.
 * `reports` are the inputs of check() (their texts); `source(report, index)`
 * gives each report's IRI (default: its name when it is a URL, else a urn).
 */
export function toWebAnnotations(result, reports, { source } = {}) {
  const sourceOf = source ?? ((report) => (/^[a-z][a-z0-9+.-]*:/i.test(report.name) ? report.name : `urn:factmark:report:${encodeURIComponent(report.name)}`));
  const texts = [...reports].map((r) => String(r.text));
  return webAnnotations(
    result,
    (report, r) => ({
      text: texts[r],
      target: (selector) => ({ type: 'SpecificResource', source: sourceOf(report, r), selector }),
    }),
    { id: (group) => `urn:factmark:annotation:${group.id}:${group.members.map((m) => encodeURIComponent(m.claim)).join(',')}` },
  );
}
