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
// summary panel inserted (factmark/marking.js), all or nothing: a failure
// there undoes everything, an earlier annotation of the same articles comes
// back, and the promise rejects with a factmark Error. Calls run one after
// another, so a second call on the same articles replaces the first instead
// of racing it. The core runs in a worker (factmark/core.js) and the marking
// yields to the page between slices (factmark/pace.js), so no task holds the
// page for long. The wasm core, its worker and the stylesheet are loaded from
// next to this file, once; nothing else is fetched.
//
// Hostile pages: past MAX_PAGE_TEXT characters of article text the widget
// declines with a visible notice rather than hold the page's main thread for
// seconds; when the wasm cannot load (a 404, a corrupt file, a CSP without
// 'wasm-unsafe-eval') the articles stay untouched and the console gets one line
// saying why; when the page re-renders an article under the marks, the popover
// closes instead of floating over nothing, and annotate() again marks the new
// text (RELIABILITY.md has the figures).
//
// What the page hears: annotate() ends with a `factmark:ready` or
// `factmark:error` event (with a reason code), and, where an editor is
// looking, a notice saying why nothing could be checked (factmark/announce.js,
// factmark/failure.js). The handle exports its highlights as W3C Web
// Annotations (factmark/annotations.js).
import { apply, unapply, unapplyPaced } from './factmark/marking.js';
import { readTextPaced } from './factmark/text.js';
import { checkWithCore, coreMemoryBytes } from './factmark/core.js';
import { BIG_SLICE_MS, Pace } from './factmark/pace.js';
import { reportRoots } from './factmark/roots.js';
import { PageChanged, Watch } from './factmark/watch.js';
import { addStylesheet, removeStylesheet } from './factmark/stylesheet.js';
import { announce, annotationsOf, clearNotice } from './factmark/announce.js';
import { reportsFor } from './factmark/reports.js';

export { coreMemoryBytes };

const STYLESHEET = new URL('./factmark.css', import.meta.url).href;
/** The core's files, next to this one (a literal import, so that a bundler can follow it). */
const CORE_FILES = {
  worker: new URL('./pkg/factmark-worker.js', import.meta.url),
  wasm: new URL('./pkg/factmark_bg.wasm', import.meta.url),
  glue: () => import('./pkg/factmark.js'),
};

/**
 * The core's files when the page says where the .wasm is (`wasmUrl`): the
 * worker is looked for in the same folder, as the builds ship them (pkg/ holds
 * the wasm, the worker and the glue); where it cannot start there, the core
 * runs on the page's thread with the glue the widget imports itself.
 */
function coreFiles(wasmUrl) {
  if (!wasmUrl) return CORE_FILES;
  const wasm = new URL(wasmUrl, document.baseURI);
  return { ...CORE_FILES, wasm, worker: new URL('factmark-worker.js', wasm) };
}

/**
 * Most characters (UTF-16 code units) of report text, all articles together,
 * that annotate() checks by default. Past it the widget declines with a notice:
 * the core works off the page's thread and the marking in slices, but the
 * page's own layout of that many marks still costs the reader, and past a
 * million characters a check takes seconds. Pass `maxText` to annotate() to
 * move it.
 */
export const MAX_PAGE_TEXT = 1_000_000;

/** Characters of article text past which the work goes in short slices (pace.js). */
const BIG_PAGE = 200_000;

/** How often annotate() reads and checks again when the page changes the articles meanwhile. */
const ATTEMPTS = 3;

const annotated = new WeakMap(); // root element → live handle
const appliedOf = new WeakMap(); // handle → what apply() put in the page
const live = new Set(); // every live handle, to drop those whose articles left the page
const prefixes = new Set(); // id prefixes this copy of the widget has used
let annotations = 0; // for id prefixes
let queue = Promise.resolve(); // annotate() calls run one at a time

/**
 * Reads each root as one report, checks them together, and marks the numbers
 * whose groups are not in plain agreement. Calls run one after another: a call
 * on articles annotated before replaces that annotation.
 *
 * @param {Element | Iterable<Element> | string} roots the articles, or a CSS selector
 *   (an element given twice is one report; one inside another is part of it)
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
 * @param {string | URL} [options.wasmUrl] where the core's .wasm is (default: pkg/ next to this
 *   file); the worker (factmark-worker.js) is looked for next to it
 * @param {EventTarget} [options.eventTarget] where factmark:ready and factmark:error go (default: the first root)
 * @returns {Promise<{remove(): void, reports: object[], groups: object[], marks: Element[], timings: object,
 *   toWebAnnotations(): object[]}>}
 */
export function annotate(roots, options = {}) {
  // The events and notices of one call come after those of the call before it.
  const run = queue.then(() => {
    const elements = reportRoots(roots);
    return announce((opts) => annotateNow(elements, opts), elements, options);
  });
  queue = run.catch(() => {});
  return run;
}

