/**
 * Generated portfolios for property tests and benchmarks.
 *
 * `arbPortfolio` produces Portfolio objects in the shape the IMS reader itself produces (without
 * `ims` records, except the GMS group a participation needs, and without `origin`s): every neutral field is one
 * that the IMS element of the part can carry, texts are trimmed and free of control characters,
 * parts are listed in the order the reader lists them (each part followed by its nested parts,
 * depth first), slugs come from `assignSlugs`, files are sorted as the reader sorts them, and
 * `part.files` lists media files in order of first use. So Portfolio → IMS package → read back
 * should give the same neutral fields, which the round-trip property checks.
 *
 * `generateLargePortfolio` is a plain deterministic builder (no fast-check) for the benchmark.
 */
import fc from 'fast-check';
import type { XmlElement, XmlNode } from '../../src/formats/xml/tree.ts';
import { makeFile } from '../../src/model/files.ts';
import { IMS_RELATIONS } from '../../src/model/ims/vocabulary.ts';
import { assignSlugs } from '../../src/model/slug.ts';
import {
  PART_KINDS,
  type MediaItem,
  type Part,
  type PartDate,
  type PartDescription,
  type PartKind,
  type PartStatus,
  type Portfolio,
  type PortfolioFile,
  type Relation,
  type SourcedId,
  type Term,
  type Text,
} from '../../src/model/types.ts';

// ---------------------------------------------------------------------------------------------
// What each IMS element can carry. A neutral field the element's schema has no place for is
// not written by to-ims (the codec ignores it), so the reader could never produce it: the
// generator leaves it out. Derived from src/formats/lip/{segments,identification,eportfolio-parts}.ts.
// ---------------------------------------------------------------------------------------------

/** The element a part is written as: its kind, or `testimonial` for an assertion nested in an activity. */
export type PartElement = PartKind | 'testimonial';

/** Which neutral fields an element can hold. */
export interface ElementCaps {
  type: boolean;
  comment: boolean;
  title: boolean;
  description: boolean;
  /** `many` dates, a single `date` (product), or none. */
  dates: 'many' | 'one' | 'none';
  status: boolean;
  priority: boolean;
  /** authorship and rationales (assertion, reflexion). */
  statement: boolean;
}

const caps = (c: Partial<ElementCaps>): ElementCaps => ({
  type: false, comment: true, title: false, description: false, dates: 'none', status: false, priority: false, statement: false, ...c,
});

/** Field capabilities by element. */
export const ELEMENT_CAPS: Record<PartElement, ElementCaps> = {
  identification: caps({}),
  activity: caps({ type: true, description: true, dates: 'many', status: true }),
  affiliation: caps({ type: true, description: true, dates: 'many', status: true }),
  assertion: caps({ type: true, description: true, dates: 'many', status: true, statement: true }),
  reflexion: caps({ type: true, description: true, dates: 'many', status: true, statement: true }),
  testimonial: caps({ type: true, description: true, dates: 'many' }),
  competency: caps({ description: true }),
  goal: caps({ type: true, description: true, dates: 'many', status: true, priority: true }),
  interest: caps({ type: true, description: true }),
  participation: caps({ type: true }),
  product: caps({ type: true, description: true, dates: 'one' }),
  qcl: caps({ type: true, title: true, description: true, dates: 'many' }),
  rubric: caps({}),
  securitykey: caps({ type: true, description: true }),
  transcript: caps({ type: true, description: true }),
  accessibility: caps({}),
};

/**
 * Which kinds may be nested in which, as to-ims writes them back (and from-ims reads them):
 * products and testimonials in an activity's items, sub-activities, sub-goals,
 * sub-affiliations, and one product in an interest.
 */
export const CHILD_KINDS: Partial<Record<PartKind, PartKind[]>> = {
  activity: ['product', 'assertion', 'activity'],
  goal: ['goal'],
  affiliation: ['affiliation'],
  interest: ['product'],
};

