/**
 * ViewPlan → ViewData: resolves everything a template shows (titles, dates and IMS words in
 * the view's language, relation verbs both ways and sorted by meaning, media with their image
 * variants and caption tracks) from the plan alone, so nothing outside the view can reach a page.
 */
import type { MediaItem, Part, PortfolioFile, Relation } from '../model/types.ts';
import type { ViewPlan } from '../views/types.ts';
import { machineWhen, parseWhen } from '../model/dates.ts';
import { resumeRows } from './resume-rows.ts';
import { badgeRows } from './badge-rows.ts';
import { detailRows, identificationName, rubricData, rubricTitle, sameLang, term } from './details.ts';
import { createFormatters } from './messages.ts';
import { isRichHtml, sanitizeRichText, textOf } from '../model/sanitize.ts';
import { downloadVariant } from './assets.ts';
import { personData } from './person.ts';
import { periodOf } from './period.ts';
import { publishedFilePath } from './attachments.ts';
import { addLongDescription, addTimedAlternatives, imageAlt, type AlternativesContext } from './alternatives.ts';
import type { DiagnosticBag } from '../diagnostics/index.ts';
import { attachMaharaPages } from './mahara/view-pages.ts';
import type { ImageInfo } from './types.ts';
export type { ImageInfo };
import type { DateData, EvidenceData, MediaData, PartData, PartRef, RelationLink, SectionData, ViewData } from './types.ts';


/** What building view data needs besides the plan. */
export interface ViewDataInput {
  plan: ViewPlan;
  messages: Record<string, string>;
  images: Map<string, ImageInfo>;
  css: string;
  packageHref?: string;
  /** File name of the stylesheet of the view's audience profile, under the site's `theme/` or (inView) the view's own. */
  profileCss?: { file: string; inView: boolean };
  /** Receives AlternativeMissing for files the view's audience needs an alternative of. */
  bag?: DiagnosticBag;
}

type T = (key: string, fallback?: string) => string;

/** URL of a package path inside a view folder, each segment encoded. */
export function fileHref(path: string, mediaType = '', bytes?: Uint8Array): string {
  // The published name: an attachment a browser would run is renamed (attachments.ts).
  return 'files/' + publishedFilePath(path, mediaType, bytes).split('/').map(encodeURIComponent).join('/');
}

/** A part's display title in the view's language, whatever its kind, and the title's language. */
export function partTitle(part: Part, t: T, lang = 'en'): { title: string; lang?: string } {
  const group = part.kind === 'participation' ? part.resume?.organisation : undefined;
  const text = (v: { value: string; lang?: string } | undefined) => (v?.value ? { title: v.value, ...(v.lang ? { lang: v.lang } : {}) } : undefined);
  const rubric = part.kind === 'rubric' ? rubricTitle(part, lang) : undefined;
  const name = part.kind === 'identification' ? identificationName(part) : undefined;
  return (
    (part.kind === 'identification' && name ? { title: name } : undefined) ??
    text(part.title) ??
    text(part.description?.short) ??
    (name ? { title: name } : undefined) ??
    (rubric ? { title: rubric.text, ...(rubric.lang ? { lang: rubric.lang } : {}) } : undefined) ??
    (group ? { title: group } : undefined) ??
    text(part.type) ??
    { title: t(`title.${part.kind}`, `${t(`one.${part.kind}`)} ${part.id}`) }
  );
}

/** The start of a text, cut at a word near `max` characters. */
function excerptOf(s: string, max = 220): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const norm = (type: string) => type.toLowerCase().replace(/[^a-z]/g, '');
const ASSERTS = new Set(['attests', 'evaluates']);
const SUPPORTS = new Set(['supports', 'aimsat']);
const ABOUT = new Set(['attests', 'evaluates', 'reflectson', 'claims']);
const INCOMING_SORTED = new Set(['evidences', 'attests', 'evaluates', 'reflectson', 'claims', 'supports', 'aimsat']);