async function annotateNow(elements, options) {
  const started = performance.now();
  if (!elements.length) {
    throw Object.assign(new Error('factmark: annotate() got no article elements to check.'), { reason: 'noArticles' });
  }

  // An annotation whose articles the page has since replaced or removed goes
  // (its popover and summary panel with it).
  for (const handle of live) {
    if (handle.roots.some((root) => !root.isConnected)) handle.remove();
  }
  const foreign = `mark[data-factmark-mark]${[...prefixes].map((p) => `:not([data-factmark-by="${p}"])`).join('')}`;
  for (const root of elements) {
    if (root.querySelector(foreign)) {
      throw new Error('factmark: this article is already annotated by another copy of factmark; remove that first.');
    }
  }
  const pace = new Pace();
  for (let attempt = 1; ; attempt++) {
    const watch = new Watch(elements);
    try {
      const prepared = await prepare(elements, options, pace, watch, started);
      if (watch.changed()) throw new PageChanged();
      return await commit(prepared, pace, watch, started);
    } catch (error) {
      if (!(error instanceof PageChanged)) throw asFactmarkError(error);
      if (attempt === ATTEMPTS) {
        throw new Error('factmark: the articles kept changing while factmark checked them; the page is as it was. Call annotate() again once they settle.');
      }
    } finally {
      watch.stop();
    }
  }
}

/** Reads and checks the articles; the page is not touched. */
async function prepare(elements, options, pace, watch, started) {
  const read = [];
  // Nothing changes the page here: the watch's records wait for the check after the core.
  const pause = () => (pace.due() ? pace.break() : null);
  for (const [i, root] of elements.entries()) {
    const report = await readTextPaced(root, options.skip, pause);
    watch.add(report.shadows);
    read.push({ ...describe(root, i), text: report.text });
  }
  const earlier = annotated.get(elements.find((root) => annotated.has(root)))?.prefix;
  const prefix = earlier ?? `factmark${++annotations}`;
  prefixes.add(prefix);
  const prepared = { prefix, roots: elements, options, texts: read.map((r) => r.text), stylesheet: STYLESHEET };
  const maxText = options.maxText ?? MAX_PAGE_TEXT;
  const textLength = read.reduce((n, report) => n + report.text.length, 0);
  if (textLength > BIG_PAGE) pace.sliceMs = BIG_SLICE_MS;
  if (textLength > maxText) {
    const why =
      `factmark did not check these ${elements.length} reports: they hold ${textLength.toLocaleString('en')} characters ` +
      `of text, more than the ${maxText.toLocaleString('en')} it checks on one page without slowing the page down.`;
    console.warn(why);
    return { ...prepared, declined: why, result: { reports: [], groups: [] }, checkMs: 0 };
  }
  const input = read.map(({ name, date, text }) => (date ? { name, date, text } : { name, text }));
  const checked = performance.now();
  let result;
  try {
    result = options.check ? await options.check(input) : await checkWithCore(input, coreFiles(options.wasmUrl));
  } catch (error) {
    throw asFactmarkError(error, 'checking the articles failed');
  }
  pace.restart(); // the page had its turn while the core worked
  if (result?.reports?.length !== input.length || !Array.isArray(result.groups)) {
    throw new Error(`factmark: the check answered for ${result?.reports?.length ?? 'no'} reports, not ${input.length}.`);
  }
  warnAboutDates(input, result.reports);
  const { memoryBytes = null, coreMs = null, ...checkResult } = result;
  return { ...prepared, declined: null, result: checkResult, checkMs: performance.now() - checked, coreMs, memoryBytes };
}

/**
 * Puts the checked annotation in the page in place of any earlier one of
 * these articles; on failure the page is put back as it was (the earlier
 * annotation too) and the error goes on.
 */
async function commit(prepared, pace, watch, started) {
  const earlier = new Set();
  for (const root of prepared.roots) {
    const handle = annotated.get(root);
    if (handle) earlier.add(handle);
  }
  const restore = [];
  // The summary panel of the annotation replaced, for apply() to move back if it shows the same.
  const reuse = earlier.size === 1 ? appliedOf.get([...earlier][0])?.summary : null;
  // Hold the stylesheet meanwhile: removing the earlier annotation would take it
  // out, and adding it again would load it again (unstyled marks meanwhile).
  const held = prepared.options.stylesheet !== false && (await addStylesheet(STYLESHEET));
  // Taking the earlier marks out goes in slices too; it runs to its end (a
  // half-removed annotation could not be put back), and a change the page
  // made meanwhile is looked at after it. Called after each step, before any
  // await: the records of the step's own changes are dropped there.
  let changed = false;
  const pause = () => {
    watch.ours();
    if (!pace.due()) return null;
    return pace.break().then(() => {
      changed ||= watch.changed();
    });
  };
  try {
    watch.check();
    for (const handle of earlier) {
      restore.push(() => handle.reapply());
      await handle.removePaced(pause);
    }
    // Marks left in the articles now are copies the page made of ours (a CMS
    // re-rendering from the annotated HTML).
    for (const root of prepared.roots) {
      for (const copy of root.querySelectorAll('mark[data-factmark-mark]')) {
        restore.push(unwrapCopy(copy));
        const wait = pause();
        if (wait) await wait;
      }
    }
    watch.ours();
    if (changed) throw new PageChanged();
    const applied = await apply({ ...prepared, reuse }, pace, watch);
    return register(prepared, applied, started, pace);
  } catch (error) {
    for (const undo of restore.reverse()) await undo();
    throw error;
  } finally {
    if (held) removeStylesheet();
  }
}

