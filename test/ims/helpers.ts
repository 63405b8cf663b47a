/**
 * Shared bits of the IMS tests (test/ims/*.test.ts): the list of sample inputs in
 * ../shared/samples, the model normaliser used to compare portfolios, and small lookups.
 *
 * Sample inputs exist only where ../shared is there; tests guard them with
 * `needs('../shared/samples', hasImsSamples())` (test/support/env.ts): skipped with a reason
 * on a fresh clone, an error in CI.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { readPortfolio, type Part, type Portfolio, type Relation } from '../../src/index.ts';
import { hasShared, repoRoot, sharedPath } from '../support/env.ts';

/** The project's IMS example package (always in the repository; content/ is its authored twin). */
export const imsExampleDir = join(repoRoot, 'test', 'fixtures', 'ims-example');

/** Sample folders, inside ../shared/samples. */
export const reflectDir = sharedPath('samples', 'ims-eportfolio', 'reflect-n-assert');
export const minimalDir = sharedPath('samples', 'ims-eportfolio', 'minimal-parts');
export const lipDir = sharedPath('samples', 'ims-lip');

/** Whether the IMS samples of ../shared are there (all three folders). */
export function hasImsSamples(): boolean {
  return (
    hasShared('samples', 'ims-eportfolio', 'reflect-n-assert') &&
    hasShared('samples', 'ims-eportfolio', 'minimal-parts') &&
    hasShared('samples', 'ims-lip')
  );
}

/** The `.xml` files of a folder, sorted, as absolute paths. */
export function xmlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.xml'))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Every sample input: each folder as a whole, then each of its XML files alone.
 * `name` is a short label for test titles. Empty when ../shared is absent.
 */
export function sampleInputs(): { name: string; input: string }[] {
  if (!hasImsSamples()) return [];
  const out: { name: string; input: string }[] = [];
  for (const [label, dir] of [
    ['ims-eportfolio/reflect-n-assert', reflectDir],
    ['ims-eportfolio/minimal-parts', minimalDir],
    ['ims-lip', lipDir],
  ] as const) {
    out.push({ name: `${label}/ (folder)`, input: dir });
    for (const f of xmlFilesIn(dir)) out.push({ name: `${label}/${basename(f)}`, input: f });
  }
  return out;
}

/**
 * A portfolio ready for comparison: `origin` fields (where something was read from) and
 * file `bytes` removed at any depth (a file's content is still compared through `sha256` and
 * `size`), and undefined-valued keys dropped.
 */
export function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof Uint8Array) return v;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'origin' || k === 'bytes' || x === undefined) continue;
      out[k] = normalise(x);
    }
    return out;
  }
  return v;
}

/** The part with this id; fails the test when there is none. */
export function part(p: Portfolio, id: string): Part {
  const found = p.parts.find((x) => x.id === id);
  expect(found, `part "${id}" in [${p.parts.map((x) => x.id).join(', ')}]`).toBeDefined();
  return found!;
}

/** The relation with this id; fails the test when there is none. */
export function relation(p: Portfolio, id: string): Relation {
  const found = p.relations.find((x) => x.id === id);
  expect(found, `relation "${id}" in [${p.relations.map((x) => x.id).join(', ')}]`).toBeDefined();
  return found!;
}

/** A loosely typed view of a part's IMS record, for asserting on values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** The `{el, value}` entries of a record's `items` whose element is `el`. */
export function itemsOf(record: unknown, el: string): Loose[] {
  const items = (record as { items?: { el: string; value: unknown }[] } | undefined)?.items ?? [];
  return items.filter((x) => x.el === el).map((x) => x.value as Loose);
}

/** Decodes a generated package file as UTF-8 text. */
export function textOf(files: Map<string, Uint8Array>, path: string): string {
  const bytes = files.get(path);
  expect(bytes, `${path} in the package [${[...files.keys()].join(', ')}]`).toBeDefined();
  return new TextDecoder().decode(bytes);
}

const reads = new Map<string, ReturnType<typeof readPortfolio>>();

/**
 * Reads an input once per test file and shares the result. Callers must not modify it: a test
 * that edits a portfolio reads its own copy with `readPortfolio`.
 */
export function readOnce(input: string): ReturnType<typeof readPortfolio> {
  let r = reads.get(input);
  if (!r) {
    r = readPortfolio(input);
    reads.set(input, r);
  }
  return r;
}
