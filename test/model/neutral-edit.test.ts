// An edit to a part's neutral person, qualification or résumé line shows in every export (IMS,
// Leap2A, authored, JSON Resume) that has a place for it and reads back the same; an export
// without one says so (ExportFieldDropped); an unedited record is written as read. Runs on the
// repo's own example (content/) and the Mahara fixture, read through the public API.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPackage, readPortfolio, type Portfolio } from '../../src/index.ts';
import { imsRecordOf } from '../../src/model/ims/person-out.ts';
import { zipFiles } from '../../src/write/index.ts';
import { needs, skipNote } from '../support/env.ts';
import { hasXmllint, hasXsds, schemaForDocument, validateWithXsd } from '../support/xsd.ts';

const tmp = mkdtempSync(join(tmpdir(), 'vitrine-neutral-'));
let original: Portfolio;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  original = (await readPortfolio(resolve(import.meta.dirname, '../../content'))).value!;
});

const owner = (p: Portfolio) => p.parts.find((x) => x.kind === 'identification')!;

/** Writes an export's files to a folder (authored) or a zip (IMS, Leap2A) and reads it back. */
async function roundTrip(p: Portfolio, format: 'ims' | 'leap2a' | 'authored' | 'jsonresume'): Promise<{ text: string; back: Portfolio }> {
  const r = exportPackage(p, format);
  const files = r.value!;
  const text = [...files].filter(([k]) => /\.(xml|md|yaml|atom|json)$/.test(k)).map(([, v]) => new TextDecoder().decode(v)).join('\n');
  let input: string;
  if (format === 'authored' || format === 'jsonresume') {
    input = join(tmp, `a-${Math.random().toString(36).slice(2)}`);
    for (const [k, v] of files) {
      mkdirSync(dirname(join(input, k)), { recursive: true });
      writeFileSync(join(input, k), v);
    }
  } else {
    input = join(tmp, `${format}-${Math.random().toString(36).slice(2)}.zip`);
    writeFileSync(input, zipFiles(files));
  }
  return { text, back: (await readPortfolio(input)).value! };
}

describe('neutral fields are what every export writes', () => {
  it('an unedited identification record is written exactly as it was read', () => {
    const me = owner(original);
    expect(me.person?.names.length).toBeGreaterThan(0);
    expect(imsRecordOf(me)).toEqual(me.ims?.record ?? {});
  });

  for (const format of ['ims', 'leap2a', 'authored'] as const) {
    it(`an edited e-mail address and a new name show in the ${format} export and read back`, async () => {
      const edited = structuredClone(original);
      const me = owner(edited);
      const email = me.person!.contacts.find((c) => c.kind === 'email')!;
      const old = email.value;
      email.value = 'new-address@example.org';
      me.person!.names.unshift({ full: 'Léa M.-L.', type: 'Preferred' });
      const { text, back } = await roundTrip(edited, format);
      expect(text).toContain('new-address@example.org');
      expect(text).not.toContain(old);
      expect(text).toContain('Léa M.-L.');
      const person = owner(back).person!;
      expect(person.contacts.map((c) => c.value)).toContain('new-address@example.org');
      expect(person.contacts.map((c) => c.value)).not.toContain(old);
      expect(person.names.map((n) => n.full)).toContain('Léa M.-L.');
    });
  }

  it('an edited qualification level shows in the IMS and authored exports', async () => {
    const edited = structuredClone(original);
    const qcl = edited.parts.find((x) => x.kind === 'qcl' && x.qualification?.level)!;
    qcl.qualification = { ...qcl.qualification, level: 'EQF 7 (edited)' };
    for (const format of ['ims', 'authored'] as const) {
      const { text, back } = await roundTrip(edited, format);
      expect(text, format).toContain('EQF 7 (edited)');
      expect(back.parts.find((x) => x.id === qcl.id)?.qualification?.level, format).toBe('EQF 7 (edited)');
    }
  });
});

