/**
 * JSON Resume → Portfolio (docs/jsonresume-mapping.md). `basics` becomes the identification
 * (a neutral `person`); each entry of a list section becomes one part, with its keys on the
 * part's neutral fields through the table in fields.ts; employers become affiliations and
 * degrees qualifications, marked `derived`. Every key with no neutral field, or a value
 * without the schema's shape, is kept verbatim in the part's `jsonresume.extra` and written
 * back, so resume.json → Vitrine → resume.json gives the same résumé.
 */
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import type { SourceBundle } from '../../read/index.ts';
import { displayPath } from '../../read/index.ts';
import { isJsonObject, locateJson, type Json, type JsonObject, type JsonResumeDocument } from '../../formats/jsonresume/index.ts';
import { assignSlugs, slugify } from '../slug.ts';
import { makeFile } from '../files.ts';
import type { Part, PartKind, Person, Portfolio, PortfolioFile, Relation } from '../types.ts';
import { fits, SECTION_WORD, SECTIONS } from './fields.ts';

interface Cx {
  doc: JsonResumeDocument;
  bundle: SourceBundle;
  bag: DiagnosticBag;
  parts: Part[];
  relations: Relation[];
  files: PortfolioFile[];
  organisations: Map<string, string>;
}

const newPart = (id: string, kind: PartKind, section: string, origin: Location): Part => ({
  id,
  kind,
  slug: '',
  dates: [],
  rationale: [],
  tags: [],
  files: [],
  extensions: [],
  jsonresume: { section },
  origin,
});

/** Reads a JSON Resume document into a Portfolio. */
export function portfolioFromJsonResume(doc: JsonResumeDocument, bundle: SourceBundle, bag: DiagnosticBag, fallbackId: string): Portfolio {
  const cx: Cx = { doc, bundle, bag, parts: [], relations: [], files: [], organisations: new Map() };
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc.resume)) {
    if (key === 'basics' && isJsonObject(value)) readBasics(cx, value);
    else if (key in SECTIONS && Array.isArray(value) && value.length && value.every(isJsonObject)) value.forEach((e, i) => readEntry(cx, key, e as JsonObject, i));
    else {
      if ((key === 'basics' || key in SECTIONS) && !(Array.isArray(value) && !value.length)) warn(cx, [key], `"${key}" should be ${key === 'basics' ? 'an object' : 'a list of objects'}; kept as written, not shown`);
      extra[key] = value;
    }
  }
  const slugs = assignSlugs(cx.parts.map((p) => p.id));
  for (const p of cx.parts) p.slug = slugs.get(p.id)!;
  const basics = isJsonObject(doc.resume.basics) ? doc.resume.basics : undefined;
  const name = typeof basics?.name === 'string' && basics.name ? basics.name : undefined;
  return {
    id: slugify(name ?? fallbackId),
    ...(name ? { title: name } : {}),
    parts: cx.parts,
    relations: cx.relations,
    files: cx.files,
    extensions: [],
    jsonresume: { extra },
  };
}

function warn(cx: Cx, path: (string | number)[], message: string): void {
  const file = displayPath(cx.bundle, cx.doc.path);
  cx.bag.add('JsonResumeValueInvalid', `${path.join('.')}: ${message}`, { file, ...locateJson(cx.doc, path) });
}

/** Where an entry is: the file and a JSON pointer to it, as diagnostics about it show it. */
function origin(cx: Cx, path: (string | number)[]): Location {
  return { file: `${displayPath(cx.bundle, cx.doc.path)}#/${path.join('/')}` };
}

/** Maps the keys of one entry through its section's table; returns what is left, verbatim. */
function mapFields(cx: Cx, section: string, part: Part, entry: JsonObject, path: (string | number)[]): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...entry };
  for (const f of SECTIONS[section]!.fields) {
    if (!(f.key in entry)) continue;
    const v = entry[f.key];
    if (fits(f.shape, v)) {
      f.set(part, v as string & string[]);
      delete rest[f.key];
    } else if (v !== '' && !(Array.isArray(v) && !v.length)) {
      warn(cx, [...path, f.key], `expected ${f.shape === 'string' ? 'text' : 'a list of texts'}; kept as written, not shown`);
    }
  }
  return rest;
}

function readEntry(cx: Cx, section: string, entry: JsonObject, index: number): void {
  const spec = SECTIONS[section]!;
  const part = newPart(`${section}-${index + 1}`, spec.kind, section, origin(cx, [section, index]));
  const rest = mapFields(cx, section, part, entry, [section, index]);
  if (part.resume || ['work', 'volunteer', 'education'].includes(section)) part.resume = { ...part.resume, section: SECTION_WORD[section]! };
  else part.resume = { section: SECTION_WORD[section]! };
  if (Object.keys(rest).length) part.jsonresume!.extra = rest;
  const r = part.resume;
  // A CV line reads "role, organisation": the title of an employment or a degree is its role.
  if (!part.title && ['work', 'volunteer', 'education'].includes(section) && (r.role || r.organisation)) part.title = { value: r.role ?? r.organisation! };
  cx.parts.push(part);
  if ((section === 'work' || section === 'volunteer') && r.organisation) relate(cx, part, organisationPart(cx, r.organisation, part.origin!), 'IsPartOf');
  if (section === 'education' && (r.role || r.area)) {
    const q = newPart(`${part.id}-qualification`, 'qcl', section, part.origin!);
    q.jsonresume!.derived = true;
    q.title = { value: [r.role, r.area].filter(Boolean).join(', ') };
    q.qualification = { ...(r.organisation ? { awardingBody: r.organisation } : {}), ...(r.score ? { score: r.score } : {}) };
    const end = part.dates.find((d) => d.type?.value === 'Finish');
    if (end) {
      q.qualification.date = end.value;
      q.dates.push({ type: { value: 'Award' }, value: end.value });
    }
    cx.parts.push(q);
    relate(cx, q, part, 'IsPartOf');
  }
}

