// The demo page over the five seed reports (www/index.html), with the real
// core: the St. Petersburg meeting length is marked where 001 (Mint) and 002
// (Reuters) state it, each popover names the other reports and figures, and
// 000's "three-hour meeting" (another meeting, in August) is not marked as
// contradicting them. Also: dates compared as dates, the summary chart, exact removal, and no request
// leaving the page's origin.
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

/** The marked mentions of the meeting length in 001 and 002. */
async function meetingLength(page) {
  const mentions = await mentionsIn(page);
  const inSeed = (article, text) => mentions.find((m) => m.article === article && m.text.includes(text));
  return {
    mentions,
    mint: inSeed('seed-001', 'more than four hours'),
    mintHalf: inSeed('seed-001', 'four and a half hours'),
    reuters: inSeed('seed-002', 'more than four hours'),
  };
}

test('the meeting length in 001 and 002 is marked, as one group that is not plain agreement', async () => {
  const page = await seedPage();
  const { mentions, mint, mintHalf, reuters } = await meetingLength(page);
  const found = JSON.stringify(mentions.map((m) => `${m.article}: ${m.text} (${m.verdict})`));
  assert.ok(mint, `001 "more than four hours" is not marked; marked: ${found}`);
  assert.ok(mintHalf, `001 "four and a half hours" is not marked; marked: ${found}`);
  assert.ok(reuters, `002 "more than four hours" is not marked; marked: ${found}`);
  assert.equal(new Set([mint.group, mintHalf.group, reuters.group]).size, 1, found);
  assert.notEqual(mint.verdict, 'agreement');
});

test('the popovers name the other reports, their figures and their sources', async () => {
  const page = await seedPage();
  const popoverOf = async (claim) => {
    await page.focus(`mark[tabindex="0"][data-factmark-mark="${claim}"]`);
    return page.locator('.fm-popover').textContent();
  };
  const { mint, mintHalf, reuters } = await meetingLength(page);
  assert.ok(mint && mintHalf && reuters, 'the meeting length is not marked');

  const fromReuters = await popoverOf(reuters.claim);
  for (const expected of ['Mint', 'four and a half hours', 'more than four hours', 'RIA Novosti']) {
    assert.ok(fromReuters.includes(expected), `002's popover lacks ${JSON.stringify(expected)}: ${fromReuters}`);
  }
  const fromMint = await popoverOf(mintHalf.claim);
  for (const expected of ['Reuters', 'more than four hours']) {
    assert.ok(fromMint.includes(expected), `001's popover lacks ${JSON.stringify(expected)}: ${fromMint}`);
  }
});

test('000’s “three-hour meeting” is not marked as contradicting the St. Petersburg figures', async () => {
  const page = await seedPage();
  const { mentions, mint } = await meetingLength(page);
  assert.ok(mint, 'the meeting length is not marked, so this test would prove nothing');
  const threeHour = mentions.filter((m) => m.article === 'seed-000' && /three/i.test(m.text));
  assert.deepEqual(
    threeHour.filter((m) => m.group === mint.group || m.verdict === 'contradiction'),
    [],
  );
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

test('dates are marked and charted as dates: “early 2022” (000) within “2022” (004)', async () => {
  const page = await seedPage();
  const mentions = await mentionsIn(page);
  const early = mentions.find((m) => m.article === 'seed-000' && m.text === 'early 2022');
  const year = mentions.find((m) => m.article === 'seed-004' && m.text === '2022');
  assert.ok(early && year, `the war's start is not marked in 000 and 004: ${JSON.stringify(mentions.map((m) => m.text))}`);
  assert.equal(early.group, year.group);
  assert.equal(early.verdict, 'differsInPrecision');
  const chart = await page.evaluate((text) => {
    const group = [...document.querySelectorAll('.fm-summary .fm-group')].find((li) => li.textContent.includes(text));
    return group && [...group.querySelectorAll('svg.fm-chart title')].map((t) => t.textContent).join(' | ');
  }, 'early 2022');
  assert.ok(chart?.includes('Jan 1, 2022–Apr 30, 2022'), `the chart does not show early 2022 as dates: ${chart}`);
  assert.ok(chart.includes('Jan 1, 2022–Dec 31, 2022'), chart);
});

test('on the seeds, remove() restores the exact HTML and annotating again changes nothing', async () => {
  const page = await openPage(browser(), '/www/?plain');
  await page.waitForFunction(() => window.factmarkDemo?.plain);
  const result = await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    const articles = document.querySelectorAll('article');
    const original = document.documentElement.innerHTML;
    await annotate(articles);
    const marked = document.documentElement.innerHTML;
    const marks = document.querySelectorAll('mark[data-factmark-mark]').length;
    const handle = await annotate(articles);
    const again = document.documentElement.innerHTML;
    handle.remove();
    return { marks, changed: marked !== original, same: again === marked, restored: document.documentElement.innerHTML === original };
  });
  assert.ok(result.marks > 0, 'nothing was marked on the seeds');
  assert.deepEqual(result, { marks: result.marks, changed: true, same: true, restored: true });
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
