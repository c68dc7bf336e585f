// Measures what a reader pays: how long annotate() takes in Chromium on the
// seed page (the first call, which also starts the worker and fetches and
// compiles the wasm, then the median of repeated calls on the warm module) and
// on a page of 50 reports (the seeds, repeated with their digits varied), with
// the part of it the core takes, and the gzipped payload. Prints numbers only;
// no test depends on timing.
//   tests/browser/run.sh --measure [--screenshot FILE.png]   (FILE relative to the repository)
import { launch, openPage } from './harness.mjs';
import { resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, sizes, table } from './payload.mjs';

const RUNS = 7;
const shot = process.argv.indexOf('--screenshot');

/** Runs in the page: annotate() `runs` times on the annotated articles; times sorted, and the core's part. */
async function warmRuns({ runs, selector }) {
  const { annotate } = await import('/www/factmark.min.js');
  const articles = document.querySelectorAll(selector);
  const times = [];
  const core = [];
  const wasm = [];
  let handle;
  // The page renders between runs, so that no run waits for the last one's layout.
  const settled = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  for (let i = 0; i < runs; i++) {
    await settled();
    await settled();
    const started = performance.now();
    handle = await annotate(articles);
    times.push(performance.now() - started);
    core.push(handle.timings.checkMs);
    wasm.push(handle.timings.coreMs);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { times: times.sort((a, b) => a - b), core: median(core), wasm: median(wasm), groups: handle.groups.length, marks: handle.marks.length };
}

function summary({ times, core, wasm }) {
  const median = times[Math.floor(times.length / 2)];
  return (
    `median of ${times.length} ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)}); ` +
    `waiting for the core ${core.toFixed(1)} ms, of which its check ${wasm.toFixed(1)} ms`
  );
}

const browser = await launch();
try {
  const page = await openPage(browser, '/www/', { viewport: { width: 1000, height: 900 } });
  await page.waitForFunction(() => window.factmarkDemo, null, { timeout: 30000 });
  const demo = await page.evaluate(() => {
    const { handle, annotateMs, error } = window.factmarkDemo;
    if (error) throw new Error(error);
    return { firstMs: annotateMs, groups: handle.groups.length, marks: handle.marks.length };
  });
  const warm = await page.evaluate(warmRuns, { runs: RUNS, selector: 'article' });
  const text = await page.evaluate(() =>
    [...document.querySelectorAll('article')].reduce((n, a) => n + a.textContent.length, 0),
  );
  if (shot > 0) {
    const mark = page.locator('#seed-001 mark[tabindex="0"]').first();
    await mark.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await mark.hover();
    await page.screenshot({ path: resolve(REPO, process.argv[shot + 1]) });
  }
  console.log(`seed page: 5 reports, ${text} characters, ${demo.groups} groups, ${demo.marks} highlight pieces`);
  console.log(`annotate(), first call (worker start + wasm fetch + compile + check + marking): ${demo.firstMs.toFixed(1)} ms`);
  console.log(`annotate(), warm: ${summary(warm)}`);

  // 50 reports: the seeds ten times over, each copy's digits varied.
  const big = await openPage(browser, '/tests/browser/fixtures/no-csp/blank.html');
  const seeds = readdirSync(join(REPO, 'seeds'))
    .sort()
    .map((file) => readFileSync(join(REPO, 'seeds', file), 'utf8'));
  const size = await big.evaluate((seeds) => {
    const main = document.querySelector('#articles');
    for (let n = 0; n < 50; n++) {
      let state = Math.floor(n / seeds.length) * 2654435761;
      const text = n < seeds.length ? seeds[n] : seeds[n % seeds.length].replace(/[0-9]/g, (d) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return String((Number(d) + (state >> 16)) % 10);
      });
      const article = document.createElement('article');
      article.dataset.name = `Report ${n}`;
      article.dataset.date = '2025-04-12';
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        const p = document.createElement('p');
        p.textContent = line;
        article.append(p);
      }
      main.append(article);
    }
    return [...document.querySelectorAll('article')].reduce((n, a) => n + a.textContent.length, 0);
  }, seeds);
  await big.evaluate(() => import('/www/factmark.min.js').then(({ annotate }) => annotate(document.querySelectorAll('article'))));
  const fifty = await big.evaluate(warmRuns, { runs: RUNS, selector: 'article' });
  console.log(`50 reports, ${size} characters, ${fifty.groups} groups, ${fifty.marks} highlight pieces`);
  console.log(`annotate(), warm: ${summary(fifty)}`);
  console.log(table(sizes()).text);
} finally {
  await browser.close();
}
