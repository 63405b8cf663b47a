/**
 * Folders that stages other than the site writer need: a cache's or a secrets file's folder,
 * a scratch folder for a step that wants one on disk (Eleventy's input folder), and the
 * temporary folders a stylesheet run stages its readable files in (written only inside
 * themselves). Kept here so that every write to disk goes through write/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

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
  const dir = makeTempFolder(prefix);
  try {
    return await use(dir);
  } finally {
    removeTempFolder(dir);
  }
}

/** Makes a fresh, empty folder under the system's temporary folder; `prefix` names what it is for. */
export function makeTempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The path of `rel` inside `dir`, or an error when `rel` would land outside it. */
function inside(dir: string, rel: string): string {
  const target = resolve(dir, rel);
  const back = relative(dir, target);
  if (!back || back.startsWith('..') || isAbsolute(back)) throw new Error(`refusing to write ${rel} outside ${dir}`);
  return target;
}

/** Writes a file at `rel` inside a temporary folder, making its folders; never outside it. */
export function writeTempFile(dir: string, rel: string, bytes: Uint8Array | string): string {
  const target = inside(dir, rel);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  return target;
}

/** Copies a file to `rel` inside a temporary folder, making its folders; never outside it. */
export function copyIntoTempFolder(dir: string, rel: string, from: string): string {
  const target = inside(dir, rel);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(from, target);
  return target;
}

/** Removes a temporary folder and everything in it. */
export function removeTempFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