/** The affiliation of an employer or volunteer organisation, one per name. */
function organisationPart(cx: Cx, name: string, from: Location): Part {
  const known = cx.organisations.get(name);
  if (known) return cx.parts.find((p) => p.id === known)!;
  let id = `organisation-${slugify(name)}`;
  for (let i = 2; cx.parts.some((p) => p.id === id); i++) id = `organisation-${slugify(name)}-${i}`;
  const org = newPart(id, 'affiliation', 'work', from);
  org.jsonresume!.derived = true;
  org.title = { value: name };
  org.resume = { section: 'membership', organisation: name };
  cx.organisations.set(name, id);
  cx.parts.push(org);
  return org;
}

function relate(cx: Cx, from: Part, to: Part, type: string): void {
  cx.relations.push({ id: `${from.id}-${type.toLowerCase()}-${to.id}`, type, from: from.id, to: [to.id], extensions: [], implicit: true });
}

function readBasics(cx: Cx, b: JsonObject): void {
  const part = newPart('basics', 'identification', 'basics', origin(cx, ['basics']));
  const person: Person = { names: [], contacts: [], addresses: [], webLinks: [] };
  const rest: Record<string, unknown> = { ...b };
  const take = (key: string, use: (v: string) => boolean | void) => {
    const v = b[key];
    if (typeof v === 'string' && v !== '' && use(v) !== false) delete rest[key];
    else if (v !== undefined && v !== '' && typeof v !== 'string' && key !== 'location' && key !== 'profiles') warn(cx, ['basics', key], 'expected text; kept as written, not shown');
  };
  take('name', (v) => void person.names.push({ full: v }));
  take('label', (v) => void (person.headline = { value: v }));
  take('image', (v) => photo(cx, part, person, v));
  take('email', (v) => void person.contacts.push({ kind: 'email', value: v }));
  take('phone', (v) => void person.contacts.push({ kind: 'phone', value: v }));
  take('url', (v) => void person.contacts.push({ kind: 'web', value: v }));
  take('summary', (v) => void (person.summary = { value: v }));
  const loc = readLocation(b.location);
  if (loc) {
    person.addresses.push(loc.address);
    if (loc.rest) rest.location = loc.rest;
    else delete rest.location;
  }
  const profiles = readProfiles(b.profiles);
  if (profiles) {
    person.webLinks.push(...profiles.links);
    if (profiles.rest) rest.profiles = profiles.rest;
    else delete rest.profiles;
  }
  part.person = person;
  if (Object.keys(rest).length) part.jsonresume!.extra = rest;
  cx.parts.unshift(part);
}

/** An `image` naming a file beside resume.json becomes the photo; a URL stays as written (a build never fetches). */
function photo(cx: Cx, part: Part, person: Person, v: string): boolean {
  const path = v.replace(/^\.\//, '');
  const file = /^[a-z][a-z0-9+.-]*:|^\/|\.\./i.test(v) ? undefined : cx.bundle.files.get(path);
  if (!file) return false;
  cx.files.push(makeFile(path, file.bytes));
  part.files.push(path);
  person.photo = path;
  return v === path;
}

const LOCATION: [string, 'street' | 'postcode' | 'city' | 'country' | 'region'][] = [
  ['address', 'street'],
  ['postalCode', 'postcode'],
  ['city', 'city'],
  ['countryCode', 'country'],
  ['region', 'region'],
];

function readLocation(v: Json | undefined): { address: Person['addresses'][number]; rest?: JsonObject } | undefined {
  if (!isJsonObject(v)) return undefined;
  const address: Person['addresses'][number] = {};
  const rest: JsonObject = { ...v };
  for (const [key, field] of LOCATION) {
    const s = v[key];
    if (typeof s === 'string' && s !== '') {
      address[field] = s;
      delete rest[key];
    }
  }
  return { address, ...(Object.keys(rest).length ? { rest } : {}) };
}

function readProfiles(v: Json | undefined): { links: Person['webLinks']; rest?: Json[] } | undefined {
  if (!Array.isArray(v) || !v.every(isJsonObject)) return undefined;
  const links: Person['webLinks'] = [];
  const rest: Json[] = [];
  for (const p of v as JsonObject[]) {
    const link: Person['webLinks'][number] = {};
    const left: JsonObject = { ...p };
    for (const key of ['network', 'username', 'url'] as const) {
      const s = p[key];
      if (typeof s === 'string' && s !== '') {
        link[key] = s;
        delete left[key];
      }
    }
    links.push(link);
    rest.push(left);
  }
  return { links, ...(rest.some((r) => Object.keys(r as JsonObject).length) ? { rest } : {}) };
}
