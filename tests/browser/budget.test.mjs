// The size budget: everything the widget loads (wasm after wasm-opt, JS, CSS)
// should be at most 120 KB gzipped; while it is not (README, "Size"), the test
// holds it under the ceiling in payload.mjs so that it cannot grow further. The list of files is checked against what a
// browser really requests in core.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_GZIP_BYTES, CEILING_GZIP_BYTES, sizes, table } from './payload.mjs';

test('the widget’s payload stays under its ceiling (the 120 KB budget is printed)', () => {
  const rows = sizes();
  const { total, text } = table(rows);
  console.log(text);
  assert.ok(rows.find((row) => row.path.endsWith('.wasm')).raw > 1000, 'the wasm is there');
  if (total.gzip > BUDGET_GZIP_BYTES) console.log(`over the ${BUDGET_GZIP_BYTES}-byte budget by ${total.gzip - BUDGET_GZIP_BYTES} bytes gzipped`);
  assert.ok(total.gzip <= CEILING_GZIP_BYTES, `over the ceiling by ${total.gzip - CEILING_GZIP_BYTES} bytes gzipped:\n${text}`);
});
