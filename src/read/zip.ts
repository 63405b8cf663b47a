/**
 * Reads a zip package into memory. Order matters: the whole central directory is walked and
 * checked (zip-checks.ts) before anything is inflated, and inflating is then capped entry by
 * entry, so a hostile package is refused at the cost of reading its directory. Nothing is
 * ever written to disk. yauzl, not adm-zip: it streams, and adm-zip inflates a whole entry in
 * memory (1 GiB for a 1 MB bomb; shared/TOOLCHAIN.md).
 */
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { diagnostic, type Diagnostic, type Result } from '../diagnostics/index.ts';
import { bytesOf } from './bytes.ts';
import { crc32 } from './crc32.ts';
import { codeOf, errorMessage } from './errors.ts';
import { defaultReadLimits, type ReadLimits, type SourceBundle, type SourceFile } from './types.ts';
import { entryLocation, planEntries, type NamedRecord } from './zip-checks.ts';
import { printableName } from './zip-names.ts';

/**
 * decodeStrings off: with it on, yauzl turns a hostile name into one error for the whole zip,
 * losing the entry; we decode (CP437 or UTF-8, Info-ZIP Unicode path field) and judge each
 * name ourselves. strictFileNames keeps backslashes visible so they can be refused.
 */
const openOptions: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: true,
  strictFileNames: true,
};

/** Reads a zip at `path` (as the user gave it); any refusal gives `undefined`, never a partial bundle. */
export async function readZip(path: string, limits: ReadLimits): Promise<Result<SourceBundle | undefined>> {
  let zip: ZipFile;
  let held: Buffer | undefined;
  try {
    // A package of ordinary size is read into memory once: one read instead of a small read
    // per entry (1,000-part packages spent a quarter of their reading time waiting on those).
    // The compressed size is what is held; entries are still inflated under the limits below.
    const size = (await stat(path)).size;
    if (size <= (limits.holdZipBytes ?? defaultReadLimits.holdZipBytes!)) held = await readFile(path);
    zip = held ? await yauzl.fromBufferPromise(held, openOptions) : await yauzl.openPromise(path, openOptions);
  } catch (err) {
    return refuse(openFailure(path, err));
  }
  try {
    // The end-of-central-directory record states the count: refuse before walking 10^6 records.
    if (zip.entryCount > limits.maxEntries) {
      return refuse(diagnostic('ZipTooManyEntries', `The package holds ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}.`, { file: path }));
    }
    const walked = await walkDirectory(path, zip);
    if (!Array.isArray(walked)) return refuse(walked);

    const plan = planEntries(path, walked, limits);
    if (plan.refusals.length > 0) return { value: undefined, diagnostics: [...plan.refusals, ...plan.warnings] };

    const files = new Map<string, SourceFile>();
    for (const { record, path: name } of plan.files) {
      const bytes = held ? await inflateHeldEntry(zip, held, record) : await inflateEntry(zip, record);
      if (typeof bytes === 'string') {
        const where = { file: entryLocation(path, name) };
        return refuse(diagnostic('ZipEntryCorrupt', `Entry "${printableName(name)}" ${bytes}; the package is refused.`, where), ...plan.warnings);
      }
      files.set(name, { path: name, bytes });
    }
    return { value: { kind: 'zip', input: path, displayPrefix: `${path}!/`, files }, diagnostics: plan.warnings };
  } finally {
    zip.close();
  }
}

/** A refusal: the diagnostics and no bundle. */
function refuse(...diagnostics: Diagnostic[]): Result<undefined> {
  return { value: undefined, diagnostics };
}

/** Walks every central-directory record, decoding names but judging nothing yet. */
async function walkDirectory(path: string, zip: ZipFile): Promise<Array<NamedRecord<Entry>> | Diagnostic> {
  const records: Array<NamedRecord<Entry>> = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      records.push({ record: entry, name });
    }
  } catch (err) {
    const message = errorMessage(err);
    // yauzl checks stored entries' two sizes while walking and names no entry when they differ.
    if (message.includes('size mismatch for stored file')) {
      return diagnostic('ZipEntryCorrupt', `Entry ${records.length + 1} of the package lies about its size (${message}); the package is refused.`, { file: path });
    }
    return diagnostic('ZipInvalid', `The zip's central directory is damaged: ${message}.`, { file: path });
  }
  return records;
}

