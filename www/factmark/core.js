// Loading and calling the wasm core.
//
// Why a worker: checking a page of a million characters takes the core tens of
// milliseconds or more, and a page must never freeze that long, so the core
// runs in a dedicated worker (www/pkg/factmark-worker.js) and its answer comes
// back in small messages, each a short task for the page (worker.js). Where no
// worker can start (a CSP whose worker-src forbids it, an old browser) the core
// runs on the page's thread as before.
//
// Why start afresh after a big check: wasm memory never shrinks, so a check
// that grew it to hundreds of megabytes would keep them for the page's
// lifetime. After a check that leaves the module holding more than
// RECYCLE_BYTES, the module is dropped (the worker terminated) and the next
// check starts a fresh one; a normal page's checks reuse the one module.

import { checkInWasm } from './seam.js';
import { coreFailureReason } from './failure.js';

/** Wasm memory past which the module is dropped after a check. */
export const RECYCLE_BYTES = 32 << 20;

let core = null; // Promise of { check(input): Promise<result>, drop() }
let workersFail = typeof Worker === 'undefined';
let memoryHeld = 0;

/** Wasm memory the live core module holds now, in bytes (0: none loaded). */
export function coreMemoryBytes() {
  return memoryHeld;
}

/**
 * Checks `input` ([{ name, date?, text }]) with the wasm core, loading it on
 * first use from `files`: `{ worker, wasm }` URLs and `glue()`, which imports
 * the wasm-bindgen glue (URLs relative to the page's copy of the widget, so the
 * entry module gives them). Resolves with `{ reports, groups }` (the README's
 * JSON contract), `memoryBytes`, the wasm memory the module held after the
 * check, and `coreMs`, the time the check itself took; rejects with an Error
 * whose message says why (`logged` when the console already said so, `reason`
 * a code of failure.js when the core did not load).
 */
export async function checkWithCore(input, files) {
  const loaded = await loadCore(files);
  try {
    const { result, memoryBytes, coreMs } = await loaded.check(input);
    memoryHeld = memoryBytes;
    return { ...result, memoryBytes, coreMs };
  } finally {
    if (memoryHeld > RECYCLE_BYTES && core) {
      loaded.drop();
      core = null;
      memoryHeld = 0;
    }
  }
}

function loadCore(files) {
  core ??= (async () => {
    if (!workersFail) {
      try {
        return await workerCore(files.worker, files.wasm);
      } catch (error) {
        if (error.load) throw error;
        workersFail = true; // no worker here: the page's thread it is
      }
    }
    return pageCore(files.glue, files.wasm);
  })().catch((error) => {
    core = null; // a later call tries again
    const reason = String(error?.message ?? error).split('\n')[0];
    const failure = new Error(`factmark: the WebAssembly core did not load (${reason}); the articles are left as they are.`);
    failure.logged = true;
    failure.reason = coreFailureReason(error);
    console.error(failure.message);
    throw failure;
  });
  return core;
}

/** The core on the page's thread: the glue imported here (a missing file is a load failure). */
async function pageCore(importGlue, wasmUrl) {
  const glue = await importGlue();
  await glue.default({ module_or_path: wasmUrl });
  return {
    check: async (input) => {
      const started = performance.now();
      const result = checkInWasm(glue, input);
      return { result, memoryBytes: glue.memoryBytes(), coreMs: performance.now() - started };
    },
    drop() {}, // one module per page: the glue keeps it
  };
}

/**
 * The core in a worker. Rejects with `load` set when the wasm did not load
 * there, without it when the worker itself could not start.
 */
function workerCore(workerUrl, wasmUrl) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { type: 'module' });
    const pending = new Map(); // id → { resolve, reject, result }
    let ids = 0;
    let started = false;
    const fail = (error) => {
      worker.terminate();
      for (const call of pending.values()) call.reject(error);
      pending.clear();
      core = null;
      memoryHeld = 0;
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new Error(event.message || 'the worker script did not start');
      if (!started) reject(error);
      else fail(error);
    };
    worker.onmessage = ({ data }) => {
      if (!started) {
        started = true;
        if (data.type === 'ready') resolve({ check, drop: () => fail(new Error('factmark: the core was restarted')) });
        else {
          worker.terminate();
          reject(Object.assign(new Error(data.message), { load: true }));
        }
        return;
      }
      const call = pending.get(data.id);
      if (!call) return;
      receive(call, data);
      if (data.type === 'done' || data.type === 'error') pending.delete(data.id);
    };
    worker.postMessage({ type: 'init', wasmUrl: String(wasmUrl) });

    function check(input) {
      return new Promise((resolve, reject) => {
        const id = ++ids;
        pending.set(id, { resolve, reject, result: null });
        worker.postMessage({ type: 'check', id, reports: input });
      });
    }
  });
}

/** Puts one message of a check's answer in its place (worker.js lists them). */
function receive(call, data) {
  if (data.type === 'json') {
    call.result = JSON.parse(data.json);
  } else if (data.type === 'reports') {
    call.result = { reports: data.reports, groups: [] };
  } else if (data.type === 'parts') {
    const { reports, groups } = call.result;
    for (const [r, claims] of data.claims) for (const claim of claims) reports[r].claims.push(claim);
    for (const group of data.groups) groups.push(group);
    for (const [g, members] of data.members) for (const member of members) groups[g].members.push(member);
  } else if (data.type === 'done') {
    call.resolve({ result: call.result, memoryBytes: data.memoryBytes, coreMs: data.coreMs });
  } else if (data.type === 'error') {
    call.reject(new Error(data.message));
  }
}
