// Putting one checked annotation into the page, and taking it out again.
//
// Why its own module: this is the only code that changes the page, and it
// must do so all or nothing. `apply` reads the articles again (the core saw
// them a moment ago: they must still say the same), wraps the disputed
// mentions, wires the popover, adopts the styles into shadow roots and adds
// the summary panel (or, for a declined check, the notice), pausing between
// slices (pace.js) and making sure between them that the page did not change
// the articles meanwhile (watch.js). If anything throws, whatever it did is
// undone before the error goes on, so a failure leaves no mark, popover,
// panel, stylesheet or listener behind. `unapply` takes a whole annotation out.
import { buildSummary } from './summary.js';
import { Highlighter } from './highlight.js';
import { Popover } from './popover.js';
import { readTextPaced } from './text.js';
import { isContext, isMarked, verdictOf } from './format.js';
import { adoptStyles } from './shadow.js';
import { addStylesheet, removeStylesheet } from './stylesheet.js';
import { PageChanged } from './watch.js';

/**
 * @param {object} prepared what annotate() read and checked: { prefix, roots,
 *   options, texts, result, stylesheet (href), declined (a sentence or null),
 *   reuse (the `summary` of the annotation it replaces, or null) }
 * @param {import('./pace.js').Pace} pace
 * @param {import('./watch.js').Watch | null} watch the articles, or null to skip the checks
 * @returns {Promise<object>} what was applied, for unapply(); `marks` lists
 *   the pieces, `summary` the panel and its key
 */
export async function apply(prepared, pace, watch) {
  const applied = { marks: [], undo: [] };
  // Called after each step that changed the page: drops the records of those
  // changes, and returns null (no await, so no other code runs in between)
  // until the slice is used up, then a promise that resolves once the page
  // has had its turn and did not change the articles. After any other await,
  // watch.check() says whether the page changed them meanwhile.
  const settle = () => {
    watch?.ours();
    if (!pace.due()) return null;
    return pace.break().then(() => watch?.check());
  };
  try {
    const { options } = prepared;
    if (options.stylesheet !== false && (await addStylesheet(prepared.stylesheet))) applied.undo.push(removeStylesheet);
    watch?.check(); // the stylesheet loaded asynchronously
    if (prepared.declined) {
      // No notice where an editor gets announce.js's instead, or none is wanted.
      if (options.summary !== false && options.notices !== false) {
        const notice = document.createElement('p');
        notice.className = 'fm-notice';
        notice.setAttribute('role', 'status');
        notice.dataset.factmarkUi = '';
        notice.textContent = prepared.declined;
        placeAfterReports(notice, prepared.roots, options);
        applied.undo.push(() => notice.remove());
      }
      return applied;
    }
    await mark(prepared, applied, pace, watch, settle);
    watch?.check();
    return applied;
  } catch (error) {
    unapply(applied);
    throw error;
  }
}

/** Takes out everything apply() put in, last first. */
export function unapply(applied) {
  while (applied.undo.length) {
    try {
      applied.undo.pop()();
    } catch {
      // the page removed it meanwhile: nothing left to undo there
    }
  }
  applied.marks = [];
}

/**
 * As unapply(), with the marks taken out in slices: `pause()` is called after
 * each step, the last included, and awaited when it returns a promise (it
 * must not throw).
 */
export async function unapplyPaced(applied, pause) {
  const { highlighter } = applied;
  applied.highlighter = null;
  if (highlighter) await highlighter.undoPaced(pause);
  unapply(applied); // the highlighter's own undo now has nothing left to do
  const wait = pause();
  if (wait) await wait;
}

/** Claims or group members handled between two pauses. */
const STEP = 256;

