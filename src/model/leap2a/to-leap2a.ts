/**
 * Portfolio → Leap2A feed and files, in the form Mahara imports: canonical 2010-07 terms, each
 * relation written at both ends (`has_part` here, `is_part_of` there, with `display_order`),
 * files under `files/` with URL-safe names and the original name as the link's title. What
 * Leap2A has no term for but Vitrine needs to read its own export back (the part kind, comment,
 * priority, rationale, sourced id) goes in Vitrine's namespace. docs/leap2a-mapping.md.
 */
import { DiagnosticBag } from '../../diagnostics/index.ts';
import { parseXmlText } from '../../formats/xml/parse.ts';
import { NS, el, text, type XmlElement } from '../../formats/xml/tree.ts';
import { INVERSES, LEAP2, MAHARA, VITRINE, XHTML, type Leap2aContent, type Leap2aEntry, type Leap2aFeed, type Leap2aLink } from '../../formats/leap2a/index.ts';
import { isRichHtml } from '../sanitize.ts';
import type { Part, Portfolio, Relation, ResumeRecord } from '../types.ts';
import { personDataFromPerson, personName, samePerson } from './person-out.ts';
import { personFromPersondata } from './person.ts';
import { maharaResumes, resumeElement, sameResume } from './resume.ts';
import { parseWhen } from '../dates.ts';
import { LEAP2_OF_IMS_RELATION, TYPE_OF_KIND, pointOfDateType } from './vocabulary.ts';

/** What the writer produced: the feed, the package files (feed excluded) and how file paths were renamed. */
export interface Leap2aExport {
  feed: Leap2aFeed;
  files: Map<string, Uint8Array>;
  /** Model path → package path. */
  paths: Map<string, string>;
}

/** Options of the writer: `now` dates a feed that has no `updated` of its own. */
export interface Leap2aWriteOptions {
  now?: Date;
}

const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/** A URL-safe file name: accents dropped, anything else but letters, digits, `.`, `_` and `-` becomes `-`. */
export function safeFileName(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '');
  return s || 'file';
}

