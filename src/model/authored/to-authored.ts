/**
 * Portfolio → authored folder (path → bytes): portfolio.yaml, one Markdown file per part under
 * `parts/`, and every file of the portfolio at its own path. Works from the model, so any input
 * (IMS now, Leap2A later) becomes a folder its owner can keep editing. Reading the folder back
 * gives the same model: what has no friendly field (an IMS record's remainder, extensions)
 * is written under `ims:` / `extensions:` as data, never dropped.
 */
import { isIsoDate } from './convert.ts';
import { posix } from 'node:path';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { stringifyFrontMatter, stringifyYaml } from '../../formats/authored/index.ts';
import { isRichHtml } from '../sanitize.ts';
import { slugify } from '../slug.ts';
import type { FileDescription, MediaItem, Part, PartDate, PartDescription, Portfolio, PortfolioFile, Relation, Term, Text } from '../types.ts';
import { RELATION_FIELDS, relationField } from './fields.ts';
import { takeIdentification } from './identification.ts';
import { imsRecordOf } from '../ims/person-out.ts';
import { personFromPersondata } from '../leap2a/person.ts';
import { rubricNotWritten } from '../ims/rubric-out.ts';
import { samePerson } from '../leap2a/person-out.ts';
import { FILES_FOLDER } from './files.ts';

type Obj = Record<string, unknown>;

/** Where part files go. */
export const PARTS_FOLDER = 'parts';

interface Out {
  /** Language of texts written as plain strings. */
  lang?: string;
  /** Folder of the part file being written. */
  dir: string;
  files: Map<string, PortfolioFile>;
  /** Files whose `about` was already written (it is written once, where the file is first used). */
  described: Set<string>;
}

/** The files of an authored folder holding the portfolio. */
export function portfolioToAuthored(p: Portfolio, bag: DiagnosticBag): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const enc = new TextEncoder();
  const head: Obj = { id: p.id };
  if (p.title !== undefined) head.title = p.title;
  if (p.lang !== undefined) head.lang = p.lang;
  if (p.ims) head.ims = p.ims;
  if (p.leap2a) head.leap2a = p.leap2a;
  if (p.extensions.length) head.extensions = p.extensions.map(({ origin: _o, ...x }) => x);
  out.set('portfolio.yaml', enc.encode(`# The portfolio: who it is, its title and language (docs/authored-format.md).\n${stringifyYaml(head)}`));

  const files = new Map(p.files.map((f) => [f.path, f]));
  const described = new Set<string>();
  const byFrom = new Map<string, Relation[]>();
  const partIds = new Set(p.parts.map((x) => x.id));
  for (const r of p.relations) {
    if (!partIds.has(r.from)) {
      bag.add('ExportFieldDropped', `relation "${r.id}" starts from "${r.from}", which is no part; an authored folder keeps relations in the part they start from, so it was left out`);
      continue;
    }
    byFrom.set(r.from, [...(byFrom.get(r.from) ?? []), r]);
  }
  const width = String(p.parts.length).length;
  p.parts.forEach((part, i) => {
    // The number keeps the model's order: files are read in name order.
    const path = `${PARTS_FOLDER}/${String(i + 1).padStart(width, '0')}-${slugify(part.id)}.md`;
    const o: Out = { dir: PARTS_FOLDER, files, described };
    const lang =
      part.description?.long?.lang ??
      part.description?.short?.lang ??
      part.title?.lang ??
      (part.kind === 'identification' && part.person?.names[0]?.type === 'Preferred' ? part.person.names[0].lang : undefined);
    if (lang) o.lang = lang;
    const { front, body } = partFront(part, byFrom.get(part.id) ?? [], o);
    out.set(path, enc.encode(stringifyFrontMatter(front, body)));
    // A rubric travels in its ims: record, rewritten from the neutral rubric (rubric-out.ts), which the reader turns back into criteria and levels.
    const record = (front.ims as { record?: Record<string, unknown> } | undefined)?.record;
    if (part.kind === 'rubric' && rubricNotWritten(part.rubric, record ?? {})) bag.add('ExportFieldDropped', `part "${part.id}" (rubric): some of its criteria and levels cannot be said by the IMS record the authored folder keeps and were left out`, part.origin);
  });
  for (const f of p.files) {
    if (f.path === 'portfolio.yaml' || out.has(f.path)) {
      bag.add('ExportFieldDropped', `the file ${f.path} has the name of a file the authored format writes itself; it was left out`);
      continue;
    }
    out.set(f.path, f.bytes);
  }
  return out;
}

