/**
 * Image options: defaults, normalisation (so equal requests get equal cache keys) and the plan
 * of which widths one image gets.
 */
import { originalOutputFormat } from './formats.ts';
import type { ImageFormatOption, ImageOptions, SourceFormat, VariantFormat } from './types.ts';

/**
 * The defaults: three widths for `srcset`, WebP with the original format as fallback. 1280, not
 * 1600, at the top: measured in Chromium on the default templates (bench/image-loads.ts), the
 * widest slot is a 1280 px screen's main image (66rem, 1056 px) and a 3x phone's full-width
 * image (1100-1170 px), so 1280 still gives both every pixel they show, for 36% fewer pixels
 * to encode and send than 1600. A 2x screen wider than 1280 px gets less than it could show.
 */
export function defaultImageOptions(): ImageOptions {
  // 100 megapixels: a 12,000 x 8,000 photo passes; a decompression bomb (a few KB of PNG
  // claiming 30,000 x 30,000, ~2.7 GB decoded) does not.
  return { widths: [480, 960, 1280], formats: ['webp', 'original'], maxInputPixels: 100_000_000 };
}

/** Folder for the image cache, relative to the project, when the caller has no better idea. */
export const defaultImageCacheDir = '.vitrine-cache/images';

const formatOptions: readonly ImageFormatOption[] = ['webp', 'avif', 'original'];

/**
 * Fills in defaults and normalises: widths become sorted, unique positive integers; formats
 * lose duplicates and unknown names; quality is clamped to 1-100. Throws on an option that
 * cannot mean anything (a programming error, not the user's input).
 */
export function resolveImageOptions(options: Partial<ImageOptions> = {}): ImageOptions {
  const defaults = defaultImageOptions();
  const widths = [...new Set((options.widths ?? defaults.widths).map((w) => Math.round(w)))]
    .filter((w) => Number.isFinite(w) && w > 0)
    .sort((a, b) => a - b);
  const formats = [...new Set(options.formats ?? defaults.formats)];
  const unknown = formats.filter((f) => !formatOptions.includes(f));
  if (unknown.length > 0) throw new Error(`unknown image format option: ${unknown.join(', ')}`);
  if (formats.length === 0) throw new Error('image formats must not be empty');
  const maxInputPixels = options.maxInputPixels ?? defaults.maxInputPixels;
  if (!(maxInputPixels > 0)) throw new Error('maxInputPixels must be positive');
  const resolved: ImageOptions = { widths, formats, maxInputPixels: Math.floor(maxInputPixels) };
  if (options.quality !== undefined) resolved.quality = Math.min(100, Math.max(1, Math.round(options.quality)));
  return resolved;
}

/**
 * The widths to produce for an original `originalWidth` pixels wide: each asked width, with any
 * above the original clamped to it (never upscaled). So an image narrower than every asked
 * width gets exactly one variant at its own width, and a 1200-pixel image asked for
 * 480/960/1600 gets 480, 960 and 1200 (the largest screen still gets every pixel there is).
 * No widths asked means the original width only.
 */
export function planWidths(originalWidth: number, widths: readonly number[]): number[] {
  const clamped = widths.map((w) => Math.min(w, originalWidth));
  return [...new Set(clamped.length > 0 ? clamped : [originalWidth])].sort((a, b) => a - b);
}

/** The output formats for a source, in the asked order, without duplicates (WebP + original WebP). */
export function planFormats(formats: readonly ImageFormatOption[], source: SourceFormat, hasAlpha: boolean): VariantFormat[] {
  const out = formats.map((f) => (f === 'original' ? originalOutputFormat(source, hasAlpha) : f));
  return [...new Set(out)];
}
