/**
 * Writes a folder the user will own and edit (an authored portfolio from `pack --format
 * authored`, a starter from `init`): only where nothing is yet, all files or none.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Why `dir` may not receive a new folder, or undefined when it is absent or empty. */
export async function newFolderConflict(dir: string): Promise<string | undefined> {
  if (!existsSync(dir)) return undefined;
  try {
    const entries = await readdir(dir);
    return entries.length ? `${dir} already holds ${entries.length} file(s); nothing is overwritten` : undefined;
  } catch {
    return `${dir} exists and is not a folder`;
  }
}

/** Writes `files` as a new folder `dir` (absent or empty), through a temporary folder renamed into place. */
export async function writeNewFolder(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  const out = resolve(dir);
  const conflict = await newFolderConflict(out);
  if (conflict) throw new Error(conflict);
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.new-${process.pid}-${Date.now()}`);
  try {
    for (const [path, bytes] of files) {
      const target = resolve(tmp, path);
      if (!target.startsWith(tmp + '/') && !target.startsWith(tmp + '\\')) throw new Error(`refusing to write ${path} outside ${dir}`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes, { flag: 'wx' });
    }
    // An empty folder is replaced (rmdir refuses anything else, so nothing of the user goes).
    if (existsSync(out)) await rmdir(out);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
