// Words and small DOM helpers shared by the popover and the summary panel.
//
// Why its own module: both say the same things (a verdict's name and symbol, an
// interval in words), and all UI is built here through createElement and
// textContent, never from markup strings, because report text is untrusted.

/**
 * Each verdict's name, its symbol and what it means, so that a verdict never
 * relies on colour alone: the marks add an underline style of their own
 * (factmark.css), and the popover, the legend and the summary say the name
 * and show the symbol. In the order the legend lists them.
 *
 * `marked`: the verdicts whose mentions are highlighted, those of a group of
 * one quantity whose figures are not all the same. Agreement is not marked;
 * a part of a whole is not one quantity (a province's toll beside the
 * country's): never marked as a conflict, only shown as context in the
 * popovers of its members' marks and in the summary.
 */
export const VERDICTS = {
  contradiction: {
    label: 'Contradiction',
    symbol: '≠',
    marked: true,
    look: 'double underline',
    means: 'no single value fits all the figures',
  },
  revision: {
    label: 'Revision',
    symbol: '↻',
    marked: true,
    look: 'dashed underline',
    means: 'later reports updated an earlier figure',
  },
  sourcesDiffer: {
    label: 'Sources differ',
    symbol: '⇄',
    marked: true,
    look: 'wavy underline',
    means: 'each figure is a different party’s estimate (organisers and police, say), which the reports pass on: not an error of a report',
  },
  differsInPrecision: {
    label: 'Differs in precision',
    symbol: '≈',
    marked: true,
    look: 'dotted underline',
    means: 'the figures fit together; some are stated more precisely',
  },
  partOfWhole: {
    label: 'Part of a whole',
    symbol: '⊂',
    marked: false,
    look: 'not marked',
    means: 'not one quantity: a figure of a part beside the figure of its whole, shown as context',
  },
  agreement: { label: 'Agreement', symbol: '=', marked: false, look: 'not marked', means: 'every report states the same figure' },
};

export function verdictOf(group) {
  return VERDICTS[group.verdict] ?? { label: String(group.verdict), symbol: '?', marked: true, look: 'underline', means: '' };
}

/** True for a group whose mentions are highlighted (a verdict the widget does not know yet is). */
export function isMarked(group) {
  return verdictOf(group).marked;
}

/** True for a group that is context, not one quantity: a part of a whole. */
export function isContext(group) {
  return group.verdict === 'partOfWhole';
}

/** Whose estimate a figure is, in words, for a `sourcesDiffer` group's claims (frame.party). */
const PARTIES = {
  police: 'the police',
  organisers: 'the organisers',
  officials: 'officials',
  union: 'a union',
  health: 'health officials',
  rescuers: 'rescuers',
};

/** " (an estimate by the organisers)" for a claim of a `sourcesDiffer` group, else "". */
export function partyWords(claim, group) {
  const party = claim?.frame?.party;
  if (group.verdict !== 'sourcesDiffer' || !party) return '';
  return ` (an estimate by ${PARTIES[party] ?? party})`;
}

/** "How likely one quantity: 85%" for a group of one quantity with a confidence, else null. */
export function confidenceWords(group) {
  if (isContext(group) || typeof group.confidence !== 'number' || !Number.isFinite(group.confidence)) return null;
  const percent = Math.round(Math.min(1, Math.max(0, group.confidence)) * 100);
  return `How likely these figures are one quantity: ${percent}%`;
}

/** `el('p', {class: 'x'}, 'text', child)`: an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A number for a reader: 4.5, 21B. */
function formatNumber(x, short = false) {
  return (short ? compact : plain).format(x);
}

/**
 * Date groups count days: `day` from 1970-01-01, `dayOfYear` from January 1
 * (= 1) of a leap year, for dates that name no year.
 */
const DATE_UNITS = {
  day: { epoch: Date.UTC(1970, 0, 1), format: new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }) },
  dayOfYear: { epoch: Date.UTC(2000, 0, 0), format: new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }) },
};
const DAY_MS = 86_400_000;

/** A value of a group's unit for a reader: "Apr 11, 2025" for dates, else a number. */
export function formatValue(x, unit = '', short = false) {
  const dates = DATE_UNITS[unit];
  if (!dates) return formatNumber(x, short);
  const date = new Date(dates.epoch + x * DAY_MS);
  // One formatter per unit: toLocaleDateString builds a new one each call.
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : dates.format.format(date);
}

/** How a group's unit is named for a reader: date units are just "date". */
export function unitLabel(unit = '') {
  return DATE_UNITS[unit] ? 'date' : unit;
}

/** An interval in words: "more than 4 hour", "4.5 hour", "up to 20 %", "3–5 people", "Jan 1, 2022–Apr 30, 2022". */
export function formatInterval(value, unit = '') {
  if (!value) return '—';
  const { low, high, lowInclusive, highInclusive } = value;
  const n = (x) => formatValue(x, unit);
  let words;
  if (low !== null && high !== null && low === high) words = n(low);
  else if (low !== null && high === null) words = `${lowInclusive ? 'at least' : 'more than'} ${n(low)}`;
  else if ((low === null || low === 0) && high !== null) words = `${highInclusive ? 'up to' : 'less than'} ${n(high)}`;
  else if (low === null && high === null) words = 'any value';
  else words = `${n(low)}–${n(high)}`;
  return unit && !DATE_UNITS[unit] ? `${words} ${unit}` : words;
}
