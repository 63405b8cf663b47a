/**
 * What a view publishes besides its pages, for the places a link travels to: the link preview
 * card and favicon of every view, the Atom feed of public views, and at the site root the
 * sitemap and robots.txt (public views only). Protected views get a neutral card and the mark
 * after encryption, so nothing there says whose portfolio it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ViewPlan } from '../views/types.ts';
import type { ViewData } from './types.ts';
import { themeColours, type CardColours } from './meta/colours.ts';
import { faviconSvg, initialsOf, renderCard } from './meta/card.ts';
import { cardImage, ownerName, viewMeta, VIEW_FILES } from './meta/page-meta.ts';
import { atomFeed } from './feeds/atom.ts';
import { listedPublicly, robotsTxt, sitemapXml } from './feeds/sitemap.ts';
import { hasSearch } from './search/pagefind.ts';

const encoder = new TextEncoder();

/** The first file of that name under the template folders' `theme/`, most specific first. */
function themeFile(dirs: string[], name: string): string | undefined {
  for (const d of dirs) {
    const f = join(d, 'theme', name);
    if (existsSync(f)) return readFileSync(f, 'utf8');
  }
  return undefined;
}

/** The card colours of the theme the view is rendered with. */
export function viewColours(dirs: string[]): CardColours {
  return themeColours(themeFile(dirs, 'vitrine.css'));
}

/** The newest date any part of the view carries, for a feed with undated entries; else the epoch, so builds stay reproducible. */
function newestDate(plan: ViewPlan): Date {
  const times = plan.parts.flatMap((p) => p.dates.map((d) => Date.parse(d.value))).filter((t) => !Number.isNaN(t));
  return new Date(times.length ? Math.max(...times) : 0);
}

/**
 * Sets `view.meta` and returns the view's extra files (paths inside its folder): card,
 * favicon, and for public views the feed. Protected views get theirs from `protectedExtras`.
 */
export async function viewExtras(plan: ViewPlan, view: ViewData, dirs: string[], siteUrl: string | undefined, cardTime?: (ms: number) => void): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const feed = plan.access === 'public' && !plan.preview;
  view.meta = viewMeta(plan, view, siteUrl, { feed, search: hasSearch(plan) });
  if (plan.access === 'protected') return files;
  const colours = viewColours(dirs);
  const name = ownerName(plan);
  const image = cardImage(plan);
  const t0 = performance.now();
  files.set(VIEW_FILES.card, await renderCard({ ...(name ? { name } : {}), title: plan.title, ...(image ? { image } : {}), colours }));
  cardTime?.(performance.now() - t0);
  const mark = themeFile(dirs, 'mark.svg');
  files.set(VIEW_FILES.favicon, encoder.encode(name ? faviconSvg(colours, initialsOf(name)) : (mark ?? faviconSvg(colours, undefined))));
  if (feed) files.set(VIEW_FILES.feed, encoder.encode(atomFeed(plan, view, siteUrl, newestDate(plan))));
  return files;
}

/** The neutral card and the mark of a protected view, added beside its ciphertext. */
export async function protectedExtras(dirs: string[]): Promise<Map<string, Uint8Array>> {
  const colours = viewColours(dirs);
  const mark = themeFile(dirs, 'mark.svg');
  return new Map([
    [VIEW_FILES.card, await renderCard({ colours })],
    [VIEW_FILES.favicon, encoder.encode(mark ?? faviconSvg(colours, undefined))],
  ]);
}

/** The site root's robots.txt, and sitemap.xml when the site's url is known. */
export function siteExtras(plans: ViewPlan[], siteUrl: string | undefined): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([['robots.txt', encoder.encode(robotsTxt(siteUrl && listedPublicly(plans).length ? siteUrl : undefined))]]);
  if (siteUrl) files.set('sitemap.xml', encoder.encode(sitemapXml(plans, siteUrl)));
  return files;
}
