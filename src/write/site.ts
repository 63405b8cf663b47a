/**
 * Writes a whole site atomically: into a temporary folder beside the output, then swapped in
 * with renames. A failed build or write leaves the previous site untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** Tells whether `a` is `b` or lies inside it. */
function within(a: string, b: string): boolean {
  const rel = relative(b, a);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
}

/**
 * Why an output folder may not be used for an input, or undefined when it may: writing over
 * the input (or a folder holding it) would destroy the owner's data.
 */
export function outputConflict(outDir: string, input: string): string | undefined {
  const out = resolve(outDir);
  const inp = resolve(input);
  if (within(inp, out)) return `the output folder ${outDir} is, or contains, the input ${input}; the build would replace it`;
  if (out === resolve('/')) return 'the output folder is the file system root';
  return undefined;
}

/** The file every site carries, so a later build knows the folder is one it may replace. */
export const SITE_MARKER = '.vitrine-site';
const markerText = 'This folder is a site built by Vitrine. Each build replaces the whole folder.\n';

/**
 * Why an existing output folder may not be replaced, or undefined when it may: only an empty
 * folder or one holding a site Vitrine built (its marker file) is ever replaced.
 */
export async function replaceConflict(outDir: string): Promise<string | undefined> {
  const out = resolve(outDir);
  if (!existsSync(out)) return undefined;
  const entries = await readdir(out);
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return undefined;
  return `${outDir} exists and was not built by Vitrine (no ${SITE_MARKER} file); it is not replaced. Choose another --out, or empty the folder`;
}

/** Why a package file may not be written at `out` for `input`: it would replace the input or land inside it. */
export function packageConflict(out: string, input: string): string | undefined {
  const o = resolve(out);
  const i = resolve(input);
  if (o === i) return `the package ${out} would replace the input itself`;
  if (within(o, i)) return `the package ${out} would be written inside the input ${input}, changing the portfolio folder`;
  return undefined;
}

/**
 * Writes every file under `outDir`, replacing the previous site only once all are written.
 * `beforeSwap` runs just before the swap and may throw to keep the previous site (a batch
 * try checks there that it still holds the folder's lease, write/folder-lease.ts).
 */
export async function writeSite(outDir: string, files: Map<string, Uint8Array>, beforeSwap?: () => Promise<void>): Promise<void> {
  const out = resolve(outDir);
  const conflict = await replaceConflict(outDir);
  if (conflict) throw new Error(conflict);
  files = new Map([[SITE_MARKER, new TextEncoder().encode(markerText)], ...files]);
  const parent = dirname(out);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(out)}.new-${stamp}`);
  const old = join(parent, `.${basename(out)}.old-${stamp}`);
  try {
    await writeAll(tmp, files);
    await beforeSwap?.();
    if (existsSync(out)) await rename(out, old);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(out)) await rename(old, out);
    throw e;
  }
  await rm(old, { recursive: true, force: true });
}

/** Writes files under a folder another tool owns (Eleventy's output), without swapping it. */
export async function writeFiles(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  await writeAll(resolve(dir), files);
}

/** How many files are written at once: one at a time left a 1,000-part build idle for seconds. */
const WRITE_CONCURRENCY = 32;

/** Writes every file under `root`: each folder is created once, then files in parallel (bounded). */
async function writeAll(root: string, files: Map<string, Uint8Array>): Promise<void> {
  const targets: [string, Uint8Array][] = [];
  const dirs = new Set<string>();
  for (const [path, bytes] of files) {
    const target = resolve(root, path);
    if (!within(target, root)) throw new Error(`refusing to write ${path} outside ${root}`);
    targets.push([target, bytes]);
    dirs.add(dirname(target));
  }
  for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const [target, bytes] = targets[next++]!;
      await writeFile(target, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, targets.length) }, worker));
}
