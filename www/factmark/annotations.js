// W3C Web Annotations (https://www.w3.org/TR/annotation-model/) of the groups
// the widget highlights: one Annotation per group, its verdict and explanation
// as the body, each member's report as a target.
//
// Why no DOM here: the widget, the Node entry of the npm package and the tests
// all build the same JSON-LD from the same inputs (the check result and each
// report's text), so this module only computes. `factmark check --format
// web-annotation` builds the same shape in Rust (src/bin/factmark/annotation.rs).
//
// Positions: a TextPositionSelector counts Unicode code points, not UTF-16 code
// units (the model says so), of the report's text as factmark read it; the
// TextQuoteSelector (the figure with up to 32 characters either side) finds the
// figure again wherever the text has moved.
//
// Verdicts: the body's `classifying` value is the group's verdict as the core
// names it (`contradiction`, `revision`, `sourcesDiffer`, …). Only the
// verdicts the widget marks are exported: not plain agreement, and never a
// part of a whole (`partOfWhole`), which is context, not a conflict.
import { isMarked } from './format.js';

export const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const QUOTE_CONTEXT = 32; // code points of prefix and suffix

/** Code points in `text` before UTF-16 index `index`. */
export function codePointIndex(text, index) {
  let points = 0;
  for (let i = 0; i < index; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** Up to `n` code points of `text` ending at UTF-16 index `end` (or starting at `start`). */
function before(text, end, n) {
  return [...text.slice(Math.max(0, end - 2 * n), end)].slice(-n).join('');
}
function after(text, start, n) {
  return [...text.slice(start, start + 2 * n)].slice(0, n).join('');
}

/** The two selectors of a claim in its report's text. */
export function textSelectors(text, claim) {
  const quote = { type: 'TextQuoteSelector', exact: text.slice(claim.utf16Start, claim.utf16End) };
  const prefix = before(text, claim.utf16Start, QUOTE_CONTEXT);
  const suffix = after(text, claim.utf16End, QUOTE_CONTEXT);
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  const position = {
    type: 'TextPositionSelector',
    start: codePointIndex(text, claim.utf16Start),
    end: codePointIndex(text, claim.utf16End),
  };
  return [quote, position];
}

/**
 * Annotations for the groups `highlighted` picks (default: the groups whose
 * verdict the widget marks: format.js's isMarked).
 *
 * @param {{reports: object[], groups: object[]}} result the core's check result
 * @param {(report: object, index: number) => {text: string, target(selectors: object[]): object}} sourceOf
 *   each report's text and how a target on it is written (its `source` and how
 *   the selectors attach to it)
 * @param {{id(group: object): string, highlighted?(group: object): boolean}} how
 */
export function webAnnotations(result, sourceOf, how) {
  const highlighted = how.highlighted ?? isMarked;
  const claims = new Map();
  result.reports.forEach((report, r) => {
    const source = sourceOf(report, r);
    for (const claim of report.claims) claims.set(claim.id, { claim, report, source });
  });
  const annotations = [];
  for (const group of result.groups) {
    if (!highlighted(group)) continue;
    const targets = [];
    for (const member of group.members) {
      const found = claims.get(member.claim);
      if (!found) continue;
      targets.push(found.source.target(textSelectors(found.source.text, found.claim)));
    }
    annotations.push({
      '@context': CONTEXT,
      id: how.id(group),
      type: 'Annotation',
      motivation: 'classifying',
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: group.verdict },
        { type: 'TextualBody', purpose: 'describing', value: group.explanation, format: 'text/plain', language: 'en' },
      ],
      target: targets,
    });
  }
  return annotations;
}
