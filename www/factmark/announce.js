// What annotate() tells the page once it is done: a `factmark:ready` or
// `factmark:error` event, an editor's notice when nothing could be checked; and
// the Web Annotations the handle's toWebAnnotations() gives.
//
// Why a wrapper: annotate() has several ways to end (no articles, a core that
// does not load, a page over the size limit, a check that fails, success);
// wrapping it once gives each of them the same event and notice without
// touching the paths themselves. See failure.js for the notices and
// annotations.js for the export.
import { coreFailureReason, emit, noticeText, noticesMode, showNotice } from './failure.js';
import { webAnnotations } from './annotations.js';

const notices = new Map(); // event target → the editor's notice shown for it

/** Removes the editor's notice shown for `target`, if any. */
export function clearNotice(target) {
  notices.get(target)?.remove();
  notices.delete(target);
}

/**
 * Runs `run(options)` (annotate's own work) and reports how it ended.
 * @param {(options: object) => Promise<object>} run
 * @param {Element[]} roots the articles (for placing a notice and the events)
 * @param {object} options annotate()'s options; `eventTarget` is where events go
 */
export async function announce(run, roots, options) {
  const target = options.eventTarget ?? roots[0] ?? document;
  const mode = noticesMode(options.notices, options.eventTarget);
  clearNotice(target);
  // An editor's notice replaces the built-in one of a declined check; readers get none.
  const inner = mode === undefined ? options : { ...options, notices: false };
  let handle;
  try {
    handle = await run(inner);
  } catch (error) {
    const reason = error?.reason ?? 'checkFailed';
    if (mode === true) notices.set(target, showNotice(noticeText(reason, detailOf(error, reason)), roots, options.eventTarget));
    emit(target, 'error', { reason, message: error?.message ?? String(error), error });
    throw error;
  }
  if (handle.declined) {
    if (mode === true) notices.set(target, showNotice(noticeText('tooMuchText', handle.declined), roots, options.eventTarget));
    emit(target, 'error', { reason: 'tooMuchText', message: handle.declined, handle });
    return handle;
  }
  emit(target, 'ready', handle);
  return handle;
}

function detailOf(error, reason) {
  if (reason === 'noArticles') return '';
  return String(error?.message ?? error)
    .replace(/^factmark: /, '')
    .replace(/; the articles are left as they are\.$/, '');
}

/**
 * The handle's groups that have highlights, as W3C Web Annotations; `texts`
 * are the reports' texts as the core read them (the handle's roots, in order).
 */
export function annotationsOf(handle, texts) {
  const page = location.href.split('#')[0];
  const marked = new Set(handle.marks.map((mark) => mark.dataset.factmarkGroup));
  return webAnnotations(
    handle,
    (report, r) => {
      const root = handle.roots[r];
      const selector = cssSelectorOf(root);
      return {
        text: texts[r],
        // The positions count within the article: a CssSelector names it, refined by the position.
        target: ([quote, position]) => ({
          type: 'SpecificResource',
          source: page,
          selector: [quote, { type: 'CssSelector', value: selector, refinedBy: position }],
        }),
      };
    },
    { id: (group) => `${page}#${handle.prefix}-annotation-${group.id}`, highlighted: (group) => marked.has(group.id) },
  );
}

/** A CSS selector that picks `element` out of the page: its id, else a path of :nth-of-type steps. */
function cssSelectorOf(element) {
  const steps = [];
  for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
    if (node.id) {
      steps.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    let n = 1;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === node.localName) n++;
    }
    steps.unshift(`${node.localName}:nth-of-type(${n})`);
  }
  return steps.join(' > ');
}