/** The handle of an applied annotation, registered as the live one of its roots. */
function register(prepared, applied, started, pace) {
  const handle = {
    prefix: prepared.prefix,
    roots: prepared.roots,
    declined: prepared.declined,
    reports: prepared.result.reports,
    groups: prepared.result.groups,
    marks: applied.marks,
    timings: {
      checkMs: prepared.checkMs,
      totalMs: performance.now() - started,
      coreMs: prepared.coreMs ?? null,
      wasmMemoryBytes: prepared.memoryBytes ?? null,
      breaks: pace.breaks,
    },
    /** The highlighted groups as W3C Web Annotations ([] when declined). */
    toWebAnnotations() {
      return annotationsOf(handle, prepared.texts);
    },
    remove() {
      if (!live.has(handle)) return;
      live.delete(handle);
      unapply(applied);
      for (const root of prepared.roots) if (annotated.get(root) === handle) annotated.delete(root);
    },
    /** As remove(), the marks taken out in slices (annotate() does, when it replaces this annotation). */
    async removePaced(pause) {
      if (!live.has(handle)) return;
      live.delete(handle);
      for (const root of prepared.roots) if (annotated.get(root) === handle) annotated.delete(root);
      await unapplyPaced(applied, pause);
    },
    /** Puts a removed annotation back (annotate() does, when the one replacing it fails). */
    async reapply() {
      try {
        applied = await apply({ ...prepared, reuse: applied.summary }, new Pace(), null);
      } catch {
        return; // the articles changed since: it stays removed
      }
      appliedOf.set(handle, applied);
      handle.marks = applied.marks;
      for (const root of prepared.roots) annotated.set(root, handle);
      live.add(handle);
    },
  };
  for (const root of prepared.roots) annotated.set(root, handle);
  live.add(handle);
  appliedOf.set(handle, applied);
  return handle;
}

/**
 * A factmark Error for any failure: its message says what failed, the original
 * is its cause, and its `reason` (failure.js) is the original's, else `checkFailed`.
 */
function asFactmarkError(error, what = 'marking the articles failed') {
  const message = String(error?.message ?? error);
  if (error instanceof Error && message.startsWith('factmark')) return error;
  return Object.assign(new Error(`factmark: ${what} (${message}); the page is as it was.`, { cause: error }), {
    reason: error?.reason ?? 'checkFailed',
  });
}

/** Unwraps a copy of one of our marks; returns the function that wraps it again. */
function unwrapCopy(mark) {
  const children = [...mark.childNodes];
  const parent = mark.parentNode;
  const next = mark.nextSibling;
  for (const child of children) parent.insertBefore(child, mark);
  mark.remove();
  return () => {
    parent.insertBefore(mark, children[0] ?? next);
    for (const child of children) mark.appendChild(child);
  };
}

/** One console warning naming the reports whose given date the core could not use. */
function warnAboutDates(input, reports) {
  const bad = [];
  input.forEach((report, r) => {
    if (report.date && reports[r].date === null) bad.push(`"${reports[r].name}" (${JSON.stringify(report.date)})`);
  });
  if (!bad.length) return;
  const shown = bad.slice(0, 5).join(', ') + (bad.length > 5 ? ` and ${bad.length - 5} more` : '');
  console.warn(
    `factmark: ${bad.length === 1 ? 'a date is' : `${bad.length} dates are`} not a calendar date ` +
      `(YYYY-MM-DD, optionally with a time such as 2025-04-11T14:30+02:00), so checked as undated: ${shown}.`,
  );
}

/** Longest date attribute passed on to the core (a date with time and zone is 25 characters). */
const MAX_DATE = 40;

/** A report's name and date: data-name / data-date, else what the element says. */
function describe(root, index) {
  const find = (selector) => root.shadowRoot?.querySelector(selector) ?? root.querySelector(selector);
  const name =
    root.dataset.name ||
    root.dataset.outlet ||
    root.getAttribute('aria-label') ||
    find('h1, h2, h3')?.textContent.trim() ||
    root.id ||
    `Report ${index + 1}`;
  // Passed whole (time and zone too): the core validates it and says when it cannot use it.
  const date = (root.dataset.date || find('time[datetime]')?.getAttribute('datetime') || '').trim().slice(0, MAX_DATE);
  return { name: name.replace(/\s+/g, ' ').slice(0, 200), date: date || null };
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
