/**
 * Batches across machines, for real: a redis-server on a free port, two `vitrine worker`
 * processes and `vitrine batch --queue`. One worker (with its build process) is killed with
 * SIGKILL while it is writing a site, after its first file is on disk. The job must come back
 * to the other worker (BullMQ's stalled-job check), every site must be complete, no folder
 * half-written, and the batch must exit 0.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { writeBatchInputs } from './make-inputs.ts';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const ok = needs('redis-server', hasRedis);

const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) {
    // Workers lead their own process group (their build processes are in it too).
    try {
      if (p.exitCode === null && p.signalCode === null) process.kill(-p.pid!, 'SIGKILL');
    } catch {
      p.kill('SIGKILL');
    }
  }
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(p);
  return new Promise((done, fail) => {
    let seen = '';
    p.stdout!.on('data', (b: Buffer) => {
      seen += b.toString();
      if (seen.includes('Ready to accept connections')) done(p);
    });
    p.once('exit', (code) => fail(new Error(`redis-server exited (${code}): ${seen}`)));
  });
}

function vitrine(args: string[]): ChildProcess {
  const p = spawn(process.execPath, [join(repoRoot, 'bin', 'vitrine.js'), ...args], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(p);
  return p;
}

function collect(p: ChildProcess): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  p.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  p.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  return { out: () => out, err: () => err };
}

const exited = (p: ChildProcess) => new Promise<number | null>((done) => (p.exitCode !== null || p.signalCode !== null ? done(p.exitCode) : p.once('exit', (code) => done(code))));

/** `exited`, but failing after `ms` with what was awaited and what the process said, so a hang names its step. */
async function exitedWithin(p: ChildProcess, ms: number, what: string, log?: () => string): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what} did not exit within ${ms / 1000} s${log ? `; it said:\n${log()}` : ''}`)), ms)));
  try {
    return await Promise.race([exited(p), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The parent process id of `pid` (Linux /proc). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Whether a folder holds at least one file, at any depth. */
function holdsAFile(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((e) => {
      try {
        return statSync(join(dir, e)).isFile();
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

describe('vitrine batch --queue and vitrine worker (BullMQ on a real redis-server)', () => {
  it.skipIf(!ok)(`survives a worker killed with SIGKILL mid-write: 12 inputs, two workers, every site complete, exit 0${skipNote('redis-server', ok)}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-queue-'));
    try {
      const names = writeBatchInputs(join(dir, 'in'), 12, 300, true);
      const out = join(dir, 'out');
      const port = await freePort();
      const redis = await startRedis(port, dir);
      const url = `redis://127.0.0.1:${port}`;
      const workers = [0, 1].map(() => vitrine(['worker', '--queue', url, '--concurrency', '1', '--lock-ms', '2000', '--cache', join(dir, 'cache')]));
      const logs = workers.map(collect);
      await new Promise((r) => setTimeout(r, 500));
      const batch = vitrine(['batch', join(dir, 'in'), '--out', out, '--queue', url, '--json']);
      const batchOut = collect(batch);
      let batchCode: number | null | undefined;
      void exited(batch).then((c) => (batchCode = c));

      // Watch OUT for a try's temporary folder (.<name>.new-<pid>-<time>) holding a file, then
      // kill the worker whose build process wrote it, with its whole process group.
      let killed: { name: string; worker: number } | undefined;
      const deadline = Date.now() + 240_000;
      while (!killed && batchCode === undefined && Date.now() < deadline) {
        for (const e of existsSync(out) ? readdirSync(out) : []) {
          const m = /^\.(.+)\.new-(\d+)-\d+$/.exec(e);
          if (!m || !holdsAFile(join(out, e))) continue;
          const w = workers.findIndex((p) => p.pid === parentOf(Number(m[2])));
          if (w < 0) continue;
          process.kill(-workers[w]!.pid!, 'SIGKILL');
          killed = { name: m[1]!, worker: w };
          break;
        }
        await new Promise((r) => setTimeout(r, 3));
      }
      expect(killed, 'a worker was caught writing a site').toBeDefined();
      expect(await exitedWithin(workers[killed!.worker]!, 30_000, 'the killed worker')).toBeNull(); // killed by a signal

      const code = await Promise.race([exited(batch), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(1, deadline - Date.now())))]);
      const survivor = workers[1 - killed!.worker]!;
      expect(code, `batch: ${batchOut.err()}\nworker: ${logs[1 - killed!.worker]!.err()}`).toBe(0);
      const report = JSON.parse(batchOut.out().trim().split('\n').pop()!) as { ok: number; failed: number; results: { name: string; ok: boolean; files: number }[] };
      expect(report).toMatchObject({ ok: 12, failed: 0 });
      // The killed try's job was built again, by the worker left.
      expect(logs[1 - killed!.worker]!.err()).toContain(`${killed!.name}: ok`);

      // Every site is there and whole: the marker, and as many files as its build wrote.
      for (const name of names) {
        const site = join(out, name);
        expect(existsSync(join(site, '.vitrine-site')), name).toBe(true);
        const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((e) => statSync(join(site, e)).isFile() && e !== '.vitrine-site');
        const expected = report.results.find((r) => r.name === name)!.files;
        expect(files.length, name).toBe(expected);
        expect(files).toContain('index.html');
      }
      // Same input, same site: every build wrote the same number of files.
      expect(new Set(report.results.map((r) => r.files)).size).toBe(1);
      // Nothing half-done is left beside the sites: no temporary folder, no lease.
      expect(readdirSync(out).filter((e) => e.startsWith('.'))).toEqual([]);

      survivor.kill('SIGTERM');
      expect(await exitedWithin(survivor, 60_000, 'the surviving worker, after SIGTERM', logs[1 - killed!.worker]!.err)).toBe(0);
      redis.kill('SIGTERM');
      await exitedWithin(redis, 30_000, 'redis-server, after SIGTERM');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 420_000);
});
