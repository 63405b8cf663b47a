/**
 * The owner of a Leap2A export as the rest of the model needs them: the relation to their
 * profile picture kept from their end, and the portfolio named after them rather than after
 * Mahara's name for the export file.
 */
import type { Part, Relation } from '../types.ts';

/**
 * `related` is symmetric; a file related to a person is their profile picture, which Mahara
 * reads only on the person's entry, so the relation is kept from the person's end (the writer
 * writes it there, and a re-read gives the same relation).
 */
export function personRelatedFirst(rels: Relation[], persons: Set<string>): void {
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i]!;
    if (r.type !== 'related' || persons.has(r.from) || r.to.length !== 1 || !persons.has(r.to[0]!)) continue;
    const person = r.to[0]!;
    const existing = rels.find((x) => x.type === 'related' && x.from === person);
    if (existing) {
      if (!existing.to.includes(r.from)) existing.to.push(r.from);
      rels.splice(i--, 1);
    } else Object.assign(r, { id: `${person}#related`, from: person, to: [r.from] });
  }
}

/**
 * The portfolio's title: the feed's, unless it is Mahara's name for the export ("Mahara Leap2A
 * Export for Ana Lima, 14/11/2023 22:13"), which names a file, not a portfolio: then the owner's.
 */
export function portfolioTitle(feedTitle: string, owner: Part | undefined): string {
  const name = owner?.person?.names[0]?.full ?? owner?.title?.value;
  return /^Mahara Leap2A Export for /i.test(feedTitle) && name ? name : feedTitle;
}

