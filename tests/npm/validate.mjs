// Validates Web Annotations against the model's JSON-LD context, offline: the
// context is the vendored copy in vendor/anno.jsonld (see vendor/README.md).
//
// What "valid" means here: jsonld.expand() in safe mode, which throws on any
// term the context does not define, any value it cannot map, any relative IRI
// it would drop, so no part of the document is lost in JSON-LD processing;
// then the expanded graph has the model's shape: oa:Annotation nodes with
// oa:hasBody TextualBody nodes whose purposes are oa:classifying and
// oa:describing, oa:hasTarget SpecificResource nodes with an oa:hasSource IRI
// and a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
// (start <= end, non-negative integers).
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import jsonld from 'jsonld';

export const CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';
const context = JSON.parse(readFileSync(new URL('./vendor/anno.jsonld', import.meta.url), 'utf8'));

/** A document loader that knows only the vendored context: no network. */
async function documentLoader(url) {
  if (url === CONTEXT_URL || url === 'https://www.w3.org/ns/anno.jsonld') {
    return { contextUrl: null, documentUrl: url, document: context };
  }
  throw new Error(`no network: the test would have fetched ${url}`);
}

const OA = 'http://www.w3.org/ns/oa#';
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

const one = (node, key) => {
  const values = node[key];
  assert.ok(Array.isArray(values) && values.length === 1, `expected one ${key} in ${JSON.stringify(node)}`);
  return values[0];
};

/** Expands `document` (an annotation, an array of them, or a collection) and checks every annotation; returns how many. */
export async function validate(document) {
  const expanded = await jsonld.expand(document, { documentLoader, safe: true });
  const annotations = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (node['@type']?.includes(`${OA}Annotation`)) annotations.push(node);
    for (const value of Object.values(node)) visit(value);
  };
  visit(expanded);
  for (const annotation of annotations) {
    assert.ok(annotation['@id'] && /^[a-z][a-z0-9+.-]*:/i.test(annotation['@id']), `an annotation has an IRI: ${annotation['@id']}`);
    assert.deepEqual(annotation[`${OA}motivatedBy`], [{ '@id': `${OA}classifying` }]);
    const bodies = annotation[`${OA}hasBody`];
    assert.equal(bodies.length, 2);
    const purposes = bodies.map((b) => one(b, `${OA}hasPurpose`)['@id']);
    assert.deepEqual(purposes, [`${OA}classifying`, `${OA}describing`]);
    for (const body of bodies) {
      assert.deepEqual(body['@type'], [`${OA}TextualBody`]);
      assert.equal(typeof one(body, RDF_VALUE)['@value'], 'string');
    }
    const targets = annotation[`${OA}hasTarget`];
    assert.ok(targets.length >= 2, 'a group has two or more members');
    for (const target of targets) {
      assert.deepEqual(target['@type'], [`${OA}SpecificResource`]);
      assert.match(one(target, `${OA}hasSource`)['@id'], /^[a-z][a-z0-9+.-]*:/i);
      const selectors = target[`${OA}hasSelector`];
      const types = selectors.map((s) => s['@type'][0]);
      assert.ok(types.includes(`${OA}TextQuoteSelector`), `a quote selector: ${types}`);
      const quote = selectors.find((s) => s['@type'][0] === `${OA}TextQuoteSelector`);
      assert.ok(one(quote, `${OA}exact`)['@value'].length > 0);
      // The position is either on the target or refines a CssSelector (the widget's article).
      const css = selectors.find((s) => s['@type'][0] === `${OA}CssSelector`);
      const position = css ? one(css, `${OA}refinedBy`) : selectors.find((s) => s['@type'][0] === `${OA}TextPositionSelector`);
      assert.deepEqual(position['@type'], [`${OA}TextPositionSelector`]);
      const start = one(position, `${OA}start`);
      const end = one(position, `${OA}end`);
      const xsd = 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger';
      assert.equal(start['@type'], xsd);
      assert.ok(Number(start['@value']) >= 0 && Number(start['@value']) <= Number(end['@value']));
    }
  }
  return annotations.length;
}
