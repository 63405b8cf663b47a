/**
 * Writes a whole site atomically: into a temporary folder beside the output, then swapped in
 * with renames, under the output folder's lease lock. A failed build or write leaves the
 * previous site untouched, and says so only when it is true (SiteWriteError.previous).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { acquireOutputLock, LockTimeoutError, type HeldLock, type LockOptions } from './lock.ts';

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

/** What became of the output folder when a site could not be written. */
export type PreviousSite = 'unchanged' | 'none' | 'elsewhere';

/** A site that could not be written, with what the output folder holds now (for honest messages). */
export class SiteWriteError extends Error {
  constructor(
    message: string,
    /** `unchanged`: the previous site is in place; `none`: there was none and nothing is there; `elsewhere`: it is at `where`. */
    readonly previous: PreviousSite,
    readonly where?: string,
    /** The output folder's lock was still held by another build when the wait ran out. */
    readonly locked = false,
  ) {
    super(message);
  }
}

/** What writing a site did besides writing it. */
export interface SiteWritten {
  /** Leftovers of interrupted builds (`.<name>.new-*`, `.<name>.old-*`) removed first. */
  removed: string[];
  /** A previous site found only in an `.old-*` folder (a build died mid-swap), put back before the swap. */
  restored?: string;
  /** The replaced site's folder, when it could not be removed (the next build removes it). */
  leftOver?: string;
}

/** Options of writeSite. */
export interface WriteSiteOptions {
  lock?: LockOptions;
}

/**
 * Writes every file under `outDir`, replacing the previous site only once all are written.
 * Holds the output folder's lease lock (lock.ts) throughout, so a second build waits, and
 * clears what interrupted builds left beside the folder while it holds it.
 */
export async function writeSite(outDir: string, files: Map<string, Uint8Array>, options: WriteSiteOptions = {}): Promise<SiteWritten> {
  const out = resolve(outDir);
  const had = existsSync(out);
  let lock: HeldLock;
  try {
    lock = await acquireOutputLock(out, options.lock);
  } catch (e) {
    throw new SiteWriteError((e as Error).message, had ? 'unchanged' : 'none', undefined, e instanceof LockTimeoutError);
  }
  try {
    return await writeSiteLocked(out, outDir, files, lock);
  } finally {
    await lock.release();
  }
}

/** The leftovers of interrupted builds of `out`: its temporary and replaced folders. */
async function leftovers(out: string): Promise<{ fresh: string[]; old: string[] }> {
  const parent = dirname(out);
  const name = basename(out);
  const entries = existsSync(parent) ? await readdir(parent) : [];
  const pick = (kind: string) => entries.filter((e) => e.startsWith(`.${name}.${kind}-`)).sort().map((e) => join(parent, e));
  return { fresh: pick('new'), old: pick('old') };
}

async function writeSiteLocked(out: string, outDir: string, files: Map<string, Uint8Array>, lock: HeldLock): Promise<SiteWritten> {
  const done: SiteWritten = { removed: [] };
  // A build killed between its two renames left the site only in `.old-*`: put the newest back first.
  const left = await leftovers(out);
  if (!existsSync(out) && left.old.length) {
    const last = left.old.pop()!;
    await rename(last, out);
    done.restored = last;
  }
  for (const dir of [...left.fresh, ...left.old]) {
    await rm(dir, { recursive: true, force: true });
    done.removed.push(dir);
  }
  const had = existsSync(out);
  const before = had ? 'unchanged' : 'none';
  const conflict = await replaceConflict(outDir);
  if (conflict) throw new SiteWriteError(conflict, before);
  files = new Map([[SITE_MARKER, new TextEncoder().encode(markerText)], ...files]);
  const parent = dirname(out);
  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    throw new SiteWriteError((e as Error).message, before);
  }
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(out)}.new-${stamp}`);
  const old = join(parent, `.${basename(out)}.old-${stamp}`);
  try {
    await writeAll(tmp, files);
    // Our lease ran out while writing and another build took over: leave the folder to it.
    if (!lock.held()) throw new Error(`the lock ${lock.path} was taken over by another build while this one wrote`);
    if (had) await rename(out, old);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (had && existsSync(old) && !existsSync(out)) {
      try {
        await rename(old, out);
      } catch {
        throw new SiteWriteError((e as Error).message, 'elsewhere', old);
      }
    }
    throw new SiteWriteError((e as Error).message, before);
  }
  try {
    await rm(old, { recursive: true, force: true });
  } catch {
    // The new site is in place; the old one is a leftover the next build removes.
    done.leftOver = old;
  }
  return done;
}

/** Writes files under a folder another tool owns (Eleventy's output), without swapping it. */
export async function writeFiles(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  await writeAll(resolve(dir), files);
}

/**
 * How long the writer works before it lets timers run (the lease heartbeat, a batch worker's
 * job lock, serve's requests). Files are written with synchronous calls, as Eleventy writes its
 * pages: each asynchronous call is a round trip through libuv's thread pool, and 4,000 pages
 * with their folders took 3 times as long that way (290 against 80 ms on tmpfs; bench/site.ts).
 */
const WRITE_SLICE_MS = 20;

/** Writes every file under `root`: each folder is created once, then the files, in slices. */
async function writeAll(root: string, files: Map<string, Uint8Array>): Promise<void> {
  let slice = performance.now();
  const yieldNow = async () => {
    if (performance.now() - slice < WRITE_SLICE_MS) return;
    await nextTurn();
    slice = performance.now();
  };
  const targets: [string, Uint8Array][] = [];
  const dirs = new Set<string>();
  for (const [path, bytes] of files) {
    const target = resolve(root, path);
    if (!within(target, root)) throw new Error(`refusing to write ${path} outside ${root}`);
    targets.push([target, bytes]);
    dirs.add(dirname(target));
    await yieldNow();
  }
  for (const d of [...dirs].sort()) {
    mkdirSync(d, { recursive: true });
    await yieldNow();
  }
  for (const [target, bytes] of targets) {
    writeFileSync(target, bytes);
    await yieldNow();
  }
}
