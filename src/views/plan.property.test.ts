/**
 * The privacy property: whatever a view selects, its plan holds nothing of the parts it does
 * not select. Every part, relation and file gets a unique marker in its texts (or path); the
 * whole plan is serialized, and no marker or id of an unselected part may appear in it, while
 * every selected part's marker must.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { readPortfolio } from '../index.ts';
import type { Extension, Part, PartKind, Portfolio, Relation } from '../model/types.ts';
import { FOLLOWS } from './follow.ts';
import { planViews } from './plan.ts';
import type { Follow, Selector, ViewPlan } from './types.ts';
import { checkProperty, propertySeeds } from '../../test/support/property.ts';

const seeds = propertySeeds();
const thisFile = 'src/views/plan.property.test.ts';

const partMarker = (i: number) => `@@part${i}@@`;
const relMarker = (j: number) => `@@rel${j}@@`;
const fileMarker = (k: number) => `@@file${k}@@`;

/**
 * Keys whose strings select or link parts, or name files, left unmarked; and extensions, whose
 * generated text is a part id so that the scrub of extensions naming outside parts is exercised.
 */
const KEEP = new Set(['id', 'kind', 'slug', 'parent', 'ref', 'el', 'tags', 'files', 'file', 'from', 'to', 'extensions']);

/** Appends the marker to every string of a value, except under KEEP keys. */
function mark(v: unknown, m: string, key = ''): unknown {
  if (KEEP.has(key)) return v;
  // A relation's type is its name (followed by `with`); a part's type is a Term, marked below it.
  if (key === 'type' && typeof v === 'string') return v;
  if (typeof v === 'string') return v + m;
  if (Array.isArray(v)) return v.map((x) => mark(x, m));
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x, m, k)]));
  }
  return v;
}

/** A copy of the portfolio with a marker in every text of every part and relation, and in every file path. */
function plantMarkers(p: Portfolio): Portfolio {
  const paths = new Map(p.files.map((f, k) => [f.path, f.path.replace(/([^/]*)$/, `${fileMarker(k)}$1`)] as const));
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return paths.get(v) ?? v;
    if (Array.isArray(v)) return v.map(rename);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]));
    return v;
  };
  const parts = p.parts.map((part, i) => {
    const marked = rename(mark(part, partMarker(i))) as Part;
    // Selection reads the type and status values: keep them as they were.
    if (part.type) marked.type!.value = part.type.value;
    if (part.status?.type) marked.status!.type!.value = part.status.type.value;
    return marked;
  });
  const relations = p.relations.map((r, j) => mark(r, relMarker(j)) as Relation);
  const files = p.files.map((f) => ({ ...f, path: paths.get(f.path)! }));
  return { ...p, parts, relations, files };
}

const serialize = (plans: ViewPlan[]) => JSON.stringify(plans, (k, v) => (k === 'bytes' ? undefined : v));

/** Checks the no-leak property of one plan against the marked portfolio it came from. */
function checkNoLeak(marked: Portfolio, plan: ViewPlan): void {
  const json = serialize([plan]);
  const selected = new Set(plan.parts.map((p) => p.id));
  marked.parts.forEach((p, i) => {
    if (selected.has(p.id)) {
      expect(json, `selected ${p.id}`).toContain(partMarker(i));
    } else {
      expect(json, `unselected ${p.id}`).not.toContain(partMarker(i));
      expect(json, `id of unselected ${p.id}`).not.toContain(JSON.stringify(p.id));
      expect(json, `slug of unselected ${p.id}`).not.toContain(JSON.stringify(p.slug));
    }
  });
  const used = new Set(marked.parts.filter((p) => selected.has(p.id)).flatMap((p) => p.files));
  marked.files.forEach((f, k) => expect(json.includes(fileMarker(k)), f.path).toBe(used.has(f.path)));
  const kept = new Set(plan.relations.map((r) => r.id));
  marked.relations.forEach((r, j) => expect(json.includes(relMarker(j)), r.id).toBe(kept.has(r.id)));
  for (const r of plan.relations) {
    expect(selected.has(r.from)).toBe(true);
    expect(r.to.length).toBeGreaterThan(0);
    for (const t of r.to) expect(selected.has(t) || kept.has(t), `${r.id} -> ${t}`).toBe(true);
  }
  for (const p of plan.parts) if (p.parent !== undefined) expect(selected.has(p.parent)).toBe(true);
}

const followsArb: fc.Arbitrary<Follow[]> = fc.subarray([...FOLLOWS]);

