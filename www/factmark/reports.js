// Which articles a <factmark-check> checks: those inside it, or, when it stands
// empty, the articles around it.
//
// Why an empty marker: a CMS may take the element apart. WordPress's wpautop
// treats an unknown element as inline text, so `<factmark-check><article>…`
// written in the classic editor comes out as `<p><factmark-check></p><article>…`:
// the element is empty and the articles are its neighbours. So an element with
// no article inside looks outward, one ancestor at a time, and takes the
// articles of the first ancestor that has any; it never looks past the post it
// stands in (an <article>, <main>, a WordPress post's .hentry or
// .wp-block-post, or an element marked data-factmark-scope), so that on a page
// listing several posts one post's marker never checks another's reports.

const SCOPE = 'article, main, body, .hentry, .wp-block-post, [data-factmark-scope]';

/** The outermost of `elements`: those no other one contains. */
function outermost(elements) {
  return elements.filter((root) => !elements.some((other) => other !== root && other.contains(root)));
}

/**
 * The report elements for `element`: matches of `selector` inside it, else
 * those around it (see above), never an ancestor of the element itself.
 * @param {Element} element
 * @param {string} selector
 * @returns {Element[]}
 */
export function reportsFor(element, selector) {
  const inside = outermost([...element.querySelectorAll(selector)]);
  if (inside.length) return inside;
  for (let scope = element.parentElement; scope; scope = scope.parentElement) {
    const around = outermost([...scope.querySelectorAll(selector)].filter((root) => !root.contains(element)));
    if (around.length || scope.matches(SCOPE)) return around;
  }
  return [];
}
