/**
 * Personal data a set of parts exposes: what the build lists before publishing (DESIGN:
 * "the build lists the personal data it exposes"). Found by the structure IMS LIP gives it
 * (identification: formname, name, address, contactinfo, demographics, agent; contact details
 * of assertion and reflexion authors; security keys) and by every part's source ids.
 */
import type { Part } from '../model/types.ts';
import type { PersonalDataItem } from './types.ts';

type Obj = Record<string, unknown>;
type Kind = PersonalDataItem['kind'];

const isObject = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A LIP string: plain, or `{ value, lang }`. */
function str(x: unknown): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (isObject(x) && typeof x.value === 'string') return x.value.trim() || undefined;
  return undefined;
}

/** The value of a LIP typename (`{ value: { value: 'Birth' } }`). */
function termValue(x: unknown): string | undefined {
  return isObject(x) ? str(x.value) : undefined;
}

function phone(x: Obj): string | undefined {
  const number = [str(x.areacode), str(x.indnumber)].filter(Boolean).join(' ');
  if (!number) return undefined;
  const cc = str(x.countrycode);
  const ext = str(x.extnumber);
  return `${cc ? `+${cc} ` : ''}${number}${ext ? ` ext. ${ext}` : ''}`;
}

function address(x: Obj): string | undefined {
  const s = isObject(x.street) ? x.street : {};
  const join = (o: Obj, keys: string[]) => keys.map((k) => str(o[k])).filter(Boolean).join(' ');
  const geo = isObject(x.geo) && str(x.geo.lat) && str(x.geo.lon) ? `${str(x.geo.lat)}, ${str(x.geo.lon)}` : '';
  const lines = [
    str(x.pobox),
    join(s, ['nonfieldedstreetaddress', 'complex']),
    join(s, ['streetnumber', 'streetprefix', 'streetname', 'streetype', 'streetsuffix']),
    join(s, ['apttype', 'aptnumprefix', 'aptnumber', 'aptnumsuffix']),
    str(x.locality),
    join(x, ['postcode', 'city']),
    str(x.statepr),
    str(x.region),
    str(x.country),
    geo,
  ].filter(Boolean);
  return lines.length ? lines.join(', ') : undefined;
}

const PHONES = new Set(['telephone', 'facsimile', 'mobile', 'pager']);
const ADDRESS_FIELDS = ['street', 'city', 'postcode', 'locality', 'pobox', 'geo', 'country'];

/** Walks an IMS record, reporting personal data by the element names that carry it. */
function walk(x: unknown, found: (kind: Kind, value: string | undefined) => void): void {
  if (Array.isArray(x)) {
    for (const item of x) {
      // Choice items are `{ el, value }`: the element name says what the value is.
      if (isObject(item) && typeof item.el === 'string' && 'value' in item) visit(item.el, item.value, found);
      else walk(item, found);
    }
  } else if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) visit(k, v, found);
  }
}

function visit(name: string, v: unknown, found: (kind: Kind, value: string | undefined) => void): void {
  if (name === 'email' || name === 'web') return found(name, str(v));
  if (PHONES.has(name) && isObject(v)) return found('phone', phone(v));
  if (name === 'formname' && isObject(v)) return found('name', str(v.text));
  if (name === 'name' && isObject(v) && Array.isArray(v.partnames)) {
    return found('name', v.partnames.map((p) => (isObject(p) ? str(p.text) : undefined)).filter(Boolean).join(' '));
  }
  if (name === 'address' && isObject(v) && ADDRESS_FIELDS.some((k) => v[k] !== undefined)) return found('address', address(v));
  if (name === 'demographics' && isObject(v)) {
    for (const d of Array.isArray(v.dates) ? v.dates : []) {
      if (isObject(d) && termValue(d.typename)?.toLowerCase() === 'birth') found('birth-date', str(d.datetime));
    }
    found('birth-place', str(v.placeofbirth));
    if (isObject(v.gender)) found('gender', str(v.gender.gender));
    found('identifier', str(v.uid));
    return;
  }
  if (name === 'agent' && isObject(v)) return found('identifier', str(v.agentid));
  if (name === 'registrationno') return found('identifier', str(v));
  if (name === 'keyfields' && Array.isArray(v)) {
    for (const f of v) {
      if (!isObject(f)) continue;
      const label = isObject(f.label) ? termValue(f.label.typename) : undefined;
      const data = str(f.data);
      if (data) found('security-key', label ? `${label}: ${data}` : data);
    }
    return;
  }
  walk(v, found);
}

/** Lists the personal data the parts expose, in part order, without repeats. */
export function findPersonalData(parts: readonly Part[]): PersonalDataItem[] {
  const out: PersonalDataItem[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const found = (kind: Kind, value: string | undefined) => {
      if (!value) return;
      const key = `${kind}\u0000${value}`;
      if (seen.has(`${part.id}\u0000${key}`)) return;
      seen.add(`${part.id}\u0000${key}`);
      out.push({ kind, partId: part.id, value });
    };
    if (part.sourcedId) found('identifier', part.sourcedId.id);
    for (const d of part.dates) if (d.type?.value.toLowerCase() === 'birth') found('birth-date', d.value);
    if (part.ims) walk(part.ims.record, found);
  }
  return out;
}
