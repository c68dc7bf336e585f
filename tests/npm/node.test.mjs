// The npm package in Node (dist/npm, as `factmark` through node_modules): check()
// without a DOM on the seed reports and two short ones, and the Web Annotation export of check(),
// of the CLI (`factmark check --format web-annotation`) validated against the
// model's JSON-LD context (validate.mjs); both agree on every selector. The
// contract's fields of the new verdicts (sourcesDiffer, partOfWhole,
// confidence, Member.part, Claim.frame), and package.json's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { check, toWebAnnotations } from 'factmark';
import { validate } from './validate.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** The verdicts the widget marks and the export carries (contract.d.ts's MarkedVerdict). */
const MARKED = new Set(['contradiction', 'differsInPrecision', 'revision', 'sourcesDiffer']);
// The seed reports and two short ones whose figures differ in precision (at
// the fitted threshold the seeds alone show agreements only, which are not
// exported): named by their paths, as the CLI names them.
const paths = [...readdirSync(`${repo}/seeds`).sort().map((file) => `seeds/${file}`), 'tests/npm/fixtures/geneva-a.txt', 'tests/npm/fixtures/geneva-b.txt'];
const reports = paths.map((path) => ({ name: path, text: readFileSync(`${repo}/${path}`, 'utf8') }));

test('check() in Node reads and groups the reports as the CLI does', () => {
  const result = check(reports);
  const cli = JSON.parse(execFileSync(`${repo}/target/release/factmark`, ['check', '--json', ...paths], { cwd: repo }));
  assert.deepEqual(result.reports.map((r) => r.claims.length), cli.reports.map((r) => r.claims.length));
  assert.deepEqual(result.groups, cli.groups);
  assert.ok(result.groups.some((g) => g.verdict !== 'agreement'));
  assert.ok(typeof globalThis.document === 'undefined', 'no DOM was needed');
});

test('check() throws a plain Error past the core’s limits, and stays usable', () => {
  assert.throws(() => check(Array.from({ length: 100_001 }, (_, i) => ({ name: `r${i}`, text: '' }))), Error);
  assert.equal(check([{ name: 'a', text: 'The talks lasted four hours.' }]).reports.length, 1);
});

test('the Node export validates against the Web Annotation context, one annotation per highlighted group', async () => {
  const result = check(reports);
  const annotations = toWebAnnotations(result, reports);
  assert.equal(annotations.length, result.groups.filter((g) => MARKED.has(g.verdict)).length);
  assert.equal(await validate(annotations), annotations.length);
  for (const annotation of annotations) {
    const group = result.groups.find((g) => annotation.id.includes(`:${g.id}:`));
    assert.equal(annotation.body[0].value, group.verdict);
    assert.equal(annotation.body[1].value, group.explanation);
    assert.equal(annotation.target.length, group.members.length);
  }
});

test('the CLI export validates too, and has the same selectors as the Node export', async () => {
  const out = execFileSync(`${repo}/target/release/factmark`, ['check', '--format', 'web-annotation', ...paths], { cwd: repo });
  const collection = JSON.parse(out);
  assert.equal(collection.type, 'AnnotationCollection');
  const items = collection.first.items;
  assert.equal(collection.total, items.length);
  assert.equal(await validate(collection), items.length);
  const fromNode = toWebAnnotations(check(reports), reports);
  assert.deepEqual(
    items.map((a) => a.target.map((t) => t.selector)),
    fromNode.map((a) => a.target.map((t) => t.selector)),
  );
  assert.ok(items.every((a) => a.target.every((t) => t.source.startsWith('file:///'))));
});

/**
 * Reports the core reads as sources differing (organisers and a ministry on a
 * rally) and as a part of a whole (the hospitalised among the injured), as in
 * tests/browser/fixtures/verdicts.html.
 */
const PARTIES = [
  { name: 'Alpha Wire', date: '2025-05-26', text: 'Tens of thousands of people rallied outside the parliament in Tbilisi on Monday, organisers said.\nThe explosion at the chemical plant in Ludwigshafen injured 120 people, police said on Monday.\n' },
  { name: 'Beta Post', date: '2025-05-26', text: "About 8,000 people rallied outside the parliament in Tbilisi on Monday, the Interior Ministry said.\nThe explosion at the chemical plant in Ludwigshafen injured 150 people, police said on Monday.\n" },
  { name: 'Gamma Daily', date: '2025-05-26', text: 'Doctors said 40 people were hospitalised after the explosion at the chemical plant in Ludwigshafen on Monday.\n' },
];

