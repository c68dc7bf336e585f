// annotate() all or nothing, calls that overlap, and what a page passes it:
// a failure while marking leaves the page exactly as it was (no mark, popover,
// panel, stylesheet or listener) and rejects with a factmark Error; an article
// re-rendered while the core works is read again; two calls at once make one
// annotation; an element given twice, or inside another, is read once; report
// names that repeat and dates that are not dates (the real core).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, annotateIn, mentionsIn, problemsOf } from './harness.mjs';

const PAGE = '/tests/browser/fixtures/articles.html';
const BLANK = '/tests/browser/fixtures/no-csp/blank.html';
const MORE = { low: 4, high: null, lowInclusive: false, highInclusive: false };
const HALF = { low: 4.5, high: 4.5, lowInclusive: true, highInclusive: true };
const TALKS = [
  {
    verdict: 'contradiction',
    members: [
      { report: 'Alpha Times', text: 'more than four hours', value: MORE },
      { report: 'Beta Post', text: 'four and a half hours', value: HALF },
    ],
  },
];

const browser = sharedBrowser();

/** The page's whole HTML, and the listeners on document and window (through the DevTools protocol). */
async function snapshot(page) {
  const cdp = await page.context().newCDPSession(page);
  const listeners = [];
  for (const expression of ['document', 'window']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    listeners.push(...found.map((l) => `${expression} ${l.type}`));
  }
  await cdp.detach();
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  return { html, listeners: listeners.sort() };
}

/**
 * annotate() with the fake core while the page's Element.prototype.after
 * throws once (the summary panel goes in with it, after the marks, the
 * popover and its listeners); resolves with the error's message, name and
 * cause.
 */
function annotateFailing(page) {
  return page.evaluate(
    async ({ spec }) => {
      const { annotate } = await import('/www/factmark.min.js');
      const { fakeCheck } = await import('/tests/browser/fixtures/fake-core.js');
      const original = Element.prototype.after;
      const restore = () => {
        Element.prototype.after = original;
      };
      Element.prototype.after = function () {
        restore();
        throw new TypeError('after is broken on this page');
      };
      try {
        await annotate(document.querySelectorAll('#geneva-a, #geneva-b'), { check: fakeCheck(spec) });
        return null;
      } catch (error) {
        return { message: error.message, name: error.constructor.name, cause: String(error.cause ?? '') };
      } finally {
        restore();
      }
    },
    { spec: TALKS },
  );
}

test('a DOM method that throws after the marks are in: everything is undone and annotate() rejects with a factmark Error', async () => {
  const page = await openPage(browser(), PAGE);
  await page.evaluate(() => import('/www/factmark.min.js'));
  const before = await snapshot(page);
  const failure = await annotateFailing(page);
  assert.ok(failure, 'annotate() resolved');
  assert.equal(failure.name, 'Error');
  assert.match(failure.message, /^factmark: marking the articles failed \(after is broken on this page\); the page is as it was\.$/);
  assert.match(failure.cause, /TypeError: after is broken/);
  assert.deepEqual(await snapshot(page), before, 'no mark, popover, panel, stylesheet or listener is left');

  // And the page can be annotated once the method works again.
  assert.equal(await annotateIn(page, '#geneva-a, #geneva-b', { fake: TALKS }), 2);
  assert.deepEqual(await problemsOf(page), []);
});

test('a check that throws: annotate() rejects with a factmark Error naming what failed, and the page is as it was', async () => {
  const page = await openPage(browser(), PAGE);
  await page.evaluate(() => import('/www/factmark.min.js'));
  const before = await snapshot(page);
  const failure = await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    return annotate(document.querySelectorAll('#geneva-a, #geneva-b'), {
      check: () => null.reports, // a TypeError, as a broken core would throw
    }).then(
      () => null,
      (error) => ({ message: error.message, cause: String(error.cause) }),
    );
  });
  assert.match(failure?.message ?? '', /^factmark: checking the articles failed \(.*null.*\); the page is as it was\.$/);
  assert.match(failure.cause, /^TypeError/);
  assert.deepEqual(await snapshot(page), before);
});

