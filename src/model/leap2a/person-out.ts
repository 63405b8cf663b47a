/** A neutral person → `leap2:persondata` and `leap2:spatial` elements (for parts whose person is not, or no longer, what their Leap2A elements say). */
import { el, text, type XmlElement } from '../../formats/xml/tree.ts';
import { LEAP2 } from '../../formats/leap2a/index.ts';
import type { Part, Person } from '../types.ts';

function persondata(field: string, value: string): XmlElement {
  return { ...el(LEAP2, 'persondata', [{ ns: LEAP2, name: 'field', value: field, prefix: 'leap2' }], [text(value)]), prefix: 'leap2' };
}
const leap = (name: string, value: string): XmlElement => ({ ...el(LEAP2, name, [], [text(value)]), prefix: 'leap2' });

/** The person data Leap2A can carry: names, e-mail, web, phones, address, birth date, gender. */
export function personDataFromPerson(p: Person): XmlElement[] {
  const out: XmlElement[] = [];
  for (const n of p.names) {
    if (n.full) out.push(persondata('full_name', n.full));
    else {
      for (const part of n.parts ?? []) {
        if (!part.value) continue;
        const type = part.type?.toLowerCase() ?? '';
        out.push(persondata(/first|given/.test(type) ? 'legal_given_name' : /last|family|sur/.test(type) ? 'legal_family_name' : 'other', part.value));
      }
      if (!n.parts) {
        if (n.given) out.push(persondata('legal_given_name', n.given));
        if (n.family) out.push(persondata('legal_family_name', n.family));
      }
    }
  }
  for (const c of p.contacts) {
    const field = { email: 'email', web: 'website', phone: 'homephone', mobile: 'mobile', fax: 'fax' }[c.kind as string];
    if (field) out.push(persondata(field, c.value));
  }
  if (p.birthDate) out.push(persondata('dob', p.birthDate));
  if (p.gender) out.push(persondata('gender', p.gender));
  const a = p.addresses[0];
  if (a) {
    const lines = [a.unfielded, a.street, a.apartment, a.pobox, a.locality, a.city, a.state, a.region, a.text].filter((x): x is string => !!x);
    const children = [...lines.map((l) => leap('addressline', l)), ...(a.postcode ? [leap('postcode', a.postcode)] : []), ...(a.country ? [leap('country', a.country)] : [])];
    if (children.length) out.push({ ...el(LEAP2, 'spatial', [], children), prefix: 'leap2' });
  }
  return out;
}

/** The name of an identification part: its formatted name, else its name parts joined. */
export function personName(part: Pick<Part, 'person'>): string | undefined {
  const names = part.person?.names ?? [];
  return names.find((n) => n.full)?.full ?? (names.map((n) => (n.parts ?? []).map((x) => x.value).filter(Boolean).join(' ')).find(Boolean) || undefined);
}

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const key = (v: unknown): string => JSON.stringify(v ?? null, (_k, x: unknown) => (isObj(x) ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/** Whether two persons say the same, whatever order their keys were set in. */
export function samePerson(a: Person | undefined, b: Person | undefined): boolean {
  return key(a) === key(b);
}
