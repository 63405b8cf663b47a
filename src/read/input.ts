/**
 * The one place that decides what the input path is: a folder, a zip (by its first bytes, not
 * its extension: LMS exports are often `.imscc`, `.pkg` or have no extension), or one file.
 */
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { diagnostic, type Diagnostic, type Result } from '../diagnostics/index.ts';
import { bytesOf } from './bytes.ts';
import { codeOf, errorMessage } from './errors.ts';
import { readFolder } from './folder.ts';
import { defaultReadLimits, type ReadLimits, type SourceBundle } from './types.ts';
import { readZip } from './zip.ts';

/** `PK\x03\x04` (a local file header) or `PK\x05\x06` (end of central directory: an empty zip), APPNOTE 4.3.7 / 4.3.16. */
function isZipMagic(head: Uint8Array): boolean {
  if (head[0] !== 0x50 || head[1] !== 0x4b) return false;
  return (head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6);
}

/** Reads whatever is at `path` (as the user gave it): a folder, a zip package, or a single file. */
export async function readInput(path: string, limits: ReadLimits = defaultReadLimits): Promise<Result<SourceBundle | undefined>> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail(diagnostic('InputNotFound', `Nothing exists at ${path}.`, { file: path }));
    return fail(diagnostic('InputUnreadable', `${path} could not be read: ${errorMessage(err)}.`, { file: path }));
  }
  if (info.isDirectory()) return readFolder(path, limits);
  if (!info.isFile()) {
    return fail(diagnostic('InputKindUnknown', `${path} is neither a file nor a folder.`, { file: path }));
  }

  let head: Head;
  try {
    head = await readUnlessZip(path, limits.maxEntryBytes);
  } catch (err) {
    return fail(diagnostic('InputUnreadable', `${path} could not be read: ${errorMessage(err)}.`, { file: path }));
  }
  // Outside the catch above: a bug inside readZip must surface as one, not as "unreadable".
  if (head.kind === 'zip') return readZip(path, limits);
  if (head.kind === 'too large') {
    return fail(diagnostic('InputTooLarge', `${path} is ${head.size} bytes, more than the limit of ${limits.maxEntryBytes} for one file.`, { file: path }));
  }
  return { value: singleFile(path, head.bytes), diagnostics: [] };
}

/** What the first bytes said: a zip (yauzl reads it), a file too large to hold, or its bytes. */
type Head = { kind: 'zip' } | { kind: 'too large'; size: number } | { kind: 'bytes'; bytes: Uint8Array };

/** Reads the file unless it is a zip; the size limit applies to a single file, not to a zip. */
async function readUnlessZip(path: string, maxBytes: number): Promise<Head> {
  const handle = await open(path, 'r');
  try {
    const magic = new Uint8Array(4);
    const { bytesRead } = await handle.read(magic, 0, 4, 0);
    if (bytesRead === 4 && isZipMagic(magic)) return { kind: 'zip' };
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'too large', size };
    return { kind: 'bytes', bytes: bytesOf(await handle.readFile()) };
  } finally {
    await handle.close();
  }
}

/**
 * One file as a bundle: keyed by its base name, with the rest of the path as given as the
 * display prefix, so `displayPath` gives back exactly what the user typed (`./cv.xml` stays
 * `./cv.xml`, which `path.dirname` would turn into `.`).
 */
function singleFile(path: string, bytes: Uint8Array): SourceBundle {
  const cut = Math.max(path.lastIndexOf('/'), sep === '\\' ? path.lastIndexOf('\\') : -1);
  const name = path.slice(cut + 1);
  return {
    kind: 'file',
    input: path,
    displayPrefix: path.slice(0, cut + 1),
    files: new Map([[name, { path: name, bytes }]]),
  };
}

/** A failed read: no bundle, one diagnostic. */
function fail(d: Diagnostic): Result<undefined> {
  return { value: undefined, diagnostics: [d] };
}
