/**
 * IMS LIP record → neutral person: names, contact details, addresses, birth data and agent ids,
 * found by the element names LIP gives them wherever they sit in a part's record (an
 * identification's items, the contact details of an assertion's author). The record itself is
 * left as it is: it stays the lossless copy for IMS → IMS (see person-out.ts for the way back).
 */
import type { Address, Contact, Person, PersonName } from '../types.ts';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A LIP string: plain, or `{ value, lang }`; undefined when empty. */
export function lipStr(x: unknown): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (isObj(x) && typeof x.value === 'string') return x.value.trim() || undefined;
  return undefined;
}

/** The word of a LIP typename (`{ value: { value: 'Birth' } }`). */
export function typeWord(x: unknown): string | undefined {
  return isObj(x) ? lipStr(x.value) : undefined;
}

/** IMS contactinfo element names → neutral contact kinds. */
export const CONTACT_KINDS: Record<string, Contact['kind']> = { email: 'email', web: 'web', telephone: 'phone', mobile: 'mobile', facsimile: 'fax', pager: 'pager' };

/** A LIP phone number as one line: `+cc area number ext. n`. */
export function phoneText(x: Obj): string | undefined {
  const number = [lipStr(x.areacode), lipStr(x.indnumber)].filter(Boolean).join(' ');
  if (!number) return undefined;
  const cc = lipStr(x.countrycode);
  const ext = lipStr(x.extnumber);
  return `${cc ? `+${cc} ` : ''}${number}${ext ? ` ext. ${ext}` : ''}`;
}

const ADDRESS_FIELDS = ['street', 'city', 'postcode', 'locality', 'pobox', 'geo', 'country'];

function address(x: Obj, label: string | undefined): Address {
  const s = isObj(x.street) ? x.street : {};
  const join = (o: Obj, keys: string[]) => keys.map((k) => lipStr(o[k])).filter(Boolean).join(' ') || undefined;
  const a: Address = {};
  const set = (k: keyof Address, v: string | undefined) => {
    if (v) a[k] = v;
  };
  set('pobox', lipStr(x.pobox));
  set('unfielded', join(s, ['nonfieldedstreetaddress', 'complex']));
  set('street', join(s, ['streetnumber', 'streetprefix', 'streetname', 'streetype', 'streetsuffix']));
  set('apartment', join(s, ['apttype', 'aptnumprefix', 'aptnumber', 'aptnumsuffix']));
  set('locality', lipStr(x.locality));
  set('postcode', lipStr(x.postcode));
  set('city', lipStr(x.city));
  set('state', lipStr(x.statepr));
  set('region', lipStr(x.region));
  set('country', lipStr(x.country));
  set('geo', isObj(x.geo) && lipStr(x.geo.lat) && lipStr(x.geo.lon) ? `${lipStr(x.geo.lat)}, ${lipStr(x.geo.lon)}` : undefined);
  set('label', label);
  return a;
}

/** Given and family names from typed name parts (First/Given, Last/Family/Surname). */
export function nameOfParts(parts: { type?: string; value: string }[], type: string | undefined, lang?: string): PersonName {
  const n: PersonName = { parts };
  const given = parts.find((p) => /first|given/i.test(p.type ?? ''))?.value;
  const family = parts.find((p) => /last|family|sur/i.test(p.type ?? ''))?.value;
  if (given) n.given = given;
  if (family) n.family = family;
  if (type) n.type = type;
  if (lang) n.lang = lang;
  return n;
}

function visit(name: string, v: unknown, p: Person, label: string | undefined): void {
  if (CONTACT_KINDS[name]) {
    const value = name === 'email' || name === 'web' ? lipStr(v) : isObj(v) ? phoneText(v) : undefined;
    if (value) p.contacts.push({ kind: CONTACT_KINDS[name]!, value, ...(label ? { label } : {}) });
    return;
  }
  if (name === 'contactinfo' && isObj(v) && Array.isArray(v.items)) {
    const group = typeWord(v.typename);
    for (const it of v.items as unknown[]) if (isObj(it) && typeof it.el === 'string') visit(it.el, it.value, p, group);
    return;
  }
  if (name === 'formname' && isObj(v)) {
    const full = lipStr(v.text);
    const lang = isObj(v.text) && typeof v.text.lang === 'string' ? v.text.lang : undefined;
    const type = typeWord(v.typename);
    if (full) p.names.push({ full, ...(type ? { type } : {}), ...(lang ? { lang } : {}) });
    return;
  }
  if (name === 'name' && isObj(v) && Array.isArray(v.partnames)) {
    const parts = (v.partnames as unknown[]).filter(isObj).map((x) => {
      const type = typeWord(x.typename);
      return { ...(type ? { type } : {}), value: lipStr(x.text) ?? '' };
    });
    p.names.push(nameOfParts(parts, typeWord(v.typename)));
    return;
  }
  if (name === 'address' && isObj(v) && ADDRESS_FIELDS.some((k) => v[k] !== undefined)) {
    p.addresses.push(address(v, typeWord(v.typename)));
    return;
  }
  if (name === 'demographics' && isObj(v)) {
    for (const d of Array.isArray(v.dates) ? v.dates : []) {
      if (isObj(d) && typeWord(d.typename)?.toLowerCase() === 'birth' && lipStr(d.datetime)) p.birthDate ??= lipStr(d.datetime);
    }
    const place = lipStr(v.placeofbirth);
    if (place) p.birthPlace ??= place;
    const gender = isObj(v.gender) ? lipStr(v.gender.gender) : undefined;
    if (gender) p.gender ??= gender;
    const uid = lipStr(v.uid);
    if (uid) (p.identifiers ??= []).push({ kind: 'uid', value: uid });
    return;
  }
  if (name === 'agent' && isObj(v)) {
    const id = lipStr(v.agentid);
    const domain = isObj(v.agentdomain) ? typeWord(v.agentdomain.typename) : undefined;
    if (id || domain) (p.identifiers ??= []).push({ kind: 'agent', value: id ?? '', ...(domain ? { domain } : {}) });
    return;
  }
  walk(v, p);
}

function walk(x: unknown, p: Person): void {
  if (Array.isArray(x)) {
    for (const item of x) {
      // Choice items are `{ el, value }`: the element name says what the value is.
      if (isObj(item) && typeof item.el === 'string' && 'value' in item) visit(item.el, item.value, p, undefined);
      else walk(item, p);
    }
  } else if (isObj(x)) {
    for (const [k, v] of Object.entries(x)) visit(k, v, p, undefined);
  }
}

/** True when a person holds nothing. */
export function isEmptyPerson(p: Person): boolean {
  return !p.names.length && !p.contacts.length && !p.addresses.length && !p.webLinks.length && !p.birthDate && !p.birthPlace && !p.gender && !p.identifiers?.length && !p.photo && !p.headline && !p.summary;
}

/** The person data an IMS record carries; undefined when it carries none. */
export function personFromRecord(record: Obj): Person | undefined {
  const p: Person = { names: [], contacts: [], addresses: [], webLinks: [] };
  walk(record, p);
  return isEmptyPerson(p) ? undefined : p;
}
