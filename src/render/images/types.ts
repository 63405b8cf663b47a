/**
 * Public types of the image stage: what a build asks for (`ImageOptions`) and what it gets
 * back (`ProcessedImage` with its `ImageVariant`s).
 */

/** A format to produce: `'original'` means the source's own format (TIFF becomes JPEG or PNG). */
export type ImageFormatOption = 'webp' | 'avif' | 'original';

/** A format a variant is encoded in (what browsers display). */
export type VariantFormat = 'webp' | 'avif' | 'jpeg' | 'png' | 'gif';

/** A raster format this stage reads (decided by sniffing the bytes, not by the media type). */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff';

/** What to produce for each image. Every field changes the output, so all are in the cache key. */
export interface ImageOptions {
  /** Target widths in pixels; a width above the original's is clamped to it (never upscaled). */
  widths: number[];
  /** Formats of each width, in the order a `<picture>` should list them. */
  formats: ImageFormatOption[];
  /** Quality 1-100 for the lossy encoders (WebP, AVIF, JPEG); each has its own default. */
  quality?: number;
  /** Images with more pixels than this are refused (`ImageTooLarge`): decompression bombs. */
  maxInputPixels: number;
}

/** One encoded file of an image: a format at a width. */
export interface ImageVariant {
  format: VariantFormat;
  width: number;
  height: number;
  mediaType: string;
  bytes: Uint8Array;
  /** `<stem>-<width>.<hash8>.<ext>`, hash8 from the bytes: stable across rebuilds. */
  fileName: string;
}

/** A source image turned into web variants, metadata stripped. */
export interface ProcessedImage {
  /** Path of the source `PortfolioFile`. */
  source: string;
  /** Width of the original after EXIF orientation is applied. */
  width: number;
  /** Height of the original after EXIF orientation is applied. */
  height: number;
  /** Ordered by format (as in `ImageOptions.formats`), then by width ascending. */
  variants: ImageVariant[];
  /** Dominant colour as `#rrggbb`, for a background while the image loads. */
  placeholderColor?: string;
}

/** Counts of one cache's lookups: one per image, not per variant. */
export interface ImageCacheStats {
  hits: number;
  misses: number;
}
