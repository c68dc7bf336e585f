// The demo page over the five seed reports (www/index.html), with the real
// core: the St. Petersburg talks' length that 001 (Mint) and 002 (Reuters)
// state forms one group, no contradiction is shown, and 000's "three-hour
// meeting" (another meeting, in August) is not joined to it. Also: the summary
// chart, and no request leaving the page's origin. (Exact removal is tested on
// marked fixtures, mechanics.test.mjs: the seeds now show agreements only.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, mentionsIn, problemsOf, BASE } from './harness.mjs';
import { widgetFiles } from './payload.mjs';

const browser = sharedBrowser();

async function seedPage() {
  const page = await openPage(browser(), '/www/');
  await page.waitForFunction(() => window.factmarkDemo, null, { timeout: 20000 });
  const error = await page.evaluate(() => window.factmarkDemo.error ?? null);
  assert.equal(error, null, 'the demo page reported an error');
  return page;
}

/** The core's groups on the demo page, with each member's article and text. */
async function demoGroups(page) {
  return page.evaluate(() => {
    const { reports, groups } = window.factmarkDemo.handle;
    const claims = new Map(reports.flatMap((r) => r.claims.map((c) => [c.id, c])));
    return groups.map((g) => ({
      verdict: g.verdict,
      unit: g.unit,
      members: g.members.map((m) => ({ report: claims.get(m.claim)?.report, text: claims.get(m.claim)?.text })),
    }));
  });
}

// The talks' length: 001 (Mint) and 002 (Reuters) both say "more than four
// hours". 001's "four and a half hours" is not linked to them at the fitted,
// precision-first threshold (a known miss: tests/corpus/seeds.toml).
test('the talks’ length in 001 and 002 forms one group, in agreement, and the demo shows no contradiction', async () => {
  const page = await seedPage();
  const groups = await demoGroups(page);
  const talks = groups.find((g) => g.unit === 'hour' && g.members.some((m) => m.text === 'more than four hours'));
  assert.ok(talks, `no group of the talks' length: ${JSON.stringify(groups)}`);
  assert.equal(talks.verdict, 'agreement');
  assert.equal(new Set(talks.members.map((m) => m.report)).size, talks.members.length, JSON.stringify(talks));
  assert.ok(talks.members.length >= 2);
  const mentions = await mentionsIn(page);
  assert.deepEqual(mentions.filter((m) => m.verdict === 'contradiction'), []);
});

test('000’s “three-hour meeting” is not grouped with the St. Petersburg figures', async () => {
  const page = await seedPage();
  const groups = await demoGroups(page);
  const talks = groups.filter((g) => g.members.some((m) => m.text === 'more than four hours'));
  assert.ok(talks.length > 0, 'the talks are not grouped, so this test would prove nothing');
  for (const group of talks) {
    assert.ok(!group.members.some((m) => /three/i.test(m.text)), JSON.stringify(group));
  }
  const text = await page.textContent('#seed-000');
  assert.ok(text.includes('three-hour meeting'), 'the seed text is on the page');
});

test('the summary panel lists every group with a chart of every member', async () => {
  const page = await seedPage();
  const summary = await page.evaluate(() => {
    const { handle } = window.factmarkDemo;
    return {
      groups: handle.groups.map((g) => g.members.length),
      listed: [...document.querySelectorAll('.fm-summary .fm-group')].map(
        (li) => li.querySelectorAll('svg.fm-chart .fm-chart-row').length,
      ),
      drawn: [...document.querySelectorAll('.fm-summary svg.fm-chart')].every(
        (svg) => svg.getBoundingClientRect().width > 100 && svg.querySelector('.fm-bar, .fm-end'),
      ),
    };
  });
  assert.ok(summary.groups.length > 0, 'the core found no group on the seeds');
  assert.deepEqual(summary.listed, summary.groups);
  assert.equal(summary.drawn, true);
});

test('the demo page loads only same-origin files and breaks no CSP rule', async () => {
  const page = await seedPage();
  assert.deepEqual(await problemsOf(page), []);
  const origin = new URL(BASE).origin;
  assert.deepEqual(page.requests.filter((url) => new URL(url).origin !== origin), []);
  const paths = new Set(page.requests.map((url) => new URL(url).pathname.slice(1)));
  for (const file of widgetFiles()) assert.ok(paths.has(file), `${file} was not loaded`);
  const seeds = [...paths].filter((path) => path.startsWith('seeds/'));
  assert.equal(seeds.length, 5);
});
