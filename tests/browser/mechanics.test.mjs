// The widget's DOM mechanics, with a stand-in core (fixtures/fake-core.js) so
// that these tests pin what the widget does with claims and groups whatever the
// real core's reading and grouping heuristics are: text mapping over UTF-16,
// wrapping across inline markup, exact removal, idempotence, untrusted text,
// the popover, the keyboard, the chart and a phone-width screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, annotateIn, mentionsIn, problemsOf } from './harness.mjs';

const PAGE = '/tests/browser/fixtures/articles.html';
const MORE = { low: 4, high: null, lowInclusive: false, highInclusive: false };
const HALF = { low: 4.5, high: 4.5, lowInclusive: true, highInclusive: true };

/** One group: "more than four hours" in `report` against "four and a half hours" in Beta Post. */
const talks = (report, verdict = 'differsInPrecision', extra = {}) => [
  {
    verdict,
    explanation: 'Alpha says more than four hours; Beta says four and a half, which fits.',
    members: [
      { report, text: 'more than four hours', value: MORE, ...extra },
      { report: 'Beta Post', text: 'four and a half hours', value: HALF, source: 'RIA Novosti' },
    ],
  },
];

const browser = sharedBrowser();

test('the report text is the articles’ text with block breaks, and a mention is marked on exactly its characters', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#geneva-a, #geneva-b', { fake: talks('Alpha Times') });
  const input = await page.evaluate(() => window.factmarkInput);
  assert.deepEqual(
    input.map((r) => [r.name, r.date ?? null, r.text.trim()]),
    [
      ['Alpha Times', null, 'The talks in Geneva lasted more than four hours.'],
      ['Beta Post', '2025-04-12', 'The talks in Geneva lasted four and a half hours.'],
    ],
  );
  const mentions = await mentionsIn(page);
  assert.deepEqual(
    mentions.map((m) => [m.article, m.text, m.verdict, m.pieces]),
    [
      ['geneva-a', 'more than four hours', 'differsInPrecision', 1],
      ['geneva-b', 'four and a half hours', 'differsInPrecision', 1],
    ],
  );
  assert.deepEqual(await problemsOf(page), []);
});

test('after emoji, flags, combining marks, curly quotes and an em dash, the mark sits on exactly the number', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#emoji, #geneva-b', { fake: talks('Delta 👨‍👩‍👧 Wire') });
  const around = await page.evaluate(() => {
    const mark = document.querySelector('#emoji mark');
    return [mark.previousSibling.data.slice(-7), mark.textContent, mark.nextSibling.data];
  });
  assert.deepEqual(around, ['lasted ', 'more than four hours', '.']);
});

test('a claim whose span would cut a character (before a combining mark, inside a surrogate pair) is left unmarked', async () => {
  const page = await openPage(browser(), PAGE);
  const spec = [
    {
      verdict: 'contradiction',
      members: [
        { report: 'Delta 👨‍👩‍👧 Wire', text: 'says e', value: MORE }, // "e" + U+0301 follows
        { report: 'Delta 👨‍👩‍👧 Wire', text: '\uD83C', value: MORE }, // the first half of 🇨🇭's first code point
        { report: 'Beta Post', text: 'four and a half hours', value: HALF },
      ],
    },
  ];
  await annotateIn(page, '#emoji, #geneva-b', { fake: spec });
  assert.deepEqual(
    (await mentionsIn(page)).map((m) => [m.article, m.text]),
    [['geneva-b', 'four and a half hours']],
  );
  assert.deepEqual(await problemsOf(page), []);
});

test('a number crossing a link, <em> and <br> is wrapped piece by piece, leaving the markup intact', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#markup, #geneva-b', { fake: talks('Gamma Daily') });
  const input = await page.evaluate(() => window.factmarkInput.find((r) => r.name === 'Gamma Daily').text);
  assert.match(input, /lasted more than four hours\./, 'a <br> reads as a space');
  assert.doesNotMatch(input, /note/, 'script content is not report text');
  const pieces = await page.evaluate(() =>
    [...document.querySelectorAll('#markup mark')].map((m) => [m.parentElement.localName, m.textContent]),
  );
  assert.deepEqual(pieces, [
    ['a', 'more '],
    ['em', 'than'],
    ['p', ' four'],
    ['p', 'hours'],
  ]);
  const kept = await page.evaluate(() => ({
    href: document.querySelector('#markup a').getAttribute('href'),
    br: document.querySelectorAll('#markup br').length,
    script: document.querySelector('#markup script').textContent,
    focusable: [...document.querySelectorAll('#markup mark')].map((m) => m.tabIndex),
  }));
  assert.deepEqual(kept, {
    href: '#intro',
    br: 1,
    script: '{"note": "The talks in Geneva lasted more than four hours."}',
    focusable: [0, -1, -1, -1],
  });
});

