/**
 * What the `<head>` of each page says about it beyond its title: description, canonical link,
 * Open Graph and Twitter card tags, JSON-LD. Absolute URLs (canonical, og:url, og:image) exist
 * only when the site's `url` is known; everything else is written either way.
 */
import type { Part } from '../../model/types.ts';
import type { ViewPlan } from '../../views/types.ts';
import { identificationName } from '../details.ts';
import type { PageMeta, PartData, ViewData, ViewMeta } from '../types.ts';
import { jsonLdScript, partLd, personLd } from './json-ld.ts';

/** File names of a view's generated extras, inside its folder. */
export const VIEW_FILES = { card: 'card.png', favicon: 'favicon.svg', feed: 'feed.xml', search: 'search/index.html' } as const;

/** The owner's name as a view shows it, when the view selects the identification. */
export function ownerName(plan: ViewPlan): string | undefined {
  const owner = plan.owner;
  if (!owner) return undefined;
  const n = owner.person?.names[0];
  const fromPerson = n?.full ?? [n?.prefix, n?.given, ...(n?.other ?? []), n?.family].filter(Boolean).join(' ');
  return fromPerson || identificationName(owner) || owner.title?.value || undefined;
}

/** The image of a view's card: the owner's photo where the view shows the owner, else its lead image. */
export function cardImage(plan: ViewPlan): Uint8Array | undefined {
  const files = new Map(plan.files.map((f) => [f.path, f]));
  const usable = (path: string | undefined) => {
    const f = path ? files.get(path) : undefined;
    return f && /^image\/(jpeg|png|webp|gif|avif|tiff)$/i.test(f.mediaType) ? f.bytes : undefined;
  };
  if (plan.owner) {
    const photo = usable(plan.owner.person?.photo) ?? plan.owner.files.map(usable).find(Boolean);
    if (photo) return photo;
  }
  for (const part of plan.parts) {
    if (part === plan.owner) continue;
    const lead = part.files.map(usable).find(Boolean);
    if (lead) return lead;
  }
  return undefined;
}

/** Builds the meta of every page of a view. `siteUrl` ends with `/`. */
export function viewMeta(plan: ViewPlan, view: ViewData, siteUrl: string | undefined, extras: { feed: boolean; search: boolean }): ViewMeta {
  const viewUrl = siteUrl ? `${siteUrl}${encodeURIComponent(plan.folder)}/` : undefined;
  const image = viewUrl ? viewUrl + VIEW_FILES.card : undefined;
  const name = ownerName(plan);
  const imageAlt = name ? `${name}: ${plan.title}` : plan.title;
  const owner = view.owner;
  const abs = (href: string | undefined) => (viewUrl && href ? new URL(href, viewUrl).href : undefined);
  const front: PageMeta = { title: plan.title, imageAlt, type: name ? 'profile' : 'website', jsonLd: [] };
  if (plan.description) front.description = plan.description;
  if (viewUrl) front.url = viewUrl;
  if (image) front.image = image;
  if (name) {
    const person = plan.owner?.person;
    const photo = abs(owner?.cover?.image?.src);
    const sameAs = (person?.webLinks ?? []).map((w) => w.url).filter((u): u is string => !!u && /^https?:\/\//i.test(u));
    const headline = person?.headline?.value;
    front.jsonLd.push(jsonLdScript(personLd(name, { ...(viewUrl ? { url: viewUrl } : {}), ...(photo ? { image: photo } : {}), ...(headline ? { jobTitle: headline } : {}), sameAs })));
  }
  const byId = new Map<string, Part>(plan.parts.map((p) => [p.id, p]));
  const pages: Record<string, PageMeta> = {};
  for (const data of view.parts) {
    const part = byId.get(data.id)!;
    const description = partDescription(data) ?? plan.description;
    const url = viewUrl ? `${viewUrl}${encodeURIComponent(data.slug)}/` : undefined;
    const page: PageMeta = { title: `${data.title} · ${plan.title}`, imageAlt, type: 'article', jsonLd: [] };
    if (description) page.description = description;
    if (url) page.url = url;
    if (image) page.image = image;
    const cover = data.cover?.image?.src ? abs(data.cover.image.src) : undefined;
    const ld = partLd(part, data, { ...(url ? { url } : {}), ...(cover ? { image: cover } : {}), ...(name ? { author: name } : {}), ...(description ? { description } : {}) });
    if (ld) page.jsonLd.push(jsonLdScript(ld));
    pages[data.slug] = page;
  }
  return {
    front,
    pages,
    siteName: name ?? plan.title,
    locale: plan.lang.replace('-', '_'),
    favicon: VIEW_FILES.favicon,
    card: VIEW_FILES.card,
    ...(extras.feed ? { feed: VIEW_FILES.feed } : {}),
    ...(extras.search ? { search: VIEW_FILES.search } : {}),
  };
}

/** A part's own words for its preview: its summary, else the start of its text. */
function partDescription(p: PartData): string | undefined {
  return p.summary ?? p.excerpt;
}
