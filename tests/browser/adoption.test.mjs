// What a CMS and its editors get beyond the highlights (issue 10): the
// factmark:ready and factmark:error events, a notice for editors when nothing
// can be checked (and none for readers), <factmark-check> as a block even
// before its stylesheet, the empty marker wpautop leaves behind, and
// handle.toWebAnnotations() validated against the W3C JSON-LD context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, mentionsIn, problemsOf } from './harness.mjs';
import { validate } from '../npm/validate.mjs';

const BLANK = '/tests/browser/fixtures/no-csp/blank.html';
const browser = sharedBrowser();

/** Puts two Geneva articles (and `extra` markup) in the blank page, then loads the widget. */
async function blankWith(page, html) {
  await page.evaluate((html) => {
    document.querySelector('#articles').innerHTML = html;
  }, html);
}
const GENEVA =
  '<article data-name="Alpha Times"><p>The talks in Geneva lasted more than four hours.</p></article>' +
  '<article data-name="Beta Post"><p>The talks in Geneva lasted four and a half hours.</p></article>';

test('an emptied <factmark-check> checks the articles around it, not those of another post', async () => {
  const page = await openPage(browser(), '/tests/browser/fixtures/marker.html');
  await page.waitForSelector('.fm-summary', { state: 'attached' });
  const mentions = await mentionsIn(page);
  assert.deepEqual(mentions.map((m) => m.text), ['more than four hours', 'four and a half hours']);
  const placed = await page.evaluate(() => ({
    marker: document.querySelector('factmark-check').parentElement.localName,
    summaryAfter: document.querySelector('.fm-summary').previousElementSibling.dataset.name,
    other: document.querySelectorAll('.other-post mark').length,
    height: document.querySelector('factmark-check').getBoundingClientRect().height,
  }));
  assert.deepEqual(placed, { marker: 'p', summaryAfter: 'Beta Post', other: 0, height: 0 });
  assert.deepEqual(await problemsOf(page), []);
});

test('factmark:ready bubbles with the handle; the element is a block before factmark.css arrives', async () => {
  const page = await openPage(browser(), BLANK);
  await page.route('**/factmark.css', (route) => route.abort()); // the stylesheet never arrives
  await blankWith(page, `<factmark-check id="fc">${GENEVA}</factmark-check>`);
  const seen = await page.evaluate(async () => {
    const ready = new Promise((resolve) => document.addEventListener('factmark:ready', (e) => resolve(e), { once: true }));
    await import('/www/factmark.min.js');
    const display = getComputedStyle(document.querySelector('#fc')).display;
    const event = await ready;
    return { display, target: event.target.id, marks: event.detail.marks.length, same: event.detail === (await event.target.handle) };
  });
  assert.deepEqual(seen, { display: 'block', target: 'fc', marks: 2, same: true });
});

test('nothing to check: an editor sees why and what to do, a reader sees nothing; both get factmark:error', async () => {
  for (const [attribute, expectNotice] of [['notices', true], ['notices="off"', false], ['', false]]) {
    const page = await openPage(browser(), BLANK);
    await blankWith(page, `<section><factmark-check ${attribute}></factmark-check></section>`);
    const seen = await page.evaluate(async () => {
      const error = new Promise((resolve) => document.addEventListener('factmark:error', (e) => resolve(e.detail.reason), { once: true }));
      await import('/www/factmark.min.js');
      return { reason: await error, notice: document.querySelector('.fm-notice')?.textContent ?? null };
    });
    assert.equal(seen.reason, 'noArticles');
    if (expectNotice) assert.match(seen.notice, /found no report to check.*<article>.*Only editors see this/s);
    else assert.equal(seen.notice, null, `no notice with "${attribute}"`);
  }
});

test('a missing .wasm: the articles stay as they are and an editor (<meta name="factmark-notices">) is told which files to check', async () => {
  const page = await openPage(browser(), BLANK);
  await page.route('**/factmark_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await blankWith(page, GENEVA);
  const html = await page.evaluate(() => document.querySelector('#articles').innerHTML);
  const seen = await page.evaluate(async () => {
    const meta = document.createElement('meta');
    meta.name = 'factmark-notices';
    meta.content = 'on';
    document.head.append(meta);
    const reasons = [];
    document.addEventListener('factmark:error', (e) => reasons.push(e.detail.reason));
    const { annotate } = await import('/www/factmark.min.js');
    const error = await annotate(document.querySelectorAll('article')).catch((e) => e);
    return { reasons, rejected: error.reason, notice: document.querySelector('.fm-editor-notice')?.textContent };
  });
  assert.deepEqual(seen.reasons, ['coreMissing']);
  assert.equal(seen.rejected, 'coreMissing');
  assert.match(seen.notice, /WebAssembly files could not be loaded.*pkg\//s);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#articles mark').length), 0);
  assert.equal(await page.evaluate(() => document.querySelector('#articles').innerHTML.replace(/<p class="fm-notice[^]*<\/p>$/, '')), html);
});

test('handle.toWebAnnotations(): one annotation per highlighted group, valid against the W3C context', async () => {
  const page = await openPage(browser(), '/tests/browser/fixtures/articles.html');
  const annotations = await page.evaluate(async () => {
    const { annotate } = await import('/www/factmark.min.js');
    const handle = await annotate(document.querySelectorAll('#geneva-a, #geneva-b, #emoji'));
    return handle.toWebAnnotations();
  });
  assert.equal(annotations.length, 1);
  assert.equal(await validate(annotations), 1);
  const [annotation] = annotations;
  assert.equal(annotation.body[0].value, 'differsInPrecision');
  const emoji = annotation.target.find((t) => t.selector[1].value === '#emoji');
  assert.equal(emoji.selector[0].exact, 'more than four hours');
  // Code points, not UTF-16 units: the family emoji and the flag count as their code points.
  const text = await page.evaluate(() => document.querySelector('#emoji').textContent);
  const start = [...text.slice(0, text.indexOf('more than four hours'))].length;
  assert.equal(emoji.selector[1].refinedBy.start, start);
  assert.ok(annotation.target.every((t) => t.source === annotation.target[0].source && !t.source.includes('#')));
});
