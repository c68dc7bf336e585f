// Highlighting: wrap ranges of report text, wherever their characters sit in
// the DOM, and undo it exactly.
//
// Why this shape: a number can cross inline markup (`<em>four</em> and a half
// hours`, a link, a <br>), so one claim may need several wrappers, one per text
// node piece. Ranges are first planned (`add`: wrappers made, nothing in the
// page touched), then applied text node by text node (`apply`). A text node
// with many ranges is cut in one pass: it keeps its text up to the first
// range, and new text nodes and wrappers follow it, so marking is linear in
// the marks (splitText per range copies the rest of the node each time:
// quadratic, 42 s for 98,000 marks in one node). `apply` pauses between
// batches, where its caller may give the page its turn. Whitespace-only pieces
// are left alone (wrapping the space between two table cells would break the
// table). Undoing unwraps each piece and joins the text back into the original
// node in one write, so the page's nodes, not only its HTML, are as they were.
import { piecesOf } from './text.js';

/** Text nodes joined back between two pauses of undoPaced(). */
const JOIN_STEP = 256;

export class Highlighter {
  constructor() {
    /** Text node → its planned pieces [{ from, to, wrapper }], then its record once applied. */
    this.planned = new Map();
    /** Wrapper elements in the page. */
    this.wrappers = [];
    /** Text nodes that apply created, to be joined back. */
    this.created = new Set();
    /** Original text nodes that were cut. */
    this.cut = [];
  }

  /**
   * Plans wrapping `text[start, end)` of a report read by readText; ranges
   * must not overlap. Nothing in the page changes until apply().
   * @param {{node: Text, start: number, end: number}[]} segments
   * @param {(index: number, count: number) => Element} makeWrapper
   * @returns {Element[]} the wrappers, in document order
   */
  add(segments, start, end, makeWrapper) {
    const pieces = piecesOf(segments, start, end).filter(({ segment, from, to }) =>
      /\S/.test(segment.node.data.slice(from, to)),
    );
    return pieces.map(({ segment, from, to }, i) => {
      const wrapper = makeWrapper(i, pieces.length);
      let list = this.planned.get(segment.node);
      if (!list) this.planned.set(segment.node, (list = []));
      list.push({ from, to, wrapper });
      return wrapper;
    });
  }

  /**
   * Puts the planned wrappers in the page. `between()` is called after each
   * step (a slice of building, or one text node put in) and awaited when it
   * returns a promise: the caller yields there, and may throw to stop (undo()
   * then removes what was applied); `due()` says when a slice is used up.
   */
  async apply(between, due = () => false) {
    const built = [];
    for (const [node, pieces] of this.planned) {
      pieces.sort((a, b) => a.from - b.from);
      const text = node.data;
      const fragment = document.createDocumentFragment();
      let at = pieces[0].from;
      for (const { from, to, wrapper } of pieces) {
        if (from > at) fragment.append(this.#text(text.slice(at, from)));
        wrapper.append(this.#text(text.slice(from, to)));
        fragment.append(wrapper);
        at = to;
        if (due()) {
          const wait = between();
          if (wait) await wait;
        }
      }
      if (at < text.length) fragment.append(this.#text(text.slice(at)));
      built.push({ node, fragment, head: text.slice(0, pieces[0].from), wrappers: pieces.map((p) => p.wrapper) });
    }
    this.planned.clear();
    for (const { node, fragment, head, wrappers } of built) {
      node.parentNode.insertBefore(fragment, node.nextSibling);
      node.data = head;
      this.cut.push(node);
      for (const wrapper of wrappers) this.wrappers.push(wrapper);
      const wait = between();
      if (wait) await wait;
    }
  }

  #text(data) {
    const node = document.createTextNode(data);
    this.created.add(node);
    return node;
  }

  /** Removes every wrapper and joins the cut text nodes back together. */
  undo() {
    for (const _ of this.#undoing()) {
      // one step at a time, all in this task
    }
  }

  /**
   * As undo(), calling `pause()` after each step and awaiting it when it
   * returns a promise (the caller yields there; it must not throw).
   */
  async undoPaced(pause) {
    for (const _ of this.#undoing()) {
      const wait = pause();
      if (wait) await wait;
    }
  }

  *#undoing() {
    const { wrappers, cut, created } = this;
    this.planned.clear();
    this.wrappers = [];
    this.cut = [];
    this.created = new Set();
    for (const wrapper of wrappers) {
      const parent = wrapper.parentNode;
      if (!parent) continue; // the page removed it meanwhile
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      wrapper.remove();
      yield;
    }
    for (const node of cut) {
      const parts = [node.data];
      let next = node.nextSibling;
      while (next && created.has(next)) {
        parts.push(next.data);
        const after = next.nextSibling;
        next.remove();
        next = after;
        if (parts.length % JOIN_STEP === 0) yield; // a node may have been cut 40,000 times
      }
      if (parts.length > 1) node.data = parts.join('');
      yield;
    }
  }
}
