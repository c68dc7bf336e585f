// factmark's browser widget: annotate(), its handle and options, the
// <factmark-check> element and its events. docs/EMBED.md says how to use them.
import type { CheckResult, Group, Report, ReportInput, WebAnnotation } from './contract.js';

export * from './contract.js';

/** Default of `maxText`: characters (UTF-16 code units) of article text checked on one page. */
export const MAX_PAGE_TEXT: number;

export interface AnnotateOptions {
  /** CSS selector of parts of the articles to leave out (script, style, form controls, [data-factmark-skip] always are) */
  skip?: string;
  /** where to append the summary panel (default: after the last article); false: no panel */
  summary?: Element | false;
  /** false: the page links factmark.css itself (default: the widget adds it) */
  stylesheet?: boolean;
  /** most characters of article text to check; past it nothing is marked and `declined` says why */
  maxText?: number;
  /**
   * true: an editor is looking; when nothing can be checked a notice on the page says why and what to do.
   * false: no notice at all. Default: <meta name="factmark-notices" content="on|off">, else only the
   * notice of a declined check.
   */
  notices?: boolean;
  /**
   * where factmark_bg.wasm is (default: pkg/factmark_bg.wasm next to the widget's script, via import.meta.url);
   * the worker that runs it (factmark-worker.js) is looked for in the same folder, and where it cannot start
   * the core runs on the page's thread
   */
  wasmUrl?: string | URL;
  /** where factmark:ready and factmark:error are dispatched (default: the first article); they bubble */
  eventTarget?: EventTarget;
  /** replaces the wasm core: same input and output as its check */
  check?: (reports: ReportInput[]) => CheckResult | Promise<CheckResult>;
}

export interface Timings {
  /** the check, from the articles read to the core's answer */
  checkMs: number;
  /** the whole annotate() call */
  totalMs: number;
  /** the core's own check, in its worker (null with the `check` option) */
  coreMs: number | null;
  /** wasm memory the core's module held after the check (null with the `check` option) */
  wasmMemoryBytes: number | null;
  /** how often the widget gave the page its turn */
  breaks: number;
}

/** What annotate() resolves with. */
export interface FactmarkHandle {
  /** the articles checked */
  readonly roots: Element[];
  /** why nothing was checked (too much text), else null */
  readonly declined: string | null;
  readonly reports: Report[];
  readonly groups: Group[];
  /** every highlight element, in no particular order */
  readonly marks: HTMLElement[];
  readonly timings: Timings;
  /** puts the page back exactly as it was */
  remove(): void;
  /** every highlighted group as a W3C Web Annotation (none when `declined`) */
  toWebAnnotations(): WebAnnotation[];
}

/** Wasm memory the core's module holds now, in bytes (0: none loaded). */
export function coreMemoryBytes(): number;

/**
 * Reads each root as one report, checks them together and marks the numbers
 * of the groups of one quantity whose figures differ (a `MarkedVerdict`: not
 * plain agreement, never a part of a whole, which is shown as context).
 * Calls run one after another; all or nothing: rejects with an Error (whose
 * `reason` is a FailureReason) and leaves the page as it was when nothing can
 * be checked or marked.
 */
export function annotate(
  roots: Element | Iterable<Element> | ArrayLike<Element> | string,
  options?: AnnotateOptions,
): Promise<FactmarkHandle>;

/** Why nothing was checked: the `reason` of a factmark:error event and of annotate()'s Error. */
export type FailureReason = 'noArticles' | 'coreBlocked' | 'coreMissing' | 'coreFailed' | 'tooMuchText' | 'checkFailed';

export interface FactmarkErrorDetail {
  reason: FailureReason;
  message: string;
  error?: Error;
  /** for `tooMuchText`: the handle whose `declined` says why */
  handle?: FactmarkHandle;
}

/**
 * <factmark-check>: checks the <article>s inside it (or those matching its
 * `reports` attribute); empty, the articles around it. Attributes: `reports`
 * (a CSS selector), `notices` ("on" / "off"), `wasm` (the .wasm's URL).
 */
export class FactmarkCheck extends HTMLElement {
  /** a Promise of annotate()'s handle, once connected */
  handle: Promise<FactmarkHandle> | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'factmark-check': FactmarkCheck;
  }
  interface GlobalEventHandlersEventMap {
    'factmark:ready': CustomEvent<FactmarkHandle>;
    'factmark:error': CustomEvent<FactmarkErrorDetail>;
  }
}
