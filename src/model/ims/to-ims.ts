/**
 * Portfolio → ImsPackage, generated from the model's fields (never by replaying source bytes):
 * neutral fields are written into each part's typed record, nested parts are put back inside
 * their parents, extensions go back where they came from, and the manifest is rebuilt.
 */
import type { ImsPackage, Manifest, ManifestItem, ManifestResource, PartFile } from '../../formats/ims-package/index.ts';
import type { LipDocument, LipSegment } from '../../formats/lip/index.ts';
import { imsRecordOf } from './person-out.ts';
import { notInImsRecord } from './facts.ts';
import { rubricNotWritten } from './rubric-out.ts';
import { DiagnosticBag } from '../../diagnostics/index.ts';
import { slugify } from '../slug.ts';
import type { Part, Portfolio, PortfolioFile, Relation } from '../types.ts';
import { restoreExtensions } from './extensions.ts';
import { encodeHref, mediaWriter } from './media.ts';
import { fromDate, fromDescription, fromStatus, fromTerm, fromText, type MediaCodec } from './neutral.ts';
import { RESOURCE_TYPES } from './vocabulary.ts';

type Obj = Record<string, unknown>;
const EP_ROOTS = new Set(['assertion', 'reflexion', 'participation', 'rubric']);

/**
 * Neutral fields each element's schema has a place for. A field set on a part whose element
 * has no place for it is reported (ExportFieldDropped) rather than dropped silently.
 */
const CARRIES: Record<string, readonly string[]> = {
  identification: ['comment'],
  goal: ['type', 'comment', 'dates', 'priority', 'status', 'description'],
  qcl: ['type', 'comment', 'title', 'dates', 'description'],
  activity: ['type', 'comment', 'dates', 'status', 'description'],
  product: ['type', 'comment', 'date', 'description'],
  testimonial: ['type', 'comment', 'dates', 'description'],
  competency: ['comment', 'description'],
  interest: ['type', 'comment', 'description'],
  affiliation: ['type', 'comment', 'dates', 'status', 'description'],
  accessibility: ['comment'],
  securitykey: ['type', 'comment', 'description'],
  transcript: ['type', 'comment', 'description'],
  assertion: ['type', 'comment', 'author', 'rationale', 'dates', 'status', 'description'],
  reflexion: ['type', 'comment', 'author', 'rationale', 'dates', 'status', 'description'],
  participation: ['type', 'comment'],
  rubric: ['comment'],
};

function reportDropped(part: Part, element: string, record: Obj, bag: DiagnosticBag): void {
  const carries = CARRIES[element] ?? [];
  const present: [string, boolean][] = [
    ['type', !!part.type],
    ['comment', !!part.comment],
    ['title', !!part.title],
    ['description', !!part.description],
    ['dates', part.dates.length > (carries.includes('date') ? 1 : 0)],
    ['status', !!part.status],
    ['priority', !!part.priority],
    ['author', !!part.author],
    ['rationale', part.rationale.length > 0],
    ['tags', part.tags.length > 0],
    ['résumé record', notInImsRecord(part).resume],
    // The rubric is written into the record (rubric-out.ts); only what it could not say is reported.
    ['rubric criteria and levels', part.kind === 'rubric' ? rubricNotWritten(part.rubric, record) : notInImsRecord(part).rubric],
  ];
  const dropped = present.filter(([f, has]) => has && !carries.includes(f) && !(f === 'dates' && carries.includes('dates'))).map(([f]) => f);
  if (!dropped.length) return;
  const what = dropped.map((f) => (f === 'dates' && carries.includes('date') ? 'dates after the first' : f)).join(', ');
  bag.add('ExportFieldDropped', `part "${part.id}" (${element}): ${what} cannot be written in IMS LIP and ${dropped.length === 1 ? 'was' : 'were'} left out of the package`, part.origin);
}

