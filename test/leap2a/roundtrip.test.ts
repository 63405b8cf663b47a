/**
 * Round trips through Leap2A, with real zips: Leap2A → model → Leap2A → model is equal (file
 * paths renamed into files/ the first time, then stable), and IMS → model → Leap2A → model
 * keeps what docs/leap2a-mapping.md says it keeps.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPackage, readPortfolio } from '../../src/index.ts';
import { zipFiles } from '../../src/write/index.ts';
import { parseXml } from '../../src/formats/xml/parse.ts';
import { packagePaths, portfolioToLeap2a } from '../../src/model/leap2a/to-leap2a.ts';
import type { Portfolio } from '../../src/model/types.ts';
import { imsExampleDir } from '../ims/helpers.ts';
import { hasShared, sharedPath } from '../support/env.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/leap2a');

async function viaLeap2a(p: Portfolio): Promise<{ back: Portfolio; files: Map<string, Uint8Array>; diagnostics: { code: string; severity: string }[] }> {
  const out = exportPackage(p, 'leap2a');
  const zip = join(mkdtempSync(join(tmpdir(), 'vitrine-leap2a-rt-')), 'export.zip');
  writeFileSync(zip, zipFiles(out.value));
  const r = await readPortfolio(zip);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { back: r.value!, files: out.value, diagnostics: out.diagnostics };
}

/** The model without read positions; file paths through `rename`; relations by id. */
function normal(p: Portfolio, rename: (path: string) => string = (x) => x) {
  const json = JSON.stringify(p, (k, v) => (k === 'origin' || k === 'bytes' ? undefined : v));
  const copy = JSON.parse(json) as Portfolio;
  for (const part of copy.parts) {
    part.files = part.files.map(rename);
    for (const m of part.description?.full ?? []) if (m.file) m.file = rename(m.file);
  }
  copy.files = copy.files.map((f) => ({ ...f, path: rename(f.path) })).sort((a, b) => (a.path < b.path ? -1 : 1));
  copy.relations.sort((a, b) => (a.id < b.id ? -1 : 1));
  return copy;
}

const inputs: [string, string][] = [
  ['2009-03 namespaces', join(fixtures, 'ns-2009-03.xml')],
  ['2010-07 namespaces', join(fixtures, 'ns-2010-07.xml')],
  ['Mahara archive namespace', join(fixtures, 'ns-mahara-archive.xml')],
  ['2011 draft namespaces', join(fixtures, 'ns-2011-draft.xml')],
  ['Mahara quirks', join(fixtures, 'mahara-quirks')],
  ['Moodle forum', join(fixtures, 'moodle-forum')],
];
if (hasShared('samples', 'leap2a')) {
  inputs.push(['Mahara 1.3 sample', sharedPath('samples', 'leap2a', 'mahara-1.3')], ['spec example', sharedPath('samples', 'leap2a', 'test_valid_leap2a.xml')]);
}

describe('Leap2A → model → Leap2A → model', () => {
  for (const [name, input] of inputs) {
    it(`is equal for ${name}`, async () => {
      const first = (await readPortfolio(input)).value!;
      const rename = packagePaths(first.files.map((f) => f.path));
      const { back: second } = await viaLeap2a(first);
      expect(normal(second)).toEqual(normal(first, (x) => rename.get(x) ?? x));
      const { back: third } = await viaLeap2a(second);
      expect(normal(third)).toEqual(normal(second));
    });
  }

  it('writes canonical 2010-07 terms, both ends of each link, display_order and URL-safe file names', async () => {
    const p = (await readPortfolio(join(fixtures, 'mahara-quirks'))).value!;
    const files = exportPackage(p, 'leap2a').value;
    expect([...files.keys()].sort()).toEqual(['files/Ete-2024-photo.png', 'files/report-final.pdf', 'leap2a.xml']);
    const xml = new TextDecoder().decode(files.get('leap2a.xml'));
    expect(xml).toContain('xmlns:leap2="http://terms.leapspecs.org/"');
    expect(xml).not.toContain('web.archive.org');
    expect(xml).toContain('<rdf:type rdf:resource="leap2:selection"/>');
    expect(xml).toContain('title="Été 2024 photo.png"');
    expect(parseXml(files.get('leap2a.xml')!, 'leap2a.xml').root?.name).toBe('feed');
    // Every relation at both ends (has_part on the page, is_part_of on the part).
    expect(xml).toMatch(/<id>portfolio:view7<\/id>[\s\S]*?<link rel="leap2:has_part" href="portfolio:artefact12"\/>/);
    expect(xml).toMatch(/<id>portfolio:artefact12<\/id>[\s\S]*?<link rel="leap2:is_part_of" href="portfolio:view7"\/>/);
    expect(xml).toMatch(/<id>portfolio:artefact20<\/id>[\s\S]*?<link rel="leap2:has_evidence" href="portfolio:artefact11"\/>/);
    const ordered = (await readPortfolio(join(fixtures, 'ns-2010-07.xml'))).value!;
    const x2 = new TextDecoder().decode(exportPackage(ordered, 'leap2a').value.get('leap2a.xml'));
    expect(x2).toContain('<link rel="leap2:has_part" href="portfolio:report" leap2:display_order="1"/>');
    expect(x2).toContain('<link rel="leap2:is_part_of" href="portfolio:page1" leap2:display_order="2"/>');
  });

  it('gives two files with the same safe name different paths', () => {
    const m = packagePaths(['a/Été.png', 'b/Ete.png', 'files/ok-name.pdf', 'files/bad name.pdf']);
    expect([...m.values()]).toEqual(['files/ok-name.pdf', 'files/Ete.png', 'files/Ete-2.png', 'files/bad-name.pdf']);
  });
});

