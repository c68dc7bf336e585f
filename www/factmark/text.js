// Text mapping: one report string per article, and the way back to DOM text nodes.
//
// Why: the core reads a plain string and answers with UTF-16 offsets into it
// (JS string indices). The string is the concatenation of the article's text
// nodes, in document order, with two adjustments that keep sentences apart
// without moving any offset inside a node:
//   - tab, CR, LF and form feed inside a text node become spaces one for one
//     (HTML source formatting is not a line break on screen);
//   - a "\n" that belongs to no node is put between blocks (p, li, td, ...), so
//     paragraphs stay separate lines, and a " " for <br>, so a number broken
//     over a line break still reads as one.
// Skipped subtrees (script, style, form controls, the widget's own UI, anything
// matching the `skip` selector) contribute nothing. The text is what the reader
// sees: an element with an open shadow root is read through it, and a <slot>
// reads the nodes assigned to it (the flat tree), so an article that is a
// shadow host, or holds one, is read whole. `segments` records where
// each text node's characters sit in the string, so a range of the string maps
// back to (node, offset) pairs.

/** Elements whose content is never report text. */
export const ALWAYS_SKIP =
  'script, style, noscript, template, textarea, select, button, input, svg, math, iframe, ' +
  'object, embed, canvas, audio, video, [hidden], [data-factmark-skip], [data-factmark-ui]';

const BLOCKS = new Set(
  ('address article aside blockquote dd details div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ' +
    'td th caption ul').split(' '),
);

/**
 * Reads the text of `root`.
 * @param {Element} root
 * @param {string} skip extra CSS selector for subtrees to leave out ('' for none)
 * @returns {{text: string, segments: {node: Text, start: number, end: number}[], shadows: ShadowRoot[]}}
 *   `start`/`end` are UTF-16 offsets of the node's characters in `text`;
 *   `shadows` are the shadow roots read through.
 */
export function readText(root, skip = '') {
  const reading = read(root, skip);
  let step = reading.next();
  while (!step.done) step = reading.next();
  return step.value;
}

/**
 * As readText, calling `pause()` every STEP nodes (or STEP_CHARACTERS) and awaiting it when it
 * returns a promise (the caller gives the page its turn there).
 */
export async function readTextPaced(root, skip, pause) {
  const reading = read(root, skip);
  let step = reading.next();
  while (!step.done) {
    const wait = pause();
    if (wait) await wait;
    step = reading.next();
  }
  return step.value;
}

/** Nodes, or characters, read between two pauses. */
const STEP = 512;
const STEP_CHARACTERS = 65_536;

function* read(root, skip = '') {
  const skipSelector = skip ? `${ALWAYS_SKIP}, ${skip}` : ALWAYS_SKIP;
  const parts = [];
  const segments = [];
  let length = 0;
  let lastBreak = true; // no separator at the very start

  const separate = (separator) => {
    if (lastBreak) return;
    parts.push(separator);
    length += separator.length;
    lastBreak = true;
  };

  // Depth-first with an explicit stack rather than recursion: a page may nest
  // inline elements thousands deep, past the JS call stack.
  const shadows = [];
  const stack = [childrenOf(root, false, shadows)];
  let nodes = 0;
  let characters = 0; // read since the last pause
  while (stack.length) {
    if (++nodes % STEP === 0 || characters > STEP_CHARACTERS) {
      characters = 0;
      yield;
    }
    const top = stack[stack.length - 1];
    const node = top.list ? top.list[top.i++] : top.next;
    if (!node) {
      stack.pop();
      if (top.block) separate('\n');
      continue;
    }
    if (!top.list) top.next = node.nextSibling;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = node.data;
      if (!data) continue;
      parts.push(data.replace(/[\t\n\r\f]/g, ' '));
      characters += data.length;
      segments.push({ node, start: length, end: length + data.length });
      length += data.length;
      // Indentation between blocks does not count as text after a break.
      if (/\S/.test(data)) lastBreak = false;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.matches(skipSelector)) continue;
      const tag = node.localName;
      if (tag === 'br') {
        // Inline: a space, and a following block still gets its "\n".
        if (!lastBreak) {
          parts.push(' ');
          length += 1;
        }
        continue;
      }
      const block = BLOCKS.has(tag);
      if (block) separate('\n');
      stack.push(childrenOf(node, block, shadows));
    }
  }
  return { text: parts.join(''), segments, shadows };
}

/**
 * A stack frame over what `element` shows: its open shadow root's children,
 * a slot's assigned nodes (else its own children), or its children.
 */
function childrenOf(element, block, shadows) {
  if (element.shadowRoot) {
    shadows.push(element.shadowRoot);
    return { next: element.shadowRoot.firstChild, block };
  }
  if (element.localName === 'slot') {
    const assigned = element.assignedNodes();
    if (assigned.length) return { list: assigned, i: 0, block };
  }
  return { next: element.firstChild, block };
}

/**
 * The pieces of text nodes that hold `text[start, end)`, as [{segment, from, to}]
 * with offsets relative to each node, in document order.
 */
export function piecesOf(segments, start, end) {
  const pieces = [];
  // Binary search for the first segment that ends after `start`.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments.length && segments[i].start < end; i++) {
    const segment = segments[i];
    const from = Math.max(start, segment.start) - segment.start;
    const to = Math.min(end, segment.end) - segment.start;
    if (to > from) pieces.push({ segment, from, to });
  }
  return pieces;
}