/** Builds an IMS package from a portfolio; `bag` receives what could not be written. */
export function portfolioToIms(p: Portfolio, bag = new DiagnosticBag()): ImsPackage {
  const files = new Map<string, PortfolioFile>(p.files.map((f) => [f.path, f]));
  const media = mediaWriter(files, (path) => path);
  const children = new Map<string, Part[]>();
  for (const part of p.parts) if (part.parent) (children.get(part.parent) ?? children.set(part.parent, []).get(part.parent)!).push(part);
  const known = new Set(p.parts.map((x) => x.id));

  // Group top-level parts and relations into part files, keeping source files where known.
  type Entry = { file: string; position: number; order: number; segment: LipSegment; head?: LipDocument['head']; ep: boolean; used: string[] };
  const entries: Entry[] = [];
  p.parts.forEach((part, order) => {
    if (part.parent && known.has(part.parent)) return;
    const { element, record } = buildPart(part, children, media, undefined, bag);
    const used = collectFiles(part, children);
    const ep = EP_ROOTS.has(element);
    const segment = (element === 'product'
      ? { kind: 'activity', value: { items: [{ el: 'product', value: record }], dates: [], activities: [] } }
      : { kind: element === 'testimonial' ? 'assertion' : element, value: record }) as LipSegment;
    const e: Entry = { file: part.ims?.file ?? `parts/${part.slug || slugify(part.id)}.xml`, position: part.ims?.position ?? 0, order, segment, ep, used };
    if (part.ims?.document) e.head = part.ims.document;
    entries.push(e);
  });
  p.relations.forEach((rel, i) => {
    const e: Entry = {
      file: rel.ims?.file ?? 'relationships.xml',
      position: rel.ims?.position ?? i,
      order: p.parts.length + i,
      segment: { kind: 'relationship', value: buildRelation(rel, media) } as LipSegment,
      ep: false,
      used: rel.description?.full.flatMap((m) => (m.file ? [m.file] : [])) ?? [],
    };
    if (rel.ims?.document) e.head = rel.ims.document;
    entries.push(e);
  });

  const byFile = new Map<string, Entry[]>();
  for (const e of entries) {
    // An ePortfolio part root holds exactly one part: a second one gets a file of its own.
    let file = e.file;
    const taken = byFile.get(file);
    if (taken && (e.ep || taken.some((t) => t.ep))) file = file.replace(/\.xml$/i, '') + `-${e.order}.xml`;
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(e);
  }
  const parts: PartFile[] = [];
  const resources: ManifestResource[] = [];
  const items: ManifestItem[] = [];
  const usedFiles = new Set<string>();
  const inline = new Set(collectInline(p));
  let n = 0;
  for (const [file, list] of byFile) {
    list.sort((a, b) => a.position - b.position || a.order - b.order);
    const first = list[0]!;
    const doc: LipDocument = first.ep
      ? { root: first.segment.kind as LipDocument['root'], segments: [first.segment] }
      : { root: 'learnerinformation', segments: list.map((l) => l.segment) };
    if (!first.ep && first.head) doc.head = structuredClone(first.head);
    parts.push({ path: file, doc, resourceId: `RES-${++n}` });
    const kind = first.segment.kind === 'activity' && isWrapped(first.segment) ? 'product' : first.segment.kind;
    const used = [...new Set(list.flatMap((l) => l.used))].filter((f) => files.has(f) && !inline.has(f));
    used.forEach((f) => usedFiles.add(f));
    resources.push({ identifier: `RES-${n}`, type: RESOURCE_TYPES[kind] ?? `imslip-${kind}`, href: encodeHref(file), files: [{ href: encodeHref(file) }, ...used.map((href) => ({ href: encodeHref(href) }))] });
    items.push({ identifier: `ITEM-${n}`, identifierref: `RES-${n}`, title: itemTitle(first.segment, kind), items: [] });
  }
  const orphans = p.files.filter((f) => !usedFiles.has(f.path) && !inline.has(f.path)).map((f) => f.path);
  if (orphans.length) resources.push({ identifier: 'RES-files', type: 'webcontent', files: orphans.map((href) => ({ href: encodeHref(href) })) });

  const kept = structuredClone(p.ims?.manifest ?? {}) as Partial<Manifest>;
  const manifest: Manifest = {
    version: '1.0', // required by imsportfoliocp_v1p0.xsd
    ...kept,
    identifier: xmlId(p.id),
    organizations: { default: 'ORG-1', list: [{ identifier: 'ORG-1', title: p.title ?? p.id, items: items.length ? items : [{ identifier: 'ITEM-0', title: p.title ?? p.id, items: [] }] }] },
    resources: { list: resources },
    manifests: [],
  };
  if (manifest.identifier !== p.id) bag.add('ExportIdRewritten', `the portfolio id "${p.id}" is written as "${manifest.identifier}": a manifest identifier must be an XML name`);
  restoreExtensions({ manifest }, p.extensions.filter((x) => x.path.startsWith('/manifest')));
  const out = new Map<string, Uint8Array>();
  for (const path of [...usedFiles, ...orphans]) out.set(path, files.get(path)!.bytes);
  return { manifest, root: '', parts, files: out };
}

