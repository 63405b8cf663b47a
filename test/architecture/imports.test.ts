// The import rules of docs/architecture.md: a stage imports only earlier stages, no module
// imports itself back through others, and pages (render/, views/) know no format. Read from
// the source text, so a new back-import or cycle fails here before review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * The pipeline, in import order. `(top)` is src/*.ts: the public API, loadProject, build and the
 * Eleventy plugin. write/ runs last but sits low: it is the only code that writes files, so the
 * stages that keep caches or secrets (views/, render/) call it.
 */
const STAGES = ['diagnostics', 'read', 'formats', 'write', 'model', 'audience', 'views', 'render', '(top)', 'batch', 'serve', 'cli'] as const;

/**
 * Imports of format code from render/, views/ and audience/ not yet moved behind the model.
 * None is left (XSL views receive their IMS view document from the pipeline: src/xsl-inputs.ts);
 * a new one fails the test, and so does an entry that no longer exists.
 */
const FORMAT_IMPORTS_LEFT = new Set<string>([]);

/**
 * Import cycles left, each a known debt. None is left; a new cycle fails the test, and so does
 * an entry that is no longer a cycle.
 */
const CYCLES_LEFT = new Set<string>([
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [p] : [];
  });
}

/** Relative imports (and re-exports) of a file, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)) out.push(relative(SRC, resolve(dirname(file), m[1]!)));
  for (const m of text.matchAll(/import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) out.push(relative(SRC, resolve(dirname(file), m[1]!)));
  return out;
}

const stageOf = (path: string): string => (path.includes('/') ? path.split('/')[0]! : '(top)');
type Graph = Map<string, string[]>;
const graph: Graph = new Map(sources(SRC).map((f) => [relative(SRC, f), importsOf(f)]));

/** Imports of a later stage, as `file -> dep (why)`. */
function backImports(g: Graph): string[] {
  const back: string[] = [];
  for (const [file, deps] of g) {
    const from = STAGES.indexOf(stageOf(file) as (typeof STAGES)[number]);
    for (const dep of deps) {
      const to = STAGES.indexOf(stageOf(dep) as (typeof STAGES)[number]);
      if (from >= 0 && to > from) back.push(`${file} -> ${dep} (${STAGES[from]} imports the later ${STAGES[to]})`);
    }
  }
  return back;
}

/** Every import cycle found by a depth-first walk, as `a -> b -> a`. */
function cyclesOf(g: Graph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of g.get(f) ?? []) {
      if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
      else if (!state.has(d) && g.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return cycles;
}

describe('import rules', () => {
  it('every source file belongs to a stage of the pipeline', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.keys()].map(stageOf).filter((s) => !(STAGES as readonly string[]).includes(s))).toEqual([]);
  });

  it('a stage imports only itself and earlier stages', () => {
    expect(backImports(graph)).toEqual([]);
  });

  it('no import cycle between modules', () => {
    expect(cyclesOf(graph).filter((c) => !CYCLES_LEFT.has(c))).toEqual([]);
  });

  it('pages know no format: render/, views/ and audience/ import nothing from formats/, model/ims or model/leap2a', () => {
    const found: string[] = [];
    for (const [file, deps] of graph) {
      if (!['render', 'views', 'audience'].includes(stageOf(file))) continue;
      // model/index.ts re-exports the IMS mapping, so it counts as format code.
      for (const dep of deps) if (/^(formats\/|model\/(ims|leap2a)\/|model\/index\.ts$)/.test(dep) && !FORMAT_IMPORTS_LEFT.has(`${file} -> ${dep}`)) found.push(`${file} -> ${dep}`);
    }
    expect(found).toEqual([]);
  });

  it('every known debt still exists, so the lists only shrink', () => {
    const formatImports = new Set([...graph].flatMap(([file, deps]) => deps.map((d) => `${file} -> ${d}`)));
    expect([...FORMAT_IMPORTS_LEFT].filter((x) => !formatImports.has(x))).toEqual([]);
    const cycles = new Set(cyclesOf(graph));
    expect([...CYCLES_LEFT].filter((c) => !cycles.has(c))).toEqual([]);
  });

  it('the checks can fail: a made-up back-import and cycle are found', () => {
    const made: Graph = new Map([
      ['model/a.ts', ['views/b.ts']],
      ['views/b.ts', ['views/c.ts']],
      ['views/c.ts', ['views/b.ts']],
    ]);
    expect(backImports(made)).toEqual(['model/a.ts -> views/b.ts (model imports the later views)']);
    expect(cyclesOf(made)).toEqual(['views/b.ts -> views/c.ts -> views/b.ts']);
    expect(graph.get('api.ts')).toContain('model/registry.ts');
  });
});
