/**
 * AuthoredSource → Portfolio. Each Markdown file with front matter is a part; its body is the
 * long description (Markdown rendered with Eleventy's engine, then sanitized like imported
 * HTML); its relation fields become relations. Every file is checked completely, so one run
 * reports the mistakes of all files.
 */
import { posix } from 'node:path';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import { renderMarkdown, type AuthoredPartFile, type AuthoredSource } from '../../formats/authored/index.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { checkDocument } from '../../diagnostics/schema-check.ts';
import { PART_DOCUMENT, PORTFOLIO_FIELDS_DOCUMENT } from './check.ts';
import { makeFile } from '../files.ts';
import { sanitizeRichText } from '../sanitize.ts';
import { assignSlugs, slugify } from '../slug.ts';
import { PART_KINDS, type Part, type PartDescription, type PartKind, type Portfolio, type PortfolioFile } from '../types.ts';
import { applyIdentification } from './identification.ts';
import { neutralFromIms } from '../ims/facts.ts';
import { personFromPersondata } from '../leap2a/person.ts';
import { nameLeap2aFiles, neutralFromLeap2a } from '../leap2a/derived.ts';
import { BODY_FORMATS, IDENTIFICATION_FIELDS, RELATION_FIELDS } from './fields.ts';
import { readFiles, type FileScope } from './files.ts';
import { extensions, imsRecord, originAt, pageFromLeap2a, readResume, readDate, readDates, readSourcedId, readStatus } from './records.ts';
import { readRelationList, type PendingRelation } from './relations.ts';
import { invalid, isObj, str, strings, term, text, texts, type Cx } from './convert.ts';

type Obj = Record<string, unknown>;

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
  nameLeap2aFiles(portfolio.parts, files);
  portfolio.files = [...files.values()];
  return portfolio;
}

