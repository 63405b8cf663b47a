// IMS → IMS round trip: read → generatePackage → zip (zipFiles) → read again gives the same
// model (ignoring `origin` fields and file bytes, whose sha256 is still compared); and the
// same portfolio exported twice gives the same zip bytes.
// the IMS example and the quirks fixtures are always there; the ../shared samples are skipped with a reason when absent (an
// error in CI).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePackage, readPortfolio, writePackage, type Portfolio } from '../../src/index.ts';
import { zipFiles } from '../../src/write/index.ts';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { imsExampleDir, hasImsSamples, normalise, sampleInputs, xmlFilesIn } from './helpers.ts';

const ok = needs('../shared/samples (IMS ePortfolio and LIP samples)', hasImsSamples());
const note = skipNote('../shared/samples', ok);

const tmp = mkdtempSync(join(tmpdir(), 'vitrine-ims-roundtrip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;

async function readOk(input: string): Promise<Portfolio> {
  const r = await readPortfolio(input);
  expect(r.diagnostics.filter((d) => d.severity === 'error'), `errors reading ${input}`).toEqual([]);
  expect(r.value, `portfolio from ${input}`).toBeDefined();
  return r.value!;
}

/** Reads, exports to a zip file, reads the zip; returns both models. */
async function roundTrip(input: string): Promise<{ before: Portfolio; after: Portfolio; zip: string }> {
  const before = await readOk(input);
  const files = generatePackage(before);
  expect(files.has('imsmanifest.xml')).toBe(true);
  const zip = join(tmp, `roundtrip-${++n}.zip`);
  writeFileSync(zip, zipFiles(files));
  const after = await readOk(zip);
  return { before, after, zip };
}

describe('normalise (the comparison helper)', () => {
  it('drops origin and bytes at any depth, and undefined keys, and keeps the rest', () => {
    const v = {
      origin: { file: 'a.xml', line: 1, column: 1 },
      parts: [{ id: 'x', origin: { file: 'b' }, extensions: [{ origin: { file: 'c', line: 2, column: 3 }, path: '' }], note: undefined }],
      files: [{ path: 'f', sha256: 'abc', bytes: new Uint8Array([1]) }],
    };
    expect(normalise(v)).toEqual({ parts: [{ id: 'x', extensions: [{ path: '' }] }], files: [{ path: 'f', sha256: 'abc' }] });
    expect(normalise({ a: 1 })).not.toEqual(normalise({ a: 2 }));
  });
});

describe('round trip: the IMS example (the project example)', () => {
  it('reads back the same model', async () => {
    const { before, after } = await roundTrip(imsExampleDir);
    expect(before.parts.length).toBeGreaterThan(20);
    expect(before.relations.length).toBeGreaterThan(10);
    expect(normalise(after)).toEqual(normalise(before));
  });

  it('keeps every file with the same content (sha256, size, bytes)', async () => {
    const { before, after } = await roundTrip(imsExampleDir);
    expect(before.files.length).toBeGreaterThan(0);
    const byPath = new Map(after.files.map((f) => [f.path, f]));
    for (const f of before.files) {
      const g = byPath.get(f.path);
      expect(g, f.path).toBeDefined();
      expect([g!.size, g!.sha256, g!.mediaType]).toEqual([f.size, f.sha256, f.mediaType]);
      expect(Buffer.from(g!.bytes).equals(Buffer.from(f.bytes)), `${f.path} bytes`).toBe(true);
    }
  });

  it('a second round trip is a fixed point: the package files are identical', async () => {
    const { after, zip } = await roundTrip(imsExampleDir);
    const once = generatePackage(after);
    const again = generatePackage(await readOk(zip));
    expect([...again.keys()]).toEqual([...once.keys()]);
    for (const [path, bytes] of once) expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
  });
});

/** The IMS quirks fixtures (test/fixtures/ims-quirks): each folder, then each file alone. */
function quirksInputs(): { name: string; input: string }[] {
  const out: { name: string; input: string }[] = [];
  for (const sub of ['package', 'lip']) {
    const dir = join(repoRoot, 'test', 'fixtures', 'ims-quirks', sub);
    out.push({ name: `ims-quirks/${sub}/ (folder)`, input: dir });
    for (const f of xmlFilesIn(dir)) out.push({ name: `ims-quirks/${sub}/${basename(f)}`, input: f });
  }
  return out;
}

describe('round trip: the IMS quirks fixtures (each folder, each file alone)', () => {
  const inputs = quirksInputs();

  it('lists the fixture inputs', () => {
    // 2 folders + 6 package files + 12 LIP files.
    expect(inputs).toHaveLength(20);
  });

  it.each(inputs.map((x) => [x.name, x.input]))('%s reads back the same model', async (_name, input) => {
    const { before, after } = await roundTrip(input);
    expect(normalise(after)).toEqual(normalise(before));
  });

  it.each(inputs.map((x) => [x.name, x.input]))('%s exported twice gives the same bytes', async (_name, input) => {
    const p = await readOk(input);
    expect(Buffer.compare(zipFiles(generatePackage(p)), zipFiles(generatePackage(p)))).toBe(0);
  });
});

describe('round trip: the ../shared samples (each folder, each file alone)', () => {
  const inputs = sampleInputs();

  it.skipIf(!ok)(`lists the sample inputs${note}`, () => {
    // 3 folders + 6 ReflectNassert files + 2 minimal parts + 12 LIP files.
    expect(inputs.length).toBeGreaterThanOrEqual(23);
  });

  if (inputs.length > 0) {
    it.each(inputs.map((x) => [x.name, x.input]))('%s reads back the same model', async (_name, input) => {
      const { before, after } = await roundTrip(input);
      expect(normalise(after)).toEqual(normalise(before));
    });
  }
});

describe('determinism: the same portfolio exported twice gives the same zip bytes', () => {
  it('the IMS example: same object exported twice', async () => {
    const p = await readOk(imsExampleDir);
    const a = zipFiles(generatePackage(p));
    const b = zipFiles(generatePackage(p));
    expect(a.length).toBeGreaterThan(0);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('the IMS example: two separate reads exported give the same bytes', async () => {
    const a = zipFiles(generatePackage(await readOk(imsExampleDir)));
    const b = zipFiles(generatePackage(await readOk(imsExampleDir)));
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('the IMS example: writePackage twice writes the same file', async () => {
    const p = await readOk(imsExampleDir);
    const f1 = join(tmp, 'det-1.zip');
    const f2 = join(tmp, 'det-2.zip');
    const r1 = await writePackage(p, f1);
    await new Promise((r) => setTimeout(r, 1100)); // a clock-dependent timestamp would now differ
    const r2 = await writePackage(p, f2);
    expect(r1.value.bytes).toBe(r2.value.bytes);
    expect(Buffer.compare(readFileSync(f1), readFileSync(f2))).toBe(0);
    expect(Buffer.compare(readFileSync(f1), zipFiles(generatePackage(p)))).toBe(0);
  });

  const inputs = sampleInputs();
  if (inputs.length > 0) {
    it.each(inputs.map((x) => [x.name, x.input]))('%s', async (_name, input) => {
      const p = await readOk(input);
      const a = zipFiles(generatePackage(p));
      const b = zipFiles(generatePackage(p));
      expect(Buffer.compare(a, b)).toBe(0);
    });
  } else {
    it.skip(`the ../shared samples${note}`, () => {});
  }
});
