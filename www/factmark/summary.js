// The summary panel: every group, its verdict, and a small chart of each
// member's interval on one shared axis.
//
// Why a chart: "more than four hours" against "four and a half hours" is easier
// to see than to read. Each row is one mention; a closed end is a filled dot, an
// open end a hollow one, an unbounded end an arrow running off the plot, a single
// value a dot. Built with createElementNS and textContent only (report names are
// untrusted); colours come from classes in factmark.css, so no inline style.
//
// Big pages: a report may repeat one figure thousands of times. A chart draws
// MAX_ROWS members and says how many more there are, the panel lists
// MAX_GROUPS groups and says how many more there are, the axis is found with
// loops (Math.min(...values) overflows the call stack past ~120,000 values),
// and the panel is built off the page, pausing between groups (pace.js).
//
// Verdicts: a legend names each verdict on the panel, with a sample of its
// mark (the underline style and symbol of factmark.css) and what it means.
// A part of a whole is not one quantity: it is counted apart, as context, and
// its chart marks the rows of the part.
import { VERDICTS, confidenceWords, el, formatInterval, formatValue, isContext, partyWords, unitLabel, verdictOf } from './format.js';

/** Most members one chart draws. */
export const MAX_ROWS = 20;
/** Most groups the panel lists. */
export const MAX_GROUPS = 200;

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const LABEL_WIDTH = 104;
const PAD = 10;
const ROW = 20;
const AXIS = 24;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/**
 * @param {string} prefix id prefix of this annotation
 * @param {object[]} groups the core's groups
 * @param {Map<string, {claim, report}>} mentions every member claim, by id
 * @param {number} reportCount
 * @param {import('./pace.js').Pace} pace gives the page its turn between groups
 * @returns {Promise<Element>} the panel, not yet in the page
 */
export async function buildSummary(prefix, groups, mentions, reportCount, pace) {
  const counts = new Map();
  let contexts = 0;
  for (const group of groups) {
    if (isContext(group)) contexts++;
    else counts.set(group.verdict, (counts.get(group.verdict) ?? 0) + 1);
  }
  const quantities = groups.length - contexts;
  const countWords = [];
  for (const [verdict, n] of counts) countWords.push(`${n} ${verdictOf({ verdict }).label.toLowerCase()}`);
  const summary = [];
  if (quantities) {
    summary.push(`${quantities} ${quantities === 1 ? 'figure' : 'figures'} stated in more than one place: ${countWords.join(', ')}.`);
  } else {
    summary.push('No figure was found in more than one place.');
  }
  if (contexts) {
    summary.push(`${contexts} ${contexts === 1 ? 'figure is part' : 'figures are parts'} of another’s whole, shown as context.`);
  }

  const list = el('ol', { class: 'fm-groups' });
  const listed = Math.min(groups.length, MAX_GROUPS);
  for (let i = 0; i < listed; i++) {
    if (pace.due()) await pace.break();
    const group = groups[i];
    const verdict = verdictOf(group);
    const confidence = confidenceWords(group);
    list.append(
      el(
        'li',
        { class: `fm-group fm-v-${group.verdict}${isContext(group) ? ' fm-context-group' : ''}`, id: `${prefix}-${i}` },
        el(
          'p',
          { class: 'fm-group-title' },
          el('span', { class: 'fm-badge', 'aria-hidden': 'true' }, verdict.symbol),
          ' ',
          el('span', { class: 'fm-verdict' }, isContext(group) ? `Context, ${verdict.label.toLowerCase()}` : verdict.label),
          ': ',
          el('span', { class: 'fm-subject' }, group.subject),
          group.unit ? ` (${unitLabel(group.unit)})` : '',
        ),
        chart(`${prefix}-${i}`, group, mentions),
        group.members.length > MAX_ROWS ? el('p', { class: 'fm-more' }, moreWords(group.members.length - MAX_ROWS, 'mention')) : null,
        el('p', { class: 'fm-explanation' }, group.explanation),
        confidence ? el('p', { class: 'fm-confidence' }, confidence) : null,
      ),
    );
  }

  return el(
    'section',
    { class: 'fm-summary', 'aria-labelledby': `${prefix}-summary-title`, 'data-factmark-ui': '' },
    el('h2', { class: 'fm-summary-title', id: `${prefix}-summary-title` }, `Figures across ${reportCount} reports`),
    el('p', { class: 'fm-summary-counts' }, summary.join(' ')),
    groups.length ? legend(groups) : null,
    groups.length ? list : null,
    groups.length > listed ? el('p', { class: 'fm-more' }, moreWords(groups.length - listed, 'figure')) : null,
  );
}

/**
 * The key to the verdicts on the panel: for each, a sample of its mark (or its
 * symbol, when it is not marked), its name, how it looks and what it means.
 */
function legend(groups) {
  const present = new Set(groups.map((group) => group.verdict));
  const order = [...Object.keys(VERDICTS), ...present].filter((v, i, all) => present.has(v) && all.indexOf(v) === i);
  return el(
    'ul',
    { class: 'fm-legend', 'aria-label': 'Key to the verdicts' },
    ...order.map((v) => {
      const verdict = verdictOf({ verdict: v });
      return el(
        'li',
        { class: `fm-key fm-v-${v}` },
        verdict.marked
          ? el('span', { class: `fm-sample fm-v-${v} fm-last`, 'aria-hidden': 'true' }, '42')
          : el('span', { class: 'fm-badge', 'aria-hidden': 'true' }, verdict.symbol),
        ' ',
        el('strong', { class: 'fm-verdict' }, verdict.label),
        ` (${verdict.symbol}, ${verdict.look})${verdict.means ? `: ${verdict.means}` : ''}.`,
      );
    }),
  );
}

