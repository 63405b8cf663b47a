import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/index.ts';
import type { PortfolioFile } from '../../model/types.ts';
import { ImageCache, imageCacheKey } from './cache.ts';
import { sha256Hex } from './naming.ts';
import { processImage } from './process.ts';

function portfolioFile(path: string, bytes: Uint8Array, mediaType: string): PortfolioFile {
  return { path, mediaType, size: bytes.length, sha256: sha256Hex(bytes), bytes };
}

let root: string;
let photo: PortfolioFile;
let n = 0;
/** A fresh, empty cache folder for each test. */
const freshDir = () => join(root, `cache-${++n}`);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vitrine-image-cache-'));
  const jpeg = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#4080c0' } }).jpeg().toBuffer();
  photo = portfolioFile('files/photo.jpg', new Uint8Array(jpeg), 'image/jpeg');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ImageCache', () => {
  it('keeps its images owner-only: folder 0700 (an existing one tightened), files 0600', async () => {
    // Issue 12: the cache holds resized images of protected views in clear.
    const dir = freshDir();
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const cache = new ImageCache(dir);
    const made = await processImage(photo, {}, cache, new DiagnosticBag());
    expect(made).toBeDefined();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(statSync(join(dir, f)).mode & 0o077, f).toBe(0);
    // A new folder is made 0700 from the start.
    const fresh = freshDir();
    await processImage(photo, {}, new ImageCache(fresh), new DiagnosticBag());
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });

  it('a second run is all hits with identical results, even from a new cache object (a new build)', async () => {
    const dir = freshDir();
    const first = new ImageCache(dir);
    const a = await processImage(photo, {}, first, new DiagnosticBag());
    expect(first.stats).toEqual({ hits: 0, misses: 1 });
    // Files as documented: <key>.json plus <key>-<width>.<ext> for each variant, no temporaries.
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(1 + a!.variants.length);
    expect(files.every((f) => /^[0-9a-f]{64}(\.json|-\d+\.(webp|jpg))$/.test(f))).toBe(true);

    const again = await processImage(photo, {}, first, new DiagnosticBag());
    expect(first.stats).toEqual({ hits: 1, misses: 1 });
    const second = new ImageCache(dir);
    const b = await processImage(photo, {}, second, new DiagnosticBag());
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
    expect(again).toEqual(a);
    expect(b).toEqual(a);
  });

  it('a hit does no image work: the cached result comes back even for bytes sharp could not read', async () => {
    const cache = new ImageCache(freshDir());
    const a = await processImage(photo, {}, cache, new DiagnosticBag());
    const bag = new DiagnosticBag();
    const garbage = { ...photo, bytes: new Uint8Array([1, 2, 3]) }; // same sha256, as the model promises
    const b = await processImage(garbage, {}, cache, bag);
    expect(bag.items).toEqual([]);
    expect(b).toEqual(a);
  });

  it('names come from the source path, so one cached entry serves two copies of a file', async () => {
    const cache = new ImageCache(freshDir());
    await processImage(photo, {}, cache, new DiagnosticBag());
    const copy = await processImage({ ...photo, path: 'other/copy.jpg' }, {}, cache, new DiagnosticBag());
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(copy!.source).toBe('other/copy.jpg');
    expect(copy!.variants.every((v) => v.fileName.startsWith('copy-'))).toBe(true);
  });

  it('a changed option is a miss; the same options in another order are a hit', async () => {
    const cache = new ImageCache(freshDir());
    await processImage(photo, { widths: [480, 960] }, cache, new DiagnosticBag());
    await processImage(photo, { widths: [960, 480, 960] }, cache, new DiagnosticBag());
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    const q = await processImage(photo, { widths: [480, 960], quality: 40 }, cache, new DiagnosticBag());
    await processImage(photo, { widths: [480, 960], formats: ['avif'] }, cache, new DiagnosticBag());
    await processImage(photo, { widths: [480, 960], maxInputPixels: 50_000_000 }, cache, new DiagnosticBag());
    expect(cache.stats).toEqual({ hits: 1, misses: 4 });
    expect(q!.variants.map((v) => v.width)).toEqual([480, 960, 480, 960]);
  });

  it('the key changes with the source, the settings and the encoder versions', () => {
    const versions = { vips: '8.18.7', sharp: '0.35.5' };
    const k = imageCacheKey('a'.repeat(64), { widths: [480] }, versions);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(imageCacheKey('a'.repeat(64), { widths: [480] }, versions)).toBe(k);
    expect(imageCacheKey('b'.repeat(64), { widths: [480] }, versions)).not.toBe(k);
    expect(imageCacheKey('a'.repeat(64), { widths: [960] }, versions)).not.toBe(k);
    expect(imageCacheKey('a'.repeat(64), { widths: [480] }, { ...versions, vips: '8.19.0' })).not.toBe(k);
  });

  it('a corrupt variant file, a truncated one or a broken index is ignored and rebuilt', async () => {
    const dir = freshDir();
    const a = await processImage(photo, {}, new ImageCache(dir), new DiagnosticBag());
    const files = readdirSync(dir);
    const index = files.find((f) => f.endsWith('.json'))!;
    const webp = files.find((f) => f.endsWith('.webp'))!;
    const jpg = files.find((f) => f.endsWith('.jpg'))!;
    const breakages: [string, () => void][] = [
      ['garbage in a variant', () => writeFileSync(join(dir, webp), 'not an image')],
      ['half a variant', () => writeFileSync(join(dir, jpg), readFileSync(join(dir, jpg)).subarray(0, 100))],
      ['a missing variant', () => rmSync(join(dir, webp))],
      ['an index that is not JSON', () => writeFileSync(join(dir, index), '{"key":')],
      ['an index of the wrong shape', () => writeFileSync(join(dir, index), JSON.stringify({ key: 'x', variants: 'no' }))],
    ];
    for (const [what, breakIt] of breakages) {
      breakIt();
      const rebuilt = new ImageCache(dir);
      const b = await processImage(photo, {}, rebuilt, new DiagnosticBag());
      expect(rebuilt.stats, what).toEqual({ hits: 0, misses: 1 });
      expect(b, what).toEqual(a);
      const after = new ImageCache(dir);
      await processImage(photo, {}, after, new DiagnosticBag());
      expect(after.stats, `${what}, then again`).toEqual({ hits: 1, misses: 0 });
    }
  });

  it('ImageCacheUnwritable: a cache that cannot be written is reported once, and images still come out', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    const dir = join(blocker, 'images');
    const cache = new ImageCache(dir);
    const bag = new DiagnosticBag();
    const a = await processImage(photo, {}, cache, bag);
    const b = await processImage({ ...photo, path: 'two.jpg' }, {}, cache, bag);
    expect(a!.variants.length).toBeGreaterThan(0);
    expect(b!.variants.length).toBe(a!.variants.length);
    expect(bag.items.map((d) => [d.code, d.severity, d.location?.file])).toEqual([['ImageCacheUnwritable', 'warning', dir]]);
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
  });
});
