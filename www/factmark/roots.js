// Which elements are reports: what annotate() was given, each once.
//
// Why: pages pass what they have at hand. A framework may list one article
// twice, a selector may match an article and an article nested in it, and a
// report's text must not be read twice (its figures would contradict
// themselves). An element given twice is one report; one inside another
// (through open shadow roots too) is part of the outer one's text.

/**
 * @param {Element | Iterable<Element> | string} roots the articles, or a CSS selector
 * @returns {Element[]} in the order given, each once, none inside another
 */
export function reportRoots(roots) {
  const given = typeof roots === 'string' ? document.querySelectorAll(roots) : roots instanceof Element ? [roots] : (roots ?? []);
  const unique = new Set();
  for (const root of given) if (root instanceof Element) unique.add(root);
  return [...unique].filter((root) => !insideAnother(root, unique));
}

function insideAnother(root, roots) {
  for (let node = parentOf(root); node; node = parentOf(node)) {
    if (roots.has(node)) return true;
  }
  return false;
}

/** The parent in the composed tree: a shadow root's host stands for the root. */
function parentOf(node) {
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : parent;
}
