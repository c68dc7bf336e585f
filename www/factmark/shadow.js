// Styles inside open shadow roots.
//
// Why: a document's stylesheets do not reach into a shadow tree, so marks in
// one would be plain text. The rules of factmark.css, as the page loaded
// them, are adopted into each shadow root that holds marks (a constructed
// stylesheet: nothing is added to the shadow tree's HTML), and dropped when
// the last annotation using that root goes.

const users = new WeakMap(); // shadow root → how many annotations adopted the sheet
let sheet = null;

/**
 * Adopts factmark.css (the page's copy at `href`) into `roots`; returns a
 * function that undoes it. Does nothing when the page has no such sheet
 * (stylesheet: false and the page styles marks itself).
 */
export function adoptStyles(roots, href) {
  const adopted = [];
  sheet ??= copyOf(href);
  if (sheet) {
    for (const root of roots) {
      const n = users.get(root) ?? 0;
      if (n === 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      users.set(root, n + 1);
      adopted.push(root);
    }
  }
  return () => {
    for (const root of adopted) {
      const n = users.get(root) - 1;
      users.set(root, n);
      if (n === 0) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  };
}

function copyOf(href) {
  const source = [...document.styleSheets].find((s) => s.href === href);
  if (!source) return null;
  const copy = new CSSStyleSheet();
  copy.replaceSync([...source.cssRules].map((rule) => rule.cssText).join('\n'));
  return copy;
}
