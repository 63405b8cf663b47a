/**
 * Checks on a zip's central directory, done before a single byte is inflated: the names, the
 * entry types and the declared sizes decide whether the package is read at all. yauzl later
 * holds every entry to its declared size, so refusing on declared sizes bounds the real ones.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import type { ReadLimits } from './types.ts';
import { checkEntryName, printableName, type CheckedName } from './zip-names.ts';

/** The central-directory fields the checks need (a yauzl `Entry` has them all). */
export interface CentralRecord {
  compressedSize: number;
  uncompressedSize: number;
  externalFileAttributes: number;
  relativeOffsetOfLocalHeader: number;
  canDecodeFileData(): boolean;
}

/** A central-directory record with its decoded (unchecked) name. */
export interface NamedRecord<R extends CentralRecord> {
  record: R;
  name: string;
}

/** What the checks decided: refusals (errors), warnings, and the files to inflate. */
export interface EntryPlan<R extends CentralRecord> {
  refusals: Diagnostic[];
  warnings: Diagnostic[];
  files: Array<{ record: R; path: string }>;
}

/** Ratios are only judged above this size: small, repetitive XML legitimately compresses 50-100x. */
const ratioFloor = 1024 ** 2;
/** Refusals listed one by one before the rest are summed up (a hostile zip can hold 20,000). */
const maxListed = 50;
/**
 * A local file header is at least 30 bytes (APPNOTE 4.3.7), so the next entry cannot start
 * closer than that plus the data. The local name may differ from the central one, so it is
 * not counted: this is a lower bound that no honest zip breaks.
 */
const localHeaderMin = 30;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Display form of an entry for locations: `pkg.zip!/name`, control characters escaped. */
export function entryLocation(zipPath: string, name: string): string {
  return `${zipPath}!/${printableName(name)}`;
}

/** Checks every record and the archive as a whole; nothing is inflated here. */
export function planEntries<R extends CentralRecord>(
  zipPath: string,
  records: Array<NamedRecord<R>>,
  limits: ReadLimits,
): EntryPlan<R> {
  const refusals: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const files: Array<{ record: R; path: string }> = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let compressedTotal = 0;

  for (const { record, name } of records) {
    const at = { file: entryLocation(zipPath, name) };
    const checked = checkEntryName(name);
    const refusal = checkRecord(record, name, checked, limits);
    if (refusal) {
      refusals.push(diagnostic(refusal.code, refusal.message, at));
      continue;
    }
    if (!checked.ok || checked.isDirectory) continue; // directories hold no bytes
    declaredTotal += record.uncompressedSize;
    compressedTotal += record.compressedSize;
    if (seen.has(checked.path)) {
      warnings.push(diagnostic('ZipDuplicateEntry', `The package holds "${printableName(checked.path)}" more than once; the first copy is used.`, at));
      continue;
    }
    seen.add(checked.path);
    files.push({ record, path: checked.path });
  }

  // Counted over every kept file, duplicates included: each copy would be inflated by a naive reader.
  if (declaredTotal > limits.maxTotalBytes) {
    refusals.push(diagnostic('ZipTooLarge', `The package would expand to ${declaredTotal} bytes, more than the limit of ${limits.maxTotalBytes}.`, { file: zipPath }));
  }
  // Entries of up to 1 MiB are never judged one by one, so 2,000 of them full of zeros (2 GB
  // from 2 MB) passed every check above: the package as a whole is held to a ratio too.
  else if (declaredTotal > limits.totalRatioFloor && declaredTotal > compressedTotal * limits.maxTotalRatio) {
    const ratio = compressedTotal === 0 ? 'infinitely' : `${Math.round(declaredTotal / compressedTotal)} times`;
    refusals.push(diagnostic('ZipCompressionRatio', `The package would expand ${ratio} in all (${declaredTotal} bytes from ${compressedTotal}; limit ${limits.maxTotalRatio} times past ${limits.totalRatioFloor} bytes); it looks like a zip bomb.`, { file: zipPath }));
  }
  refusals.push(...overlaps(zipPath, records));
  return { refusals: summarise(refusals), warnings, files };
}

/** The first reason one record is refused, in order of seriousness, or undefined. */
function checkRecord(
  record: CentralRecord,
  name: string,
  checked: CheckedName,
  limits: ReadLimits,
): { code: Diagnostic['code']; message: string } | undefined {
  if (!checked.ok) {
    return { code: 'ZipEntryOutsideRoot', message: `Entry name "${printableName(name)}" ${checked.reason}; the package is refused.` };
  }
  // Unix mode sits in the high 16 bits of the external attributes (APPNOTE 4.4.15, Info-ZIP).
  // Checked whatever the "made by" host says: a forged host byte must not hide a link.
  if (((record.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    return { code: 'ZipEntrySymlink', message: `Entry "${printableName(name)}" is a symbolic link; the package is refused.` };
  }
  if (checked.isDirectory) return undefined;
  if (!record.canDecodeFileData()) {
    return { code: 'ZipEntryUnsupported', message: `Entry "${printableName(name)}" is encrypted or uses a compression method other than store or deflate.` };
  }
  if (record.uncompressedSize > limits.maxEntryBytes) {
    return { code: 'ZipTooLarge', message: `Entry "${printableName(name)}" would expand to ${record.uncompressedSize} bytes, more than the limit of ${limits.maxEntryBytes}.` };
  }
  if (record.uncompressedSize > ratioFloor && record.uncompressedSize > record.compressedSize * limits.maxCompressionRatio) {
    const ratio = record.compressedSize === 0 ? 'infinitely' : `${Math.round(record.uncompressedSize / record.compressedSize)} times`;
    return { code: 'ZipCompressionRatio', message: `Entry "${printableName(name)}" would expand ${ratio} (limit ${limits.maxCompressionRatio}); it looks like a zip bomb.` };
  }
  return undefined;
}

/**
 * Entries whose data overlap: the "better zip bomb" (Fifield, 2019) points many central
 * records at one compressed kernel. No honest writer shares data, so any overlap is refused.
 */
function overlaps<R extends CentralRecord>(zipPath: string, records: Array<NamedRecord<R>>): Diagnostic[] {
  const sorted = [...records].sort((a, b) => a.record.relativeOffsetOfLocalHeader - b.record.relativeOffsetOfLocalHeader);
  const found: Diagnostic[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as NamedRecord<R>;
    const cur = sorted[i] as NamedRecord<R>;
    const prevEnd = prev.record.relativeOffsetOfLocalHeader + localHeaderMin + prev.record.compressedSize;
    if (cur.record.relativeOffsetOfLocalHeader < prevEnd) {
      found.push(diagnostic('ZipEntryCorrupt', `Entry "${printableName(cur.name)}" shares its data with "${printableName(prev.name)}"; the package is refused.`, { file: entryLocation(zipPath, cur.name) }));
    }
  }
  return found;
}

/** Keeps the first refusals and sums up the rest, so a hostile zip cannot flood the output. */
function summarise(refusals: Diagnostic[]): Diagnostic[] {
  if (refusals.length <= maxListed) return refusals;
  const rest = refusals.slice(maxListed);
  const first = rest[0] as Diagnostic;
  const more = diagnostic(first.code, `${rest.length} more refusals are not listed.`, first.location);
  return [...refusals.slice(0, maxListed), more];
}
