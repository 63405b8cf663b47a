/**
 * XSL view benchmark: the example's view stylesheet (xsl/portfolio.xsl, XSLT 1.0) on the view
 * document of a generated 1,000-part view. Prints medians for
 *   - saxon-js compiling the stylesheet once (in-process, the compiler Vitrine uses),
 *   - saxon-js transforming with the compiled stylesheet (in-process),
 *   - a whole run as a build does it (child process, permission model, cached SEF),
 *   - Debian's xsltproc on the same stylesheet and input (whole process),
 * and the ratio saxon-js transform / xsltproc.
 *
 *     npm run bench:xsl [-- --parts 1000 --runs 7]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLargePortfolio } from '../test/support/generate-portfolio.ts';
import { planPreview } from '../src/views/plan.ts';
import { buildViewDocument } from '../src/xsl-view-document.ts';
import { createXslContext, runXsl } from '../src/render/xsl/run.ts';
import { DiagnosticBag } from '../src/diagnostics/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const PARTS = arg('parts', 1000);
const RUNS = arg('runs', 7);

interface SaxonChild {
  compile(text: string, uri: string): Record<string, unknown>;
  link(sef: unknown): void;
  SaxonJS: { checkOptions(o: object): { principalResult?: unknown }; internalTransform(sef: unknown, doc: unknown, o: object): void };
  platform: { parseXmlFromString(s: string, strip: boolean): unknown };
}
const saxon = createRequire(import.meta.url)('../src/render/xsl/child.cjs') as SaxonChild;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const stylesheet = resolve(import.meta.dirname, '../xsl/portfolio.xsl');
const work = mkdtempSync(join(tmpdir(), 'vitrine-bench-xsl-'));

// The view: every part of a generated portfolio (the preview plan: nothing left out but keys).
const plan = planPreview(generateLargePortfolio(PARTS, 0));
const source = buildViewDocument({ plan, images: new Map() });
const input = join(work, 'view.xml');
writeFileSync(input, source);
console.log(`view document: ${plan.parts.length} parts, ${plan.relations.length} relations, ${(source.length / 1024).toFixed(0)} KiB`);

// saxon-js, in-process: compile once, then transform with the compiled stylesheet.
const text = readFileSync(stylesheet, 'utf8');
const uri = pathToFileURL(stylesheet).href;
let sef: Record<string, unknown> = {};
const compiles: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) compiles.push(time(() => (sef = saxon.compile(text, uri))));
const sefText = JSON.stringify(sef, (k, v) => (k === 'parentNode' ? undefined : v));
let saxonOut = '';
const transforms: number[] = [];
for (let i = 0; i < RUNS + 1; i++) {
  const t = time(() => {
    const compiled = JSON.parse(sefText);
    saxon.link(compiled);
    const doc = saxon.platform.parseXmlFromString(source, false);
    const options = saxon.SaxonJS.checkOptions({ isDynamicStylesheet: true, destination: 'serialized', stylesheetParams: { 'view-id': 'bench' }, outputProperties: {}, resultDocuments: {}, deliverResultDocument: () => ({ destination: 'serialized', save: () => undefined }) });
    saxon.SaxonJS.internalTransform(compiled, doc, options);
    saxonOut = String(options.principalResult);
  });
  if (i > 0) transforms.push(t); // the first run warms the JIT
}

// A whole run as a build does it: child process, permission model, SEF from the cache.
const cacheDir = join(work, 'cache');
const bag = new DiagnosticBag();
const ctx = createXslContext();
await runXsl(ctx, { stylesheet, source, params: { 'view-id': 'bench' }, roots: [resolve(stylesheet, '..')], cacheDir }, bag);
const wholeRuns: number[] = [];
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  const t0 = performance.now();
  // A new parameter each time: the same stylesheet, document and parameters are not run twice in one process.
  const out = await runXsl(ctx, { stylesheet, source, params: { 'view-id': `bench-${i}` }, roots: [resolve(stylesheet, '..')], cacheDir }, bag);
  wholeRuns.push(performance.now() - t0);
  if (!out?.cached) throw new Error('the compiled stylesheet was not cached');
}
ctx.close();
if (bag.items.length) throw new Error(`diagnostics: ${JSON.stringify(bag.items)}`);

const count = (s: string) => (s.match(/class="xsl-part /g) ?? []).length;
console.log(`saxon-js 2.7.0 compile once (in-process): median ${ms(median(compiles))} of ${compiles.length}`);
console.log(`saxon-js 2.7.0 transform with compiled SEF (in-process): median ${ms(median(transforms))} of ${transforms.length} (${count(saxonOut)} parts in the output)`);
console.log(`saxon-js whole run as in a build (child process, cached SEF): median ${ms(median(wholeRuns))} of ${wholeRuns.length}`);

// xsltproc on the same stylesheet and input, whole process each time.
const hasXsltproc = spawnSync('xsltproc', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasXsltproc) {
  console.log('xsltproc: not installed here (Debian: apt-get install -y xsltproc); no ratio');
} else {
  let xsltOut = '';
  const runs: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = time(() => {
      xsltOut = execFileSync('xsltproc', ['--stringparam', 'view-id', 'bench', stylesheet, input], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    });
    if (i > 0) runs.push(t);
  }
  if (count(xsltOut) !== count(saxonOut)) throw new Error(`outputs differ: xsltproc ${count(xsltOut)} parts, saxon-js ${count(saxonOut)}`);
  const version = execFileSync('xsltproc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  console.log(`xsltproc (${version?.replace(/^Using /, '')}) whole process: median ${ms(median(runs))} of ${runs.length} (${count(xsltOut)} parts in the output)`);
  console.log(`ratio saxon-js transform / xsltproc: ${(median(transforms) / median(runs)).toFixed(1)}x; whole saxon-js run / xsltproc: ${(median(wholeRuns) / median(runs)).toFixed(1)}x`);
}
