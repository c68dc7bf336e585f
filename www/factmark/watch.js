// Watching the articles while factmark works on them.
//
// Why: the core answers asynchronously and big pages are marked in slices, so
// the page's own scripts run in between (a CMS re-rendering an article, a
// framework replacing it). Marks placed on text read before such a change
// would land on the wrong characters. A MutationObserver over the articles
// (and the open shadow roots read through) tells whether anything but
// factmark changed them: `ours()` drops the records of factmark's own changes,
// made synchronously just before; `changed()` says whether any other record
// came since.

export class PageChanged extends Error {
  constructor() {
    super('factmark: the articles changed while factmark was checking them');
  }
}

export class Watch {
  /** @param {Iterable<Node>} roots elements or shadow roots */
  constructor(roots) {
    // Records the page's changes reach the callback at a microtask checkpoint
    // (an await); factmark's own are taken by ours() before any await.
    this.dirty = false;
    this.observer = new MutationObserver(() => {
      this.dirty = true;
    });
    this.watched = new Set();
    this.moved = [];
    this.add(roots);
  }

  /** Watches more roots (shadow roots found while reading). */
  add(roots) {
    for (const root of roots) {
      if (this.watched.has(root)) continue;
      this.watched.add(root);
      this.observer.observe(root, { childList: true, subtree: true, characterData: true });
      // An article taken out of the page (or put in) changes no node inside it.
      if (root instanceof Element) this.moved.push([root, root.isConnected]);
    }
  }

  /** Forgets the changes made since the last call: factmark's own. */
  ours() {
    this.observer.takeRecords();
  }

  /** Whether the page changed the articles since the last ours(). */
  changed() {
    return this.observer.takeRecords().length > 0 || this.dirty || this.moved.some(([root, was]) => root.isConnected !== was);
  }

  /** Throws PageChanged when changed(). */
  check() {
    if (this.changed()) throw new PageChanged();
  }

  stop() {
    this.observer.disconnect();
  }
}
