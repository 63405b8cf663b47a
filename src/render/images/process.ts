/**
 * `processImage`: one portfolio file to web variants, through the build's cache.
 *
 * The user's problems (a corrupt file, a pixel bomb, bytes that are not what the label says)
 * become warnings and the image is left out (undefined); bugs throw.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { PortfolioFile } from '../../model/types.ts';
import type { CachedImage, ImageCache } from './cache.ts';
import { assertNoMetadata, dominantColor, encodeVariant, encoderSettings, readHeader, toBuffer, type EncoderSettings, type SourceHeader, type VariantSpec } from './encode.ts';
import { isRasterImage, isUnsupportedImage, keepsAnimation, sniffImageFormat, variantMediaType } from './formats.ts';
import { variantFileName, sha256Hex } from './naming.ts';
import { planFormats, planWidths, resolveImageOptions } from './options.ts';
import type { ImageOptions, ProcessedImage, SourceFormat } from './types.ts';

/** sharp's decoder name for each sniffed format (AVIF is read by the HEIF loader). */
const decoderOf: Record<SourceFormat, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', avif: 'heif', tiff: 'tiff' };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const megapixels = (n: number): string => `${(n / 1e6).toFixed(1)} MP`;

/**
 * Turns a raster image (JPEG, PNG, WebP, GIF, AVIF, TIFF) into resized variants with all
 * metadata stripped, named by content hash. Returns undefined, without a diagnostic, for a
 * file that is not a raster image (SVG, PDF, ...: not this stage's business), and undefined
 * with an `ImageUnreadable` or `ImageTooLarge` warning for an image that cannot be published
 * (corrupt, a pixel bomb, or another image type such as HEIC or BMP).
 * `cache` is the build's cache (or undefined for none); a hit does no image work.
 */
export async function processImage(
  file: PortfolioFile,
  options: Partial<ImageOptions>,
  cache: ImageCache | undefined,
  bag: DiagnosticBag,
): Promise<ProcessedImage | undefined> {
  if (isUnsupportedImage(file)) {
    bag.add('ImageUnreadable', `${file.path} is ${file.mediaType}, which is not published; only JPEG, PNG, WebP, GIF, AVIF and TIFF are`, { file: file.path });
    return undefined;
  }
  if (!isRasterImage(file)) return undefined;
  const resolved = resolveImageOptions(options);
  const encoders = encoderSettings(resolved.quality);
  // Trusts `file.sha256` as the model's promise about `bytes` (computed once by `read`).
  const key = cache?.key(file.sha256, { options: resolved, encoders });
  if (cache && key) {
    const hit = await cache.get(key);
    if (hit) return nameVariants(file.path, hit);
  }
  const entry = await renderImage(file, resolved, encoders, bag);
  if (!entry) return undefined;
  if (cache && key) {
    try {
      await cache.put(key, entry);
    } catch (e) {
      // Once per build is enough: the bag is the build's, so it says whether it was said.
      if (!bag.items.some((d) => d.code === 'ImageCacheUnwritable')) {
        bag.add('ImageCacheUnwritable', `Image cache ${cache.dir} could not be written: ${errorText(e)}`, { file: cache.dir });
      }
    }
  }
  return nameVariants(file.path, entry);
}

/** Decodes and encodes: the cache miss path. */
async function renderImage(file: PortfolioFile, options: ImageOptions, encoders: EncoderSettings, bag: DiagnosticBag): Promise<CachedImage | undefined> {
  const where = { file: file.path };
  const format = sniffImageFormat(file.bytes);
  if (!format) {
    bag.add('ImageUnreadable', `${file.path} is labelled ${file.mediaType || 'an image'} but is not a JPEG, PNG, WebP, GIF, AVIF or TIFF image`, where);
    return undefined;
  }
  const input = toBuffer(file.bytes);
  let header: SourceHeader;
  try {
    header = await readHeader(input);
  } catch (e) {
    bag.add('ImageUnreadable', `${file.path} could not be read as ${format.toUpperCase()}: ${errorText(e)}`, where);
    return undefined;
  }
  if (header.decoder !== decoderOf[format]) {
    bag.add('ImageUnreadable', `${file.path} starts like ${format.toUpperCase()} but reads as ${header.decoder}`, where);
    return undefined;
  }
  const pixels = header.width * header.height;
  if (pixels > options.maxInputPixels) {
    bag.add('ImageTooLarge', `${file.path} is ${header.width} x ${header.height} pixels (${megapixels(pixels)}), more than the limit of ${megapixels(options.maxInputPixels)}`, where);
    return undefined;
  }
  // An animation is kept only when all its frames together stay within the pixel limit;
  // otherwise its first frame is published as a still rather than nothing.
  const animated = header.pages > 1 && (format === 'gif' || format === 'webp') && pixels * header.pages <= options.maxInputPixels;
  const widths = planWidths(header.orientedWidth, options.widths);
  const specs: VariantSpec[] = planFormats(options.formats, format, header.hasAlpha).flatMap((f) =>
    widths.map((width) => ({ format: f, width, animated: animated && keepsAnimation(f) })),
  );
  let variants: CachedImage['variants'];
  try {
    // One pipeline per variant, all at once: libvips decodes each with shrink-on-load (a
    // JPEG read at 1/8 scale for a small width), and sharp's thread pool bounds the work.
    variants = await Promise.all(specs.map((s) => encodeVariant(input, s, encoders, options.maxInputPixels)));
  } catch (e) {
    const message = errorText(e);
    if (/pixel limit/i.test(message)) {
      bag.add('ImageTooLarge', `${file.path} has more pixels than the limit of ${megapixels(options.maxInputPixels)}`, where);
    } else {
      bag.add('ImageUnreadable', `${file.path} could not be decoded: ${message}`, where);
    }
    return undefined;
  }
  // Outside the try: metadata surviving encoding is a bug, not a property of the input.
  await Promise.all(variants.map((v) => assertNoMetadata(v.bytes)));
  const entry: CachedImage = { width: header.orientedWidth, height: header.orientedHeight, variants };
  entry.placeholderColor = await dominantColor(variants[0]!.bytes);
  return entry;
}

/** Adds the per-source parts (path, media types, content-hashed names) to a cache entry. */
function nameVariants(source: string, entry: CachedImage): ProcessedImage {
  const image: ProcessedImage = {
    source,
    width: entry.width,
    height: entry.height,
    variants: entry.variants.map((v) => ({
      format: v.format,
      width: v.width,
      height: v.height,
      mediaType: variantMediaType(v.format),
      bytes: v.bytes,
      fileName: variantFileName(source, v.width, v.format, sha256Hex(v.bytes)),
    })),
  };
  if (entry.placeholderColor !== undefined) image.placeholderColor = entry.placeholderColor;
  return image;
}
