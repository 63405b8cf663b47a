/**
 * `sitemap.xml` and `robots.txt` at the site root. Both list public views only: an unlisted
 * view's folder is its secret and a protected view is nobody's business, so neither is named,
 * not even in a Disallow line (which would publish the folder name).
 */
import type { ViewPlan } from '../../views/types.ts';
import { escapeXml } from '../meta/card.ts';

/** The plans a sitemap, robots.txt or the root page may name: public, and not the preview. */
export function listedPublicly(plans: ViewPlan[]): ViewPlan[] {
  return plans.filter((p) => p.access === 'public' && !p.preview && !p.noindex);
}

/** The sitemap of the public views' pages (front page and every part page); needs the site's url. */
export function sitemapXml(plans: ViewPlan[], siteUrl: string): string {
  const urls: string[] = [];
  for (const plan of listedPublicly(plans)) {
    const view = `${siteUrl}${encodeURIComponent(plan.folder)}/`;
    urls.push(view);
    for (const part of plan.parts) urls.push(`${view}${encodeURIComponent(part.slug)}/`);
  }
  const body = urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled (unlisted pages say noindex themselves); the sitemap when there is one. */
export function robotsTxt(siteUrl: string | undefined): string {
  return `User-agent: *\nAllow: /\n${siteUrl ? `\nSitemap: ${siteUrl}sitemap.xml\n` : ''}`;
}
