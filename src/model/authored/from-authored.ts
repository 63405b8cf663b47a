/**
 * AuthoredSource → Portfolio. Each Markdown file with front matter is a part; its body is the
 * long description (Markdown rendered with Eleventy's engine, then sanitized like imported
 * HTML); its relation fields become relations. Every file is checked completely, so one run
 * reports the mistakes of all files.
 */
import { posix } from 'node:path';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import { renderMarkdown, type AuthoredPartFile, type AuthoredSource, type YamlPath } from '../../formats/authored/index.ts';
import { didYouMean } from '../../views/suggest.ts';
import { makeFile } from '../files.ts';
import { isRichHtml, sanitizeRichText } from '../sanitize.ts';
import { assignSlugs, slugify } from '../slug.ts';
import { PART_KINDS, type Extension, type ImsPartRecord, type Part, type PartDescription, type PartKind, type Portfolio, type PortfolioFile, type Relation } from '../types.ts';
import { applyIdentification } from './identification.ts';
import { BODY_FORMATS, IDENTIFICATION_FIELDS, PART_FIELDS, PORTFOLIO_FIELDS, RELATION_ENTRY_FIELDS, RELATION_FIELDS } from './fields.ts';
import { readFiles, type FileScope } from './files.ts';
import { checkKeys, date, invalid, isObj, str, strings, term, text, texts, type Cx } from './values.ts';

type Obj = Record<string, unknown>;

interface PendingRelation {
  relation: Relation;
  /** Where each `to` entry was written. */
  toAt: Location[];
  idAt: Location;
}

/** Maps an authored source onto the model. `fallbackId` names a portfolio whose portfolio.yaml has no id. */
export function portfolioFromAuthored(src: AuthoredSource, bag: DiagnosticBag, fallbackId: string): Portfolio {
  const files = new Map<string, PortfolioFile>();
  for (const [path, bytes] of src.files) files.set(path, makeFile(path, bytes));
  const portfolio: Portfolio = { id: fallbackId, parts: [], relations: [], files: [], extensions: [] };
  if (src.portfolio) readPortfolioYaml(src, portfolio, bag);

  const partAt = new Map<string, Location>();
  const relations: PendingRelation[] = [];
  const parents: { part: Part; at: Location }[] = [];
  const slugAt = new Map<Part, Location>();
  for (const pf of src.parts) {
    if (!pf.front) continue; // its YAML was reported broken
    const read = readPart(pf, src, files, bag, relations);
    if (!read) continue;
    const first = partAt.get(read.part.id);
    if (first) {
      bag.add('AuthoredDuplicateId', `id "${read.part.id}" is already the id of the part at ${first.file}:${first.line ?? 1}; this part was left out`, read.idAt);
      continue;
    }
    partAt.set(read.part.id, read.idAt);
    if (read.broken) continue;
    portfolio.parts.push(read.part);
    if (read.part.parent) parents.push({ part: read.part, at: read.parentAt! });
    if (read.slugAt) slugAt.set(read.part, read.slugAt);
  }

  const relAt = new Map<string, Location>();
  for (const r of relations) {
    const first = relAt.get(r.relation.id);
    if (first || partAt.has(r.relation.id)) {
      const other = first ?? partAt.get(r.relation.id)!;
      bag.add('AuthoredDuplicateId', `relation id "${r.relation.id}" is already used at ${other.file}:${other.line ?? 1}; this relation was left out`, r.idAt);
      continue;
    }
    relAt.set(r.relation.id, r.idAt);
    portfolio.relations.push(r.relation);
  }
  const known = [...partAt.keys(), ...relAt.keys()];
  for (const r of relations) {
    if (!portfolio.relations.includes(r.relation)) continue;
    r.relation.to.forEach((to, i) => {
      if (partAt.has(to) || relAt.has(to)) return;
      bag.add('AuthoredRelationTargetMissing', `${r.relation.type}: no part or relation has the id "${to}".${didYouMean(to, known)}`, r.toAt[i] ?? r.idAt);
    });
  }
  for (const { part, at } of parents) {
    if (!partAt.has(part.parent!)) bag.add('AuthoredRelationTargetMissing', `parent: no part has the id "${part.parent}".${didYouMean(part.parent!, partAt.keys())}`, at);
  }

  // A slug the author chose (or an import kept) is the page's address; the others come from ids.
  const chosen = new Map<string, Location>();
  for (const p of portfolio.parts) {
    const at = slugAt.get(p);
    if (!p.slug || !at) continue;
    const first = chosen.get(p.slug);
    if (first) {
      bag.add('AuthoredValueInvalid', `slug "${p.slug}" is already the slug of the part at ${first.file}:${first.line ?? 1}; this part gets one from its id`, at);
      p.slug = '';
    } else chosen.set(p.slug, at);
  }
  const rest = portfolio.parts.filter((p) => !p.slug);
  const slugs = assignSlugs(rest.map((p) => p.id), chosen.keys());
  for (const p of rest) p.slug = slugs.get(p.id)!;
  portfolio.files = [...files.values()];
  return portfolio;
}