/** The reader lists an activity's items (products, testimonials) before its sub-activities. */
function childRank(parent: PartKind, child: PartKind): number {
  return parent === 'activity' && child === 'activity' ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Field values, independent of fast-check (used by both the arbitraries and the large builder).
// ---------------------------------------------------------------------------------------------

/** Everything a part could carry; `buildPart` keeps what the element allows. */
export interface PartFields {
  type?: Term;
  comment?: Text;
  title?: Text;
  description?: Omit<PartDescription, 'full'>;
  /** Media of the full description, as indexes into the portfolio's files (products only). */
  media: { file: number; mode?: string; mimeType: boolean }[];
  fullComment?: Text;
  dates: PartDate[];
  status?: PartStatus;
  priority?: Text;
  author?: Text;
  rationale: Text[];
  sourcedId?: SourcedId;
}

/** Removes keys whose value is undefined (the reader never writes them). */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Files used by a part's media, in order of first use (what from-ims `mediaFiles` computes). */
function mediaFilesOf(part: Part): string[] {
  const out: string[] = [];
  const add = (d: PartDescription | undefined) => d?.full.forEach((m) => m.file && !out.includes(m.file) && out.push(m.file));
  add(part.description);
  part.dates.forEach((d) => add(d.description));
  add(part.status?.description);
  add(part.status?.date?.description);
  return out;
}

/** One part with only the fields its element can carry. `slug` is filled in later. */
export function buildPart(id: string, kind: PartKind, element: PartElement, f: PartFields, files: PortfolioFile[], parent?: string): Part {
  const c = ELEMENT_CAPS[element];
  const part: Part = { id, kind, slug: '', dates: [], rationale: [], tags: [], files: [], extensions: [] };
  if (f.sourcedId) part.sourcedId = { ...f.sourcedId };
  if (c.type && f.type) part.type = f.type;
  if (c.comment && f.comment) part.comment = f.comment;
  if (c.title && f.title) part.title = f.title;
  if (c.description) {
    const full: MediaItem[] =
      kind === 'product' && files.length
        ? f.media.map((m) => {
            const file = files[m.file % files.length]!;
            // mediamode and mimetype are required by the LIP schema, so every IMS source has them.
            return compact<MediaItem>({ carrier: 'uri', file: file.path, mode: m.mode ?? 'Application', mimeType: m.mimeType ? file.mediaType : 'application/octet-stream' });
          })
        : [];
    if (f.description || full.length) {
      const d: PartDescription = { ...(f.description ?? {}), full };
      if (full.length && f.fullComment) d.fullComment = f.fullComment;
      part.description = compact(d);
    }
  }
  if (c.dates === 'many') part.dates = f.dates;
  if (c.dates === 'one') part.dates = f.dates.slice(0, 1);
  if (c.status && f.status) part.status = f.status;
  if (c.priority && f.priority) part.priority = f.priority;
  if (c.statement) {
    if (f.author) part.author = f.author;
    part.rationale = f.rationale;
  }
  if (parent !== undefined) part.parent = parent;
  part.files = mediaFilesOf(part);
  if (kind === 'participation') part.ims = { element: 'participation', record: { group: participationGroup() } };
  return part;
}

const GMS = 'http://www.imsglobal.org/services/gms/xsd/imsGroupManDataSchema_v1p0';

/**
 * The GMS <group> a participation requires, as the reader keeps it in `ims.record` (the model
 * has no neutral field for it). Without it to-ims writes a <participation> with no <group>,
 * which is schema-invalid and read back with XmlMissingRequired warnings and a placeholder
 * group: a known exporter gap, reported separately, so generated participations carry one.
 */
function participationGroup(): Record<string, unknown> {
  const el = (name: string, children: XmlNode[]): XmlElement => ({ type: 'element', ns: GMS, name, prefix: 'grp', attrs: [], children });
  return {
    groupType: el('groupType', [
      el('scheme', [{ type: 'text', text: 'Vitrine' }]),
      el('typeValue', [el('type', [{ type: 'text', text: 'Course' }]), el('level', [{ type: 'text', text: '1' }])]),
    ]),
    relationships: [],
  };
}

/** A tree of parts before ids are given. */
export interface PartNode {
  kind: PartKind;
  fields: PartFields;
  /** Chooses the id's spelling (see ID_PREFIXES): several spellings slugify alike, testing collisions. */
  idStyle: number;
  /** The id's number (a taken id gets `_<n>` appended, n being the part's position). */
  idNum: number;
  children: PartNode[];
}

/** Id spellings: `p_1`, `p-1` and `P.1` all slugify to `p-1`, so slugs collide and get `-2`. */
export const ID_PREFIXES = ['p_', 'p-', 'P.', 'part_', 'Éval_'] as const;

/**
 * Flattens part trees into parts in reader order (pre-order; an activity's items before its
 * sub-activities), giving ids `<prefix><n>`, dropping nestings to-ims cannot write, and assigning
 * slugs with `assignSlugs` as the reader does.
 */
export function flattenParts(roots: PartNode[], files: PortfolioFile[]): Part[] {
  const parts: Part[] = [];
  const taken = new Set<string>();
  let n = 0;
  const visit = (node: PartNode, parent: Part | undefined, element: PartElement) => {
    n++;
    // Small numbers with several spellings: `p_1` and `p-1` may both occur (their slugs collide).
    let id = `${ID_PREFIXES[node.idStyle % ID_PREFIXES.length]}${node.idNum}`;
    if (taken.has(id)) id = `${id}_${n}`;
    taken.add(id);
    const part = buildPart(id, node.kind, element, node.fields, files, parent?.id);
    parts.push(part);
    let kids = node.children.filter((k) => CHILD_KINDS[node.kind]?.includes(k.kind));
    if (node.kind === 'interest') kids = kids.slice(0, 1); // an interest holds one product
    kids = [...kids].sort((a, b) => childRank(node.kind, a.kind) - childRank(node.kind, b.kind));
    for (const k of kids) visit(k, part, node.kind === 'activity' && k.kind === 'assertion' ? 'testimonial' : k.kind);
  };
  for (const r of roots) visit(r, undefined, r.kind);
  const slugs = assignSlugs(parts.map((p) => p.id));
  for (const p of parts) p.slug = slugs.get(p.id)!;
  return parts;
}

/** Sorts files as the reader lists them. */
export function sortFiles(files: PortfolioFile[]): PortfolioFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)); // code-unit order, as the reader sorts
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries
// ---------------------------------------------------------------------------------------------

