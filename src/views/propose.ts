/**
 * Views proposed for a portfolio that has none: one per collection and one per page outside a
 * collection that the source system made (Mahara's pages and collections: Leap2A `selection`s of
 * type Webpage and Website, or Collection), so a user moving in with `vitrine pack --format
 * authored` keeps every page as a view, whether or not it links files. Mahara's system pages
 * (dashboard, profile, group pages) are not proposed: they are not the owner's presentations.
 *
 * Every proposed view is `unlisted`: the export does not say which pages were public in the
 * source system, and publishing is the owner's decision. The file says so and how to change it.
 */
import { stringify } from 'yaml';
import type { Grouping, Part, Portfolio } from '../model/types.ts';
import { isSystemPage } from '../model/page-layout.ts';

/** Groupings that are pages a person shows to others (not blogs or résumé sections). */
const PAGE_GROUPINGS: ReadonlySet<Grouping | undefined> = new Set<Grouping>(['page', 'collection', 'set']);
/** Of those, the groupings that hold pages. */
const COLLECTION_GROUPINGS: ReadonlySet<Grouping | undefined> = new Set<Grouping>(['collection', 'set']);

/** The parts that are pages or collections of the source system, in the source's order (system pages left out). */
export function sourcePages(portfolio: Portfolio): Part[] {
  return portfolio.parts.filter(
    (p) => (PAGE_GROUPINGS.has(p.grouping) || p.page !== undefined) && !isSystemPage(p.page),
  );
}

/**
 * The text of a `vitrine.config.yaml` with one unlisted view per collection and per page outside
 * a collection, and how many views it holds; undefined when the portfolio has no page.
 */
export function proposeViewsConfig(portfolio: Portfolio, schema = 'vitrine.config.schema.json'): { text: string; views: number } | undefined {
  const all = sourcePages(portfolio);
  const collections = all.filter((p) => COLLECTION_GROUPINGS.has(p.grouping));
  // A page in a collection is in that collection's view; every other page gets its own.
  const inCollection = new Set(portfolio.relations.filter((r) => collections.some((c) => c.id === r.from) && /has_?part/i.test(r.type)).flatMap((r) => r.to));
  const pages = all.filter((p) => COLLECTION_GROUPINGS.has(p.grouping) || !inCollection.has(p.id));
  if (pages.length === 0) return undefined;
  // Part slugs are unique in a portfolio, so they make unique view ids.
  const views = pages.map((page, i) => {
    const id = page.slug;
    const title = page.title?.value ?? page.description?.short?.value ?? `Page ${i + 1}`;
    return { id, title, access: 'unlisted', select: [{ id: page.id, with: ['parts', 'evidence', 'reflections'] }] };
  });
  const head = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    `# One view per page found in the export (${views.length}), written by vitrine pack.`,
    '# Each is unlisted: an unguessable folder, noindex, linked from nowhere, because the export',
    '# does not say which pages were public. Make a view public (access: public) to list it on',
    '# the site, protected to ask for a passphrase, or delete it. docs/views.md has every field.',
  ].join('\n');
  return { text: `${head}\n${stringify({ views }, { lineWidth: 0 })}`, views: views.length };
}