function partFront(part: Part, relations: Relation[], o: Out): { front: Obj; body: string | undefined } {
  const f: Obj = { kind: part.kind, id: part.id };
  // A slug other than the one the id gives (a Leap2A import's) is kept: it is the page's address.
  if (part.slug && part.slug !== slugify(part.id)) f.slug = part.slug;
  if (o.lang) f.lang = o.lang;
  const d = part.description;
  if (d?.short) f.title = text(d.short, o);
  if (part.title) f.officialTitle = text(part.title, o);
  if (part.type) f.type = term(part.type, false);
  let body: string | undefined;
  if (d?.long) {
    f.format = isRichHtml(d.long.value) ? 'html' : 'text';
    body = d.long.value;
  }
  if (part.comment) f.comment = text(part.comment, o);
  if (part.author) f.author = text(part.author, o);
  if (part.priority) f.priority = text(part.priority, o);
  if (part.rationale.length) f.rationale = part.rationale.map((t) => text(t, o));
  if (part.tags.length) f.tags = part.tags;
  if (d?.full.length) f.files = d.full.map((m) => media(m, o));
  if (d?.fullComment) f.filesComment = text(d.fullComment, o);
  if (part.dates.length) f.dates = dates(part.dates, o);
  if (part.status) f.status = status(part.status, o);
  if (part.parent) f.parent = part.parent;
  if (part.sourcedId) f.sourcedId = { ...part.sourcedId };
  if (part.resume) f.resume = structuredClone(part.resume);
  // The IMS record as an IMS export would write it, so edits to the neutral person and
  // qualification are written; its friendly prefix becomes name/email/web and level.
  // A person read from Leap2A travels in the part's leap2a elements, as long as it is unedited.
  const inLeap2a = part.kind === 'identification' && !part.ims && !!part.leap2a && samePerson(personFromPersondata(part.leap2a.elements, part.title?.value), part.person);
  const neutral = (part.kind === 'identification' && part.person && !inLeap2a) || (part.kind === 'qcl' && part.qualification) || (part.kind === 'rubric' && part.rubric);
  let ims = part.ims || neutral ? ({ element: part.kind, ...structuredClone(part.ims), record: imsRecordOf(part) } as NonNullable<Part['ims']>) : undefined;
  if (part.kind === 'qcl' && ims) {
    const level = ims.record.level as Obj | undefined;
    if (level && Object.keys(level).length === 1 && isText(level.text)) {
      f.level = text(level.text, o);
      delete ims.record.level;
      if (ims.element === 'qcl' && !Object.keys(ims.record).length && Object.keys(ims).length === 2) ims = undefined;
    }
  }
  if (part.kind === 'identification' && ims) {
    const who = takeIdentification(ims.record);
    if (who.name) f.name = text(who.name, o);
    if (who.emails.length) f.email = who.emails.length === 1 ? who.emails[0] : who.emails;
    if (who.webs.length) f.web = who.webs.length === 1 ? who.webs[0] : who.webs;
    if (Array.isArray(ims.record.items) && !ims.record.items.length && Object.keys(ims.record).length === 1 && ims.element === 'identification' && Object.keys(ims).length === 2) ims = undefined;
  }
  if (ims) f.ims = ims;
  if (part.leap2a) f.leap2a = part.leap2a;
  if (part.extensions.length) f.extensions = part.extensions.map(({ origin: _o, ...x }) => x);
  const general: Obj[] = [];
  for (const r of relations) {
    const field = relationField(r.type);
    const plain = RELATION_FIELDS.get(field) === r.type && r.id === `${part.id}.${field}` && f[field] === undefined && isPlain(r);
    if (plain) f[field] = r.to.length === 1 ? r.to[0] : r.to;
    else general.push(relationEntry(r, o));
  }
  if (general.length) f.relations = general;
  return { front: f, body };
}

function isText(v: unknown): v is Text {
  return !!v && typeof v === 'object' && typeof (v as Obj).value === 'string' && Object.keys(v).every((k) => k === 'value' || k === 'lang');
}

function isPlain(r: Relation): boolean {
  return !r.text && !r.typeTerm && !r.category && !r.description && !r.comment && !r.sourcedId && !r.implicit && !r.ims && !r.extensions.length;
}

function relationEntry(r: Relation, o: Out): Obj {
  const e: Obj = { type: r.type, to: r.to.length === 1 ? r.to[0] : r.to, id: r.id };
  if (r.text) e.text = text(r.text, o);
  if (r.typeTerm) e.typeTerm = term(r.typeTerm, false);
  if (r.category) e.category = term(r.category, false);
  if (r.description) e.description = description(r.description, o);
  if (r.comment) e.comment = text(r.comment, o);
  if (r.sourcedId) e.sourcedId = { ...r.sourcedId };
  if (r.implicit) e.implicit = true;
  if (r.ims) e.ims = r.ims;
  if (r.leap2a) e.leap2a = r.leap2a;
  if (r.extensions.length) e.extensions = r.extensions.map(({ origin: _o, ...x }) => x);
  return e;
}

