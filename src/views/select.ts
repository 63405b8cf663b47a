/**
 * Selection: which parts a view shows, in which order. Entries are applied in the order the
 * config lists them; a part selected twice keeps its first place.
 */
import { parseOrigin, type DiagnosticBag } from '../diagnostics/index.ts';
import type { Part, Portfolio } from '../model/types.ts';
import { followFrom, indexPortfolio, type FollowIndex } from './follow.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import type { Selector } from './types.ts';

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The part an `id:` names: the id as the source gave it first, then a slug, then a source
 * system's id (sourcedid), because relations in IMS packages name parts either way.
 */
export function findPart(parts: readonly Part[], id: string): Part | undefined {
  return parts.find((p) => p.id === id) ?? parts.find((p) => p.slug === id) ?? parts.find((p) => p.sourcedId?.id === id);
}

/** Tells whether a part matches every field an entry gives (id, kind, tag, status). */
export function matchesSelector(part: Part, sel: Selector, named?: Part): boolean {
  if (sel.id !== undefined && part !== named) return false;
  if (sel.kind !== undefined && part.kind !== sel.kind) return false;
  if (sel.tag !== undefined && !part.tags.some((t) => same(t, sel.tag!)) && !same(part.type?.value, sel.tag)) return false;
  if (sel.status !== undefined && !same(part.status?.type?.value, sel.status)) return false;
  return true;
}

/**
 * The ids of the parts the entries select, in page order and without repeats. An entry that
 * selects nothing is reported (ViewPartNotFound for an unknown id, else ViewSelectsNothing),
 * located at the entry in the config.
 */
export function selectParts(portfolio: Portfolio, selectors: readonly Selector[], diagnostics: DiagnosticBag, index?: FollowIndex): string[] {
  const ix = index ?? indexPortfolio(portfolio);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const sel of selectors) {
    const at = sel.origin ? parseOrigin(sel.origin) : undefined;
    let named: Part | undefined;
    if (sel.id !== undefined) {
      named = findPart(portfolio.parts, sel.id);
      if (!named) {
        const known = portfolio.parts.flatMap((p) => [p.id, p.slug]);
        diagnostics.add('ViewPartNotFound', `no part has the id "${sel.id}".${didYouMean(sel.id, known)}`, at);
        continue;
      }
    }
    const matched = portfolio.parts.filter((p) => matchesSelector(p, sel, named));
    if (matched.length === 0) {
      diagnostics.add('ViewSelectsNothing', `this entry (${describeSelector(sel)}) matches no part`, at);
      continue;
    }
    for (const part of matched) {
      for (const id of followFrom(ix, part, sel.with ?? [])) {
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(id);
      }
    }
  }
  return out;
}

/** `kind: goal, status: Active` for messages. */
export function describeSelector(sel: Selector): string {
  const fields = (['id', 'kind', 'tag', 'status'] as const).filter((k) => sel[k] !== undefined).map((k) => `${k}: ${sel[k]}`);
  return fields.join(', ');
}
