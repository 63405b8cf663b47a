/**
 * Temporary folders a build needs while it runs (a stylesheet's staged copy of the files it
 * may read, the OSP adapter's layout): made fresh and private under the system's temporary
 * folder, written only inside themselves, removed when the work is done.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

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
