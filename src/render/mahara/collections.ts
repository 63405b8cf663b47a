/**
 * Mahara collections as sequences. A collection is a `selection` entry of type `Website` whose
 * `has_part` links name its pages in order; its page in the view is a table of contents, each
 * of its pages gets previous/next links, and the preview's front page lists the owner's
 * collections and then the pages outside them (instead of every artefact in a flat grid).
 */
import type { Part, Relation } from '../../model/types.ts';
import type { PartRef } from '../types.ts';
import type { CollectionData, SequenceData } from './types.ts';

/** The view's collections and pages: sequences, and what the preview's front page lists. */
export interface PagesData {
  collections: CollectionData[];
  /** Pages of the view in no collection. */
  pages: PartRef[];
  /** Sequence of each page that is in a collection (a page is in one collection, as in Mahara). */
  sequence: Map<string, SequenceData>;
}

/** Whether a part is a Mahara collection (pages in order; a Leap2A selection of type Website). */
export function isCollection(p: Part): boolean {
  return p.grouping === 'collection';
}

/** The collections and pages among a view's parts, with each page's place in its collection. */
export function pagesOfView(parts: Part[], relations: Relation[], refs: Map<string, PartRef>): PagesData {
  const isPage = new Set(parts.filter((p) => (p.page || p.grouping === 'page') && refs.has(p.id)).map((p) => p.id));
  const collections: CollectionData[] = [];
  const sequence = new Map<string, SequenceData>();
  for (const c of parts.filter(isCollection)) {
    const ref = refs.get(c.id);
    if (!ref) continue;
    const ids = relations.filter((r) => r.from === c.id && /has_?part$/i.test(r.type)).flatMap((r) => r.to).filter((id) => isPage.has(id) && !sequence.has(id));
    const pages = [...new Set(ids)].map((id) => refs.get(id)!);
    pages.forEach((page, i) => {
      const s: SequenceData = { collection: ref, position: i + 1, total: pages.length };
      if (i > 0) s.prev = pages[i - 1]!;
      if (i < pages.length - 1) s.next = pages[i + 1]!;
      sequence.set(page.id, s);
    });
    collections.push({ collection: ref, pages });
  }
  const pages = [...isPage].filter((id) => !sequence.has(id)).map((id) => refs.get(id)!);
  return { collections, pages, sequence };
}
