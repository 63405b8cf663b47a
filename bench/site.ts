/**
 * Site build benchmark: Vitrine against plain Eleventy 3, side by side in one run.
 *
 *     npm run bench:site                      1,000 and 4,000 parts (3 runs each), growth to 10,000, images
 *     npm run bench:site -- --quick           a short check: 300 and 1,000 parts, 1 run, no 10,000
 *     npm run bench:site -- --sizes 1000,4000 --growth 10000 --runs 5 --images 20 [--views 3] [--no-vips] [--tmpfs]
 *     node --import tsx bench/site.ts --fixture DIR [--parts N --images N --views 1|3]   (fixture only, for profiling)
 *
 * Per size, a synthetic IMS package of that many parts (test/support/generate-portfolio.ts) with
 * `--images` photo-like JPEGs, one public view of every part (one page per part; `--views 3`
 * adds two views), and a `url:`, so `vitrine build` does everything it does by default: image
 * variants, link preview cards, favicon, Atom feed, meta and JSON-LD, sitemap, Pagefind search.
 * Plain Eleventy renders the same pages (one per part of the plan) from the same portfolio read,
 * through one Nunjucks layout, and writes them. Every measurement is a child process of its own,
 * so its peak RSS is its own; Vitrine runs on a warm image cache (a rebuild) except one cold run.
 *
 * Printed: per size, medians of --runs of Vitrine's whole build, its Pagefind and card-image
 * steps on their own lines, Vitrine without those two against plain Eleventy (the per-page
 * ratio), the time per page of each, the peak RSS of each; the growth of time per part from the
 * first size to the last; and images against `vipsthumbnail` (bench/image-encoders.ts).
 * "Without Pagefind" is a second build with search off, not the default build less the indexing
 * step: Pagefind writes a file per page, which costs as much on disk as the page itself.
 * The CPU time of each process is printed beside the wall time: on a shared machine it moves
 * less with the neighbours' load.
 * The machine may be shared: ratios come from runs interleaved in the same process tree.
 *
 * Two ratios are printed. The build ratio compares whole processes, reading the package
 * included on both sides (plain Eleventy cannot read IMS; its pages come from the same read).
 * The page-step ratio leaves out what both do alike before the first page (module loading,
 * reading the package) and compares what comes after: Vitrine's view data, pages, writing and
 * sitemap against plain Eleventy's plan and `write()`. `--tmpfs` puts the fixtures and outputs
 * in /dev/shm, so the disk's noise (a shared disk here) falls out of both.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const args = process.argv.slice(2);
const has = (name: string) => args.includes(`--${name}`);
const arg = (name: string, dflt: number) => (has(name) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
const list = (name: string, dflt: number[]) => (has(name) ? args[args.indexOf(`--${name}`) + 1]!.split(',').filter(Boolean).map(Number) : dflt);

/** What one measured child reports. */
interface Measure {
  ms: number;
  /** CPU time of the process (all its threads, user and system): steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMiB: number;
  /** Peak RSS of the whole process tree (Pagefind runs its own process), when /usr/bin/time is there. */
  treeRssMiB?: number;
  /** Vitrine's timed steps (render/render-site.ts `BuildStep`), ms summed over views. */
  steps: Record<string, number>;
  pages: number;
}