function readPortfolioYaml(src: AuthoredSource, portfolio: Portfolio, bag: DiagnosticBag): void {
  const y = src.portfolio!;
  const cx: Cx = { y, bag };
  if (y.value === null || y.value === undefined) return; // an empty file: all defaults
  if (!isObj(y.value)) {
    invalid(cx, [], 'portfolio.yaml must be a mapping of fields (id, title, lang, views, ...)');
    return;
  }
  const v = y.value;
  // Other fields are view configuration, checked by views/ with the same rules as vitrine.config.yaml.
  if (v.id !== undefined) {
    const id = str(cx, ['id'], v.id);
    if (id) portfolio.id = id;
  }
  if (v.title !== undefined) {
    const t = str(cx, ['title'], v.title);
    if (t !== undefined) portfolio.title = t;
  }
  if (v.lang !== undefined) {
    const l = str(cx, ['lang'], v.lang);
    if (l) portfolio.lang = l;
  }
  if (v.ims !== undefined) {
    if (isObj(v.ims)) portfolio.ims = structuredClone(v.ims) as Portfolio['ims'] & object;
    else invalid(cx, ['ims'], 'ims must be a mapping (written by vitrine pack to keep IMS package details)');
  }
  if (v.leap2a !== undefined) {
    if (isObj(v.leap2a)) portfolio.leap2a = structuredClone(v.leap2a) as unknown as NonNullable<Portfolio['leap2a']>;
    else invalid(cx, ['leap2a'], 'leap2a must be a mapping (written by vitrine pack to keep Leap2A feed details)');
  }
  if (v.extensions !== undefined) portfolio.extensions = extensions(cx, ['extensions'], v.extensions);
}

/** Extensions kept verbatim by `pack --format authored`: a list of mappings. */
function extensions(cx: Cx, path: YamlPath, v: unknown): Extension[] {
  if (!Array.isArray(v) || !v.every((x) => isObj(x) && typeof x.path === 'string' && isObj(x.element))) {
    invalid(cx, path, 'extensions must be a list of { path, slot, element } mappings as vitrine pack writes them');
    return [];
  }
  return structuredClone(v) as Extension[];
}

function imsRecord(cx: Cx, path: YamlPath, v: unknown): ImsPartRecord | undefined {
  if (!isObj(v) || typeof v.element !== 'string' || !isObj(v.record)) {
    return invalid(cx, path, 'ims must be a mapping { element, record } as vitrine pack writes it');
  }
  return structuredClone(v) as unknown as ImsPartRecord;
}

interface ReadPart {
  part: Part;
  idAt: Location;
  parentAt?: Location;
  /** Where the front matter chose the part's slug. */
  slugAt?: Location;
  /** The kind was unknown (reported): the id counts, so relations to it are not reported too, but the part is left out. */
  broken?: boolean;
}

