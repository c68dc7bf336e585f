// The widget on hostile pages, short versions of RELIABILITY.md's browser rows
// (tests/browser/reliability.mjs runs the full sizes and times them): deep and
// wide pages, the size limit and its notice, a page that re-renders an article
// under the marks, and a wasm core that fails to load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, annotateIn, mentionsIn, problemsOf } from './harness.mjs';

const BLANK = '/tests/browser/fixtures/no-csp/blank.html';
const ARTICLES = '/tests/browser/fixtures/articles.html';
const browser = sharedBrowser();

/** Two articles, "more than four hours" against "four and a half hours", each under `depth` nested inline elements. */
function addNested(page, depth) {
  return page.evaluate((depth) => {
    for (const figure of ['more than four hours', 'four and a half hours']) {
      const article = document.createElement('article');
      let parent = article;
      for (let i = 0; i < depth; i++) {
        const inline = document.createElement(i % 2 ? 'em' : 'span');
        parent.append(inline);
        parent = inline;
      }
      parent.append(`The talks in Geneva lasted ${figure}.`);
      document.querySelector('#articles').append(article);
    }
  }, depth);
}

test('a figure under 3,000 nested inline elements is marked (no recursion to overflow)', async () => {
  const page = await openPage(browser(), BLANK);
  await addNested(page, 3000);
  assert.equal(await annotateIn(page, 'article'), 2);
  assert.deepEqual((await mentionsIn(page)).map((m) => m.text), ['more than four hours', 'four and a half hours']);
  assert.deepEqual(await problemsOf(page), []);
});

test('past maxText the widget declines: no marks, a visible notice, and annotate() with room marks again', async () => {
  const page = await openPage(browser(), BLANK);
  await addNested(page, 1);
  const html = await page.evaluate(() => document.querySelector('#articles').innerHTML);
  const declined = await page.evaluate(async () => {
    const { annotate, MAX_PAGE_TEXT } = await import('/www/factmark.min.js');
    window.handle = await annotate(document.querySelectorAll('article'), { maxText: 50 });
    const notice = document.querySelector('.fm-notice');
    return {
      defaultLimit: MAX_PAGE_TEXT,
      declined: window.handle.declined,
      marks: document.querySelectorAll('mark').length,
      notice: notice?.textContent,
      visible: notice?.checkVisibility() && notice.getBoundingClientRect().height > 0,
      role: notice?.getAttribute('role'),
    };
  });
  assert.equal(declined.marks, 0);
  assert.match(declined.notice, /did not check these 2 reports: they hold \d+ characters of text, more than the 50/);
  assert.equal(declined.declined, declined.notice);
  assert.deepEqual([declined.visible, declined.role], [true, 'status']);
  assert.ok(declined.defaultLimit >= 100_000, 'the default limit is documented and generous');

  assert.equal(await annotateIn(page, 'article'), 2, 'annotating again with the default limit marks');
  assert.equal(await page.evaluate(() => document.querySelectorAll('.fm-notice').length), 0, 'the notice went');
  await page.evaluate(() => window.handle.remove());
  assert.equal(await page.evaluate(() => document.querySelector('#articles').innerHTML), html);
  assert.deepEqual(await problemsOf(page), []);
});

test('a CMS re-rendering an article under the marks: no exception, no orphaned popover, annotate() again restores the marks', async () => {
  const page = await openPage(browser(), BLANK);
  await addNested(page, 2);
  const original = await page.evaluate(() => [...document.querySelectorAll('article')].map((a) => a.innerHTML));
  await annotateIn(page, 'article');
  const state = () =>
    page.evaluate(() => ({
      marks: [...document.querySelectorAll('mark')].map((m) => m.textContent),
      nested: document.querySelectorAll('mark mark').length,
      open: document.querySelectorAll('.fm-popover:not([hidden])').length,
      popovers: document.querySelectorAll('.fm-popover').length,
      panels: document.querySelectorAll('.fm-summary').length,
    }));
  const marked = await state();
  assert.equal(marked.marks.length, 2);

  // 1. The CMS re-renders the article's content from its source while a popover is open.
  await page.focus('article mark[tabindex="0"]');
  assert.equal((await state()).open, 1);
  await page.evaluate((html) => {
    document.querySelector('article').innerHTML = html;
  }, original[0]);
  await page.waitForFunction(() => !document.querySelector('.fm-popover:not([hidden])'));
  await annotateIn(page, 'article');
  assert.deepEqual(await state(), { ...marked, open: 0 });

  // 2. It re-renders from the annotated HTML, copying our marks.
  await page.evaluate(() => {
    for (const article of document.querySelectorAll('article')) article.innerHTML = article.innerHTML;
  });
  await annotateIn(page, 'article');
  assert.deepEqual(await state(), { ...marked, open: 0 });

  // 3. It replaces the article elements themselves.
  await page.evaluate((original) => {
    document.querySelectorAll('article').forEach((article, i) => {
      const fresh = document.createElement('article');
      fresh.innerHTML = original[i];
      article.replaceWith(fresh);
    });
  }, original);
  await annotateIn(page, 'article');
  assert.deepEqual(await state(), { ...marked, open: 0 }, 'the old annotation’s popover and panel went with its articles');

  await page.evaluate(() => window.handle.remove());
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll('article')].map((a) => a.innerHTML)),
    original,
  );
  assert.deepEqual(await problemsOf(page), []);
});

/** The articles page with the wasm answered by `fulfill` (or its CSP replaced), annotated. */
async function failedLoad(fulfill, csp = null) {
  const page = await openPage(browser(), null);
  await page.route('**/factmark_bg.wasm', (route) => (fulfill ? route.fulfill(fulfill) : route.continue()));
  if (csp) {
    await page.route('**/articles.html', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  const lines = [];
  page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
  await page.goto(new URL(ARTICLES, process.env.FACTMARK_URL.replace(/www\/?$/, '')).href);
  const before = await page.evaluate(() => document.body.innerHTML);
  const error = await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    return annotate(document.querySelectorAll('article')).then(
      () => null,
      (e) => e.message,
    );
  });
  const after = await page.evaluate(() => document.body.innerHTML);
  await page.context().close();
  return { error, untouched: before === after, lines: lines.filter((line) => line.includes('factmark')) };
}

for (const [why, fulfill, csp, reason] of [
  ['a 404', { status: 404, body: 'not found' }, null, /404/],
  ['a corrupt file', { status: 200, contentType: 'application/wasm', body: 'this is not wasm' }, null, /magic|compile|Compile/],
  ['a CSP without wasm-unsafe-eval', null, "default-src 'self'; script-src 'self'; style-src 'self'", /unsafe-eval|Content Security Policy|Refused/i],
]) {
  test(`when the wasm fails to load (${why}) the articles are untouched and the console says why in one line`, async () => {
    const { error, untouched, lines } = await failedLoad(fulfill, csp);
    assert.ok(untouched, 'the page is as it was');
    assert.match(error ?? '', /^factmark: the WebAssembly core did not load \(.+\); the articles are left as they are\.$/);
    assert.match(error, reason);
    assert.deepEqual(lines, [`error: ${error}`]);
  });
}