describe('no-leak property on the example portfolio', () => {
  let marked: Portfolio;
  beforeAll(async () => {
    const content = (await readPortfolio(resolve(import.meta.dirname, '../../content'))).value!;
    marked = plantMarkers(content);
  });

  it('markers were planted everywhere they can be found', () => {
    const json = serialize([{ parts: marked.parts, relations: marked.relations, files: marked.files } as unknown as ViewPlan]);
    marked.parts.forEach((_, i) => expect(json).toContain(partMarker(i)));
    marked.files.forEach((_, k) => expect(json).toContain(fileMarker(k)));
  });

  it.each(seeds)('a plan holds every marker of its parts and none of the others (seed %i)', async (seed) => {
    const parts = marked.parts;
    const selector: fc.Arbitrary<Selector> = fc.oneof(
      fc.record({
        id: fc.constantFrom(...parts.map((p) => p.id), ...parts.map((p) => p.slug)),
        with: followsArb,
      }),
      fc.record({ kind: fc.constantFrom(...new Set(parts.map((p) => p.kind))), with: followsArb }, { requiredKeys: ['kind'] }),
      fc.record({ tag: fc.constantFrom(...new Set(parts.flatMap((p) => (p.type ? [p.type.value] : [])))) }),
      fc.record({ status: fc.constantFrom('Active', 'completed', 'Verified'), with: followsArb }, { requiredKeys: ['status'] }),
    );
    await checkProperty(
      seed,
      fc.property(fc.array(selector, { minLength: 1, maxLength: 5 }), (select) => {
        const r = planViews(marked, { views: [{ id: 'v', access: 'public', select }], file: 'vitrine.config.yaml' });
        checkNoLeak(marked, r.value[0]!);
      }),
      { numRuns: 300 },
      thisFile,
    );
  });
});

/** A generated portfolio: nesting with record placeholders, relations (some to relations, some dangling) and extensions naming parts. */
const generatedPortfolio: fc.Arbitrary<Portfolio> = fc
  .integer({ min: 2, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      kinds: fc.array(fc.constantFrom<PartKind>('activity', 'product', 'goal', 'competency', 'reflexion', 'assertion', 'interest'), { minLength: n, maxLength: n }),
      parents: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: n, maxLength: n }),
      extensions: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: n, maxLength: n }),
      relations: fc.array(
        fc.record({
          type: fc.constantFrom('Evidences', 'ReflectsOn', 'Attests', 'Evaluates', 'Claims', 'Supports', 'is_evidence_of', 'has_evidence'),
          from: fc.nat(),
          to: fc.array(fc.oneof(fc.nat().map((i) => ({ part: i })), fc.nat().map((j) => ({ rel: j })), fc.constant({ ghost: true })), { minLength: 1, maxLength: 3 }),
        }),
        { maxLength: 12 },
      ),
    }),
  )
  .map(({ n, kinds, parents, extensions, relations }) => {
    const id = (i: number) => `part_${i}`;
    const parts: Part[] = kinds.map((kind, i) => {
      const p: Part = { id: id(i), kind, slug: `slug-${i}`, dates: [], rationale: [], tags: [], files: [], extensions: [] };
      p.description = { short: { value: `about ${i}` }, full: [] };
      const parent = parents[i];
      if (i > 0 && parent !== undefined) p.parent = id(parent % i);
      const ext = extensions[i];
      if (ext !== undefined) {
        const x: Extension = { path: '', slot: 'unknown', element: { type: 'element', ns: 'urn:x', name: 'see', attrs: [], children: [{ type: 'text', text: id(ext % n) }] } };
        p.extensions.push(x);
      }
      return p;
    });
    // Placeholders in the parent's record, as model/ims leaves them, in the shapes it uses.
    parts.forEach((child, i) => {
      if (!child.parent) return;
      const parent = parts.find((p) => p.id === child.parent)!;
      parent.ims ??= { element: parent.kind, record: { items: [], goals: [] } };
      const r = parent.ims.record as { items: unknown[]; goals: unknown[]; product?: unknown };
      if (i % 3 === 0) r.items.push({ el: 'product', value: { ref: child.id } });
      else if (i % 3 === 1) r.goals.push({ ref: child.id });
      else r.product = { ref: child.id };
    });
    const m = relations.length;
    const rels: Relation[] = relations.map((r, j) => ({
      id: `rel_${j}`,
      type: r.type,
      from: id(r.from % n),
      to: r.to.map((t) => ('part' in t ? id(t.part % n) : 'rel' in t && m > 0 ? `rel_${t.rel % m}` : 'ghost_part')),
      extensions: [],
      description: { short: { value: `link ${j}` }, full: [] },
    }));
    return { id: 'generated', parts, relations: rels, files: [], extensions: [] };
  });

describe('no-leak property on generated portfolios', () => {
  it.each(seeds)('nesting placeholders, parents, relation ends and extensions never name an unselected part (seed %i)', async (seed) => {
    await checkProperty(
      seed,
      fc.property(generatedPortfolio, fc.array(fc.record({ pick: fc.nat(), with: followsArb }), { minLength: 1, maxLength: 4 }), (portfolio, picks) => {
        const marked = plantMarkers(portfolio);
        const select = picks.map((p) => ({ id: `part_${p.pick % portfolio.parts.length}`, with: p.with }));
        const r = planViews(marked, { views: [{ id: 'v', access: 'public', select }], file: 'vitrine.config.yaml' });
        checkNoLeak(marked, r.value[0]!);
      }),
      { numRuns: 500 },
      thisFile,
    );
  });
});
