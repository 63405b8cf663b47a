/**
 * Reads a folder into memory. Symbolic links are reported and never followed: a link in a
 * shared portfolio folder could otherwise pull `~/.ssh/id_rsa` into a published site.
 */
import { constants, type Dirent } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import { bytesOf } from './bytes.ts';
import { codeOf, errorMessage } from './errors.ts';
import { defaultReadLimits, type ReadLimits, type SourceBundle, type SourceFile } from './types.ts';

/** What one walk carries down: no module-level state, so two reads never share anything. */
interface Walk {
  dir: string;
  displayPrefix: string;
  limits: ReadLimits;
  bag: DiagnosticBag;
  files: Map<string, SourceFile>;
  total: number;
}

/**
 * O_NOFOLLOW closes the gap between listing and opening: a file swapped for a link in between
 * fails with ELOOP instead of being followed. O_NONBLOCK keeps a FIFO swapped in from hanging
 * the open. Both are 0 on Windows, where the listing check stands alone.
 */
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Reads every file under `dir`, skipping dot-files, `.git`, `node_modules` and symbolic links. */
export async function readFolder(dir: string, limits: ReadLimits = defaultReadLimits): Promise<Result<SourceBundle>> {
  const endsWithSep = dir.endsWith('/') || (sep === '\\' && dir.endsWith('\\'));
  const walk: Walk = {
    dir,
    displayPrefix: endsWithSep ? dir : `${dir}/`,
    limits,
    bag: new DiagnosticBag(),
    files: new Map(),
    total: 0,
  };
  await walkFolder(walk, '');
  const value: SourceBundle = { kind: 'folder', input: dir, displayPrefix: walk.displayPrefix, files: walk.files };
  return { value, diagnostics: walk.bag.items };
}

/** Skipped names: version control, dependencies, and hidden files (editor and OS clutter). */
function isSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Walks one folder (`rel` is POSIX and relative to the root, '' for the root), in name order. */
async function walkFolder(walk: Walk, rel: string): Promise<void> {
  let entries: Dirent[];
  try {
    // Dirent types come from the listing itself (lstat semantics): links are seen as links.
    entries = await readdir(rel === '' ? walk.dir : join(walk.dir, ...rel.split('/')), { withFileTypes: true });
  } catch (err) {
    walk.bag.add('InputUnreadable', `The folder could not be read: ${errorMessage(err)}.`, { file: walk.displayPrefix + rel });
    return;
  }
  // Sorted so the bundle and the diagnostics come out the same on every file system.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      walk.bag.add('FolderEntrySymlink', `${walk.displayPrefix + path} is a symbolic link and was not followed.`, { file: walk.displayPrefix + path });
    } else if (entry.isDirectory()) {
      await walkFolder(walk, path);
    } else if (entry.isFile()) {
      await readOneFile(walk, path);
    }
    // Anything else (FIFO, socket, device) is skipped: reading one could block or never end.
  }
}

/** Reads one regular file, checking type and size on the opened handle, not on the name. */
async function readOneFile(walk: Walk, path: string): Promise<void> {
  const at = { file: walk.displayPrefix + path };
  let handle: FileHandle;
  try {
    handle = await open(join(walk.dir, ...path.split('/')), openFlags);
  } catch (err) {
    if (codeOf(err) === 'ELOOP') {
      walk.bag.add('FolderEntrySymlink', `${at.file} became a symbolic link while being read and was not followed.`, at);
    } else {
      walk.bag.add('InputUnreadable', `The file could not be opened: ${errorMessage(err)}.`, at);
    }
    return;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return;
    if (stat.size > walk.limits.maxEntryBytes) {
      walk.bag.add('InputTooLarge', `The file is ${stat.size} bytes, more than the limit of ${walk.limits.maxEntryBytes}; it was skipped.`, at);
      return;
    }
    if (walk.total + stat.size > walk.limits.maxTotalBytes) {
      walk.bag.add('InputTooLarge', `Reading this file would pass the limit of ${walk.limits.maxTotalBytes} bytes for the whole input; it was skipped.`, at);
      return;
    }
    const bytes = bytesOf(await handle.readFile());
    walk.total += bytes.length;
    walk.files.set(path, { path, bytes });
  } catch (err) {
    walk.bag.add('InputUnreadable', `The file could not be read: ${errorMessage(err)}.`, at);
  } finally {
    await handle.close();
  }
}
