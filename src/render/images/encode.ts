/**
 * The sharp calls: read a header, encode one variant, check that no metadata survived, find a
 * placeholder colour.
 *
 * Every call builds its own sharp pipeline from a Buffer: nothing is shared between calls or
 * builds. sharp's thread count (`sharp.concurrency`) is process-wide: {@link sizeThreads} sets
 * it from the core count alone (images/parallel.ts), the same value every time.
 */
import sharp from 'sharp';
import { vipsThreads } from './parallel.ts';

/** Sizes libvips' threads per operation to the machine (see {@link vipsThreads}); returns the count set. */
export function sizeThreads(): number {
  return sharp.concurrency(vipsThreads());
}
import type { CachedVariant } from './cache.ts';
import type { VariantFormat } from './types.ts';

/** Every encoder setting that changes output bytes; part of the cache key. */
export interface EncoderSettings {
  /** Bump when the pipeline itself changes (kernel, orientation, colour handling). */
  pipeline: number;
  webp: { quality: number; effort: number };
  avif: { quality: number; effort: number };
  jpeg: { quality: number; progressive: boolean; mozjpeg: boolean };
  png: { compressionLevel: number; adaptiveFiltering: boolean };
  gif: { effort: number };
}

/**
 * The encoder settings for an optional quality: written out, so a sharp release that changes a
 * default cannot silently change output (its version is in the cache key anyway). AVIF uses
 * effort 3, not sharp's 4: for the Mahara sample photo at 800 pixels, effort 4 took 2.5-3.5 s
 * and effort 3 0.65 s here, for a file 3% larger (effort 2: 0.35-0.45 s, 12% larger).
 */
export function encoderSettings(quality?: number): EncoderSettings {
  return {
    pipeline: 1,
    // effort 2: encodes 1.7x faster than the default 4 on 1600 px photos, for slightly larger files.
    webp: { quality: quality ?? 80, effort: 2 },
    avif: { quality: quality ?? 50, effort: 3 },
    jpeg: { quality: quality ?? 80, progressive: true, mozjpeg: false },
    png: { compressionLevel: 9, adaptiveFiltering: false },
    gif: { effort: 7 },
  };
}

/** A plain Uint8Array over a Buffer's bytes (no copy). */
export function toUint8Array(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A Buffer over a Uint8Array's bytes (no copy): sharp is given Buffers, never paths. */
export function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** What a header read tells about a source. */
export interface SourceHeader {
  /** sharp's name of the decoder: jpeg, png, webp, gif, heif, tiff, ... */
  decoder: string;
  /** Size of the first frame as stored (before orientation). */
  width: number;
  height: number;
  /** Size of the first frame after EXIF orientation. */
  orientedWidth: number;
  orientedHeight: number;
  pages: number;
  hasAlpha: boolean;
}

/**
 * Reads the header only: no pixels are decoded, so it is safe on a file claiming huge
 * dimensions, which is why the pixel limit is off here and checked by the caller against
 * the numbers (giving a message with the size) before any decoding starts.
 */
export async function readHeader(input: Buffer): Promise<SourceHeader> {
  const m = await sharp(input, { limitInputPixels: false }).metadata();
  return {
    decoder: m.format,
    width: m.width,
    height: m.height,
    orientedWidth: m.autoOrient.width,
    orientedHeight: m.autoOrient.height,
    pages: m.pages ?? 1,
    hasAlpha: m.hasAlpha,
  };
}

/** One variant to encode. */
export interface VariantSpec {
  format: VariantFormat;
  width: number;
  /** Keep every frame (animated GIF/WebP to GIF/WebP); otherwise the first frame only. */
  animated: boolean;
}

/**
 * Encodes one variant: orient by EXIF first (stripping metadata drops the Orientation tag, so
 * the pixels must be turned before), then resize to the width without ever enlarging. No
 * `withMetadata`/`keepExif`/`keepIccProfile`: sharp then writes no EXIF (GPS included), XMP,
 * IPTC, ICC profile or comments, converting colours to sRGB instead (the caller checks every
 * output with `assertNoMetadata`). `limitInputPixels` refuses pixel bombs at decode time too.
 */
export async function encodeVariant(input: Buffer, spec: VariantSpec, settings: EncoderSettings, maxInputPixels: number): Promise<CachedVariant> {
  const img = sharp(input, { limitInputPixels: maxInputPixels, animated: spec.animated, failOn: 'warning' })
    .rotate()
    .resize({ width: spec.width, withoutEnlargement: true });
  switch (spec.format) {
    case 'webp': img.webp(settings.webp); break;
    case 'avif': img.avif(settings.avif); break;
    case 'jpeg': img.jpeg(settings.jpeg); break;
    case 'png': img.png(settings.png); break;
    case 'gif': img.gif(settings.gif); break;
  }
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  // An animated output is a strip of frames: the frame's height is `pageHeight`.
  const height = spec.animated ? (info.pageHeight ?? info.height) : info.height;
  return { format: spec.format, width: info.width, height, bytes: toUint8Array(data) };
}

/**
 * Throws when encoded bytes still carry metadata. The promise that photos are published
 * without their location rests on sharp's defaults; this makes a change of those defaults a
 * loud internal error instead of a silent leak.
 */
export async function assertNoMetadata(bytes: Uint8Array): Promise<void> {
  const m = await sharp(toBuffer(bytes), { limitInputPixels: false }).metadata();
  const kept = (['exif', 'xmp', 'iptc', 'icc', 'tifftagPhotoshop', 'comments'] as const).filter((k) => m[k] !== undefined);
  if (kept.length > 0) throw new Error(`image metadata survived encoding: ${kept.join(', ')}`);
}

/** The dominant colour of an image as `#rrggbb` (from its smallest variant, so it is cheap). */
export async function dominantColor(bytes: Uint8Array): Promise<string> {
  const { dominant } = await sharp(toBuffer(bytes)).stats();
  return `#${[dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
