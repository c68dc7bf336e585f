// Each verdict as a reader sees it: its own underline style and symbol on the
// marks, its name in the popover, the legend and the summary's charts, never
// colour alone. A part of a whole (`partOfWhole`) is not one quantity: it is
// never marked, only shown as context, in the popovers of the marks of its
// members and in the summary; agreement stays unmarked. First with a stand-in
// core (fixtures/fake-core.js) that makes one group of each verdict, then with
// the real core on reports it reads as sources differing and as a part of a
// whole. Everything is asserted on the page's DOM and text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, annotateIn, mentionsIn, problemsOf } from './harness.mjs';
import { validate } from '../npm/validate.mjs';

const PAGE = '/tests/browser/fixtures/verdicts.html';
const ALL = '#alpha, #beta, #gamma, #delta';
const point = (x) => ({ low: x, high: x, lowInclusive: true, highInclusive: true });
const range = (low, high) => ({ low, high, lowInclusive: true, highInclusive: true });
const MORE = { low: 4, high: null, lowInclusive: false, highInclusive: false };

/** One group of each verdict over the figures of fixtures/verdicts.html. */
const SPEC = [
  {
    verdict: 'sourcesDiffer',
    kind: 'count',
    unit: 'people',
    subject: 'people at the rally',
    confidence: 0.85,
    explanation: 'The sources give different figures: Alpha Wire says “Tens of thousands of people” (organisers); Beta Post says “About 8,000 people” (Interior Ministry).',
    members: [
      { report: 'Alpha Wire', text: 'Tens of thousands of people', value: range(20000, 99999), source: 'organisers', party: 'organisers' },
      { report: 'Beta Post', text: 'About 8,000 people', value: range(7200, 8800), source: 'the Interior Ministry', party: 'officials' },
    ],
  },
  {
    verdict: 'contradiction',
    kind: 'count',
    unit: 'people',
    subject: 'people injured',
    confidence: 0.98,
    members: [
      { report: 'Alpha Wire', text: '120 people', value: point(120), source: 'police' },
      { report: 'Beta Post', text: '150 people', value: point(150), source: 'police' },
    ],
  },
  {
    verdict: 'differsInPrecision',
    members: [
      { report: 'Alpha Wire', text: 'more than four hours', value: MORE },
      { report: 'Beta Post', text: 'four and a half hours', value: point(4.5) },
    ],
  },
  {
    verdict: 'revision',
    kind: 'count',
    unit: 'dead',
    subject: 'people killed',
    explanation: 'The figure was revised as reports came in.',
    members: [
      { report: 'Alpha Wire', text: '12 dead', value: point(12) },
      { report: 'Beta Post', text: '19 dead', value: point(19) },
    ],
  },
  {
    verdict: 'agreement',
    unit: 'week',
    subject: 'until the talks resume',
    members: [
      { report: 'Alpha Wire', text: 'two weeks', value: point(2) },
      { report: 'Beta Post', text: 'two weeks', value: point(2) },
    ],
  },
  {
    verdict: 'contradiction',
    kind: 'count',
    unit: 'people',
    subject: 'people hospitalised',
    members: [
      { report: 'Gamma Daily', text: '40 people', value: point(40), source: 'Doctors' },
      { report: 'Delta News', text: '45 people', value: point(45), source: 'Hospitals' },
    ],
  },
  {
    verdict: 'partOfWhole',
    kind: 'count',
    unit: 'people',
    subject: 'people injured',
    confidence: 1,
    explanation: 'Not one quantity: the hospitalised are counted within the injured. Shown as context, not as a conflict.',
    members: [
      { report: 'Alpha Wire', text: '120 people', value: point(120) },
      { report: 'Beta Post', text: '150 people', value: point(150) },
      { report: 'Gamma Daily', text: '40 people', value: point(40), part: true },
      { report: 'Delta News', text: '45 people', value: point(45), part: true },
    ],
  },
];

const browser = sharedBrowser();

/** The popover's text once the mark of `figure` in `article` has the focus (focus opens it). */
async function popoverFor(page, article, figure) {
  const mark = page.locator(`${article} mark[tabindex="0"]`, { hasText: figure });
  await mark.focus();
  const popover = page.locator('.fm-popover');
  await popover.waitFor({ state: 'visible' });
  return {
    text: (await popover.textContent()).replace(/\s+/g, ' '),
    className: await popover.getAttribute('class'),
    context: await popover.locator('.fm-context').allTextContents(),
  };
}

/** [text, verdict] of every marked mention, in document order. */
async function marked(page) {
  return (await mentionsIn(page, '#reports')).map((m) => [m.text, m.verdict]);
}

