/**
 * A lease on one output folder (`OUT/<name>` of a batch): whoever holds it is the only one
 * allowed to replace that folder. Batch workers on several machines share `OUT` over a network
 * file system, and a job that looked dead to the queue may still be running somewhere, so two
 * tries of one job must not write at once; a try that was killed must not keep the folder
 * locked forever. The lease is a small file beside the folder, created exclusively, renewed
 * while held, and taken over only once it has expired (its holder stopped renewing it).
 *
 * Holders' clocks are compared through `expires`, so machines need synchronised clocks (NTP)
 * and a time-to-live well above their skew.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** A held lease: check it before replacing the folder, release it when done. */
export interface FolderLease {
  /** The lease file. */
  readonly file: string;
  /** Throws when the lease was lost (expired and taken by another try): the folder must not be replaced. */
  assertHeld(): Promise<void>;
  /** Stops renewing and removes the lease file, if it is still ours. */
  release(): Promise<void>;
}

/** Options of {@link acquireFolderLease}. */
export interface FolderLeaseOptions {
  /** How long the lease lasts without renewal (it is renewed every third of this). */
  ttlMs: number;
  /** Give up waiting for another holder after this long (default: 10 minutes). */
  waitMs?: number;
}

interface LeaseRecord {
  token: string;
  host: string;
  pid: number;
  expires: number;
}

/** The lease file of an output folder: `.<name>.lease` beside it. */
export function leaseFileFor(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.lease`);
}

async function readRecord(file: string): Promise<{ text: string; record: LeaseRecord | undefined } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
  try {
    return { text, record: JSON.parse(text) as LeaseRecord };
  } catch {
    return { text, record: undefined }; // a holder killed while writing it: treated as expired
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Takes the lease of `outDir`, waiting while another live holder has it. An expired lease is
 * taken over: renamed aside first (only one contender's rename can succeed), and put back if
 * it turns out to have been renewed meanwhile. After a takeover, what the dead holder left
 * half-done is cleaned up ({@link recoverInterruptedWrite}).
 */
export async function acquireFolderLease(outDir: string, options: FolderLeaseOptions): Promise<FolderLease> {
  const file = leaseFileFor(outDir);
  const token = randomUUID();
  const record = (): string => JSON.stringify({ token, host: hostname(), pid: process.pid, expires: Date.now() + options.ttlMs } satisfies LeaseRecord);
  const deadline = Date.now() + (options.waitMs ?? 600_000);
  let tookOver = false;
  await mkdir(dirname(file), { recursive: true });
  for (;;) {
    try {
      await writeFile(file, record(), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const seen = await readRecord(file);
    if (seen && (!seen.record || seen.record.expires < Date.now())) {
      const aside = `${file}.expired-${token}`;
      try {
        await rename(file, aside);
        const moved = await readRecord(aside);
        if (moved && moved.text !== seen.text) await link(aside, file).catch(() => undefined); // renewed meanwhile: give it back
        else tookOver = true;
        await unlink(aside).catch(() => undefined);
      } catch {
        // another contender moved it first
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${outDir} is still being written by another try (${seen?.record ? `${seen.record.host} pid ${seen.record.pid}` : 'unknown holder'})`);
    await sleep(Math.min(250, Math.max(20, options.ttlMs / 10)));
  }
  let lost = false;
  const mine = async (): Promise<boolean> => (await readRecord(file))?.record?.token === token;
  const renew = async () => {
    if (lost) return;
    if (!(await mine())) {
      lost = true;
      return;
    }
    const tmp = `${file}.renew-${token}`;
    await writeFile(tmp, record());
    await rename(tmp, file); // atomic: readers never see a half-written lease
  };
  // The renewal in flight is kept, so release() can wait for it: a renewal finishing after the
  // release would put the lease file back.
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(renew).catch(() => (lost = true));
  }, Math.max(10, options.ttlMs / 3));
  timer.unref();
  if (tookOver) await recoverInterruptedWrite(outDir);
  return {
    file,
    async assertHeld() {
      if (lost || !(await mine())) {
        lost = true;
        throw new Error(`the lease on ${outDir} was lost (it expired and another try took it); this try does not replace the folder`);
      }
    },
    async release() {
      clearInterval(timer);
      await renewing;
      if (!lost && (await mine())) await unlink(file).catch(() => undefined);
      lost = true;
    },
  };
}

/**
 * Cleans up after a writer of `outDir` that died mid-write (see write/site.ts): its temporary
 * `.<name>.new-*` folders and half-renewed lease files go, and when it died between its two renames (the folder moved aside,
 * the new one not yet in place) the previous site is put back. Call only while holding the lease.
 */
export async function recoverInterruptedWrite(outDir: string): Promise<void> {
  const out = resolve(outDir);
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const name = basename(out);
  const entries = await readdir(parent);
  for (const e of entries) if (e.startsWith(`.${name}.new-`)) await rm(join(parent, e), { recursive: true, force: true });
  // A holder killed between writing its renewed lease and renaming it over the lease leaves
  // the half-step behind; so does one killed mid-takeover. Whoever holds the lease now owns them.
  for (const e of entries) if (e.startsWith(`.${name}.lease.renew-`) || e.startsWith(`.${name}.lease.expired-`)) await rm(join(parent, e), { force: true });
  const stamp = (e: string) => Number(e.split('-').pop());
  const olds = entries.filter((e) => e.startsWith(`.${name}.old-`)).sort((a, b) => stamp(a) - stamp(b));
  if (!existsSync(out) && olds.length) await rename(join(parent, olds.pop()!), out);
  for (const e of olds) await rm(join(parent, e), { recursive: true, force: true });
}