/** One measured run inside a child: prints a JSON line. */
async function child(mode: string, input: string, out: string, cache: string): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const steps: Record<string, number> = {};
  let pages = 0;
  if (mode === 'plain') {
    const tI = performance.now();
    const { default: Eleventy } = await import('@11ty/eleventy');
    const { readPortfolio } = await import('../src/index.ts');
    const { planViews, readSiteConfig } = await import('../src/views/index.ts');
    steps.imports = performance.now() - tI;
    const tR = performance.now();
    const portfolio = (await readPortfolio(input)).value!;
    const empty = mkdtempSync(join(scratch, 'vitrine-plain-'));
    // The same pages Vitrine renders: one per part per view, from the same portfolio read.
    const plans = planViews(portfolio, (await readSiteConfig(input)).value).value;
    steps.read = performance.now() - tR;
    const parts = plans.flatMap((v) => v.parts.map((p) => ({ slug: `${v.folder}/${p.slug}`, view: v.title, lang: v.lang, title: p.description?.short?.value ?? p.id, body: p.description?.long?.value ?? '' })));
    pages = parts.length;
    const elev = new Eleventy(empty, out, {
      quietMode: true,
      configPath: false,
      config(cfg: { addTemplate(p: string, c: string, d: object): void; setTemplateFormats(f: string[]): void }) {
        cfg.setTemplateFormats(['njk']);
        // One layout, one page template: what a hand-made Eleventy site of these pages would be.
        cfg.addTemplate(
          '_includes/layout.njk',
          '<!doctype html>\n<html lang="{{ part.lang }}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{{ part.title }} · {{ part.view }}</title>\n<link rel="stylesheet" href="../../style.css">\n</head>\n<body>\n<header><a href="../index.html">{{ part.view }}</a></header>\n<main>\n{{ content | safe }}\n</main>\n<footer><p>Made with Eleventy</p></footer>\n</body>\n</html>\n',
          {},
        );
        cfg.addTemplate('part.njk', '<article>\n<h1>{{ part.title }}</h1>\n<p>{{ part.body }}</p>\n</article>\n', {
          layout: 'layout.njk',
          pagination: { data: 'parts', size: 1, alias: 'part' },
          parts,
          permalink: (d: { part: { slug: string } }) => `${d.part.slug}/index.html`,
        });
      },
    } as never);
    const tW = performance.now();
    await elev.write();
    steps.pages = performance.now() - tW;
    rmSync(empty, { recursive: true, force: true });
  } else {
    const tI = performance.now();
    const { build } = await import('../src/build.ts');
    const { createImageProcessor } = await import('../src/render/image-processor.ts');
    // 'nosearch': the same build without Pagefind, whose index files (one per page) cost as much to write as the pages.
    const render = { processImage: createImageProcessor(cache), xslCache: join(cache, 'xsl'), timing: (step: string, ms: number) => (steps[step] = (steps[step] ?? 0) + ms), ...(mode === 'nosearch' ? { search: false } : {}) };
    steps.imports = performance.now() - tI;
    const r = await build(input, { out, render });
    if (!r.value.written) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
    pages = r.value.views.reduce((n, v) => n + v.parts, 0);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, steps, pages }) + '\n');
}

