/**
 * The privacy closure of a view: copies of the selected parts and relations with every trace
 * of unselected parts removed. DESIGN ("Views and privacy"): a view's site contains only the
 * parts it selects; relations are followed only inside the selection.
 */
import type { Extension, Part, Relation } from '../model/types.ts';
import { narrowPartRecords, narrowRelationRecords, type InView } from '../model/narrow.ts';

export type { InView };
type XmlElement = Extension['element'];

/** Every text and attribute value of an element, trimmed. */
function* valuesOf(e: XmlElement): Generator<string> {
  for (const a of e.attrs) yield a.value.trim();
  for (const c of e.children) {
    if (c.type === 'text') yield c.text.trim();
    else yield* valuesOf(c);
  }
}

/**
 * Keeps an extension (an element Vitrine did not understand, kept verbatim) unless one of its
 * values is exactly the id of a part outside the view: such an element is a link out of the view.
 */
export function keepExtension(x: Extension, outside: ReadonlySet<string>): boolean {
  for (const v of valuesOf(x.element)) if (outside.has(v)) return false;
  return true;
}

/** A deep copy of a selected part, scrubbed of references to parts outside the view. */
export function scrubPart(part: Part, inView: InView, outside: ReadonlySet<string>): Part {
  const copy = structuredClone(part);
  if (copy.parent !== undefined && !inView(copy.parent)) delete copy.parent;
  narrowPartRecords(copy, inView);
  copy.extensions = copy.extensions.filter((x) => keepExtension(x, outside));
  return copy;
}

/**
 * The relations of the view: those from a part of the view, with their ends narrowed to the
 * view; a relation left with no end is dropped. A relation end may name another relation
 * (IMS Claims); it counts when that relation is kept. Kept relations are found as the least
 * fixed point, so relations that only name each other are not kept.
 */
export function planRelations(relations: readonly Relation[], inView: InView, outside: ReadonlySet<string>): Relation[] {
  const candidates = relations.filter((r) => inView(r.from));
  const kept = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of candidates) {
      if (kept.has(r.id)) continue;
      if (r.to.some((t) => inView(t) || kept.has(t))) {
        kept.add(r.id);
        changed = true;
      }
    }
  }
  // Kept by object, not id: two relations sharing an id must not let each other through.
  return candidates
    .filter((r) => r.to.some((t) => inView(t) || kept.has(t)))
    .map((r) => {
      const copy = structuredClone(r);
      const keep = copy.to.map((t) => inView(t) || kept.has(t));
      copy.to = copy.to.filter((_, i) => keep[i]);
      narrowRelationRecords(copy, keep, inView);
      copy.extensions = copy.extensions.filter((x) => keepExtension(x, outside));
      return copy;
    })
    .filter((r) => r.to.length > 0);
}