test('the contract’s new fields: sourcesDiffer and partOfWhole groups, confidence, Member.part, Claim.frame', () => {
  const result = check(PARTIES);
  const byVerdict = new Map(result.groups.map((g) => [g.verdict, g]));
  assert.ok(byVerdict.has('sourcesDiffer') && byVerdict.has('partOfWhole'), `the core still reads these reports so: ${[...byVerdict.keys()]}`);
  for (const group of result.groups) {
    assert.ok(group.confidence >= 0 && group.confidence <= 1, `${group.id}: ${group.confidence}`);
    assert.ok(!('measure' in group));
    assert.ok(group.members.every((m) => typeof m.part === 'boolean'));
    assert.equal(group.members.some((m) => m.part), group.verdict === 'partOfWhole', `only a part of a whole has parts: ${group.id}`);
  }
  const claims = new Map(result.reports.flatMap((r) => r.claims).map((c) => [c.id, c]));
  const parties = byVerdict.get('sourcesDiffer').members.map((m) => claims.get(m.claim).frame.party);
  assert.deepEqual(parties.sort(), ['officials', 'organisers']);
  for (const claim of claims.values()) {
    assert.ok(!('measure' in claim) && !('event' in claim), claim.id);
    assert.ok(Array.isArray(claim.frame.places) && Array.isArray(claim.frame.dates) && Array.isArray(claim.frame.scopes));
    assert.ok(['now', 'past', 'forecast', 'superseded'].includes(claim.frame.when));
    assert.ok(['level', 'change', 'part'].includes(claim.frame.statistic));
  }
  const part = byVerdict.get('partOfWhole').members.find((m) => m.part);
  assert.equal(claims.get(part.claim).text, '40 people');
});

test('Web Annotations carry sourcesDiffer and never a part of a whole, from Node and from the CLI', async () => {
  const result = check(PARTIES);
  const fromNode = toWebAnnotations(result, PARTIES).map((a) => a.body[0].value);
  assert.ok(fromNode.includes('sourcesDiffer'), String(fromNode));
  assert.ok(fromNode.every((v) => MARKED.has(v)), String(fromNode));
  assert.equal(await validate(toWebAnnotations(result, PARTIES)), fromNode.length);

  const dir = mkdtempSync(join(tmpdir(), 'factmark-npm-'));
  const rows = ['file,name,date'];
  PARTIES.forEach((report, i) => {
    writeFileSync(join(dir, `${i}.txt`), report.text);
    rows.push(`${i}.txt,${report.name},${report.date}`);
  });
  writeFileSync(join(dir, 'reports.csv'), `${rows.join('\n')}\n`);
  const collection = JSON.parse(execFileSync(`${repo}/target/release/factmark`, ['check', '--format', 'web-annotation', '--manifest', join(dir, 'reports.csv')]));
  rmSync(dir, { recursive: true });
  assert.deepEqual(collection.first.items.map((a) => a.body[0].value).sort(), [...fromNode].sort());
});

test('negative control: a term the context does not define fails validation', async () => {
  const [annotation] = toWebAnnotations(check(reports), reports);
  await assert.rejects(validate({ ...annotation, verdictOfFactmark: 'contradiction' }));
  await assert.rejects(validate({ ...annotation, motivation: 'assessingTheFigures' }));
});

test('package.json: the crate’s version, every listed file present, exports with types', () => {
  const pkg = JSON.parse(readFileSync(`${repo}/dist/npm/package.json`, 'utf8'));
  const crate = /^version = "([^"]+)"/m.exec(readFileSync(`${repo}/Cargo.toml`, 'utf8'))[1];
  assert.equal(pkg.version, crate);
  for (const file of pkg.files) assert.ok(readFileSync(`${repo}/dist/npm/${file}`).length > 0, file);
  // Everything the widget loads: the worker that runs the core ships, with the glue in it.
  for (const file of ['factmark.js', 'factmark.css', 'pkg/factmark-worker.js', 'pkg/factmark_bg.wasm']) assert.ok(pkg.files.includes(file), file);
  const worker = readFileSync(`${repo}/dist/npm/pkg/factmark-worker.js`, 'utf8');
  assert.doesNotMatch(worker, /from\s*["']\.\/factmark\.js["']/, 'the npm worker imports no glue file');
  assert.match(worker, /checkReportsJson/);
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  assert.equal(pkg.exports['.'].node.default, './node.js');
  assert.deepEqual(pkg.sideEffects, ['./factmark.js', './factmark.css']);
});
