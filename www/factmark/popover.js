// The popover: what the other reports say about the number under the pointer,
// the caret or the finger.
//
// Why one shared element: at most one popover is open at a time, so a single
// non-modal dialog (role="dialog") is filled on demand from the group data and
// positioned next to the highlight. Hover and focus show it like a tooltip;
// click, tap, Enter or Space also move focus into it, so its links can be
// reached with Tab; Escape closes it and returns focus to the highlight. Its
// content comes from report text, so it is built with textContent only.
import { el, verdictOf } from './format.js';

const HIDE_DELAY_MS = 250;

export class Popover {
  /**
   * @param {string} prefix id prefix of this annotation
   * @param {Map<string, {claim, report, group, pieces: Element[]}>} mentions by claim id
   */
  constructor(prefix, mentions) {
    this.mentions = mentions;
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
      [window, 'scroll', () => this.#place(), { passive: true, capture: true }],
      [window, 'resize', () => this.#place(), { passive: true }],
    ];
    for (const [target, type, handler, opts] of this.listeners) target.addEventListener(type, handler, opts);
  }

  /** Makes a mention's highlight pieces open this popover. */
  attach(claimId) {
    const { pieces } = this.mentions.get(claimId);
    const owner = pieces[0];
    for (const piece of pieces) {
      piece.addEventListener('pointerenter', (e) => {
        if (e.pointerType === 'mouse') this.show(claimId);
      });
      piece.addEventListener('pointerleave', () => this.#scheduleHide());
      piece.addEventListener('click', () => this.show(claimId, { focus: true }));
    }
    owner.addEventListener('focus', () => {
      if (!this.refocusing) this.show(claimId);
    });
    owner.addEventListener('blur', (e) => this.#onFocusOut(e));
    owner.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.show(claimId, { focus: true });
      }
    });
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
    for (const member of group.members) {
      if (member.claim === claimId) continue;
      const other = this.mentions.get(member.claim);
      if (!other) continue;
      const name = other.report === report ? `${other.report.name} (same report)` : other.report.name;
      others.append(
        el(
          'li',
          {},
          el('strong', { class: 'fm-report' }, name),
          other.report.date ? ` (${other.report.date})` : '',
          ': ',
          el('q', { class: 'fm-figure' }, other.claim.text),
          sourceWords(other.claim),
          other.pieces.length ? ' ' : '',
          other.pieces.length ? el('a', { href: `#${other.pieces[0].id}`, class: 'fm-goto' }, 'Show this mention') : null,
        ),
      );
    }

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
        el('q', { class: 'fm-figure' }, claim.text),
        sourceWords(claim),
      ),
      el('p', { class: 'fm-others-title' }, 'Elsewhere:'),
      others,
      el('p', { class: 'fm-explanation', id: this.explanationId }, group.explanation),
      el('button', { type: 'button', class: 'fm-close', 'aria-label': 'Close' }, '×'),
    );
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
    const target = document.getElementById(link.getAttribute('href').slice(1));
    this.hide();
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  #onKeydown(event) {
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
    if (event.target.closest?.('[data-factmark-mark]')) return; // the mark's own click decides
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

function sourceWords(claim) {
  return claim.source ? `, according to ${claim.source}` : '';
}
