/**
 * Benchmark: reading and packing a large IMS ePortfolio package.
 *
 *     npm run bench -- [--parts 10000] [--files 200] [--runs 3]
 *
 * Setup (untimed): builds a deterministic portfolio with generateLargePortfolio(parts, files)
 * (files of ~20 KB), generates its package and writes it as a zip to a temp dir.
 * Then, `runs` times each:
 *   read  readPortfolio(zip)                                      (unzip, parse, map to the model)
 *   pack  generatePackage(portfolio) + zipFiles + writeFileAtomic (the portfolio as read back)
 * and prints the median, min and max wall time (performance.now()), the peak RSS sampled every
 * 20 ms during the runs, and heapUsed. Synchronous stretches block the sampler, so an RSS
 * sample is also taken at the start and end of every run, and the process's OS high-water mark
 * (resourceUsage().maxRSS, which includes setup) is printed as well.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatePackage, readPortfolio } from '../src/api.ts';
import type { Portfolio } from '../src/model/types.ts';
import { writeFileAtomic, zipFiles } from '../src/write/index.ts';
import { generateLargePortfolio } from '../test/support/generate-portfolio.ts';

interface Options {
  parts: number;
  files: number;
  runs: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { parts: 10_000, files: 200, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--(parts|files|runs)(?:=(.*))?$/.exec(a);
    if (!m) {
      if (a === '--help' || a === '-h') {
        console.log('usage: npm run bench -- [--parts N] [--files N] [--runs N]');
        process.exit(0);
      }
      throw new Error(`unknown argument ${a} (expected --parts N, --files N, --runs N)`);
    }
    const raw = m[2] ?? argv[++i];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < (m[1] === 'files' ? 0 : 1)) throw new Error(`--${m[1]} needs a whole number, got ${raw}`);
    opts[m[1] as keyof Options] = n;
  }
  return opts;
}

const MiB = 1024 * 1024;
const mib = (b: number) => `${(b / MiB).toFixed(1)} MiB`;
const ms = (t: number) => (t >= 10_000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Samples RSS (and heapUsed) every 20 ms, keeping the maxima. */
class MemorySampler {
  startRss = 0;
  peakRss = 0;
  peakHeapUsed = 0;
  private timer: NodeJS.Timeout | undefined;

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peakRss) this.peakRss = m.rss;
    if (m.heapUsed > this.peakHeapUsed) this.peakHeapUsed = m.heapUsed;
  }
  start(): void {
    if (!this.startRss) this.startRss = process.memoryUsage().rss;
    this.sample();
    this.timer = setInterval(() => this.sample(), 20);
  }
  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

interface PhaseResult {
  name: string;
  times: number[];
  startRss: number;
  peakRss: number;
  peakHeapUsed: number;
  heapUsedAfter: number;
  maxRssOs: number;
}

/** Lets the collector run between runs when node was started with --expose-gc. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function phase(name: string, runs: number, fn: () => Promise<void>): Promise<PhaseResult> {
  const sampler = new MemorySampler();
  const times: number[] = [];
  let heapUsedAfter = 0;
  for (let i = 0; i < runs; i++) {
    collect();
    sampler.start();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    sampler.stop();
    heapUsedAfter = Math.max(heapUsedAfter, process.memoryUsage().heapUsed);
    process.stdout.write(`  ${name} run ${i + 1}/${runs}: ${ms(times[i]!)}\n`);
  }
  return { name, times, startRss: sampler.startRss, peakRss: sampler.peakRss, peakHeapUsed: sampler.peakHeapUsed, heapUsedAfter, maxRssOs: process.resourceUsage().maxRSS * 1024 };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-bench-'));
  try {
    console.log(`Vitrine read/pack benchmark: ${opts.parts} parts, ${opts.files} files, ${opts.runs} runs; node ${process.version}`);
    const t0 = performance.now();
    const portfolio = generateLargePortfolio(opts.parts, opts.files);
    const files = generatePackage(portfolio);
    const zip = zipFiles(files);
    const pkgPath = join(dir, 'portfolio.zip');
    await writeFile(pkgPath, zip);
    const setup = performance.now() - t0;
    const xmlBytes = [...files].filter(([p]) => p.endsWith('.xml')).reduce((n, [, b]) => n + b.byteLength, 0);
    const mediaBytes = portfolio.files.reduce((n, f) => n + f.size, 0);
    console.log(
      `setup (untimed): ${ms(setup)}; model: ${portfolio.parts.length} parts, ${portfolio.relations.length} relations, ${portfolio.files.length} files\n` +
        `package: ${mib(zip.byteLength)} zip (${zip.byteLength} bytes), ${files.size} entries; XML ${mib(xmlBytes)}, media ${mib(mediaBytes)} uncompressed`,
    );

    let readBack: Portfolio | undefined;
    const read = await phase('read', opts.runs, async () => {
      readBack = undefined; // one model alive at a time
      const r = await readPortfolio(pkgPath);
      if (!r.value) throw new Error(`read failed: ${r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`);
      if (r.value.parts.length !== portfolio.parts.length) throw new Error(`read ${r.value.parts.length} parts, expected ${portfolio.parts.length}`);
      const bad = r.diagnostics.filter((d) => d.severity !== 'info');
      if (bad.length) throw new Error(`read reported ${bad.length} diagnostics, first: ${bad[0]!.code}: ${bad[0]!.message}`);
      readBack = r.value;
    });
    const out = join(dir, 'out', 'packed.zip');
    let packedBytes = 0;
    let packedEntries = 0;
    const pack = await phase('pack', opts.runs, async () => {
      const files = generatePackage(readBack!);
      const zip = zipFiles(files);
      await writeFileAtomic(out, zip);
      packedBytes = zip.byteLength;
      packedEntries = files.size;
    });

    const rows = [['phase', 'median', 'min', 'max', 'RSS before', 'peak RSS (20 ms)', 'peak heapUsed', 'heapUsed after', 'OS maxRSS so far']];
    for (const r of [read, pack]) {
      rows.push([r.name, ms(median(r.times)), ms(Math.min(...r.times)), ms(Math.max(...r.times)), mib(r.startRss), mib(r.peakRss), mib(r.peakHeapUsed), mib(r.heapUsedAfter), mib(r.maxRssOs)]);
    }
    console.log(`\n${table(rows)}\n`);
    console.log(`packed (from the model as read): ${mib(packedBytes)} (${packedBytes} bytes), ${packedEntries} entries`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
