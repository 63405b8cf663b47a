/**
 * Site build benchmark: a generated 1,000-part portfolio with 100 real JPEGs and 3 views.
 * Prints cold (empty image cache) and warm build times and peak memory, and beside them plain
 * Eleventy rendering one bare Nunjucks page per part (per view: the same pages Vitrine
 * writes, from the same portfolio read) in the same run, as a ratio.
 *
 *     npm run bench:site [-- --parts 1000 --images 100 --runs 3] [--scale 1000,4000,10000]
 *
 * With --scale, the pages alone (no images, warm) are measured at each size against plain
 * Eleventy: the per-page ratio, peak memory of each, and the growth from the first size to the
 * last (time per part; 1.0 is linear, below is better).
 *     node --import tsx bench/site.ts --fixture DIR    (write the fixture only, for profiling)
 *
 * Each measurement runs in a child process of its own, so its peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

/** One measured run inside a child: prints a JSON line with ms and peak RSS. */
async function child(mode: string, input: string, out: string, cache: string): Promise<void> {
  const t0 = performance.now();
  if (mode === 'plain') {
    const { default: Eleventy } = await import('@11ty/eleventy');
    const { readPortfolio } = await import('../src/index.ts');
    const { planViews, readSiteConfig } = await import('../src/views/index.ts');
    const portfolio = (await readPortfolio(input)).value!;
    const empty = mkdtempSync(join(tmpdir(), 'vitrine-plain-'));
    // The same pages Vitrine renders: one per part per view, from the same portfolio read.
    const plans = planViews(portfolio, (await readSiteConfig(input)).value).value;
    const parts = plans.flatMap((v) => v.parts.map((p) => ({ slug: `${v.folder}/${p.slug}`, title: p.description?.short?.value ?? p.id, body: p.description?.long?.value ?? '' })));
    const elev = new Eleventy(empty, out, {
      quietMode: true,
      configPath: false,
      config(cfg: { addTemplate(p: string, c: string, d: object): void; setTemplateFormats(f: string[]): void }) {
        cfg.setTemplateFormats(['njk']);
        cfg.addTemplate('part.njk', '<!doctype html><html lang="en"><title>{{ part.title }}</title><h1>{{ part.title }}</h1><p>{{ part.body }}</p></html>', {
          pagination: { data: 'parts', size: 1, alias: 'part' },
          parts,
          permalink: (d: { part: { slug: string } }) => `${d.part.slug}/index.html`,
        });
      },
    } as never);
    await elev.write();
    rmSync(empty, { recursive: true, force: true });
  } else {
    const { build } = await import('../src/build.ts');
    const { createImageProcessor } = await import('../src/render/image-processor.ts');
    const r = await build(input, { out, render: { processImage: createImageProcessor(cache) } });
    if (!r.value.written) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

async function makeFixture(dir: string, nParts: number, nImages: number): Promise<string> {
  const { generateLargePortfolio } = await import('../test/support/generate-portfolio.ts');
  const { makeFile } = await import('../src/model/files.ts');
  const { generatePackage } = await import('../src/api.ts');
  const { zipFiles } = await import('../src/write/index.ts');
  const portfolio = generateLargePortfolio(nParts, 0);
  // Real photographs-like JPEGs (noise over a gradient), 2000x1500, attached to products.
  const products = portfolio.parts.filter((p) => p.kind === 'product');
  for (let i = 0; i < nImages; i++) {
    const noise = await sharp({ create: { width: 500, height: 375, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    const jpeg = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: (i * 37) % 255, g: (i * 91) % 255, b: (i * 53) % 255 } } })
      .composite([{ input: noise, tile: true, blend: 'overlay' }])
      .jpeg({ quality: 85 })
      .toBuffer();
    const file = makeFile(`images/photo-${String(i).padStart(3, '0')}.jpg`, new Uint8Array(jpeg));
    portfolio.files.push(file);
    const p = products[i % products.length]!;
    p.files.push(file.path);
    (p.description ??= { full: [] }).full.push({ carrier: 'uri', file: file.path, mode: 'Image', mimeType: 'image/jpeg' });
  }
  const input = join(dir, 'portfolio.zip');
  writeFileSync(input, zipFiles(generatePackage(portfolio)));
  const kinds = [...new Set(portfolio.parts.map((p) => p.kind))];
  writeFileSync(
    join(dir, 'vitrine.config.yaml'),
    [
      'views:',
      '  - id: everything',
      '    access: public',
      '    select:',
      ...kinds.map((k) => `      - kind: ${k}`),
      '  - id: work',
      '    access: public',
      '    select: [{ kind: product }, { kind: competency, with: [evidence, reflections, assertions] }]',
      '  - id: profile',
      '    access: public',
      '    lang: fr',
      '    select: [{ kind: identification }, { kind: qcl }, { kind: goal, with: [parts] }, { kind: activity, with: [parts] }]',
    ].join('\n') + '\n',
  );
  return input;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function mainBench(): Promise<void> {
  const nParts = arg('parts', 1000);
  const nImages = arg('images', 100);
  const runs = arg('runs', 3);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-site-'));
  process.stderr.write(`fixture: ${nParts} parts, ${nImages} JPEGs 2000x1500, 3 views (untimed)\n`);
  const input = await makeFixture(dir, nParts, nImages);
  const runChild = (mode: string, cache: string) => {
    const out = join(dir, `out-${mode}-${Math.random().toString(36).slice(2)}`);
    const line = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, input, out, cache], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    rmSync(out, { recursive: true, force: true });
    return JSON.parse(line.trim().split('\n').pop()!) as { ms: number; maxRssMiB: number };
  };
  const results: Record<string, { ms: number; maxRssMiB: number }[]> = { cold: [], warm: [], plain: [] };
  for (let i = 0; i < runs; i++) {
    const cache = join(dir, `cache-${i}`);
    mkdirSync(cache);
    results.cold!.push(runChild('cold', cache));
    results.warm!.push(runChild('warm', cache));
    results.plain!.push(runChild('plain', cache));
    process.stderr.write(`run ${i + 1}/${runs} done\n`);
  }
  const row = (name: string, rs: { ms: number; maxRssMiB: number }[]) =>
    `${name.padEnd(28)} ${(median(rs.map((r) => r.ms)) / 1000).toFixed(2).padStart(7)} s   ${Math.round(median(rs.map((r) => r.maxRssMiB))).toString().padStart(5)} MiB   (min ${(Math.min(...rs.map((r) => r.ms)) / 1000).toFixed(2)} s)`;
  const plain = median(results.plain!.map((r) => r.ms));
  console.log(`\nsite build, ${nParts} parts, ${nImages} images, 3 views, medians of ${runs} (whole process, each run in its own child)`);
  console.log(`${'measure'.padEnd(28)} ${'time'.padStart(9)}   ${'peak RSS'.padStart(9)}`);
  console.log(row('vitrine build, cold cache', results.cold!));
  console.log(row('vitrine build, warm cache', results.warm!));
  console.log(row('plain Eleventy, same pages', results.plain!));
  console.log(`ratio warm / plain Eleventy: ${(median(results.warm!.map((r) => r.ms)) / plain).toFixed(2)}x   cold / plain: ${(median(results.cold!.map((r) => r.ms)) / plain).toFixed(2)}x`);
  console.log('targets: cold < 10 s, peak < 1 GiB, vitrine at most 1.3x plain Eleventy');
  rmSync(dir, { recursive: true, force: true });
}

/** Warm Vitrine vs plain Eleventy at each size, pages only: ratio, peak memory, growth. */
async function scaleBench(sizes: number[], runs: number): Promise<void> {
  const rows: { parts: number; vitrine: number; plain: number; vRss: number; pRss: number }[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-scale-'));
    try {
      const input = await makeFixture(dir, n, 0);
      const cache = join(dir, 'cache');
      mkdirSync(cache);
      const one = (mode: string) => {
        const out = join(dir, `out-${mode}-${Math.random().toString(36).slice(2)}`);
        const line = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, input, out, cache], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
        rmSync(out, { recursive: true, force: true });
        return JSON.parse(line.trim().split('\n').pop()!) as { ms: number; maxRssMiB: number };
      };
      one('warm'); // fills the XSL and image caches, warms the disk
      const v: { ms: number; maxRssMiB: number }[] = [];
      const p: { ms: number; maxRssMiB: number }[] = [];
      for (let i = 0; i < runs; i++) {
        v.push(one('warm'));
        p.push(one('plain'));
      }
      rows.push({ parts: n, vitrine: median(v.map((r) => r.ms)), plain: median(p.map((r) => r.ms)), vRss: median(v.map((r) => r.maxRssMiB)), pRss: median(p.map((r) => r.maxRssMiB)) });
      process.stderr.write(`${n} parts done\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\npages only (no images), warm, 3 views, medians of ${runs}, whole process each`);
  console.log('parts     vitrine    plain 11ty   ratio   peak vitrine   peak 11ty');
  for (const r of rows) console.log(`${String(r.parts).padEnd(8)} ${(r.vitrine / 1000).toFixed(2).padStart(7)} s ${(r.plain / 1000).toFixed(2).padStart(9)} s ${(r.vitrine / r.plain).toFixed(2).padStart(6)}x ${Math.round(r.vRss).toString().padStart(10)} MiB ${Math.round(r.pRss).toString().padStart(7)} MiB`);
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  if (rows.length > 1) console.log(`growth ${a.parts} → ${b.parts} parts: time per part x${(b.vitrine / b.parts / (a.vitrine / a.parts)).toFixed(2)} (plain Eleventy x${(b.plain / b.parts / (a.plain / a.parts)).toFixed(2)}), peak memory x${(b.vRss / a.vRss).toFixed(2)}; 1.00 is linear`);
  console.log('target: ratio at most 1.3x at 1,000 and 4,000 parts');
}

if (args.includes('--scale')) await scaleBench(args[args.indexOf('--scale') + 1]!.split(',').map(Number), arg('runs', 3));
else if (args[0] === '--child') await child(args[1]!, args[2]!, args[3]!, args[4]!);
else if (args[0] === '--fixture') {
  // Writes the fixture to a folder and stops, for profiling by hand.
  mkdirSync(args[1]!, { recursive: true });
  console.log(await makeFixture(args[1]!, arg('parts', 1000), arg('images', 100)));
} else await mainBench();
