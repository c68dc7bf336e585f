// The wasm core's speed in Node, called the way the widget calls it, against
// JavaScript libraries that read numbers in English text, on the same text.
//
//   node scripts/bench-wasm.mjs            the wasm check (needs scripts/build-wasm.sh first)
//   node scripts/bench-wasm.mjs --peers    and the peers (installs scripts/peers/ on first use)
//
// Two pages, each checked in one call (what annotate() sends to the core):
// "seeds", the five seed reports repeated with their digits varied to about
// 1 MB (200 reports, like RELIABILITY.md's 200-report page), and "news", the
// real-news corpus's dev articles (tests/corpus/news/dev, about 180 KB in 118
// reports), named and dated as a newsroom page would. The wasm figure includes the
// whole seam: strings into wasm memory, the check, the JSON the core returns
// and JSON.parse into the objects the widget uses. Each peer reads every
// article separately (none of them aligns anything, so they do less). MB are
// 10^6 bytes of UTF-8; each line gives the median and the fastest of the runs.
// Prints figures only; nothing asserts a time.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;

/** The dev clusters' articles: [{ name, date, text }], named and dated by each SOURCES.md. */
function articles() {
  const dev = join(REPO, 'tests/corpus/news/dev');
  const reports = [];
  for (const cluster of readdirSync(dev).sort()) {
    const sources = join(dev, cluster, 'SOURCES.md');
    if (!existsSync(sources)) continue;
    for (const line of readFileSync(sources, 'utf8').split('\n')) {
      const cells = line.split('|').map((cell) => cell.trim());
      if (!/^\d+\.txt$/.test(cells[1] ?? '')) continue;
      const [, file, name, date] = cells;
      reports.push({ name, date: /^\d{4}-\d{2}-\d{2}/.test(date) ? date : '', text: readFileSync(join(dev, cluster, file), 'utf8') });
    }
  }
  return reports;
}

/** Runs `fn` a few times to warm up, then `runs` times; returns { median, fastest } in ms. */
function time(fn, runs = RUNS) {
  for (let i = 0; i < Math.min(3, runs); i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], fastest: times[0] };
}

function line(label, mb, { median, fastest }, extra) {
  const rate = (ms) => (mb / (ms / 1000)).toFixed(2);
  console.log(
    `${label}: ${mb.toFixed(2)} MB in ${median.toFixed(1)} ms = ${rate(median)} MB/s median, ${rate(fastest)} MB/s fastest${extra ? ` (${extra})` : ''}`,
  );
  return mb / (median / 1000);
}

/** A copy of `text` with its digits moved by a generator seeded by `copy` (copy 0: as it is). */
function vary(text, copy) {
  if (copy === 0) return text;
  let state = copy * 2654435761;
  return text.replace(/[0-9]/g, (d) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return String((Number(d) + (state >> 16)) % 10);
  });
}

/** The seeds, repeated with varied figures: `count` reports. */
function seeds(count) {
  const dir = join(REPO, 'seeds');
  const texts = readdirSync(dir)
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
  return Array.from({ length: count }, (_, n) => ({
    name: `Report ${n}`,
    date: '2025-04-12',
    text: vary(texts[n % texts.length], Math.floor(n / texts.length)),
  }));
}

const PAGES = [
  ['seeds', seeds(200)],
  ['news', articles()],
];
const glue = await import(join(REPO, 'www/pkg/factmark.js'));
const exports = glue.initSync({ module: readFileSync(join(REPO, 'www/pkg/factmark_bg.wasm')) });
const { checkInWasm } = await import(join(REPO, 'www/factmark/seam.js'));
const rates = {};
for (const [page, reports] of PAGES) {
  const mb = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;
  let result;
  const wasm = time(() => {
    result = checkInWasm(glue, reports);
  });
  const claims = result.reports.reduce((n, r) => n + r.claims.length, 0);
  rates[page] = line(`wasm check (${page})`, mb, wasm, `${reports.length} reports, ${claims} claims, ${result.groups.length} groups`);
}
console.log(`wasm memory after the runs: ${(exports.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MiB`);

if (process.argv.includes('--peers')) {
  const peers = join(REPO, 'scripts/peers');
  if (!existsSync(join(peers, 'node_modules'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: peers, stdio: 'inherit' });
  }
  const require = createRequire(join(peers, 'package.json'));
  const { default: nlp } = await import(require.resolve('compromise'));
  const chrono = require('chrono-node');
  const numbers = require('@microsoft/recognizers-text-number');
  const English = 'en-us';
  // [name, read, counts as a peer]. chrono-node reads only dates, a small
  // part of what factmark reads, so it is printed for scale but not compared.
  const PEERS = [
    ['compromise 14 (numbers)', (text) => nlp(text).numbers().json().length, true],
    ['Recognizers-Text 1.3 (numbers)', (text) => numbers.recognizeNumber(text, English).length, true],
    [
      'Recognizers-Text 1.3 (numbers, percentages)',
      (text) => numbers.recognizeNumber(text, English).length + numbers.recognizePercentage(text, English).length,
      true,
    ],
    ['chrono-node 2 (dates only)', (text) => chrono.parse(text).length, false],
  ];
  for (const [page, reports] of PAGES) {
    const mb = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;
    let fastest = 0;
    let fastestName = '';
    for (const [name, read, isPeer] of PEERS) {
      let found = 0;
      const rate = line(
        `${name} (${page})`,
        mb,
        time(() => {
          found = 0;
          for (const report of reports) found += read(report.text);
        }, 3),
        `${found} found`,
      );
      if (isPeer && rate > fastest) [fastest, fastestName] = [rate, name];
    }
    console.log(`wasm check / fastest peer (${page}, ${fastestName}): ${(rates[page] / fastest).toFixed(0)}x (medians)`);
  }
}