const dropped = (p: Portfolio, format: 'ims' | 'authored', what: string) => exportPackage(p, format).diagnostics.filter((d) => d.code === 'ExportFieldDropped' && d.message.includes(what)).map((d) => d.message);

describe('a résumé line (Part.resume) is what every export writes', () => {
  const line = { section: 'employment', organisation: 'Atelier Nord', role: 'Lead designer', location: 'Lyon', highlights: ['Led the rebrand', 'Mentored two juniors'] };
  const withLine = () => {
    const edited = structuredClone(original);
    const part = edited.parts.find((x) => x.kind === 'activity')!;
    part.resume = structuredClone(line);
    return { edited, part };
  };

  for (const format of ['leap2a', 'authored'] as const) {
    it(`a résumé line given to an activity shows in the ${format} export and reads back the same`, async () => {
      const { edited, part } = withLine();
      const { text, back } = await roundTrip(edited, format);
      for (const s of ['Atelier Nord', 'Lead designer', 'Mentored two juniors']) expect(text).toContain(s);
      expect(back.parts.find((x) => x.id === part.id)?.resume).toEqual(line);
    });
  }

  it('shows in the JSON Resume export as a work entry and reads back the same', async () => {
    const { edited } = withLine();
    const { text, back } = await roundTrip(edited, 'jsonresume');
    for (const s of ['Atelier Nord', 'Lead designer', 'Mentored two juniors']) expect(text).toContain(s);
    // JSON Resume ids its entries by section (work-1): the entry is found by what it says.
    const again = back.parts.filter((x) => x.resume?.organisation === 'Atelier Nord' && x.resume.section === 'employment');
    expect(again.map((x) => x.resume)).toEqual([line]);
  });

  it('the IMS export, which has no place for it, says it left it out; an unedited portfolio has nothing to say', () => {
    const { edited, part } = withLine();
    expect(dropped(edited, 'ims', 'résumé record')).toEqual([expect.stringContaining(`part "${part.id}"`)]);
    expect(dropped(original, 'ims', 'résumé record')).toEqual([]);
  });

  it("an edited Mahara résumé record is written back; an unedited one leaves Mahara's feed as it was", async () => {
    const mahara = (await readPortfolio(resolve(import.meta.dirname, '../fixtures/leap2a/mahara-pages'))).value!;
    const record = mahara.parts.find((x) => x.resume?.section === 'education')!;
    expect(record.resume!.organisation).toBeTruthy();
    const asRead = await roundTrip(mahara, 'leap2a');
    expect(asRead.text).not.toContain('vitrine:resume');
    expect(asRead.back.parts.find((x) => x.id === record.id)?.resume).toEqual(record.resume);
    const edited = structuredClone(mahara);
    edited.parts.find((x) => x.id === record.id)!.resume!.organisation = 'Université de Lyon (edited)';
    const { text, back } = await roundTrip(edited, 'leap2a');
    expect(text).toContain('Université de Lyon (edited)');
    expect(back.parts.find((x) => x.id === record.id)?.resume).toEqual({ ...record.resume, organisation: 'Université de Lyon (edited)' });
  });
});

