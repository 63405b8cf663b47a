/**
 * A Mahara page rebuilt from its structure (`Part.page`, model/page-layout.ts), not from the HTML
 * Mahara's exporter wrote into the entry's content (that HTML is the page as rendered for
 * *editing*: quick-edit buttons, comment links, placeholders). Each block becomes display-ready
 * data from its settings and the entries it names; entries outside the view are left out like
 * any relation, and blocks with nothing to publish (other people's data, the site's own lists)
 * are left out with one info diagnostic per block kind.
 */
import { NOTHING_TO_PUBLISH, blockEntryIds, type PageBlock } from '../../model/page-layout.ts';
import { sanitizeRichText, isRichHtml } from '../../model/sanitize.ts';
import type { Part } from '../../model/types.ts';
import type { MediaData, PartRef } from '../types.ts';
import type { MaharaBlockData, MaharaCellData, MaharaDateData, MaharaPageData, MaharaPostData } from './types.ts';
import { dateFormatters, displayWhen, machineWhen, parseWhen, type DateFormatters } from '../../model/dates.ts';
import { licenceOf } from './licence.ts';

/** What building a page needs from the view being rendered. */
export interface MaharaPageContext {
  parts: Map<string, Part>;
  refs: Map<string, PartRef>;
  media: Map<string, MediaData[]>;
  htmls: Map<string, string>;
  /** Parts each part of the view holds (has_part and nesting), in order. */
  children: Map<string, string[]>;
  /** The view's language (date words). */
  lang: string;
  /** The view's words, for date labels. */
  t: (key: string, fallback?: string) => string;
  /** Called once per blocktype left out (the caller reports it once per build). */
  omitted: (blocktype: string, reason: string) => void;
}


const TEXT = new Set(['text', 'textbox', 'internalmedia', 'html']);
const IMAGES = new Set(['image', 'gallery']);
const FILES = new Set(['pdf', 'filedownload', 'folder']);
const POSTS = new Set(['blog', 'blogpost', 'recentposts', 'taggedposts']);
const RESUME = new Set(['entireresume', 'resumefield', 'education', 'employment', 'textbox']);

/** Rebuilds a Mahara page part of the view; undefined when the part is not a Mahara page. */
export function maharaPageData(part: Part, cx: MaharaPageContext): MaharaPageData | undefined {
  const page = part.page;
  if (!page) return undefined;
  const fmt = dateFormatters(cx.lang);
  const date = (d: Part['dates'][number]): MaharaDateData => {
    const when = parseWhen(d.value);
    const type = d.type?.value;
    const machine = machineWhen(when);
    return { label: type ? cx.t(`date.${type.toLowerCase()}`, type) : '', display: displayWhen(when, fmt), ...(machine ? { datetime: machine } : {}) };
  };
  const bcx = { ...cx, date };
  const shown = new Set<string>();
  const cells: MaharaCellData[] = [];
  for (const cell of page.cells) {
    const blocks = cell.blocks.map((b) => blockData(b, bcx, shown)).filter((b): b is MaharaBlockData => !!b);
    if (!blocks.length) continue;
    const style = `grid-column: ${cell.x + 1} / span ${cell.width}; grid-row: ${cell.y + 1} / span ${cell.height}`;
    cells.push({ x: cell.x, y: cell.y, width: cell.width, height: cell.height, style, blocks });
  }
  return { layout: page.layout, cells, shown: [...shown] };
}

type BlockContext = MaharaPageContext & { date: (d: Part['dates'][number]) => MaharaDateData };

