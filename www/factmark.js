// factmark's widget: one ES module a CMS page loads to mark the numbers that
// reports of one event state differently. Pages load it as factmark.min.js,
// this module and ./factmark/*.js bundled by scripts/build-wasm.sh.
//
//   import { annotate } from '/factmark/factmark.min.js';
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
//
// Hostile pages: past MAX_PAGE_TEXT characters of article text the widget
// declines with a visible notice rather than hold the page's main thread for
// seconds; when the wasm cannot load (a 404, a corrupt file, a CSP without
// 'wasm-unsafe-eval') the articles stay untouched and the console gets one line
// saying why; when the page re-renders an article under the marks, the popover
// closes instead of floating over nothing, and annotate() again marks the new
// text (RELIABILITY.md has the figures).
import { buildSummary } from './factmark/summary.js';
import { Highlighter } from './factmark/highlight.js';
import { Popover } from './factmark/popover.js';
import { readText } from './factmark/text.js';
import { verdictOf } from './factmark/format.js';
import { announce, clearNotice } from './factmark/announce.js';
import { coreFailureReason } from './factmark/failure.js';
import { reportsFor } from './factmark/reports.js';

const STYLESHEET = new URL('./factmark.css', import.meta.url).href;

/**
 * Most characters (UTF-16 code units) of report text, all articles together,
 * that annotate() checks by default. Past it the widget declines with a notice:
 * in RELIABILITY.md's measurements the main thread is busy about 1 ms per
 * 1,000 characters on a slow machine, so this keeps the longest task near a
 * second. Pass `maxText` to annotate() to move it.
 */
export const MAX_PAGE_TEXT = 1_000_000;

let core = null; // Promise of the initialised wasm exports
const annotated = new WeakMap(); // root element → live handle
const live = new Set(); // every live handle, to drop those whose articles left the page
const prefixes = new Set(); // id prefixes this copy of the widget has used
let annotations = 0; // for id prefixes
let stylesheetUsers = 0;
let stylesheet = null;

function loadCore(wasmUrl) {
  core ??= (async () => {
    // Imported here rather than statically, so that a missing glue file is
    // reported like any other load failure instead of breaking this module.
    // (A literal path, so that a bundler of the npm package can follow it.)
    const glue = await import('./pkg/factmark.js');
    await glue.default({ module_or_path: wasmUrl ?? new URL('./pkg/factmark_bg.wasm', import.meta.url) });
    return {
      // The wasm export takes parallel arrays (no deserializer in the bundle).
      checkReports: (reports) =>
        glue.checkReports(reports.map((r) => r.name), reports.map((r) => r.date ?? ''), reports.map((r) => r.text)),
      limits: glue.limits(),
    };
  })().catch((error) => {
    core = null; // a later call tries again
    const reason = String(error?.message ?? error).split('\n')[0];
    const failure = new Error(`factmark: the WebAssembly core did not load (${reason}); the articles are left as they are.`);
    failure.logged = true;
    failure.reason = coreFailureReason(error);
    console.error(failure.message);
    throw failure;
  });
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
 * @param {number} [options.maxText=MAX_PAGE_TEXT] most characters of article text to
 *   check; past it nothing is marked, a notice says why (where the summary panel
 *   would go) and the handle's `declined` holds the same sentence
 * @param {(reports: {name: string, date?: string, text: string}[]) => object} [options.check]
 *   replaces the wasm core (same input and output as its checkReports)
 * @param {boolean} [options.notices] true: an editor is looking, show a notice saying why
 *   when nothing can be checked; false: no notice at all (default: the page's
 *   <meta name="factmark-notices">, else only the notice of a declined check)
 * @param {string | URL} [options.wasmUrl] where the core's .wasm is (default: pkg/ next to this file)
 * @param {EventTarget} [options.eventTarget] where factmark:ready and factmark:error go (default: the first root)
 * @returns {Promise<{remove(): void, reports: object[], groups: object[], marks: Element[], timings: object,
 *   toWebAnnotations(): object[]}>}
 */
export function annotate(roots, options = {}) {
  return announce((opts) => annotateRoots(roots, opts), toElements(roots), options);
}

async function annotateRoots(roots, options) {
  const started = performance.now();
  const elements = toElements(roots);
  if (!elements.length) {
    throw Object.assign(new Error('factmark: annotate() got no article elements to check.'), { reason: 'noArticles' });
  }

  // An annotation whose articles the page has since replaced or removed goes
  // (its popover and summary panel with it).
  for (const handle of live) {
    if (handle.roots.some((root) => !root.isConnected)) handle.remove();
  }
  // Annotating again redoes the earlier annotation of these roots, under the same ids.
  let prefix = null;
  for (const root of elements) {
    const earlier = annotated.get(root);
    if (earlier) {
      prefix ??= earlier.prefix;
      earlier.remove();
    }
    // Marks left in the article now are copies the page made of ours (a CMS
    // re-rendering from the annotated HTML), or another widget's.
    for (const mark of root.querySelectorAll('mark[data-factmark-mark]')) {
      if (!prefixes.has(mark.dataset.factmarkBy)) {
        throw new Error('factmark: this article is already annotated by another copy of factmark; remove that first.');
      }
      unwrapCopy(mark);
    }
  }
  prefix ??= `factmark${++annotations}`;
  prefixes.add(prefix);

  const read = elements.map((root, i) => ({ root, ...describe(root, i), ...readText(root, options.skip) }));
  uniqueNames(read);
  const maxText = options.maxText ?? MAX_PAGE_TEXT;
  const textLength = read.reduce((n, report) => n + report.text.length, 0);
  if (textLength > maxText) return decline(elements, prefix, options, started, textLength, maxText);
  const input = read.map(({ name, date, text }) => (date ? { name, date, text } : { name, text }));
  const checked = performance.now();
  const result = options.check ? await options.check(input) : await checkWithCore(input, options.wasmUrl);
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
        markElement(mention, prefix, i === 0 ? `${prefix}-${r}-${n}` : null, i === count - 1),
      );
      if (mention.pieces.length) marked.push(claim.id);
    }
  });

  const popover = new Popover(prefix, mentions);
  for (const id of marked) popover.attach(id);
  // A page that re-renders an article under the marks must not leave the
  // popover open over a highlight that is gone.
  const observer = new MutationObserver(() => popover.closeIfOrphaned());
  for (const root of elements) observer.observe(root, { childList: true, subtree: true });
  const marks = [...mentions.values()].flatMap((mention) => mention.pieces);

  let panel = null;
  if (options.summary !== false) {
    panel = buildSummary(prefix, result.groups, mentions, read.length);
    placeAfterReports(panel, elements, options);
  }

  const handle = {
    prefix,
    roots: elements,
    declined: null,
    reports: result.reports,
    groups: result.groups,
    marks,
    timings: { checkMs, totalMs: performance.now() - started },
    remove() {
      if (!live.has(handle)) return;
      live.delete(handle);
      observer.disconnect();
      popover.destroy();
      panel?.remove();
      highlighter.undo();
      if (usesStylesheet) removeStylesheet();
      for (const root of elements) if (annotated.get(root) === handle) annotated.delete(root);
    },
  };
  for (const root of elements) annotated.set(root, handle);
  live.add(handle);
  return handle;
}

