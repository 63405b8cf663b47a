/** One file of the input, by its path inside the package (POSIX, no leading slash). */
export interface SourceFile {
  /** Path inside the package or folder, `/`-separated, never starting with `/` or containing `..`. */
  path: string;
  bytes: Uint8Array;
}

/** Everything `read/` found at the input path. */
export interface SourceBundle {
  /** What the input was. */
  kind: 'zip' | 'folder' | 'file';
  /** The input path as the user gave it (used as the prefix of diagnostic locations). */
  input: string;
  /** Display prefix for a file inside: `pkg.zip!/` for zips, `folder/` for folders, '' for a single file. */
  displayPrefix: string;
  /** Files by path. A single-file input holds that file under its base name. */
  files: Map<string, SourceFile>;
}

/** Limits applied while reading packages; the defaults suit real portfolios. */
export interface ReadLimits {
  /** Most entries a zip may hold. */
  maxEntries: number;
  /** Most bytes all entries may expand to, together. */
  maxTotalBytes: number;
  /** Most bytes one entry may expand to. */
  maxEntryBytes: number;
  /** Largest allowed ratio of uncompressed to compressed size for entries over 1 MiB. */
  maxCompressionRatio: number;
  /**
   * Largest allowed ratio of the whole package's declared size to its compressed size, judged
   * only once the declared total passes `totalRatioFloor`: many small entries of zeros each
   * stay under the per-entry floor, so only the sum shows the bomb.
   */
  maxTotalRatio: number;
  /** Declared total (bytes) above which `maxTotalRatio` applies. */
  totalRatioFloor: number;
  /**
   * Largest zip (bytes on disk) read into memory whole and inflated entry by entry in one call
   * each; a larger one is streamed from the file. Tests set 0 to check the streaming path.
   * Unset: the default's.
   */
  holdZipBytes?: number;
}

/** Default read limits: 20,000 entries, 2 GiB in all, 512 MiB an entry, ratio 200 an entry, 100 over the whole package past 100 MiB; zips up to 256 MiB held in memory. */
export const defaultReadLimits: ReadLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxCompressionRatio: 200,
  maxTotalRatio: 100,
  totalRatioFloor: 100 * 1024 ** 2,
  holdZipBytes: 256 * 1024 ** 2,
};

/** Returns the display form of a path inside a bundle (`pkg.zip!/a/b.xml`). */
export function displayPath(bundle: Pick<SourceBundle, 'displayPrefix'>, path: string): string {
  return bundle.displayPrefix + path;
}
