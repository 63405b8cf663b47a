/**
 * Images: Vitrine's encoding against `vipsthumbnail` (Debian libvips-tools) doing the same
 * resizes of the same photos in the same run: the default widths, WebP (quality 80, effort 2)
 * and progressive JPEG (quality 80), metadata stripped. Whole processes, medians of --runs.
 *
 *     apt-get install libvips-tools      (only for this benchmark; tests never need it)
 *     node --import tsx bench/image-encoders.ts [--photos 20] [--runs 3]
 *     node --import tsx bench/image-encoders.ts --encode DIR     (the Vitrine side alone)
 *     node --import tsx bench/image-encoders.ts --photos-to DIR [--photos 20]   (the photos alone)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
const { defaultImageOptions } = await import('../src/render/images/options.ts');
/** The default widths, so the comparison follows them. */
const WIDTHS = defaultImageOptions().widths;

/** The Vitrine side: every photo of `dir` through processImage, as a cold build does (no cache). */
async function encode(dir: string): Promise<void> {
  const { DiagnosticBag } = await import('../src/diagnostics/index.ts');
  const { processImage } = await import('../src/render/images/index.ts');
  const { encodeAll } = await import('../src/render/images/parallel.ts');
  const { sha256Hex } = await import('../src/render/images/naming.ts');
  const files = readdirSync(dir).map((n) => {
    const bytes = new Uint8Array(readFileSync(join(dir, n)));
    return { path: n, mediaType: 'image/jpeg', size: bytes.length, sha256: sha256Hex(bytes), bytes };
  });
  const results = await encodeAll(files, (f) => processImage(f, { widths: WIDTHS }, undefined, new DiagnosticBag()));
  process.stdout.write(JSON.stringify({ variants: results.reduce((n, r) => n + (r?.variants.length ?? 0), 0) }) + '\n');
}

/** Photo-like JPEGs (noise over a colour), 2000x1500, as bench/site.ts makes them. */
async function photos(dir: string, n: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const noise = await sharp({ create: { width: 500, height: 375, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    const jpeg = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: (i * 37) % 255, g: (i * 91) % 255, b: (i * 53) % 255 } } })
      .composite([{ input: noise, tile: true, blend: 'overlay' }])
      .jpeg({ quality: 85 })
      .toBuffer();
    writeFileSync(join(dir, `photo-${String(i).padStart(3, '0')}.jpg`), jpeg);
  }
}

/** vipsthumbnail: one process per (width, format) over every photo, as many at once as there are cores. */
function vips(src: string, out: string): void {
  const jobs = WIDTHS.flatMap((w) => [`webp[Q=80,effort=2,strip]`, `jpg[Q=80,interlace,strip]`].map((fmt) => ['-s', `${w}x`, '-o', join(out, `%s-${w}.${fmt}`)]));
  const files = readdirSync(src).map((n) => join(src, n));
  const script = jobs.map((j) => `vipsthumbnail ${files.map((f) => `'${f}'`).join(' ')} ${j.map((a) => `'${a}'`).join(' ')} &`).join('\n') + '\nwait\n';
  execFileSync('sh', ['-c', script], { stdio: 'inherit' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function mainBench(): Promise<void> {
  if (spawnSync('vipsthumbnail', ['--version']).status !== 0) throw new Error('vipsthumbnail is missing: apt-get install libvips-tools');
  const n = arg('photos', 20);
  const runs = arg('runs', 3);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-enc-'));
  try {
    await photos(join(dir, 'src'), n);
    const t = { vitrine: [] as number[], vips: [] as number[] };
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--encode', join(dir, 'src')], { stdio: ['ignore', 'pipe', 'inherit'] });
      t.vitrine.push(performance.now() - t0);
      const out = join(dir, `vips-${i}`);
      mkdirSync(out);
      t0 = performance.now();
      vips(join(dir, 'src'), out);
      t.vips.push(performance.now() - t0);
    }
    const v = median(t.vitrine);
    const b = median(t.vips);
    console.log(`images: ${n} photos 2000x1500 → ${WIDTHS.join('/')} px x WebP+JPEG (${n * 6} variants), ${availableParallelism()} cores, medians of ${runs}`);
    console.log(`  vitrine (whole process, cold) ${(v / 1000).toFixed(2)} s   vipsthumbnail ${(b / 1000).toFixed(2)} s   ratio ${(v / b).toFixed(2)}x (target ≤ 1.2x)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args[0] === '--encode') await encode(args[1]!);
else if (args[0] === '--photos-to') await photos(args[1]!, arg('photos', 20));
else await mainBench();
