/**
 * An Atom feed (RFC 4287) per public view: its reflections and products, newest first, so a
 * reader can follow new work. Entries carry what the part pages show: title, summary, link.
 */
import type { ViewPlan } from '../../views/types.ts';
import type { ViewData } from '../types.ts';
import { escapeXml } from '../meta/card.ts';
import { ownerName } from '../meta/page-meta.ts';

const FEED_KINDS = new Set(['reflexion', 'product']);

/** The newest date of a part (ISO text), for sorting and `updated`. */
function newest(dates: { iso?: string }[]): string | undefined {
  // Only exact dates carry `iso`: a free-text date ("Sept 2017") cannot order a feed.
  return dates.map((d) => d.iso).filter((d): d is string => !!d && !Number.isNaN(Date.parse(d))).sort().at(-1);
}

/** An RFC 3339 timestamp for a date that may be only a year or a day. */
function rfc3339(iso: string): string {
  return new Date(Date.parse(iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The view's feed. Ids are the pages' absolute URLs when the site's url is known, else stable
 * URNs from the folder and slug (Atom needs absolute ids); links are then relative to the feed.
 * `fallback` is the timestamp used when no part of the feed has a date.
 */
export function atomFeed(plan: ViewPlan, view: ViewData, siteUrl: string | undefined, fallback: Date): string {
  const viewUrl = siteUrl ? `${siteUrl}${encodeURIComponent(plan.folder)}/` : undefined;
  const entries = view.parts
    .filter((p) => FEED_KINDS.has(p.kind))
    .map((p) => ({ p, date: newest(p.dates) }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const stamp = (d: string | undefined) => (d ? rfc3339(d) : fallback.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const newestAll = entries.map((e) => e.date).filter(Boolean).sort().at(-1);
  const author = ownerName(plan);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(plan.lang)}">`,
    `  <title>${escapeXml(plan.title)}</title>`,
    ...(plan.description ? [`  <subtitle>${escapeXml(plan.description)}</subtitle>`] : []),
    `  <id>${escapeXml(viewUrl ?? `urn:x-vitrine:${plan.folder}`)}</id>`,
    `  <updated>${stamp(newestAll)}</updated>`,
    ...(viewUrl ? [`  <link rel="self" href="${escapeXml(viewUrl)}feed.xml"/>`, `  <link rel="alternate" type="text/html" href="${escapeXml(viewUrl)}"/>`] : ['  <link rel="alternate" type="text/html" href="index.html"/>']),
    `  <author><name>${escapeXml(author ?? plan.title)}</name></author>`,
    '  <generator>Vitrine</generator>',
  ];
  for (const { p, date } of entries) {
    const href = viewUrl ? `${viewUrl}${encodeURIComponent(p.slug)}/` : `${encodeURIComponent(p.slug)}/index.html`;
    const summary = p.summary ?? p.excerpt;
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(p.title)}</title>`,
      `    <id>${escapeXml(viewUrl ? href : `urn:x-vitrine:${plan.folder}:${p.slug}`)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
      `    <updated>${stamp(date ?? newestAll)}</updated>`,
      ...(summary ? [`    <summary>${escapeXml(summary)}</summary>`] : []),
      ...(p.tags.map((t) => `    <category term="${escapeXml(t)}"/>`)),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
