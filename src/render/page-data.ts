/**
 * ViewPlan → ViewData: resolves everything a template shows (titles, dates in the view's
 * language, relation verbs both ways, media with their image variants and caption tracks)
 * from the plan alone, so nothing outside the view can reach a page.
 */
import type { MediaItem, Part, PortfolioFile, Relation } from '../model/types.ts';
import type { ViewPlan } from '../views/types.ts';
import { detailRows, elementText, identificationName, rubricGrid } from './details.ts';
import { formatBytes, formatDate } from './messages.ts';
import { downloadVariant } from './assets.ts';
import type { DateData, MediaData, PartData, PartRef, RelationLink, SectionData, ViewData } from './types.ts';

/** The image variants rendering made for a file (structurally what render/images produces). */
export interface ImageInfo {
  width: number;
  height: number;
  variants: { format: string; width: number; height: number; mediaType: string; fileName: string }[];
}

/** What building view data needs besides the plan. */
export interface ViewDataInput {
  plan: ViewPlan;
  messages: Record<string, string>;
  images: Map<string, ImageInfo>;
  css: string;
  packageHref?: string;
}

/** URL of a package path inside a view folder, each segment encoded. */
export function fileHref(path: string): string {
  return 'files/' + path.split('/').map(encodeURIComponent).join('/');
}

/** A part's display title, whatever its kind. */
export function partTitle(part: Part, t: (k: string) => string): string {
  const r = (part.ims?.record ?? {}) as Record<string, unknown>;
  const group = (r.group as { description?: { short?: string } } | undefined)?.description?.short;
  return (
    part.title?.value ||
    part.description?.short?.value ||
    (part.kind === 'identification' ? identificationName(part) : undefined) ||
    (part.kind === 'rubric' ? elementText(r.title) : undefined) ||
    group ||
    part.type?.value ||
    `${t(`one.${part.kind}`)} ${part.id}`
  );
}

