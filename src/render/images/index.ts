/**
 * The image stage: raster images of the portfolio to resized, metadata-free, content-hashed
 * variants, through a per-build disk cache.
 *
 *     const cache = new ImageCache(join(projectDir, defaultImageCacheDir));
 *     const image = await processImage(file, { formats: ['avif', 'webp', 'original'] }, cache, bag);
 *     // image?.variants: bytes + fileName for `write`; cache.stats: { hits, misses }
 */
export { processImage } from './process.ts';
export { sizeThreads } from './encode.ts';
export { ImageCache, imageCacheKey } from './cache.ts';
export { defaultImageCacheDir, defaultImageOptions, resolveImageOptions } from './options.ts';
export { isRasterImage, isUnsupportedImage, sniffImageFormat } from './formats.ts';
export type { ImageCacheStats, ImageFormatOption, ImageOptions, ImageVariant, ProcessedImage, VariantFormat } from './types.ts';
