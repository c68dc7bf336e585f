// Highlighting: wrap a range of report text, wherever its characters sit in the
// DOM, and undo it exactly.
//
// Why this shape: a number can cross inline markup (`<em>four</em> and a half
// hours`, a link, a <br>), so one claim may need several wrappers, one per text
// node piece. Text nodes are split at the range ends with splitText, which keeps
// the head in the original node; ranges are therefore wrapped from the end of the
// report backwards, so every earlier segment still starts where readText saw it.
// Whitespace-only pieces are left alone (wrapping the space between two table
// cells would break the table). Undoing unwraps each piece and joins the split
// nodes back into their original node, so the page's nodes, not only its HTML,
// are as they were.
import { piecesOf } from './text.js';

export class Highlighter {
  constructor() {
    /** Wrapper elements, in no particular order. */
    this.wrappers = [];
    /** Text nodes that splitText created, to be joined back. */
    this.created = new Set();
    /** Original text nodes that were split. */
    this.split = new Set();
  }

  /**
   * Wraps `text[start, end)` of a report read by readText. Call in descending
   * order of `start` over non-overlapping ranges.
   * @param {{node: Text, start: number, end: number}[]} segments
   * @param {(piece: Text, index: number, count: number) => Element} makeWrapper
   * @returns {Element[]} the wrappers, in document order
   */
  wrap(segments, start, end, makeWrapper) {
    const pieces = piecesOf(segments, start, end).filter(({ segment, from, to }) =>
      /\S/.test(segment.node.data.slice(from, to)),
    );
    const wrappers = [];
    // Back to front: a split in a later node never moves an earlier one.
    for (let i = pieces.length - 1; i >= 0; i--) {
      const { segment, from, to } = pieces[i];
      let node = segment.node;
      if (to < node.data.length) this.#splitOff(node, to);
      if (from > 0) node = this.#splitOff(node, from);
      const wrapper = makeWrapper(node, i, pieces.length);
      node.parentNode.replaceChild(wrapper, node);
      wrapper.appendChild(node);
      wrappers.unshift(wrapper);
      this.wrappers.push(wrapper);
    }
    return wrappers;
  }

  #splitOff(node, offset) {
    const tail = node.splitText(offset);
    this.created.add(tail);
    if (!this.created.has(node)) this.split.add(node);
    return tail;
  }

  /** Removes every wrapper and joins split text nodes back together. */
  undo() {
    for (const wrapper of this.wrappers) {
      const parent = wrapper.parentNode;
      if (!parent) continue; // the page removed it meanwhile
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      wrapper.remove();
    }
    for (const node of this.split) {
      let next = node.nextSibling;
      while (next && this.created.has(next)) {
        node.appendData(next.data);
        next.remove();
        next = node.nextSibling;
      }
    }
    this.wrappers = [];
    this.created.clear();
    this.split.clear();
  }
}
