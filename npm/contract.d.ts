// The JSON contract (README, "JSON output"): what `factmark check --json`
// prints, what the widget's handle holds and what check() returns in Node.
// Shared by the browser entry (index.d.ts) and the Node entry (node.d.ts).

/**
 * Every verdict a group can have, one per line. A new verdict of the core is one
 * more line here (and, for the widget's words, one in www/factmark/format.js);
 * `Verdict` and every `switch` over it follow.
 */
export interface Verdicts {
  /** every member states the same interval (not marked) */
  agreement: true;
  /** the intervals share a value and are not all equal */
  differsInPrecision: true;
  /** some pair of members has no value in common */
  contradiction: true;
  /** the members conflict, but each later report revises the figure of the earlier ones (a toll rising through the day) */
  revision: true;
  /**
   * the members conflict, and each figure is a different party's estimate
   * (organisers and police, a ministry and a union): not an error by a report;
   * the explanation names whose figure is whose (each claim's `frame.party`)
   */
  sourcesDiffer: true;
  /**
   * not one quantity: a whole and figures of its parts (a province's toll and
   * the country's); `Member.part` is true for the part's members. Shown as
   * context, never marked as a conflict
   */
  partOfWhole: true;
}
export type Verdict = keyof Verdicts;

/** The verdicts the widget marks on the page (and exports as Web Annotations): a group of one quantity whose figures differ. */
export type MarkedVerdict = Exclude<Verdict, 'agreement' | 'partOfWhole'>;

/** The dimension of a value; the measured ones (duration to power) convert between their units. */
export type Kind =
  | 'count'
  | 'money'
  | 'percent'
  | 'duration'
  | 'length'
  | 'area'
  | 'volume'
  | 'mass'
  | 'speed'
  | 'temperature'
  | 'energy'
  | 'power'
  | 'magnitude'
  | 'age'
  | 'multiplier'
  | 'ordinal'
  | 'date'
  | 'time';

export type Bound =
  | 'exact'
  | 'above'
  | 'atLeast'
  | 'below'
  | 'atMost'
  | 'justBelow'
  | 'justAbove'
  | 'approximately'
  | 'range'
  | 'vague';

export type Role = 'statement' | 'dateline';

/** An interval in a unit; `null` ends are unbounded. */
export interface Interval {
  low: number | null;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
}

export interface DateValue {
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: string | null;
  part: string | null;
}

/** The same amount in another unit or currency, as the report itself states it in parentheses. */
export interface Conversion {
  /** an ISO 4217 code for money (another country's symbol as written: `A$`, `NZ$`), else a unit name (`mi`, `degF`) */
  unit: string;
  value: Interval;
  /** as written, e.g. `$24 billion` */
  text: string;
  /** false when the two figures do not match within the rounding their writing implies (never for money) */
  consistent: boolean;
}

/** A place a figure is about. */
export interface Place {
  /** lowercase, as written */
  name: string;
  /** the gazetteer's standing, else the sentence's ("X province"); null when neither says */
  standing: 'country' | 'region' | 'city' | 'local' | null;
  /** the country it lies in (ISO 3166-1 alpha-2), when known */
  country: string | null;
}

/** A calendar anchor of a figure: a day, a month or a weekday. */
export type DateAnchor =
  | { type: 'day'; month: number; day: number }
  | { type: 'month'; year: number; month: number }
  | { type: 'weekday'; weekday: string };

/** What a claim's number is the number of, slot by slot: what alignment compares. */
export interface Frame {
  /** what is counted, as the singular lemma of its noun ("people", "home") */
  counted: string | null;
  /** the class of what is counted, from WordNet: "person", "structure", "vehicle", "animal", "weapon" */
  class: string | null;
  /** what happened to what is counted, or what the figure is of ("killed", "injured", "meeting", "aid") */
  predicate: string | null;
  /** the whole a share is of ("ukraine", "staff") */
  of: string | null;
  /** the period of a rate ("week" in "thousands a week") */
  per: string | null;
  /** the time scopes of the clause ("cumulative" for "so far", "annual", "previous") */
  scopes: string[];
  /** whose figure it is, when its clause names someone other than a place or the source ("sheinbaum", "ubs") */
  owner: string | null;
  /** places the figure is about */
  places: Place[];
  /** calendar days, months and weekdays the figure is about */
  dates: DateAnchor[];
  /** the places and dates are the report lead's, because the claim's own sentence names none */
  inherited: boolean;
  /** what happened, when the sentence names it first ("earthquake", "aftershock") */
  happening: string | null;
  /** a named event in the clause other than the report's own ("camp" for "the 2018 Camp Fire") */
  event: string | null;
  /** when the figure holds: the day's news, or the past, a forecast, a figure the report says was superseded */
  when: 'now' | 'past' | 'forecast' | 'superseded';
  /** a year the claim's clause names */
  year: number | null;
  /** a level (how many), a change of a level ("rose by 10"), or a part of a whole the clause names ("12 of them") */
  statistic: 'level' | 'change' | 'part';
  /** the kind of party the report says gives the figure ("police", "organisers", "officials", "union", "health", "rescuers") */
  party: string | null;
}