/** Photo-like JPEGs (noise over a colour), 2000x1500, the same as bench/image-encoders.ts makes. */
async function photo(i: number): Promise<Buffer> {
  const noise = await sharp({ create: { width: 500, height: 375, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: (i * 37) % 255, g: (i * 91) % 255, b: (i * 53) % 255 } } })
    .composite([{ input: noise, tile: true, blend: 'overlay' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Writes the fixture (an IMS package and its config) into `dir`; returns the package's path. */
async function makeFixture(dir: string, nParts: number, nImages: number, nViews: number): Promise<string> {
  const { generateLargePortfolio } = await import('../test/support/generate-portfolio.ts');
  const { makeFile } = await import('../src/model/files.ts');
  const { generatePackage } = await import('../src/api.ts');
  const { zipFiles } = await import('../src/write/index.ts');
  const portfolio = generateLargePortfolio(nParts, 0);
  const products = portfolio.parts.filter((p) => p.kind === 'product');
  for (let i = 0; i < nImages; i++) {
    const file = makeFile(`images/photo-${String(i).padStart(3, '0')}.jpg`, new Uint8Array(await photo(i)));
    portfolio.files.push(file);
    const p = products[i % products.length]!;
    p.files.push(file.path);
    (p.description ??= { full: [] }).full.push({ carrier: 'uri', file: file.path, mode: 'Image', mimeType: 'image/jpeg' });
  }
  const input = join(dir, 'portfolio.zip');
  writeFileSync(input, zipFiles(generatePackage(portfolio)));
  const kinds = [...new Set(portfolio.parts.map((p) => p.kind))];
  const views = ['  - id: everything', '    access: public', '    select:', ...kinds.map((k) => `      - kind: ${k}`)];
  if (nViews > 1) {
    views.push(
      '  - id: work',
      '    access: public',
      '    select: [{ kind: product }, { kind: competency, with: [evidence, reflections, assertions] }]',
      '  - id: profile',
      '    access: public',
      '    lang: fr',
      '    select: [{ kind: identification }, { kind: qcl }, { kind: goal, with: [parts] }, { kind: activity, with: [parts] }]',
    );
  }
  // A url, so canonical links, og:url/og:image and the sitemap are made, as on a published site.
  writeFileSync(join(dir, 'vitrine.config.yaml'), ['url: https://portfolio.example.org/', 'views:', ...views].join('\n') + '\n');
  return input;
}

/** Where fixtures and outputs go: /dev/shm with --tmpfs (no disk in the figures), else the temporary folder. */
const scratch = has('tmpfs') && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs one measurement in a child process (under /usr/bin/time when present, for the tree's peak RSS). */
function measure(mode: 'vitrine' | 'nosearch' | 'plain', input: string, dir: string, cache: string): Measure {
  const out = join(dir, `out-${mode}-${Math.random().toString(36).slice(2)}`);
  const node = [process.execPath, '--import', 'tsx', import.meta.filename, '--child', mode, input, out, cache];
  const cmd = timeTool ? [timeTool, '-f', 'vitrine-bench-rss %M', ...node] : node;
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  rmSync(out, { recursive: true, force: true });
  const rss = /vitrine-bench-rss (\d+)/.exec(r.stderr);
  const rest = r.stderr.replace(/vitrine-bench-rss \d+\n?/, '');
  if (rest.trim()) process.stderr.write(rest);
  if (r.status !== 0) throw new Error(`${mode} run failed (${r.status})`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
  if (rss) m.treeRssMiB = Number(rss[1]) / 1024;
  return m;
}

/** Vitrine's time without Pagefind (a build without search) and its card images: what is compared with plain Eleventy. */
const core = (m: Measure) => m.ms - (m.steps.cards ?? 0);
/**
 * The time after the package is read: the whole process less module loading and reading (and,
 * for Vitrine, planning, which plain Eleventy's `read` includes; images and cards, on their own
 * lines). What is left is making and writing the pages.
 */
const pageStep = (m: Measure) => m.ms - (m.steps.imports ?? 0) - (m.steps.read ?? 0) - (m.steps.plan ?? 0) - (m.steps.cards ?? 0) - (m.steps.images ?? 0);

interface Row {
  parts: number;
  pages: number;
  runs: number;
  vitrine: Measure[];
  nosearch: Measure[];
  plain: Measure[];
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (x: number | undefined) => (x === undefined ? '-' : `${Math.round(x)} MiB`);

function printRow(r: Row): void {
  const v = r.vitrine;
  const p = r.plain;
  const step = (name: string, ms = v) => median(ms.map((m) => m.steps[name] ?? 0));
  const vc = median(r.nosearch.map(core));
  const pm = median(p.map((m) => m.ms));
  const ratios = r.nosearch.map((m, i) => core(m) / p[i]!.ms);
  const pagefind = median(v.map((m, i) => m.ms - r.nosearch[i]!.ms));
  const rss = (ms: Measure[]) => `peak RSS ${mib(median(ms.map((m) => m.maxRssMiB)))}${ms[0]!.treeRssMiB === undefined ? '' : ` (largest process of the tree ${mib(median(ms.map((m) => m.treeRssMiB!)))})`}`;
  const other = median(v.map((m) => m.ms - Object.values(m.steps).reduce((a, b) => a + b, 0)));
  console.log(`\n${r.parts} parts, ${r.pages} part pages, medians of ${r.runs} (warm image cache; each build a process of its own)`);
  console.log(`  vitrine build, default features   ${s(median(v.map((m) => m.ms))).padStart(9)}   ${rss(v)}`);
  console.log(`    Pagefind, after the last page   ${s(step('search')).padStart(9)}   (it indexes while pages render; in all, with its files: ${s(pagefind)}, the build with search less the one without)`);
  console.log(`    card images                     ${s(step('cards')).padStart(9)}`);
  console.log(`    other steps: read ${s(step('read'))}, plan ${s(step('plan'))}, images ${s(step('images'))}, pages ${s(step('pages'))}, write ${s(step('write'))}, the rest (imports, view data, feeds, sorting) ${s(other)}`);
  console.log(`  vitrine without Pagefind, cards   ${s(vc).padStart(9)}   ${((vc / r.pages) * 1000).toFixed(0)} µs per page   ${rss(r.nosearch)}`);
  console.log(`  plain Eleventy 3, same pages      ${s(pm).padStart(9)}   ${((pm / r.pages) * 1000).toFixed(0)} µs per page   ${rss(p)}`);
  const cpuRatios = r.nosearch.map((m, i) => m.cpuMs / p[i]!.cpuMs);
  console.log(`  CPU time: vitrine without Pagefind ${s(median(r.nosearch.map((m) => m.cpuMs)))}, plain Eleventy ${s(median(p.map((m) => m.cpuMs)))}: ${median(cpuRatios).toFixed(2)}x (cards included; wall time above waits on the disk too)`);
  console.log(`  build ratio, vitrine without Pagefind and cards / plain Eleventy: ${median(ratios).toFixed(2)}x median (runs: ${ratios.map((x) => x.toFixed(2)).join(', ')}; target ≤ 1.3x); with them: ${median(v.map((m, i) => m.ms / p[i]!.ms)).toFixed(2)}x`);
  const steps = r.nosearch.map((m, i) => pageStep(m) / pageStep(p[i]!));
  console.log(`  page step (after modules and the read: ${s(median(p.map((m) => (m.steps.imports ?? 0) + (m.steps.read ?? 0))))} in plain Eleventy, ${s(median(r.nosearch.map((m) => (m.steps.imports ?? 0) + (m.steps.read ?? 0) + (m.steps.plan ?? 0))))} in vitrine): vitrine ${s(median(r.nosearch.map(pageStep)))}, plain Eleventy ${s(median(p.map(pageStep)))}: ${median(steps).toFixed(2)}x median (runs: ${steps.map((x) => x.toFixed(2)).join(', ')})`);
}

async function mainBench(): Promise<void> {
  const quick = has('quick');
  const sizes = list('sizes', quick ? [300, 1000] : [1000, 4000]);
  const growth = list('growth', quick ? [] : [10000]).filter((n) => !sizes.includes(n));
  const runs = arg('runs', quick ? 1 : 3);
  const nImages = arg('images', quick ? 5 : 20);
  const nViews = arg('views', 1);
  console.log(`bench:site: ${availableParallelism()} cores, ${nImages} JPEGs 2000x1500, ${nViews} view(s); sizes ${sizes.join(', ')}${growth.length ? ` (+ ${growth.join(', ')} for growth, 1 run)` : ''}`);
  const rows: Row[] = [];
  for (const [i, n] of [...sizes, ...growth].entries()) {
    const dir = mkdtempSync(join(scratch, 'vitrine-bench-site-'));
    try {
      process.stderr.write(`fixture: ${n} parts (untimed)\n`);
      const input = await makeFixture(dir, n, nImages, nViews);
      const cache = join(dir, 'cache');
      mkdirSync(cache);
      // The first build fills the image cache: its encoding time is the cold figure.
      const cold = measure('vitrine', input, dir, cache);
      if (i === 0) console.log(`cold build at ${n} parts (empty image cache): ${s(cold.ms)}, of which images ${s(cold.steps.images ?? 0)} (${nImages} photos, encoded once per build)`);
      const row: Row = { parts: n, pages: cold.pages, runs: i < sizes.length ? runs : 1, vitrine: [], nosearch: [], plain: [] };
      for (let r = 0; r < row.runs; r++) {
        // Interleaved, so a neighbour's load falls on both sides alike.
        row.vitrine.push(measure('vitrine', input, dir, cache));
        row.nosearch.push(measure('nosearch', input, dir, cache));
        row.plain.push(measure('plain', input, dir, cache));
        process.stderr.write(`${n} parts: run ${r + 1}/${row.runs}\n`);
      }
      rows.push(row);
      printRow(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (rows.length > 1) {
    const per = (r: Row, f: (m: Measure) => number, ms: Measure[]) => median(ms.map(f)) / r.parts;
    const a = rows[0]!;
    console.log(`\ngrowth, time per part relative to ${a.parts} parts (1.00 = linear, below = better):`);
    for (const r of rows) {
      console.log(
        `  ${String(r.parts).padStart(6)} parts: vitrine ${((per(r, (m) => m.ms, r.vitrine) / per(a, (m) => m.ms, a.vitrine))).toFixed(2)}  ` +
          `without Pagefind and cards ${(per(r, core, r.nosearch) / per(a, core, a.nosearch)).toFixed(2)}  plain Eleventy ${(per(r, (m) => m.ms, r.plain) / per(a, (m) => m.ms, a.plain)).toFixed(2)}  ` +
          `peak RSS vitrine ${mib(median(r.vitrine.map((m) => m.maxRssMiB)))}, plain ${mib(median(r.plain.map((m) => m.maxRssMiB)))}`,
      );
    }
  }
  if (has('no-vips')) return;
  if (spawnSync('vipsthumbnail', ['--version']).status !== 0) {
    console.log('\nimages vs vipsthumbnail: skipped (apt-get install libvips-tools)');
    return;
  }
  console.log('');
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'image-encoders.ts'), '--photos', String(quick ? 6 : 20), '--runs', String(quick ? 1 : 3)], { stdio: 'inherit' });
}

if (args[0] === '--child') await child(args[1]!, args[2]!, args[3]!, args[4]!);
else if (args[0] === '--fixture') {
  mkdirSync(args[1]!, { recursive: true });
  console.log(await makeFixture(args[1]!, arg('parts', 1000), arg('images', 20), arg('views', 1)));
} else await mainBench();