/**
 * Inflates one entry, counting bytes as they come: past the declared size it stops at once
 * (yauzl checks too, but a few chunks later; this keeps the cap ours). The declared size was
 * already held to the limits, so memory is bounded by them. yauzl never checks the CRC-32;
 * we do, so damaged data is refused rather than parsed. Returns the bytes or why not.
 */
async function inflateEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array | string> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    return `cannot be read (${errorMessage(err)})`;
  }
  const declared = entry.uncompressedSize;
  // One allocation of the declared size (already within the limits) and no second copy.
  const out = new Uint8Array(declared);
  let size = 0;
  let crc = 0;
  let bug: Error | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<unknown>) {
      if (!Buffer.isBuffer(chunk)) {
        bug = new Error('yauzl gave a chunk that is not a Buffer');
        break;
      }
      if (size + chunk.length > declared) {
        stream.destroy();
        return expandsPast(declared);
      }
      const bytes = bytesOf(chunk);
      crc = crc32(bytes, crc);
      out.set(bytes, size);
      size += bytes.length;
    }
  } catch (err) {
    return `cannot be inflated (${errorMessage(err)})`;
  }
  if (bug) throw bug; // ours or yauzl's, not the user's: an internal error with its stack
  return lie(entry, size, crc) ?? out;
}

function expandsPast(declared: number): string {
  return `expands past its declared size of ${declared} bytes`;
}

/** What is wrong with an inflated entry whose size and CRC-32 are these, the same words on both paths. */
function lie(entry: Entry, size: number, crc: number): string | undefined {
  if (size !== entry.uncompressedSize) return `holds ${size} bytes but declares ${entry.uncompressedSize}`;
  if (crc !== entry.crc32) return 'fails its CRC-32 checksum';
  return undefined;
}

/**
 * Inflates one entry of a zip held in memory in one synchronous call: yauzl finds and checks the
 * entry's local header, and zlib inflates the slice with its output capped at the declared size
 * (already within the limits), so a bomb stops there. The streams of inflateEntry cost several
 * turns of the event loop per entry: a 3,300-entry package took 460-540 ms to read that way.
 * The same checks, with the same words: the declared size, then the CRC-32.
 */
async function inflateHeldEntry(zip: ZipFile, held: Buffer, entry: Entry): Promise<Uint8Array | string> {
  let start: number;
  try {
    start = await new Promise<number>((resolve, reject) => zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => (err ? reject(err) : resolve(header.fileDataStart))));
  } catch (err) {
    return `cannot be read (${errorMessage(err)})`;
  }
  const raw = held.subarray(start, start + entry.compressedSize);
  const declared = entry.uncompressedSize;
  let out: Uint8Array;
  if (entry.compressionMethod === 0) {
    if (raw.length > declared) return expandsPast(declared);
    out = new Uint8Array(raw);
  } else {
    try {
      // One output chunk of the declared size (and a byte to tell a longer stream): zlib's
      // 16 KiB default left small entries each holding a 16 KiB block, and joined the chunks
      // of a large one into a second copy (twice the declared size at the peak).
      const size = Math.max(1, declared);
      const inflated = inflateRawSync(raw, { maxOutputLength: size, chunkSize: Math.max(64, size + 1) });
      // A small result may sit in Node's shared buffer pool: it gets a buffer of its own.
      out = inflated.buffer.byteLength > inflated.byteLength + 64 ? new Uint8Array(inflated) : bytesOf(inflated);
    } catch (err) {
      if (codeOf(err) === 'ERR_BUFFER_TOO_LARGE') return expandsPast(declared);
      return `cannot be inflated (${errorMessage(err)})`;
    }
  }
  return lie(entry, out.length, crc32(out, 0)) ?? out;
}

/** Maps a failure to open the zip: missing, unreadable, or not a zip. */
function openFailure(path: string, err: unknown): Diagnostic {
  const code = codeOf(err);
  if (code === 'ENOENT') return diagnostic('InputNotFound', `There is no file at ${path}.`, { file: path });
  if (code !== '') return diagnostic('InputUnreadable', `${path} could not be read: ${errorMessage(err)}.`, { file: path });
  return diagnostic('ZipInvalid', `${path} is not a readable zip archive: ${errorMessage(err)}.`, { file: path });
}
