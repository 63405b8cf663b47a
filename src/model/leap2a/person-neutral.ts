/**
 * Leap2A person data (`leap2:persondata`, `leap2:spatial`, Mahara's own fields) as the neutral
 * `Person`. Values are kept as written: a birth date Mahara wrote as a label alone ("2/09/1999")
 * stays that text (model/dates.ts reads it), a gender code stays a code (pages show words).
 */
import { attr, childElements, ownText, type XmlElement } from '../../formats/xml/tree.ts';
import { LEAP2, MAHARA } from '../../formats/leap2a/index.ts';
import type { Contact, Person } from '../types.ts';

const CONTACT_OF_FIELD: Readonly<Record<string, { kind: Contact['kind']; label?: string }>> = {
  email: { kind: 'email' },
  homephone: { kind: 'phone', label: 'Home' },
  workphone: { kind: 'phone', label: 'Work' },
  mobile: { kind: 'mobile' },
  fax: { kind: 'fax' },
  website: { kind: 'web' },
  blogaddress: { kind: 'web', label: 'Blog' },
};

/** The person an entry's person data describes; undefined when it has none and no name. */
export function personFromPersondata(elements: XmlElement[], title: string | undefined): Person | undefined {
  const data = elements.filter((e) => e.ns === LEAP2 && e.name === 'persondata');
  if (!data.length && !title) return undefined;
  // A field is leap2:field, or Mahara's own mahara:field for what Leap2A has no word for.
  const fieldOf = (e: XmlElement) => attr(e, 'field', LEAP2) ?? attr(e, 'field', MAHARA) ?? attr(e, 'field') ?? '';
  // A date Mahara wrote as a label alone: the label is the value as written.
  const valueOf = (e: XmlElement) => ownText(e).trim() || (attr(e, 'label', LEAP2) ?? '').trim();
  const values = (f: string) => data.filter((e) => fieldOf(e) === f).map(valueOf).filter(Boolean);
  const given = values('legal_given_name')[0];
  const family = values('legal_family_name')[0];
  const preferred = values('preferred_given_name')[0] ?? values('preferredname')[0];
  const full = values('full_name')[0] ?? ([preferred ?? given, family].filter(Boolean).join(' ') || title);
  const person: Person = { names: [{ ...(full ? { full } : {}), ...(given ? { given } : {}), ...(family ? { family } : {}) }], contacts: [], addresses: [], webLinks: [] };
  for (const e of data) {
    const c = CONTACT_OF_FIELD[fieldOf(e)];
    const v = valueOf(e);
    if (c && v) person.contacts.push({ kind: c.kind, value: v, ...(c.label ? { label: c.label } : {}) });
  }
  const dob = values('dob')[0];
  if (dob) person.birthDate = dob;
  const gender = values('gender')[0];
  if (gender) person.gender = gender;
  const headline = values('occupation')[0] ?? values('job_title')[0];
  if (headline) person.headline = { value: headline };
  const spatial = elements.find((e) => e.ns === LEAP2 && e.name === 'spatial');
  if (spatial) {
    const kid = (n: string) => childElements(spatial).filter((c) => c.name === n).map((c) => ownText(c).trim()).filter(Boolean);
    const lines = kid('addressline');
    const address = { ...(lines.length ? { street: lines.join(', ') } : {}), ...(kid('postcode')[0] ? { postcode: kid('postcode')[0]! } : {}), ...(kid('country')[0] ? { country: kid('country')[0]! } : {}) };
    if (Object.keys(address).length) person.addresses.push(address);
  }
  return person;
}
