/**
 * JSON Resume both ways, checked against code nobody here wrote: the schema's own sample and
 * examples (from the @jsonresume/schema package), the schema itself through Ajv, and a
 * community theme (jsonresume-theme-even) rendering what Vitrine writes.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { render } from 'jsonresume-theme-even';
import { exportPackage, readPortfolio } from '../../src/api.ts';
import { runCli } from '../support/cli.ts';

const require = createRequire(import.meta.url);
const schemaDir = dirname(require.resolve('@jsonresume/schema/schema.json'));
const schema = JSON.parse(readFileSync(join(schemaDir, 'schema.json'), 'utf8')) as object;
const samples = ['sample.resume.json', ...readdirSync(join(schemaDir, 'examples')).map((f) => `examples/${f}`)];
const NUM_RUNS = Number(process.env.VITRINE_PROPERTY_RUNS ?? 60);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-jsonresume-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
/** resume.json → Vitrine → resume.json, through a real file on disk. */
async function roundTrip(resume: unknown): Promise<{ back: unknown; read: string[]; written: string[] }> {
  const file = join(dir, `r${n++}.json`);
  await writeFile(file, JSON.stringify(resume));
  const read = await readPortfolio(file);
  expect(read.value, read.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  const out = exportPackage(read.value!, 'jsonresume');
  const back = JSON.parse(new TextDecoder().decode(out.value.get('resume.json')!)) as unknown;
  return { back, read: read.diagnostics.map((d) => d.code), written: out.diagnostics.map((d) => d.code) };
}

describe('JSON Resume round trip', () => {
  for (const name of samples) {
    it(`is lossless on the schema's ${name}`, async () => {
      const original = JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as unknown;
      const { back, read, written } = await roundTrip(original);
      expect(back).toEqual(original);
      expect(read).toEqual([]);
      expect(written).toEqual([]);
    });
  }

  it('is lossless on generated résumés, odd values and unknown keys included', async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('', '2014', '2014-06', '2014-06-29', 'Sept 2017', '<p>not html</p>'));
    const odd = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 2 }));
    const extra = fc.dictionary(fc.constantFrom('x-note', 'custom', 'meta2', 'id'), odd, { maxKeys: 2 });
    const entry = (keys: string[], lists: string[] = []) =>
      fc
        .tuple(
          fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: odd })])), { requiredKeys: [] }),
          fc.record(Object.fromEntries(lists.map((k) => [k, fc.array(text, { maxLength: 3 })])), { requiredKeys: [] }),
          extra,
        )
        .map(([a, b, c]) => ({ ...c, ...a, ...b }));
    const resume = fc.record(
      {
        $schema: fc.constant('https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json'),
        basics: fc.tuple(entry(['name', 'label', 'image', 'email', 'phone', 'url', 'summary']), fc.option(entry(['address', 'postalCode', 'city', 'countryCode', 'region']), { nil: undefined }), fc.array(entry(['network', 'username', 'url']), { maxLength: 2 })).map(([b, location, profiles]) => ({ ...b, ...(location ? { location } : {}), ...(profiles.length ? { profiles } : {}) })),
        work: fc.array(entry(['name', 'location', 'description', 'position', 'url', 'startDate', 'endDate', 'summary'], ['highlights']), { maxLength: 3 }),
        volunteer: fc.array(entry(['organization', 'position', 'url', 'startDate', 'endDate', 'summary'], ['highlights']), { maxLength: 2 }),
        education: fc.array(entry(['institution', 'url', 'area', 'studyType', 'startDate', 'endDate', 'score'], ['courses']), { maxLength: 2 }),
        awards: fc.array(entry(['title', 'date', 'awarder', 'summary']), { maxLength: 2 }),
        certificates: fc.array(entry(['name', 'date', 'url', 'issuer']), { maxLength: 2 }),
        publications: fc.array(entry(['name', 'publisher', 'releaseDate', 'url', 'summary']), { maxLength: 2 }),
        skills: fc.array(entry(['name', 'level'], ['keywords']), { maxLength: 3 }),
        languages: fc.array(entry(['language', 'fluency']), { maxLength: 2 }),
        interests: fc.array(entry(['name'], ['keywords']), { maxLength: 2 }),
        references: fc.array(entry(['name', 'reference']), { maxLength: 2 }),
        projects: fc.array(entry(['name', 'description', 'startDate', 'endDate', 'url', 'entity', 'type'], ['highlights', 'keywords', 'roles']), { maxLength: 2 }),
        meta: fc.record({ canonical: fc.string(), version: fc.string(), lastModified: fc.string() }, { requiredKeys: [] }),
        unknownTop: odd,
      },
      { requiredKeys: ['basics'] },
    );
    const seed = Number(process.env.VITRINE_PROPERTY_SEED ?? Date.now() % 2 ** 31);
    console.log(`JSON Resume round-trip property: seed ${seed} (VITRINE_PROPERTY_SEED=${seed} replays it)`);
    await fc.assert(
      fc.asyncProperty(resume, async (r) => {
        const { back } = await roundTrip(r);
        expect(back).toEqual(r);
      }),
      { numRuns: NUM_RUNS, seed },
    );
  });
});

describe('JSON Resume written from other formats', () => {
  it('gives a résumé the schema accepts and a community theme renders, for a view of the example', async () => {
    const out = join(dir, 'lea.json');
    const res = await runCli(['pack', 'content', '--format', 'jsonresume', '--view', 'studio-nord', '--url', 'https://lea.example.org/cv/', '--out', out]);
    expect(res.code, res.err).toBe(0);
    const resume = JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, unknown>[] & Record<string, unknown>>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(resume), JSON.stringify(validate.errors)).toBe(true);
    // What the view selects and a résumé can carry, by name, in the theme's HTML.
    const html = render(resume as never);
    const expected = [resume.basics!.name as string, ...['certificates', 'skills', 'projects'].flatMap((s) => (resume[s] ?? []).map((e: Record<string, unknown>) => e.name as string))];
    expect(expected.length).toBeGreaterThan(4);
    for (const words of expected) expect(html).toContain(escape(words));
    // Evidence survives as the format allows: a skill's keywords name the product that evidences it,
    // and a project links to its page in the published view.
    expect(resume.skills!.some((s) => (s.keywords as string[]).includes('“Nord”, typographic poster'))).toBe(true);
    expect(resume.projects!.map((p) => p.url)).toContain('https://lea.example.org/cv/studio-nord/product-poster-nord/index.html');
    // What a résumé cannot hold is said, once per kind.
    const dropped = res.err.split('\n').filter((l) => l.includes('[ExportFieldDropped]'));
    expect(dropped.some((l) => l.includes('reflexion parts'))).toBe(true);
    expect(new Set(dropped).size).toBe(dropped.length);
  });

  it('the schema sample round trip also validates', async () => {
    const original = JSON.parse(readFileSync(join(schemaDir, 'sample.resume.json'), 'utf8')) as Record<string, unknown>;
    const { back } = await roundTrip(original);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    // The sample's own "image": "" is not a URI; the schema rejects the sample itself for that one value.
    const validate = ajv.compile(schema);
    const errs = (r: unknown) => (validate(r) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));
    expect(errs(back)).toEqual(errs(original));
  });
});

/** The way the theme escapes text in HTML. */
function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