function readPart(pf: AuthoredPartFile, src: AuthoredSource, files: Map<string, PortfolioFile>, bag: DiagnosticBag, relations: PendingRelation[]): ReadPart | undefined {
  const y = pf.front!;
  const top: Cx = { y, bag };
  const start: Location = { file: pf.display, line: 1, column: 1 };
  if (!isObj(y.value)) {
    invalid(top, [], `the front matter must be a mapping of fields (kind, title, ...), not ${y.value === null ? 'empty' : 'a single value'}`);
    return undefined;
  }
  const v = y.value;
  checkKeys(top, [], v, PART_FIELDS, 'front matter', [...RELATION_FIELDS.keys()]);

  const stem = posix.basename(pf.path).replace(/\.(md|markdown)$/i, '');
  const id = v.id === undefined ? stem : str(top, ['id'], v.id);
  if (!id) {
    if (v.id !== undefined) invalid(top, ['id'], 'id must not be empty');
    return undefined;
  }
  const idAt = v.id === undefined ? start : y.at(['id']);

  let kind: PartKind | undefined;
  if (v.kind === undefined) {
    bag.add('AuthoredKindUnknown', `kind: is missing; say what the part is (${PART_KINDS.join(', ')})`, start);
  } else if (typeof v.kind === 'string' && (PART_KINDS as readonly string[]).includes(v.kind)) {
    kind = v.kind as PartKind;
  } else {
    bag.add('AuthoredKindUnknown', `kind "${String(v.kind)}" is not a part kind.${didYouMean(String(v.kind), PART_KINDS)} Kinds: ${PART_KINDS.join(', ')}`, y.at(['kind']));
  }

  const lang = v.lang === undefined ? undefined : str(top, ['lang'], v.lang);
  const cx: Cx = { y, bag, ...(lang ? { lang } : {}) };
  const part: Part = { id, kind: kind ?? 'product', slug: '', dates: [], rationale: [], tags: [], files: [], extensions: [], origin: `${start.file}:1:1` };
  const scope: FileScope = { src, files, dir: posix.dirname(pf.path) === '.' ? '' : posix.dirname(pf.path), used: [] };

  const description: PartDescription = { full: [] };
  if (v.title !== undefined) {
    const t = text(cx, ['title'], v.title);
    if (t) description.short = t;
  }
  const long = body(pf, v, cx, bag);
  if (long) description.long = long;
  if (v.files !== undefined) description.full = readFiles(cx, ['files'], v.files, scope);
  if (v.filesComment !== undefined) {
    const c = text(cx, ['filesComment'], v.filesComment);
    if (c) description.fullComment = c;
  }
  if (description.short || description.long || description.full.length || description.fullComment) part.description = description;

  if (v.officialTitle !== undefined) {
    const t = text(cx, ['officialTitle'], v.officialTitle);
    if (t) part.title = t;
  }
  if (v.type !== undefined) {
    const t = term(cx, ['type'], v.type);
    if (t) part.type = t;
  }
  for (const k of ['comment', 'author', 'priority'] as const) {
    if (v[k] === undefined) continue;
    const t = text(cx, [k], v[k]);
    if (t) part[k] = t;
  }
  if (v.rationale !== undefined) part.rationale = texts(cx, ['rationale'], v.rationale);
  if (v.tags !== undefined) part.tags = strings(cx, ['tags'], v.tags);
  if (v.dates !== undefined) part.dates = readDates(cx, ['dates'], v.dates, scope);
  if (v.status !== undefined) {
    const s = readStatus(cx, ['status'], v.status, scope);
    if (s) part.status = s;
  }
  let parentAt: Location | undefined;
  let slugAt: Location | undefined;
  if (v.slug !== undefined) {
    const s = str(cx, ['slug'], v.slug);
    if (s !== undefined && s === slugify(s) && s.length > 0) {
      part.slug = s;
      slugAt = y.at(['slug']);
    } else if (s !== undefined) invalid(cx, ['slug'], `slug "${s}" must be lowercase letters a-z, digits and single hyphens (such as "${slugify(s)}"), at most 80 characters`);
  }
  if (v.parent !== undefined) {
    const p = str(cx, ['parent'], v.parent);
    if (p) {
      part.parent = p;
      parentAt = y.at(['parent']);
    }
  }
  if (v.sourcedId !== undefined) {
    const s = v.sourcedId;
    if (isObj(s) && typeof s.source === 'string' && typeof s.id === 'string') part.sourcedId = { source: s.source, id: s.id };
    else invalid(cx, ['sourcedId'], 'sourcedId must be { source, id }');
  }
  if (v.ims !== undefined) {
    const ims = imsRecord(cx, ['ims'], v.ims);
    if (ims) part.ims = ims;
  }
  if (v.leap2a !== undefined) {
    if (isObj(v.leap2a) && Array.isArray(v.leap2a.types)) part.leap2a = structuredClone(v.leap2a) as unknown as NonNullable<Part['leap2a']>;
    else invalid(cx, ['leap2a'], 'leap2a must be a mapping { types, categories, elements, ... } as vitrine pack writes it');
  }
  if (v.level !== undefined) readLevel(cx, part, v.level);
  if (v.name !== undefined || v.email !== undefined || v.web !== undefined) {
    if (kind !== undefined && kind !== 'identification') {
      for (const k of IDENTIFICATION_FIELDS) if (v[k] !== undefined) invalid(cx, [k], `${k}: belongs to the owner's identification (kind: identification)`);
    } else {
      const name = v.name === undefined ? undefined : text(cx, ['name'], v.name);
      applyIdentification(part, name, v.email === undefined ? [] : strings(cx, ['email'], v.email), v.web === undefined ? [] : strings(cx, ['web'], v.web));
    }
  }
  if (v.extensions !== undefined) part.extensions = extensions(cx, ['extensions'], v.extensions);

  for (const [field, type] of RELATION_FIELDS) {
    if (v[field] === undefined) continue;
    const to = strings(cx, [field], v[field]);
    const toAt = Array.isArray(v[field]) ? to.map((_, i) => y.at([field, i])) : [y.at([field])];
    relations.push({ relation: { id: `${id}.${field}`, type, from: id, to, extensions: [], origin: locString(y.keyAt([field])) }, toAt, idAt: y.keyAt([field]) });
  }
  if (v.relations !== undefined) readRelationList(cx, v.relations, id, scope, relations);

  part.files = [...new Set([...part.description?.full.flatMap((m) => (m.file ? [m.file] : [])) ?? [], ...scope.used])];
  return { part, idAt, ...(parentAt ? { parentAt } : {}), ...(slugAt ? { slugAt } : {}), ...(kind === undefined ? { broken: true } : {}) };
}

