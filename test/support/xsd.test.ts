// Tests of the XSD harness itself (test/support/xsd.ts): that it can say "valid", that it can
// say "invalid" (and why), and that the project's example content and the shared IMS samples
// pass it. Needs xmllint and ../shared: skipped with a reason without them, an error in CI.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, repoRoot, sharedPath, skipNote } from './env.ts';
import { hasXmllint, hasXsds, rootElementName, schemaForDocument, validateWithXsd } from './xsd.ts';

const what = 'xmllint and ../shared (IMS XSDs)';
// Both checks run (no short-circuit) so each missing thing is reported.
const hasLint = needs('xmllint', hasXmllint());
const hasSchemas = needs('../shared/samples/ims-eportfolio/xsd', hasXsds());
const ok = hasLint && hasSchemas;
const note = skipNote(what, ok);

const LIP = 'http://www.imsglobal.org/xsd/imslip_v1p0';

function lipGoal(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<learnerinformation xmlns="${LIP}">
  <goal>
    <contentype><referential><indexid>goal_1</indexid></referential></contentype>
${inner}
    <description><short>Finish the poster series</short></description>
  </goal>
</learnerinformation>`;
}

const date = `    <date><typename><tysource sourcetype="imsdefault"/><tyvalue>Start</tyvalue></typename><datetime>2024-01-01T00:00:00</datetime></date>`;
const priority = `    <priority>High</priority>`;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => join(dir, name));
}

/** Validates a file with the schema its root element calls for; fails if none fits. */
function expectFileValid(file: string): void {
  const bytes = readFileSync(file);
  const schema = schemaForDocument(bytes);
  expect(schema, `no schema for root element <${rootElementName(bytes)}> of ${file}`).toBeDefined();
  const result = validateWithXsd(bytes, schema!);
  expect(result.errors, `${file} against ${schema}`).toBe('');
  expect(result.valid).toBe(true);
}

describe('rootElementName / schemaForDocument', () => {
  it('skips the declaration, comments and doctype, and ignores a prefix', () => {
    const xml = `<?xml version="1.0"?>\n<!-- <manifest> in a comment -->\n<!DOCTYPE x [<!ENTITY a "b">]>\n<ep:rubric xmlns:ep="urn:x"/>`;
    expect(rootElementName(xml)).toBe('rubric');
    expect(schemaForDocument(xml)).toBe('rubric');
    expect(schemaForDocument('<learnerinformation/>')).toBe('lip');
    expect(schemaForDocument('<html/>')).toBeUndefined();
  });
});

describe('validateWithXsd: the harness can fail', () => {
  it.skipIf(!ok)(`accepts a valid LIP goal${note}`, () => {
    expect(validateWithXsd(lipGoal(`${date}\n${priority}`), 'lip')).toEqual({ valid: true, errors: '' });
  });

  it.skipIf(!ok)(`accepts the same document as bytes${note}`, () => {
    const bytes = new TextEncoder().encode(lipGoal(`${date}\n${priority}`));
    expect(validateWithXsd(bytes, 'lip').valid).toBe(true);
  });

  it.skipIf(!ok)(`rejects <priority> before <date>, naming the element${note}`, () => {
    const result = validateWithXsd(lipGoal(`${priority}\n${date}`), 'lip');
    expect(result.valid).toBe(false);
    // libxml2: "Element '{...imslip_v1p0}date': This element is not expected. Expected is ..."
    expect(result.errors).toContain(`Element '{${LIP}}date': This element is not expected`);
  });

  it.skipIf(!ok)(`rejects a document that is not well-formed${note}`, () => {
    const result = validateWithXsd('<learnerinformation xmlns="' + LIP + '"><goal></learnerinformation>', 'lip');
    expect(result.valid).toBe(false);
    expect(result.errors).toMatch(/parser error/);
  });

  it.skipIf(!ok)(`rejects a document of another schema (root not declared)${note}`, () => {
    const result = validateWithXsd(lipGoal(date), 'manifest');
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('No matching global declaration available for the validation root');
  });
});

describe('rubric schema through the RDCEO overlay (test/xsd/rdceo-overlay.xsd)', () => {
  const rubricFile = join(repoRoot, 'test', 'fixtures', 'ims-example', 'parts', 'rubric-poster-critique.xml');

  it.skipIf(!ok)(`compiles and accepts the example rubric${note}`, () => {
    expect(validateWithXsd(readFileSync(rubricFile), 'rubric')).toEqual({ valid: true, errors: '' });
  });

  it.skipIf(!ok)(`still checks the overlay's elements: rdceo:definition needs a statement${note}`, () => {
    const rubric = readFileSync(rubricFile, 'utf8');
    // Drop both statements of the one rdceo:definition, keeping its rdceo:model.
    const broken = rubric.replace(/<rdceo:statement [\s\S]*<\/rdceo:statement>/, '');
    expect(broken).not.toBe(rubric);
    const result = validateWithXsd(broken, 'rubric');
    expect(result.valid).toBe(false);
    expect(result.errors).toContain("Element '{http://www.imsglobal.org/xsd/imsrdceo_rootv1p0}definition'");
  });

  it.skipIf(!ok)(`still checks the shared RDCEO declarations it includes${note}`, () => {
    const rubric = readFileSync(rubricFile, 'utf8');
    const broken = rubric.replace('<rdceo:langstring xml:lang="en">Hierarchy</rdceo:langstring>', '<rdceo:langstring xml:lang="en"><b/></rdceo:langstring>');
    expect(broken).not.toBe(rubric);
    expect(validateWithXsd(broken, 'rubric').valid).toBe(false);
  });
});

