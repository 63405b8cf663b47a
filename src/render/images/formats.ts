/**
 * Which files are raster images, what their bytes really are, and the media type and file
 * extension of each output format.
 */
import type { SourceFormat, VariantFormat } from './types.ts';

/** Media types (lower case, without parameters) of the raster formats read here. */
const rasterMediaTypes: ReadonlyMap<string, SourceFormat> = new Map([
  ['image/jpeg', 'jpeg'],
  ['image/jpg', 'jpeg'],
  ['image/pjpeg', 'jpeg'],
  ['image/png', 'png'],
  ['image/x-png', 'png'],
  ['image/webp', 'webp'],
  ['image/gif', 'gif'],
  ['image/avif', 'avif'],
  ['image/tiff', 'tiff'],
]);

const rasterExtensions: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'jpe', 'png', 'webp', 'gif', 'avif', 'tif', 'tiff']);

/** Media types that say nothing about the content, so the file name decides. */
const genericMediaTypes: ReadonlySet<string> = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * True when a file is meant to be a raster image this stage handles: by its media type, or by
 * its extension when the media type is generic (packages often say application/octet-stream).
 * SVG is deliberately not one: it is markup, not pixels, and is not fed to sharp.
 */
export function isRasterImage(file: { path: string; mediaType: string }): boolean {
  const type = file.mediaType.split(';')[0]!.trim().toLowerCase();
  if (rasterMediaTypes.has(type)) return true;
  if (!genericMediaTypes.has(type)) return false;
  const ext = /\.([^./\\]+)$/.exec(file.path)?.[1]?.toLowerCase();
  return ext !== undefined && rasterExtensions.has(ext);
}

/**
 * True for an image this stage cannot publish: an `image/*` type other than the raster six and
 * SVG (HEIC, BMP, ICO, JPEG XL, ...). Such a file is reported rather than silently dropped.
 */
export function isUnsupportedImage(file: { path: string; mediaType: string }): boolean {
  const type = file.mediaType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('image/') && type !== 'image/svg+xml' && !isRasterImage(file);
}

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/**
 * The format of the bytes from their signature, or undefined when they are none of the six.
 * Checked before sharp sees the bytes: sharp would also load SVG, PDF, HEIC and more, and a
 * file labelled image/png must not reach librsvg because of its label.
 */
export function sniffImageFormat(b: Uint8Array): SourceFormat | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // ISO BMFF (ISO/IEC 14496-12 4.3): size, 'ftyp', major brand, minor version, compatible brands.
  if (ascii(b, 4, 8) === 'ftyp') {
    const size = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    const end = Math.min(size, b.length, 256);
    const brands = [ascii(b, 8, 12)];
    for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(b, i, i + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  }
  return undefined;
}

/** The format a source is published in when `'original'` is asked for. */
export function originalOutputFormat(source: SourceFormat, hasAlpha: boolean): VariantFormat {
  // Browsers do not display TIFF: a photo becomes JPEG, anything with transparency PNG.
  if (source === 'tiff') return hasAlpha ? 'png' : 'jpeg';
  return source;
}

/** Media type of an output format. */
export function variantMediaType(format: VariantFormat): string {
  return `image/${format}`;
}

/** File extension (without the dot) of an output format. */
export function variantExtension(format: VariantFormat): string {
  return format === 'jpeg' ? 'jpg' : format;
}

/** Output formats that keep every frame of an animated source; the others keep the first. */
export function keepsAnimation(format: VariantFormat): boolean {
  return format === 'gif' || format === 'webp';
}
