// Pacing: long work in slices that give the page its main thread back.
//
// Why: a task over 50 ms is one the reader can feel (a click that does not
// answer, a scroll that sticks). The widget's loops over reports, claims,
// marks and groups ask `pace.due()` as they go, which is true once SLICE_MS
// have passed since the last break, and then `await pace.break()`, which yields to the page
// (scheduler.yield where there is one, else a message to itself: a macrotask
// that, unlike setTimeout, is never clamped to 4 ms). A page of normal size
// never yields at all.

const SLICE_MS = 6;

export class Pace {
  constructor(sliceMs = SLICE_MS) {
    this.sliceMs = sliceMs;
    this.until = performance.now() + sliceMs;
    /** How often the work gave the page its thread back. */
    this.breaks = 0;
  }

  /** Whether this slice is used up: time to give the page its turn. */
  due() {
    return performance.now() >= this.until;
  }

  /** Gives the page its turn now (the next slice starts after it). */
  async break() {
    this.breaks++;
    await yieldToPage();
    this.until = performance.now() + this.sliceMs;
  }
}

function yieldToPage() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