/** Puts the summary panel (or the notice in its place) where `options.summary` says. */
function placeAfterReports(node, elements, options) {
  if (options.summary instanceof Element) options.summary.append(node);
  else elements[elements.length - 1].after(node);
}

/**
 * Too much text to check without freezing the page: no marks, a notice where
 * the summary panel would go (none with `summary: false`), one console line,
 * and a handle whose `declined` says why.
 */
async function decline(elements, prefix, options, started, textLength, maxText) {
  const why =
    `factmark did not check these ${elements.length} reports: they hold ${textLength.toLocaleString('en')} characters ` +
    `of text, more than the ${maxText.toLocaleString('en')} it checks on one page without slowing the page down.`;
  console.warn(why);
  const usesStylesheet = options.stylesheet !== false && (await addStylesheet());
  let notice = null;
  if (options.summary !== false && options.notices !== false) {
    notice = document.createElement('p');
    notice.className = 'fm-notice';
    notice.setAttribute('role', 'status');
    notice.dataset.factmarkUi = '';
    notice.textContent = why;
    placeAfterReports(notice, elements, options);
  }
  const handle = {
    prefix,
    roots: elements,
    declined: why,
    reports: [],
    groups: [],
    marks: [],
    timings: { checkMs: 0, totalMs: performance.now() - started },
    remove() {
      if (!live.has(handle)) return;
      live.delete(handle);
      notice?.remove();
      if (usesStylesheet) removeStylesheet();
      for (const root of elements) if (annotated.get(root) === handle) annotated.delete(root);
    },
  };
  for (const root of elements) annotated.set(root, handle);
  live.add(handle);
  return handle;
}

/** Unwraps a copy of one of our marks, joining the text it had split. */
function unwrapCopy(mark) {
  const parent = mark.parentNode;
  const before = mark.previousSibling;
  const after = mark.nextSibling;
  mark.replaceWith(...mark.childNodes);
  let node = before ?? parent.firstChild;
  while (node && node !== after) {
    const next = node.nextSibling;
    if (node.nodeType === Node.TEXT_NODE && next?.nodeType === Node.TEXT_NODE) {
      node.appendData(next.data);
      next.remove();
      if (next === after) break;
    } else {
      node = next;
    }
  }
}

async function checkWithCore(input, wasmUrl) {
  const { checkReports, limits } = await loadCore(wasmUrl);
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
function markElement(mention, prefix, id, last) {
  const verdict = verdictOf(mention.group);
  const mark = document.createElement('mark');
  mark.className = `fm-mark fm-v-${mention.group.verdict}${last ? ' fm-last' : ''}`;
  mark.dataset.factmarkMark = mention.claim.id;
  mark.dataset.factmarkBy = prefix;
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
 * `reports` attribute, a CSS selector) and appends the summary panel at its end;
 * left empty, it checks the articles around it (factmark/reports.js). Its
 * `handle` property is a Promise of annotate()'s handle; it fires
 * `factmark:ready` or `factmark:error` (bubbling), and the older
 * `factmark-ready` or `factmark-error`, when done. Attributes: `reports`,
 * `notices` (on/off: factmark/failure.js), `wasm` (the .wasm's URL).
 */
export class FactmarkCheck extends HTMLElement {
  connectedCallback() {
    if (this.handle) return;
    // Block-level even before factmark.css arrives (the CSSOM, not a style attribute: CSP allows it).
    if (getComputedStyle(this).display === 'inline') this.style.display = 'block';
    const start = () => {
      const roots = reportsFor(this, this.getAttribute('reports') || 'article');
      // An empty marker's summary goes after the articles it checks.
      const summary = roots.some((root) => this.contains(root)) ? this : undefined;
      const wasmUrl = this.getAttribute('wasm') || undefined;
      this.handle = annotate(roots, { summary, wasmUrl, eventTarget: this });
      this.handle.then(
        (handle) => this.dispatchEvent(new CustomEvent('factmark-ready', { detail: handle })),
        (error) => {
          if (!error?.logged) console.error(error);
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
    clearNotice(this);
    pending?.then((handle) => handle.remove(), () => {});
  }
}

if (!customElements.get('factmark-check')) customElements.define('factmark-check', FactmarkCheck);
