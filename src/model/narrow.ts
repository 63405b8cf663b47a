/**
 * Narrowing the format records a part or relation carries to one view: what a format keeps
 * for lossless round trips (the IMS record's nested-part placeholders, the ends' sourced ids,
 * the file-level LIP wrapper) must not carry a part outside the view into the view's site or
 * package. views/scrub.ts calls these; it knows no format.
 */
import type { Part, Relation } from './types.ts';

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
function scrubRecord(v: unknown, inView: InView): void {
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

/** Removes from a part's format records (a copy) every trace of parts outside the view. */
export function narrowPartRecords(copy: Part, inView: InView): void {
  if (copy.ims) scrubRecord(copy.ims.record, inView);
  // The <learnerinformation> wrapper of the source file (its comment, contentype and
  // ext_learnerinfo) is file-level owner data, not this part's: a view does not carry it.
  if (copy.ims?.document) delete copy.ims.document;
}

/** Removes from a relation's format records (a copy) the ends that were dropped (`keep[i]` false for `to[i]`) and parts outside the view. */
export function narrowRelationRecords(copy: Relation, keep: boolean[], inView: InView): void {
  if (!copy.ims) return;
  scrubRecord(copy.ims.record, inView);
  // Sourced ids of the ends run parallel to `to`: narrow them the same way, so an
  // unselected end's source-system id neither leaks nor lands on another end.
  const ends = copy.ims.record.ends as { source?: unknown; dests?: unknown[] } | undefined;
  if (ends?.dests) ends.dests = ends.dests.filter((_, i) => keep[i]);
  if (copy.ims.document) delete copy.ims.document;
}
