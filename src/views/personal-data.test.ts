import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readPortfolio } from '../index.ts';
import type { Part, Portfolio } from '../model/types.ts';
import { findPersonalData } from './personal-data.ts';
import { neutralFromIms } from '../model/ims/facts.ts';

let content: Portfolio;
beforeAll(async () => {
  content = (await readPortfolio(resolve(import.meta.dirname, '../../content'))).value!;
});

const byId = (id: string) => content.parts.find((p) => p.id === id)!;

/** A part read from an IMS record by the IMS mapping, which fills the neutral person the listing reads. */
function part(id: string, record: Record<string, unknown>, extra: Partial<Part> = {}): Part {
  const p: Part = { id, kind: 'identification', slug: id, dates: [], rationale: [], tags: [], files: [], extensions: [], ims: { element: 'identification', record }, ...extra };
  neutralFromIms(p);
  return p;
}

describe('findPersonalData', () => {
  it('finds everything the example identification exposes', () => {
    expect(findPersonalData([byId('identification_lea')])).toEqual([
      { kind: 'name', partId: 'identification_lea', value: 'Léa Moreau-Lindqvist' },
      { kind: 'name', partId: 'identification_lea', value: 'Léa Åsa Moreau-Lindqvist' },
      { kind: 'address', partId: 'identification_lea', value: '7 rue des Imprimeurs-Fictifs, Atelier 3, 69004 Lyon, Auvergne-Rhône-Alpes, France' },
      { kind: 'email', partId: 'identification_lea', value: 'lea@moreau-lindqvist.example' },
      { kind: 'phone', partId: 'identification_lea', value: '+33 4 65 71 20 89' },
      { kind: 'web', partId: 'identification_lea', value: 'https://moreau-lindqvist.example/' },
      { kind: 'birth-date', partId: 'identification_lea', value: '1988-11-23T00:00:00' },
      { kind: 'birth-place', partId: 'identification_lea', value: 'Uppsala, Sverige' },
      { kind: 'gender', partId: 'identification_lea', value: 'F' },
    ]);
  });

  it('finds source ids, security keys and the contact details of assertion authors', () => {
    const found = findPersonalData([byId('activity_editorial_studio'), byId('securitykey_openpgp'), byId('assertion_tutor_poster'), byId('qcl_master_design')]);
    expect(found).toEqual([
      { kind: 'identifier', partId: 'activity_editorial_studio', value: 'ELD-MA2-EDI-2013' },
      { kind: 'security-key', partId: 'securitykey_openpgp', value: 'Algorithm: ed25519' },
      { kind: 'security-key', partId: 'securitykey_openpgp', value: expect.stringMatching(/^Fingerprint: 0000/) },
      { kind: 'email', partId: 'assertion_tutor_poster', value: 'h.alund@ecole-lumiere.example' },
      // The source id and the registration number are the same: listed once.
      { kind: 'identifier', partId: 'qcl_master_design', value: 'ELD-MA-2014-0457' },
    ]);
  });

  it('finds agents, uids, other phones, geo positions and birth dates outside the record', () => {
    const p = part(
      'who',
      {
        items: [
          { el: 'agent', value: { agentid: 'AG-7', agentdomain: {} } },
          { el: 'demographics', value: { uid: 'U-1', dates: [{ typename: { value: { value: 'birth' } }, datetime: '2001-02-03' }] } },
          { el: 'contactinfo', value: { items: [{ el: 'mobile', value: { areacode: '6', indnumber: '12 34' } }, { el: 'telephone', value: { countrycode: '1', areacode: '555', indnumber: '0100', extnumber: '22' } }] } },
          { el: 'address', value: { geo: { lat: '45.76', lon: '4.83' } } },
        ],
      },
      { dates: [{ type: { value: 'Birth' }, value: '2001-02-03' }] },
    );
    expect(findPersonalData([p]).map((d) => `${d.kind}=${d.value}`)).toEqual([
      // Listed in the neutral person's order: names, addresses, contacts, birth data, identifiers.
      'birth-date=2001-02-03',
      'address=45.76, 4.83',
      'phone=6 12 34',
      'phone=+1 555 0100 ext. 22',
      'identifier=AG-7',
      'identifier=U-1',
    ]);
  });

  it('finds nothing in parts without personal data', () => {
    expect(findPersonalData([byId('competency_typography'), byId('product_poster_nord')])).toEqual([]);
  });
});
