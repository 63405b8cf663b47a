/**
 * The privacy closure of a view: copies of the selected parts and relations with every trace
 * of unselected parts removed. DESIGN ("Views and privacy"): a view's site contains only the
 * parts it selects; relations are followed only inside the selection.
 */
import type { XmlElement } from '../formats/xml/tree.ts';
import type { Extension, Part, Relation } from '../model/types.ts';

/** Tells whether an id names a part of the view. */
export type InView = (id: string) => boolean;

type Obj = Record<string, unknown>;

const isObject = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A nested-part placeholder left in an IMS record by model/ims: `{ ref: '<part id>' }`. */
function isRef(x: unknown): x is { ref: unknown } {
  return isObject(x) && Object.keys(x).length === 1 && 'ref' in x;
}

/** A placeholder that names no part of the view (or names nothing at all). */
function isOutsideRef(x: unknown, inView: InView): boolean {
  return isRef(x) && !(typeof x.ref === 'string' && inView(x.ref));
}

/** An `{ el, value }` choice item whose value is such a placeholder (activity `product`, `testimonial`). */
function isOutsideItem(x: unknown, inView: InView): boolean {
  return isObject(x) && 'el' in x && 'value' in x && isOutsideRef(x.value, inView);
}

/**
 * Removes nested-part placeholders of parts outside the view from an IMS record, in place:
 * from `items`, `goals`, `activities`, `affiliations`, `product`, wherever they sit.
 */
export function scrubRecord(v: unknown, inView: InView): void {
  if (Array.isArray(v)) {
    for (let i = v.length - 1; i >= 0; i--) {
      if (isOutsideRef(v[i], inView) || isOutsideItem(v[i], inView)) v.splice(i, 1);
      else scrubRecord(v[i], inView);
    }
    return;
  }
  if (!isObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (isOutsideRef(x, inView)) delete v[k];
    else scrubRecord(x, inView);
  }
}

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
  if (copy.ims) scrubRecord(copy.ims.record, inView);
  // The <learnerinformation> wrapper of the source file (its comment, contentype and
  // ext_learnerinfo) is file-level owner data, not this part's: a view does not carry it.
  if (copy.ims?.document) delete copy.ims.document;
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
      if (copy.ims) {
        scrubRecord(copy.ims.record, inView);
        // Sourced ids of the ends run parallel to `to`: narrow them the same way, so an
        // unselected end's source-system id neither leaks nor lands on another end.
        const ends = copy.ims.record.ends as { source?: unknown; dests?: unknown[] } | undefined;
        if (ends?.dests) ends.dests = ends.dests.filter((_, i) => keep[i]);
        if (copy.ims.document) delete copy.ims.document;
      }
      copy.extensions = copy.extensions.filter((x) => keepExtension(x, outside));
      return copy;
    })
    .filter((r) => r.to.length > 0);
}
