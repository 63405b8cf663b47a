/**
 * Reading Leap2A: each namespace variant gives the same portfolio, and each quirk of real
 * exports (Mahara's above all) resolves to the right part, relation or file. Inputs are the
 * project's own fixtures, read as a folder, as a real zip and as a bare XML file.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { zipFiles } from '../../src/write/index.ts';
import { LEAP2, MAHARA } from '../../src/formats/leap2a/index.ts';
import type { Portfolio } from '../../src/model/types.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/leap2a');
const quirks = join(fixtures, 'mahara-quirks');
const tmp = () => mkdtempSync(join(tmpdir(), 'vitrine-leap2a-'));

/** Every file of a folder by relative path, for zipping. */
function folderFiles(dir: string, prefix = ''): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(prefix + relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

async function read(input: string): Promise<{ p: Portfolio; diagnostics: Awaited<ReturnType<typeof readPortfolio>>['diagnostics'] }> {
  const r = await readPortfolio(input);
  expect(r.diagnostics.filter((d) => d.severity === 'error'), input).toEqual([]);
  return { p: r.value!, diagnostics: r.diagnostics };
}

const part = (p: Portfolio, id: string) => {
  const x = p.parts.find((q) => q.id === id);
  if (!x) throw new Error(`no part ${id}`);
  return x;
};

/** The portfolio without where things were read from, for comparing variants. */
function shape(p: Portfolio) {
  return {
    parts: p.parts.map((x) => ({ id: x.id, kind: x.kind, title: x.title, type: x.type, tags: x.tags, dates: x.dates, status: x.status, parent: x.parent, description: x.description, types: x.leap2a?.types, categories: x.leap2a?.categories, ims: x.ims })),
    relations: p.relations.map((r) => ({ type: r.type, from: r.from, to: r.to, leap2a: r.leap2a })),
  };
}

describe('namespace variants', () => {
  const variants = ['ns-2009-03.xml', 'ns-2010-07.xml', 'ns-mahara-archive.xml', 'ns-2011-draft.xml'];

  it('2010-07 reads into the expected parts, kinds, relations, dates and status', async () => {
    const { p } = await read(join(fixtures, 'ns-2010-07.xml'));
    expect(p.id).toBe('http://portfolio.example.org/export/7');
    expect(p.parts.map((x) => [x.id, x.kind])).toEqual([
      ['portfolio:me', 'identification'],
      ['portfolio:page1', 'product'],
      ['portfolio:skill', 'competency'],
      ['portfolio:report', 'product'],
      ['portfolio:thoughts', 'reflexion'],
      ['portfolio:cert', 'qcl'],
      ['portfolio:plan', 'goal'],
    ]);
    expect(part(p, 'portfolio:page1').leap2a?.types).toEqual([`${LEAP2}selection`]);
    expect(part(p, 'portfolio:page1').type).toEqual({ value: 'Webpage', source: 'http://wiki.leapspecs.org/2A/categories/selection_type#' });
    // has_part stated on the page with display_order 2, 1, and again from the skill's end: one relation, ordered.
    const hasPart = p.relations.filter((r) => r.type === 'has_part');
    expect(hasPart).toHaveLength(1);
    expect(hasPart[0]).toMatchObject({ from: 'portfolio:page1', to: ['portfolio:report', 'portfolio:skill'], leap2a: { displayOrder: [1, 2] } });
    // is_evidence_of from the report and has_evidence from the skill are one relation.
    expect(p.relations.filter((r) => r.type === 'is_evidence_of')).toEqual([expect.objectContaining({ from: 'portfolio:report', to: ['portfolio:skill'] })]);
    expect(p.relations.find((r) => r.type === 'reflects_on')).toMatchObject({ from: 'portfolio:thoughts', to: ['portfolio:report'] });
    expect(part(p, 'portfolio:report').dates).toEqual([
      { value: '2024-03-01', type: { value: 'Start', sourceType: 'imsdefault' }, description: { short: { value: 'Spring 2024' }, full: [] } },
      { value: '2024-04-02', type: { value: 'Finish', sourceType: 'imsdefault' } },
    ]);
    expect(part(p, 'portfolio:plan').status).toEqual({ type: { value: 'planned' } });
    expect(part(p, 'portfolio:cert').tags).toEqual(['wcag']);
    expect(part(p, 'portfolio:skill').description?.long?.value).toBe('<p>Labels, errors and <em>order</em>.</p>');
    expect(part(p, 'portfolio:page1').description).toMatchObject({ short: { value: 'What I can do with forms' }, long: { value: '<p>A page about <strong>forms</strong>.</p>' } });
    // A page does not nest its parts (IMS could not write that); a plan nests its tasks.
    expect(part(p, 'portfolio:skill').parent).toBeUndefined();
    // The person's data fills the neutral person (name, e-mail); no IMS record is made up.
    expect(part(p, 'portfolio:me').person?.contacts).toContainEqual({ kind: 'email', value: 'ada@example.org' });
    expect(part(p, 'portfolio:me').ims).toBeUndefined();
    expect(p.title).toBe("Ada Example's portfolio (2010-07)");
  });

  for (const v of variants.filter((x) => x !== 'ns-2010-07.xml')) {
    it(`${v} reads into the same portfolio as 2010-07`, async () => {
      const base = shape((await read(join(fixtures, 'ns-2010-07.xml'))).p);
      const { p } = await read(join(fixtures, v));
      expect(shape(p)).toEqual(base);
    });
  }

  it('both spellings of the Mahara namespace become one', async () => {
    for (const v of ['ns-mahara-archive.xml', 'ns-2011-draft.xml']) {
      const { p } = await read(join(fixtures, v));
      const el = part(p, 'portfolio:cert').leap2a!.elements.find((e) => e.name === 'artefactplugin');
      expect(el?.ns, v).toBe(MAHARA);
    }
  });
});

describe('Mahara quirks', () => {
  async function checkQuirks(input: string, fileLoc: string) {
    const { p, diagnostics } = await read(input);
    const codes = (c: string) => diagnostics.filter((d) => d.code === c);
    // Files: raw spaces and accents, percent-encoded content src, original names as titles.
    const photo = 'files/Été 2024 photo.png';
    const pdf = 'files/report final.pdf';
    expect(p.files.map((f) => f.path).sort()).toEqual([pdf, photo].sort());
    expect(p.files.find((f) => f.path === photo)?.about?.title?.value).toBe('Été 2024 photo.png');
    expect(p.files.find((f) => f.path === pdf)?.mediaType).toBe('application/pdf');
    expect(part(p, 'portfolio:artefact10').files).toEqual([photo]);
    expect(part(p, 'portfolio:artefact11').files).toEqual([pdf]);
    // An enclosure naming an entry, and an <img> without src naming an entry: that entry's file.
    expect(part(p, 'portfolio:artefact12').files).toEqual([pdf, photo]);
    expect(part(p, 'portfolio:artefact12').description?.long?.value).not.toContain('img');
    expect(part(p, 'portfolio:artefact20').files).toEqual([photo]);
    // A file named but missing is a warning at the link, and the reference is kept.
    expect(codes('Leap2aFileMissing')).toEqual([expect.objectContaining({ severity: 'warning', location: { file: fileLoc, line: 101, column: 9 } })]);
    expect(part(p, 'portfolio:artefact12').description?.full).toContainEqual({ carrier: 'uri', text: 'files/gone.doc', mimeType: 'application/msword' });
    // Bare relation names, layout order from mahara:view (blocks column by column).
    expect(p.relations.find((r) => r.from === 'portfolio:view7' && r.type === 'has_part')?.to).toEqual(['portfolio:artefact12', 'portfolio:artefact11', 'portfolio:artefact10']);
    expect(codes('Leap2aLayoutInvalid')).toEqual([expect.objectContaining({ location: { file: fileLoc, line: 65, column: 21 } })]);
    // Relations to entries not in the export: kept, and reported where the link is.
    expect(p.relations.find((r) => r.type === 'supports')).toMatchObject({ from: 'portfolio:artefact99', to: ['portfolio:artefact20'] });
    expect(codes('RelationTargetMissing')).toEqual([expect.objectContaining({ location: { file: fileLoc, line: 114, column: 9 } })]);
    // Unknown types and elements in the Atom namespace are kept.
    expect(part(p, 'portfolio:artefact30')).toMatchObject({ kind: 'product', leap2a: { types: [`${LEAP2}widget`] } });
    expect(codes('Leap2aTypeUnknown')[0]?.location).toEqual({ file: fileLoc, line: 116, column: 5 });
    expect(part(p, 'portfolio:artefact30').leap2a?.elements.map((e) => e.name)).toEqual(['myrole']);
    expect(part(p, 'portfolio:artefact11').leap2a?.elements.map((e) => [e.ns, e.name])).toEqual([['http://www.w3.org/2005/Atom', 'visibility']]);
    // Duplicate and missing ids.
    expect(codes('DuplicatePartId')[0]?.location).toEqual({ file: fileLoc, line: 124, column: 5 });
    expect(part(p, 'portfolio:artefact30~2').title?.value).toBe('Same id again');
    expect(codes('Leap2aEntryIdMissing')).toEqual([expect.objectContaining({ location: { file: fileLoc, line: 131, column: 5 } })]);
    // Authors other than the feed's, tags, links to the web, the owner first.
    expect(part(p, 'portfolio:artefact12')).toMatchObject({ kind: 'reflexion', author: { value: 'A. Guest' }, tags: ['summer', 'studio'], leap2a: { links: [{ rel: 'alternate', href: 'https://blog.example.org/summer-notes' }] } });
    expect(p.parts[0]!.id).toBe('portfolio:artefactinternal');
    expect(p.parts[0]!.slug).toBe('artefactinternal');
    return p;
  }

  it('as a folder', async () => {
    await checkQuirks(quirks, join(quirks, 'leap2a.xml'));
  });

  it('as a zip, with the export inside one top folder', async () => {
    const dir = tmp();
    const zip = join(dir, 'export.zip');
    writeFileSync(zip, zipFiles(folderFiles(quirks, 'export-5/')));
    await checkQuirks(zip, `${zip}!/export-5/leap2a.xml`);
  });

  it('as leap.xml or leap2.xml in a folder', async () => {
    for (const name of ['leap.xml', 'leap2.xml']) {
      const dir = tmp();
      for (const [path, bytes] of folderFiles(quirks)) {
        const target = join(dir, path === 'leap2a.xml' ? name : path);
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(target, bytes);
      }
      const { p } = await read(dir);
      expect(p.parts).toHaveLength(10);
    }
  });

  it('as a bare XML file with any name (no files: enclosures are missing files)', async () => {
    const dir = tmp();
    const file = join(dir, 'export.xml');
    writeFileSync(file, readFileSync(join(quirks, 'leap2a.xml')));
    const r = await readPortfolio(file);
    expect(r.value?.parts).toHaveLength(10);
    expect(r.diagnostics.filter((d) => d.code === 'Leap2aFileMissing').length).toBeGreaterThan(1);
  });
});

describe('bad Leap2A input', () => {
  it('Leap2aNotAFeed: a leap2a.xml whose root is not an Atom feed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leap2a.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n');
    const r = await readPortfolio(dir);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'Leap2aNotAFeed', severity: 'error', location: { file: join(dir, 'leap2a.xml'), line: 2, column: 1 } })]);
  });

  it('malformed XML is an error at its line and column', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leap2a.xml'), '<feed xmlns="http://www.w3.org/2005/Atom">\n  <entry><id>x</id>\n</feed>\n');
    const r = await readPortfolio(dir);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'XmlMalformed', severity: 'error', location: { file: join(dir, 'leap2a.xml'), line: expect.any(Number) } });
  });

  it('entity declarations are refused', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'leap2a.xml'), '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY a "aaaa">]>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>&a;</title></feed>\n');
    const r = await readPortfolio(dir);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'XmlEntityDeclared', location: { line: 2 } });
  });
});