/** Package paths for the portfolio's files: kept when already `files/<safe>`, else `files/<safe base name>`, unique. */
export function packagePaths(paths: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const keep = paths.filter((p) => /^files\//.test(p) && p.split('/').slice(1).every((s) => SAFE_SEGMENT.test(s) && s !== '.' && s !== '..'));
  for (const p of keep) {
    out.set(p, p);
    taken.add(p.toLowerCase());
  }
  for (const p of paths) {
    if (out.has(p)) continue;
    const base = safeFileName(p.split('/').pop()!);
    const dot = base.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
    let candidate = `files/${base}`;
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `files/${stem}-${i}${ext}`;
    taken.add(candidate.toLowerCase());
    out.set(p, candidate);
  }
  return out;
}

const V = (name: string, value: string, attrs: { name: string; value: string }[] = [], lang?: string) =>
  ({ ...el(VITRINE, name, [...attrs.map((a) => ({ ns: '', name: a.name, value: a.value })), ...(lang ? [{ ns: NS.xml, name: 'lang', value: lang, prefix: 'xml' }] : [])], [text(value)]), prefix: 'vitrine' }) as XmlElement;

function withLang(c: Leap2aContent, lang: string | undefined): Leap2aContent {
  return lang ? { ...c, lang } : c;
}

/** Writes rich or plain text as Atom content of the kind it was read as (or HTML when it is HTML). */
function contentOf(value: string, type: string | undefined): Leap2aContent {
  const t = type ?? (isRichHtml(value) ? 'html' : 'text');
  if (t === 'xhtml') {
    const parsed = parseXmlText(`<div xmlns="${XHTML}">${value}</div>`, 'content');
    if (parsed.root) return { type: 'xhtml', xhtml: parsed.root.children };
    return { type: 'html', text: value };
  }
  return { type: t === 'html' ? 'html' : 'text', text: value };
}

/** Builds the Leap2A export of a portfolio; `bag` receives what Leap2A cannot carry. */
export function portfolioToLeap2a(p: Portfolio, bag = new DiagnosticBag(), options: Leap2aWriteOptions = {}): Leap2aExport {
  const paths = packagePaths(p.files.map((f) => f.path));
  const files = new Map<string, Uint8Array>();
  for (const f of p.files) files.set(paths.get(f.path)!, f.bytes);
  const fileByPath = new Map(p.files.map((f) => [f.path, f]));
  // A feed read without `updated` (Moodle writes none) is written without one; others are dated now.
  const updated = p.leap2a ? p.leap2a.updated : (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');

  // The entry that owns each file (its enclosure); other parts using the file link to that entry.
  const owner = new Map<string, string>();
  // A page never owns a file (its entry must carry no enclosure, or Mahara imports it as a file):
  // a file only a page uses gets a resource entry of its own, which the page has as a part.
  for (const part of p.parts) for (const m of part.description?.full ?? []) if (m.file && m.refType !== 'leap2a-entry' && !owner.has(m.file) && !isPagePart(part)) owner.set(m.file, part.id);

  const entries = new Map<string, Leap2aEntry>();
  // The résumé records the kept Mahara entries give: a part's own is written only where it differs.
  const recorded = maharaResumes(p.parts, p.relations);
  for (const part of p.parts) entries.set(part.id, entryOf(part, p, updated, paths, fileByPath, owner, bag, recorded.get(part.id)?.resume));
  const link = (id: string, l: Leap2aLink) => {
    const e = entries.get(id);
    if (e && !e.links.some((x) => x.rel === l.rel && x.href === l.href)) e.links.push(l);
  };
  const stated = new Set<string>();
  const persons = new Set(p.parts.filter((x) => x.kind === 'identification').map((x) => x.id));
  for (const r of p.relations) writeRelation(r, link, stated, bag, persons);
  // Nesting not stated as a relation (IMS products inside activities): has_part at both ends.
  // A résumé record's siblings are nested for display only; their own links say it all.
  const linked = (a: string, b: string) => p.relations.some((r) => (r.from === a && r.to.includes(b)) || (r.from === b && r.to.includes(a)));
  for (const part of p.parts) {
    if (!part.parent || stated.has(`has_part\u0000${part.parent}\u0000${part.id}`)) continue;
    if (byIdOf(p, part.parent)?.resume && linked(part.parent, part.id)) continue;
    link(part.parent, { rel: `${LEAP2}has_part`, href: part.id });
    link(part.id, { rel: `${LEAP2}is_part_of`, href: part.parent });
  }
  // Mahara files a page into a collection only for a bare `rel="has_part"`
  // (htdocs/import/leap/lib.php, import_from_requests: curie_equals($rel, '', 'has_part')).
  for (const part of p.parts) {
    if (!isCollectionPart(part)) continue;
    for (const l of entries.get(part.id)!.links) if (l.rel === `${LEAP2}has_part`) l.rel = 'has_part';
  }
  // Files no part uses still travel, each as a resource entry of its own.
  for (const f of p.files) {
    if (p.parts.some((x) => x.files.includes(f.path) && !isPagePart(x))) continue;
    const id = `vitrine:file/${paths.get(f.path)}`;
    entries.set(id, {
      id, title: f.about?.title?.value ?? f.path.split('/').pop()!, ...(updated ? { updated } : {}), types: [`${LEAP2}resource`], categories: [], authors: [], contributors: [], dates: [], elements: [],
      links: [{ rel: 'enclosure', href: paths.get(f.path)!, type: f.mediaType, ...(f.about?.title ? { title: f.about.title.value } : {}) }],
      content: { type: 'text', text: '' },
    });
  }
  if (p.ims?.manifest || p.extensions.length) bag.add('ExportFieldDropped', `portfolio "${p.id}": IMS manifest metadata and package extensions cannot be written in Leap2A and were left out`);

  const ownerPart = p.parts.find((x) => x.kind === 'identification');
  const ownerName = ownerPart && (ownerPart.title?.value ?? personName(ownerPart) ?? ownerPart.description?.short?.value);
  const authors = p.leap2a?.authors.length ? p.leap2a.authors : [{ name: ownerName ?? p.title ?? p.id, ...(ownerPart ? { uri: ownerPart.id } : {}) }];
  const feed: Leap2aFeed = { id: p.id, title: p.title ?? p.id, ...(updated ? { updated } : {}), authors, entries: [...entries.values()], elements: p.leap2a?.elements ?? [] };
  if (p.leap2a?.version) feed.version = p.leap2a.version;
  return { feed, files, paths };
}

function byIdOf(p: Portfolio, id: string): Part | undefined {
  return p.parts.find((x) => x.id === id);
}

/** A Mahara collection: a selection of type Website. */
function isCollectionPart(part: Part): boolean {
  return !!part.leap2a?.types.includes(`${LEAP2}selection`) && part.leap2a.categories.some((c) => /selection_type#?$/.test(c.scheme ?? '') && c.term === 'Website');
}

/** A page (a Mahara view, or a selection of type Webpage): Mahara takes an entry with one file enclosure for a file. */
function isPagePart(part: Part): boolean {
  return !!part.leap2a?.elements.some((x) => x.ns === MAHARA && x.name === 'view') || (!!part.leap2a?.types.includes(`${LEAP2}selection`) && part.leap2a.categories.some((c) => /selection_type#?$/.test(c.scheme ?? '') && c.term === 'Webpage'));
}

function writeRelation(r: Relation, link: (id: string, l: Leap2aLink) => void, stated: Set<string>, bag: DiagnosticBag, persons: Set<string>): void {
  const key = r.type.replace(/^[A-Za-z0-9]+:/, '').toLowerCase().replace(/[\s_-]+/g, '');
  let type = r.type;
  let reverse = false;
  // Own keys only: a relation typed `constructor` must not find Object.prototype's.
  if (!Object.hasOwn(INVERSES, type)) {
    if (Object.hasOwn(LEAP2_OF_IMS_RELATION, key)) type = LEAP2_OF_IMS_RELATION[key]!;
    else if (key === 'ispartof') (type = 'has_part'), (reverse = true);
  }
  if (r.text || r.description || r.comment || r.category) {
    bag.add('ExportFieldDropped', `relation "${r.id}" (${r.type}): its text, description, comment and category cannot be written in Leap2A and were left out`, r.origin);
  }
  r.to.forEach((to, i) => {
    const [from, target] = reverse ? [to, r.from] : [r.from, to];
    const order = r.leap2a?.displayOrder?.[i] ?? undefined;
    const withOrder = (l: Leap2aLink): Leap2aLink => (order !== undefined && order !== null ? { ...l, displayOrder: order } : l);
    if (Object.hasOwn(INVERSES, type) && type !== 'relation') {
      link(from, withOrder({ rel: `${LEAP2}${type}`, href: target }));
      link(target, withOrder({ rel: `${LEAP2}${INVERSES[type]}`, href: from }));
      stated.add(`${type}\u0000${from}\u0000${target}`);
    } else if (type === 'related' || type === 'relation') {
      // Symmetric: one end says it all (the reader would take the other end for a second statement).
      // A person's `related` file is their profile picture, which Mahara finds only on the person
      // entry (htdocs/artefact/file/import/leap/lib.php, get_file_entry_data).
      const [a, b] = type === 'related' && persons.has(target) && !persons.has(from) ? [target, from] : [from, target];
      link(a, { rel: type === 'related' ? 'related' : `${LEAP2}relation`, href: b });
    } else {
      // No inverse is known: the link is written at the source end, in Vitrine's namespace.
      link(from, withOrder({ rel: /^[a-z][a-z0-9+.-]*:/i.test(type) ? type : `${VITRINE}${type}`, href: target }));
    }
  });
}

function entryOf(part: Part, p: Portfolio, updated: string | undefined, paths: Map<string, string>, fileByPath: Map<string, { mediaType: string; about?: { title?: { value: string } } }>, owner: Map<string, string>, bag: DiagnosticBag, recordedResume?: ResumeRecord): Leap2aEntry {
  const rec = part.leap2a;
  const short = part.description?.short?.value;
  const title = part.title?.value ?? short ?? (part.kind === 'identification' ? personName(part) : undefined) ?? `${part.kind} ${part.id}`;
  const e: Leap2aEntry = {
    id: part.id,
    title,
    types: rec?.types.length ? [...rec.types] : [`${LEAP2}${TYPE_OF_KIND[part.kind]}`],
    categories: rec ? rec.categories.map((c) => ({ ...c })) : [],
    authors: rec?.authors ?? (part.author ? [{ name: part.author.value }] : []),
    contributors: rec?.contributors ?? [],
    links: [],
    dates: [],
    elements: [],
  };
  const entryUpdated = rec?.updated ?? updated;
  if (entryUpdated) e.updated = entryUpdated;
  if (rec?.titleType) e.titleType = rec.titleType;
  const titleLang = part.title?.lang ?? (part.title ? undefined : part.description?.short?.lang);
  if (titleLang) e.titleLang = titleLang;
  if (rec?.published) e.published = rec.published;
  if (!rec && part.type?.value) e.categories.push({ scheme: `${VITRINE}type#`, term: part.type.value });
  for (const t of part.tags) e.categories.push({ term: t });
  if (short !== undefined && part.title) e.summary = withLang(contentOf(short, rec?.summaryType), part.description?.short?.lang);

  // Files: out-of-line content first (when the part was read that way), then enclosures.
  const full = part.description?.full ?? [];
  const own = full.filter((m) => m.file && !(m.refType === 'leap2a-entry' && owner.get(m.file) !== part.id && owner.has(m.file)));
  const long = part.description?.long?.value;
  const srcType = rec?.contentType && !['text', 'html', 'xhtml'].includes(rec.contentType) ? rec.contentType : undefined;
  let first = true;
  for (const m of full) {
    if (m.file && isPagePart(part)) {
      const holder = owner.get(m.file) ?? `vitrine:file/${paths.get(m.file)}`;
      if (!e.links.some((l) => l.href === holder)) e.links.push({ rel: `${LEAP2}has_part`, href: holder });
      continue;
    }
    if (m.file) {
      const path = paths.get(m.file) ?? m.file;
      const f = fileByPath.get(m.file);
      if (!own.includes(m)) {
        e.links.push({ rel: 'enclosure', href: owner.get(m.file)! });
        continue;
      }
      if (first && srcType && !long) {
        e.content = { type: srcType, src: path };
        first = false;
        continue;
      }
      const l: Leap2aLink = { rel: 'enclosure', href: path, type: m.mimeType ?? f?.mediaType ?? 'application/octet-stream' };
      if (f?.about?.title) l.title = f.about.title.value;
      e.links.push(l);
    } else if (m.carrier === 'uri' && m.text) {
      e.links.push({ rel: 'enclosure', href: m.text, ...(m.mimeType ? { type: m.mimeType } : {}) });
    } else if (m.text) {
      e.elements.push(V('media', m.text, m.mode ? [{ name: 'mode', value: m.mode }] : []));
    }
  }
  if (!e.content) e.content = rec?.contentSrc ? { type: srcType ?? 'text/html', src: rec.contentSrc } : withLang(contentOf(long ?? '', long ? (rec?.contentType as string | undefined) : 'text'), part.description?.long?.lang);
  for (const l of rec?.links ?? []) e.links.push({ ...l });

  for (const d of part.dates) {
    const point = pointOfDateType(d.type?.value);
    // A date that is not a machine date (Mahara's "1.1.2003") is written as a label, as Mahara does.
    const machine = parseWhen(d.value).kind === 'exact';
    const date: Leap2aEntry['dates'][number] = { value: machine || d.description?.short?.value ? d.value : '' };
    if (point) date.point = point;
    if (d.description?.short?.value) date.label = d.description.short.value;
    else if (!machine && d.value) date.label = d.value;
    e.dates.push(date);
  }
  if (part.status?.type?.value) e.elements.push({ ...el(LEAP2, 'status', [{ ns: LEAP2, name: 'stage', value: part.status.type.value, prefix: 'leap2' }]), prefix: 'leap2' });
  // The person data read is written back as read while the neutral person still says the
  // same; when the person was edited (or came from another format) it is written anew.
  const kept = rec?.elements ?? [];
  const isPersonData = (x: XmlElement) => x.ns === LEAP2 && (x.name === 'persondata' || x.name === 'spatial');
  const asRead = part.kind === 'identification' && rec ? personFromPersondata(kept, part.title?.value) : undefined;
  if (part.kind === 'identification' && part.person && !samePerson(asRead, part.person)) {
    e.elements.push(...kept.filter((x) => !isPersonData(x)), ...personDataFromPerson(part.person));
  } else e.elements.push(...kept);
  // Vitrine's own: what Leap2A has no term for, so that Vitrine reads its export back the same.
  e.elements.push(V('kind', part.kind));
  if (part.comment) e.elements.push(V('comment', part.comment.value, [], part.comment.lang));
  if (part.priority) e.elements.push(V('priority', part.priority.value, [], part.priority.lang));
  for (const r of part.rationale) e.elements.push(V('rationale', r.value, [], r.lang));
  // A résumé record its Mahara entries would not give back as it is (another format's, or edited).
  if (part.resume && !sameResume(part.resume, recordedResume)) e.elements.push(resumeElement(part.resume));
  if (part.sourcedId) e.elements.push(V('sourcedid', part.sourcedId.id, [{ name: 'source', value: part.sourcedId.source }]));
  const dropped: string[] = [];
  if (part.ims && part.kind !== 'identification' && Object.keys(part.ims.record).length) dropped.push('IMS detail');
  if (part.extensions.length) dropped.push('extensions');
  if (part.status?.date || part.status?.description) dropped.push('status date and description');
  if (dropped.length) bag.add('ExportFieldDropped', `part "${part.id}": ${dropped.join(', ')} cannot be written in Leap2A and ${dropped.length === 1 ? 'was' : 'were'} left out`, part.origin);
  return e;
}