describe('an edited rubric', () => {
  const lint = needs('xmllint', hasXmllint()) && needs('../shared/samples/ims-eportfolio/xsd', hasXsds());
  /** The example's rubric with a criterion's level retitled, a level added (with a statement), a sub-criterion retitled and an outcome with rules added. */
  const editedRubric = () => {
    const edited = structuredClone(original);
    const part = edited.parts.find((x) => x.rubric?.dimensions.some((d) => d.levels.length && d.dimensions.length))!;
    const dim = part.rubric!.dimensions.find((d) => d.levels.length && d.dimensions.length)!;
    dim.levels[0]!.title = { value: '3 — Legible for most readers (edited)', lang: 'en' };
    dim.levels.push({ title: { value: '2 — Legible up close (added)', lang: 'en', translations: [{ value: 'Lisible de près', lang: 'fr' }] }, description: { value: 'Readable at arm’s length only.', lang: 'en' }, statements: [{ value: 'Body text is readable from one metre.', lang: 'en' }] });
    dim.dimensions[0]!.title = { value: 'Contrast & colour (edited)', lang: 'en' };
    part.rubric!.outcomes.push({ identifier: 'urn:example:outcome:added', title: { value: 'Exhibition piece (added)', lang: 'en' }, rules: [{ totalScore: '11', complex: true }] });
    return { edited, part };
  };

  it('an unedited rubric record is written exactly as it was read, and nothing is reported', () => {
    const part = original.parts.find((x) => x.rubric?.dimensions.length)!;
    expect(imsRecordOf(part)).toEqual(part.ims?.record);
    expect(dropped(original, 'ims', 'rubric')).toEqual([]);
    expect(dropped(original, 'authored', 'rubric')).toEqual([]);
  });

  for (const format of ['ims', 'authored'] as const) {
    it(`shows in the ${format} export, reads back the same, and is not reported as dropped`, async () => {
      const { edited, part } = editedRubric();
      expect(dropped(edited, format, 'rubric')).toEqual([]);
      expect(dropped(edited, format, 'criteria and levels')).toEqual([]);
      const { text, back } = await roundTrip(edited, format);
      for (const s of ['(edited)', 'Legible up close (added)', 'Lisible de près', 'Body text is readable from one metre.', 'Contrast &', 'Exhibition piece (added)']) expect(text).toContain(s);
      expect(back.parts.find((x) => x.id === part.id)?.rubric).toEqual(part.rubric);
      // What the neutral rubric does not say stays: the kept level's statements and their ids.
      expect(text).toContain('legibility-contrast');
    });
  }

  it.skipIf(!lint)(`the IMS package with the edited rubric validates against the IMS XSDs, with and without a kept record${skipNote('xmllint and ../shared (IMS XSDs)', lint)}`, () => {
    const { edited, part } = editedRubric();
    const bare = structuredClone(edited);
    delete bare.parts.find((x) => x.id === part.id)!.ims;
    for (const p of [edited, bare]) expectValidWithEdit(exportPackage(p, 'ims').value!);
  });

  /** Every XML file of the package validates; the one rubric file carries the added level. */
  function expectValidWithEdit(files: Map<string, Uint8Array>): void {
    let rubrics = 0;
    for (const [path, bytes] of files) {
      if (!path.endsWith('.xml')) continue;
      const schema = schemaForDocument(bytes);
      expect(schema, `schema for ${path}`).toBeDefined();
      if (schema === 'rubric') {
        rubrics++;
        expect(new TextDecoder().decode(bytes)).toContain('Legible up close (added)');
      }
      const r = validateWithXsd(bytes, schema!);
      expect(r.errors, `${path} against ${schema}`).toBe('');
      expect(r.valid, path).toBe(true);
    }
    expect(rubrics).toBe(1);
  }

  it('a rubric from another format, with no IMS record, is written whole and reads back the same', async () => {
    const { edited, part } = editedRubric();
    delete part.ims;
    const { back } = await roundTrip(edited, 'ims');
    expect(back.parts.find((x) => x.id === part.id)?.rubric).toEqual(part.rubric);
  });

  it('what no rubric record can say (a total score that is no number) is reported, not written', () => {
    const { edited, part } = editedRubric();
    const rule = part.rubric!.outcomes.flatMap((o) => o.rules).find((r) => r.totalScore)!;
    rule.totalScore = 'ten';
    expect(dropped(edited, 'ims', 'rubric criteria and levels')).toEqual([expect.stringContaining(`part "${part.id}"`)]);
    expect(dropped(edited, 'authored', 'criteria and levels')).toEqual([expect.stringContaining(`part "${part.id}"`)]);
  });
});
