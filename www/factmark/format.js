// Words and small DOM helpers shared by the popover and the summary panel.
//
// Why its own module: both say the same things (a verdict's name and symbol, an
// interval in words), and all UI is built here through createElement and
// textContent, never from markup strings, because report text is untrusted.

/** Each verdict's name and a symbol, so the verdict never relies on colour alone. */
export const VERDICTS = {
  agreement: { label: 'Agreement', symbol: '=' },
  differsInPrecision: { label: 'Differs in precision', symbol: '≈' },
  contradiction: { label: 'Contradiction', symbol: '≠' },
  revision: { label: 'Revision', symbol: '↻' },
};

export function verdictOf(group) {
  return VERDICTS[group.verdict] ?? { label: String(group.verdict), symbol: '?' };
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
