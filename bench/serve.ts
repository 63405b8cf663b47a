/**
 * Save → served benchmark of `vitrine serve`: the time from writing one Markdown part to the
 * browser's reload event having arrived AND the rebuilt page having been fetched with the new
 * text, on the bundled example (content/) and on a generated 1,000-part authored portfolio.
 * Prints the median and the range of the runs. Targets (issue 4): 300 ms and 2 s.
 *
 *     npm run bench:serve [-- --runs 7 --parts 1000]
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticBag } from '../src/diagnostics/index.ts';
import { portfolioToAuthored } from '../src/model/authored/to-authored.ts';
import { createImageProcessor } from '../src/render/image-processor.ts';
import { startServer } from '../src/serve/server.ts';
import { writeNewFolder } from '../src/write/index.ts';
import { generateLargePortfolio } from '../test/support/generate-portfolio.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const runs = arg('runs', 7);

function reloads(url: string) {
  const waiting: (() => void)[] = [];
  const req = get(`${url}__vitrine/events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (chunk.includes('event: reload')) waiting.splice(0).forEach((f) => f());
    });
  });
  return { next: () => new Promise<void>((done) => waiting.push(done)), close: () => req.destroy() };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Edits `file`'s title `runs` times, measuring save → reload event → page fetched with the new title. */
async function measure(label: string, dir: string, file: string, pagePath: string, cache: string): Promise<void> {
  let firstMs = 0;
  const server = await startServer(dir, { port: 0, debounceMs: 5, render: { processImage: createImageProcessor(cache) }, onBuild: (e) => (firstMs ||= e.ms) });
  const ev = reloads(server.url);
  await new Promise((r) => setTimeout(r, 200));
  const times: number[] = [];
  const builds: number[] = [];
  const original = readFileSync(file, 'utf8');
  for (let i = 0; i < runs; i++) {
    const marker = `Bench title ${i} ${Date.now()}`;
    const text = original.replace(/^title: .*$/m, `title: ${marker}`);
    const reloaded = ev.next();
    const t0 = performance.now();
    writeFileSync(file, text);
    await reloaded;
    const html = await (await fetch(`${server.url}${pagePath}`)).text();
    const ms = performance.now() - t0;
    if (!html.includes(marker)) throw new Error(`${label}: the served page does not show the edit`);
    times.push(ms);
    builds.push(ms);
  }
  ev.close();
  await server.close();
  console.log(`${label}: save → served median ${Math.round(median(times))} ms (min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))}, ${runs} runs); first build ${firstMs} ms`);
}

const scratch = mkdtempSync(join(tmpdir(), 'vitrine-bench-serve-'));
try {
  const example = join(scratch, 'content');
  cpSync(join(import.meta.dirname, '..', 'content'), example, { recursive: true });
  // The example's XSL view names ../xsl/: copy it beside, as in the repository.
  cpSync(join(import.meta.dirname, '..', 'xsl'), join(scratch, 'xsl'), { recursive: true });
  await measure('example (content/, every view of vitrine.config.yaml)', example, join(example, 'parts/2-work/product_poster_nord.md'), 'studio-nord/index.html', join(scratch, 'cache'));

  const nParts = arg('parts', 1000);
  const big = join(scratch, 'big');
  const portfolio = generateLargePortfolio(nParts, 100);
  await writeNewFolder(big, portfolioToAuthored(portfolio, new DiagnosticBag()));
  const first = readdirSync(join(big, 'parts')).sort().find((n) => readFileSync(join(big, 'parts', n), 'utf8').includes('\ntitle: '))!;
  const id = /^id: (.*)$/m.exec(readFileSync(join(big, 'parts', first), 'utf8'))![1]!;
  const slug = (await import('../src/model/slug.ts')).slugify(id);
  await measure(`generated (${portfolio.parts.length} parts, preview view)`, big, join(big, 'parts', first), `preview/${slug}/index.html`, join(scratch, 'cache'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
