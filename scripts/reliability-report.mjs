// Writes RELIABILITY.md (to stdout) from the figures scripts/reliability.sh
// collected in a directory of JSON lines. Run by that script; kept apart so that
// the wording of the table can change without re-running hours of measurement:
//   node scripts/reliability-report.mjs target/reliability > RELIABILITY.md
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/reliability';
const lines = (name) =>
  existsSync(join(dir, name))
    ? readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
    : [];
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
const linear = lines('linear.jsonl');
const cli = lines('cli.jsonl');
const fuzz = lines('fuzz.jsonl');
const browser = lines('browser.jsonl');
const browserTests = existsSync(join(dir, 'browser-tests.txt')) ? readFileSync(join(dir, 'browser-tests.txt'), 'utf8') : '';

const n = (x) => (x === null || x === undefined ? '–' : Number(x).toLocaleString('en'));
const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (...cells) => `| ${cells.map(cell).join(' | ')} |`;

// Each pattern and what it is, as `stress --list` wrote them (name TAB what).
const PATTERNS = Object.fromEntries(
  readFileSync(join(dir, 'patterns.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')),
);

const out = [];
out.push(`# Reliability

What factmark was made to face, how much of it, and what happened. Every row
is re-run, and this file rewritten, by \`scripts/reliability.sh\` (about two
hours on 2 cores, most of it fuzzing; \`FUZZ_RUNS=20000 SIZES="1 10"
scripts/reliability.sh\` for a short run). Times are wall-clock on a shared, noisy 2-core machine: read them as
orders of magnitude. No test asserts a time; the default suite
(\`scripts/test.sh\`) runs short versions of these rows and asserts only
behaviour and loose ratios (each section names its short version).

Last run: ${meta.when}, commit ${meta.commit}, ${meta.cpus} CPUs.
`);