const optional = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 2 });

/** Languages written as xml:lang. */
export const LANGS = ['en', 'en-GB', 'fr', 'fr-CA', 'de', 'ja', 'zh-Hans'] as const;

/**
 * Pieces of text: ASCII, accents (precomposed and combining), CJK, emoji (astral, ZWJ
 * sequences), XML specials, things that look like entities or markup, inner spaces.
 */
const TOKENS = [
  'a', 'B', 'z', '7', 'Lorem', 'ipsum', ' ', ' ', '  ', '-', '.', ',', '!', '?', ':', '/', '(', ')',
  'é', 'à', 'ü', 'ñ', 'ç', 'Ø', 'ß', 'e\u0301', 'Ω', 'Ж', 'ש', 'ع',
  '日本語', '中文', '한국어', 'ｶﾀｶﾅ', '🎓', '✨', '👩🏽‍💻', '🇫🇷', '\u00a0',
  '<', '>', '&', '"', "'", ']]>', '<b>', '</p>', '&amp;', '&lt;', '&#38;', '{{ x }}', '%20',
] as const;

/** A non-empty text with no leading or trailing whitespace (the reader trims). */
export const arbString: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 })
  .map((t) => t.join('').trim())
  .filter((s) => s.length > 0);

const arbLang = fc.constantFrom(...LANGS);

/** A text with an optional language. */
export const arbText: fc.Arbitrary<Text> = fc.record({ value: arbString, lang: optional(arbLang) }).map((t) => compact({ ...t }));
/** A text with a language (authorship and rationale always have one: to-ims writes en-GB when missing). */
const arbLangText: fc.Arbitrary<Text> = fc.record({ value: arbString, lang: arbLang });

/** A vocabulary term as toTerm produces it. */
function arbTerm(values: readonly string[]): fc.Arbitrary<Term> {
  return fc
    .record({
      value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: arbString }),
      lang: optional(arbLang),
      // '' is what toTerm gives for an empty <tysource/>, which only happens without a sourcetype.
      src: fc.constantFrom<[string | undefined, string | undefined]>(
        [undefined, undefined],
        ['', undefined],
        [undefined, 'imsdefault'],
        ['imsdefault', 'imsdefault'],
        ['Vitrine types', 'proprietary'],
        ['LOM', undefined],
      ),
    })
    .map(({ value, lang, src: [source, sourceType] }) => compact<Term>({ value, lang, source, sourceType }));
}

