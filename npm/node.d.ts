// factmark in Node: check() without a DOM, and the Web Annotation export.
import type { CheckResult, ReportInput, WebAnnotation } from './contract.js';

export * from './contract.js';

/** Checks reports together; throws an Error when an input is over the core's limits. */
export function check(reports: Iterable<ReportInput>): CheckResult;

/**
 * The groups of `result` the widget would mark (not plain agreement, never a
 * part of a whole), as W3C Web Annotations.
 * `reports` are check()'s inputs, in the same order (their texts give the selectors).
 */
export function toWebAnnotations(
  result: CheckResult,
  reports: Iterable<ReportInput>,
  options?: { source?: (report: CheckResult['reports'][number], index: number) => string },
): WebAnnotation[];
