/**
 * Views proposed for a portfolio that has none: one per page the source system made (a Mahara
 * page or collection, a Leap2A `selection` of type Webpage or Collection), so a user moving in
 * with `vitrine pack --format authored` keeps their pages as views.
 *
 * Every proposed view is `unlisted`: the export does not say which pages were public in the
 * source system, and publishing is the owner's decision. The file says so and how to change it.
 */
import { stringify } from 'yaml';
import type { Part, Portfolio } from '../model/types.ts';

/** Leap2A selection types that are pages a person shows to others (not blogs or résumé groupings). */
const PAGE_TYPES = new Set(['webpage', 'collection']);

/** The parts that are pages of the source system, in the source's order. */
export function sourcePages(portfolio: Portfolio): Part[] {
  return portfolio.parts.filter(
    (p) => p.leap2a?.types.some((t) => /selection$/.test(t)) && PAGE_TYPES.has((p.type?.value ?? '').toLowerCase()),
  );
}

/**
 * The text of a `vitrine.config.yaml` with one unlisted view per source page that has parts,
 * and how many views it holds; undefined when the portfolio has no such page.
 */
export function proposeViewsConfig(portfolio: Portfolio, schema = 'vitrine.config.schema.json'): { text: string; views: number } | undefined {
  const hasParts = (page: Part) => portfolio.relations.some((r) => r.from === page.id && /has_?part/i.test(r.type) && r.to.length > 0);
  const pages = sourcePages(portfolio).filter(hasParts);
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
