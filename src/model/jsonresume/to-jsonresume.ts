/**
 * Portfolio → JSON Resume (docs/jsonresume-mapping.md). Parts read from a résumé go back to
 * their section with their kept keys, so the round trip is exact; parts from other formats go
 * where a CV puts them (an activity to work, education or volunteer by its résumé record or
 * type; a qualification to certificates or awards; a product to projects or publications).
 * Evidence survives as the format allows: a competency's keywords gain the titles of the
 * parts that evidence it, and a project links to its page in the published view. What the
 * format has no place for is reported once per kind with ExportFieldDropped.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { RESUME_SECTIONS, type Json, type JsonObject } from '../../formats/jsonresume/index.ts';
import { parseWhen } from '../dates.ts';
import type { Part, Person, Portfolio } from '../types.ts';
import { plain, SECTION_WORD, SECTIONS } from './fields.ts';

/** Options of the writer. */
export interface JsonResumeWriteOptions {
  /** Absolute URL of the published view's folder (ending in `/`), for links to part pages. */
  viewUrl?: string;
}

/** The schema a written résumé names when the input did not name one. */
export const RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

const SECTION_OF_WORD = new Map(Object.entries(SECTION_WORD).map(([s, w]) => [w, s]));
const EVIDENCE = /^(evidences|is_evidence_of|supports|attests)$/i;

/** Writes the portfolio (or a view's parts) as a JSON Resume object. */
export function portfolioToJsonResume(portfolio: Portfolio, bag: DiagnosticBag, options: JsonResumeWriteOptions = {}): JsonObject {
  const dropped = new Map<string, number>();
  const drop = (what: string) => dropped.set(what, (dropped.get(what) ?? 0) + 1);
  const sections = new Map<string, JsonObject[]>();
  let basics: JsonObject | undefined;
  const keywords = evidenceKeywords(portfolio);
  for (const part of portfolio.parts) {
    if (part.jsonresume?.derived) continue;
    if (part.kind === 'identification') {
      if (basics) drop('a second identification');
      else basics = writeBasics(part, drop);
      continue;
    }
    const section = sectionOf(part);
    if (!section) {
      drop(`${part.kind} parts`);
      continue;
    }
    const entry = writeEntry(part, section, drop);
    const more = keywords.get(part.id);
    if (section === 'skills' && more) entry.keywords = [...new Set([...((entry.keywords as string[] | undefined) ?? []), ...more])];
    if (section === 'projects' && entry.url === undefined && options.viewUrl) entry.url = `${options.viewUrl}${part.slug}/index.html`;
    if (!part.jsonresume && part.files.length) drop('attached files');
    if (!part.jsonresume && part.tags.length) drop('tags');
    sections.set(section, [...(sections.get(section) ?? []), entry]);
  }
  const extra = portfolio.jsonresume?.extra ?? { $schema: RESUME_SCHEMA_URL };
  const out: JsonObject = {};
  if ('$schema' in extra) out.$schema = extra.$schema as Json;
  if (basics) out.basics = basics;
  for (const s of RESUME_SECTIONS) if (sections.has(s)) out[s] = sections.get(s)!;
  for (const [k, v] of Object.entries(extra)) if (k !== '$schema') out[k] = v as Json;
  const kept = new Set(portfolio.parts.flatMap((p) => [p.id]));
  const other = portfolio.relations.filter((r) => !r.implicit && !EVIDENCE.test(r.type) && kept.has(r.from)).length;
  if (other) dropped.set('relations other than evidence', other);
  for (const [what, n] of dropped) bag.add('ExportFieldDropped', `${what} (${n}) have no place in a JSON Resume and were left out`);
  return out;
}

/** The section a part goes to, or undefined when JSON Resume has none for it. */
function sectionOf(part: Part): string | undefined {
  const fromRecord = part.jsonresume?.section ?? (part.resume ? SECTION_OF_WORD.get(part.resume.section) : undefined);
  if (fromRecord && fromRecord in SECTIONS && SECTIONS[fromRecord]!.kind === part.kind) return fromRecord;
  const type = `${part.type?.value ?? ''}`;
  switch (part.kind) {
    case 'activity':
      return /educ|course|study|school|degree|training|formation/i.test(type) ? 'education' : /volunt|bénévol/i.test(type) ? 'volunteer' : 'work';
    case 'product':
      return 'projects';
    case 'qcl':
      return 'certificates';
    case 'competency':
      return 'skills';
    case 'interest':
      return 'interests';
    case 'assertion':
      return 'references';
    default:
      return undefined;
  }
}

/** A part as the field table reads it: for parts of other formats, the CV reading of their neutral fields. */
function asResumePart(part: Part, section: string): Part {
  if (part.jsonresume) return part;
  const r = { ...(part.resume ?? { section: SECTION_WORD[section]! }) };
  const title = part.title?.value ?? part.description?.short?.value;
  if (['work', 'volunteer', 'education'].includes(section)) r.role ??= title;
  if (part.qualification?.awardingBody) r.organisation ??= part.qualification.awardingBody;
  if (part.qualification?.score) r.score ??= part.qualification.score;
  const dates = [...part.dates];
  if (part.qualification?.date && !dates.some((d) => d.type?.value.toLowerCase() === 'award')) dates.push({ type: { value: 'Award' }, value: part.qualification.date });
  return { ...part, resume: r, dates };
}

