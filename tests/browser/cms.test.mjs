// A CMS-like page (fixtures/no-csp/cms.html): inline scripts and styles of its
// own, a grid with a sidebar and an ad slot, nested inline markup, a table and
// a script holding a reference to a text node. The widget must mark the article
// text and leave the page's layout and scripts working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, annotateIn, mentionsIn, problemsOf } from './harness.mjs';

const PAGE = '/tests/browser/fixtures/no-csp/cms.html';
const MORE = { low: 4, high: null, lowInclusive: false, highInclusive: false };
const HALF = { low: 4.5, high: 4.5, lowInclusive: true, highInclusive: true };

const browser = sharedBrowser();

/** Boxes of the page's furniture, and what its scripts have done. */
function pageState(page) {
  return page.evaluate(() => {
    const rect = (selector) => document.querySelector(selector).getBoundingClientRect();
    // Columns keep their place and width; heights may grow (the summary panel
    // goes after the last article, the verdict symbols take a little room).
    const box = (selector) => [Math.round(rect(selector).x), Math.round(rect(selector).width)];
    return {
      boxes: ['.site-nav', 'main', '.sidebar', '#ad', '.related'].map(box),
      tableFits: rect('table.facts').right <= rect('main').right,
      cells: document.querySelectorAll('table.facts td, table.facts th').length,
      boot: window.cmsBoot,
      inline: window.cmsInline,
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

test('CMS page: marks cross nested markup and table cells; layout, inline scripts and page scripts keep working', async () => {
  const page = await openPage(browser(), PAGE);
  await page.waitForFunction(() => window.cmsReady);
  const before = await pageState(page);
  const html = await page.evaluate(() => document.documentElement.innerHTML);

  const spec = [
    {
      verdict: 'differsInPrecision',
      members: [
        { report: 'Daily Planet', text: 'more than four hours', value: MORE },
        { report: 'Morning Star', text: 'four and a half hours', value: HALF },
      ],
    },
    {
      verdict: 'contradiction',
      members: [
        { report: 'Daily Planet', text: 'more than four hours', value: MORE, from: 100 },
        { report: 'Morning Star', text: 'four and a half hours', value: HALF },
      ],
    },
  ];
  await annotateIn(page, 'article', { fake: spec });
  const input = await page.evaluate(() => window.factmarkInput[0].text);
  assert.doesNotMatch(input, /cmsInline|font-style|Lois Lane|10 things|Like/, 'script, style, skipped parts and buttons are not report text');
  const mentions = await mentionsIn(page);
  assert.deepEqual(
    mentions.map((m) => [m.article, m.text, m.pieces]),
    [
      ['cms-a', 'more than four hours', 3],
      ['cms-a', 'more than four hours', 3],
      ['cms-b', 'four and a half hours', 2],
    ],
  );
  // The table still has its cells, with the mark inside one.
  assert.equal(await page.evaluate(() => document.querySelectorAll('table.facts td mark').length), 3);

  const during = await pageState(page);
  assert.deepEqual(during, before, 'layout and script state unchanged by marking');
  await page.click('#like');
  assert.equal(await page.textContent('#likes'), '4', 'the page script still updates its text node');

  await page.evaluate(() => window.handle.remove());
  await page.click('#like');
  assert.equal(await page.textContent('#likes'), '5');
  const restored = await page.evaluate(() => document.documentElement.innerHTML);
  assert.equal(restored, html.replace('<span id="likes">3</span>', '<span id="likes">5</span>'));
  assert.deepEqual(await pageState(page), before);
  assert.deepEqual(await problemsOf(page), []);
});

test('CMS page with the real core: the article figures are marked, the page furniture is not', async () => {
  const page = await openPage(browser(), PAGE);
  await page.waitForFunction(() => window.cmsReady);
  const before = await pageState(page);
  await annotateIn(page, 'article');
  const mentions = await mentionsIn(page);
  const texts = mentions.map((m) => `${m.article}: ${m.text}`);
  assert.ok(texts.includes('cms-a: more than four hours'), `the nested-markup figure is marked: ${JSON.stringify(texts)}`);
  assert.ok(texts.includes('cms-b: four and a half hours'), `the linked figure is marked: ${JSON.stringify(texts)}`);
  const stray = await page.evaluate(
    () => document.querySelectorAll('nav mark, .sidebar mark, #ad mark, header mark, .related mark, script mark, style mark, button mark').length,
  );
  assert.equal(stray, 0);
  assert.deepEqual(await pageState(page), before);
  await page.click('#like');
  assert.equal(await page.textContent('#likes'), '4');
  assert.deepEqual(await problemsOf(page), []);
});
