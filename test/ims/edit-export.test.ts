// Edits to the model show up in the exported IMS package: read the IMS example, change neutral fields
// (a product's short description, a goal's priority, a new date, a relation's name), remove
// parts, generatePackage, then find each edit in the XML text and read the package back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePackage, readPortfolio, type Diagnostic, type Portfolio } from '../../src/index.ts';
import { zipFiles } from '../../src/write/index.ts';
import { needs, skipNote } from '../support/env.ts';
import { hasXmllint, hasXsds, schemaForDocument, validateWithXsd } from '../support/xsd.ts';
import { imsExampleDir, normalise, part, relation, textOf } from './helpers.ts';

// What the tests change (ids from the IMS example, see the IMS example README.md).
const PRODUCT = 'product_brand_sauvage';
const PRODUCT_FILE = 'parts/product-brand-sauvage.xml';
const NEW_SHORT = 'Identité visuelle, version révisée 2025';
const GOAL = 'goal_accessible_curriculum';
const GOAL_FILE = 'parts/goal-accessible-curriculum.xml';
const NEW_PRIORITY = { value: 'Critical', lang: 'en' };
const NEW_DATE = { type: { value: 'Review', sourceType: 'imsdefault' }, value: '2026-03-15T09:30:00' };
const RELATION = 'rel_brand_evidences_branding';
const NEW_TYPE = 'Supports';
/** A top-level part (its own file, one relation) and a nested one (a sub-goal). */
const REMOVED = 'product_manifesto';
const REMOVED_FILE = 'parts/product-manifesto.xml';
const REMOVED_NESTED = 'goal_accessible_curriculum_workshops';

let original: Portfolio;
let edited: Portfolio;
let files: Map<string, Uint8Array>;
let reread: Portfolio;
let rereadDiagnostics: Diagnostic[];
const tmp = mkdtempSync(join(tmpdir(), 'vitrine-ims-edit-'));

async function readContent(): Promise<Portfolio> {
  const r = await readPortfolio(imsExampleDir);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.value!;
}

/** The field edits (without removals). */
function editFields(p: Portfolio): void {
  part(p, PRODUCT).description!.short!.value = NEW_SHORT;
  part(p, GOAL).priority = { ...NEW_PRIORITY };
  part(p, GOAL).dates.push(structuredClone(NEW_DATE));
  relation(p, RELATION).type = NEW_TYPE;
}

/** Removing a part: the part itself and the relations that name it. */
function removeParts(p: Portfolio): void {
  for (const id of [REMOVED, REMOVED_NESTED]) {
    p.parts = p.parts.filter((x) => x.id !== id);
    p.relations = p.relations.filter((r) => r.from !== id && !r.to.includes(id));
  }
}

let n = 0;
/** Exports to a zip file and reads it back. */
async function exportAndRead(p: Portfolio): Promise<{ files: Map<string, Uint8Array>; value: Portfolio; diagnostics: Diagnostic[] }> {
  const out = generatePackage(p);
  const zip = join(tmp, `edited-${++n}.zip`);
  writeFileSync(zip, zipFiles(out));
  const r = await readPortfolio(zip);
  expect(r.value, 're-read portfolio').toBeDefined();
  return { files: out, value: r.value!, diagnostics: r.diagnostics };
}