function locString(l: Location): string {
  return `${l.file}:${l.line ?? 1}:${l.column ?? 1}`;
}

/** A qualification's level (`level: Master's degree`), kept where IMS keeps it. */
function readLevel(cx: Cx, part: Part, v: unknown): void {
  if (part.kind !== 'qcl') {
    invalid(cx, ['level'], 'level: belongs to a qualification (kind: qcl)');
    return;
  }
  const t = text(cx, ['level'], v);
  if (!t) return;
  part.ims ??= { element: 'qcl', record: {} };
  part.ims.record.level = { text: t };
}

/** The body: Markdown (default), or HTML or plain text as `format:` says. */
function body(pf: AuthoredPartFile, v: Obj, cx: Cx, bag: DiagnosticBag): PartDescription['long'] {
  const raw = pf.body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  let format = 'markdown' as (typeof BODY_FORMATS)[number];
  if (v.format !== undefined) {
    if (typeof v.format === 'string' && (BODY_FORMATS as readonly string[]).includes(v.format)) format = v.format as typeof format;
    else invalid(cx, ['format'], `format must be one of ${BODY_FORMATS.join(', ')}.${didYouMean(String(v.format), BODY_FORMATS)}`);
  }
  if (!raw) return undefined;
  let value = raw;
  if (format !== 'text') {
    const html = format === 'markdown' ? renderMarkdown(raw).trim() : raw;
    const clean = sanitizeRichText(html);
    if (clean.changed) bag.add('HtmlSanitized', 'unsafe HTML removed from the text of this part', { file: pf.display, line: pf.bodyLine, column: 1 });
    value = clean.html.trim();
  }
  return cx.lang ? { value, lang: cx.lang } : { value };
}

function readDates(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): Part['dates'] {
  const out: Part['dates'] = [];
  if (isObj(v)) {
    // The short form: { Start: 2021-09-01, Finish: 2022-06-30 }.
    for (const [k, x] of Object.entries(v)) {
      const value = date(cx, [...path, k], x);
      if (value !== undefined) out.push({ type: { value: k, sourceType: 'imsdefault' }, value });
    }
    return out;
  }
  if (!Array.isArray(v)) {
    invalid(cx, path, 'dates must be a mapping { Start: 2021-09-01 } or a list of { type, date }');
    return out;
  }
  v.forEach((x, i) => {
    const d = readDate(cx, [...path, i], x, scope);
    if (d) out.push(d);
  });
  return out;
}

function readDate(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): Part['dates'][number] | undefined {
  if (!isObj(v)) {
    const value = date(cx, path, v);
    return value === undefined ? undefined : { value };
  }
  checkKeys(cx, path, v, ['type', 'date', 'description'], 'date');
  const value = date(cx, [...path, 'date'], v.date);
  if (value === undefined) return undefined;
  const d: Part['dates'][number] = { value };
  if (v.type !== undefined) {
    const t = term(cx, [...path, 'type'], v.type, true);
    if (t) d.type = t;
  }
  if (v.description !== undefined) {
    const desc = readDescription(cx, [...path, 'description'], v.description, scope);
    if (desc) d.description = desc;
  }
  return d;
}

function readStatus(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): Part['status'] {
  if (!isObj(v)) {
    const t = term(cx, path, v, true);
    return t ? { type: t } : undefined;
  }
  checkKeys(cx, path, v, ['type', 'date', 'description'], 'status');
  const s: NonNullable<Part['status']> = {};
  if (v.type !== undefined) {
    const t = term(cx, [...path, 'type'], v.type, true);
    if (t) s.type = t;
  }
  if (v.date !== undefined) {
    const d = readDate(cx, [...path, 'date'], v.date, scope);
    if (d) s.date = d;
  }
  if (v.description !== undefined) {
    const desc = readDescription(cx, [...path, 'description'], v.description, scope);
    if (desc) s.description = desc;
  }
  return s;
}