test('annotating again fails: the earlier annotation is back, whole, and remove() still restores the page', async () => {
  const page = await openPage(browser(), PAGE);
  const original = await page.evaluate(() => document.body.innerHTML);
  await annotateIn(page, '#geneva-a, #geneva-b', { fake: TALKS });
  const annotated = await snapshot(page);
  const failure = await annotateFailing(page);
  assert.match(failure?.message ?? '', /^factmark: marking the articles failed/);
  assert.deepEqual(await snapshot(page), annotated, 'the first annotation, its popover, panel and listeners');
  await page.focus('#geneva-a mark');
  assert.match(await page.locator('.fm-popover').textContent(), /Beta Post/, 'its popover still works');
  await page.evaluate(() => window.handle.remove());
  assert.equal(await page.evaluate(() => document.body.innerHTML), original);
});

test('an article re-rendered while the core works is read again, and marked on its new text', async () => {
  const page = await openPage(browser(), PAGE);
  const result = await page.evaluate(async (spec) => {
    const { annotate } = await import('/www/factmark.min.js');
    const { fakeCheck } = await import('/tests/browser/fixtures/fake-core.js');
    const check = fakeCheck(spec);
    let calls = 0;
    const handle = await annotate(document.querySelectorAll('#geneva-a, #geneva-b'), {
      check: async (reports) => {
        calls++;
        if (calls === 1) {
          // The CMS re-renders the article from its source meanwhile: new nodes, new words.
          document.querySelector('#geneva-a').innerHTML = '<p>Officials said the talks in Geneva lasted more than four hours.</p>';
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
        return check(reports);
      },
    });
    const mark = document.querySelector('#geneva-a mark');
    return { calls, marks: handle.marks.length, connected: handle.marks.every((m) => m.isConnected), text: mark?.textContent, before: mark?.previousSibling.data };
  }, TALKS);
  assert.deepEqual(result, { calls: 2, marks: 2, connected: true, text: 'more than four hours', before: 'Officials said the talks in Geneva lasted ' });
});

test('an article that keeps changing while the core works: annotate() gives up with a factmark Error and the page is as it was', async () => {
  const page = await openPage(browser(), PAGE);
  const before = await snapshot(page);
  const message = await page.evaluate(async (spec) => {
    const { annotate } = await import('/www/factmark.min.js');
    const { fakeCheck } = await import('/tests/browser/fixtures/fake-core.js');
    const check = fakeCheck(spec);
    const article = document.querySelector('#geneva-a');
    const html = article.innerHTML;
    return annotate(document.querySelectorAll('#geneva-a, #geneva-b'), {
      check: async (reports) => {
        article.innerHTML = html; // same text, new nodes, every time
        return check(reports);
      },
    }).then(
      () => null,
      (error) => error.message,
    );
  }, TALKS);
  assert.match(message ?? '', /^factmark: the articles kept changing while factmark checked them/);
  assert.deepEqual(await snapshot(page), before);
});

test('two annotate() calls at once on the same articles make one annotation: one panel, one popover, no nested marks', async () => {
  const page = await openPage(browser(), PAGE);
  const original = await page.evaluate(() => document.body.innerHTML);
  const state = await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    const articles = () => document.querySelectorAll('#geneva-a, #geneva-b');
    // A framework running its effect twice.
    const [first, second] = await Promise.all([annotate(articles()), annotate(articles())]);
    first.remove(); // the first was replaced: removing it again changes nothing
    window.handle = second;
    return {
      panels: document.querySelectorAll('.fm-summary').length,
      popovers: document.querySelectorAll('.fm-popover').length,
      stylesheets: document.querySelectorAll('link[data-factmark-ui]').length,
      nested: document.querySelectorAll('mark mark').length,
      marks: [...document.querySelectorAll('mark')].map((m) => m.textContent),
    };
  });
  assert.deepEqual(state, { panels: 1, popovers: 1, stylesheets: 1, nested: 0, marks: ['more than four hours', 'four and a half hours'] });
  await page.evaluate(() => window.handle.remove());
  assert.equal(await page.evaluate(() => document.body.innerHTML), original);
  assert.deepEqual(await problemsOf(page), []);
});

