/**
 * Leap2aPackage → Portfolio. Each entry becomes a part (kind from its Leap2A type, table in
 * vocabulary.ts), each Leap2A link between entries one end of a relation: a pair stated at
 * either end or at both is one relation, kept in the forward direction (container → part,
 * reflection → subject, evidence → claim). Enclosures, `content src` and Mahara's embedded
 * images become media items pointing at files; what has no neutral field stays in `leap2a`.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { NS, stripPositions, type XmlElement } from '../../formats/xml/tree.ts';
import { LEAP2, MAHARA, VITRINE, leap2Local, type Leap2aEntry, type Leap2aPackage } from '../../formats/leap2a/index.ts';
import { makeFile } from '../files.ts';
import { PART_KINDS } from '../types.ts';
import { isRichHtml, sanitizeRichText, textOf } from '../sanitize.ts';
import { assignSlugs } from '../slug.ts';
import type { MediaItem, Part, PartDate, PartKind, Portfolio, PortfolioFile, Relation } from '../types.ts';
import { takeHtmlEmbeds, xhtmlToHtml, type EmbeddedRef, type IsTarget } from './content.ts';
import { findFile, isUrl } from './files.ts';
import { Relations, at, type Ctx } from './relations.ts';
import { readMaharaResume, resumeFromElement } from './resume.ts';
import { maharaPageOf } from './mahara-view.ts';
import { nameLeap2aFiles, neutralFromLeap2a } from './derived.ts';
import { guessLanguage } from '../lang-guess.ts';
import { removeMaharaChrome } from './mahara-chrome.ts';
import { personRelatedFirst, portfolioTitle } from './owner.ts';
import { personFromPersondata } from './person.ts';
import { DATE_TYPE_OF_POINT, KIND_OF_MAHARA_TYPE, KIND_OF_TYPE } from './vocabulary.ts';

/** How to show a package path in diagnostics. */
export type DisplayPath = (path: string) => string;