function readPortfolioYaml(src: AuthoredSource, portfolio: Portfolio, bag: DiagnosticBag): void {
  const y = src.portfolio!;
  if (y.value === null || y.value === undefined) return; // an empty file: all defaults
  // The portfolio's own fields; the view fields are checked by views/ against the config schema.
  checkDocument(PORTFOLIO_FIELDS_DOCUMENT, y, bag);
  if (!isObj(y.value)) return;
  const v = y.value;
  const id = str(v.id);
  if (id) portfolio.id = id;
  const title = str(v.title);
  if (title !== undefined) portfolio.title = title;
  const lang = str(v.lang);
  if (lang) portfolio.lang = lang;
  if (isObj(v.ims)) portfolio.ims = structuredClone(v.ims) as Portfolio['ims'] & object;
  if (isObj(v.leap2a)) {
    portfolio.leap2a = structuredClone(v.leap2a) as unknown as NonNullable<Portfolio['leap2a']>;
    portfolio.titleNamesExport = true; // kept from a Leap2A import, whose title named the export
  }
  if (v.extensions !== undefined) portfolio.extensions = extensions(v.extensions);
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
  const found = checkDocument(PART_DOCUMENT, y, bag);
  const start: Location = { file: pf.display, line: 1, column: 1 };
  if (!isObj(y.value)) return undefined;
  const v = y.value;

  const stem = posix.basename(pf.path).replace(/\.(md|markdown)$/i, '');
  const id = v.id === undefined ? stem : str(v.id);
  if (!id) return undefined;
  const idAt = v.id === undefined ? start : y.at(['id']);

  // A missing or unknown kind was reported by the schema check; the part is then left out.
  const kind = typeof v.kind === 'string' && (PART_KINDS as readonly string[]).includes(v.kind) ? (v.kind as PartKind) : undefined;

  const lang = str(v.lang);
  const cx: Cx = { y, bag, found, ...(lang ? { lang } : {}) };
  const part: Part = { id, kind: kind ?? 'product', slug: '', dates: [], rationale: [], tags: [], files: [], extensions: [], origin: { ...start } };
  const scope: FileScope = { src, files, dir: posix.dirname(pf.path) === '.' ? '' : posix.dirname(pf.path), used: [] };

  const description: PartDescription = { full: [] };
  if (v.title !== undefined) {
    const t = text(cx, v.title);
    if (t) description.short = t;
  }
  const long = body(pf, v, cx, bag);
  if (long) description.long = long;
  if (v.files !== undefined) description.full = readFiles(cx, ['files'], v.files, scope);
  if (v.filesComment !== undefined) {
    const c = text(cx, v.filesComment);
    if (c) description.fullComment = c;
  }
  if (description.short || description.long || description.full.length || description.fullComment) part.description = description;

  if (v.officialTitle !== undefined) {
    const t = text(cx, v.officialTitle);
    if (t) part.title = t;
  }
  if (v.type !== undefined) {
    const t = term(v.type);
    if (t) part.type = t;
  }
  for (const k of ['comment', 'author', 'priority'] as const) {
    if (v[k] === undefined) continue;
    const t = text(cx, v[k]);
    if (t) part[k] = t;
  }
  if (v.rationale !== undefined) part.rationale = texts(cx, v.rationale);
  if (v.tags !== undefined && !isObj(v.tags)) part.tags = strings(v.tags);
  if (v.dates !== undefined) part.dates = readDates(cx, ['dates'], v.dates, scope);
  // `date:` as Eleventy, Jekyll and Hugo front matter write it: one date, with no type, first.
  if (v.date !== undefined) {
    const d = readDate(cx, ['date'], v.date, scope);
    if (d) part.dates = [d, ...part.dates];
  }
  if (v.status !== undefined) {
    const s = readStatus(cx, ['status'], v.status, scope);
    if (s) part.status = s;
  }
  let parentAt: Location | undefined;
  let slugAt: Location | undefined;
  if (v.slug !== undefined) {
    const s = str(v.slug);
    // The schema's pattern is the slug form; slugify is the same rule, applied once more here.
    if (s !== undefined && s === slugify(s) && s.length > 0) {
      part.slug = s;
      slugAt = y.at(['slug']);
    } else if (s !== undefined && !found.broken(['slug'])) invalid(cx, ['slug'], `slug "${s}" must be lowercase letters a-z, digits and single hyphens (such as "${slugify(s)}"), at most 80 characters`);
  }
  if (v.parent !== undefined) {
    const p = str(v.parent);
    if (p) {
      part.parent = p;
      parentAt = y.at(['parent']);
    }
  }
  if (v.sourcedId !== undefined) {
    const sid = readSourcedId(v.sourcedId);
    if (sid) part.sourcedId = sid;
  }
  if (v.ims !== undefined) {
    const ims = imsRecord(v.ims);
    if (ims) {
      part.ims = ims;
      neutralFromIms(part);
    }
  }
  if (v.leap2a !== undefined) {
    if (isObj(v.leap2a) && Array.isArray(v.leap2a.types)) {
      part.leap2a = structuredClone(v.leap2a) as unknown as NonNullable<Part['leap2a']>;
      // A person from a Leap2A import travels in its persondata elements.
      if (kind === 'identification' && !part.ims && Array.isArray(part.leap2a.elements)) {
        const person = personFromPersondata(part.leap2a.elements, part.title?.value);
        if (person) part.person = person;
      }
      // A Mahara page travels in its <mahara:view> element; its layout is read from it as Leap2A reads it.
      if (Array.isArray(part.leap2a.elements)) pageFromLeap2a(cx, part);
      neutralFromLeap2a(part);
    }
  }
  if (v.level !== undefined) readLevel(cx, part, v.level);
  // Written by pack from the neutral field, so it wins over one derived from a kept record.
  const resume = v.resume === undefined ? undefined : readResume(v.resume);
  if (resume) part.resume = resume;
  if (v.name !== undefined || v.email !== undefined || v.web !== undefined) {
    if (kind !== undefined && kind !== 'identification') {
      for (const k of IDENTIFICATION_FIELDS) if (v[k] !== undefined) invalid(cx, [k], `${k}: belongs to the owner's identification (kind: identification)`);
    } else {
      const name = v.name === undefined ? undefined : text(cx, v.name);
      applyIdentification(part, name, v.email === undefined ? [] : strings(v.email), v.web === undefined ? [] : strings(v.web));
    }
  }
  if (v.extensions !== undefined) part.extensions = extensions(v.extensions);

  for (const [field, type] of RELATION_FIELDS) {
    if (v[field] === undefined) continue;
    const to = strings(v[field]);
    const toAt = Array.isArray(v[field]) ? to.map((_, i) => y.at([field, i])) : [y.at([field])];
    relations.push({ relation: { id: `${id}.${field}`, type, from: id, to, extensions: [], origin: originAt(y.keyAt([field])) }, toAt, idAt: y.keyAt([field]) });
  }
  if (v.relations !== undefined) readRelationList(cx, v.relations, id, scope, relations);

  part.files = [...new Set([...part.description?.full.flatMap((m) => (m.file ? [m.file] : [])) ?? [], ...scope.used])];
  return { part, idAt, ...(parentAt ? { parentAt } : {}), ...(slugAt ? { slugAt } : {}), ...(kind === undefined ? { broken: true } : {}) };
}

/** A qualification's level (`level: Master's degree`), in the part's neutral qualification. */
function readLevel(cx: Cx, part: Part, v: unknown): void {
  if (part.kind !== 'qcl') {
    invalid(cx, ['level'], 'level: belongs to a qualification (kind: qcl)');
    return;
  }
  const t = text(cx, v);
  if (!t) return;
  part.qualification = { ...part.qualification, level: t.value, ...(t.lang ? { lang: t.lang } : {}) };
}

/** The body: Markdown (default), or HTML or plain text as `format:` says. */
function body(pf: AuthoredPartFile, v: Obj, cx: Cx, bag: DiagnosticBag): PartDescription['long'] {
  const raw = pf.body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  let format = 'markdown' as (typeof BODY_FORMATS)[number];
  if (v.format !== undefined) {
    // Any other value was reported by the schema check.
    if (typeof v.format === 'string' && (BODY_FORMATS as readonly string[]).includes(v.format)) format = v.format as typeof format;
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