async function mark(prepared, applied, pace, watch, settle) {
  const { prefix, roots, options, result } = prepared;
  // The segments of text nodes, read again now: the same text the core checked.
  const read = [];
  for (let r = 0; r < roots.length; r++) {
    const report = await readTextPaced(roots[r], options.skip, settle);
    if (report.text !== prepared.texts[r]) throw new PageChanged();
    watch?.add(report.shadows);
    read.push(report);
    const wait = settle();
    if (wait) await wait;
  }

  // Loops over claims and members ask for a pause every STEP items.
  let items = 0;
  const step = () => (++items % STEP === 0 ? settle() : null);

  // Every claim, with its report, its group of one quantity, the parts of a
  // whole it is in (context: never marked) and (once planned) its highlight pieces.
  const mentions = new Map();
  for (let r = 0; r < result.reports.length; r++) {
    const report = result.reports[r];
    for (const claim of report.claims) {
      mentions.set(claim.id, { claim, report, reportIndex: r, group: null, context: null, pieces: [] });
      const wait = step();
      if (wait) await wait;
    }
  }
  for (const group of result.groups) {
    const context = isContext(group);
    for (const member of group.members) {
      const mention = mentions.get(member.claim);
      if (mention && context) (mention.context ??= []).push(group);
      else if (mention) mention.group = group;
      const wait = step();
      if (wait) await wait;
    }
  }

  // Plan the marks: per report, disputed claims in text order, none overlapping
  // (the mentions of a group of one quantity whose figures differ: format.js).
  const highlighter = new Highlighter();
  applied.highlighter = highlighter;
  applied.undo.push(() => highlighter.undo());
  const marked = [];
  for (let r = 0; r < read.length; r++) {
    const { text, segments } = read[r];
    const claims = result.reports[r].claims;
    const disputed = [];
    for (let n = 0; n < claims.length; n++) {
      const mention = mentions.get(claims[n].id);
      if (mention?.group && isMarked(mention.group)) disputed.push({ claim: claims[n], n, mention });
      const wait = step();
      if (wait) await wait;
    }
    disputed.sort((a, b) => a.claim.utf16Start - b.claim.utf16Start);
    let end = 0; // end of the range planned last: later ranges must start after it
    for (const { claim, n, mention } of disputed) {
      if (
        claim.utf16Start < end ||
        claim.utf16Start >= claim.utf16End ||
        claim.utf16End > text.length ||
        insideCharacter(text, claim.utf16Start) ||
        insideCharacter(text, claim.utf16End)
      ) {
        continue; // overlapping, out of range or cutting a character: leave it unmarked rather than mark wrong text
      }
      end = claim.utf16End;
      mention.pieces = highlighter.add(segments, claim.utf16Start, claim.utf16End, (i, count) =>
        markElement(mention, prefix, i === 0 ? `${prefix}-${r}-${n}` : null, i === count - 1),
      );
      if (mention.pieces.length) marked.push(claim.id);
      const wait = settle();
      if (wait) await wait;
    }
  }

  // Styles into the shadow roots that will hold marks.
  const shadows = new Set();
  for (const node of highlighter.planned.keys()) {
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) shadows.add(root);
  }
  if (shadows.size) applied.undo.push(adoptStyles(shadows, prepared.stylesheet));

  await highlighter.apply(settle, () => pace.due());
  watch?.check();

  const popover = new Popover(prefix, mentions);
  applied.undo.push(() => popover.destroy());
  for (const id of marked) {
    popover.attach(id);
    for (const piece of mentions.get(id).pieces) applied.marks.push(piece);
    const wait = step();
    if (wait) await wait;
  }
  // A page that re-renders an article under the marks must not leave the
  // popover open over a highlight that is gone.
  const observer = new MutationObserver(() => popover.closeIfOrphaned());
  for (const root of roots) observer.observe(root, { childList: true, subtree: true });
  for (const root of shadows) observer.observe(root, { childList: true, subtree: true });
  applied.undo.push(() => observer.disconnect());

  watch?.ours();
  if (options.summary !== false) {
    // The panel of the annotation this one replaces, when it shows the same.
    const key = summaryKey(prefix, result, mentions, roots.length);
    let panel = key !== null && prepared.reuse?.key === key ? prepared.reuse.panel : null;
    if (!panel) {
      panel = await buildSummary(prefix, result.groups, mentions, roots.length, pace);
      watch?.check();
    }
    placeAfterReports(panel, roots, options);
    applied.summary = { panel, key };
    applied.undo.push(() => panel.remove());
    watch?.ours();
  }
}

/**
 * True when UTF-16 index `i` of `text` falls inside a character: before a low
 * surrogate (the second half of a pair) or a combining mark ("hours" + U+0301).
 * A mark must not cut one in two.
 */
function insideCharacter(text, i) {
  if (i <= 0 || i >= text.length) return false;
  const code = text.codePointAt(i);
  return (code >= 0xdc00 && code <= 0xdfff) || /\p{M}/u.test(String.fromCodePoint(code));
}

/** Group members past which the summary is built afresh rather than compared. */
const COMPARED_MEMBERS = 5000;

/**
 * Everything the summary panel shows, as one string (null for big pages): an
 * annotation that replaces one with the same key moves its panel rather than
 * build the same again.
 */
function summaryKey(prefix, result, mentions, reportCount) {
  let members = 0;
  for (const group of result.groups) members += group.members.length;
  if (members > COMPARED_MEMBERS) return null;
  const shown = result.groups.map((group) => [
    group,
    group.members.map(({ claim }) => [mentions.get(claim)?.report.name, mentions.get(claim)?.claim.text]),
  ]);
  return JSON.stringify([prefix, reportCount, shown]);
}

/** Puts the summary panel (or the notice in its place) where `options.summary` says. */
function placeAfterReports(node, roots, options) {
  if (options.summary instanceof Element) options.summary.append(node);
  else roots[roots.length - 1].after(node);
}

/**
 * One highlight piece. The first piece of a mention is the one Tab reaches and
 * screen readers announce (the verdict in words); the last carries the
 * verdict's symbol (in CSS).
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
    const context = mention.context ? ', with context' : '';
    mark.setAttribute('aria-label', `${mention.claim.text}: ${verdict.label.toLowerCase()} across reports${context}`);
  }
  return mark;
}
