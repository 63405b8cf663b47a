/**
 * Neutral person and qualification → the IMS record, on export. How the two reconcile: the
 * record is the lossless copy of what was read, the neutral fields are the truth. When the
 * neutral fields still say what the record says, the record is written as it is (an IMS → IMS
 * round trip changes nothing). When they differ (an edit, or a part from another format), each
 * record item whose names, contacts and addresses are all still in the person is kept in place;
 * the others are dropped; what the person has beyond the kept items is written as new items at
 * the start of the record; birth data is set on the demographics item. Agent ids and uids stay
 * as the record has them.
 */
import type { Address, Contact, Part, Person, PersonName, Qualification } from '../types.ts';
import { CONTACT_KINDS, personFromRecord } from './person.ts';
import { qualificationFromRecord } from './facts.ts';
import { applyRubric } from './rubric-out.ts';

type Obj = Record<string, unknown>;
type Item = { el: string; value: Obj | string };

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
/** JSON with keys sorted, so that two equal values give one string whatever order their keys were set in. */
const key = (v: unknown): string => JSON.stringify(v ?? null, (_k, x: unknown) => (isObj(x) ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const same = (a: unknown, b: unknown) => key(a) === key(b);
const emptyPerson = (): Person => ({ names: [], contacts: [], addresses: [], webLinks: [] });
const typename = (value: string) => ({ source: { sourcetype: 'imsdefault' }, value: { value } });
const lang = (value: string, l?: string) => (l ? { value, lang: l } : { value });

function nameItem(n: PersonName): Item | undefined {
  const head = n.type ? { typename: typename(n.type) } : {};
  if (n.full) return { el: 'formname', value: { ...head, text: lang(n.full, n.lang) } };
  const parts = n.parts ?? [
    ...(n.prefix ? [{ type: 'Prefix', value: n.prefix }] : []),
    ...(n.given ? [{ type: 'First', value: n.given }] : []),
    ...(n.other ?? []).map((value) => ({ type: 'Middle', value })),
    ...(n.family ? [{ type: 'Last', value: n.family }] : []),
    ...(n.suffix ? [{ type: 'Suffix', value: n.suffix }] : []),
  ];
  if (!parts.length) return undefined;
  return { el: 'name', value: { ...head, partnames: parts.map((p) => ({ ...(p.type ? { typename: typename(p.type) } : {}), text: lang(p.value, n.lang) })) } };
}

const ELEMENT_OF: Partial<Record<Contact['kind'], string>> = Object.fromEntries(Object.entries(CONTACT_KINDS).map(([el, kind]) => [kind, el]));

function contactItem(c: Contact): Item | undefined {
  const el = ELEMENT_OF[c.kind];
  if (!el) return undefined;
  const value = c.kind === 'email' || c.kind === 'web' ? c.value : { areacode: '', indnumber: c.value };
  return { el: 'contactinfo', value: { ...(c.label ? { typename: typename(c.label) } : {}), items: [{ el, value }] } };
}

function addressItem(a: Address): Item {
  const v: Obj = a.label ? { typename: typename(a.label) } : {};
  if (a.pobox) v.pobox = lang(a.pobox);
  const street = [a.unfielded, a.street, a.apartment, a.text].filter(Boolean).join(' ');
  if (street) v.street = { nonfieldedstreetaddress: lang(street) };
  if (a.locality) v.locality = lang(a.locality);
  if (a.city) v.city = lang(a.city);
  if (a.state) v.statepr = lang(a.state);
  if (a.region) v.region = lang(a.region);
  if (a.country) v.country = lang(a.country);
  if (a.postcode) v.postcode = lang(a.postcode);
  const geo = a.geo?.split(',').map((x) => x.trim());
  if (geo?.length === 2) v.geo = { lat: geo[0], lon: geo[1] };
  return { el: 'address', value: v };
}

/** Removes each of `entries` from `pool` when all are there; false (pool untouched) otherwise. */
function consume(pool: string[], entries: unknown[]): boolean {
  const left = [...pool];
  for (const e of entries) {
    const i = left.indexOf(key(e));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  pool.splice(0, pool.length, ...left);
  return true;
}

function setDemographics(v: Obj, p: Person): void {
  const dates = (Array.isArray(v.dates) ? v.dates : []).filter((d) => !(isObj(d) && isObj(d.typename) && isObj(d.typename.value) && String(d.typename.value.value).toLowerCase() === 'birth'));
  if (p.birthDate) dates.push({ typename: typename('Birth'), datetime: p.birthDate });
  if (dates.length) v.dates = dates;
  else delete v.dates;
  if (p.gender) v.gender = { gender: p.gender };
  else delete v.gender;
  if (p.birthPlace) v.placeofbirth = lang(p.birthPlace);
  else delete v.placeofbirth;
}

/** Writes a person into an identification record (see the module comment for the rule). */
export function applyPerson(person: Person | undefined, r: Obj): void {
  const fresh = personFromRecord(r);
  if (same(person, fresh)) return;
  const want = person ?? emptyPerson();
  const names = want.names.map(key);
  const contacts = want.contacts.map(key);
  const addresses = want.addresses.map(key);
  const kept: Item[] = [];
  let demographics: Obj | undefined;
  for (const it of (Array.isArray(r.items) ? r.items : []) as Item[]) {
    if (it.el === 'demographics' && isObj(it.value)) {
      if (!demographics) {
        demographics = structuredClone(it.value);
        kept.push({ el: it.el, value: demographics });
      } else kept.push(it);
      continue;
    }
    if (!['formname', 'name', 'contactinfo', 'address'].includes(it.el)) {
      kept.push(it);
      continue;
    }
    const got = personFromRecord({ items: [it] }) ?? emptyPerson();
    const ok = consume(names, got.names) && consume(contacts, got.contacts) && consume(addresses, got.addresses);
    if (ok) kept.push(it);
  }
  const added: Item[] = [
    ...names.map((x) => nameItem(JSON.parse(x) as PersonName)),
    ...contacts.map((x) => contactItem(JSON.parse(x) as Contact)),
    ...addresses.map((x) => addressItem(JSON.parse(x) as Address)),
  ].filter((x): x is Item => !!x);
  if (demographics) setDemographics(demographics, want);
  else if (want.birthDate || want.gender || want.birthPlace) {
    const v: Obj = {};
    setDemographics(v, want);
    kept.push({ el: 'demographics', value: v });
  }
  r.items = [...added, ...kept];
}

/** Writes a qualification's level, awarding body and registration number into a qcl record where they differ from it. */
export function applyQualification(q: Qualification | undefined, r: Obj): void {
  const fresh = qualificationFromRecord(r) ?? {};
  const want = q ?? {};
  if (want.level !== fresh.level || (want.level && want.lang !== fresh.lang)) {
    if (want.level) r.level = { text: lang(want.level, want.lang) };
    else delete r.level;
  }
  if (want.awardingBody !== fresh.awardingBody) {
    const org = isObj(r.organization) ? r.organization : {};
    const desc = isObj(org.description) ? org.description : {};
    if (want.awardingBody) r.organization = { ...org, description: { ...desc, short: lang(want.awardingBody) } };
    else if (isObj(r.organization) && isObj(org.description)) delete desc.short;
  }
  if (want.registrationNo !== fresh.registrationNo) {
    if (want.registrationNo) r.registrationno = want.registrationNo;
    else delete r.registrationno;
  }
}

/** Writes a part's neutral person (identification), qualification (qcl) and rubric into its IMS record. */
export function applyNeutralToRecord(part: Part, r: Obj): void {
  if (part.kind === 'identification') applyPerson(part.person, r);
  if (part.kind === 'qcl') applyQualification(part.qualification, r);
  if (part.kind === 'rubric') applyRubric(part.rubric, r);
}

/** The part's IMS record as an IMS export writes it: a copy with the neutral fields applied. */
export function imsRecordOf(part: Part): Obj {
  const r = structuredClone(part.ims?.record ?? {}) as Obj;
  applyNeutralToRecord(part, r);
  return r;
}