/** One number a report states. */
export interface Claim {
  /** `<report name>#<n>`, n counting the report's claims from 0 */
  id: string;
  report: string;
  /** the exact quoted text: qualifier, number, unit and any conversion */
  text: string;
  /** UTF-8 byte offsets of `text` in the report */
  byteStart: number;
  byteEnd: number;
  /** UTF-16 code-unit offsets (JavaScript string indices) */
  utf16Start: number;
  utf16End: number;
  kind: Kind;
  unit: string;
  /** `null` for dates */
  value: Interval | null;
  written: string;
  qualifier: string | null;
  bound: Bound;
  /** for dates only */
  date: DateValue | null;
  conversions: Conversion[];
  /** what it measures, in the report's words */
  subject: string;
  /** what it measures, slot by slot */
  frame: Frame;
  /** who the report says gave the number */
  source: string | null;
  role: Role;
}

export interface Report {
  /** unique within a check: a repeated name becomes "name (2)" */
  name: string;
  /** `YYYY-MM-DD` or `null` */
  date: string | null;
  /** `HH:MM` (UTC when a zone was given) or `null` */
  time: string | null;
  claims: Claim[];
}

export interface Member {
  /** a claim id */
  claim: string;
  /** the claim's value in the group's unit */
  value: Interval;
  /** in a `partOfWhole` group: this figure is a part (the others, the whole); else false */
  part: boolean;
}

/**
 * Claims that measure one quantity of one event, and how they compare; or,
 * for a `partOfWhole` group, a whole and the figures of its parts.
 */
export interface Group {
  /** `g<n>` */
  id: string;
  kind: Kind;
  /** what the group measures, in words from its first claim */
  subject: string;
  /** the unit every member value is in (`day` or `dayOfYear` for dates) */
  unit: string;
  members: Member[];
  verdict: Verdict;
  /**
   * 0..1: how likely the members are one quantity (the average over every pair
   * of members of the fitted probability that the pair is one quantity; a pair
   * not compared counts 0). For a `partOfWhole` group: that the part's figures are one quantity
   */
  confidence: number;
  /** sentences: why the claims were linked, and what their figures say, naming each report, figure and source */
  explanation: string;
}

export interface CheckResult {
  reports: Report[];
  groups: Group[];
}

/** A report to check: its name, its publication date (`YYYY-MM-DD`) when known, its text. */
export interface ReportInput {
  name: string;
  date?: string;
  text: string;
}

// W3C Web Annotations (https://www.w3.org/TR/annotation-model/), as exported.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Positions in Unicode code points of the report's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface CssSelector {
  type: 'CssSelector';
  value: string;
  refinedBy?: TextPositionSelector;
}

export interface AnnotationTarget {
  type: 'SpecificResource';
  source: string;
  selector: Array<TextQuoteSelector | TextPositionSelector | CssSelector>;
}

export interface TextualBody {
  type: 'TextualBody';
  /** `classifying`: the verdict; `describing`: the explanation */
  purpose: 'classifying' | 'describing';
  value: string;
  format?: 'text/plain';
  language?: string;
}

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'classifying';
  /** [the verdict, the explanation]; only marked verdicts are exported (never agreement or partOfWhole) */
  body: [TextualBody & { purpose: 'classifying'; value: MarkedVerdict }, TextualBody & { purpose: 'describing' }];
  /** one per member of the group: the report and where the figure is in it */
  target: AnnotationTarget[];
}
