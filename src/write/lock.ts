/**
 * A lease lock on an output folder, so two builds never swap sites into the same place at once
 * (each would move the other's folder aside, and one site would be lost or mixed).
 *
 * The lock is a file beside the output (`.<name>.lock`: the output itself is replaced by every
 * build) holding who took it (host, process id), a random token, and when its lease ends. The
 * holder renews the lease on a heartbeat; a lock whose lease ended, or whose process is gone on
 * this same host, is stale and taken over, so a build killed with SIGKILL (or on another machine
 * sharing the folder) blocks the next one for one lease at most. Taking over a stale lock goes
 * through a second, short-lived lock (`.<name>.lock.break`, a folder: `mkdir` is atomic) so two
 * waiters cannot both remove it and both believe they hold the lock.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** What the lock file says. */
export interface LockRecord {
  host: string;
  pid: number;
  token: string;
  /** When the holder last renewed the lease (ms since the epoch). */
  heartbeat: number;
  /** When the lease ends unless renewed (ms since the epoch). */
  expires: number;
}

/** Timings of the lease, lowered in tests. */
export interface LockOptions {
  /** How long a lease lasts without renewal (default 30 s). */
  leaseMs?: number;
  /** How often the holder renews it (default a third of the lease). */
  heartbeatMs?: number;
  /** How often a waiting build looks again (default 250 ms). */
  pollMs?: number;
  /** How long to wait in all before giving up (default 10 minutes). */
  timeoutMs?: number;
  /** Told once, with the holder, when the lock is busy and this build starts waiting. */
  onWait?: (holder: LockRecord) => void;
}

/** A held lock. */
export interface HeldLock {
  path: string;
  record: LockRecord;
  /** False once another process took the lock over (our lease had run out). */
  held(): boolean;
  release(): Promise<void>;
}

/** The lock was still held by another build when the wait ran out. */
export class LockTimeoutError extends Error {
  constructor(
    message: string,
    /** The build that holds it. */
    readonly holder: LockRecord | undefined,
  ) {
    super(message);
  }
}

/** The lock file of an output folder: beside it, since the folder itself is replaced. */
export function lockPathFor(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.lock`);
}

/** Reads a lock file; undefined when absent or unreadable (a half-written file counts as absent). */
async function readLock(path: string): Promise<LockRecord | undefined> {
  try {
    const r = JSON.parse(await readFile(path, 'utf8')) as LockRecord;
    return typeof r.token === 'string' && typeof r.expires === 'number' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this host is alive (EPERM: alive, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock is stale: its lease ran out, or its process on this host is gone. */
export function isStale(r: LockRecord, now = Date.now()): boolean {
  if (now > r.expires) return true;
  return r.host === hostname() && r.pid !== process.pid && !alive(r.pid);
}

/** Creates the lock file if no lock file exists (exclusive create: one winner). */
async function tryCreate(path: string, record: LockRecord): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o644);
    try {
      await handle.writeFile(JSON.stringify(record));
    } finally {
      await handle.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** How old a breaker folder may get before it is itself taken for stale (its holder died mid-takeover). */
const breakerStaleMs = 10_000;

/** Removes the lock file if `stillStale` says so when looked at again under the breaker folder. */
async function breakStale(path: string, stillStale: (now: LockRecord | undefined) => Promise<boolean>): Promise<void> {
  const breaker = `${path}.break`;
  try {
    await mkdir(breaker);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > breakerStaleMs) await rmdir(breaker).catch(() => undefined);
    return; // someone else is breaking it; look again on the next round
  }
  try {
    if (await stillStale(await readLock(path))) await rm(path, { force: true });
  } finally {
    await rmdir(breaker).catch(() => undefined);
  }
}

/**
 * Takes the lock of `outDir`, waiting while another live build holds it, and keeps its lease
 * renewed until released. Throws LockTimeoutError when the wait runs out.
 */
export async function acquireOutputLock(outDir: string, options: LockOptions = {}): Promise<HeldLock> {
  const path = lockPathFor(outDir);
  const leaseMs = options.leaseMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(leaseMs / 3));
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  await mkdir(dirname(path), { recursive: true });
  const token = randomBytes(12).toString('hex');
  const fresh = (): LockRecord => ({ host: hostname(), pid: process.pid, token, heartbeat: Date.now(), expires: Date.now() + leaseMs });
  let told = false;
  let holder: LockRecord | undefined;
  for (;;) {
    const record = fresh();
    if (await tryCreate(path, record)) return hold(path, record, leaseMs, heartbeatMs);
    holder = await readLock(path);
    if (holder && isStale(holder)) {
      const seen = holder.token;
      await breakStale(path, async (now) => now?.token === seen);
      continue;
    }
    if (!holder) {
      // Unreadable: being written this instant, or garbage left by a crash mid-write, which is
      // removed like a stale lock once older than a lease.
      const old = async () => Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now()) > leaseMs;
      if (await old()) await breakStale(path, async (now) => !now && (await old()));
    } else if (!told) {
      told = true;
      options.onWait?.(holder);
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`another build${holder ? ` (process ${holder.pid} on ${holder.host})` : ''} still holds ${path}`, holder);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Keeps a taken lock's lease renewed until released. */
function hold(path: string, record: LockRecord, leaseMs: number, heartbeatMs: number): HeldLock {
  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    const now = await readLock(path);
    if (!now || now.token !== record.token) {
      lost = true;
      return;
    }
    record.heartbeat = Date.now();
    record.expires = record.heartbeat + leaseMs;
    // Replaced whole (write then rename) so a reader never sees half a record.
    const tmp = `${path}.${record.token}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, path);
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew).catch(() => undefined);
  }, heartbeatMs);
  // The heartbeat alone must not keep a finished process alive.
  timer.unref();
  return {
    path,
    record,
    held: () => !lost,
    release: async () => {
      clearInterval(timer);
      await renewing;
      const now = await readLock(path);
      if (now && now.token === record.token) await rm(path, { force: true });
    },
  };
}