test('remove() restores the exact original HTML and text nodes; a second annotate() changes nothing', async () => {
  const page = await openPage(browser(), PAGE);
  const before = await page.evaluate(() => {
    window.keptNode = document.querySelector('#markup p').lastChild; // "hours." after the <br>
    return { body: document.body.innerHTML, head: document.head.innerHTML };
  });
  const spec = [...talks('Gamma Daily'), { verdict: 'contradiction', members: [
    { report: 'Alpha Times', text: 'more than four hours', value: MORE },
    { report: 'Beta Post', text: 'four and a half hours', value: HALF },
  ] }];
  const selector = '#geneva-a, #geneva-b, #markup';
  assert.ok((await annotateIn(page, selector, { fake: spec })) > 0, 'nothing was marked');
  const once = await page.evaluate(() => ({ body: document.body.innerHTML, head: document.head.innerHTML }));
  assert.notEqual(once.body, before.body);
  await annotateIn(page, selector, { fake: spec });
  const twice = await page.evaluate(() => ({
    body: document.body.innerHTML,
    head: document.head.innerHTML,
    marks: document.querySelectorAll('mark mark').length,
    popovers: document.querySelectorAll('.fm-popover').length,
    panels: document.querySelectorAll('.fm-summary').length,
    stylesheets: document.querySelectorAll('link[data-factmark-ui]').length,
  }));
  assert.deepEqual(twice, { ...once, marks: 0, popovers: 1, panels: 1, stylesheets: 1 });
  const after = await page.evaluate(() => {
    window.handle.remove();
    return {
      body: document.body.innerHTML,
      head: document.head.innerHTML,
      keptNode: window.keptNode.isConnected && window.keptNode.data,
      textNodes: document.querySelector('#markup p').childNodes.length,
    };
  });
  assert.deepEqual(after, { ...before, keptNode: 'hours.', textNodes: 5 });
});

test('report text and names holding markup are shown as text and run nothing', async () => {
  const page = await openPage(browser(), PAGE);
  const hostileSource = '<img src=y onerror="window.__pwned=\'source\'">';
  await annotateIn(page, '#xss, #geneva-b', { fake: talks('<img src=x onerror="window.__pwned=\'name\'">', 'contradiction', { source: hostileSource }) });
  await page.focus('#xss mark[tabindex="0"]');
  await page.waitForSelector('.fm-popover:not([hidden])');
  const seen = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img').length,
    popover: document.querySelector('.fm-popover').textContent,
    summary: document.querySelector('.fm-summary').textContent,
    uiLinks: [...document.querySelectorAll('.fm-popover a, .fm-summary a')].map((a) => a.getAttribute('href')),
    handlers: document.querySelectorAll('[onerror], [onclick], [onload]').length,
  }));
  assert.equal(seen.pwned, null);
  assert.equal(seen.images, 0);
  assert.equal(seen.handlers, 0);
  assert.ok(seen.popover.includes(`according to ${hostileSource}`), seen.popover);
  assert.ok(seen.summary.includes('<img src=x onerror'), seen.summary);
  assert.ok(seen.uiLinks.length > 0 && seen.uiLinks.every((href) => /^#factmark\d+-/.test(href)), String(seen.uiLinks));
  assert.deepEqual(await problemsOf(page), []);
});

test('hover opens a popover naming the other report, its figure and source, with a link to that mention', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#geneva-a, #geneva-b', { fake: talks('Alpha Times') });
  await page.hover('#geneva-a mark');
  const popover = page.locator('.fm-popover');
  await popover.waitFor({ state: 'visible' });
  const text = await popover.textContent();
  for (const expected of ['Differs in precision', 'Alpha Times', 'more than four hours', 'Beta Post (2025-04-12)', 'four and a half hours', 'according to RIA Novosti', 'which fits']) {
    assert.ok(text.includes(expected), `popover lacks ${JSON.stringify(expected)}: ${text}`);
  }
  assert.equal(await popover.getAttribute('role'), 'dialog');
  await popover.locator('a.fm-goto').click();
  const focused = await page.evaluate(() => [document.activeElement.closest('article')?.id, document.activeElement.textContent]);
  assert.deepEqual(focused, ['geneva-b', 'four and a half hours']);
});