/** The manifest identifier is an xs:ID (an NCName): other characters become `-`, and a bad start gets `id-`. */
export function xmlId(id: string): string {
  const cleaned = id.replace(/[^\p{L}\p{N}._-]/gu, '-');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `id-${cleaned}`;
}

function isWrapped(seg: LipSegment): boolean {
  const v = seg.value as Obj;
  return Array.isArray(v.items) && v.items.length === 1 && (v.items[0] as { el: string }).el === 'product' && Object.keys(v).every((k) => ['items', 'dates', 'activities'].includes(k));
}

function itemTitle(seg: LipSegment, kind: string): string {
  const v = (isWrapped(seg) ? ((seg.value as Obj).items as { value: Obj }[])[0]!.value : seg.value) as Obj;
  const short = (v.description as { short?: { value?: string } } | undefined)?.short?.value;
  const title = (v.title as { value?: string } | undefined)?.value;
  return title || short || kind;
}

function defaultElement(part: Part, parentElement: string | undefined): string {
  if (part.kind === 'assertion' && parentElement === 'activity') return 'testimonial';
  return part.kind;
}

/** The record of one part, with neutral fields written in and nested parts rebuilt. */
function buildPart(part: Part, children: Map<string, Part[]>, media: MediaCodec, parentElement: string | undefined, bag: DiagnosticBag): { element: string; record: Obj } {
  let element = part.ims?.element ?? defaultElement(part, parentElement);
  if (element === 'testimonial' && parentElement !== 'activity') element = 'assertion';
  const r = imsRecordOf(part);
  reportDropped(part, element, r, bag);
  if (part.type) r.typename = fromTerm(part.type);
  if (part.comment) r.comment = fromText(part.comment);
  if (part.title && element === 'qcl') r.title = fromText(part.title);
  if (part.description) r.description = fromDescription(part.description, media);
  if (element === 'product') {
    if (part.dates[0]) r.date = fromDate(part.dates[0], media);
  } else r.dates = part.dates.map((d) => fromDate(d, media));
  if (part.status) r.status = fromStatus(part.status, media);
  if (part.priority) r.priority = fromText(part.priority);
  if (part.author) r.authorship = { language: part.author.lang ?? 'en-GB', text: part.author.value };
  if (part.rationale.length) r.rationales = part.rationale.map((x) => ({ language: x.lang ?? 'en-GB', text: x.value }));
  setIdentity(r, part.id, part.sourcedId);

  // Put nested parts back: placeholders keep their places; new children are appended.
  const kids = children.get(part.id) ?? [];
  const placed = new Set<string>();
  const build = (id: unknown) => {
    const kid = kids.find((k) => k.id === id);
    if (!kid) return undefined;
    placed.add(kid.id);
    return buildPart(kid, children, media, element, bag).record;
  };
  if (Array.isArray(r.items)) {
    r.items = (r.items as { el: string; value: Obj }[]).flatMap((it) => {
      if (!('ref' in it.value)) return [it];
      const v = build(it.value.ref);
      return v ? [{ el: it.el, value: v }] : [];
    });
  }
  for (const key of ['goals', 'activities', 'affiliations'] as const) {
    if (Array.isArray(r[key])) r[key] = (r[key] as { ref?: string }[]).map((x) => build(x.ref)).filter(Boolean);
  }
  if (r.product && typeof r.product === 'object' && 'ref' in (r.product as Obj)) {
    const v = build((r.product as { ref: string }).ref);
    if (v) r.product = v;
    else delete r.product;
  }
  for (const kid of kids) {
    if (placed.has(kid.id)) continue;
    const v = buildPart(kid, children, media, element, bag);
    if (element === 'activity' && (v.element === 'product' || v.element === 'testimonial')) ((r.items ??= []) as unknown[]).push({ el: v.element, value: v.record });
    else if (element === 'interest' && v.element === 'product' && !r.product) r.product = v.record;
    else if (element === kid.kind && ['goal', 'activity', 'affiliation'].includes(element)) ((r[`${element === 'activity' ? 'activities' : element + 's'}`] ??= []) as unknown[]).push(v.record);
    else bag.add('ExportFieldDropped', `part "${kid.id}" (${kid.kind}) is nested in "${part.id}" (${element}), where IMS LIP has no place for it, and was left out of the package`, kid.origin);
  }
  if (element === 'activity') r.items ??= [];
  restoreExtensions(r, part.extensions);
  return { element, record: r };
}

