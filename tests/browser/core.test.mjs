// The widget with the real wasm core, on small reports whose figures the core's
// documented example groups ("more than four hours" against "four and a half
// hours", differsInPrecision): end-to-end UTF-16 offsets, markup crossing,
// untrusted text, and the strict CSP with every request recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, annotateIn, mentionsIn, problemsOf, BASE } from './harness.mjs';
import { widgetFiles } from './payload.mjs';

const PAGE = '/tests/browser/fixtures/articles.html';

const browser = sharedBrowser();

test('the core’s Geneva figures are marked exactly, as differing in precision, with popovers naming each other', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#geneva-a, #geneva-b');
  assert.deepEqual(
    (await mentionsIn(page)).map((m) => [m.article, m.text, m.verdict]),
    [
      ['geneva-a', 'more than four hours', 'differsInPrecision'],
      ['geneva-b', 'four and a half hours', 'differsInPrecision'],
    ],
  );
  await page.focus('#geneva-b mark');
  const text = await page.locator('.fm-popover').textContent();
  assert.ok(text.includes('Alpha Times') && text.includes('more than four hours'), text);
  assert.deepEqual(await problemsOf(page), []);
});

test('with the core’s UTF-16 offsets, a number after emoji and combining marks is marked on exactly its characters', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#emoji, #geneva-b');
  const around = await page.evaluate(() => {
    const mark = document.querySelector('#emoji mark');
    if (!mark) return 'no mark in #emoji';
    return [mark.previousSibling.data.slice(-7), mark.textContent, mark.nextSibling.data];
  });
  assert.deepEqual(around, ['lasted ', 'more than four hours', '.']);
});

test('with the core, a number crossing a link, <em> and <br> is marked across them', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#markup, #geneva-b');
  const pieces = await page.evaluate(() => [...document.querySelectorAll('#markup mark')].map((m) => m.textContent));
  assert.deepEqual(pieces, ['more ', 'than', ' four', 'hours']);
});

test('hostile report text and names stay text with the core too', async () => {
  const page = await openPage(browser(), PAGE);
  const marks = await annotateIn(page, '#xss, #geneva-b');
  assert.ok(marks > 0, 'nothing marked: the test would prove nothing');
  await page.focus('#geneva-b mark');
  const seen = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img').length,
    popover: document.querySelector('.fm-popover').textContent,
  }));
  assert.equal(seen.pwned, null);
  assert.equal(seen.images, 0);
  assert.ok(seen.popover.includes('<img src=x onerror='), seen.popover);
  assert.deepEqual(await problemsOf(page), []);
});

test('under the strict CSP the widget runs with no violation and loads nothing but its own files', async () => {
  const page = await openPage(browser(), PAGE);
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  const claims = await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    const handle = await annotate(document.querySelectorAll('article'));
    return handle.reports.reduce((n, report) => n + report.claims.length, 0);
  });
  assert.ok(claims > 0, 'the core read no claim: did the wasm run?');
  assert.deepEqual(await problemsOf(page), []);

  const origin = new URL(BASE).origin;
  const foreign = page.requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, []);
  const paths = page.requests.map((url) => new URL(url).pathname.slice(1));
  const allowed = new Set([...widgetFiles(), 'tests/browser/fixtures/articles.html', 'favicon.ico']);
  assert.deepEqual(paths.filter((path) => !allowed.has(path)), []);
  assert.ok(paths.includes('www/pkg/factmark_bg.wasm'));

  // Negative control: the policy is really enforced on this page.
  const blocked = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return window.__inlineRan ?? false;
  });
  assert.equal(blocked, false);
  assert.ok((await problemsOf(page)).some((p) => p.startsWith('csp: script-src')), 'the violation was seen');
});

test('<factmark-check> annotates the articles inside it, under the strict CSP, and cleans up when removed', async () => {
  const page = await openPage(browser(), '/tests/browser/fixtures/element.html');
  await page.waitForSelector('factmark-check .fm-summary', { state: 'attached' });
  const mentions = await mentionsIn(page, 'factmark-check');
  assert.deepEqual(mentions.map((m) => m.text), ['more than four hours', 'four and a half hours']);
  const left = await page.evaluate(async () => {
    const element = document.querySelector('factmark-check');
    const handle = await element.handle;
    element.remove();
    await Promise.resolve();
    return [element.querySelectorAll('mark, .fm-summary').length, document.querySelectorAll('.fm-popover').length, handle.marks.length];
  });
  assert.deepEqual(left, [0, 0, 2]);
  assert.deepEqual(await problemsOf(page), []);
});

test('dates are marked and charted as dates: “early 2022” within “2022”', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#war-a, #war-b');
  const mentions = await mentionsIn(page);
  const early = mentions.find((m) => m.article === 'war-a' && m.text === 'early 2022');
  const year = mentions.find((m) => m.article === 'war-b' && m.text === '2022');
  assert.ok(early && year, `the war's start is not marked: ${JSON.stringify(mentions.map((m) => m.text))}`);
  assert.equal(early.group, year.group);
  assert.equal(early.verdict, 'differsInPrecision');
  const chart = await page.evaluate((text) => {
    const group = [...document.querySelectorAll('.fm-summary .fm-group')].find((li) => li.textContent.includes(text));
    return group && [...group.querySelectorAll('svg.fm-chart title')].map((t) => t.textContent).join(' | ');
  }, 'early 2022');
  assert.ok(chart?.includes('Jan 1, 2022–Apr 30, 2022'), `the chart does not show early 2022 as dates: ${chart}`);
  assert.ok(chart.includes('Jan 1, 2022–Dec 31, 2022'), chart);
});
