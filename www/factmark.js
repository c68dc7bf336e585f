// factmark's widget: one ES module a CMS page loads to mark the numbers that
// reports of one event state differently.
//
//   import { annotate } from '/factmark/factmark.js';
//   const handle = await annotate(document.querySelectorAll('article'));
//   handle.remove(); // the page as it was
//
// or, with no script of the page's own: <factmark-check> around the articles.
//
// Why this flow: everything is read and checked before the page is touched, so a
// failure (too much text, a core error) leaves the page as it was and rejects
// with an Error an editor can act on. Only then are the mentions of groups
// whose verdict is not plain agreement wrapped, the popover wired and the
// summary panel inserted. The wasm core and the stylesheet are loaded from next
// to this file, once; nothing else is fetched.
import init, { checkReports, limits } from './pkg/factmark.js';
import { buildSummary } from './factmark/summary.js';
import { Highlighter } from './factmark/highlight.js';
import { Popover } from './factmark/popover.js';
import { readText } from './factmark/text.js';
import { verdictOf } from './factmark/format.js';

const STYLESHEET = new URL('./factmark.css', import.meta.url).href;

let core = null; // Promise of the initialised wasm exports
const annotated = new WeakMap(); // root element → live handle
let annotations = 0; // for id prefixes
let stylesheetUsers = 0;
let stylesheet = null;

function loadCore() {
  core ??= init().then(() => ({
    // The wasm export takes parallel arrays (no deserializer in the bundle).
    checkReports: (reports) =>
      checkReports(reports.map((r) => r.name), reports.map((r) => r.date ?? ''), reports.map((r) => r.text)),
    limits: limits(),
  }));
  return core;
}

/**
 * Reads each root as one report, checks them together, and marks the numbers
 * whose groups are not in plain agreement.
 *
 * @param {Element | Iterable<Element> | string} roots the articles, or a CSS selector
 * @param {object} [options]
 * @param {string} [options.skip] CSS selector of parts of the articles to leave out
 *   (script, style, form controls and elements with data-factmark-skip always are)
 * @param {Element | false} [options.summary] where to append the summary panel;
 *   default: right after the last article; false: no panel
 * @param {boolean} [options.stylesheet=true] add factmark.css to the page
 * @param {(reports: {name: string, date?: string, text: string}[]) => object} [options.check]
 *   replaces the wasm core (same input and output as its checkReports)
 * @returns {Promise<{remove(): void, reports: object[], groups: object[], marks: Element[], timings: object}>}
 */
export async function annotate(roots, options = {}) {
  const started = performance.now();
  const elements = toElements(roots);
  if (!elements.length) throw new Error('factmark: annotate() got no article elements to check.');

  // Annotating again redoes the earlier annotation of these roots, under the same ids.
  let prefix = null;
  for (const root of elements) {
    const earlier = annotated.get(root);
    if (earlier) {
      prefix ??= earlier.prefix;
      earlier.remove();
    } else if (root.querySelector('[data-factmark-mark]')) {
      throw new Error('factmark: this article is already annotated by another copy of factmark; remove that first.');
    }
  }
  prefix ??= `factmark${++annotations}`;

  const read = elements.map((root, i) => ({ root, ...describe(root, i), ...readText(root, options.skip) }));
  uniqueNames(read);
  const input = read.map(({ name, date, text }) => (date ? { name, date, text } : { name, text }));
  const checked = performance.now();
  const result = options.check ? await options.check(input) : await checkWithCore(input);
  const checkMs = performance.now() - checked;
  const usesStylesheet = options.stylesheet !== false && (await addStylesheet());

  // Every group member's claim, with its report and (once marked) its highlight pieces.
  const mentions = new Map();
  result.reports.forEach((report, r) => {
    for (const claim of report.claims) mentions.set(claim.id, { claim, report, reportIndex: r, group: null, pieces: [] });
  });
  for (const group of result.groups) {
    for (const member of group.members) {
      const mention = mentions.get(member.claim);
      if (mention) mention.group = group;
    }
  }

  const highlighter = new Highlighter();
  const marked = [];
  read.forEach((report, r) => {
    const disputed = result.reports[r].claims
      .map((claim, n) => ({ claim, n, mention: mentions.get(claim.id) }))
      .filter(({ mention }) => mention.group && mention.group.verdict !== 'agreement')
      .sort((a, b) => b.claim.utf16Start - a.claim.utf16Start);
    let limit = Infinity; // start of the range wrapped last: later ranges must end before it
    for (const { claim, n, mention } of disputed) {
      if (claim.utf16End > limit || claim.utf16Start >= claim.utf16End || claim.utf16End > report.text.length) {
        continue; // overlapping or out of range: leave it unmarked rather than mark wrong text
      }
      limit = claim.utf16Start;
      mention.pieces = highlighter.wrap(report.segments, claim.utf16Start, claim.utf16End, (_, i, count) =>
        markElement(mention, i === 0 ? `${prefix}-${r}-${n}` : null, i === count - 1),
      );
      if (mention.pieces.length) marked.push(claim.id);
    }
  });

  const popover = new Popover(prefix, mentions);
  for (const id of marked) popover.attach(id);
  const marks = [...mentions.values()].flatMap((mention) => mention.pieces);

  let panel = null;
  if (options.summary !== false) {
    panel = buildSummary(prefix, result.groups, mentions, read.length);
    if (options.summary instanceof Element) options.summary.append(panel);
    else elements[elements.length - 1].after(panel);
  }

  const handle = {
    prefix,
    reports: result.reports,
    groups: result.groups,
    marks,
    timings: { checkMs, totalMs: performance.now() - started },
    remove() {
      if (!annotated.has(elements[0]) || annotated.get(elements[0]) !== handle) return;
      popover.destroy();
      panel?.remove();
      highlighter.undo();
      if (usesStylesheet) removeStylesheet();
      for (const root of elements) annotated.delete(root);
    },
  };
  for (const root of elements) annotated.set(root, handle);
  return handle;
}