/** Builds the template data of one view. */
export function buildViewData(input: ViewDataInput): ViewData {
  const { plan, messages } = input;
  const t = (key: string, fallback?: string) => messages[key] ?? fallback ?? key;
  const refs = new Map<string, PartRef>();
  for (const p of plan.parts) refs.set(p.id, { id: p.id, slug: p.slug, kind: p.kind, title: partTitle(p, t), href: `${p.slug}/index.html` });
  const files = new Map(plan.files.map((f) => [f.path, f]));
  const date = (d: Part['dates'][number]): DateData => {
    const type = d.type?.value;
    return { ...(type ? { type } : {}), label: type ? t(`date.${type.toLowerCase()}`, type) : '', iso: d.value, display: formatDate(d.value, plan.lang) };
  };
  const verb = (rel: Relation, dir: 0 | 1) => {
    const key = `rel.${rel.type.toLowerCase().replace(/[^a-z]/g, '')}`;
    const both = messages[key] ?? (messages['rel.other'] ?? '|').replace(/^[^|]*/, (m) => (dir === 0 ? rel.type : m));
    return (both.split('|')[dir] ?? rel.type) || rel.type;
  };
  const outgoing = new Map<string, RelationLink[]>();
  const incoming = new Map<string, RelationLink[]>();
  for (const rel of plan.relations) {
    const from = refs.get(rel.from);
    for (const to of rel.to) {
      const target = refs.get(to);
      if (!from || !target) continue; // a Claims on a relation has no page to link to
      const text = rel.text?.value;
      push(outgoing, rel.from, { type: rel.type, label: verb(rel, 0), part: target, ...(text ? { text } : {}) });
      push(incoming, to, { type: rel.type, label: verb(rel, 1), part: from, ...(text ? { text } : {}) });
    }
  }
  const children = new Map<string, PartRef[]>();
  for (const p of plan.parts) if (p.parent && refs.has(p.parent)) push(children, p.parent, refs.get(p.id)!);

  const parts: PartData[] = plan.parts.map((p) => {
    const d: PartData = {
      ...refs.get(p.id)!,
      paragraphs: (p.description?.long?.value ?? '').split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean),
      dates: p.dates.map(date),
      rationale: p.rationale.map((r) => r.value),
      tags: p.tags,
      media: (p.description?.full ?? []).map((m) => mediaData(m, p, files, input.images, plan.lang, t)),
      details: detailRows(p, t),
      children: children.get(p.id) ?? [],
      outgoing: outgoing.get(p.id) ?? [],
      incoming: incoming.get(p.id) ?? [],
    };
    const lang = p.description?.short?.lang ?? p.description?.long?.lang;
    if (lang && lang.split('-')[0] !== plan.lang.split('-')[0]) d.lang = lang;
    if (p.type?.value) d.type = p.type.value;
    const summary = p.title?.value && p.description?.short?.value ? p.description.short.value : undefined;
    if (summary) d.summary = summary;
    if (p.comment?.value) d.comment = p.comment.value;
    if (p.status?.type?.value) d.status = { label: p.status.type.value, ...(p.status.date ? { date: date(p.status.date) } : {}) };
    if (p.priority?.value) d.priority = p.priority.value;
    if (p.author?.value) d.author = p.author.value;
    if (p.parent && refs.has(p.parent)) d.parent = refs.get(p.parent)!;
    if (p.kind === 'rubric') {
      const grid = rubricGrid(p);
      if (grid) d.rubric = grid;
    }
    return d;
  });
  const sections: SectionData[] = [];
  for (const p of parts) {
    const last = sections[sections.length - 1];
    if (last && last.kind === p.kind) last.parts.push(p);
    else sections.push({ kind: p.kind, heading: t(`kind.${p.kind}`), parts: [p] });
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
    sections,
    personalData: plan.personalData,
    t: messages,
    css: input.css,
  };
  if (plan.description) view.description = plan.description;
  const owner = plan.owner ? parts.find((p) => p.id === plan.owner!.id) : undefined;
  if (owner) view.owner = owner;
  if (input.packageHref) view.packageHref = input.packageHref;
  return view;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function mediaData(m: MediaItem, part: Part, files: Map<string, PortfolioFile>, images: Map<string, ImageInfo>, lang: string, t: (k: string) => string): MediaData {
  if (m.carrier === 'text' || (!m.file && m.text && m.carrier !== 'uri')) {
    return { kind: m.mimeType === 'text/html' ? 'html' : 'text', text: m.text ?? '' };
  }
  if (!m.file) {
    const text = m.text ?? '';
    return /^https?:\/\//i.test(text) ? { kind: 'link', href: text, name: text } : { kind: 'missing', name: text };
  }
  const f = files.get(m.file);
  if (!f) return { kind: 'missing', name: m.file.split('/').pop() ?? m.file };
  const name = f.path.split('/').pop() ?? f.path;
  const type = f.mediaType;
  const base: MediaData = { kind: 'document', href: fileHref(f.path), name, mediaType: type, size: f.size, sizeLabel: formatBytes(f.size, lang) };
  const img = images.get(f.path);
  if (img) {
    const byFormat = new Map<string, ImageInfo['variants']>();
    for (const v of img.variants) push(byFormat, v.mediaType, v);
    const fallback = downloadVariant(img.variants)!;
    return {
      ...base,
      kind: 'image',
      // The download is the stripped original-format variant: the source bytes are never published.
      href: `images/${fallback.fileName}`,
      mediaType: fallback.mediaType,
      alt: part.description?.short?.value ?? '',
      image: {
        width: img.width,
        height: img.height,
        src: `images/${fallback.fileName}`,
        srcset: [...byFormat].map(([mt, vs]) => ({ type: mt, srcset: vs.map((v) => `images/${v.fileName} ${v.width}w`).join(', ') })),
      },
    };
  }
  if (type.startsWith('audio/') || type.startsWith('video/')) {
    const stem = f.path.replace(/\.[^./]+$/, '');
    const tracks = part.files
      .filter((p) => p.startsWith(stem) && /\.vtt$/i.test(p))
      .map((p) => ({ href: fileHref(p), kind: 'captions' as const }));
    const transcript = part.files.find((p) => p.startsWith(stem) && /transcript.*\.(txt|html?)$/i.test(p));
    return { ...base, kind: type.startsWith('audio/') ? 'audio' : 'video', tracks, ...(transcript ? { transcript: { href: fileHref(transcript), name: t('transcript') } } : {}) };
  }
  if (type === 'application/pdf') return { ...base, kind: 'pdf' };
  return base;
}
