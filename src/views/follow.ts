/**
 * `with:` in a select entry: which relations each word follows, from the parts the entry
 * matched to parts that are added to the view. The mapping is a table so that other formats'
 * relation names (Leap2A's `is_evidence_of`, `reflects_on`) are one row each.
 */
import { PART_KINDS, type Part, type PartKind, type Portfolio, type Relation } from '../model/types.ts';
import type { Follow } from './types.ts';

/** The words `with:` accepts (applied as parts, evidence, then reflections and assertions). */
export const FOLLOWS: readonly Follow[] = ['evidence', 'parts', 'reflections', 'assertions'];

/** One row of the follow table. */
export interface FollowRule {
  follow: Exclude<Follow, 'parts'>;
  /** The relation name, compared with `relationKey` (case, `_`, `-` and a `prefix:` ignored). */
  relation: string;
  /**
   * `into`: add part X for a relation X → (a part already in the view);
   * `out-of`: add part X for a relation (a part already in the view) → X (inverse names).
   */
  direction: 'into' | 'out-of';
  /** Only parts of these kinds are added by this row. */
  kinds?: readonly PartKind[];
}

const notReflexion = PART_KINDS.filter((k) => k !== 'reflexion');

/**
 * IMS ePortfolio relation names (Best Practice guide §4) and their Leap2A counterparts
 * (leap2:is_evidence_of / has_evidence, reflects_on / reflected_on_by). A Claims made by a
 * reflexion is the owner's reflection; made by any other part it is an assertion.
 * `parts` is not here: it follows nesting (`parent`, and Leap2A `has_part`; see indexPortfolio).
 */
export const FOLLOW_RULES: readonly FollowRule[] = [
  { follow: 'evidence', relation: 'Evidences', direction: 'into' },
  { follow: 'evidence', relation: 'is_evidence_of', direction: 'into' },
  { follow: 'evidence', relation: 'has_evidence', direction: 'out-of' },
  { follow: 'reflections', relation: 'ReflectsOn', direction: 'into' },
  { follow: 'reflections', relation: 'reflected_on_by', direction: 'out-of' },
  { follow: 'reflections', relation: 'Claims', direction: 'into', kinds: ['reflexion'] },
  { follow: 'assertions', relation: 'Attests', direction: 'into' },
  { follow: 'assertions', relation: 'Evaluates', direction: 'into' },
  { follow: 'assertions', relation: 'Claims', direction: 'into', kinds: notReflexion },
];

/** A relation name reduced for comparison: `ReflectsOn`, `reflects_on`, `leap2:reflects_on` are equal. */
export function relationKey(name: string): string {
  return name.replace(/^[A-Za-z0-9]+:/, '').toLowerCase().replace(/[\s_-]+/g, '');
}

/** The portfolio indexed for following: parts by id, children by parent, relations by name. */
export interface FollowIndex {
  parts: Map<string, Part>;
  order: Map<string, number>;
  children: Map<string, Part[]>;
  relations: Relation[];
}

/** Builds the index once per view planning. */
export function indexPortfolio(portfolio: Portfolio): FollowIndex {
  const parts = new Map(portfolio.parts.map((p) => [p.id, p] as const));
  const order = new Map(portfolio.parts.map((p, i) => [p.id, i] as const));
  const children = new Map<string, Part[]>();
  for (const p of portfolio.parts) {
    if (p.parent === undefined) continue;
    const list = children.get(p.parent) ?? [];
    list.push(p);
    children.set(p.parent, list);
  }
  // A Leap2A has_part (a Mahara page and its blocks, a blog and its posts) makes the same
  // nesting, in the relation's order (display_order, page layout); a part may be in several.
  for (const r of portfolio.relations) {
    if (relationKey(r.type) !== 'haspart') continue;
    const named = r.to.map((id) => parts.get(id)).filter((p): p is Part => !!p);
    children.set(r.from, [...named, ...(children.get(r.from) ?? []).filter((c) => !r.to.includes(c.id))]);
  }
  return { parts, order, children, relations: portfolio.relations };
}

/**
 * The part `base` and what `with:` adds to it, in page order: the part, its nested parts
 * (with `parts`), its evidence (each followed by its nested parts), then the reflections and
 * assertions about any of those, in portfolio order. Each step is one hop from what the
 * earlier steps gathered; nothing is followed transitively except nesting.
 */
export function followFrom(ix: FollowIndex, base: Part, follows: readonly Follow[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const nest = follows.includes('parts');
  const add = (p: Part) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    out.push(p.id);
    if (nest) for (const c of ix.children.get(p.id) ?? []) add(c);
  };
  add(base);
  if (follows.includes('evidence')) addRelated(ix, ['evidence'], new Set(seen), add);
  const about = follows.filter((f): f is 'reflections' | 'assertions' => f === 'reflections' || f === 'assertions');
  if (about.length) addRelated(ix, about, new Set(seen), add);
  return out;
}

/** Adds, in portfolio order, every part a rule of `follows` links with the parts of `set`. */
function addRelated(ix: FollowIndex, follows: readonly Follow[], set: Set<string>, add: (p: Part) => void): void {
  const rules = FOLLOW_RULES.filter((r) => follows.includes(r.follow));
  // "Claims a relation among them": a relation from a part of the set to a part of the set.
  const among = new Set(ix.relations.filter((r) => set.has(r.from) && r.to.some((t) => set.has(t))).map((r) => r.id));
  const found = new Set<string>();
  for (const r of ix.relations) {
    const key = relationKey(r.type);
    for (const rule of rules) {
      if (relationKey(rule.relation) !== key) continue;
      const candidates = rule.direction === 'into'
        ? r.to.some((t) => set.has(t) || among.has(t)) ? [r.from] : []
        : set.has(r.from) ? r.to : [];
      for (const id of candidates) {
        const p = ix.parts.get(id);
        if (p && (!rule.kinds || rule.kinds.includes(p.kind))) found.add(id);
      }
    }
  }
  const sorted = [...found].sort((a, b) => ix.order.get(a)! - ix.order.get(b)!);
  for (const id of sorted) add(ix.parts.get(id)!);
}
