/**
 * ImsPackage → Portfolio. Each LIP/ePortfolio segment becomes a part (nested products,
 * testimonials, sub-goals, sub-activities and sub-affiliations become parts of their own with
 * `parent`), each relationship a relation. Neutral fields are lifted out of the typed record;
 * what has no neutral field stays in `ims.record`; what was not understood goes to `extensions`.
 */
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import type { ImsPackage, PartFile } from '../../formats/ims-package/index.ts';
import type { LipRelationship } from '../../formats/lip/index.ts';
import { makeFile } from '../files.ts';
import { assignSlugs, slugify } from '../slug.ts';
import type { Part, PartKind, Portfolio, PortfolioFile, Relation, SourcedId } from '../types.ts';
import { takeExtensions } from './extensions.ts';
import { mediaReader } from './media.ts';
import { isRichHtml, sanitizeRichText } from '../sanitize.ts';
import { toDate, toDescription, toStatus, toTerm, toText, type MediaCodec } from './neutral.ts';
import { neutralFromIms } from './facts.ts';
import { resolveRelations, type RawRelation } from './resolve.ts';

type Obj = Record<string, unknown>;

/** How to show a package path in diagnostics. */
export type DisplayPath = (path: string) => string;

interface Scope {
  bag: DiagnosticBag;
  display: DisplayPath;
  files: Map<string, PortfolioFile>;
  parts: Part[];
  ids: Set<string>;
  relationIds: Set<string>;
  relations: RawRelation[];
}

const elementKinds: Record<string, PartKind> = {
  testimonial: 'assertion',
};