/** Builds the template data of one view. */
export function buildViewData(input: ViewDataInput): ViewData {
  const { plan, messages } = input;
  const t: T = (key, fallback) => messages[key] ?? fallback ?? key;
  const fmt = createFormatters(plan.lang);
  const differs = (l: string | undefined) => (l && !sameLang(l, plan.lang) ? l : undefined);
  const files = new Map(plan.files.map((f) => [f.path, f]));
  const alt: AlternativesContext = { files, lang: plan.lang, href: (p) => fileHref(p, files.get(p)?.mediaType, files.get(p)?.bytes), reported: new Set(), ...(plan.profile ? { profile: plan.profile } : {}), ...(input.bag ? { bag: input.bag } : {}) };
  const refs = new Map<string, PartRef>();
  const media = new Map<string, MediaData[]>();
  const paragraphs = new Map<string, string[]>();
  const htmls = new Map<string, string>();
  for (const p of plan.parts) {
    const { title, lang } = partTitle(p, t, plan.lang);
    const ref: PartRef = { id: p.id, slug: p.slug, kind: p.kind, title, href: `${p.slug}/index.html` };
    if (p.kind !== 'identification' && differs(lang)) ref.titleLang = lang!;
    if (p.type?.value) ref.type = !p.type.sourceType || p.type.sourceType === 'imsdefault' ? term(t, p.type.value)! : p.type.value;
    if (p.author?.value) ref.author = p.author.value;
    const m = (p.description?.full ?? []).map((x) => mediaData(x, p, alt, input.images, fmt, t));
    const long = p.description?.long?.value ?? '';
    // HTML in a long description is shown as HTML, sanitized again here (the model promises
    // sanitized rich text, but a portfolio built in code may not have been through a reader).
    const html = isRichHtml(long) ? sanitizeRichText(long).html : undefined;
    if (html) htmls.set(p.id, html);
    const paras = (html ? textOf(html) : long).split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
    const cover = m.find((x) => x.kind === 'image');
    if (cover) ref.cover = cover;
    const first = paras[0] ?? m.find((x) => x.kind === 'text')?.text?.split(/\n\s*\n/)[0];
    if (first) ref.excerpt = excerptOf(first);
    refs.set(p.id, ref);
    media.set(p.id, m);
    paragraphs.set(p.id, paras);
  }
  const date = (d: Part['dates'][number]): DateData => {
    const type = d.type?.value;
    // Only an exact date gets a machine-readable `datetime`; free text ("Sept 2017") is shown as written.
    const machine = machineWhen(parseWhen(d.value));
    const year = /^\d{4}/.exec(d.value.trim())?.[0];
    return { ...(type ? { type } : {}), label: type ? t(`date.${type.toLowerCase()}`, type) : '', ...(machine ? { iso: d.value } : {}), display: fmt.date(d.value), ...(year ? { year } : {}) };
  };
  const verb = (rel: Relation, dir: 0 | 1) => {
    const both = messages[`rel.${norm(rel.type)}`] ?? (messages['rel.other'] ?? '|').replace(/^[^|]*/, (m) => (dir === 0 ? rel.type : m));
    return (both.split('|')[dir] ?? rel.type) || rel.type;
  };
  const relations = new Map(plan.relations.map((r) => [r.id, r]));
  const outgoing = new Map<string, RelationLink[]>();
  const incoming = new Map<string, (RelationLink & { rel: string })[]>();
  const claimsOut = new Map<string, RelationLink[]>();
  const claimsOnRelation = new Map<string, RelationLink[]>();
  for (const rel of plan.relations) {
    const from = refs.get(rel.from);
    if (!from) continue;
    const text = rel.text?.value;
    const extra = text ? { text } : {};
    for (const to of rel.to) {
      const target = refs.get(to);
      const claimed = relations.get(to);
      if (target) {
        push(outgoing, rel.from, { type: rel.type, label: verb(rel, 0), part: target, ...extra });
        push(incoming, to, { type: rel.type, label: verb(rel, 1), part: from, ...extra, rel: rel.id });
      } else if (claimed && norm(rel.type) === 'claims' && refs.has(claimed.from)) {
        // A claim on a relation: "claims that <source> <verb> <target>", shown on both ends' pages.
        for (const end of claimed.to.filter((x) => refs.has(x))) {
          push(claimsOut, rel.from, { type: rel.type, label: verb(rel, 0), part: refs.get(claimed.from)!, claim: { label: verb(claimed, 0), part: refs.get(end)! }, ...extra });
        }
        push(claimsOnRelation, claimed.id, { type: rel.type, label: verb(rel, 1), part: from, ...extra });
      }
    }
  }
  const children = new Map<string, PartRef[]>();
  for (const p of plan.parts) if (p.parent && refs.has(p.parent)) push(children, p.parent, refs.get(p.id)!);
  const strip = ({ rel: _rel, ...link }: RelationLink & { rel: string }): RelationLink => link;
  const incomingOf = (id: string, types: Set<string>) => (incoming.get(id) ?? []).filter((l) => types.has(norm(l.type))).map(strip);

  // Tags that chose the parts (or that the view hides) say nothing to the reader.
  const hidden = new Set(plan.hiddenTags ?? []);
  const parts: PartData[] = plan.parts.map((p) => {
    const inc = incoming.get(p.id) ?? [];
    const out = outgoing.get(p.id) ?? [];
    const evidence: EvidenceData[] = inc
      .filter((l) => norm(l.type) === 'evidences')
      .map((l) => {
        const assertions = incomingOf(l.part.id, ASSERTS);
        const reflections = incomingOf(l.part.id, new Set(['reflectson']));
        const shown = new Set([...assertions, ...reflections].map((x) => x.part.id));
        const claims = (claimsOnRelation.get(l.rel) ?? []).filter((x) => !shown.has(x.part.id));
        return { part: l.part, ...(l.text ? { text: l.text } : {}), assertions, reflections, claims };
      });
    const d: PartData = {
      ...refs.get(p.id)!,
      paragraphs: htmls.has(p.id) ? [] : paragraphs.get(p.id)!,
      ...(htmls.has(p.id) ? { html: htmls.get(p.id)! } : {}),
      dates: p.dates.map(date),
      rationale: p.rationale.map((r) => r.value),
      tags: p.tags.filter((tag) => !hidden.has(tag.toLowerCase())),
      media: media.get(p.id)!,
      details: [...badgeRows(p, t), ...detailRows(p, t), ...resumeRows(p, t)],
      children: children.get(p.id) ?? [],
      outgoing: out,
      incoming: inc.map(strip),
      evidence,
      assertions: incomingOf(p.id, ASSERTS),
      reflections: incomingOf(p.id, new Set(['reflectson'])),
      claims: incomingOf(p.id, new Set(['claims'])),
      supports: incomingOf(p.id, SUPPORTS),
      about: [...out.filter((l) => ABOUT.has(norm(l.type))), ...(claimsOut.get(p.id) ?? [])],
      related: [...out.filter((l) => !ABOUT.has(norm(l.type))), ...inc.filter((l) => !INCOMING_SORTED.has(norm(l.type))).map(strip)],
    };
    const lang = differs(p.description?.long?.lang ?? p.description?.short?.lang);
    if (lang) d.lang = lang;
    const summary = p.title?.value && p.description?.short?.value ? p.description.short.value : undefined;
    if (summary) d.summary = summary;
    if (p.comment?.value) d.comment = p.comment.value;
    if (p.status?.type?.value) d.status = { label: term(t, p.status.type.value)!, ...(p.status.date ? { date: date(p.status.date) } : {}) };
    if (p.priority?.value) d.priority = p.priority.value;
    const period = periodOf(d.dates);
    if (period) d.period = period;
    if (p.parent && refs.has(p.parent)) d.parent = refs.get(p.parent)!;
    if (p.kind === 'rubric') {
      const rubric = rubricData(p, t, plan.lang);
      if (rubric) d.rubric = rubric;
      if (rubric?.description && !d.excerpt) d.excerpt = excerptOf(rubric.description.text);
    }
    return d;
  });
  // Mahara pages: rebuilt from their blocks, collections as sequences (render/mahara/view-pages.ts).
  const { pages, onPages } = attachMaharaPages({ plan, parts, refs, media, htmls, t, excerpt: excerptOf, ...(input.bag ? { bag: input.bag } : {}) });
  const owner = plan.owner ? parts.find((p) => p.id === plan.owner!.id) : undefined;
  const sections: SectionData[] = [];
  // With Mahara pages, the front page is organised by them: what a page or collection shows is
  // reached through it, and the sections list only the rest (not a grid of every artefact).
  for (const p of parts) {
    if (p === owner || p.parent) continue; // the owner has the page's header; nested parts show with their parent
    if (onPages.has(p.id)) continue;
    const section = sections.find((s) => s.kind === p.kind);
    if (section) section.parts.push(p);
    else sections.push({ kind: p.kind, id: `section-${p.kind}`, heading: t(`kind.${p.kind}`), parts: [p] });
  }
  const view: ViewData = {
    id: plan.id,
    folder: plan.folder,
    title: plan.title,
    lang: plan.lang,
    access: plan.access,
    noindex: plan.noindex,
    preview: plan.preview,
    parts,
    // Part ids are the author's: without a prototype, `constructor` or `toString` finds no inherited value.
    partsById: Object.assign(Object.create(null) as Record<string, PartData>, Object.fromEntries(parts.map((p) => [p.id, p]))),
    sections,
    personalData: plan.personalData,
    t: messages,
    css: input.css,
  };
  if (plan.description) view.description = plan.description;
  if (owner) {
    view.owner = owner;
    view.person = personData(plan.owner!, owner, t);
  }
  // A view that selects a Mahara page shows it as its front page: the first page selected.
  // The preview is organised by collections and pages instead (views/pages.ts).
  const front = plan.preview ? undefined : parts.find((p) => p.page);
  if (front) view.page = front;
  for (const c of pages.collections) view.partsById[c.collection.id]!.toc = c.pages;
  if (pages.collections.length || pages.pages.length) view.pages = { collections: pages.collections, pages: pages.pages };
  if (input.packageHref) view.packageHref = input.packageHref;
  if (plan.profile && input.profileCss) {
    const { name, title, display, content, control } = plan.profile;
    view.profile = { name, ...(title ? { title } : {}), css: input.profileCss.file, ...(input.profileCss.inView ? { inView: true } : {}), display, content, control };
  }
  return view;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function mediaData(m: MediaItem, part: Part, cx: AlternativesContext, images: Map<string, ImageInfo>, fmt: ReturnType<typeof createFormatters>, t: T): MediaData {
  if (m.carrier === 'text' || (!m.file && m.text && m.carrier !== 'uri')) {
    // HTML media are printed unescaped by templates: sanitize here too, whatever built the model.
    if (m.mimeType?.toLowerCase() === 'text/html') return { kind: 'html', text: sanitizeRichText(m.text ?? '').html };
    return { kind: 'text', text: m.text ?? '' };
  }
  if (!m.file) {
    const text = m.text ?? '';
    return /^https?:\/\//i.test(text) ? { kind: 'link', href: text, name: text } : { kind: 'missing', name: text };
  }
  const f = cx.files.get(m.file);
  if (!f) return { kind: 'missing', name: m.file.split('/').pop() ?? m.file };
  const name = readerFileName(f);
  const type = f.mediaType;
  const base: MediaData = { kind: 'document', href: fileHref(f.path, f.mediaType, f.bytes), path: f.path, name, mediaType: type, size: f.size, sizeLabel: fmt.bytes(f.size) };
  if (f.about?.caption?.value) base.caption = f.about.caption.value;
  if (/^(text\/html|application\/xhtml\+xml|image\/svg\+xml|application\/xml|text\/xml)$/i.test(type)) base.download = true;
  const img = images.get(f.path);
  if (img) {
    const byFormat = new Map<string, ImageInfo['variants']>();
    for (const v of img.variants) push(byFormat, v.mediaType, v);
    const fallback = downloadVariant(img.variants)!;
    const data: MediaData = {
      ...base,
      kind: 'image',
      // The download is the stripped original-format variant: the source bytes are never published.
      href: `images/${fallback.fileName}`,
      mediaType: fallback.mediaType,
      alt: imageAlt(cx, part, f),
      image: {
        width: img.width,
        height: img.height,
        src: `images/${fallback.fileName}`,
        srcset: [...byFormat].map(([mt, vs]) => ({ type: mt, srcset: vs.map((v) => `images/${v.fileName} ${v.width}w`).join(', ') })),
      },
    };
    addLongDescription(cx, part, f, data);
    return data;
  }
  if (type.startsWith('audio/') || type.startsWith('video/')) {
    const data: MediaData = { ...base, kind: type.startsWith('audio/') ? 'audio' : 'video' };
    addTimedAlternatives(cx, part, f, data, t('transcript'));
    if (data.kind === 'video') addLongDescription(cx, part, f, data);
    return data;
  }
  if (type === 'application/pdf') return { ...base, kind: 'pdf' };
  return base;
}

/**
 * The name a reader sees for a file: its title where the source gave one (Leap2A keeps the
 * original name as the resource entry's title), else its own name where the package path adds
 * to it (the `NNNN-` Mahara puts in front, removed by the reader), else its base name.
 */
export function readerFileName(f: Pick<PortfolioFile, 'path' | 'name' | 'about'>): string {
  const title = f.about?.title?.value;
  if (title?.trim()) return title.trim();
  return f.name ?? f.path.split('/').pop() ?? f.path;
}
