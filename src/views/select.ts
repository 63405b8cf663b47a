/**
 * Selection: which parts a view shows, in which order. Entries are applied in the order the
 * config lists them; a part selected twice keeps its first place.
 */
import type { DiagnosticBag } from '../diagnostics/index.ts';
import type { Part, Portfolio } from '../model/types.ts';
import { followFrom, indexPortfolio, type FollowIndex } from './follow.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import type { Selector, SortOrder } from './types.ts';
import { compareWhen, parseWhen, type When } from '../model/dates.ts';

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
    const at = sel.origin;
    let named: Part | undefined;
    if (sel.id !== undefined) {
      named = findPart(portfolio.parts, sel.id);
      if (!named) {
        const known = portfolio.parts.flatMap((p) => [p.id, p.slug]);
        diagnostics.add('ViewPartNotFound', `no part has the id "${sel.id}".${didYouMean(sel.id, known)}`, at);
        continue;
      }
    }
    const matched = sortParts(portfolio.parts.filter((p) => matchesSelector(p, sel, named)), sel.sort ?? 'date');
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

/** The date a part is sorted by: the newest of its dates (a project "2019–2022" sorts as 2022). */
function sortDate(part: Part): When | undefined {
  let best: When | undefined;
  for (const d of part.dates) {
    const w = parseWhen(d.value);
    if (!best || compareWhen(w, best) < 0) best = w;
  }
  return best;
}

/**
 * One entry's matches in the order it asks for: `date` newest first, undated last (the one sort
 * rule of model/dates.ts); `title` alphabetically in the part's own words; `manual` as the
 * portfolio lists them. Sorts are stable: equals keep the portfolio's order.
 */
export function sortParts(parts: Part[], order: SortOrder): Part[] {
  if (order === 'manual' || parts.length < 2) return parts;
  if (order === 'title') {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const title = (p: Part) => p.title?.value ?? p.description?.short?.value ?? p.slug;
    return [...parts].sort((a, b) => collator.compare(title(a), title(b)));
  }
  const dates = new Map(parts.map((p) => [p, sortDate(p)]));
  return [...parts].sort((a, b) => compareWhen(dates.get(a), dates.get(b)));
}

/** `kind: goal, status: Active` for messages. */
export function describeSelector(sel: Selector): string {
  const fields = (['id', 'kind', 'tag', 'status'] as const).filter((k) => sel[k] !== undefined).map((k) => `${k}: ${sel[k]}`);
  return fields.join(', ');
}