function setIdentity(r: Obj, id: string, sourced: Part['sourcedId']): void {
  const ct = (r.contentype ?? { items: [] }) as { items: { el: string; value: Obj }[] };
  ct.items ??= [];
  const ref: Obj = { indexid: id };
  if (sourced) ref.sourcedid = { source: sourced.source, id: sourced.id };
  ct.items.unshift({ el: 'referential', value: ref });
  r.contentype = ct;
}

function buildRelation(rel: Relation, media: MediaCodec): Obj {
  const r = structuredClone(rel.ims?.record ?? {}) as Obj & { ends?: { source?: Obj; dests?: (Obj | undefined)[] } };
  const ends = r.ends;
  delete r.ends;
  if (rel.category) r.typename = fromTerm(rel.category);
  if (rel.comment) r.comment = fromText(rel.comment);
  if (rel.description) r.description = fromDescription(rel.description, media);
  const end = (indexid: string, sourcedid: Obj | undefined) => (sourcedid ? { sourcedid, indexid } : { indexid });
  const relation: Obj = { typename: fromTerm(rel.typeTerm ?? { value: rel.type }) };
  if (rel.typeTerm && rel.typeTerm.value !== rel.type) (relation.typename as { value: { value: string } }).value.value = rel.type;
  if (rel.text) relation.text = rel.text.lang ? { value: rel.text.value, lang: rel.text.lang } : { value: rel.text.value };
  r.tuple = { source: end(rel.from, ends?.source), relation, dests: rel.to.map((t, i) => end(t, ends?.dests?.[i])) };
  setIdentity(r, rel.id, rel.sourcedId);
  restoreExtensions(r, rel.extensions);
  return r;
}

function collectFiles(part: Part, children: Map<string, Part[]>): string[] {
  return [...part.files, ...(children.get(part.id) ?? []).flatMap((k) => collectFiles(k, children))];
}

/** Files that travel inline as Base-64 inside part files, not as files of the package. */
function collectInline(p: Portfolio): string[] {
  const out: string[] = [];
  const scan = (d: Part['description']) => d?.full.forEach((m) => m.carrier === 'base64' && m.file && out.push(m.file));
  for (const x of [...p.parts, ...p.relations]) {
    scan(x.description);
    if ('dates' in x) x.dates.forEach((d) => scan(d.description));
  }
  return out;
}
