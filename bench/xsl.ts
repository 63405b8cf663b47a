/**
 * XSL view benchmark: the example's view stylesheet (xsl/portfolio.xsl, XSLT 1.0) on the view
 * documents of generated views, a 1,000-part one and one of about 5 MB, against Debian's
 * xsltproc on the same stylesheet and documents. Every measurement is taken once per round,
 * rounds interleaved (the machine may be shared), and the medians printed:
 *
 *   - xsltproc, whole process, and its own split (`--timing`): parse, apply, save;
 *   - saxon-js in-process with the compiled stylesheet reused: parsing the text, building the
 *     DOM from the tree a build hands it (formats/xml/dom-tree.ts), and the transform with
 *     serialization (the stylesheet compiled once, its SEF parsed and linked once);
 *   - a whole run as a build does it: runXsl in a warm process (permission model, job over a
 *     pipe, DOM from the tree, transform, answer back), and the same with the text to parse;
 *   - the first run in a fresh process (start, SEF from the cache), printed apart.
 *
 * Ratios: transform-only = saxon-js transform / xsltproc apply; whole run = runXsl warm /
 * xsltproc whole process. Target of issue 18: at most 3x.
 *
 *     npm run bench:xsl [-- --parts 1000 --mb 5 --runs 7]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLargePortfolio } from '../test/support/generate-portfolio.ts';
import { planPreview } from '../src/views/plan.ts';
import { buildViewDocument, buildViewTree } from '../src/xsl-view-document.ts';
import { createXslContext, runXsl, type XslSource } from '../src/render/xsl/run.ts';
import { DiagnosticBag } from '../src/diagnostics/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const PARTS = arg('parts', 1000);
const MB = arg('mb', 5);
const RUNS = arg('runs', 7);

interface SaxonChild {
  compile(text: string, uri: string): Record<string, unknown>;
  link(sef: unknown): void;
  documentOf(tree: unknown): unknown;
  SaxonJS: { checkOptions(o: object): { principalResult?: unknown }; internalTransform(sef: unknown, doc: unknown, o: object): void };
  platform: { parseXmlFromString(s: string, strip: boolean): unknown };
}
const saxon = createRequire(import.meta.url)('../src/render/xsl/child.cjs') as SaxonChild;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}
const count = (s: string) => (s.match(/class="xsl-part /g) ?? []).length;

const stylesheet = resolve(import.meta.dirname, '../xsl/portfolio.xsl');
const work = mkdtempSync(join(tmpdir(), 'vitrine-bench-xsl-'));
const hasXsltproc = spawnSync('xsltproc', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasXsltproc) console.log('xsltproc: not installed here (Debian: apt-get install -y xsltproc); no ratios');
else console.log(`xsltproc: ${execFileSync('xsltproc', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.replace(/^Using /, '')}`);

// The stylesheet compiled once, in-process, with the compiler a build uses.
const sefText = JSON.stringify(saxon.compile(readFileSync(stylesheet, 'utf8'), pathToFileURL(stylesheet).href), (k, v) => (k === 'parentNode' ? undefined : v));
const sef = JSON.parse(sefText) as object;
saxon.link(sef);

function transform(doc: unknown, viewId: string): string {
  const options = saxon.SaxonJS.checkOptions({ isDynamicStylesheet: true, destination: 'serialized', stylesheetParams: { 'view-id': viewId }, outputProperties: {}, resultDocuments: {}, deliverResultDocument: () => ({ destination: 'serialized', save: () => undefined }) });
  saxon.SaxonJS.internalTransform(sef, doc, options);
  return String(options.principalResult);
}

/** xsltproc once: whole-process wall time and its own split. */
function xsltproc(input: string): { whole: number; parse: number; apply: number; save: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync('xsltproc', ['--timing', '--stringparam', 'view-id', 'bench', stylesheet, input], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const whole = performance.now() - t0;
  const took = (what: RegExp) => Number(what.exec(r.stderr)?.[1] ?? NaN);
  return { whole, parse: took(/Parsing document .* took (\d+) ms/), apply: took(/Applying stylesheet took (\d+) ms/), save: took(/Saving result took (\d+) ms/), out: r.stdout };
}

async function measure(parts: number): Promise<void> {
  const plan = planPreview(generateLargePortfolio(parts, 0));
  const input = { plan, images: new Map() };
  const [textMs, text] = time(() => buildViewDocument(input));
  const [treeMs, tree] = time(() => buildViewTree(input));
  const file = join(work, `view-${parts}.xml`);
  writeFileSync(file, text);
  console.log(`\nview document: ${plan.parts.length} parts, ${plan.relations.length} relations, ${(text.length / 1024 / 1024).toFixed(2)} MB as text (written in ${ms(textMs).trim()}), ${(JSON.stringify(tree.tree).length / 1024 / 1024).toFixed(2)} MB as a JSON tree (made in ${ms(treeMs).trim()})`);

  const ctx = createXslContext();
  const bag = new DiagnosticBag();
  const cacheDir = join(work, 'cache');
  const run = async (source: XslSource, viewId: string) => {
    const t0 = performance.now();
    // A new parameter each time: an identical run would be remembered, not run.
    const out = await runXsl(ctx, { stylesheet, source, params: { 'view-id': viewId }, roots: [resolve(stylesheet, '..')], cacheDir }, bag);
    if (!out) throw new Error(`no result: ${JSON.stringify(bag.items)}`);
    return [performance.now() - t0, out] as const;
  };
  // Compiles into the cache; then the first run in a fresh process takes the SEF from it.
  await run(tree, 'compile');
  ctx.close();
  const warm = createXslContext();
  const t0 = performance.now();
  const first = await runXsl(warm, { stylesheet, source: tree, params: { 'view-id': 'first' }, roots: [resolve(stylesheet, '..')], cacheDir }, bag);
  const firstMs = performance.now() - t0;
  if (!first?.cached) throw new Error('the compiled stylesheet was not cached');
  const runIn = async (source: XslSource, viewId: string) => {
    const s0 = performance.now();
    const out = await runXsl(warm, { stylesheet, source, params: { 'view-id': viewId }, roots: [resolve(stylesheet, '..')], cacheDir }, bag);
    if (!out) throw new Error(`no result: ${JSON.stringify(bag.items)}`);
    return [performance.now() - s0, out] as const;
  };

  const m = { xWhole: [] as number[], xParse: [] as number[], xApply: [] as number[], xSave: [] as number[], sParse: [] as number[], sTree: [] as number[], sTransform: [] as number[], runTree: [] as number[], runText: [] as number[] };
  let saxonOut = '';
  let xsltOut = '';
  for (let i = 0; i <= RUNS; i++) {
    const x = hasXsltproc ? xsltproc(file) : undefined;
    const [parseMs] = time(() => saxon.platform.parseXmlFromString(text, false));
    const [treeDocMs, doc] = time(() => saxon.documentOf(JSON.parse(JSON.stringify(tree.tree))));
    const [transformMs, out] = time(() => transform(doc, 'bench'));
    const [runTreeMs, viaTree] = await runIn(tree, `tree-${i}`);
    const [runTextMs] = await runIn(text, `text-${i}`);
    if (i === 0) {
      // The first round warms the JIT of this process and of the stylesheet process.
      saxonOut = out;
      xsltOut = x?.out ?? '';
      if (count(viaTree.output) !== count(out)) throw new Error('the warm process and the in-process transform disagree');
      continue;
    }
    if (x) {
      m.xWhole.push(x.whole);
      m.xParse.push(x.parse);
      m.xApply.push(x.apply);
      m.xSave.push(x.save);
    }
    m.sParse.push(parseMs);
    m.sTree.push(treeDocMs);
    m.sTransform.push(transformMs);
    m.runTree.push(runTreeMs);
    m.runText.push(runTextMs);
  }
  warm.close();
  if (bag.items.length) throw new Error(`diagnostics: ${JSON.stringify(bag.items)}`);
  if (hasXsltproc && count(xsltOut) !== count(saxonOut)) throw new Error(`outputs differ: xsltproc ${count(xsltOut)} parts, saxon-js ${count(saxonOut)}`);

  const n = m.sTransform.length;
  console.log(`  medians of ${n} rounds (${count(saxonOut)} parts in each output)`);
  if (hasXsltproc) console.log(`  xsltproc whole process            ${ms(median(m.xWhole))}   (its split: parse ${median(m.xParse)} ms, apply ${median(m.xApply)} ms, save ${median(m.xSave)} ms)`);
  console.log(`  saxon-js parse the text           ${ms(median(m.sParse))}   (in-process)`);
  console.log(`  saxon-js DOM from the tree        ${ms(median(m.sTree))}   (in-process, JSON parse included)`);
  console.log(`  saxon-js transform + serialize    ${ms(median(m.sTransform))}   (in-process, compiled stylesheet reused)`);
  console.log(`  whole run, warm process, tree     ${ms(median(m.runTree))}   (as a build runs it)`);
  console.log(`  whole run, warm process, text     ${ms(median(m.runText))}`);
  console.log(`  first run in a fresh process      ${ms(firstMs)}   (start, cached SEF, tree; once)`);
  if (hasXsltproc) {
    const r = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    console.log(`  ratio transform-only (saxon-js transform / xsltproc apply): ${r(median(m.sTransform), median(m.xApply))}`);
    console.log(`  ratio whole run (warm process, tree / xsltproc whole process): ${r(median(m.runTree), median(m.xWhole))}; from text: ${r(median(m.runText), median(m.xWhole))}`);
  }
}

try {
  await measure(PARTS);
  // About MB megabytes of view document: parts scaled from the size of a 200-part view.
  const probe = buildViewDocument({ plan: planPreview(generateLargePortfolio(200, 0)), images: new Map() }).length;
  if (MB > 0) await measure(Math.round((200 * MB * 1024 * 1024) / probe));
} finally {
  rmSync(work, { recursive: true, force: true });
}