test('keyboard: Tab reaches each highlight, Enter and Space open the popover, Escape closes it', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#geneva-a, #geneva-b', { fake: talks('Alpha Times') });
  const reached = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement.dataset.factmarkMark ?? null);
    if (reached.includes(id)) break; // focus went round the page
    if (id) reached.push(id);
  }
  assert.deepEqual(reached, ['Alpha Times#1', 'Beta Post#1']);

  await page.focus('#geneva-a mark');
  const mark = page.locator('#geneva-a mark');
  assert.match(await mark.getAttribute('aria-label'), /more than four hours: differs in precision/);
  for (const key of ['Enter', ' ']) {
    await page.keyboard.press(key);
    assert.equal(await mark.getAttribute('aria-expanded'), 'true', `${key} opens`);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('fm-popover')), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.fm-popover').isHidden(), true, `Escape after ${key} closes`);
    assert.equal(await mark.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.factmarkMark), 'Alpha Times#1');
  }
});

test('contradiction and precision differ in more than colour', async () => {
  const page = await openPage(browser(), PAGE);
  const spec = [
    { verdict: 'contradiction', members: [
      { report: 'Alpha Times', text: 'more than four hours', value: MORE },
      { report: 'Gamma Daily', text: 'four', value: HALF },
    ] },
    { verdict: 'differsInPrecision', members: [
      { report: 'Alpha Times', text: 'Geneva', value: MORE },
      { report: 'Beta Post', text: 'four and a half hours', value: HALF },
    ] },
  ];
  await annotateIn(page, '#geneva-a, #geneva-b, #markup', { fake: spec });
  const look = await page.evaluate(() =>
    ['contradiction', 'differsInPrecision'].map((v) => {
      const mark = document.querySelector(`mark.fm-v-${v}.fm-last`);
      const style = getComputedStyle(mark);
      return [style.textDecorationStyle, getComputedStyle(mark, '::after').content];
    }),
  );
  assert.notEqual(look[0][0], look[1][0], 'underline styles differ');
  assert.deepEqual(look.map((l) => l[1]), ['"≠"', '"≈"']);
});

test('the summary panel charts each member’s interval on one axis, open ends as arrows', async () => {
  const page = await openPage(browser(), PAGE);
  await annotateIn(page, '#geneva-a, #geneva-b', { fake: talks('Alpha Times') });
  const chart = await page.evaluate(() => {
    const svg = document.querySelector('.fm-summary svg.fm-chart');
    const rows = [...svg.querySelectorAll('.fm-chart-row')];
    return {
      namespace: svg.namespaceURI,
      title: svg.querySelector('title').textContent,
      rows: rows.map((row) => ({
        label: row.querySelector('text').textContent,
        bars: row.querySelectorAll('.fm-bar').length,
        arrows: row.querySelectorAll('.fm-unbounded').length,
        open: row.querySelectorAll('.fm-open').length,
        closed: row.querySelectorAll('.fm-closed').length,
      })),
      // The open bar starts at 4, left of the 4.5 dot; both inside the plot.
      x: [rows[0].querySelector('.fm-open').getAttribute('cx'), rows[1].querySelector('.fm-closed').getAttribute('cx')].map(Number),
      width: svg.getBoundingClientRect().width,
    };
  });
  assert.equal(chart.namespace, 'http://www.w3.org/2000/svg');
  assert.match(chart.title, /Alpha Times: more than 4 hour; Beta Post: 4\.5 hour/);
  assert.deepEqual(chart.rows, [
    { label: 'Alpha Times', bars: 1, arrows: 1, open: 1, closed: 0 },
    { label: 'Beta Post', bars: 0, arrows: 0, open: 0, closed: 1 },
  ]);
  assert.ok(chart.x[0] < chart.x[1], `4 is left of 4.5: ${chart.x}`);
  assert.ok(chart.width > 100, 'the chart is drawn at a readable size');
});

test('on a phone-width screen a tap opens the popover inside the screen', async () => {
  const page = await openPage(browser(), PAGE, { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  await annotateIn(page, '#geneva-a, #geneva-b', { fake: talks('Alpha Times') });
  await page.tap('#geneva-a mark');
  const popover = page.locator('.fm-popover');
  await popover.waitFor({ state: 'visible' });
  const box = await popover.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360 && box.y >= 0 && box.y + box.height <= 640, JSON.stringify(box));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
  const markBottom = await page.evaluate(() => document.querySelector('#geneva-a mark').getBoundingClientRect().bottom);
  assert.ok(markBottom <= box.y, 'the tapped number stays visible above the popover');
  await page.tap('#intro');
  await popover.waitFor({ state: 'hidden' });
});
