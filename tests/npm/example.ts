// A small program against the package's declarations, checked by
// `tsc --noEmit` (tests/npm/run.sh): the widget, its options, handle, element
// and events, the JSON contract, and check() in Node. It is never run.
import { annotate, FactmarkCheck, MAX_PAGE_TEXT } from 'factmark/widget';
import type { AnnotateOptions, FactmarkHandle, FailureReason, Group, MarkedVerdict, Verdict, WebAnnotation } from 'factmark/widget';
import { coreMemoryBytes } from 'factmark/widget';
import { check as checkInNode, toWebAnnotations } from 'factmark/node';
import type { CheckResult, Claim, Frame, Interval, Member, ReportInput } from 'factmark/node';

/** Every verdict has words: adding a verdict to the contract fails here until it has some. */
function words(verdict: Verdict): string {
  switch (verdict) {
    case 'agreement':
      return 'agree';
    case 'differsInPrecision':
      return 'differ in precision';
    case 'contradiction':
      return 'contradict';
    case 'revision':
      return 'were revised';
    case 'sourcesDiffer':
      return 'are different parties’ estimates';
    case 'partOfWhole':
      return 'are a whole and its parts';
    default: {
      const unknown: never = verdict;
      return unknown;
    }
  }
}

/** Who gives a figure and where, from its frame. */
function whose(frame: Frame): string {
  const places = frame.places.map((place) => `${place.name} (${place.standing ?? 'somewhere'}, ${place.country ?? '?'})`);
  const days = frame.dates.map((d) => (d.type === 'weekday' ? d.weekday : d.type === 'day' ? `${d.month}-${d.day}` : `${d.year}-${d.month}`));
  const statistic: 'level' | 'change' | 'part' = frame.statistic;
  return [frame.party ?? 'someone', frame.counted, frame.predicate, statistic, frame.when, ...places, ...days].join(' ');
}

/** The members of a part of a whole that are the part. */
function parts(group: Group): Member[] {
  return group.verdict === 'partOfWhole' ? group.members.filter((member) => member.part) : [];
}

function span(value: Interval | null): string {
  if (!value) return 'a date';
  return `${value.low ?? '−∞'}–${value.high ?? '∞'}`;
}

export async function page(): Promise<void> {
  const options: AnnotateOptions = {
    skip: '.byline',
    summary: document.querySelector('#summary') ?? false,
    maxText: MAX_PAGE_TEXT / 2,
    notices: true,
    wasmUrl: new URL('/assets/factmark_bg.wasm', location.href),
  };
  const handle: FactmarkHandle = await annotate(document.querySelectorAll('article'), options);
  if (handle.declined) console.log(handle.declined);
  for (const group of handle.groups) {
    const confidence: number = group.confidence;
    console.log(group.id, words(group.verdict), group.members.length, confidence.toFixed(2), parts(group).length);
  }
  const claims: Claim[] = handle.reports.flatMap((report) => report.claims);
  console.log(claims.map((claim) => `${claim.text} ${span(claim.value)} ${claim.utf16Start} ${whose(claim.frame)}`));
  const annotations: WebAnnotation[] = handle.toWebAnnotations();
  const marked: MarkedVerdict[] = annotations.map((a) => a.body[0].value);
  console.log(marked, handle.timings.coreMs ?? 'no core', handle.timings.breaks, coreMemoryBytes());
  handle.remove();

  const element: FactmarkCheck | null = document.querySelector('factmark-check');
  const fromElement = await element?.handle;
  console.log(fromElement?.marks.length);
  const created = document.createElement('factmark-check');
  created.setAttribute('notices', 'on');

  document.addEventListener('factmark:ready', (event) => console.log(event.detail.groups.length));
  document.addEventListener('factmark:error', (event) => {
    const reason: FailureReason = event.detail.reason;
    console.log(reason, event.detail.message);
  });
  await annotate('article.report', { stylesheet: false, check: (input) => ({ reports: [], groups: [] as Group[], ...{ input } }) });
}

export function batch(texts: string[]): string[] {
  const reports: ReportInput[] = texts.map((text, i) => ({ name: `r${i}`, date: '2025-04-11', text }));
  const result: CheckResult = checkInNode(reports);
  const exported: WebAnnotation[] = toWebAnnotations(result, reports);
  return [...result.groups.map((g) => words(g.verdict)), ...exported.map((a) => a.id)];
}

// Negative controls: tsc fails if the declarations stop catching these.
export function mistakes(): void {
  // @ts-expect-error: not a verdict
  const wrong: Verdict = 'maybe';
  // @ts-expect-error: maxText is a number
  void annotate('article', { maxText: 'many' });
  // @ts-expect-error: a report needs its text
  void checkInNode([{ name: 'a' }]);
  // @ts-expect-error: a part of a whole is never marked or exported
  const exported: MarkedVerdict = 'partOfWhole';
  const group = checkInNode([]).groups[0];
  // @ts-expect-error: groups have no measure key any more (claims carry a frame)
  void group.measure;
  // @ts-expect-error: claims have no event anchors any more (their frame says where and when)
  void checkInNode([]).reports[0].claims[0].event;
  const part: boolean = group.members[0].part;
  void part;
  // @ts-expect-error: a statistic is level, change or part
  const statistic: Frame['statistic'] = 'total';
  void wrong;
  void exported;
  void statistic;
}
