// The npm package (dist/npm, built by scripts/build-npm.sh) in the browser: in
// a page with no bundler, and bundled by esbuild into an app, with the wasm
// found through import.meta.url (copied next to the bundle as pkg/) or given by
// the wasmUrl option. Each under the strict CSP, loading nothing else, and each
// running the core in the package's worker (pkg/factmark-worker.js, found next
// to the wasm).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sharedBrowser, openPage, mentionsIn, problemsOf, BASE } from './harness.mjs';
import { REPO } from './payload.mjs';

const browser = sharedBrowser();
const APP = join(REPO, 'dist/esbuild-app');
const ARTICLES =
  '<article data-name="Alpha Times"><p>The talks in Geneva lasted more than four hours.</p></article>\n' +
  '<article data-name="Beta Post"><p>The talks in Geneva lasted four and a half hours.</p></article>';

/** An app that imports 'factmark' from node_modules, bundled by esbuild into dist/esbuild-app/<name>/. */
async function buildApp(esbuild, name, options) {
  const dir = join(APP, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src/app.js'),
    `import { annotate } from 'factmark';\n` +
      `window.result = annotate(document.querySelectorAll('article'), ${JSON.stringify(options)})\n` +
      `  .then((handle) => ({ marks: handle.marks.length }), (error) => ({ error: error.message }));\n`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>esbuild app</title>` +
      `<script type="module" src="app.js"></script></head><body>\n${ARTICLES}\n</body></html>\n`,
  );
  await esbuild.build({
    entryPoints: [join(dir, 'src/app.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(dir, 'app.js'),
    logLevel: 'warning',
  });
  return dir;
}

before(async () => {
  execFileSync(join(REPO, 'scripts/build-npm.sh'), { stdio: 'ignore' });
  rmSync(APP, { recursive: true, force: true });
  mkdirSync(join(APP, 'node_modules'), { recursive: true });
  symlinkSync('../../npm', join(APP, 'node_modules/factmark'));
  const esbuild = createRequire(join(REPO, 'scripts/package.json'))('esbuild');
  // (a) the wasm's URL as an option; (b) the wasm and stylesheet copied next to the bundle.
  await buildApp(esbuild, 'option', { wasmUrl: '/dist/npm/pkg/factmark_bg.wasm', stylesheet: false });
  const copied = await buildApp(esbuild, 'copied', {});
  cpSync(join(REPO, 'dist/npm/pkg'), join(copied, 'pkg'), { recursive: true });
  cpSync(join(REPO, 'dist/npm/factmark.css'), join(copied, 'factmark.css'));
});

/** The URL paths of the page's workers: the core must run in the package's. */
function workers(page) {
  return page.workers().map((worker) => new URL(worker.url()).pathname);
}

/** Paths the page requested, on its own origin (and none elsewhere). */
function requested(page) {
  const origin = new URL(BASE).origin;
  assert.deepEqual(page.requests.filter((url) => new URL(url).origin !== origin), []);
  return page.requests.map((url) => new URL(url).pathname);
}

test('without a bundler: the package’s factmark.js and <factmark-check>, wasm from pkg/ beside it', async () => {
  const page = await openPage(browser(), '/tests/browser/fixtures/npm.html');
  await page.waitForSelector('factmark-check .fm-summary', { state: 'attached' });
  assert.deepEqual((await mentionsIn(page)).map((m) => m.text), ['more than four hours', 'four and a half hours']);
  assert.ok(requested(page).includes('/dist/npm/pkg/factmark_bg.wasm'));
  assert.deepEqual(workers(page), ['/dist/npm/pkg/factmark-worker.js']);
  assert.deepEqual(await problemsOf(page), []);
});

for (const [name, wasm] of [
  ['option', '/dist/npm/pkg/factmark_bg.wasm'],
  ['copied', '/dist/esbuild-app/copied/pkg/factmark_bg.wasm'],
]) {
  test(`an esbuild app, wasm ${name === 'option' ? 'from the wasmUrl option' : 'copied next to the bundle (import.meta.url)'}`, async () => {
    const page = await openPage(browser(), `/dist/esbuild-app/${name}/index.html`);
    const result = await page.waitForFunction(() => window.result).then((h) => h.jsonValue());
    assert.deepEqual(result, { marks: 2 });
    const paths = requested(page);
    assert.ok(paths.includes(wasm), JSON.stringify(paths));
    assert.deepEqual(workers(page), [wasm.replace('factmark_bg.wasm', 'factmark-worker.js')], 'the core runs in the worker next to the wasm');
    assert.ok(!paths.some((p) => p.endsWith('/pkg/factmark.js')), 'the glue is in the bundle and in the worker');
    assert.deepEqual(await problemsOf(page), []);
  });
}