/** Maps a Leap2A export onto the Portfolio model. */
export function portfolioFromLeap2a(pkg: Leap2aPackage, display: DisplayPath, bag: DiagnosticBag, fallbackId: string): Portfolio {
  const files = new Map<string, PortfolioFile>();
  for (const [path, bytes] of [...pkg.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files.set(path, makeFile(path, bytes));
  const cx: Ctx = { pkg, bag, feedFile: display(pkg.feedPath), files, entries: new Map() };
  const feed = pkg.feed;

  // Ids first: links may point forward. A repeated id is renamed, as IMS parts are.
  for (const e of feed.entries) {
    if (cx.entries.has(e.id)) {
      let n = 2;
      while (cx.entries.has(`${e.id}~${n}`)) n++;
      bag.add('DuplicatePartId', `id "${e.id}" is used twice; this entry is now "${e.id}~${n}"`, at(cx, e));
      e.id = `${e.id}~${n}`;
    }
    cx.entries.set(e.id, e);
  }
  // The files each entry carries itself (enclosures, content src), for links and images naming the entry.
  const ownFiles = new Map<string, string[]>();
  for (const e of feed.entries) ownFiles.set(e.id, entryOwnFiles(e, cx));

  const parts: Part[] = [];
  const relations = new Relations(cx);
  for (const e of feed.entries) parts.push(readEntry(e, cx, ownFiles, relations, feed.updated));
  const byId = new Map(parts.map((p) => [p.id, p]));
  relations.orderByLayout(parts);
  const rels = relations.finish();
  // Nesting: a part's first container is its parent (no cycles), where IMS can nest the
  // two kinds (a task in a plan, an activity in an activity); other containers (pages, blogs)
  // stay has_part relations, which views follow like nesting.
  for (const r of rels) {
    if (r.type !== 'has_part') continue;
    for (const to of r.to) {
      const child = byId.get(to);
      const container = byId.get(r.from);
      if (!child || child.parent !== undefined || !container || !canNest(container.kind, child.kind)) continue;
      let up: string | undefined = r.from;
      let cycle = false;
      for (let guard = 0; up !== undefined && guard < parts.length; guard++) {
        if (up === child.id) cycle = true;
        up = byId.get(up)?.parent;
      }
      if (!cycle) child.parent = r.from;
    }
  }
  personRelatedFirst(rels, new Set(parts.filter((p) => p.kind === 'identification').map((p) => p.id)));
  readMaharaResume(parts, rels);
  // The owner first: the person the feed is about (category Self, or the feed author's uri).
  const authorUri = feed.authors[0]?.uri;
  const owner = parts.find((p) => p.kind === 'identification' && (p.leap2a?.categories.some((c) => /person_type/.test(c.scheme ?? '') && c.term.toLowerCase() === 'self') || p.id === authorUri));
  if (owner) parts.splice(parts.indexOf(owner), 1), parts.unshift(owner);
  // Files: Leap2A keeps the original file name as the resource's title.
  for (const p of parts) {
    if (p.leap2a?.types.includes(`${LEAP2}resource`) && p.title?.value) {
      for (const path of ownFiles.get(p.id) ?? []) {
        const f = files.get(path)!;
        if (!f.about?.title) f.about = { ...f.about, title: { value: p.title.value } };
      }
    }
  }
  nameLeap2aFiles(parts, files);
  // Slugs without Mahara's `portfolio:` prefix (all or none, so two ids never meet).
  const bare = parts.map((p) => p.id.replace(/^portfolio:/, ''));
  const keys = new Set(bare).size === bare.length ? bare : parts.map((p) => p.id);
  const slugs = assignSlugs(keys);
  parts.forEach((p, i) => (p.slug = slugs.get(keys[i]!)!));

  // The feed's title names the export ("Mahara Leap2A Export for Ana Lima, 14/11/2023 22:13").
  const portfolio: Portfolio = { id: feed.id || fallbackId, title: portfolioTitle(feed.title, owner) || fallbackId, titleNamesExport: true, parts, relations: rels, files: [...files.values()], extensions: [] };
  // Mahara writes no language: the owner's own words say it (pages' text blocks included).
  const lang = guessLanguage(parts.flatMap((p) => [p.title?.value ?? '', p.description?.short?.value ?? '', p.description?.long?.value ?? '', ...(p.page?.blocks.map((b) => (typeof b.settings.text === 'string' ? b.settings.text : '')) ?? [])]));
  if (lang) portfolio.lang = lang;
  portfolio.leap2a = { authors: feed.authors, elements: feed.elements.map(stripPositions) };
  if (feed.updated) portfolio.leap2a.updated = feed.updated;
  if (feed.version) portfolio.leap2a.version = feed.version;
  return portfolio;
}

/** The nestings IMS LIP can write (to-ims puts children back inside these parents only). */
function canNest(parent: PartKind, child: PartKind): boolean {
  if (parent === 'activity') return child === 'activity' || child === 'product' || child === 'assertion';
  if (parent === 'interest') return child === 'product';
  return (parent === 'goal' || parent === 'affiliation') && child === parent;
}

function entryOwnFiles(e: Leap2aEntry, cx: Ctx): string[] {
  const out: string[] = [];
  const refs = [...e.links.filter((l) => l.rel === 'enclosure').map((l) => l.href), ...(e.content?.src ? [e.content.src] : [])];
  for (const href of refs) {
    const path = findFile(href, cx.files);
    if (path && !out.includes(path)) out.push(path);
  }
  return out;
}

function typeLocal(e: Leap2aEntry): string {
  for (const t of e.types) {
    const l = leap2Local(t);
    if (l) return l;
  }
  return e.types.length ? '' : 'entry';
}

function maharaType(e: Leap2aEntry): string | undefined {
  const plugin = e.elements.find((x) => x.ns === MAHARA && x.name === 'artefactplugin');
  return plugin?.attrs.find((a) => a.name === 'type')?.value;
}

function kindOf(e: Leap2aEntry, cx: Ctx): PartKind {
  // Vitrine's own export says the kind outright.
  const own = e.elements.find((x) => x.ns === VITRINE && x.name === 'kind');
  const ownKind = own ? textOfEl(own) : undefined;
  if (ownKind && (PART_KINDS as readonly string[]).includes(ownKind)) return ownKind as PartKind;
  const t = typeLocal(e);
  if (t === 'entry') {
    const m = maharaType(e);
    if (m && KIND_OF_MAHARA_TYPE[m]) return KIND_OF_MAHARA_TYPE[m]!;
    const reflects = e.links.some((l) => l.rel === `${LEAP2}reflects_on`);
    return reflects ? 'reflexion' : 'product';
  }
  const k = KIND_OF_TYPE[t];
  if (k) return k;
  cx.bag.add('Leap2aTypeUnknown', `entry "${e.id}" has type ${e.types.join(', ') || '(none)'}; read as a product`, at(cx, e));
  return 'product';
}

function textOfEl(x: XmlElement): string {
  return x.children.map((c) => (c.type === 'text' ? c.text : '')).join('').trim();
}

function readEntry(e: Leap2aEntry, cx: Ctx, ownFiles: Map<string, string[]>, relations: Relations, feedUpdated: string | undefined): Part {
  const kind = kindOf(e, cx);
  const part: Part = { id: e.id, kind, slug: '', dates: [], rationale: [], tags: [], files: [], extensions: [], origin: at(cx, e) };
  if (e.title) part.title = e.titleLang ? { value: e.title, lang: e.titleLang } : { value: e.title };
  // Vitrine's own elements hold neutral fields Leap2A has no term for; the rest is kept verbatim.
  const mediaTexts: MediaItem[] = [];
  for (const x of e.elements.filter((y) => y.ns === VITRINE)) {
    const v = textOfEl(x);
    const lang = x.attrs.find((a) => a.name === 'lang' && a.ns === NS.xml)?.value;
    const t = lang ? { value: v, lang } : { value: v };
    if (x.name === 'comment') part.comment = t;
    else if (x.name === 'priority') part.priority = t;
    else if (x.name === 'rationale') part.rationale.push(t);
    else if (x.name === 'resume') part.resume = resumeFromElement(x) ?? part.resume;
    else if (x.name === 'sourcedid') part.sourcedId = { source: x.attrs.find((a) => a.name === 'source')?.value ?? '', id: v };
    else if (x.name === 'media') mediaTexts.push({ carrier: 'text', text: x.children.map((c) => (c.type === 'text' ? c.text : '')).join(''), ...(x.attrs.find((a) => a.name === 'mode') ? { mode: x.attrs.find((a) => a.name === 'mode')!.value } : {}) });
  }
  const elements = e.elements.filter((y) => y.ns !== VITRINE).map(stripPositions);
  const record: NonNullable<Part['leap2a']> = { types: [...e.types], categories: [], elements };
  part.leap2a = record;
  if (e.titleType) record.titleType = e.titleType;
  if (e.published) record.published = e.published;
  if (e.updated && e.updated !== feedUpdated) record.updated = e.updated;
  if (e.authors.length) {
    record.authors = e.authors;
    part.author = { value: e.authors.map((a) => a.name).join(', ') };
  }
  if (e.contributors.length) record.contributors = e.contributors;

  for (const c of e.categories) {
    if (!c.scheme) part.tags.push(c.term);
    else record.categories.push(c);
  }
  const typed = record.categories.find((c) => /(selection_type|resource_type|life_area|person_type)#?$/.test(c.scheme ?? '')) ?? record.categories[0];
  if (typed) part.type = { value: typed.label && !/resource_type/.test(typed.scheme ?? '') ? typed.label : typed.term, source: typed.scheme! };

  for (const d of e.dates) {
    // Mahara writes free-text dates as a label alone: the label is then the date as written.
    const date: PartDate = { value: d.value || (d.label ?? '') };
    if (d.point) date.type = DATE_TYPE_OF_POINT[d.point] ? { value: DATE_TYPE_OF_POINT[d.point]!, sourceType: 'imsdefault' } : { value: d.point, source: 'leap2:point' };
    if (d.label && d.value) date.description = { short: { value: d.label }, full: [] };
    part.dates.push(date);
  }
  // leap2:status with only a stage is a neutral status; anything richer stays verbatim.
  const si = elements.findIndex((x) => x.ns === LEAP2 && x.name === 'status');
  if (si >= 0) {
    const s = elements[si]!;
    const stage = s.attrs.find((a) => a.name === 'stage');
    if (stage && s.attrs.length === 1 && s.children.length === 0) {
      part.status = { type: { value: stage.value } };
      elements.splice(si, 1);
    }
  }

  // Text: title, summary → short description, content → long description.
  const refs: EmbeddedRef[] = [];
  const full: MediaItem[] = [];
  const isTarget = (ref: string) => cx.entries.has(ref) || (!isUrl(ref) && findFile(ref, cx.files) !== undefined);
  const short = e.summary ? contentText(e.summary, refs, isTarget) : undefined;
  if (e.summary && e.summary.type !== 'text') record.summaryType = e.summary.type;
  let long: string | undefined;
  if (e.content) {
    if (e.content.type !== 'text' || e.content.src !== undefined) record.contentType = e.content.type;
    if (e.content.src !== undefined) {
      const path = findFile(e.content.src, cx.files);
      if (path) full.push(fileItem(path, e.content.type));
      else if (isUrl(e.content.src)) record.contentSrc = e.content.src;
      else {
        cx.bag.add('Leap2aFileMissing', `entry "${e.id}": content src "${e.content.src}" is not in the export`, at(cx, e));
        full.push({ carrier: 'uri', text: e.content.src });
      }
    } else long = contentText(e.content, refs, isTarget);
  }
  // A Mahara page's content is its editor's rendering: used only without <mahara:view>, and cleaned.
  const maharaPage = e.categories.some((c) => /selection_type#?$/.test(c.scheme ?? '') && c.term === 'Webpage') && !e.elements.some((x) => x.ns === MAHARA && x.name === 'view');
  if (long && maharaPage && isRichHtml(long)) long = removeMaharaChrome(long);
  const report = () => cx.bag.add('HtmlSanitized', `entry "${e.id}": unsafe HTML removed from its content`, at(cx, e));
  const desc: NonNullable<Part['description']> = { full };
  // A short description is plain text everywhere in the model: HTML summaries keep their words.
  const shortText = short && isRichHtml(short) ? textOf(sanitizeRichText(short).html) : short;
  if (shortText) desc.short = e.summary?.lang ? { value: shortText, lang: e.summary.lang } : { value: shortText };
  if (long) desc.long = e.content?.lang ? { value: clean(long, report), lang: e.content.lang } : { value: clean(long, report) };

  // Links: files, relations, or links kept as written.
  for (const l of e.links) {
    if (l.rel === 'enclosure') {
      const path = findFile(l.href, cx.files);
      if (path) {
        // A file without an extension (Mahara's `1-me`) takes its media type from the link.
        const f = cx.files.get(path)!;
        if (f.mediaType === 'application/octet-stream' && l.type && /^[\w.+-]+\/[\w.+-]+$/.test(l.type)) f.mediaType = l.type;
        // The original file name, as Vitrine's export keeps it (the link's title).
        if (l.title && !f.about?.title) f.about = { ...f.about, title: { value: l.title } };
        full.push(fileItem(path, l.type));
        continue;
      }
      const target = cx.entries.get(l.href);
      if (target) {
        for (const p of ownFiles.get(target.id) ?? []) full.push(fileItem(p, undefined, true));
        if (!ownFiles.get(target.id)?.length) cx.bag.add('Leap2aFileMissing', `entry "${e.id}": enclosure names entry "${l.href}", which has no file in the export`, at(cx, l));
        continue;
      }
      if (!isUrl(l.href)) cx.bag.add('Leap2aFileMissing', `entry "${e.id}": enclosure "${l.href}" is not in the export`, at(cx, l));
      full.push({ carrier: 'uri', text: l.href, ...(l.type ? { mimeType: l.type } : {}) });
      continue;
    }
    if (cx.entries.has(l.href) || leap2Local(l.rel) !== undefined || l.rel.startsWith(VITRINE)) {
      relations.add(e.id, l, cx);
      continue;
    }
    const kept: { rel: string; href: string; type?: string; title?: string } = { rel: l.rel, href: l.href };
    if (l.type) kept.type = l.type;
    if (l.title) kept.title = l.title;
    (record.links ??= []).push(kept);
  }
  // Mahara's embedded images: the file of the entry they name.
  for (const r of refs) {
    const target = cx.entries.get(r.href);
    const paths = target ? (ownFiles.get(target.id) ?? []) : [];
    const direct = target ? undefined : findFile(r.href, cx.files);
    if (direct) paths.push(direct);
    // A file another entry carries (Moodle's <img src="files/x.png"> beside its file entry) is that entry's.
    const viaEntry = !!target || (direct !== undefined && [...ownFiles].some(([id, fs]) => id !== e.id && fs.includes(direct)));
    if (!paths.length) cx.bag.add('Leap2aFileMissing', `entry "${e.id}": an embedded image names "${r.href}", which has no file in the export`, at(cx, e));
    for (const p of paths) if (!full.some((m) => m.file === p)) full.push(fileItem(p, undefined, viaEntry));
  }
  full.push(...mediaTexts);
  if (desc.short || desc.long || desc.full.length) part.description = desc;
  part.files = [...new Set(full.map((m) => m.file).filter((f): f is string => !!f))];

  if (kind === 'identification') {
    const person = personFromPersondata(elements, e.title || undefined);
    if (person) part.person = person;
  }
  const page = maharaPageOf(part);
  if (page) part.page = page;
  neutralFromLeap2a(part);
  return part;
}

/** A media item for a file; `viaEntry` marks a file that belongs to another entry (written back as a link to it). */
function fileItem(path: string, type: string | undefined, viaEntry = false): MediaItem {
  const m: MediaItem = { carrier: 'uri', file: path };
  if (type && /^[\w.+-]+\/[\w.+-]+$/.test(type)) m.mimeType = type;
  const t = type ?? '';
  const mode = /^image\//.test(t) ? 'Image' : /^audio\//.test(t) ? 'Audio' : /^video\//.test(t) ? 'Video' : undefined;
  if (mode) m.mode = mode;
  if (viaEntry) m.refType = 'leap2a-entry';
  return m;
}

function contentText(c: { type: string; text?: string; xhtml?: import('../../formats/xml/tree.ts').XmlNode[] }, refs: EmbeddedRef[], isTarget: IsTarget): string {
  if (c.type === 'xhtml') {
    const html = xhtmlToHtml(c.xhtml ?? [], refs, isTarget).trim();
    return isRichHtml(html) || !html ? html : `<div>${html}</div>`;
  }
  if (c.type === 'html') {
    const html = takeHtmlEmbeds(c.text ?? '', refs, isTarget).trim();
    return isRichHtml(html) || !html ? html : `<div>${html}</div>`;
  }
  return c.text ?? '';
}

function clean(s: string, report: () => void): string {
  if (!isRichHtml(s)) return s;
  const c = sanitizeRichText(s);
  if (c.changed) report();
  return c.html;
}
