/**
 * Leap2A person data → the neutral person of an identification part, so that a person from
 * Leap2A shows its name and contact details on the site, is found by the personal-data listing,
 * and exports to other formats. The Leap2A elements themselves stay verbatim in the part's
 * `leap2a.elements` (person-out.ts writes them back, or anew when the person was edited).
 */
import { attr, childElements, ownText, type XmlElement } from '../../formats/xml/tree.ts';
import { LEAP2 } from '../../formats/leap2a/index.ts';
import type { Address, Contact, Person } from '../types.ts';
import { nameOfParts } from '../ims/person.ts';

/** The person `leap2:persondata` and `leap2:spatial` elements give; undefined when there are none. */
export function personFromPersondata(elements: XmlElement[], fallbackName: string | undefined): Person | undefined {
  const data = elements.filter((e) => e.ns === LEAP2 && e.name === 'persondata');
  const spatial = elements.find((e) => e.ns === LEAP2 && e.name === 'spatial');
  if (!data.length && !spatial && !fallbackName) return undefined;
  const p: Person = { names: [], contacts: [], addresses: [], webLinks: [] };
  const field = (f: string) => data.filter((e) => (attr(e, 'field', LEAP2) ?? '') === f).map((e) => ownText(e).trim()).filter(Boolean);
  const full = field('full_name')[0] ?? field('preferred_given_name')[0];
  const given = field('legal_given_name')[0];
  const family = field('legal_family_name')[0];
  if (given || family) p.names.push(nameOfParts([...(given ? [{ type: 'First', value: given }] : []), ...(family ? [{ type: 'Last', value: family }] : [])], undefined));
  if (full) p.names.push({ full });
  else if (!given && !family && fallbackName) p.names.push({ full: fallbackName });
  const contacts: Contact[] = [];
  for (const v of field('email')) contacts.push({ kind: 'email', value: v });
  for (const v of field('website')) contacts.push({ kind: 'web', value: v });
  for (const f of ['homephone', 'workphone', 'mobile', 'fax']) {
    for (const v of field(f)) contacts.push({ kind: f === 'mobile' ? 'mobile' : f === 'fax' ? 'fax' : 'phone', value: v });
  }
  p.contacts = contacts;
  if (spatial) {
    const lines = childElements(spatial).filter((e) => e.name === 'addressline').map((e) => ownText(e).trim()).filter(Boolean);
    const country = childElements(spatial).find((e) => e.name === 'country');
    const postcode = childElements(spatial).find((e) => e.name === 'postcode');
    const a: Address = {};
    if (lines.length) a.unfielded = lines.join(', ');
    if (postcode && ownText(postcode).trim()) a.postcode = ownText(postcode).trim();
    if (country && ownText(country).trim()) a.country = ownText(country).trim();
    if (Object.keys(a).length) p.addresses.push(a);
  }
  const dob = field('dob')[0];
  if (dob) p.birthDate = dob;
  const gender = field('gender')[0];
  if (gender) p.gender = gender;
  const place = data.find((e) => /placeofbirth/i.test(e.attrs.find((a) => a.name === 'field' && a.ns !== LEAP2)?.value ?? ''));
  if (place && ownText(place).trim()) p.birthPlace = ownText(place).trim();
  return p;
}
