/**
 * Relation ends name parts by `indexid`; real files sometimes name the target's `sourcedid/id`
 * instead (the IMS ReflectNassert sample does). Claims may point at another relation.
 */
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import type { Part, Relation } from '../types.ts';
import { isKnownRelation } from './vocabulary.ts';

/** A relation as read, before its ends are resolved. */
export interface RawRelation {
  relation: Relation;
  origin: Location;
}

/** Resolves relation ends to part (or relation) ids; unresolvable ends are kept as written, with a warning. */
export function resolveRelations(raw: RawRelation[], parts: Part[], bag: DiagnosticBag): Relation[] {
  const byId = new Set(parts.map((p) => p.id));
  const bySourced = new Map<string, string>();
  for (const p of parts) if (p.sourcedId && !bySourced.has(p.sourcedId.id)) bySourced.set(p.sourcedId.id, p.id);
  const relIds = new Set(raw.map((r) => r.relation.id));
  const out: Relation[] = [];
  for (const { relation, origin } of raw) {
    const resolve = (ref: string): string => {
      if (byId.has(ref) || relIds.has(ref)) return ref;
      const viaSourced = bySourced.get(ref);
      if (viaSourced) return viaSourced;
      bag.add('RelationTargetMissing', `relation "${relation.id}" (${relation.type}) names "${ref}", which is no part or relation here`, origin);
      return ref;
    };
    relation.from = resolve(relation.from);
    relation.to = relation.to.map(resolve);
    if (relation.type && !isKnownRelation(relation.type)) {
      bag.add('RelationTypeUnknown', `relation "${relation.id}" has type "${relation.type}", not in the IMS vocabulary; kept as written`, origin);
    }
    out.push(relation);
  }
  return out;
}

