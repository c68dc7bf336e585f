// The browser rows of RELIABILITY.md: big and deep pages with the real core,
// timed in Chromium. Prints one JSON line per row; asserts nothing (the
// default suite's limits.test.mjs checks the same behaviour at small sizes).
//   tests/browser/run.sh --reliability
// Each row builds its page with DOM calls on the test page, then runs
// annotate() while a PerformanceObserver records long tasks (> 50 ms): the
// longest is how long the page could not respond to its reader. Each row also
// gives the wasm memory the check left (the widget drops a module past 32 MiB:
// what the page holds after it is the last figure).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage } from './harness.mjs';
import { REPO } from './payload.mjs';

const PAGE = '/tests/browser/fixtures/no-csp/blank.html';
const seeds = readdirSync(join(REPO, 'seeds'))
  .sort()
  .map((name) => readFileSync(join(REPO, 'seeds', name), 'utf8'));

/** Two articles whose figure sits under `depth` nested inline elements (runs in the page). */
function nest(depth, attach = true) {
  const articles = ['more than four hours', 'four and a half hours'].map((figure) => {
    const article = document.createElement('article');
    let parent = article;
    for (let i = 0; i < depth; i++) {
      const span = document.createElement(i % 2 ? 'em' : 'span');
      if (i % 100 === 0) span.append('The talks in Geneva went on. ');
      parent.append(span);
      parent = span;
    }
    parent.append(`The talks in Geneva lasted ${figure}.`);
    return article;
  });
  if (attach) document.querySelector('#articles').append(...articles);
  window.__articles = articles;
}

/** Builds the page in the browser: `build` runs there with `arg`. */
const ROWS = [
  {
    row: '200 reports on one page (the seeds, repeated)',
    arg: seeds,
    build: (seeds) => {
      const main = document.querySelector('#articles');
      for (let i = 0; i < 200; i++) {
        const article = document.createElement('article');
        article.dataset.name = `Report ${i}`;
        for (const line of seeds[i % seeds.length].split('\n')) {
          const p = document.createElement('p');
          p.textContent = line;
          article.append(p);
        }
        main.append(article);
      }
    },
  },
  {
    row: '5,000 nested inline elements (<span>/<em> 5,000 deep, rendered, two reports)',
    arg: 5_000,
    build: nest,
  },
  {
    // Chromium's renderer crashes drawing a tree this deep, with or without
    // factmark, so these articles are never attached to the document.
    row: '10,000 nested inline elements (10,000 deep, detached: Chromium cannot render it)',
    arg: 10_000,
    detached: true,
    build: nest,
  },
  {
    row: '10,000 sibling inline elements (<a> and <em> around every figure)',
    arg: 10_000,
    build: (count) => {
      const main = document.querySelector('#articles');
      for (const figure of ['more than four hours', 'four and a half hours']) {
        const article = document.createElement('article');
        const p = document.createElement('p');
        for (let i = 0; i < count / 2; i++) {
          const a = document.createElement(i % 2 ? 'a' : 'em');
          a.textContent = `The talks in Geneva lasted ${figure}.`;
          p.append(a, ' ');
        }
        article.append(p);
        main.append(article);
      }
    },
  },
  {
    row: 'one figure 20,000 times in two text nodes of 500,000 characters (the most marks in one node, the biggest group)',
    arg: 499_000,
    build: (size) => {
      const main = document.querySelector('#articles');
      for (const figure of ['more than four hours', 'four and a half hours']) {
        const article = document.createElement('article');
        article.dataset.name = figure;
        const sentence = `The talks in Geneva lasted ${figure}. `;
        const p = document.createElement('p');
        p.textContent = sentence.repeat(Math.floor(size / sentence.length));
        article.append(p);
        main.append(article);
      }
    },
  },
  {
    row: '"1,1,1,…" for 998,000 characters and one other report (a claim every two characters)',
    arg: 499_000,
    build: (count) => {
      const main = document.querySelector('#articles');
      const ones = document.createElement('article');
      ones.textContent = '1,'.repeat(count);
      const other = document.createElement('article');
      other.textContent = 'The talks lasted four hours.';
      main.append(ones, other);
    },
  },
  {
    row: 'a report of 5 MB (the seeds, repeated) and one other',
    arg: { seeds, bytes: 5_000_000 },
    build: ({ seeds, bytes }) => {
      const main = document.querySelector('#articles');
      const big = document.createElement('article');
      big.dataset.name = 'Big';
      let size = 0;
      for (let i = 0; size < bytes; i++) {
        const p = document.createElement('p');
        p.textContent = seeds[i % seeds.length];
        size += p.textContent.length;
        big.append(p);
      }
      const small = document.createElement('article');
      small.dataset.name = 'Small';
      small.textContent = seeds[1];
      main.append(big, small);
    },
  },
];

async function measure(browser, { row, arg, build, detached = false }, options) {
  const page = await openPage(browser, PAGE);
  page.setDefaultTimeout(300_000);
  await page.evaluate(`(${build})(${JSON.stringify(arg)}, ${!detached})`);
  const result = await page.evaluate(async (options) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const { annotate } = await import('/www/factmark.min.js');
    // Loads the wasm outside the measurement, on an article of its own.
    const warm = document.createElement('article');
    warm.textContent = 'The talks lasted four hours.';
    (await annotate([warm], { summary: false })).remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    tasks.length = 0;
    const articles = window.__articles ?? document.querySelectorAll('article');
    const characters = [...articles].reduce((n, a) => n + a.textContent.length, 0);
    const started = performance.now();
    let handle;
    try {
      handle = await annotate(articles, options);
    } catch (error) {
      // The core refuses some inputs (a report of more figures than prose
      // states): annotate() rejects and leaves the page as it was.
      const annotateMs = Math.round(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the observer report
      observer.disconnect();
      return {
        characters,
        elements: [...articles].reduce((n, a) => n + a.querySelectorAll('*').length, 0),
        annotateMs,
        longestTaskMs: Math.round(tasks.reduce((a, b) => Math.max(a, b), 0)),
        rejected: error.message,
      };
    }
    const annotateMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the observer report
    observer.disconnect();
    const out = {
      characters,
      elements: [...articles].reduce((n, a) => n + a.querySelectorAll('*').length, 0),
      annotateMs: Math.round(annotateMs),
      longestTaskMs: Math.round(tasks.reduce((a, b) => Math.max(a, b), 0)),
      claims: handle.reports.reduce((n, r) => n + r.claims.length, 0),
      marks: handle.marks.length,
      wasmMemoryBytes: handle.timings.wasmMemoryBytes,
      memoryHeldAfter: (await import('/www/factmark.min.js')).coreMemoryBytes(),
      declined: handle.declined,
      notice: document.querySelector('.fm-notice')?.checkVisibility() ?? false,
    };
    handle.remove();
    return out;
  }, options);
  await page.context().close();
  return { row, options: options.maxText === undefined ? 'default' : `maxText ${options.maxText}`, ...result };
}

const browser = await launch();
try {
  for (const row of ROWS) {
    console.log(JSON.stringify(await measure(browser, row, {})));
    if (row.arg?.bytes) console.log(JSON.stringify(await measure(browser, row, { maxText: Infinity })));
  }
} finally {
  await browser.close();
}