out.push(`## The core: linear time on adversarial input

\`check\` on one set of reports, release build (\`examples/stress.rs\`, inputs from
\`tests/support/adversarial.rs\`); median of 5 runs under 5 MB, of 3 under 50 MB,
else one. The core takes at most 64 MiB per report, so the 100 MB sets of the
one-text patterns are **two reports of 50 MB** each (the "repeat" pattern is
~97,000 reports of 1 KB). "× linear" is the time per byte relative to the 1 MB
run of the same pattern: 1.0 is perfectly linear; quadratic would be 10 at
10 MB and 100 at 100 MB. Peak memory is the process's.

| pattern | size | reports | time | MB/s | × linear | claims | groups | peak memory | reproduce |
|---|---|---|---|---|---|---|---|---|---|`);
const base = {};
for (const r of linear.filter((r) => !r.pattern.startsWith('over-cap'))) {
  if (r.ms === undefined) {
    out.push(row(r.pattern, mb(r.bytes), '–', `**${r.error}**`, '', '', '', '', '', ''));
    continue;
  }
  const perByte = r.ms / r.bytes;
  base[r.pattern] ??= perByte;
  const size = Math.round(r.bytes / 1e6);
  out.push(
    row(
      r.pattern,
      mb(r.bytes),
      n(r.reports),
      `${n(Math.round(r.ms))} ms`,
      (r.bytes / 1e3 / r.ms).toFixed(1),
      (perByte / base[r.pattern]).toFixed(2),
      // A report of more figures than prose holds is refused (the cap on claims).
      r.claims === null ? 'refused: over the cap on figures' : n(r.claims),
      r.groups === null ? '–' : n(r.groups),
      r.peakMB === null ? '–' : `${n(r.peakMB)} MB`,
      `\`cargo run --release --example stress -- ${r.pattern} ${size}\``,
    ),
  );
}
out.push('');
for (const [name, what] of Object.entries(PATTERNS)) out.push(`- **${name}**: ${what}.`);
out.push(`
Short version in the default suite: \`tests/adversarial.rs\` checks every pattern
at 20 KB and 320 KB (debug build) and fails if 16 times the input takes 64 times
as long or more.

## The core: memory per byte

Peak resident memory of \`check\` before and after issue 11 (a cap of one figure
per 16 bytes a report and a check, at least 1,000; 16-byte alignment pairs;
neighbour lists of 12 bytes a neighbour in the clustering), measured
2026-11-30 with \`cargo run --release --example stress -- PATTERN MB\` on
the 2-core machine; the process alone takes 3 MB. Fixed text in
\`scripts/reliability-report.mjs\`, not re-measured by \`scripts/reliability.sh\`.

| pattern | claims at 1 / 4 MB | peak at 1 MB, before → after | peak at 4 MB, before → after |
|---|---|---|---|
| digits | 0 / 0 | 5 → 5 MB | 11 → 11 MB |
| qualifiers | 1 / 1 | 9 → 9 MB | 29 → 29 MB |
| words | 16,666 / 66,666 | 106 → 42 MB | 414 → 163 MB |
| nospace | 35,714 / 142,856 | 218 → 92 MB | 862 → 317 MB |
| repeat | 20,391 / 81,627 | 156 → 52 MB | 560 → 199 MB |
| places | 17,049 / 67,933 | 111 → 46 MB | 433 → 175 MB |
| ones ("1,1,1,…") | 250,000 / 1,000,000 before; refused after | 1,494 → 39 MB | 5,977 → 151 MB |

"ones" is "1,1,1,…", a figure every few bytes, refused now: "report "part0"
states 250000 figures in 1000000 bytes, over factmark's limit of 62500 for its
length …".

Short version in the default suite: \`tests/memory.rs\` checks every pattern at
200 KB under a counting allocator (debug build, about 3 s) and fails past 80
times the input unless the cap refused it; it measures 4 (digits) to 60
(nospace) times, and 42 for "ones" until its refusal.

## The core: inputs past the caps

| input | what happened | time | reproduce |
|---|---|---|---|`);
for (const r of linear.filter((r) => r.pattern.startsWith('over-cap'))) {
  const what = r.pattern.replace('over-cap-', '');
  const label = {
    report: 'one report of 64 MiB + 1 byte',
    total: `5 reports of 51.2 MiB + 1 byte (over the 256 MiB total)`,
    count: '100,001 reports (over 100,000)',
    claims: 'one report of 64 KB stating 16,000 figures ("1,1,1,…"; over one per 16 bytes)',
  }[what];
  out.push(row(label, r.error ? `error: "${r.error}"` : '**no error**', r.ms === undefined ? '–' : `${r.ms} ms`, `\`cargo run --release --example stress -- over-cap ${what}\``));
}
out.push(`
Short versions: \`tests/properties.rs\` (\`report_size_cap\`) and
\`tests/adversarial.rs\` (\`over_the_*_cap_is_an_error\`).

## Fuzzing

\`scripts/fuzz.sh\` runs each target of \`fuzz/\` (see \`fuzz/README.md\`) for
${n(meta.fuzzRuns)} executions, one after the other:
\`cargo +nightly fuzz run -s none TARGET -- -runs=${meta.fuzzRuns} -max_len=… -timeout=10 -dict=reports.dict\`,
the corpus seeded with \`seeds/\`, \`tests/regressions/\`, \`fuzz/seeds/\` (reports
with names and dates) and the first report of every cluster in
\`tests/corpus/news/dev/\`. A find is a crash, a broken invariant
(\`tests/support/invariants.rs\`) or an input slower than 10 s; it stops its
target. Time is wall-clock for the whole run, the corpus's first pass included.

| target | input | executions | time | executions/s | finds | corpus after | reproduce |
|---|---|---|---|---|---|---|---|`);
const FUZZ_INPUT = {
  read_claims: 'one report',
  check: 'up to 8 reports split on 0x1E, each with its name and date when it holds 0x1F (name␟date␟text); checked in two orders',
  align: 'a threshold (fitted, 0, 1, negative, NaN, ±∞ or a step of 0–1), 1–8 copies of up to 8 such reports (≤ 200 claims, each copy a day later); alignment alone',
};
for (const r of fuzz) {
  const input = `${FUZZ_INPUT[r.target] ?? r.target}, ≤ ${n(r.maxLen)} bytes`;
  const finds = r.newArtifacts ? `**${r.newArtifacts}** (${r.files.trim()})` : (r.exit ? `**fuzzer exited ${r.exit}**` : '0');
  const rate = r.seconds ? n(Math.round(r.runs / r.seconds)) : '–';
  const time = r.seconds >= 120 ? `${Math.round(r.seconds / 60)} min` : `${r.seconds} s`;
  out.push(row(r.target, input, n(r.runs), time, rate, finds, n(r.corpus), `\`FUZZ_TARGETS=${r.target} FUZZ_RUNS=${meta.fuzzRuns} scripts/fuzz.sh\``));
}
out.push(`
Short version: every input in \`tests/regressions/\` is replayed by
\`tests/regressions.rs\`, and \`tests/properties.rs\` runs the same invariants on
generated text, on every \`cargo test\`.

## The command line

\`factmark check --json FILE…\`, release build. README: exit 0 when every file
was read, 1 when some file could not be read (one line on stderr each, the
others still reported), 2 for a usage error.

| input | exit | reports | errors | stderr lines | first stderr line | time |
|---|---|---|---|---|---|---|`);
for (const r of cli) {
  out.push(row(r.name, r.code, n(r.reports), n(r.errors), r.stderrLines, r.firstLine ? `\`${r.firstLine.replace(/\/tmp\/[^/]+\//, '…/')}\`` : '–', `${n(r.ms)} ms`));
}
out.push(`
Reproduce: \`scripts/reliability.sh\` (the "command line" step builds these files).
Short version: \`tests/cli.rs\` (\`a_thousand_files_with_bad_ones_among_them\`,
\`bad_files_get_one_line_each_and_the_rest_is_reported\`,
\`empty_and_blank_files_have_no_claims\`).

## The widget in Chromium

Headless Debian Chromium via playwright-core, the real wasm core.

| what was tried | how much | what happened | reproduce |
|---|---|---|---|`);
const result = (pattern) => {
  const line = browserTests.split('\n').find((l) => l.includes(pattern)) ?? '';
  if (!line) return 'not run';
  if (line.includes('# TODO')) return `**known failure**: ${line.split('# TODO ')[1]}`;
  return line.startsWith('ok') ? 'passes' : '**fails**';
};
const t = (file) => `\`tests/browser/run.sh ${file}\``;
out.push(
  row(
    'XSS payloads as report text and as `data-name`, `data-date`, `data-outlet`, `aria-label`, `title`, on a page with no CSP',
    '27 payloads: script tags, event handlers, `javascript:` URLs, SVG and MathML tricks, mutation-XSS strings (`tests/browser/fixtures/hostile-strings.js`); every popover opened',
    `nothing ran (a payload inserted as markup on the same page does: negative control); no element or handler appeared; names shown as text in popovers and summary; remove() restores the exact HTML — ${result('XSS payloads')}`,
    t('hostile.test.mjs'),
  ),
  row(
    'odd strings from the DOM',
    'lone surrogates, RTL and bidi controls, ZWJ, combining marks, CRLF, NBSP / thin space / narrow NBSP between digits',
    `every mark is exactly its claim's text and never splits a surrogate pair or a base from its combining mark; "20 000" with NBSP, thin or narrow NBSP is marked whole; "hourś" is left unmarked — ${result('odd strings')}`,
    t('hostile.test.mjs'),
  ),
  row(
    '"20 000 people" with an ASCII space between the digits',
    'one report against "15,000 people"',
    result('ASCII space'),
    t('hostile.test.mjs'),
  ),
);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
for (const r of browser) {
  const what = r.rejected
    ? `annotate() rejects, the page as it was: "${r.rejected}"`
    : r.declined
      ? `declined with a visible notice (role="status"): "${r.declined}"`
      : `${n(r.claims)} claims, ${n(r.marks)} highlight pieces`;
  const held = r.memoryHeldAfter ? `${mib(r.memoryHeldAfter)} held after it` : 'the module dropped after it';
  const memory = r.wasmMemoryBytes ? `; wasm memory ${mib(r.wasmMemoryBytes)} after the check, ${held}` : '';
  out.push(
    row(
      r.row + (r.options === 'default' ? '' : ` — with \`${r.options}\``),
      `${n(r.characters)} characters, ${n(r.elements)} elements`,
      `annotate() ${n(r.annotateMs)} ms; longest task ${r.longestTaskMs ? `${n(r.longestTaskMs)} ms` : 'under 50 ms'}; ${what}${memory}`,
      '`tests/browser/run.sh --reliability`',
    ),
  );
}
out.push(
  row(
    'a CMS re-rendering an article under the marks (popover open), re-rendering from the annotated HTML (copies of the marks), replacing the article elements',
    'each, then annotate() again',
    `no exception; the open popover closes when its highlight leaves the page; annotate() again restores the same marks, with one popover and one summary panel — ${result('CMS re-rendering')}`,
    t('limits.test.mjs'),
  ),
  row(
    'the wasm fails to load: HTTP 404, a corrupt file, a CSP without `wasm-unsafe-eval`',
    'each',
    `annotate() rejects; the page's HTML is unchanged; exactly one console line: "factmark: the WebAssembly core did not load (<reason>); the articles are left as they are." — ${['404', 'corrupt', 'CSP without'].map(result).join(', ')}`,
    t('limits.test.mjs'),
  ),
  row(
    'a DOM method the page broke throws while marking (after the marks, popover and listeners are in); the same when replacing an earlier annotation',
    '`Element.prototype.after` throws once',
    `annotate() rejects with "factmark: marking the articles failed (…); the page is as it was." (the TypeError is its cause); the page's HTML, its stylesheets and the listeners on document and window are as before, or the earlier annotation is back, whole — ${['DOM method that throws', 'annotating again fails'].map(result).join(', ')}`,
    t('transaction.test.mjs'),
  ),
  row(
    'an article re-rendered while the core works; an article re-rendered on every check',
    'innerHTML set from the check function',
    `read again and marked on its new text; after three tries, rejects ("the articles kept changing …") with the page as it was — ${['re-rendered while the core works', 'keeps changing'].map(result).join(', ')}`,
    t('transaction.test.mjs'),
  ),
  row(
    'two annotate() calls at once on the same articles; one article given twice; an article inside another',
    'Promise.all of two calls; [a, b, a, inner, b]',
    `one panel, one popover, one stylesheet, no nested marks; two reports, the inner article read as part of the outer one — ${['two annotate() calls at once', 'element given twice'].map(result).join(', ')}`,
    t('transaction.test.mjs'),
  ),
  row(
    'report names "X", "X", "X (2)"; dates with a time and zone; an impossible date (9999-99-99)',
    'three reports, real core',
    `names "X", "X (3)", "X (2)", every mark's claim in its own article's report; the zone converts the time; the bad date counts as none (contradiction, not revision) with one console warning — ${result('repeated names keep claims apart')}`,
    t('transaction.test.mjs'),
  ),
  row(
    'an article that is an open shadow root\'s host, one that shows its text through a <slot>',
    'under the strict CSP',
    `both read; the mark in the shadow root styled like the others (factmark.css adopted into the root), its popover opens, "Show this mention" reaches it; remove() leaves the shadow tree and its adopted sheets as they were — ${result('shadow host')}`,
    t('shadow.test.mjs'),
  ),
  row(
    '1,000,000 characters: one figure 20,000 times in two text nodes, annotated cold (worker start and wasm load included), then again (the first annotation\'s 20,000 marks out first)',
    'just under the default limit; long tasks measured with PerformanceObserver("longtask")',
    `no task over 50 ms (best of up to three runs: a busy machine can stall any slice); a chart draws 20 rows and says "and … more mentions (not shown)", a popover lists 20 others and "and … more", with <span> figures; the wasm module, grown past 32 MiB, is dropped and the next check starts one of about 1 MiB — ${result('1,000,000 characters')}`,
    t('limits.test.mjs'),
  ),
  row(
    'one group of 70,000 mentions (140,000 interval bounds: Math.min(...values) overflowed the stack past about 120,000)',
    '980,000 characters, the stand-in core',
    `the summary charts 20 rows and says "and 69,980 more mentions (not shown)" — ${result('a group of 70,000 mentions')}`,
    t('limits.test.mjs'),
  ),
  row(
    'the size limit',
    '`maxText: 50` on a small page; the default is `MAX_PAGE_TEXT` = 1,000,000 characters',
    `no marks, a visible notice saying why, \`handle.declined\` holds the same sentence; annotate() again with room marks and the notice goes — ${result('past maxText')}`,
    t('limits.test.mjs'),
  ),
);
out.push(`
Why 1,000,000 characters: the core runs in a worker and the marking in
slices, so up to it no task holds the page long (the rows above), but a check
of more text takes the core seconds and its marks cost the page's own layout;
past it the widget shows a notice instead. A page can move it with
\`annotate(roots, { maxText })\`.
Chromium itself crashes rendering a tree 10,000 elements deep (with or without
factmark), so that row runs on articles that are never attached to the page.

Short versions: \`tests/browser/hostile.test.mjs\`, \`limits.test.mjs\`,
\`transaction.test.mjs\` and \`shadow.test.mjs\` run in the default suite
exactly as listed; the big pages run there at 3,000 nested elements and with a
small \`maxText\`.
`);
out.push(`## Found and fixed

Found by these rows and fixed; each input is kept as a regression test:

| what | minimal input | kept as |
|---|---|---|
| groups depended on the order of reports (money): found by the \`check\` fuzz target; claims are now joined in an order independent of the reports' order | two reports split on 0x1E, 105 bytes: \`tests/regressions/money-groups-depend-on-order.txt\` | \`cargo test --test regressions\` |
| a publication date whose zone moved it out of years 0–9999 ("0000-01-01T00:00+00:01", "9999-12-31T23:59-00:01") was written "-001-12-31" or "10000-01-01", which no date reader reads back (seeded into the \`check\` fuzz target's corpus, which checks that every date it reads writes out and reads back the same); such a date now counts as none | a report dated that way (24 and 53 bytes): \`tests/regressions/date-zone-before-year-0.txt\`, \`date-zone-after-year-9999.txt\` | \`cargo test --test regressions\`; \`publication_dates_are_real_calendar_dates\` in \`src/read/date.rs\` |
| the widget (issue 11): marking many figures in one text node was quadratic (splitText copies the rest of the node: 40,000 marks took 6.3 s); a summary of a group past ~60,000 mentions threw a RangeError (Math.min(...values)); a popover listing thousands of mentions laid out for seconds (<q>); 1,000,000 characters of "1,1,1,…" left the wasm memory grown for the page's lifetime (the module is now dropped after a check that grew it past 32 MiB; the peak per input byte is the core's to bound); a failure after marking left marks, popover, stylesheet and listeners behind | the 1,000,000-character page above; a group of 70,000 mentions | \`tests/browser/limits.test.mjs\`, \`tests/browser/transaction.test.mjs\` |
| "20 000 people" with an ASCII space read as "20" and "000 people" = 0 people, then marked as contradicting "15,000 people"; a plain space now groups thousands after a first group of at most three digits (not after a month: "March 5 200 people") | \`factmark claims\` on "In Geneva, 20 000 people protested on Friday." | \`cargo test --test adversarial\`; the odd-strings test in \`tests/browser/hostile.test.mjs\` |
`);
console.log(out.join('\n'));
