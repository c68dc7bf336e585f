// The popover: what the other reports say about the number under the pointer,
// the caret or the finger.
//
// Why one shared element: at most one popover is open at a time, so a single
// non-modal dialog (role="dialog") is filled on demand from the group data and
// positioned next to the highlight. Hover and focus show it like a tooltip;
// click, tap, Enter or Space also move focus into it, so its links can be
// reached with Tab; Escape closes it and returns focus to the highlight. Its
// content comes from report text, so it is built with textContent only.
//
// Why listeners on the document: a page may hold tens of thousands of marks,
// and one set of listeners serves them all (a mark is found from the event's
// composed path, so marks inside open shadow roots are found too). A group
// may have thousands of members: the popover lists MAX_OTHERS of them and
// says how many more there are; figures are <span>s, because many <q>
// elements lay out in quadratic time in Chromium.
//
// Context: a mention whose figure is the whole of a part (or the part of a
// whole) another report states gets a "Context:" line naming that figure
// (a `partOfWhole` group): not the same quantity, so never a conflict.
import { confidenceWords, el, partyWords, verdictOf } from './format.js';

const HIDE_DELAY_MS = 250;
/** Most other mentions one popover lists. */
export const MAX_OTHERS = 20;
/** Most figures one context line names. */
const MAX_CONTEXT = 3;

