/**
 * The authored writer works from the model: IMS → authored keeps everything the model holds,
 * and authored → model → authored → model gives the same model again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPackage, readPortfolio, type Portfolio } from '../../src/index.ts';
import { writeNewFolder } from '../../src/write/index.ts';
import { normalise } from '../ims/helpers.ts';
import { imsExampleDir } from './paths.ts';
import { repoRoot } from '../support/env.ts';

const leapFixtures = join(repoRoot, 'test', 'fixtures', 'leap2a');

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-authored-rt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes the portfolio as an authored folder and reads it back. */
export async function viaAuthored(p: Portfolio, name: string, dropped: string[] = []): Promise<Portfolio> {
  const out = exportPackage(p, 'authored');
  // Only the losses the caller expects (each reported, never silent).
  expect(out.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(dropped.map((m) => `ExportFieldDropped: ${m}`));
  const dir = join(scratch, name);
  await writeNewFolder(dir, out.value);
  const back = await readPortfolio(dir);
  expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return back.value!;
}

/** The model minus what only says where it was read from (slugs, origins, IMS file positions). */
function comparable(p: Portfolio): unknown {
  return normalise(p);
}

describe('authored round trip', () => {
  it('IMS example → authored → model keeps every part, relation and file', async () => {
    const ims = (await readPortfolio(imsExampleDir)).value!;
    const a = await viaAuthored(ims, 'a');
    expect(a.parts.map((x) => x.id)).toEqual(ims.parts.map((x) => x.id));
    const byId = new Map(a.parts.map((x) => [x.id, x]));
    for (const part of ims.parts) expect(normalise(byId.get(part.id)), part.id).toEqual(normalise(part));
    const rels = new Map(a.relations.map((r) => [r.id, r]));
    expect([...rels.keys()].sort()).toEqual(ims.relations.map((r) => r.id).sort());
    for (const r of ims.relations) expect(normalise(rels.get(r.id)), r.id).toEqual(normalise(r));
    expect(normalise(a.files)).toEqual(normalise(ims.files));
    expect({ id: a.id, title: a.title, ims: a.ims }).toEqual({ id: ims.id, title: ims.title, ims: ims.ims });
  });

  it('authored → model → authored → model is equal', async () => {
    const ims = (await readPortfolio(imsExampleDir)).value!;
    const a = await viaAuthored(ims, 'b1');
    const b = await viaAuthored(a, 'b2');
    expect(comparable(b)).toEqual(comparable(a));
  });
});

describe('Leap2A import → authored (a Mahara user moves in and keeps editing)', () => {
  for (const name of ['mahara-quirks', 'moodle-forum', 'ns-2009-03.xml']) {
    it(`${name} → authored → model keeps every part, relation and file, with its Leap2A detail`, async () => {
      const leap = (await readPortfolio(join(leapFixtures, name))).value!;
      expect(leap.parts.some((x) => x.leap2a)).toBe(true);
      // A relation from an id that is no part (the fixture's dangling end) has no file to live in.
      const dangling = leap.relations.filter((r) => !leap.parts.some((x) => x.id === r.from));
      const a = await viaAuthored(
        leap,
        `leap-${name}`,
        dangling.map((r) => `relation "${r.id}" starts from "${r.from}", which is no part; an authored folder keeps relations in the part they start from, so it was left out`),
      );
      expect(dangling.length).toBe(name === 'mahara-quirks' ? 1 : 0);
      expect(a.parts.map((x) => x.id).sort()).toEqual(leap.parts.map((x) => x.id).sort());
      const byId = new Map(a.parts.map((x) => [x.id, x]));
      for (const part of leap.parts) expect(normalise(byId.get(part.id)), part.id).toEqual(normalise(part));
      const rels = new Map(a.relations.map((r) => [r.id, r]));
      for (const r of leap.relations) if (!dangling.includes(r)) expect(normalise(rels.get(r.id)), r.id).toEqual(normalise(r));
      expect(normalise(a.files)).toEqual(normalise(leap.files));
      expect(normalise(a.leap2a)).toEqual(normalise(leap.leap2a));
    });
  }
});

describe('authored ⇄ IMS', () => {
  it('pack --format ims of an authored folder reads back as the same portfolio', async () => {
    const { writeTree } = await import('./helpers.ts');
    const dir = writeTree({
      'portfolio.yaml': 'id: rt\ntitle: Round trip\nlang: en\n',
      'files/poster.jpg': new Uint8Array([1, 2, 3]),
      'parts/goal.md': '---\nkind: goal\nid: goal_1\ntitle: Teach accessible design\nstatus: Active\ndates: { Start: 2024-01-01, Target: 2026-06 }\n---\nI want to *teach*.\n',
      'parts/poster.md': '---\nkind: product\nid: poster_1\nlang: fr\ntitle: Affiche\ncomment: { text: A poster, lang: en }\nfiles:\n  - path: poster.jpg\n    alt: Une affiche\nsupports: goal_1\nrelations:\n  - { type: isAnnotatedBy, to: note_1, id: poster_note }\n---\n',
      'parts/note.md': '---\nkind: reflexion\nid: note_1\ntitle: What I learnt\nreflectsOn: [poster_1]\n---\nColour matters.\n',
      'parts/degree.md': '---\nkind: qcl\nid: qcl_1\ntitle: Master\nofficialTitle: Master of Design\nlevel: Master’s degree\n---\n',
    });
    const a = await readPortfolio(dir);
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const pkg = exportPackage(a.value!, 'ims');
    const zip = join(scratch, 'rt.zip');
    const { writePackage } = await import('../../src/index.ts');
    await writePackage(a.value!, zip);
    // IMS has no place for alt text or the portfolio's language: said, not silently dropped.
    expect(pkg.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      expect.stringMatching(/^ExportFieldDropped the portfolio's language \(en\)/),
      expect.stringMatching(/^ExportFieldDropped what is said about 1 file\(s\) \(alt text.*files\/poster.jpg/),
    ]);
    const back = await readPortfolio(zip);
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // IMS keeps its own bookkeeping (element, file names, positions); everything else is equal.
    // The media mode and type IMS requires are derived on export (files/poster.jpg: Image, image/jpeg).
    const neutral = (p: Portfolio) =>
      normalise({
        ...p,
        lang: undefined,
        files: p.files.map(({ about: _a, ...f }) => f),
        parts: p.parts.map(({ ims: _i, ...x }) => ({
          ...x,
          description: x.description && { ...x.description, full: x.description.full.map(({ mode: _m, mimeType: _t, ...m }) => m) },
        })),
        relations: p.relations.map(({ ims: _i, ...r }) => r),
        ims: undefined,
      });
    expect(neutral(back.value!)).toEqual(neutral(a.value!));
  });
});

describe('identification fields', () => {
  it('name, email and web fill the neutral person, are written where IMS keeps them, and back as fields', async () => {
    const { writeTree } = await import('./helpers.ts');
    const dir = writeTree({
      'portfolio.yaml': 'title: Me\n',
      'me.md': '---\nkind: identification\nlang: fr\nname: Léa Moreau\nemail: [lea@example.org, l@example.org]\nweb: https://lea.example\n---\n',
      'x.md': '---\nkind: product\nname: nope\n---\n',
    });
    const r = await readPortfolio(dir);
    expect(r.diagnostics.map((d) => `${d.code} ${d.location?.file.slice(dir.length + 1)}:${d.location?.line}:${d.location?.column}`)).toEqual(['AuthoredValueInvalid x.md:3:7']);
    const me = r.value!.parts.find((p) => p.id === 'me')!;
    const { identificationName } = await import('../../src/render/details.ts');
    expect(identificationName(me)).toBe('Léa Moreau');
    expect(me.person?.names).toEqual([{ full: 'Léa Moreau', type: 'Preferred', lang: 'fr' }]);
    expect(me.person?.contacts.map((c) => `${c.kind} ${c.value}`)).toEqual(['email lea@example.org', 'email l@example.org', 'web https://lea.example']);
    // The reader fabricates no IMS record; the IMS export writes the person as LIP items.
    expect(me.ims).toBeUndefined();
    const { imsRecordOf } = await import('../../src/model/ims/person-out.ts');
    const items = (imsRecordOf(me).items as { el: string }[]).map((i) => i.el);
    expect(items).toEqual(['formname', 'contactinfo', 'contactinfo', 'contactinfo']);
    const files = exportPackage({ ...r.value!, parts: [me] }, 'authored').value;
    const text = new TextDecoder().decode(files.get('parts/1-me.md'));
    expect(text).toContain('name: Léa Moreau\n');
    expect(text).toContain('email:\n  - lea@example.org\n  - l@example.org\n');
    expect(text).not.toContain('ims:');
    const again = await viaAuthored({ ...r.value!, parts: [me] }, 'ident');
    expect(normalise(again.parts)).toEqual(normalise([me]));
  });
});

describe('slug: the address of a part page', () => {
  it('keeps a chosen slug, refuses a malformed or repeated one, and keeps ids’ slugs clear of chosen ones', async () => {
    const { writeTree, where } = await import('./helpers.ts');
    const dir = writeTree({
      'portfolio.yaml': 'title: Me\n',
      'a.md': '---\nkind: product\nid: portfolio:artefact7\nslug: artefact7\n---\n',
      'b.md': '---\nkind: product\nslug: Not A Slug\n---\n',
      'c.md': '---\nkind: product\nslug: artefact7\n---\n',
      'd.md': '---\nkind: product\nid: artefact7\n---\n',
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir)).toEqual(['AuthoredValueInvalid b.md:3:7', 'AuthoredValueInvalid c.md:3:7']);
    const slug = (id: string) => r.value!.parts.find((p) => p.id === id)!.slug;
    expect(slug('portfolio:artefact7')).toBe('artefact7');
    expect(slug('b')).toBe('b');
    expect(slug('c')).toBe('c');
    // The id "artefact7" would give the slug already chosen above: it gets the next one.
    expect(slug('artefact7')).toBe('artefact7-2');
    // Written back only where it differs from what the id gives.
    const out = exportPackage(r.value!, 'authored').value;
    const texts = [...out.entries()].filter(([p]) => p.endsWith('.md')).map(([, b]) => new TextDecoder().decode(b));
    expect(texts.filter((t) => /^slug:/m.test(t)).map((t) => /^slug: (.*)$/m.exec(t)![1])).toEqual(['artefact7', 'artefact7-2']);
  });
});