describe('IMS → model → Leap2A → model', () => {
  it('keeps every part, its texts, dates, files and relations', async () => {
    const ims = (await readPortfolio(imsExampleDir)).value!;
    const { back, diagnostics } = await viaLeap2a(ims);
    const rename = packagePaths(ims.files.map((f) => f.path));
    expect(ims.parts.length).toBeGreaterThan(10);
    // Every part, in order; files no part uses travel as resource entries of their own.
    const unused = ims.files.filter((f) => !ims.parts.some((p) => p.files.includes(f.path))).map((f) => `vitrine:file/${rename.get(f.path)}`);
    expect(back.parts.map((p) => [p.id, p.kind])).toEqual([...ims.parts.map((p) => [p.id, p.kind]), ...unused.map((id) => [id, 'product'])]);
    for (const a of ims.parts) {
      const b = back.parts.find((x) => x.id === a.id)!;
      if (a.kind === 'identification') {
        // The person's name becomes the entry title; e-mail and web addresses travel as persondata.
        const emails = JSON.stringify(a.ims?.record).match(/[\w.+-]+@[\w.-]+/g) ?? [];
        expect(emails.length, a.id).toBeGreaterThan(0);
        for (const m of emails) expect(JSON.stringify(b.person), a.id).toContain(m);
        expect(b.title?.value, a.id).toMatch(/\S/);
      } else expect(b.title?.value ?? '', a.id).toBe(a.title?.value ?? a.description?.short?.value ?? `${a.kind} ${a.id}`);
      if (a.title) expect(b.description?.short?.value, a.id).toBe(a.description?.short?.value);
      expect(b.description?.long?.value, a.id).toBe(a.description?.long?.value);
      expect(b.dates.map((d) => d.value), a.id).toEqual(a.dates.map((d) => d.value));
      expect(b.files, a.id).toEqual(a.files.map((f) => rename.get(f)));
      expect(b.tags, a.id).toEqual(a.tags);
      // IMS nesting and IsPartOf both become Leap2A has_part, which reads back as nesting.
      const partOf = ims.relations.find((r) => r.type.toLowerCase() === 'ispartof' && r.from === a.id)?.to[0];
      if (a.parent) expect(b.parent, a.id).toBe(a.parent);
      else expect([undefined, partOf], a.id).toContain(b.parent);
      expect(b.comment, a.id).toEqual(a.comment);
      expect(b.status?.type?.value, a.id).toBe(a.status?.type?.value);
    }
    // Relations: same ends; IMS names become Leap2A predicates where one exists (Evidences → is_evidence_of).
    // IsPartOf is has_part seen from the other end; nesting is has_part too.
    const key = (t: string) => ({ evidences: 'is_evidence_of', reflectson: 'reflects_on', supports: 'supports' })[t.toLowerCase()] ?? t;
    const imsEnds = [
      ...ims.relations.flatMap((r) => r.to.map((t) => (r.type.toLowerCase() === 'ispartof' ? `has_part ${t} → ${r.from}` : `${key(r.type)} ${r.from} → ${t}`))),
      ...ims.parts.filter((p) => p.parent).map((p) => `has_part ${p.parent} → ${p.id}`),
    ];
    const backEnds = back.relations.flatMap((r) => r.to.map((t) => `${r.type} ${r.from} → ${t}`));
    expect(backEnds.sort()).toEqual([...new Set(imsEnds)].sort());
    expect(ims.relations.length).toBeGreaterThan(0);
    // The files keep their bytes and their original names as titles.
    for (const f of ims.files) {
      const g = back.files.find((x) => x.path === rename.get(f.path))!;
      expect(g.sha256, f.path).toBe(f.sha256);
    }
    // What IMS has and Leap2A cannot carry is reported, never dropped silently.
    expect(diagnostics.some((d) => d.code === 'ExportFieldDropped')).toBe(true);
  });

  it('writes the owner person with data from the neutral person', () => {
    const out = portfolioToLeap2a({ id: 'p', title: 'P', files: [], relations: [], extensions: [], parts: [{ id: 'me', kind: 'identification', slug: 'me', dates: [], rationale: [], tags: [], files: [], extensions: [], person: { names: [{ full: 'Ada Example' }], contacts: [{ kind: 'email', value: 'ada@example.org' }], addresses: [], webLinks: [] } }] }, undefined, { now: new Date('2024-01-01T00:00:00Z') });
    const e = out.feed.entries[0]!;
    expect(e.types).toEqual(['http://terms.leapspecs.org/person']);
    expect(e.elements.filter((x) => x.name === 'persondata').map((x) => x.children.map((c) => (c.type === 'text' ? c.text : '')).join(''))).toEqual(['Ada Example', 'ada@example.org']);
    expect(out.feed.updated).toBe('2024-01-01T00:00:00Z');
    expect(out.feed.authors).toEqual([{ name: 'Ada Example', uri: 'me' }]);
  });
});
