// Measures what a reader pays on the seed page: how long annotate() takes in
// Chromium (the first call, which also fetches and compiles the wasm, then the
// median of repeated calls on the warm module), and the gzipped payload.
// Prints numbers only; no test depends on timing.
//   tests/browser/run.sh --measure [--screenshot FILE.png]   (FILE relative to the repository)
import { launch, openPage } from './harness.mjs';
import { resolve } from 'node:path';
import { REPO, sizes, table } from './payload.mjs';

const RUNS = 7;
const shot = process.argv.indexOf('--screenshot');

const browser = await launch();
try {
  const page = await openPage(browser, '/www/', { viewport: { width: 1000, height: 900 } });
  await page.waitForFunction(() => window.factmarkDemo, null, { timeout: 30000 });
  const demo = await page.evaluate(() => {
    const { handle, annotateMs, error } = window.factmarkDemo;
    if (error) throw new Error(error);
    return { firstMs: annotateMs, groups: handle.groups.length, marks: handle.marks.length };
  });
  const warm = await page.evaluate(async (runs) => {
    const { annotate } = await import('/www/factmark.min.js');
    const articles = document.querySelectorAll('article');
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await annotate(articles);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  }, RUNS);
  const text = await page.evaluate(() =>
    [...document.querySelectorAll('article')].reduce((n, a) => n + a.textContent.length, 0),
  );
  if (shot > 0) {
    const mark = page.locator('#seed-001 mark[tabindex="0"]').first();
    await mark.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await mark.hover();
    await page.screenshot({ path: resolve(REPO, process.argv[shot + 1]) });
  }
  const median = warm[Math.floor(warm.length / 2)];
  console.log(`seed page: 5 reports, ${text} characters, ${demo.groups} groups, ${demo.marks} highlight pieces`);
  console.log(`annotate(), first call (wasm fetch + compile + check + marking): ${demo.firstMs.toFixed(1)} ms`);
  console.log(`annotate(), warm, median of ${RUNS}: ${median.toFixed(1)} ms (min ${warm[0].toFixed(1)}, max ${warm.at(-1).toFixed(1)})`);
  console.log(table(sizes()).text);
} finally {
  await browser.close();
}
