// An edit to a part's neutral person or qualification shows in every export (IMS, Leap2A,
// authored) and reads back the same; an unedited IMS record is written as read. Runs on the
// repo's own example (content/), read through the public API.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPackage, readPortfolio, type Portfolio } from '../../src/index.ts';
import { imsRecordOf } from '../../src/model/ims/person-out.ts';
import { zipFiles } from '../../src/write/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'vitrine-neutral-'));
let original: Portfolio;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  original = (await readPortfolio(resolve(import.meta.dirname, '../../content'))).value!;
});

const owner = (p: Portfolio) => p.parts.find((x) => x.kind === 'identification')!;

/** Writes an export's files to a folder (authored) or a zip (IMS, Leap2A) and reads it back. */
async function roundTrip(p: Portfolio, format: 'ims' | 'leap2a' | 'authored'): Promise<{ text: string; back: Portfolio }> {
  const r = exportPackage(p, format);
  const files = r.value!;
  const text = [...files].filter(([k]) => /\.(xml|md|yaml|atom)$/.test(k)).map(([, v]) => new TextDecoder().decode(v)).join('\n');
  let input: string;
  if (format === 'authored') {
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
