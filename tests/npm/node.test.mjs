// The npm package in Node (dist/npm, as `factmark` through node_modules): check()
// without a DOM on the seed reports, and the Web Annotation export of check(),
// of the CLI (`factmark check --format web-annotation`) validated against the
// model's JSON-LD context (validate.mjs); both agree on every selector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { check, toWebAnnotations } from 'factmark';
import { validate } from './validate.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const seeds = readdirSync(`${repo}/seeds`).sort().map((file) => ({
  name: `seeds/${file}`,
  text: readFileSync(`${repo}/seeds/${file}`, 'utf8'),
}));

test('check() in Node reads and groups the seeds as the CLI does', () => {
  const result = check(seeds);
  const cli = JSON.parse(execFileSync(`${repo}/target/release/factmark`, ['check', '--json', ...seeds.map((s) => s.name)], { cwd: repo }));
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
  const result = check(seeds);
  const annotations = toWebAnnotations(result, seeds);
  assert.equal(annotations.length, result.groups.filter((g) => g.verdict !== 'agreement').length);
  assert.equal(await validate(annotations), annotations.length);
  for (const annotation of annotations) {
    const group = result.groups.find((g) => annotation.id.includes(`:${g.id}:`));
    assert.equal(annotation.body[0].value, group.verdict);
    assert.equal(annotation.body[1].value, group.explanation);
    assert.equal(annotation.target.length, group.members.length);
  }
});

test('the CLI export validates too, and has the same selectors as the Node export', async () => {
  const out = execFileSync(`${repo}/target/release/factmark`, ['check', '--format', 'web-annotation', ...seeds.map((s) => s.name)], { cwd: repo });
  const collection = JSON.parse(out);
  assert.equal(collection.type, 'AnnotationCollection');
  const items = collection.first.items;
  assert.equal(collection.total, items.length);
  assert.equal(await validate(collection), items.length);
  const fromNode = toWebAnnotations(check(seeds), seeds);
  assert.deepEqual(
    items.map((a) => a.target.map((t) => t.selector)),
    fromNode.map((a) => a.target.map((t) => t.selector)),
  );
  assert.ok(items.every((a) => a.target.every((t) => t.source.startsWith('file:///'))));
});

test('negative control: a term the context does not define fails validation', async () => {
  const [annotation] = toWebAnnotations(check(seeds), seeds);
  await assert.rejects(validate({ ...annotation, verdictOfFactmark: 'contradiction' }));
  await assert.rejects(validate({ ...annotation, motivation: 'assessingTheFigures' }));
});

test('package.json: the crate’s version, every listed file present, exports with types', () => {
  const pkg = JSON.parse(readFileSync(`${repo}/dist/npm/package.json`, 'utf8'));
  const crate = /^version = "([^"]+)"/m.exec(readFileSync(`${repo}/Cargo.toml`, 'utf8'))[1];
  assert.equal(pkg.version, crate);
  for (const file of pkg.files) assert.ok(readFileSync(`${repo}/dist/npm/${file}`).length > 0, file);
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  assert.equal(pkg.exports['.'].node.default, './node.js');
  assert.deepEqual(pkg.sideEffects, ['./factmark.js', './factmark.css']);
});