/** A text: a plain string in the part's language, else `{ text, lang }` (`lang: ''` for none). */
function text(t: Text, o: Out): unknown {
  if ((t.lang ?? undefined) === o.lang) return t.value;
  return { text: t.value, lang: t.lang ?? '' };
}

/** A term: a bare word when that reads back the same, else the mapping. */
function term(t: Term, imsDefault: boolean): unknown {
  const bare = imsDefault ? t.sourceType === 'imsdefault' && !t.lang && t.source === undefined : !t.lang && t.source === undefined && t.sourceType === undefined;
  if (bare) return t.value;
  const out: Obj = { value: t.value };
  for (const k of ['lang', 'source', 'sourceType'] as const) if (t[k] !== undefined) out[k] = t[k];
  return out;
}

function dates(ds: PartDate[], o: Out): unknown {
  const types = ds.map((d) => d.type?.value);
  const short = ds.every((d) => d.type && !d.description && term(d.type, true) === d.type.value) && new Set(types).size === types.length;
  if (short) return Object.fromEntries(ds.map((d) => [d.type!.value, dateValue(d.value)]));
  return ds.map((d) => date(d, o));
}

/** A date as the authored format writes it: ISO as is, anything else as `{ text }` (display text, kept as written). */
function dateValue(v: string): unknown {
  return isIsoDate(v.trim()) ? v : { text: v };
}

function date(d: PartDate, o: Out): unknown {
  if (!d.type && !d.description) return dateValue(d.value);
  const e: Obj = {};
  if (d.type) e.type = term(d.type, true);
  e.date = dateValue(d.value);
  if (d.description) e.description = description(d.description, o);
  return e;
}

function status(s: NonNullable<Part['status']>, o: Out): unknown {
  if (s.type && !s.date && !s.description && typeof term(s.type, true) === 'string') return s.type.value;
  const e: Obj = {};
  if (s.type) e.type = term(s.type, true);
  if (s.date) e.date = date(s.date, o);
  if (s.description) e.description = description(s.description, o);
  return e;
}

function description(d: PartDescription, o: Out): unknown {
  if (d.short && !d.long && !d.full.length && !d.fullComment) return text(d.short, o);
  const e: Obj = {};
  if (d.short) e.short = text(d.short, o);
  if (d.long) e.long = text(d.long, o);
  if (d.full.length) e.files = d.full.map((m) => media(m, o));
  if (d.fullComment) e.filesComment = text(d.fullComment, o);
  return e;
}

/** A path as written in a part: inside files/ by its name there, else relative to the part's folder. */
function ref(path: string, o: Out): string {
  if (path.startsWith(`${FILES_FOLDER}/`) && !o.files.has(posix.join(o.dir, path.slice(FILES_FOLDER.length + 1)))) return path.slice(FILES_FOLDER.length + 1);
  return posix.relative(o.dir, path);
}

function media(m: MediaItem, o: Out): unknown {
  const e: Obj = {};
  if (m.file) {
    e.path = ref(m.file, o);
    if (m.carrier === 'base64') e.inline = true;
    const about = o.files.get(m.file)?.about;
    if (about && !o.described.has(m.file)) {
      o.described.add(m.file);
      Object.assign(e, aboutFields(about, o));
    }
  } else if (m.carrier === 'text') {
    e.text = m.text ?? '';
  } else {
    e.url = m.text ?? '';
  }
  if (m.mode !== undefined) e.mode = m.mode;
  if (m.mimeType !== undefined) e.mediaType = m.mimeType;
  if (m.refType !== undefined) e.refType = m.refType;
  return Object.keys(e).length === 1 && typeof e.path === 'string' ? e.path : e;
}

function aboutFields(a: FileDescription, o: Out): Obj {
  const e: Obj = {};
  if (a.title) e.title = text(a.title, o);
  if (a.alt) e.alt = text(a.alt, o);
  if (a.caption) e.caption = text(a.caption, o);
  if (a.captions?.length) {
    e.captions = a.captions.map((c) => {
      const t: Obj = { path: ref(c.path, o) };
      if (c.lang) t.lang = c.lang;
      if (c.label) t.label = c.label;
      if (c.kind) t.kind = c.kind;
      return Object.keys(t).length === 1 ? t.path : t;
    });
  }
  if (a.transcript) e.transcript = ref(a.transcript, o);
  if (a.longDescription) e.longDescription = ref(a.longDescription, o);
  if (a.signLanguage) e.signLanguage = ref(a.signLanguage, o);
  return e;
}