const arbDateValue = fc
  .record({
    d: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
    dateOnly: fc.boolean(),
  })
  .map(({ d, dateOnly }) => (dateOnly ? d.toISOString().slice(0, 10) : d.toISOString().replace(/\.\d{3}Z$/, 'Z')));

const arbShortDescription: fc.Arbitrary<PartDescription> = fc
  .record({ short: optional(arbText), long: optional(arbText) })
  .map((d) => compact<PartDescription>({ ...d, full: [] }));

const arbDate: fc.Arbitrary<PartDate> = fc
  .record({
    value: arbDateValue,
    type: optional(arbTerm(['Create', 'Update', 'Start', 'Finish', 'Target', 'Award', 'Submit'])),
    description: fc.option(arbShortDescription, { nil: undefined, freq: 5 }),
  })
  .map((d) => compact<PartDate>(d));

const arbStatus: fc.Arbitrary<PartStatus> = fc
  .record({
    type: optional(arbTerm(['Active', 'Completed', 'Suspended', 'Planned'])),
    date: optional(arbDate),
    description: fc.option(arbShortDescription, { nil: undefined, freq: 5 }),
  })
  .map((s) => compact<PartStatus>(s));

/** Every field a part might carry (buildPart keeps the ones its element allows). */
export const arbPartFields: fc.Arbitrary<PartFields> = fc
  .record({
    type: optional(arbTerm(['Essay', 'Education', 'Professional', 'Work', 'Personal', 'Project'])),
    comment: optional(arbText),
    title: optional(arbText),
    description: fc.option(
      fc.record({ short: optional(arbText), long: optional(arbText) }).map((d) => compact({ ...d })),
      { nil: undefined, freq: 4 },
    ),
    media: fc.array(
      fc.record({ file: fc.nat(), mode: optional(fc.constantFrom('Text', 'Image', 'Video', 'Audio', 'Applet', 'Application')), mimeType: fc.boolean() }).map((m) => compact(m)),
      { maxLength: 3 },
    ),
    fullComment: optional(arbText),
    dates: fc.array(arbDate, { maxLength: 3 }),
    status: optional(arbStatus),
    priority: optional(fc.oneof(fc.constantFrom<Text>({ value: 'High' }, { value: 'Low', lang: 'en' }), arbText)),
    author: optional(arbLangText),
    rationale: fc.array(arbLangText, { maxLength: 2 }),
    sourcedId: fc.option(fc.record({ source: fc.constantFrom('Vitrine', 'LMS', 'Mahara'), id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/) }), { nil: undefined, freq: 5 }),
  })
  .map((f) => compact(f));

