// The wasm core in a dedicated worker, so that checking a big page never holds
// the page's main thread (scripts/build-wasm.sh bundles this file, with
// seam.js, into www/pkg/factmark-worker.js, next to the wasm-bindgen glue it
// imports as ./factmark.js).
//
// Protocol (core.js is the other side): { type: 'init', wasmUrl } answers
// { type: 'ready' } or { type: 'error', load: true, message }; { type: 'check',
// id, reports } answers the result in small messages, so that no one message
// takes the page long to receive: 'reports' (each report without its claims),
// 'claims' (up to CHUNK of one report's claims), 'group' (a group without its
// members), 'members' (up to CHUNK of one group's members), then 'done' with
// the wasm memory the module holds; or { type: 'error', id, message }.
import init, * as glue from './factmark.js';
import { checkInWasm } from '../factmark/seam.js';

const CHUNK = 250;
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
  let result;
  try {
    result = checkInWasm(glue, input);
  } catch (error) {
    self.postMessage({ type: 'error', id, message: String(error?.message ?? error) });
    return;
  }
  const post = (message) => self.postMessage({ id, ...message });
  post({ type: 'reports', reports: result.reports.map(({ claims, ...report }) => ({ ...report, claims: [] })) });
  result.reports.forEach(({ claims }, r) => {
    for (let i = 0; i < claims.length; i += CHUNK) post({ type: 'claims', report: r, claims: claims.slice(i, i + CHUNK) });
  });
  result.groups.forEach(({ members, ...group }, g) => {
    post({ type: 'group', group: { ...group, members: [] } });
    for (let i = 0; i < members.length; i += CHUNK) post({ type: 'members', group: g, members: members.slice(i, i + CHUNK) });
  });
  post({ type: 'done', memoryBytes: glue.memoryBytes() });
};