async function checkWithCore(input) {
  const { checkReports, limits } = await loadCore();
  const encoder = new TextEncoder();
  if (input.length > limits.maxReports) {
    throw new Error(`factmark: ${input.length} reports is more than the ${limits.maxReports} one check takes.`);
  }
  let total = 0;
  for (const report of input) {
    const bytes = encoder.encode(report.text).length;
    total += bytes;
    if (bytes > limits.maxReportBytes) {
      throw new Error(`factmark: report "${report.name}" has ${bytes} bytes of text, more than ${limits.maxReportBytes}.`);
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new Error(`factmark: the reports have ${total} bytes of text together, more than ${limits.maxTotalBytes}.`);
  }
  return checkReports(input);
}

/**
 * One highlight piece. The first piece of a mention is the one Tab reaches and
 * screen readers announce; the last carries the verdict's symbol (in CSS).
 */
function markElement(mention, id, last) {
  const verdict = verdictOf(mention.group);
  const mark = document.createElement('mark');
  mark.className = `fm-mark fm-v-${mention.group.verdict}${last ? ' fm-last' : ''}`;
  mark.dataset.factmarkMark = mention.claim.id;
  mark.dataset.factmarkGroup = mention.group.id;
  if (id) {
    mark.id = id;
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-expanded', 'false');
    mark.setAttribute('aria-label', `${mention.claim.text}: ${verdict.label.toLowerCase()} with other reports`);
  }
  return mark;
}

/** A report's name and date: data-name / data-date, else what the element says. */
function describe(root, index) {
  const name =
    root.dataset.name ||
    root.dataset.outlet ||
    root.getAttribute('aria-label') ||
    root.querySelector('h1, h2, h3')?.textContent.trim() ||
    root.id ||
    `Report ${index + 1}`;
  const datetime = root.dataset.date || root.querySelector('time[datetime]')?.getAttribute('datetime') || '';
  const date = /^\d{4}-\d{2}-\d{2}/.exec(datetime)?.[0] ?? null;
  return { name: name.replace(/\s+/g, ' ').slice(0, 200), date };
}

/** Claim ids are "<report name>#<n>", so report names must differ. */
function uniqueNames(reports) {
  const seen = new Map();
  for (const report of reports) {
    const n = (seen.get(report.name) ?? 0) + 1;
    seen.set(report.name, n);
    if (n > 1) report.name = `${report.name} (${n})`;
  }
}

function toElements(roots) {
  if (typeof roots === 'string') return [...document.querySelectorAll(roots)];
  if (roots instanceof Element) return [roots];
  return [...(roots ?? [])].filter((root) => root instanceof Element);
}

/** Adds factmark.css once (unless the page already links it); resolves when it has loaded. */
async function addStylesheet() {
  const linked = [...document.querySelectorAll('link[rel~="stylesheet"]')].some(
    (link) => link.href === STYLESHEET && link !== stylesheet,
  );
  if (linked) return false;
  stylesheetUsers++;
  if (!stylesheet) {
    stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = STYLESHEET;
    stylesheet.dataset.factmarkUi = '';
    const loaded = new Promise((resolve) => {
      stylesheet.addEventListener('load', resolve, { once: true });
      stylesheet.addEventListener('error', resolve, { once: true });
    });
    document.head.append(stylesheet);
    await loaded;
  }
  return true;
}

function removeStylesheet() {
  if (--stylesheetUsers > 0) return;
  stylesheet?.remove();
  stylesheet = null;
}

/**
 * <factmark-check> checks the articles inside it (or those matching its
 * `reports` attribute, a CSS selector) and appends the summary panel at its end.
 * Its `handle` property is a Promise of annotate()'s handle; it fires
 * `factmark-ready` or `factmark-error` when done.
 */
export class FactmarkCheck extends HTMLElement {
  connectedCallback() {
    if (this.handle) return;
    const start = () => {
      const roots = [...this.querySelectorAll(this.getAttribute('reports') || 'article')].filter(
        (root, _, all) => !all.some((other) => other !== root && other.contains(root)),
      );
      this.handle = annotate(roots, { summary: this });
      this.handle.then(
        (handle) => this.dispatchEvent(new CustomEvent('factmark-ready', { detail: handle })),
        (error) => {
          console.error(error);
          this.dispatchEvent(new CustomEvent('factmark-error', { detail: error }));
        },
      );
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }

  disconnectedCallback() {
    const pending = this.handle;
    this.handle = null;
    pending?.then((handle) => handle.remove(), () => {});
  }
}

if (!customElements.get('factmark-check')) customElements.define('factmark-check', FactmarkCheck);
