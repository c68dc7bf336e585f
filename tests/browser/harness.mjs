// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core, one browser per test file, one fresh context per test, and
// a page that records every request, console error and uncaught exception.
//
// Why these flags: this machine has no network beyond localhost, and Chromium's
// background services (updates, sync, safe browsing) would otherwise keep
// trying to reach theirs. Playwright gives each launch a fresh profile.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE = process.env.FACTMARK_URL?.replace(/www\/?$/, '');
if (!BASE) throw new Error('FACTMARK_URL is not set: run the tests with tests/browser/run.sh');

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}

/** One browser for the calling test file: returns a function that gives it. */
export function sharedBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());
  return () => browser;
}

/**
 * A new page in a fresh context. `page.requests` lists every URL requested,
 * `page.problems` every console error, page error and CSP violation.
 */
export async function openPage(browser, path, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  // Generous: the machines are noisy and this only bounds a hang, it measures nothing.
  page.setDefaultTimeout(30000);
  page.requests = [];
  page.problems = [];
  page.on('request', (request) => page.requests.push(request.url()));
  page.on('console', (message) => {
    // Failed loads are reported with their URL by the response listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      page.problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
      page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (path) await page.goto(new URL(path, BASE).href);
  return page;
}

/** Imports the widget into the page and annotates `selector` with `options` (a fake core by name). */
export async function annotateIn(page, selector, { fake = null, ...options } = {}) {
  return page.evaluate(
    async ({ selector, fake, options }) => {
      const { annotate } = await import('/www/factmark.min.js');
      if (fake) {
        const { fakeCheck } = await import('/tests/browser/fixtures/fake-core.js');
        options.check = fakeCheck(fake);
      }
      window.handle = await annotate(document.querySelectorAll(selector), options);
      return window.handle.marks.length;
    },
    { selector, fake, options },
  );
}

/** The marked mentions on the page: [{claim, group, verdict, text, pieces}] in document order. */
export function mentionsIn(page, scope = 'body') {
  return page.evaluate((scope) => {
    const byClaim = new Map();
    for (const mark of document.querySelector(scope).querySelectorAll('mark[data-factmark-mark]')) {
      const claim = mark.dataset.factmarkMark;
      if (!byClaim.has(claim)) {
        byClaim.set(claim, {
          claim,
          group: mark.dataset.factmarkGroup,
          verdict: [...mark.classList].find((c) => c.startsWith('fm-v-'))?.slice(5),
          text: '',
          pieces: 0,
          article: mark.closest('article')?.id ?? null,
        });
      }
      const mention = byClaim.get(claim);
      mention.text += mark.textContent;
      mention.pieces += 1;
    }
    return [...byClaim.values()];
  }, scope);
}

/** Fails with the page's own words when it logged errors or broke its CSP. */
export async function problemsOf(page) {
  const violations = await page.evaluate(() => window.__violations);
  return [...page.problems, ...violations.map((v) => `csp: ${v}`)];
}
