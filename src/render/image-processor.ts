/**
 * Wires the image pipeline into a build: one disk cache per build, created on first use, and
 * one in-memory result per source file, so an image shown in three views is processed (or read
 * from the cache) once. Both live in this closure, i.e. per build: nothing is module-level.
 */
import type { AssetOptions } from './assets.ts';

/** An image processor of a build; `stats()` says how many sources were encoded and how many came from the cache. */
export type ImageProcessor = NonNullable<AssetOptions['processImage']> & { stats(): { encoded: number; cached: number } };

/** An image processor backed by a cache folder; images are resized and stripped of metadata. */
export function createImageProcessor(cacheDir: string, options: { avif?: boolean } = {}): ImageProcessor {
  // AVIF is on request: it costs 3-4x the encoding time of WebP and JPEG together.
  const formats = options.avif ? (['avif', 'webp', 'original'] as const) : (['webp', 'original'] as const);
  let processor: AssetOptions['processImage'] | undefined;
  let cache: { stats: { hits: number; misses: number } } | undefined;
  const done = new Map<string, ReturnType<NonNullable<AssetOptions['processImage']>>>();
  const run: NonNullable<AssetOptions['processImage']> = async (file, bag) => {
    if (!processor) {
      const images = await import('./images/index.ts');
      images.sizeThreads();
      const own = new images.ImageCache(`${cacheDir}/images`);
      cache = own;
      processor = (f, b) => images.processImage(f, { formats: [...formats] }, own, b);
    }
    // Same bytes and same name give the same variants (their file names derive from both).
    const key = `${file.sha256}\u0000${file.path}\u0000${file.mediaType}`;
    let result = done.get(key);
    if (!result) {
      result = processor(file, bag);
      done.set(key, result);
    }
    return result;
  };
  // A miss is an encode (or an unreadable image); a hit is read from the cache, no image work.
  return Object.assign(run, { stats: () => ({ encoded: cache?.stats.misses ?? 0, cached: cache?.stats.hits ?? 0 }) });
}