test('each verdict is marked in its own underline style and symbol; a part of a whole and agreement are not marked', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, ALL, { fake: SPEC });
  assert.deepEqual(await marked(page), [
    ['Tens of thousands of people', 'sourcesDiffer'],
    ['120 people', 'contradiction'],
    ['more than four hours', 'differsInPrecision'],
    ['12 dead', 'revision'],
    ['About 8,000 people', 'sourcesDiffer'],
    ['150 people', 'contradiction'],
    ['four and a half hours', 'differsInPrecision'],
    ['19 dead', 'revision'],
    ['40 people', 'contradiction'],
    ['45 people', 'contradiction'],
  ]);
  assert.equal(await page.locator('mark.fm-v-partOfWhole, mark.fm-v-agreement').count(), 0, 'no part-of-whole or agreement mark');
  const look = await page.evaluate(() =>
    ['contradiction', 'differsInPrecision', 'revision', 'sourcesDiffer'].map((verdict) => {
      const mark = document.querySelector(`#alpha mark.fm-v-${verdict}.fm-last`);
      return [verdict, getComputedStyle(mark).textDecorationStyle, getComputedStyle(mark, '::after').content, mark.getAttribute('aria-label')];
    }),
  );
  assert.deepEqual(
    look.map(([verdict, style, symbol]) => [verdict, style, symbol]),
    [
      ['contradiction', 'double', '"≠"'],
      ['differsInPrecision', 'dotted', '"≈"'],
      ['revision', 'dashed', '"↻"'],
      ['sourcesDiffer', 'wavy', '"⇄"'],
    ],
  );
  assert.deepEqual(
    look.map(([, , , label]) => label),
    [
      '120 people: contradiction across reports, with context',
      'more than four hours: differs in precision across reports',
      '12 dead: revision across reports',
      'Tens of thousands of people: sources differ across reports',
    ],
  );
  assert.deepEqual(await problemsOf(page), []);
});

test('the popover names each verdict, whose estimate each figure is, and a part of a whole as context', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, ALL, { fake: SPEC });

  const sources = await popoverFor(page, '#beta', 'About 8,000 people');
  assert.match(sources.className, /fm-v-sourcesDiffer/);
  for (const expected of [
    '⇄ Sources differ',
    'Here, Beta Post: “About 8,000 people”, according to the Interior Ministry (an estimate by officials)',
    'Alpha Wire (2025-05-26): “Tens of thousands of people”, according to organisers (an estimate by the organisers)',
    'Beta Post says “About 8,000 people” (Interior Ministry)',
    'How likely these figures are one quantity: 85%',
  ]) {
    assert.ok(sources.text.includes(expected), `lacks ${JSON.stringify(expected)}: ${sources.text}`);
  }
  assert.deepEqual(sources.context, []);

  const whole = await popoverFor(page, '#alpha', '120 people');
  assert.match(whole.text, /≠ Contradiction/);
  assert.deepEqual(whole.context, ['⊂ Context: Gamma Daily’s “40 people” and Delta News’s “45 people” are parts of this one, not the same quantity.']);
  assert.doesNotMatch(whole.text, /Elsewhere:.*Gamma Daily.*Context/s, 'the parts are not listed as other mentions of the figure');

  const part = await popoverFor(page, '#gamma', '40 people');
  assert.match(part.text, /≠ Contradiction.*Delta News \(2025-05-26\): “45 people”/s);
  assert.deepEqual(part.context, ['⊂ Context: this figure is part of Alpha Wire’s “120 people” and Beta Post’s “150 people”.']);

  const revision = await popoverFor(page, '#beta', '19 dead');
  assert.match(revision.className, /fm-v-revision/);
  assert.match(revision.text, /↻ Revision.*Alpha Wire.*“12 dead”/s);

  const precision = await popoverFor(page, '#alpha', 'more than four hours');
  assert.match(precision.text, /≈ Differs in precision/);
});