function arbNode(depth: number): fc.Arbitrary<PartNode> {
  return fc.record({
    kind: fc.constantFrom(...PART_KINDS),
    fields: arbPartFields,
    idStyle: fc.nat({ max: ID_PREFIXES.length - 1 }),
    idNum: fc.nat({ max: 3 }),
    children: depth > 0 ? fc.array(arbNode(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });
}

/** A part of `kind` whose children are of kinds it can hold (down to `depth` more levels). */
function arbNested(kind: PartKind, depth: number): fc.Arbitrary<PartNode> {
  const allowed = CHILD_KINDS[kind];
  const children: fc.Arbitrary<PartNode[]> =
    depth > 0 && allowed
      ? fc.array(fc.constantFrom(...allowed).chain((k) => arbNested(k, depth - 1)), { maxLength: kind === 'interest' ? 1 : 3 })
      : fc.constant([]);
  const idStyle = fc.nat({ max: ID_PREFIXES.length - 1 });
  return fc.record({ kind: fc.constant(kind), fields: arbPartFields, idStyle, idNum: fc.nat({ max: 3 }), children });
}

/** Any kind at the top; kinds that nest get nested parts (up to three levels). */
const arbRoot: fc.Arbitrary<PartNode> = fc.oneof(
  { weight: 3, arbitrary: arbNode(0) },
  { weight: 2, arbitrary: fc.constantFrom<PartKind>('activity', 'goal', 'affiliation', 'interest').chain((k) => arbNested(k, 2)) },
);

const FILE_EXTS = ['png', 'jpg', 'pdf', 'txt', 'bin', 'mp3', 'svg'] as const;
/** File name stems (the index is appended): accents, spaces, CJK. */
const FILE_NAMES = ['f', 'Été ', 'report v', '日本語'] as const;
/**
 * Stems with URI-special characters. Valid package paths, but to-ims writes hrefs and media
 * `uri`s unescaped while the reader percent-decodes them and cuts `?query` and `#fragment`, so
 * such files are not found on reading (a known exporter bug; see the round-trip test).
 */
export const URI_SPECIAL_FILE_NAMES = ['a%20b', 'notes#', 'q?x=', '100%'] as const;

function arbFiles(names: readonly string[]): fc.Arbitrary<PortfolioFile[]> {
  return fc
    .array(
      fc.record({
        bytes: fc.uint8Array({ maxLength: 300 }),
        ext: fc.constantFrom(...FILE_EXTS),
        dir: fc.constantFrom('media', 'media/sub dir', 'files'),
        name: fc.constantFrom(...names),
      }),
      { maxLength: 5 },
    )
    .map((fs) => sortFiles(fs.map((f, i) => makeFile(`${f.dir}/${f.name}${i}.${f.ext}`, f.bytes))));
}

interface RelationSpec {
  type: number;
  from: number;
  to: number[];
  typeTerm: boolean;
  text?: Text;
  category?: Term;
  comment?: Text;
  description?: PartDescription;
  sourcedId?: SourcedId;
}

const arbRelationSpec: fc.Arbitrary<RelationSpec> = fc
  .record({
    type: fc.nat(),
    from: fc.nat(),
    to: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    typeTerm: fc.boolean(),
    text: fc.option(arbText, { nil: undefined, freq: 4 }),
    category: fc.option(arbTerm(['Evidence', 'Reflection']), { nil: undefined, freq: 4 }),
    comment: fc.option(arbText, { nil: undefined, freq: 4 }),
    description: fc.option(arbShortDescription, { nil: undefined, freq: 4 }),
    sourcedId: fc.option(fc.record({ source: fc.constant('Vitrine'), id: fc.stringMatching(/^R[0-9]{1,4}$/) }), { nil: undefined, freq: 6 }),
  })
  .map((r) => compact(r));

/** Relations between the given parts, with ids `r_<n>`, types from IMS_RELATIONS. */
export function buildRelations(specs: RelationSpec[], parts: Part[]): Relation[] {
  if (!parts.length) return [];
  return specs.map((s, i) => {
    const type = IMS_RELATIONS[s.type % IMS_RELATIONS.length]!;
    const rel: Relation = {
      id: `r_${i + 1}`,
      type,
      from: parts[s.from % parts.length]!.id,
      to: s.to.map((t) => parts[t % parts.length]!.id),
      extensions: [],
    };
    if (s.typeTerm) rel.typeTerm = { value: type, sourceType: 'imsdefault' };
    if (s.text) rel.text = s.text;
    if (s.category) rel.category = s.category;
    if (s.comment) rel.comment = s.comment;
    if (s.description) rel.description = s.description;
    if (s.sourcedId) rel.sourcedId = s.sourcedId;
    return rel;
  });
}

/** Options of `portfolioArbitrary`. */
export interface PortfolioArbitraryOptions {
  /** Also name files with `%`, `#`, `?` (see URI_SPECIAL_FILE_NAMES). Off by default. */
  uriSpecialFileNames?: boolean;
}

/** Portfolios as the IMS reader would produce them (without `ims` records and origins). */
export function portfolioArbitrary(options: PortfolioArbitraryOptions = {}): fc.Arbitrary<Portfolio> {
  const names = options.uriSpecialFileNames ? [...FILE_NAMES, ...URI_SPECIAL_FILE_NAMES] : FILE_NAMES;
  return fc
    .record({
      id: fc.constantFrom('vitrine-demo', 'portfolio_1', 'ePortfolio-été', 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e'),
      title: arbString,
      roots: fc.array(arbRoot, { minLength: 1, maxLength: 6 }),
      files: arbFiles(names),
      relations: fc.array(arbRelationSpec, { maxLength: 6 }),
    })
    .map(({ id, title, roots, files, relations }) => {
      const parts = flattenParts(roots, files);
      return { id, title, parts, relations: buildRelations(relations, parts), files, extensions: [] } satisfies Portfolio;
    });
}

/** The default portfolio arbitrary. */
export const arbPortfolio: fc.Arbitrary<Portfolio> = portfolioArbitrary();

// ---------------------------------------------------------------------------------------------
// A large deterministic portfolio for the benchmark.
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG (deterministic benchmark input). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LARGE_WORDS = ['portfolio', 'projet', 'évaluation', 'réflexion', '学习', 'Übung', 'essay', 'team', 'data', 'design', 'stage', 'rapport', '🎓', 'A&B', '<draft>'];

/**
 * A deterministic portfolio of about `nParts` parts (every kind; activities hold two products
 * each; goals a sub-goal), `nFiles` files of ~20 KB referenced by products, and nParts/2
 * relations of 1–3 targets.
 */
export function generateLargePortfolio(nParts: number, nFiles: number): Portfolio {
  const rand = prng(0x5eed_1234);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(LARGE_WORDS)).join(' ');

  const files: PortfolioFile[] = [];
  for (let i = 0; i < nFiles; i++) {
    const size = 18 * 1024 + Math.floor(rand() * 4 * 1024);
    const bytes = new Uint8Array(size);
    for (let j = 0; j < size; j += 4) {
      const v = (rand() * 4294967296) >>> 0;
      bytes[j] = v & 0xff;
      if (j + 1 < size) bytes[j + 1] = (v >>> 8) & 0xff;
      if (j + 2 < size) bytes[j + 2] = (v >>> 16) & 0xff;
      if (j + 3 < size) bytes[j + 3] = v >>> 24;
    }
    files.push(makeFile(`media/file-${String(i).padStart(5, '0')}.${FILE_EXTS[i % FILE_EXTS.length]}`, bytes));
  }
  const sorted = sortFiles(files);

  let fileCursor = 0;
  const fields = (kind: PartKind): PartFields => {
    const year = 2000 + Math.floor(rand() * 25);
    const f: PartFields = {
      type: { value: pick(['Essay', 'Education', 'Professional', 'Project']), sourceType: 'imsdefault' },
      description: { short: { value: words(4), lang: pick(LANGS) }, long: { value: words(40) } },
      media: [],
      dates: [
        { type: { value: 'Create', sourceType: 'imsdefault' }, value: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}` },
        { type: { value: 'Update', sourceType: 'imsdefault' }, value: `${year + 1}-06-01T12:00:00Z` },
      ],
      status: { type: { value: pick(['Active', 'Completed']) } },
      priority: { value: pick(['High', 'Medium', 'Low']) },
      author: { value: words(2), lang: 'en-GB' },
      rationale: [{ value: words(12), lang: 'fr' }],
      comment: { value: words(6) },
      title: { value: words(3) },
    };
    if (kind === 'product' && nFiles > 0) f.media = [{ file: fileCursor++ % nFiles, mode: 'Image', mimeType: true }];
    return f;
  };

  const kinds = PART_KINDS.filter((k) => k !== 'product'); // products come inside activities
  const roots: PartNode[] = [];
  let count = 0;
  for (let i = 0; count < nParts; i++) {
    const kind = kinds[i % kinds.length]!;
    const node: PartNode = { kind, fields: fields(kind), idStyle: 0, idNum: count, children: [] };
    count++;
    if (kind === 'activity') {
      for (let j = 0; j < 2 && count < nParts; j++, count++) node.children.push({ kind: 'product', fields: fields('product'), idStyle: 0, idNum: count, children: [] });
    } else if (kind === 'goal' && count < nParts) {
      node.children.push({ kind: 'goal', fields: fields('goal'), idStyle: 0, idNum: count, children: [] });
      count++;
    }
    roots.push(node);
  }
  const parts = flattenParts(roots, sorted);

  const specs: RelationSpec[] = [];
  for (let i = 0; i < Math.floor(nParts / 2); i++) {
    const nTo = 1 + Math.floor(rand() * 3);
    specs.push({
      type: Math.floor(rand() * IMS_RELATIONS.length),
      from: Math.floor(rand() * parts.length),
      to: Array.from({ length: nTo }, () => Math.floor(rand() * parts.length)),
      typeTerm: false,
    });
  }
  return { id: 'vitrine-bench', title: `Benchmark portfolio (${nParts} parts)`, parts, relations: buildRelations(specs, parts), files: sorted, extensions: [] };
}