export class Popover {
  /**
   * @param {string} prefix id prefix of this annotation
   * @param {Map<string, {claim, report, group, pieces: Element[]}>} mentions by claim id
   */
  constructor(prefix, mentions) {
    this.prefix = prefix;
    this.mentions = mentions;
    /** The id of each mention's first piece → its claim id (ids do not reach into shadow roots). */
    this.byPieceId = new Map();
    this.owner = null; // the focusable first piece of the open mention
    this.hideTimer = 0;
    this.refocusing = false;
    this.element = el('div', {
      id: `${prefix}-popover`,
      class: 'fm-popover',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': `${prefix}-popover-title`,
      'aria-describedby': `${prefix}-popover-explanation`,
      tabindex: '-1',
      hidden: '',
      'data-factmark-ui': '',
    });
    this.titleId = `${prefix}-popover-title`;
    this.explanationId = `${prefix}-popover-explanation`;
    document.body.append(this.element);

    this.listeners = [
      [this.element, 'pointerenter', () => this.#cancelHide()],
      [this.element, 'pointerleave', () => this.#scheduleHide()],
      [this.element, 'focusout', (e) => this.#onFocusOut(e)],
      [this.element, 'click', (e) => this.#onPopoverClick(e)],
      [document, 'keydown', (e) => this.#onKeydown(e)],
      [document, 'pointerdown', (e) => this.#onPointerDownOutside(e)],
      [document, 'pointerover', (e) => this.#onMarkPointer(e, true)],
      [document, 'pointerout', (e) => this.#onMarkPointer(e, false)],
      [document, 'click', (e) => this.#onMarkClick(e)],
      [document, 'focusin', (e) => this.#onMarkFocus(e, true)],
      [document, 'focusout', (e) => this.#onMarkFocus(e, false)],
      [window, 'scroll', () => this.#place(), { passive: true, capture: true }],
      [window, 'resize', () => this.#place(), { passive: true }],
    ];
    for (const [target, type, handler, opts] of this.listeners) target.addEventListener(type, handler, opts);
  }

  /** Makes a mention's highlight pieces open this popover. */
  attach(claimId) {
    const owner = this.mentions.get(claimId).pieces[0];
    if (owner?.id) this.byPieceId.set(owner.id, claimId);
  }

  /** The mention (claim id and piece) of ours an event happened on, if any. */
  #markOf(event) {
    const target = event.composedPath()[0];
    const mark = target?.closest?.(`mark[data-factmark-by="${this.prefix}"]`);
    const claimId = mark?.dataset.factmarkMark;
    return claimId && this.mentions.get(claimId)?.pieces.length ? { claimId, mark } : null;
  }

  #onMarkPointer(event, entering) {
    const found = this.#markOf(event);
    if (!found) return;
    if (entering) {
      if (event.pointerType === 'mouse') this.show(found.claimId);
      return;
    }
    // Leaving one piece for another piece of the same mention is not leaving.
    const next = event.relatedTarget?.closest?.(`mark[data-factmark-by="${this.prefix}"]`);
    if (next?.dataset.factmarkMark !== found.claimId) this.#scheduleHide();
  }

  #onMarkClick(event) {
    const found = this.#markOf(event);
    if (found) this.show(found.claimId, { focus: true });
  }

  #onMarkFocus(event, gained) {
    const found = this.#markOf(event);
    if (!found || found.mark !== this.mentions.get(found.claimId).pieces[0]) return;
    if (!gained) this.#onFocusOut(event);
    else if (!this.refocusing) this.show(found.claimId);
  }

  get isOpen() {
    return !this.element.hidden;
  }

  /** Opens the popover for a mention; `focus` moves the keyboard into it. */
  show(claimId, { focus = false } = {}) {
    this.#cancelHide();
    const mention = this.mentions.get(claimId);
    if (this.owner !== mention.pieces[0]) {
      this.#setOwner(mention.pieces[0]);
      this.#render(claimId);
    }
    this.element.hidden = false;
    this.#place();
    if (focus) this.element.focus({ preventScroll: true });
  }

  /** Closes the popover; `refocus` returns the keyboard to the highlight. */
  hide({ refocus = false } = {}) {
    this.#cancelHide();
    const owner = this.owner;
    this.element.hidden = true;
    this.#setOwner(null);
    if (refocus && owner) {
      this.refocusing = true; // returning focus must not reopen the popover
      owner.focus({ preventScroll: true });
      this.refocusing = false;
    }
  }

  /** Closes the popover when the page has removed the highlight it belongs to. */
  closeIfOrphaned() {
    if (this.owner && !this.owner.isConnected) this.hide();
  }

  destroy() {
    this.#cancelHide();
    for (const [target, type, handler, opts] of this.listeners) target.removeEventListener(type, handler, opts);
    this.element.remove();
  }

  #setOwner(owner) {
    this.owner?.setAttribute('aria-expanded', 'false');
    this.owner = owner;
    owner?.setAttribute('aria-expanded', 'true');
  }

  #render(claimId) {
    const { claim, report, group } = this.mentions.get(claimId);
    const verdict = verdictOf(group);
    this.element.className = `fm-popover fm-v-${group.verdict}`;

    const others = el('ul', { class: 'fm-others' });
    let more = 0;
    for (const member of group.members) {
      if (member.claim === claimId) continue;
      const other = this.mentions.get(member.claim);
      if (!other) continue;
      if (others.childElementCount >= MAX_OTHERS) {
        more++;
        continue;
      }
      const name = other.report === report ? `${other.report.name} (same report)` : other.report.name;
      others.append(
        el(
          'li',
          {},
          el('strong', { class: 'fm-report' }, name),
          other.report.date ? ` (${other.report.date})` : '',
          ': ',
          figure(other.claim.text),
          sourceWords(other.claim),
          partyWords(other.claim, group),
          other.pieces.length ? ' ' : '',
          other.pieces.length ? el('a', { href: `#${other.pieces[0].id}`, class: 'fm-goto' }, 'Show this mention') : null,
        ),
      );
    }
    if (more) others.append(el('li', { class: 'fm-more' }, `and ${more.toLocaleString('en')} more`));

    const confidence = confidenceWords(group);
    this.element.replaceChildren(
      el(
        'p',
        { class: 'fm-title', id: this.titleId },
        el('span', { class: 'fm-badge', 'aria-hidden': 'true' }, verdict.symbol),
        ` ${verdict.label}`,
      ),
      el(
        'p',
        { class: 'fm-here' },
        'Here, ',
        el('strong', { class: 'fm-report' }, report.name),
        ': ',
        figure(claim.text),
        sourceWords(claim),
        partyWords(claim, group),
      ),
      el('p', { class: 'fm-others-title' }, 'Elsewhere:'),
      others,
      el('p', { class: 'fm-explanation', id: this.explanationId }, group.explanation),
      confidence ? el('p', { class: 'fm-confidence' }, confidence) : null,
      ...this.#context(claimId),
      el('button', { type: 'button', class: 'fm-close', 'aria-label': 'Close' }, '×'),
    );
  }

  /**
   * One "Context:" line per part of a whole the mention is in: "Context: Gamma
   * Daily’s “40 people” is part of this one, not the same quantity", or, for
   * the part, "Context: this figure is part of Alpha Times’s “120 people”".
   */
  #context(claimId) {
    const lines = [];
    for (const group of this.mentions.get(claimId).context ?? []) {
      const own = group.members.find((member) => member.claim === claimId);
      const side = (part) =>
        group.members
          .filter((member) => Boolean(member.part) === part && member.claim !== claimId)
          .map((member) => this.mentions.get(member.claim))
          .filter(Boolean);
      const symbol = el('span', { class: 'fm-badge', 'aria-hidden': 'true' }, verdictOf(group).symbol);
      if (own?.part) {
        const wholes = side(false);
        if (!wholes.length) continue;
        lines.push(el('p', { class: 'fm-context' }, symbol, ' Context: this figure is part of ', ...figures(wholes), '.'));
      } else {
        const parts = side(true);
        if (!parts.length) continue;
        const verb = parts.length === 1 ? ' is part of this one' : ' are parts of this one';
        lines.push(el('p', { class: 'fm-context' }, symbol, ' Context: ', ...figures(parts), `${verb}, not the same quantity.`));
      }
    }
    return lines;
  }

  /** Fixed position under the highlight, kept inside the viewport. */
  #place() {
    this.closeIfOrphaned();
    if (!this.isOpen || !this.owner) return;
    const anchor = this.owner.getBoundingClientRect();
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const margin = 8;
    const left = Math.max(margin, Math.min(anchor.left, window.innerWidth - width - margin));
    const below = anchor.bottom + 6;
    const top = below + height > window.innerHeight && anchor.top - height - 6 > 0 ? anchor.top - height - 6 : below;
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
    // On a phone the stylesheet makes the popover a sheet along the bottom
    // (and says so in --fm-sheet): keep the highlight visible above it.
    if (getComputedStyle(this.element).getPropertyValue('--fm-sheet').trim() !== '1') return;
    const sheetTop = this.element.getBoundingClientRect().top;
    if (anchor.bottom > sheetTop - margin) {
      window.scrollBy(0, anchor.bottom - sheetTop + 3 * margin);
    }
  }

  #onPopoverClick(event) {
    if (event.target.closest('.fm-close')) {
      this.hide({ refocus: true });
      return;
    }
    const link = event.target.closest('a.fm-goto');
    if (!link) return;
    event.preventDefault();
    const id = link.getAttribute('href').slice(1);
    const target = this.mentions.get(this.byPieceId.get(id))?.pieces[0] ?? document.getElementById(id);
    this.hide();
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  #onKeydown(event) {
    if (event.key === 'Enter' || event.key === ' ') {
      const found = this.#markOf(event);
      if (!found || found.mark !== this.mentions.get(found.claimId).pieces[0]) return;
      event.preventDefault();
      this.show(found.claimId, { focus: true });
      return;
    }
    if (event.key !== 'Escape' || !this.isOpen) return;
    const inside = this.element.contains(document.activeElement) || document.activeElement === this.owner;
    this.hide({ refocus: inside });
  }

  #onFocusOut(event) {
    const next = event.relatedTarget;
    if (next && (this.element.contains(next) || next === this.owner)) return;
    if (this.isOpen) this.hide();
  }

  #onPointerDownOutside(event) {
    if (!this.isOpen || this.element.contains(event.target)) return;
    if (event.composedPath()[0]?.closest?.('[data-factmark-mark]')) return; // the mark's own click decides
    this.hide();
  }

  #scheduleHide() {
    this.#cancelHide();
    // Only a popover the pointer opened closes when the pointer leaves.
    if (this.element.contains(document.activeElement) || document.activeElement === this.owner) return;
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  #cancelHide() {
    clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }
}

/** A figure as quoted: a <span> with the quotation marks as text. */
function figure(text) {
  return el('span', { class: 'fm-figure' }, `“${text}”`);
}

/** "Alpha Times’s “120 people” and Beta Post’s “150 people”", naming at most MAX_CONTEXT. */
function figures(mentions) {
  const shown = mentions.slice(0, MAX_CONTEXT);
  const nodes = [];
  shown.forEach((mention, i) => {
    if (i > 0) nodes.push(i === shown.length - 1 && shown.length === mentions.length ? ' and ' : ', ');
    nodes.push(el('strong', { class: 'fm-report' }, mention.report.name), '’s ', figure(mention.claim.text));
  });
  const more = mentions.length - shown.length;
  if (more) nodes.push(` and ${more.toLocaleString('en')} more`);
  return nodes;
}

function sourceWords(claim) {
  return claim.source ? `, according to ${claim.source}` : '';
}
