// Failures a person can see, and the events a CMS listens to.
//
// Why: when nothing can be checked (no articles, the wasm core missing or
// blocked by the site's Content-Security-Policy, a page over the size limit)
// the articles stay as they are, which to a reader is the right outcome and to
// an editor looks like the widget is simply not there. So every failure gets a
// reason code, one console line, a `factmark:error` event, and, where the page
// says an editor is looking (annotate()'s `notices: true`, the element's
// `notices` attribute, or <meta name="factmark-notices" content="on">, which the
// WordPress plugin prints only for users who can edit the post), a short notice
// on the page saying why and what to do. Readers never see it.

/** Reason codes of `factmark:error` events and of errors annotate() rejects with. */
export const REASONS = {
  noArticles: 'found no report to check here',
  coreBlocked: "is off: this site's Content-Security-Policy does not allow WebAssembly",
  coreMissing: 'is off: its WebAssembly files could not be loaded',
  coreFailed: 'is off: its WebAssembly core did not start',
  tooMuchText: 'did not check these reports: the page holds more text than it checks at once',
  checkFailed: 'could not check these reports',
};

const ADVICE = {
  noArticles:
    'Put each report in an <article> inside the fact-check element (the WordPress block “Fact-check group” and the [factmark] shortcode do this for you).',
  coreBlocked:
    "Add 'wasm-unsafe-eval' to the script-src directive of the Content-Security-Policy your site sends (keep the rest of the policy as it is).",
  coreMissing:
    'Check that factmark.min.js, factmark.css and the pkg/ folder sit side by side on the server (reinstall the WordPress plugin), and that no firewall or cache blocks .wasm files.',
  coreFailed:
    'Clear the site’s and the CDN’s caches so that the script and the .wasm come from the same version, and turn off minify or combine options for factmark’s files.',
  tooMuchText: 'Check fewer or shorter reports on one page, or raise the maxText option.',
  checkFailed: 'The message above says which report; shorten or fix it.',
};

/** The reason code of an error from loading the wasm core. */
export function coreFailureReason(error) {
  const text = `${error?.name ?? ''} ${error?.message ?? error}`;
  if (/content.security.policy|wasm-unsafe-eval|unsafe-eval|\bCSP\b/i.test(text)) return 'coreBlocked';
  if (/status code|failed to fetch|fetch dynamically imported|networkerror|not found|404|load failed|importing a module script failed/i.test(text)) {
    return 'coreMissing';
  }
  return 'coreFailed';
}

/** The sentence an editor reads: what went wrong, then what to do. */
export function noticeText(reason, detail) {
  const why = `factmark ${REASONS[reason] ?? REASONS.checkFailed}${detail ? ` (${detail})` : ''}.`;
  return `${why} ${ADVICE[reason] ?? ADVICE.checkFailed} Only editors see this note; readers see the reports unmarked.`;
}

/**
 * Whether an editor is looking: `true` (show notices), `false` (show none, not
 * even the built-in notice of a declined check) or `undefined` (the page said
 * nothing: only that built-in notice). Asked of annotate()'s `notices` option,
 * else the element's `notices` attribute, else <meta name="factmark-notices">.
 */
export function noticesMode(option, element) {
  if (option !== undefined) return option === true;
  const said = element?.getAttribute?.('notices') ?? document.querySelector('meta[name="factmark-notices"]')?.content;
  if (said === undefined || said === null) return undefined;
  return said !== 'off' && said !== 'false';
}

/**
 * Shows the editor's notice after the last report (else inside the element, else
 * at the top of the body) and returns it.
 */
export function showNotice(text, roots, element) {
  const notice = document.createElement('p');
  notice.className = 'fm-notice fm-editor-notice';
  notice.setAttribute('role', 'status');
  notice.dataset.factmarkUi = '';
  notice.textContent = text;
  if (roots.length) roots[roots.length - 1].after(notice);
  else if (element?.isConnected) element.append(notice);
  else document.body.prepend(notice);
  return notice;
}

/** Dispatches `factmark:<type>` on `target` (bubbling, so `document` hears every one). */
export function emit(target, type, detail) {
  const at = target?.isConnected ? target : document;
  at.dispatchEvent(new CustomEvent(`factmark:${type}`, { bubbles: true, composed: true, detail }));
}
