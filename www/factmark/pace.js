// Pacing: long work in slices that give the page its main thread back.
//
// Why: a task over 50 ms is one the reader can feel (a click that does not
// answer, a scroll that sticks). The widget's loops over reports, claims,
// marks and groups ask `pace.due()` as they go, which is true once SLICE_MS
// have passed since the last break, and then `await pace.break()`, which yields to the page
// (scheduler.yield where there is one, else a message to itself: a macrotask
// that, unlike setTimeout, is never clamped to 4 ms). Each break lets the page
// render what changed so far, which costs a page of normal size more than its
// whole annotation, so a slice is a frame (SLICE_MS) and such a page never
// yields; big pages use short slices (BIG_SLICE_MS), which leave room for a
// busy machine to stretch a slice without making a long task.

const SLICE_MS = 16;
export const BIG_SLICE_MS = 4;

export class Pace {
  constructor(sliceMs = SLICE_MS) {
    this.sliceMs = sliceMs;
    this.until = performance.now() + sliceMs;
    /** How often the work gave the page its thread back. */
    this.breaks = 0;
  }

  /** Starts a new slice: the page had its turn (an await that waited for a worker, a load). */
  restart() {
    this.until = performance.now() + this.sliceMs;
  }

  /** Whether this slice is used up: time to give the page its turn. */
  due() {
    return performance.now() >= this.until;
  }

  /** Gives the page its turn now (the next slice starts after it). */
  async break() {
    this.breaks++;
    await yieldToPage();
    this.restart();
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
