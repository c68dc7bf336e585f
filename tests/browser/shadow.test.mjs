// Open shadow roots, under the strict CSP: an article that is a shadow host is
// read through its shadow root (slots read what is assigned to them), marks
// inside the shadow tree are styled (factmark.css adopted into it), the
// popover opens from them and "Show this mention" reaches them, and remove()
// leaves the shadow tree as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, problemsOf } from './harness.mjs';

const PAGE = '/tests/browser/fixtures/articles.html';
const MORE = { low: 4, high: null, lowInclusive: false, highInclusive: false };
const HALF = { low: 3, high: 3, lowInclusive: true, highInclusive: true };

const browser = sharedBrowser();

test('an article that is a shadow host is read, marked, styled and reached through its open shadow root', async () => {
  const page = await openPage(browser(), PAGE);
  const setup = await page.evaluate(() => {
    // Shadow Wire: its text lives in its shadow root.
    const host = document.createElement('article');
    host.id = 'shadow-host';
    host.dataset.name = 'Shadow Wire';
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>The talks in Geneva lasted <b>more than four hours</b>.</p>';
    // Slot Daily: a shadow root that shows its light children through a slot.
    const slotted = document.createElement('article');
    slotted.id = 'slotted';
    slotted.dataset.name = 'Slot Daily';
    slotted.attachShadow({ mode: 'open' }).innerHTML = '<p><slot></slot></p>';
    slotted.append('The talks in Geneva lasted three hours.');
    document.body.append(host, slotted);
    return { shadow: host.shadowRoot.innerHTML, light: slotted.innerHTML };
  });
  await page.evaluate(async ({ MORE, HALF }) => {
    const { annotate } = await import('/www/factmark.min.js');
    const { fakeCheck } = await import('/tests/browser/fixtures/fake-core.js');
    const spec = [{ verdict: 'contradiction', members: [
      { report: 'Shadow Wire', text: 'more than four hours', value: MORE },
      { report: 'Slot Daily', text: 'three hours', value: HALF },
      { report: 'Alpha Times', text: 'more than four hours', value: MORE },
    ] }];
    window.handle = await annotate(document.querySelectorAll('#shadow-host, #slotted, #geneva-a'), { check: fakeCheck(spec) });
  }, { MORE, HALF });

  const read = await page.evaluate(() => window.factmarkInput.map((r) => [r.name, r.text.trim()]));
  assert.deepEqual(read.slice(1), [
    ['Shadow Wire', 'The talks in Geneva lasted more than four hours.'],
    ['Slot Daily', 'The talks in Geneva lasted three hours.'],
  ]);
  const marked = await page.evaluate(() => {
    const host = document.querySelector('#shadow-host');
    const inShadow = host.shadowRoot.querySelector('mark');
    const light = document.querySelector('#geneva-a mark');
    const style = (mark) => [getComputedStyle(mark).backgroundColor, getComputedStyle(mark).textDecorationStyle];
    return {
      shadowMark: inShadow?.textContent,
      slottedMark: document.querySelector('#slotted mark')?.textContent,
      shadowStyle: inShadow && style(inShadow),
      lightStyle: style(light),
      sheets: host.shadowRoot.adoptedStyleSheets.length,
    };
  });
  assert.equal(marked.shadowMark, 'more than four hours');
  assert.equal(marked.slottedMark, 'three hours', 'the slotted text is marked where it lives, in the light DOM');
  assert.deepEqual(marked.shadowStyle, marked.lightStyle, 'the mark in the shadow root looks like the others');
  assert.notEqual(marked.lightStyle[0], 'rgba(0, 0, 0, 0)');
  assert.equal(marked.sheets, 1);

  // Focus in the shadow tree opens the popover; its link reaches another mention, and back.
  await page.evaluate(() => document.querySelector('#shadow-host').shadowRoot.querySelector('mark').focus());
  const popover = page.locator('.fm-popover');
  await popover.waitFor({ state: 'visible' });
  assert.match(await popover.textContent(), /Here, Shadow Wire: “more than four hours”.*Slot Daily: “three hours”/s);
  await page.focus('#geneva-a mark');
  await popover.locator('a.fm-goto', { hasText: 'Show this mention' }).first().click();
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return [active.id, active.shadowRoot?.activeElement?.textContent ?? active.textContent];
  });
  assert.deepEqual(focused, ['shadow-host', 'more than four hours']);

  const after = await page.evaluate(() => {
    window.handle.remove();
    const host = document.querySelector('#shadow-host');
    return { shadow: host.shadowRoot.innerHTML, light: document.querySelector('#slotted').innerHTML, sheets: host.shadowRoot.adoptedStyleSheets.length };
  });
  assert.deepEqual(after, { ...setup, sheets: 0 });
  assert.deepEqual(await problemsOf(page), []);
});