/** A description written in YAML (dates, status, relations): short, long (plain or HTML as written), files. */
function readDescription(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): PartDescription | undefined {
  // A single text ({ text, lang } too) is the short description.
  if (!isObj(v) || v.text !== undefined) {
    const t = text(cx, path, v);
    return t ? { short: t, full: [] } : undefined;
  }
  checkKeys(cx, path, v, ['short', 'long', 'files', 'filesComment'], 'description');
  const d: PartDescription = { full: [] };
  for (const k of ['short', 'long'] as const) {
    if (v[k] === undefined) continue;
    const t = text(cx, [...path, k], v[k]);
    // A long text written as HTML is kept as sanitized HTML, as IMS descriptions are.
    if (t) d[k] = k === 'long' && isRichHtml(t.value) ? { ...t, value: sanitizeRichText(t.value).html } : t;
  }
  if (v.files !== undefined) d.full = readFiles(cx, [...path, 'files'], v.files, scope);
  if (v.filesComment !== undefined) {
    const c = text(cx, [...path, 'filesComment'], v.filesComment);
    if (c) d.fullComment = c;
  }
  return d;
}

function readRelationList(cx: Cx, v: unknown, from: string, scope: FileScope, out: PendingRelation[]): void {
  if (!Array.isArray(v)) {
    invalid(cx, ['relations'], 'relations must be a list of { type, to }');
    return;
  }
  v.forEach((x, i) => {
    const path = ['relations', i];
    if (!isObj(x)) return void invalid(cx, path, 'a relation must be a mapping { type, to }');
    checkKeys(cx, path, x, RELATION_ENTRY_FIELDS, 'relation');
    const type = x.type === undefined ? invalid(cx, path, 'a relation needs type: (Evidences, ReflectsOn, isAnnotatedBy, ...)') : str(cx, [...path, 'type'], x.type);
    if (x.to === undefined) invalid(cx, path, 'a relation needs to: (the id of a part, or a list of ids)');
    if (!type || x.to === undefined) return;
    const to = strings(cx, [...path, 'to'], x.to);
    const toAt = Array.isArray(x.to) ? to.map((_, j) => cx.y.at([...path, 'to', j])) : [cx.y.at([...path, 'to'])];
    const id = x.id === undefined ? `${from}.relations.${i + 1}` : str(cx, [...path, 'id'], x.id);
    if (!id) return;
    const rel: Relation = { id, type, from, to, extensions: [], origin: locString(cx.y.at(path)) };
    const noLang = { ...cx };
    delete noLang.lang;
    if (x.text !== undefined) {
      const t = text(cx, [...path, 'text'], x.text);
      if (t) rel.text = t;
    }
    if (x.comment !== undefined) {
      const t = text(cx, [...path, 'comment'], x.comment);
      if (t) rel.comment = t;
    }
    for (const k of ['typeTerm', 'category'] as const) {
      if (x[k] === undefined) continue;
      const t = term(noLang, [...path, k], x[k]);
      if (t) rel[k] = t;
    }
    if (x.description !== undefined) {
      const d = readDescription(cx, [...path, 'description'], x.description, scope);
      if (d) rel.description = d;
    }
    if (x.sourcedId !== undefined) {
      const s = x.sourcedId;
      if (isObj(s) && typeof s.source === 'string' && typeof s.id === 'string') rel.sourcedId = { source: s.source, id: s.id };
      else invalid(cx, [...path, 'sourcedId'], 'sourcedId must be { source, id }');
    }
    if (x.implicit === true) rel.implicit = true;
    if (x.ims !== undefined) {
      const ims = imsRecord(cx, [...path, 'ims'], x.ims);
      if (ims) rel.ims = ims;
    }
    if (x.leap2a !== undefined) {
      if (isObj(x.leap2a)) rel.leap2a = structuredClone(x.leap2a) as NonNullable<Relation['leap2a']>;
      else invalid(cx, [...path, 'leap2a'], 'leap2a must be a mapping as vitrine pack writes it');
    }
    if (x.extensions !== undefined) rel.extensions = extensions(cx, [...path, 'extensions'], x.extensions);
    out.push({ relation: rel, toAt, idAt: x.id === undefined ? cx.y.at(path) : cx.y.at([...path, 'id']) });
  });
}