function blockData(b: PageBlock, cx: BlockContext, shown: Set<string>): MaharaBlockData | undefined {
  const why = NOTHING_TO_PUBLISH[b.type];
  if (why) return void cx.omitted(b.type, why);
  // Only entries inside the view: a block naming entries outside it shows what is left.
  let ids = blockEntryIds(b, (id) => cx.refs.has(id) || cx.parts.has(id)).filter((id) => cx.refs.has(id));
  // The whole résumé: every résumé grouping of the view (Mahara's résumé plugin), in order.
  if (b.type === 'entireresume' && !ids.length) ids = [...cx.parts.values()].filter((p) => p.grouping === 'resume').map((p) => p.id);
  ids.forEach((id) => shown.add(id));
  const data: MaharaBlockData = { kind: 'entries', blocktype: b.type, title: b.title, media: [], entries: [], posts: [], tags: [] };
  const text = typeof b.settings.text === 'string' ? b.settings.text : undefined;
  if (b.type === 'creativecommons') {
    const licence = licenceOf(b.settings);
    if (!licence) return void cx.omitted(b.type, 'a licence block whose licence could not be read');
    return { ...data, kind: 'licence', licence };
  }
  if (b.type === 'externalvideo') {
    const url = typeof b.settings.videoid === 'string' ? b.settings.videoid.trim() : '';
    if (!/^https?:\/\/[^\s"'<>]+$/i.test(url)) return void cx.omitted(b.type, 'a video block without a web address');
    return { ...data, kind: 'video', link: { href: url, text: b.title || url } };
  }
  if (b.type === 'tags' || b.type === 'taggedposts') {
    const tags = [b.settings.tagsin, b.settings.tags].flat().filter((x): x is string => typeof x === 'string' && !!x.trim());
    if (b.type === 'tags' || !ids.length) return tags.length ? { ...data, kind: 'tags', tags } : void cx.omitted(b.type, 'a tag block without tags');
  }
  if (TEXT.has(b.type) && (text || !ids.length)) {
    // Instructions are left out: Mahara shows them to whoever fills in a page template, not to readers.
    const html = text && (isRichHtml(text) ? sanitizeRichText(text).html : `<p>${escapeHtml(text)}</p>`);
    if (html?.trim()) return { ...data, kind: 'text', html };
    if (!ids.length) return void cx.omitted(b.type, 'an empty text block');
  }
  if (IMAGES.has(b.type) || FILES.has(b.type)) {
    const media = ids.flatMap((id) => filesOf(id, cx));
    const wanted = media.filter((m) => (IMAGES.has(b.type) ? m.kind === 'image' : m.kind !== 'text' && m.kind !== 'html'));
    if (!wanted.length) return void cx.omitted(b.type, 'a file block whose files are not in the view');
    return { ...data, kind: IMAGES.has(b.type) ? 'images' : 'files', media: wanted };
  }
  if (POSTS.has(b.type)) {
    const posts = ids.flatMap((id) => postsOf(id, cx));
    if (!posts.length) return void cx.omitted(b.type, 'a journal block whose posts are not in the view');
    return { ...data, kind: 'posts', posts };
  }
  if (!ids.length) return void cx.omitted(b.type, RESUME.has(b.type) ? 'a résumé block whose entries are not in the view' : 'a block that names nothing in the view');
  // Résumé blocks and any other block naming entries: each entry with its own text and dates.
  const entries = ids.flatMap((id) => {
    const kids = childrenOf(id, cx);
    return (kids.length ? kids : [id]).map((x) => {
      const p = cx.parts.get(x);
      // A résumé record is one item: its institution and qualification come with it (model/leap2a/resume.ts).
      const r = p?.resume;
      return { part: cx.refs.get(x)!, ...(cx.htmls.get(x) ? { html: cx.htmls.get(x)! } : {}), dates: (p?.dates ?? []).map(cx.date), ...(r?.organisation ? { organisation: r.organisation } : {}), ...(r?.role ? { role: r.role } : {}) };
    });
  });
  return { ...data, entries };
}

/** A part's files; a folder's are the files of the entries it holds. */
function filesOf(id: string, cx: MaharaPageContext): MediaData[] {
  const own = cx.media.get(id) ?? [];
  if (own.length) return own;
  return childrenOf(id, cx).flatMap((c) => cx.media.get(c) ?? []);
}

/** A journal's posts newest first as Mahara lists them, or the post itself. */
function postsOf(id: string, cx: BlockContext): MaharaPostData[] {
  const kids = childrenOf(id, cx);
  return (kids.length ? kids : [id]).map((x) => {
    const p = cx.parts.get(x);
    // A post's date is when it was published (Atom `published`), else a date it carries.
    const published = p?.published;
    const d = published ? { value: published, type: { value: 'Create' } } : (p?.dates.find((y) => /update|create|publish/i.test(y.type?.value ?? '')) ?? p?.dates[0]);
    return { part: cx.refs.get(x)!, ...(d ? { date: cx.date(d) } : {}), ...(cx.htmls.get(x) ? { html: cx.htmls.get(x)! } : {}) };
  });
}

/** Parts nested in a part of the view (a folder's files, a journal's posts, a résumé composite's items). */
function childrenOf(id: string, cx: MaharaPageContext): string[] {
  return (cx.children.get(id) ?? []).filter((c) => cx.refs.has(c));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