function writeEntry(part: Part, section: string, drop: (what: string) => void): JsonObject {
  const p = asResumePart(part, section);
  const entry: JsonObject = {};
  for (const f of SECTIONS[section]!.fields) {
    const v = f.get(p);
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    // JSON Resume dates are ISO 8601, partial allowed; a free-text date of another format has no place.
    if (/date$/i.test(f.key) && typeof v === 'string' && !part.jsonresume) {
      const when = parseWhen(v);
      if (when.kind !== 'exact') drop('free-text dates');
      // A timestamp becomes its calendar date: the schema's pattern stops at the day.
      else entry[f.key] = when.iso;
      continue;
    }
    entry[f.key] = v;
  }
  if (section === 'work' && !part.jsonresume && !entry.name && part.resume?.organisation) entry.name = part.resume.organisation;
  return merge(entry, part.jsonresume?.extra) as JsonObject;
}

function writeBasics(part: Part, drop: (what: string) => void): JsonObject {
  const person: Person = part.person ?? { names: [], contacts: [], addresses: [], webLinks: [] };
  const out: JsonObject = {};
  const n = person.names[0];
  const name = n?.full ?? [n?.prefix, n?.given, ...(n?.other ?? []), n?.family, n?.suffix].filter(Boolean).join(' ');
  if (name) out.name = name;
  if (person.headline) out.label = person.headline.value;
  if (person.photo && part.jsonresume) out.image = person.photo;
  else if (person.photo) drop('the photo (JSON Resume wants its URL)');
  const first = (kind: string) => person.contacts.find((c) => c.kind === kind)?.value;
  const email = first('email');
  const phone = first('phone') ?? first('mobile');
  const url = first('web');
  if (email) out.email = email;
  if (phone) out.phone = phone;
  if (url) out.url = url;
  if (person.summary) out.summary = plain(part, person.summary.value)!;
  const a = person.addresses[0];
  if (a) {
    const loc: JsonObject = {};
    const street = a.street ?? a.text;
    if (street) loc.address = street;
    if (a.postcode) loc.postalCode = a.postcode;
    if (a.city ?? a.locality) loc.city = (a.city ?? a.locality)!;
    // A résumé's own countryCode goes back as written; another format's country is named by its code.
    const code = a.country ? (part.jsonresume ? a.country : countryCode(a.country)) : undefined;
    if (code) loc.countryCode = code;
    else if (a.country) drop('a country not named by its ISO 3166 code');
    if (a.region) loc.region = a.region;
    out.location = loc;
  }
  if (person.webLinks.length) out.profiles = person.webLinks.map((l) => ({ ...(l.network ? { network: l.network } : {}), ...(l.username ? { username: l.username } : {}), ...(l.url ? { url: l.url } : {}) }));
  if (!part.jsonresume && (person.contacts.length > [email, phone, url].filter(Boolean).length || person.addresses.length > 1 || person.birthDate || person.gender)) drop('personal details beyond one e-mail, phone, web site and address');
  return merge(out, part.jsonresume?.extra) as JsonObject;
}

/** Puts kept keys back: objects merge key by key, lists item by item, anything else is taken as kept. */
function merge(base: Json, kept: unknown): Json {
  if (kept === undefined) return base;
  if (Array.isArray(base) && Array.isArray(kept)) return base.map((b, i) => merge(b, kept[i]));
  const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(base) && isObj(kept)) {
    const out: JsonObject = { ...base };
    for (const [k, v] of Object.entries(kept)) out[k] = k in out ? merge(out[k]!, v) : (v as Json);
    return out;
  }
  return kept as Json;
}

/** For each competency, the titles of the parts that evidence it (relations inside the portfolio). */
function evidenceKeywords(p: Portfolio): Map<string, string[]> {
  const byId = new Map(p.parts.map((x) => [x.id, x]));
  const out = new Map<string, string[]>();
  for (const r of p.relations) {
    if (!EVIDENCE.test(r.type)) continue;
    const from = byId.get(r.from);
    const title = from && !from.jsonresume?.derived ? (from.title?.value ?? from.description?.short?.value) : undefined;
    if (!title) continue;
    for (const to of r.to) if (byId.get(to)?.kind === 'competency') out.set(to, [...(out.get(to) ?? []), title]);
  }
  return out;
}

/**
 * The ISO 3166-1 alpha-2 code of a country as an address wrote it: a code as it is, or a name
 * in English or French ("France", "Allemagne") looked up through Intl's region names. JSON
 * Resume's `countryCode` is a code: themes turn it back into a name and fail on anything else.
 */
export function countryCode(country: string): string | undefined {
  const c = country.trim();
  if (/^[A-Za-z]{2}$/.test(c)) return c.toUpperCase();
  const wanted = c.normalize('NFC').toLowerCase();
  for (const lang of ['en', 'fr']) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          if (names.of(code)?.toLowerCase() === wanted) return code;
        } catch {
          // not a region code Intl knows
        }
      }
    }
  }
  return undefined;
}