/** "and 4,812 more mentions (not shown)". */
function moreWords(n, noun) {
  return `and ${n.toLocaleString('en')} more ${n === 1 ? noun : `${noun}s`} (not shown)`;
}

/** One row per member on an axis shared by the whole group. */
function chart(id, group, mentions) {
  const rows = group.members.slice(0, MAX_ROWS).map((member) => ({ member, mention: mentions.get(member.claim) }));
  // The axis spans the drawn rows' stated bounds.
  let lo = Infinity;
  let hi = -Infinity;
  let openLow = false; // room for the arrows of unbounded ends
  let openHigh = false;
  for (const { member } of rows) {
    for (const x of [member.value.low, member.value.high]) {
      if (x === null) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    openLow ||= member.value.low === null;
    openHigh ||= member.value.high === null;
  }
  if (lo > hi) [lo, hi] = [0, 1];
  const span = hi - lo || Math.abs(hi) * 0.2 || 1;
  const pad = span * 0.15;
  const [dataLo, dataHi] = [lo, hi];
  lo -= pad * (openLow ? 3 : 1);
  hi += pad * (openHigh ? 3 : 1);

  const plotLeft = LABEL_WIDTH + PAD;
  const plotRight = WIDTH - PAD;
  const x = (v) => plotLeft + ((v - lo) / (hi - lo)) * (plotRight - plotLeft);
  const height = rows.length * ROW + AXIS;
  const titleId = `${id}-chart`;
  const more = group.members.length - rows.length;
  const partWord = (member) => (member.part ? ' (part)' : '');
  const description =
    rows
      .map(({ member, mention }) => `${mention?.report.name ?? member.claim}${partWord(member)}: ${formatInterval(member.value, group.unit)}`)
      .join('; ') + (more ? `; ${moreWords(more, 'mention')}` : '');

  const root = svg(
    'svg',
    { class: 'fm-chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': titleId },
    svg('title', { id: titleId }, `Each mention's value in ${unitLabel(group.unit) || 'the same unit'}: ${description}`),
  );

  rows.forEach(({ member, mention }, i) => {
    const y = i * ROW + ROW / 2;
    const { low, high, lowInclusive, highInclusive } = member.value;
    const name = mention?.report.name ?? member.claim;
    // The rows of a part of a whole: ⊂ before the name, a dashed bar (factmark.css).
    const row = svg('g', { class: member.part ? 'fm-chart-row fm-part' : 'fm-chart-row' });
    const words = `${name}${partWord(member)}: “${mention?.claim.text ?? ''}”${partyWords(mention?.claim, group)}`;
    row.append(
      svg('title', {}, `${words} = ${formatInterval(member.value, group.unit)}`),
      svg('text', { class: 'fm-chart-label', x: LABEL_WIDTH, y: y + 4, 'text-anchor': 'end' }, member.part ? `⊂ ${shorten(name, 12)}` : shorten(name, 14)),
    );
    if (low !== null && low === high) {
      row.append(svg('circle', { class: 'fm-end fm-closed', cx: x(low), cy: y, r: 4 }));
    } else {
      const x1 = low === null ? plotLeft : x(low);
      const x2 = high === null ? plotRight : x(high);
      row.append(svg('line', { class: 'fm-bar', x1, y1: y, x2, y2: y }));
      row.append(low === null ? arrow(x1, y, -1) : end(x1, y, lowInclusive));
      row.append(high === null ? arrow(x2, y, 1) : end(x2, y, highInclusive));
    }
    root.append(row);
  });

  // The axis, with the smallest and largest stated bound.
  const axisY = rows.length * ROW + 4;
  root.append(svg('line', { class: 'fm-axis', x1: plotLeft, y1: axisY, x2: plotRight, y2: axisY }));
  const ticks = dataLo === dataHi ? [dataLo] : [dataLo, dataHi];
  for (const [k, v] of ticks.entries()) {
    // The last label ends at its tick, so a long one ("Dec 31, 2022") stays inside the chart.
    const anchor = ticks.length === 1 || k === 0 ? 'middle' : 'end';
    root.append(
      svg('line', { class: 'fm-tick', x1: x(v), y1: axisY, x2: x(v), y2: axisY + 4 }),
      svg('text', { class: 'fm-tick-label', x: x(v), y: axisY + 16, 'text-anchor': anchor }, formatValue(v, group.unit, true)),
    );
  }
  return root;
}

/** A bound that is stated: filled when the value itself is included, hollow when not. */
function end(cx, cy, inclusive) {
  return svg('circle', { class: `fm-end ${inclusive ? 'fm-closed' : 'fm-open'}`, cx, cy, r: 3.5 });
}

/** An unbounded end: an arrow off the edge of the plot. */
function arrow(tipX, y, direction) {
  const back = tipX - direction * 7;
  return svg('polygon', { class: 'fm-unbounded', points: `${tipX},${y} ${back},${y - 5} ${back},${y + 5}` });
}

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
