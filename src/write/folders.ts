/**
 * Folders that stages other than the site writer need: a cache's or a secrets file's folder,
 * and a scratch folder for a step that wants one on disk (Eleventy's input folder). Kept here
 * so that every write to disk goes through write/.
 */
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Options of `makeFolder`. */
export interface FolderOptions {
  /** Mode of the folders it creates (masked by the umask unless `ownerOnly`). */
  mode?: number;
  /** Make the folder owner-only (0700) even when it exists already (a cache made by an older version). */
  ownerOnly?: boolean;
}

/** Makes a folder and its parents when missing. */
export async function makeFolder(dir: string, options: FolderOptions = {}): Promise<void> {
  const mode = options.ownerOnly ? 0o700 : options.mode;
  await mkdir(dir, mode === undefined ? { recursive: true } : { recursive: true, mode });
  // mkdir's mode is masked by the umask and leaves an existing folder as it was.
  if (options.ownerOnly) await chmod(dir, 0o700);
}

/** Runs `use` with a new, owner-only folder under the system's temporary folder, removed afterwards whatever `use` does. */
export async function withTempFolder<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
