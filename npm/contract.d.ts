// The JSON contract (README, "JSON output"): what `factmark check --json`
// prints, what the widget's handle holds and what check() returns in Node.
// Shared by the browser entry (index.d.ts) and the Node entry (node.d.ts).

/**
 * Every verdict a group can have, one per line. A new verdict of the core is one
 * more line here (and, for the widget's words, one in www/factmark/format.js);
 * `Verdict` and every `switch` over it follow.
 */
export interface Verdicts {
  /** every member states the same interval */
  agreement: true;
  /** the intervals share a value and are not all equal */
  differsInPrecision: true;
  /** no value is common to all members */
  contradiction: true;
  /** dated members conflict only across dates (a toll rising through the day) */
  revision: true;
}
export type Verdict = keyof Verdicts;

export type Kind = 'duration' | 'money' | 'percent' | 'count' | 'ordinal' | 'date';

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

export interface Conversion {
  currency: string;
  value: Interval;
  text: string;
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
  subject: string;
  measure: string;
  event: string[];
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
}

/** Claims of several reports that measure one quantity, and how they compare. */
export interface Group {
  /** `g<n>` */
  id: string;
  kind: Kind;
  measure: string;
  subject: string;
  /** the unit every member value is in (`day` or `dayOfYear` for dates) */
  unit: string;
  members: Member[];
  verdict: Verdict;
  /** sentences naming each report, figure and source */
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
  /** [the verdict, the explanation] */
  body: [TextualBody & { purpose: 'classifying'; value: Verdict }, TextualBody & { purpose: 'describing' }];
  /** one per member of the group: the report and where the figure is in it */
  target: AnnotationTarget[];
}
