// The wasm core in a dedicated worker, so that checking a big page never holds
// the page's main thread (scripts/build-wasm.sh bundles this file, with
// seam.js, into www/pkg/factmark-worker.js, next to the wasm-bindgen glue it
// imports as ./factmark.js).
//
// Protocol (core.js is the other side): { type: 'init', wasmUrl } answers
// { type: 'ready' } or { type: 'error', load: true, message }; { type: 'check',
// id, reports } answers { type: 'json', json }, the core's JSON text, when it
// is short (SMALL_JSON: the page parses it faster than it would receive the
// objects), else the result in messages of at most CHUNK claims or group
// members each, so that no one message takes the page long to receive:
// 'reports' (each report without its claims), then 'parts' ({ claims:
// [[report, claims]], groups: [group without members], members: [[group,
// members]] }); then 'done' with the wasm memory the module holds and the time
// the check took in the worker (coreMs); or { type: 'error', id, message }.
import init, * as glue from './factmark.js';
import { checkInWasmJson } from '../factmark/seam.js';

const CHUNK = 250;
/** JSON text (UTF-16 code units) the page parses itself: a few milliseconds of parsing. */
const SMALL_JSON = 512 * 1024;
let ready = null;

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    ready ??= init({ module_or_path: data.wasmUrl });
    try {
      await ready;
      self.postMessage({ type: 'ready' });
    } catch (error) {
      self.postMessage({ type: 'error', load: true, message: String(error?.message ?? error) });
    }
    return;
  }
  const { id, reports: input } = data;
  let json;
  let result;
  const started = performance.now();
  try {
    json = checkInWasmJson(glue, input);
    if (json.length > SMALL_JSON) result = JSON.parse(json);
  } catch (error) {
    self.postMessage({ type: 'error', id, message: String(error?.message ?? error) });
    return;
  }
  const coreMs = performance.now() - started;
  const post = (message) => self.postMessage({ id, ...message });
  if (!result) {
    post({ type: 'json', json });
    post({ type: 'done', memoryBytes: glue.memoryBytes(), coreMs });
    return;
  }
  post({ type: 'reports', reports: result.reports.map(({ claims, ...report }) => ({ ...report, claims: [] })) });
  let part = { claims: [], groups: [], members: [] };
  let size = 0;
  const add = (list, item, count) => {
    list.push(item);
    size += count;
    if (size < CHUNK) return;
    post({ type: 'parts', ...part });
    part = { claims: [], groups: [], members: [] };
    size = 0;
  };
  result.reports.forEach(({ claims }, r) => {
    for (let i = 0; i < claims.length; i += CHUNK) add(part.claims, [r, claims.slice(i, i + CHUNK)], Math.min(CHUNK, claims.length - i));
  });
  result.groups.forEach(({ members, ...group }, g) => {
    add(part.groups, { ...group, members: [] }, 1);
    for (let i = 0; i < members.length; i += CHUNK) add(part.members, [g, members.slice(i, i + CHUNK)], Math.min(CHUNK, members.length - i));
  });
  if (size) post({ type: 'parts', ...part });
  post({ type: 'done', memoryBytes: glue.memoryBytes(), coreMs });
};
