/**
 * A disk cache of processed images, one instance per build, passed down (never module-level).
 *
 * An entry is keyed by the source's sha256, the settings that change the output and the
 * versions of sharp and libvips. It is a set of files `<key>-<width>.<ext>` plus `<key>.json`,
 * an index holding each file's sha256. A hit reads and checks files only: no sharp work. Each
 * file is written to a temporary name and renamed, and the index last, so a build that stops
 * half-way (or two builds at once) leaves no entry that looks complete but is not; a file that
 * does not match its index anyway (disk trouble, a hand edit) makes the entry a miss, and the
 * rebuilt entry overwrites it.
 *
 * The cache holds resized copies of every image, those of protected views too, in clear: its
 * folder is made (and, when it exists, set) owner-only, 0700, with files 0600, so other users
 * of the machine cannot read them (docs/access.md names the folder).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { variantExtension } from './formats.ts';
import { sha256Hex } from './naming.ts';
import { writeFileAtomic } from '../../write/atomic.ts';
import { makeFolder } from '../../write/folders.ts';
import type { ImageCacheStats, VariantFormat } from './types.ts';

/** One encoded variant as cached: no file name (that depends on the source path, not the key). */
export interface CachedVariant {
  format: VariantFormat;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** What the cache holds for one key: a `ProcessedImage` without the source path and names. */
export interface CachedImage {
  width: number;
  height: number;
  placeholderColor?: string;
  variants: CachedVariant[];
}

/** The index file's shape. */
interface IndexFile {
  key: string;
  width: number;
  height: number;
  placeholderColor?: string;
  variants: { format: VariantFormat; width: number; height: number; file: string; sha256: string }[];
}

const variantFormats: readonly string[] = ['webp', 'avif', 'jpeg', 'png', 'gif'];

/** The versions that make up part of every key: a new libvips or sharp may encode differently. */
export function encoderVersions(): { vips: string; sharp: string } {
  return { vips: sharp.versions.vips, sharp: sharp.versions.sharp };
}

/**
 * The cache key: hex sha256 of the source's sha256, the JSON of the output settings and the
 * encoder versions. `settings` must hold everything that changes the bytes produced, and build
 * its objects in a fixed property order (JSON.stringify keeps insertion order).
 */
export function imageCacheKey(sourceSha256: string, settings: unknown, versions = encoderVersions()): string {
  return sha256Hex(Buffer.from(JSON.stringify({ source: sourceSha256, settings, versions }), 'utf8'));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isDimension = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The index as read from disk, or undefined when it is not exactly what `put` writes. */
function parseIndex(text: string, key: string): IndexFile | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(v) || v.key !== key || !isDimension(v.width) || !isDimension(v.height)) return undefined;
  if (v.placeholderColor !== undefined && typeof v.placeholderColor !== 'string') return undefined;
  if (!Array.isArray(v.variants) || v.variants.length === 0) return undefined;
  for (const x of v.variants as unknown[]) {
    if (!isObject(x) || typeof x.format !== 'string' || !variantFormats.includes(x.format)) return undefined;
    if (!isDimension(x.width) || !isDimension(x.height)) return undefined;
    if (x.file !== `${key}-${x.width}.${variantExtension(x.format as VariantFormat)}`) return undefined;
    if (typeof x.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(x.sha256)) return undefined;
  }
  return v as unknown as IndexFile;
}

/** The image cache of one build; see the file comment. */
export class ImageCache {
  /** Lookups so far: each `get` is a hit or a miss. */
  readonly stats: ImageCacheStats = { hits: 0, misses: 0 };

  /** @param dir folder of the cache, e.g. `.vitrine-cache/images`; created on first write. */
  constructor(readonly dir: string) {}

  /** The key of a source under output settings (see `imageCacheKey`). */
  key(sourceSha256: string, settings: unknown): string {
    return imageCacheKey(sourceSha256, settings);
  }

  private secured: Promise<void> | undefined;

  /** Creates the folder owner-only (0700), or makes an existing one so, once per build. */
  private secure(): Promise<void> {
    return (this.secured ??= makeFolder(this.dir, { ownerOnly: true }));
  }

  /** The entry for a key, or undefined (a miss) when absent, incomplete or corrupt. */
  async get(key: string): Promise<CachedImage | undefined> {
    // An existing folder made by an older version is tightened before anything is read from it;
    // a folder that cannot be made is a miss here (put reports it).
    await this.secure().catch(() => {
      this.secured = undefined;
    });
    const entry = await this.read(key);
    if (entry) this.stats.hits++;
    else this.stats.misses++;
    return entry;
  }

  /** Stores an entry: the variant files first, then the index that makes them visible. */
  async put(key: string, entry: CachedImage): Promise<void> {
    await this.secure();
    const index: IndexFile = { key, width: entry.width, height: entry.height, variants: [] };
    if (entry.placeholderColor !== undefined) index.placeholderColor = entry.placeholderColor;
    for (const v of entry.variants) {
      const file = `${key}-${v.width}.${variantExtension(v.format)}`;
      await writeFileAtomic(join(this.dir, file), v.bytes, { mode: 0o600 });
      index.variants.push({ format: v.format, width: v.width, height: v.height, file, sha256: sha256Hex(v.bytes) });
    }
    await writeFileAtomic(join(this.dir, `${key}.json`), JSON.stringify(index), { mode: 0o600 });
  }

  private async read(key: string): Promise<CachedImage | undefined> {
    if (!/^[0-9a-f]{64}$/.test(key)) return undefined;
    let text: string;
    try {
      text = await readFile(join(this.dir, `${key}.json`), 'utf8');
    } catch {
      return undefined;
    }
    const index = parseIndex(text, key);
    if (!index) return undefined;
    const variants: CachedVariant[] = [];
    for (const v of index.variants) {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(this.dir, v.file));
      } catch {
        return undefined;
      }
      if (sha256Hex(bytes) !== v.sha256) return undefined;
      // A plain Uint8Array view, as `processImage` returns on a miss, so hits and misses compare equal.
      variants.push({ format: v.format, width: v.width, height: v.height, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    }
    const entry: CachedImage = { width: index.width, height: index.height, variants };
    if (index.placeholderColor !== undefined) entry.placeholderColor = index.placeholderColor;
    return entry;
  }
}