describe('Moodle export', () => {
  it('reads Moodle forum posts: categories namespace without slash, images and links naming file entries or files', async () => {
    const dir = join(fixtures, 'moodle-forum');
    const { p, diagnostics } = await read(dir);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(part(p, 'portfolio:forumdiscussion3').type).toEqual({ value: 'Grouping', source: 'http://wiki.leapspecs.org/2A/categories/selection_type#' });
    expect(p.relations.find((r) => r.type === 'has_part')?.to).toEqual(['portfolio:forumpost10', 'portfolio:forumpost11']);
    // <img src="portfolio:file7">: the file entry's file, taken out of the text.
    expect(part(p, 'portfolio:forumpost10').files).toEqual(['files/diagram.png']);
    expect(part(p, 'portfolio:forumpost10').description?.long?.value).toBe('<p>Here is my diagram: </p>');
    // <a href="portfolio:file8"> keeps its words; <img src="files/diagram.png"> is the file.
    expect(part(p, 'portfolio:forumpost11').files).toEqual(['files/diagram.png', 'files/notes.pdf']);
    expect(part(p, 'portfolio:forumpost11').description?.long?.value).toBe('<p>See my <a>notes.pdf</a> and </p>');
    expect(part(p, 'portfolio:forumpost11').author).toEqual({ value: 'Tutor Tess' });
    // Files linked "related" at both ends are one relation.
    expect(p.relations.filter((r) => r.type === 'related').map((r) => [r.from, r.to])).toEqual([['portfolio:forumpost10', ['portfolio:file7']], ['portfolio:forumpost11', ['portfolio:file8']]]);
  });
});