test('the summary’s legend and charts tell the verdicts apart; a part of a whole is counted and charted as context', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, ALL, { fake: SPEC });
  const summary = await page.evaluate(() => {
    const panel = document.querySelector('.fm-summary');
    const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
    return {
      counts: text(panel.querySelector('.fm-summary-counts')),
      legend: [...panel.querySelectorAll('.fm-legend .fm-key')].map((key) => {
        const sample = key.querySelector('.fm-sample');
        return [
          text(key),
          sample ? getComputedStyle(sample).textDecorationStyle : null,
          sample ? getComputedStyle(sample, '::after').content : key.querySelector('.fm-badge').textContent,
        ];
      }),
      titles: [...panel.querySelectorAll('.fm-group-title')].map(text),
      badges: [...panel.querySelectorAll('.fm-group-title .fm-badge')].map((badge) => getComputedStyle(badge).backgroundColor),
      context: [...panel.querySelectorAll('.fm-context-group .fm-chart-row')].map((row) => [
        row.querySelector('.fm-chart-label').textContent,
        row.classList.contains('fm-part'),
      ]),
      chartTitle: panel.querySelector('.fm-context-group svg title').textContent,
      confidence: [...panel.querySelectorAll('.fm-group')].map((group) => group.querySelector('.fm-confidence')?.textContent ?? null),
    };
  });
  assert.equal(
    summary.counts,
    '6 figures stated in more than one place: 1 sources differ, 2 contradiction, 1 differs in precision, 1 revision, 1 agreement. ' +
      '1 figure is part of another’s whole, shown as context.',
  );
  assert.deepEqual(
    summary.legend.map(([words, style, symbol]) => [words.split(':')[0], style, symbol]),
    [
      ['42 Contradiction (≠, double underline)', 'double', '"≠"'],
      ['42 Revision (↻, dashed underline)', 'dashed', '"↻"'],
      ['42 Sources differ (⇄, wavy underline)', 'wavy', '"⇄"'],
      ['42 Differs in precision (≈, dotted underline)', 'dotted', '"≈"'],
      ['⊂ Part of a whole (⊂, not marked)', null, '⊂'],
      ['= Agreement (=, not marked)', null, '='],
    ],
  );
  assert.match(summary.legend[2][0], /different party’s estimate.*not an error of a report/);
  assert.match(summary.legend[4][0], /not one quantity.*context/);
  assert.deepEqual(summary.titles, [
    '⇄ Sources differ: people at the rally (people)',
    '≠ Contradiction: people injured (people)',
    '≈ Differs in precision: the talks (hour)',
    '↻ Revision: people killed (dead)',
    '= Agreement: until the talks resume (week)',
    '≠ Contradiction: people hospitalised (people)',
    '⊂ Context, part of a whole: people injured (people)',
  ]);
  assert.equal(new Set(summary.badges).size, 6, `each verdict has its own colour besides its symbol: ${summary.badges}`);
  assert.deepEqual(summary.context, [
    ['Alpha Wire', false],
    ['Beta Post', false],
    ['⊂ Gamma Daily', true],
    ['⊂ Delta News', true],
  ]);
  assert.match(summary.chartTitle, /Gamma Daily \(part\): 40 people; Delta News \(part\): 45 people/);
  assert.equal(summary.confidence[0], 'How likely these figures are one quantity: 85%');
  assert.equal(summary.confidence[6], null, 'no confidence line for a part of a whole');
});

test('with the real core: organisers’ and the ministry’s crowd figures differ by source; the hospitalised are context of the injured', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, ALL);
  const result = await page.evaluate(() => ({
    groups: window.handle.groups.map((g) => ({ verdict: g.verdict, confidence: g.confidence, parts: g.members.filter((m) => m.part).length })),
    frames: window.handle.reports.flatMap((r) => r.claims).map((c) => [typeof c.frame, Array.isArray(c.frame?.places), 'measure' in c, 'event' in c]),
  }));
  const verdicts = result.groups.map((g) => g.verdict);
  assert.ok(verdicts.includes('sourcesDiffer') && verdicts.includes('partOfWhole'), `the core still reads these reports so: ${verdicts}`);
  assert.ok(result.groups.every((g) => g.confidence >= 0 && g.confidence <= 1), JSON.stringify(result.groups));
  assert.ok(result.groups.find((g) => g.verdict === 'partOfWhole').parts > 0, 'the part’s members are marked as part');
  assert.ok(result.frames.every((f) => f[0] === 'object' && f[1] && !f[2] && !f[3]), 'claims carry a frame, no measure or event');

  const mentions = new Map(await marked(page));
  assert.equal(mentions.get('Tens of thousands of people'), 'sourcesDiffer');
  assert.equal(mentions.get('About 8,000 people'), 'sourcesDiffer');
  assert.equal(mentions.get('120 people'), 'contradiction');
  assert.equal(await page.locator('mark.fm-v-partOfWhole').count(), 0, 'a part of a whole is never marked');
  assert.ok(!mentions.has('two weeks'), 'agreement is not marked');

  const sources = await popoverFor(page, '#alpha', 'Tens of thousands of people');
  assert.match(sources.text, /⇄ Sources differ.*an estimate by the organisers.*Beta Post \(2025-05-26\): “About 8,000 people”, according to Interior Ministry \(an estimate by officials\)/s);
  const whole = await popoverFor(page, '#beta', '150 people');
  assert.equal(whole.context.length, 1);
  assert.match(whole.context[0], /^⊂ Context: .*“40 people”.* (is part|are parts) of this one, not the same quantity\.$/);

  const annotations = await page.evaluate(() => window.handle.toWebAnnotations());
  const bodies = annotations.map((a) => a.body[0].value);
  assert.ok(bodies.includes('sourcesDiffer') && !bodies.includes('partOfWhole') && !bodies.includes('agreement'), String(bodies));
  assert.equal(await validate(annotations), annotations.length);
  assert.deepEqual(await problemsOf(page), []);
});