/** Maps an IMS package onto the Portfolio model. `fallbackId` names a portfolio without a manifest. */
export function portfolioFromIms(pkg: ImsPackage, display: DisplayPath, bag: DiagnosticBag, fallbackId: string): Portfolio {
  const files = new Map<string, PortfolioFile>();
  for (const [path, bytes] of [...pkg.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files.set(path, makeFile(path, bytes));
  const scope: Scope = { bag, display, files, parts: [], ids: new Set(), relationIds: new Set(), relations: [] };
  for (const pf of pkg.parts) {
    pf.doc.segments.forEach((seg, position) => {
      const origin: Location = { file: display(pf.path), line: seg.line ?? 1, column: seg.column ?? 1 };
      const record = structuredClone(seg.value) as Obj;
      if (seg.kind === 'relationship') readRelation(record as unknown as LipRelationship, pf, position, origin, scope);
      else readPart(seg.kind, record, undefined, pf, position, origin, scope);
    });
  }
  const relations = resolveRelations(scope.relations, scope.parts, bag);
  const slugs = assignSlugs(scope.parts.map((p) => p.id));
  for (const p of scope.parts) p.slug = slugs.get(p.id)!;

  const m = pkg.manifest;
  const portfolio: Portfolio = {
    id: m?.identifier ?? fallbackId,
    parts: scope.parts,
    relations,
    files: [...files.values()],
    extensions: [],
  };
  if (m) {
    const org = m.organizations.list.find((o) => o.identifier === m.organizations.default) ?? m.organizations.list[0];
    if (org?.title) portfolio.title = org.title;
    // The identifier is the portfolio id; the outline and resources are regenerated on export.
    const { organizations: _o, resources: _r, manifests: _m, identifier: _i, ...rest } = structuredClone(m);
    // version="1.0" is what the exporter writes when none is known: the same as no version.
    if (rest.version === '1.0') delete rest.version;
    portfolio.extensions = takeExtensions(rest, '/manifest');
    if (Object.keys(rest).length) portfolio.ims = { manifest: rest };
  } else {
    // Without a manifest there is no title: the folder or file name stands in, as it does on export.
    portfolio.title = fallbackId;
  }
  return portfolio;
}

/** Finds the part's id in its contentype referential and removes that referential from the record. */
function takeIdentity(record: Obj): { indexid?: string; sourcedId?: SourcedId } {
  const ct = record.contentype as { items?: { el: string; value: Obj }[] } | undefined;
  const i = ct?.items?.findIndex((x) => x.el === 'referential') ?? -1;
  if (!ct?.items || i < 0) return {};
  const ref = ct.items[i]!.value as { indexid?: string; sourcedid?: SourcedId } & Obj;
  const onlyIds = Object.keys(ref).every((k) => k === 'indexid' || k === 'sourcedid');
  if (!onlyIds) return {}; // a referential carrying extensions stays where it is
  ct.items.splice(i, 1);
  if (!ct.items.length && Object.keys(ct).length === 1) delete record.contentype;
  const out: { indexid?: string; sourcedId?: SourcedId } = {};
  if (ref.indexid) out.indexid = ref.indexid;
  if (ref.sourcedid) out.sourcedId = { source: ref.sourcedid.source, id: ref.sourcedid.id };
  return out;
}

function uniqueId(wanted: string, scope: Scope, origin: Location, taken = scope.ids, what = 'part'): string {
  if (!taken.has(wanted)) {
    taken.add(wanted);
    return wanted;
  }
  let n = 2;
  while (taken.has(`${wanted}~${n}`)) n++;
  const id = `${wanted}~${n}`;
  taken.add(id);
  scope.bag.add('DuplicatePartId', `id "${wanted}" is used twice; this ${what} is now "${id}"`, origin);
  return id;
}

/** An activity holding nothing but one product is how IMS packages carry a lone product. */
function isProductWrapper(element: string, r: Obj): boolean {
  if (element !== 'activity') return false;
  const items = r.items as { el: string }[];
  const empty = (k: string) => r[k] === undefined || (Array.isArray(r[k]) && (r[k] as unknown[]).length === 0);
  return items.length === 1 && items[0]!.el === 'product' && Object.keys(r).every((k) => k === 'items' || empty(k));
}

function readPart(element: string, record: Obj, parent: string | undefined, pf: PartFile, position: number, origin: Location, scope: Scope): void {
  if (isProductWrapper(element, record)) {
    const product = (record.items as { value: Obj }[])[0]!.value;
    readPart('product', product, parent, pf, position, origin, scope);
    return;
  }
  const kind = elementKinds[element] ?? (element as PartKind);
  const identity = takeIdentity(record);
  const id = uniqueId(identity.indexid ?? identity.sourcedId?.id ?? `${kind}-${scope.parts.length + 1}`, scope, origin);
  const part: Part = { id, kind, slug: '', dates: [], rationale: [], tags: [], files: [], extensions: [], origin };
  if (identity.sourcedId) part.sourcedId = identity.sourcedId;
  if (parent) part.parent = parent;
  scope.parts.push(part);
  // Nested parts first, so their extensions and fields go with them; placeholders keep order.
  const children: [string, Obj][] = [];
  const nest = (el: string, v: Obj) => {
    children.push([el, v]);
    return { ref: children.length - 1 };
  };
  if (Array.isArray(record.items) && (element === 'activity')) {
    record.items = (record.items as { el: string; value: Obj }[]).map((it) =>
      it.el === 'product' || it.el === 'testimonial' ? { el: it.el, value: nest(it.el, it.value) } : it,
    );
  }
  for (const key of ['goals', 'activities', 'affiliations'] as const) {
    if (Array.isArray(record[key])) record[key] = (record[key] as Obj[]).map((v) => nest(element, v));
  }
  if (element === 'interest' && record.product) record.product = nest('product', record.product as Obj);

  part.extensions = takeExtensions(record);
  for (const x of part.extensions) x.origin ??= origin;
  const media = mediaReader({ partFile: pf.path, display: scope.display(pf.path), at: origin, slug: slugify(id), files: scope.files, bag: scope.bag });
  liftNeutral(part, record, media);
  part.files = mediaFiles(part);
  part.ims = { element, record, file: pf.path, position };
  if (pf.doc.head && !parent) part.ims.document = structuredClone(pf.doc.head);
  if (pf.doc.root !== 'learnerinformation') part.ims.document = undefined;
  if (!part.ims.document) delete part.ims.document;
  if (parent) delete part.ims.file;

  // Children get ids now, and their placeholders name them.
  const childIds = children.map(([el, v], i) => {
    const before = scope.parts.length;
    readPart(el, v, id, pf, i, origin, scope);
    return scope.parts[before]?.id;
  });
  replaceRefs(record, childIds);
  neutralFromIms(part);
}

function replaceRefs(v: unknown, ids: (string | undefined)[]): void {
  if (!v || typeof v !== 'object') return;
  if (Array.isArray(v)) return v.forEach((x) => replaceRefs(x, ids));
  const o = v as Obj;
  for (const [k, x] of Object.entries(o)) {
    if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 1 && typeof (x as Obj).ref === 'number') {
      o[k] = { ref: ids[(x as { ref: number }).ref] };
    } else if (Array.isArray(x)) {
      o[k] = x.map((y) =>
        y && typeof y === 'object' && Object.keys(y).length === 1 && typeof (y as Obj).ref === 'number' ? { ref: ids[(y as { ref: number }).ref] } : y,
      );
      (o[k] as unknown[]).forEach((y) => replaceRefs(y, ids));
    }
  }
}

/** Moves the fields that have a neutral home from the record to the part. */
function liftNeutral(part: Part, r: Obj, media: MediaCodec): void {
  const take = <T>(k: string): T | undefined => {
    const v = r[k] as T | undefined;
    delete r[k];
    return v;
  };
  const type = toTerm(take('typename'));
  if (type) part.type = type;
  const comment = toText(take('comment'));
  if (comment) part.comment = comment;
  // Only a qualification's <title> is a LIP string; a rubric's is an RDCEO element kept as is.
  if (part.kind === 'qcl') {
    const title = toText(take('title'));
    if (title) part.title = title;
  }
  const desc = toDescription(take('description'), media);
  if (desc) part.description = desc;
  // A long description written as HTML is kept as sanitized HTML (the model's rich text).
  if (desc?.long && isRichHtml(desc.long.value)) {
    const clean = sanitizeRichText(desc.long.value);
    if (clean.changed) {
      media.report?.('unsafe HTML removed from the long description');
      desc.long.value = clean.html;
    }
  }
  const dates = take<Parameters<typeof toDate>[0][]>('dates');
  const single = r.date !== undefined && part.kind === 'product' ? take<Parameters<typeof toDate>[0]>('date') : undefined;
  part.dates = [...(dates ?? []), ...(single ? [single] : [])].map((d) => toDate(d, media));
  const status = toStatus(take('status'), media);
  if (status) part.status = status;
  const priority = toText(take('priority'));
  if (priority) part.priority = priority;
  const author = take<{ language: string; text: string }>('authorship');
  if (author) part.author = author.language ? { value: author.text, lang: author.language } : { value: author.text };
  const rationales = take<{ language: string; text: string }[]>('rationales');
  if (rationales) part.rationale = rationales.map((x) => (x.language ? { value: x.text, lang: x.language } : { value: x.text }));
}

/** Every package file a part's media use, in order of appearance. */
function mediaFiles(part: Part): string[] {
  const out: string[] = [];
  const add = (d: Part['description']) => d?.full.forEach((m) => m.file && !out.includes(m.file) && out.push(m.file));
  add(part.description);
  part.dates.forEach((d) => add(d.description));
  add(part.status?.description);
  add(part.status?.date?.description);
  return out;
}

function readRelation(r: LipRelationship, pf: PartFile, position: number, origin: Location, scope: Scope): void {
  const record = r as unknown as Obj;
  const identity = takeIdentity(record);
  const extensions = takeExtensions(record);
  for (const x of extensions) x.origin ??= origin;
  const tuple = r.tuple;
  delete record.tuple;
  const rel: Relation = {
    // Relation ids are made unique too: views keep relations by id, so a duplicate must not pass for another.
    id: uniqueId(identity.indexid ?? identity.sourcedId?.id ?? `relation-${scope.relations.length + 1}`, scope, origin, scope.relationIds, 'relation'),
    type: tuple?.relation.typename.value.value ?? '',
    from: tuple?.source.indexid ?? '',
    to: tuple?.dests.map((d) => d.indexid) ?? [],
    extensions,
    origin,
  };
  if (identity.sourcedId) rel.sourcedId = identity.sourcedId;
  const term = toTerm(tuple?.relation.typename);
  if (term && (term.source !== undefined || term.sourceType !== undefined || term.lang)) rel.typeTerm = term;
  const text = tuple?.relation.text;
  if (text) {
    rel.text = { value: text.value ?? '' };
    if (text.lang) rel.text.lang = text.lang;
  }
  const category = toTerm(r.typename);
  delete record.typename;
  if (category) rel.category = category;
  const comment = toText(r.comment);
  delete record.comment;
  if (comment) rel.comment = comment;
  const media = mediaReader({ partFile: pf.path, display: scope.display(pf.path), at: origin, slug: slugify(rel.id), files: scope.files, bag: scope.bag });
  const desc = toDescription(r.description, media);
  delete record.description;
  if (desc) rel.description = desc;
  // Sourced ids on the ends have no neutral home; they stay in the record.
  if (tuple) {
    const ends = { source: tuple.source.sourcedid, dests: tuple.dests.map((d) => d.sourcedid) };
    if (ends.source || ends.dests.some(Boolean)) record.ends = ends;
  }
  rel.ims = { element: 'relationship', record, file: pf.path, position };
  if (pf.doc.head) rel.ims.document = structuredClone(pf.doc.head);
  scope.relations.push({ relation: rel, origin });
}