beforeAll(async () => {
  original = await readContent();
  edited = await readContent();
  editFields(edited);
  removeParts(edited);
  const r = await exportAndRead(edited);
  files = r.files;
  reread = r.value;
  rereadDiagnostics = r.diagnostics;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The XML between a part's own `<indexid>` and the next `<indexid>` (its nested parts' start). */
function ownSlice(xml: string, id: string): string {
  const start = xml.indexOf(`<indexid>${id}</indexid>`);
  expect(start, `<indexid>${id}</indexid>`).toBeGreaterThanOrEqual(0);
  const next = xml.indexOf('<indexid>', start + 1);
  return xml.slice(start, next < 0 ? undefined : next);
}

/** The `<relationship>` element whose referential indexid is `id`. */
function relationshipBlock(xml: string, id: string): string {
  const own = new RegExp(`<referential>\\s*<indexid>${id}</indexid>`);
  const blocks = xml.split('</relationship>').filter((b) => own.test(b) && b.includes('<relationship'));
  expect(blocks, `the <relationship> ${id}`).toHaveLength(1);
  const b = blocks[0]!;
  return b.slice(b.lastIndexOf('<relationship'));
}

describe('the edits are made on the model read from the IMS example', () => {
  it('the IMS example has what the edits change', () => {
    expect(part(original, PRODUCT).description?.short).toEqual({ value: 'Identité visuelle de la Boulangerie Sauvage', lang: 'fr' });
    expect(part(original, GOAL).priority).toEqual({ value: 'High', lang: 'en' });
    expect(part(original, GOAL).dates.map((d) => d.type?.value)).toEqual(['Start', 'Target']);
    expect(relation(original, RELATION).type).toBe('Evidences');
    expect(part(original, REMOVED).kind).toBe('product');
    expect(part(original, REMOVED_NESTED).parent).toBe(GOAL);
    expect(original.relations.some((r) => r.from === REMOVED || r.to.includes(REMOVED))).toBe(true);
    expect(textOf(generatePackage(original), REMOVED_FILE)).toContain(`<indexid>${REMOVED}</indexid>`);
  });
});

describe('each edit is in the exported XML', () => {
  it("the product's new short description, in its part file and as its manifest item title", () => {
    const xml = textOf(files, PRODUCT_FILE);
    expect(ownSlice(xml, PRODUCT)).toContain(`<short xml:lang="fr">${NEW_SHORT}</short>`);
    expect(xml).not.toContain('Identité visuelle de la Boulangerie Sauvage');
    const manifest = textOf(files, 'imsmanifest.xml');
    expect(manifest).toContain(`<title>${NEW_SHORT}</title>`);
    expect(manifest).not.toContain('Identité visuelle de la Boulangerie Sauvage');
  });

  it("the goal's new priority, and its sub-goal's priority untouched", () => {
    const xml = textOf(files, GOAL_FILE);
    const own = ownSlice(xml, GOAL);
    expect(own).toContain('<priority xml:lang="en">Critical</priority>');
    expect(own).not.toContain('>High</priority>');
    expect(ownSlice(xml, 'goal_accessible_curriculum_certificate')).toContain('<priority xml:lang="en">Medium</priority>');
  });

  it("the goal's new date, after its existing dates and before its priority", () => {
    const own = ownSlice(textOf(files, GOAL_FILE), GOAL);
    expect(own).toMatch(
      /<date>\s*<typename>\s*<tysource sourcetype="imsdefault"\/>\s*<tyvalue>Review<\/tyvalue>\s*<\/typename>\s*<datetime>2026-03-15T09:30:00<\/datetime>\s*<\/date>/,
    );
    const at = (s: string) => own.indexOf(s);
    expect(at('<datetime>2023-09-01T00:00:00</datetime>')).toBeGreaterThan(0);
    expect(at('<datetime>2027-06-30T00:00:00</datetime>')).toBeGreaterThan(at('<datetime>2023-09-01T00:00:00</datetime>'));
    expect(at('<datetime>2026-03-15T09:30:00</datetime>')).toBeGreaterThan(at('<datetime>2027-06-30T00:00:00</datetime>'));
    expect(at('<priority')).toBeGreaterThan(at('<datetime>2026-03-15T09:30:00</datetime>'));
  });

  it("the relation's new name in its tuplerelation, and the old one gone from that relationship", () => {
    const block = relationshipBlock(textOf(files, 'parts/relationships.xml'), RELATION);
    const tuplerelation = /<tuplerelation>[\s\S]*?<\/tuplerelation>/.exec(block)?.[0] ?? '';
    expect(tuplerelation).toMatch(new RegExp(`<tyvalue>${NEW_TYPE}</tyvalue>`));
    expect(block).not.toContain('Evidences');
    // The other Evidences relations keep their name.
    expect(relationshipBlock(textOf(files, 'parts/relationships.xml'), 'rel_poster_evidences_typography')).toContain('<tyvalue>Evidences</tyvalue>');
  });

  it("the removed parts' ids are in no file of the package, and the removed part's file is gone", () => {
    expect(files.has(REMOVED_FILE)).toBe(false);
    for (const [path, bytes] of files) {
      const text = Buffer.from(bytes).toString('latin1'); // byte-wise, for binary files too
      for (const id of [REMOVED, REMOVED_NESTED]) expect(text.includes(id), `${id} in ${path}`).toBe(false);
    }
    expect(textOf(files, 'imsmanifest.xml')).not.toContain(`href="${REMOVED_FILE}"`);
  });

  it('nothing else changed: the other part files are byte-identical to the unedited export', () => {
    const before = generatePackage(original);
    const touched = new Set([PRODUCT_FILE, GOAL_FILE, 'parts/relationships.xml', 'imsmanifest.xml', REMOVED_FILE]);
    for (const [path, bytes] of before) {
      if (touched.has(path) || !files.has(path)) continue;
      expect(Buffer.from(files.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
    }
  });
});

describe('reading the exported package back shows the edits', () => {
  it('reads without errors, and without unknown relation names or missing ends', () => {
    expect(reread).toBeDefined();
    expect(rereadDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rereadDiagnostics.filter((d) => ['RelationTypeUnknown', 'RelationTargetMissing', 'DuplicatePartId'].includes(d.code))).toEqual([]);
  });

  it('the product short description', () => {
    expect(part(reread, PRODUCT).description?.short).toEqual({ value: NEW_SHORT, lang: 'fr' });
  });

  it('the goal priority and its new date', () => {
    const g = part(reread, GOAL);
    expect(g.priority).toEqual(NEW_PRIORITY);
    expect(g.dates).toEqual([...part(original, GOAL).dates, NEW_DATE]);
  });

  it('the relation type', () => {
    const r = relation(reread, RELATION);
    expect(r.type).toBe(NEW_TYPE);
    expect([r.from, r.to]).toEqual([PRODUCT, ['competency_branding']]);
  });

  it('the removed parts are gone; the goal keeps its other sub-goal', () => {
    expect(reread.parts.map((p) => p.id)).not.toContain(REMOVED);
    expect(reread.parts.map((p) => p.id)).not.toContain(REMOVED_NESTED);
    expect(reread.relations.some((r) => r.from === REMOVED || r.to.includes(REMOVED))).toBe(false);
    expect(reread.parts.filter((p) => p.parent === GOAL).map((p) => p.id)).toEqual(['goal_accessible_curriculum_certificate']);
    expect(reread.parts).toHaveLength(original.parts.length - 2);
  });

  it('with the field edits only (no removal), the whole re-read model is the edited model', async () => {
    const p = await readContent();
    editFields(p);
    const back = await exportAndRead(p);
    // The relation's full typename (typeTerm) follows its new name on export.
    const expected = structuredClone(p);
    const rel = relation(expected, RELATION);
    if (rel.typeTerm) rel.typeTerm.value = NEW_TYPE;
    expect(normalise(back.value)).toEqual(normalise(expected));
  });
});

describe('the edited export is still schema-valid', () => {
  const ok = needs('xmllint', hasXmllint()) && needs('../shared/samples/ims-eportfolio/xsd', hasXsds());
  it.skipIf(!ok)(`every XML file validates${skipNote('xmllint and ../shared (IMS XSDs)', ok)}`, () => {
    for (const [path, bytes] of files) {
      if (!path.endsWith('.xml')) continue;
      const schema = schemaForDocument(bytes);
      expect(schema, `schema for ${path}`).toBeDefined();
      const r = validateWithXsd(bytes, schema!);
      expect(r.errors, `${path} against ${schema}`).toBe('');
      expect(r.valid, path).toBe(true);
    }
  });
});