test('an element given twice is one report, and a report inside another is read once, as part of it', async () => {
  const page = await openPage(browser(), PAGE);
  await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    const { fakeCheck } = await import('/tests/browser/fixtures/fake-core.js');
    const a = document.querySelector('#geneva-a');
    const b = document.querySelector('#geneva-b');
    // An aside inside Beta Post, matched by the page's own selector too.
    const inner = document.createElement('article');
    inner.id = 'inner';
    inner.dataset.name = 'Inner';
    inner.textContent = 'Earlier talks lasted two hours.';
    b.append(inner);
    const spec = [{ verdict: 'contradiction', members: [
      { report: 'Alpha Times', text: 'more than four hours', value: { low: 4, high: null, lowInclusive: false, highInclusive: false } },
      { report: 'Beta Post', text: 'four and a half hours', value: { low: 4.5, high: 4.5, lowInclusive: true, highInclusive: true } },
    ] }];
    window.handle = await annotate([a, b, a, inner, b], { check: fakeCheck(spec) });
  });
  const input = await page.evaluate(() => window.factmarkInput.map((r) => [r.name, r.text.trim().replace(/\s+/g, ' ')]));
  assert.deepEqual(input, [
    ['Alpha Times', 'The talks in Geneva lasted more than four hours.'],
    ['Beta Post', 'The talks in Geneva lasted four and a half hours. Earlier talks lasted two hours.'],
  ]);
  assert.deepEqual((await mentionsIn(page)).map((m) => [m.article, m.text]), [
    ['geneva-a', 'more than four hours'],
    ['geneva-b', 'four and a half hours'],
  ]);
});

test('with the real core: repeated names keep claims apart, dates are passed whole, an impossible date is dropped with one warning', async () => {
  const page = await openPage(browser(), BLANK);
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const result = await page.evaluate(async () => {
    const main = document.querySelector('#articles');
    const articles = [
      ['X', '2025-04-11T09:30+02:00', 'Ten people were killed in the blast in Kharkiv on Friday.'],
      ['X', '9999-99-99', 'Twenty people were killed in the blast in Kharkiv on Friday.'],
      ['X (2)', '2025-04-11', 'The talks in Kharkiv lasted four hours on Friday.'],
    ].map(([name, date, text]) => {
      const article = document.createElement('article');
      article.dataset.name = name;
      article.dataset.date = date;
      article.textContent = text;
      main.append(article);
      return article;
    });
    const { annotate } = await import('/www/factmark.min.js');
    const handle = await annotate(articles);
    return {
      reports: handle.reports.map((r) => [r.name, r.date, r.time]),
      // Each mark's claim belongs to the report of the article it is in.
      marks: [...document.querySelectorAll('mark[data-factmark-mark]')].map((mark) => [
        articles.indexOf(mark.closest('article')),
        mark.dataset.factmarkMark.split('#')[0],
      ]),
      verdicts: handle.groups.map((g) => g.verdict),
    };
  });
  assert.deepEqual(result.reports, [
    ['X', '2025-04-11', '07:30'],
    ['X (3)', null, null],
    ['X (2)', '2025-04-11', null],
  ]);
  assert.ok(result.marks.length >= 2, JSON.stringify(result));
  for (const [article, report] of result.marks) assert.equal(report, result.reports[article][0]);
  assert.deepEqual(result.verdicts, ['contradiction'], 'an undated report makes no revision');
  const dateWarnings = warnings.filter((w) => w.includes('not a calendar date'));
  assert.equal(dateWarnings.length, 1, warnings.join('\n'));
  assert.match(dateWarnings[0], /"X \(3\)" \("9999-99-99"\)/);
});
