/**
 * What pages need to know of a Leap2A import is derived by its readers into neutral fields
 * (Part.grouping, Part.published, PortfolioFile.name, Portfolio.titleNamesExport), by the Leap2A
 * reader and again by the authored reader from the records a Leap2A import keeps; views and
 * pages read only these (test/architecture/format-records.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPackage, readPortfolio, type Portfolio } from '../../src/index.ts';
import { writeNewFolder } from '../../src/write/index.ts';
import { planPreview } from '../../src/views/plan.ts';
import { sourcePages } from '../../src/views/propose.ts';
import { readerFileName } from '../../src/render/page-data.ts';
import { repoRoot } from '../support/env.ts';
import { imsExampleDir } from '../authored/paths.ts';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'leap2a', name);
const scratch = mkdtempSync(join(tmpdir(), 'vitrine-derived-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const groupings = (p: Portfolio) => Object.fromEntries(p.parts.filter((x) => x.grouping).map((x) => [x.id, x.grouping]));
const names = (p: Portfolio) => Object.fromEntries(p.files.filter((f) => f.name).map((f) => [f.path, f.name]));

async function viaAuthored(p: Portfolio, name: string): Promise<Portfolio> {
  const dir = join(scratch, name);
  await writeNewFolder(dir, exportPackage(p, 'authored').value);
  const back = await readPortfolio(dir);
  expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return back.value!;
}

describe('neutral facts of a Leap2A import', () => {
  it('the Leap2A reader says what each selection is, when posts were published, and the files’ own names', async () => {
    const p = (await readPortfolio(fixture('mahara-pages'))).value!;
    expect(groupings(p)).toEqual({
      'portfolio:artefact110': 'other',
      'portfolio:artefact120': 'other',
      'portfolio:artefact130': 'resume',
      'portfolio:view9': 'page',
      'portfolio:view11': 'page',
      'portfolio:view12': 'page',
      'portfolio:view13': 'page',
      'portfolio:view14': 'page',
      'portfolio:collection3': 'collection',
    });
    expect(p.parts.find((x) => x.id === 'portfolio:artefact121')?.published).toBe('2023-10-04T09:30:00+01:00');
    expect(names(p)['files/1700000103-workshop.jpg']).toBe('workshop.jpg');
    expect(p.titleNamesExport).toBe(true);
  });

  it('the authored reader derives the same facts from the records a Leap2A import keeps', async () => {
    const leap = (await readPortfolio(fixture('mahara-resume'))).value!;
    const back = await viaAuthored(leap, 'resume');
    expect(groupings(leap)).toEqual({ 'portfolio:view3': 'page', 'portfolio:artefact41': 'resume', 'portfolio:artefact60': 'other' });
    expect(groupings(back)).toEqual(groupings(leap));
    expect(names(back)).toEqual(names(leap));
    expect(names(leap)).toEqual({ 'files/0-garden.jpg': 'garden.jpg', 'files/1-me': 'me' });
    expect(back.parts.filter((x) => x.published).map((x) => [x.id, x.published])).toEqual([['portfolio:artefact61', '2020-09-12T10:00:00+02:00']]);
    expect(back.titleNamesExport).toBe(true);
  });

  it('an IMS package and an authored folder of its own have none of them', async () => {
    const ims = (await readPortfolio(imsExampleDir)).value!;
    for (const p of [ims, await viaAuthored(ims, 'ims')]) {
      expect(groupings(p)).toEqual({});
      expect(names(p)).toEqual({});
      expect(p.parts.some((x) => x.published !== undefined)).toBe(false);
      expect(p.titleNamesExport).toBeUndefined();
    }
  });

  it('views and pages follow the neutral fields, not a format record', async () => {
    const p = (await readPortfolio(fixture('mahara-pages'))).value!;
    // The records removed: the pages, the preview's name and file names stay as the fields say.
    const bare: Portfolio = structuredClone({ ...p, parts: p.parts.map(({ leap2a: _, ...x }) => x) });
    delete bare.leap2a;
    expect(sourcePages(bare).map((x) => x.id)).toEqual(sourcePages(p).map((x) => x.id));
    expect(sourcePages(bare).map((x) => x.grouping)).toContain('collection');
    expect(planPreview(bare).title).toBe('Ana Lima');
    expect(planPreview({ ...bare, titleNamesExport: false }).title).toBe(bare.title);
    const file = p.files.find((f) => f.path === 'files/1700000103-workshop.jpg')!;
    expect(readerFileName({ path: file.path, name: file.name })).toBe('workshop.jpg');
    expect(readerFileName({ path: file.path })).toBe('1700000103-workshop.jpg');
    expect(readerFileName({ path: file.path, name: file.name, about: { title: { value: ' Workshop ' } } })).toBe('Workshop');
  });
});
