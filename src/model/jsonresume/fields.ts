/**
 * The JSON Resume ↔ Portfolio field table: for each list section, the part kind its entries
 * become and, key by key, where the value lives on the part. Reading and writing both go
 * through this one table, so a key mapped one way is mapped back the same way.
 */
import type { Part, PartKind, ResumeRecord } from '../types.ts';
import { isRichHtml, textOf } from '../sanitize.ts';

/** What shape a key's value must have to be mapped (anything else is kept verbatim). */
export type FieldShape = 'string' | 'strings';

/** One key of an entry: its shape, and how it is put on and read from a part. */
export interface FieldSpec {
  key: string;
  shape: FieldShape;
  set(part: Part, value: string & string[]): void;
  get(part: Part): string | string[] | undefined;
}

/** One list section: its part kind and its keys. */
export interface SectionSpec {
  kind: PartKind;
  fields: FieldSpec[];
}

const resume = (p: Part): ResumeRecord => (p.resume ??= { section: p.jsonresume?.section ?? 'other' });

/** A string key kept on the résumé record. */
function rec(key: string, field: 'organisation' | 'role' | 'area' | 'location' | 'url' | 'level' | 'score'): FieldSpec {
  return { key, shape: 'string', set: (p, v) => void (resume(p)[field] = v), get: (p) => p.resume?.[field] };
}

/** A list-of-strings key kept on the résumé record. */
function recList(key: string, field: 'highlights' | 'courses' | 'keywords' | 'roles'): FieldSpec {
  return { key, shape: 'strings', set: (p, v) => void (resume(p)[field] = [...v]), get: (p) => p.resume?.[field] };
}

/** The part's title. */
function title(key: string): FieldSpec {
  return { key, shape: 'string', set: (p, v) => void (p.title = { value: v }), get: (p) => p.title?.value ?? (p.jsonresume ? undefined : p.description?.short?.value) };
}

/** Plain text of a rich text: JSON Resume strings are plain, so HTML from other formats is flattened. */
export function plain(p: Part, s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return p.jsonresume || !isRichHtml(s) ? s : textOf(s);
}

/** The part's short description (a one-line `description`). */
function short(key: string): FieldSpec {
  return {
    key,
    shape: 'string',
    set: (p, v) => void ((p.description ??= { full: [] }).short = { value: v }),
    // From another format, a part with no title is named by its short description (see title()).
    get: (p) => (p.jsonresume || p.title ? p.description?.short?.value : undefined),
  };
}

/** The part's long description (`summary`, `reference`). */
function long(key: string): FieldSpec {
  return { key, shape: 'string', set: (p, v) => void ((p.description ??= { full: [] }).long = { value: v }), get: (p) => plain(p, p.description?.long?.value) };
}

/** A typed date of the part (`Start`, `Finish`, `Award`, `Publish`), written as it was read. */
function date(key: string, type: string): FieldSpec {
  return {
    key,
    shape: 'string',
    set: (p, v) => void p.dates.push({ type: { value: type }, value: v }),
    get: (p) => p.dates.find((d) => d.type?.value.toLowerCase() === type.toLowerCase())?.value,
  };
}

/** The part's type term (a project's `type`). */
const typeTerm: FieldSpec = { key: 'type', shape: 'string', set: (p, v) => void (p.type = { value: v }), get: (p) => p.type?.value };

/** The author of an assertion (a reference's `name`). */
const author: FieldSpec = {
  key: 'name',
  shape: 'string',
  set: (p, v) => {
    p.author = { value: v };
    p.title = { value: v };
  },
  get: (p) => p.author?.value ?? p.title?.value,
};

/** Every list section of JSON Resume 1.x and its keys, in the schema's order. */
export const SECTIONS: Record<string, SectionSpec> = {
  work: { kind: 'activity', fields: [rec('name', 'organisation'), rec('location', 'location'), short('description'), rec('position', 'role'), rec('url', 'url'), date('startDate', 'Start'), date('endDate', 'Finish'), long('summary'), recList('highlights', 'highlights')] },
  volunteer: { kind: 'activity', fields: [rec('organization', 'organisation'), rec('position', 'role'), rec('url', 'url'), date('startDate', 'Start'), date('endDate', 'Finish'), long('summary'), recList('highlights', 'highlights')] },
  education: { kind: 'activity', fields: [rec('institution', 'organisation'), rec('url', 'url'), rec('area', 'area'), rec('studyType', 'role'), date('startDate', 'Start'), date('endDate', 'Finish'), rec('score', 'score'), recList('courses', 'courses')] },
  awards: { kind: 'qcl', fields: [title('title'), date('date', 'Award'), rec('awarder', 'organisation'), long('summary')] },
  certificates: { kind: 'qcl', fields: [title('name'), date('date', 'Award'), rec('url', 'url'), rec('issuer', 'organisation')] },
  publications: { kind: 'product', fields: [title('name'), rec('publisher', 'organisation'), date('releaseDate', 'Publish'), rec('url', 'url'), long('summary')] },
  skills: { kind: 'competency', fields: [title('name'), rec('level', 'level'), recList('keywords', 'keywords')] },
  languages: { kind: 'competency', fields: [title('language'), rec('fluency', 'level')] },
  interests: { kind: 'interest', fields: [title('name'), recList('keywords', 'keywords')] },
  references: { kind: 'assertion', fields: [author, long('reference')] },
  projects: { kind: 'product', fields: [title('name'), short('description'), recList('highlights', 'highlights'), recList('keywords', 'keywords'), date('startDate', 'Start'), date('endDate', 'Finish'), rec('url', 'url'), recList('roles', 'roles'), rec('entity', 'organisation'), typeTerm] },
};

/** The résumé section word (`ResumeRecord.section`) for each JSON Resume list section. */
export const SECTION_WORD: Record<string, string> = {
  work: 'employment',
  volunteer: 'volunteer',
  education: 'education',
  awards: 'award',
  certificates: 'certificate',
  publications: 'publication',
  skills: 'skill',
  languages: 'language',
  interests: 'interest',
  references: 'reference',
  projects: 'project',
};

/** Tells whether a value has the shape a field maps. */
export function fits(shape: FieldShape, v: unknown): boolean {
  if (shape === 'string') return typeof v === 'string' && v !== '';
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
}
