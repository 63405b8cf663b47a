/**
 * Removing an image's metadata while keeping the image: the same format and size, re-encoded
 * by sharp without EXIF (GPS position, camera, dates), XMP, IPTC, ICC profile or comments. The
 * EXIF orientation is applied to the pixels first, so the picture still stands the right way.
 * Used by `vitrine pack --strip-metadata`; a site's images are stripped by process.ts.
 */
import sharp from 'sharp';
import { makeFile } from '../../model/files.ts';
import type { PortfolioFile } from '../../model/types.ts';
import { isRasterImage, sniffImageFormat } from './formats.ts';

/** Formats written back as they were read. */
const WRITABLE = ['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const;

/**
 * The file without its metadata, or undefined when it is an image that could not be
 * re-encoded (its metadata could then not be removed). Files that are not raster images come
 * back unchanged.
 */
export async function stripImageMetadata(file: PortfolioFile): Promise<PortfolioFile | undefined> {
  const sniffed = sniffImageFormat(file.bytes);
  if (!sniffed && !isRasterImage(file)) return file;
  try {
    const input = sharp(Buffer.from(file.bytes), { animated: sniffed === 'gif' || sniffed === 'webp', limitInputPixels: 100_000_000 });
    const meta = await input.metadata();
    const name = String(sniffed ?? meta.format ?? '');
    const format = WRITABLE.find((f) => f === name);
    if (!format) return undefined;
    const quality = format === 'jpeg' || format === 'webp' || format === 'avif' ? { quality: 92 } : {};
    const oriented = meta.orientation && meta.orientation !== 1 ? input.rotate() : input;
    const bytes = await oriented.toFormat(format, quality).toBuffer();
    return { ...makeFile(file.path, new Uint8Array(bytes)), mediaType: file.mediaType, ...(file.about ? { about: file.about } : {}) };
  } catch {
    return undefined;
  }
}