describe('the IMS example validates (test/fixtures/ims-example/)', () => {
  const contentDir = join(repoRoot, 'test', 'fixtures', 'ims-example');
  const files = [join(contentDir, 'imsmanifest.xml'), ...xmlFiles(join(contentDir, 'parts'))];

  // One test for the set (the XSDs are third-party, so this can only run where ../shared is);
  // every file is validated and each invalid one is named with xmllint's messages.
  it.skipIf(!ok)(`the manifest and every part file${note}`, () => {
    expect(files.length).toBeGreaterThan(20);
    const invalid = files.flatMap((file) => {
      const bytes = readFileSync(file);
      const schema = schemaForDocument(bytes);
      if (!schema) return [`${relative(repoRoot, file)}: no schema for <${rootElementName(bytes)}>`];
      const result = validateWithXsd(bytes, schema);
      return result.valid ? [] : [`${relative(repoRoot, file)} against ${schema}: ${result.errors}`];
    });
    expect(invalid).toEqual([]);
  });
});

describe('the IMS quirks fixtures validate (test/fixtures/ims-quirks/)', () => {
  // One test for the set: these files exist to be read by test/ims/quirks.test.ts on any clone;
  // this proves they are real IMS, which needs the XSDs of ../shared.
  it.skipIf(!ok)(`every file of package/ and lip/${note}`, () => {
    const dir = join(repoRoot, 'test', 'fixtures', 'ims-quirks');
    const files = [...xmlFiles(join(dir, 'package')), ...xmlFiles(join(dir, 'lip'))];
    expect(files).toHaveLength(18);
    for (const file of files) expectFileValid(file);
  });
});

describe('the shared IMS samples validate (../shared/samples)', () => {
  // Listed only when ../shared is there; otherwise one skipped placeholder keeps the reason visible.
  const dirs = [
    ['ims-eportfolio', 'reflect-n-assert'],
    ['ims-eportfolio', 'minimal-parts'],
    ['ims-lip'],
  ];
  const files = ok ? dirs.flatMap((d) => xmlFiles(sharedPath('samples', ...d))) : [];

  it.skipIf(!ok)(`includes the ReflectNassert manifest, Assertion and Reflexion${note}`, () => {
    const roots = files.map((f) => schemaForDocument(readFileSync(f)));
    expect(roots).toContain('manifest');
    expect(roots).toContain('assert');
    expect(roots).toContain('reflex');
    expect(roots.filter((r) => r === 'lip').length).toBeGreaterThan(10);
  });

  if (files.length > 0) {
    it.each(files.map((f) => [relative(sharedPath('samples'), f), f]))('%s', (_name, file) => {
      expectFileValid(file);
    });
  }
});
