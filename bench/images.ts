/**
 * Benchmark: one 4000x3000 JPEG to widths 480/960/1600, cold cache vs warm cache.
 *
 *     node --import tsx bench/images.ts [--runs 3] [--avif]
 *
 * Setup (untimed): a photo-like 4000x3000 JPEG (blurred noise, so encoders have real work;
 * a flat colour would flatter them). Then `runs` times each:
 *   cold  processImage with a new, empty cache folder (decode, resize, encode, write the cache)
 *   warm  processImage with a new ImageCache on the folder of the last cold run (read + verify)
 * Formats: WebP + original (JPEG); with --avif, AVIF too. Prints median, min and max in ms.
 * sharp's thread count is left at its default (`sharp.concurrency()` is printed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { DiagnosticBag } from '../src/diagnostics/index.ts';
import type { PortfolioFile } from '../src/model/types.ts';
import { ImageCache, processImage, type ImageOptions } from '../src/render/images/index.ts';
import { sha256Hex } from '../src/render/images/naming.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 3);
const options: Partial<ImageOptions> = {
  widths: [480, 960, 1600],
  formats: process.argv.includes('--avif') ? ['avif', 'webp', 'original'] : ['webp', 'original'],
};

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms  (min ${s[0]!.toFixed(0)}, max ${s[s.length - 1]!.toFixed(0)})`;
};

const jpeg = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
  .blur(1.5)
  .jpeg({ quality: 90 })
  .toBuffer();
const bytes = new Uint8Array(jpeg);
const file: PortfolioFile = { path: 'photo.jpg', mediaType: 'image/jpeg', size: bytes.length, sha256: sha256Hex(bytes), bytes };
console.log(`input 4000x3000 JPEG, ${(bytes.length / 1e6).toFixed(1)} MB; formats ${options.formats!.join('+')}; sharp.concurrency() = ${sharp.concurrency()}`);

const root = await mkdtemp(join(tmpdir(), 'vitrine-bench-images-'));
const cold: number[] = [];
const warm: number[] = [];
try {
  let dir = '';
  for (let i = 0; i < runs; i++) {
    dir = join(root, `cold-${i}`);
    const cache = new ImageCache(dir);
    const t = performance.now();
    const image = await processImage(file, options, cache, new DiagnosticBag());
    cold.push(performance.now() - t);
    if (i === 0) console.log('variants:', image!.variants.map((v) => `${v.format}@${v.width} ${(v.bytes.length / 1024).toFixed(0)} KB`).join(', '));
  }
  for (let i = 0; i < runs; i++) {
    const cache = new ImageCache(dir);
    const t = performance.now();
    await processImage(file, options, cache, new DiagnosticBag());
    warm.push(performance.now() - t);
    if (cache.stats.hits !== 1) throw new Error(`expected a hit, got ${JSON.stringify(cache.stats)}`);
  }
  console.log(`cold  ${stats(cold)}`);
  console.log(`warm  ${stats(warm)}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
