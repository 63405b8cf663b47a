/**
 * A pool of build processes: each input is built in a child process of its own pool slot, so
 * a crash, a runaway memory use or a stuck build of one input never takes the others down, and
 * builds use every core (a build is mostly single-threaded JavaScript).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extname } from 'node:path';
import type { ChildRequest } from './pool-child.ts';
import { type BatchJob, type BatchResult, type BatchRunner } from './run-job.ts';

/** A running pool. */
export interface BuildPool {
  /** Builds one input in a free child (waiting for one). Rejects only when the child broke (crash, kill). */
  run(job: BatchJob): Promise<BatchResult>;
  /** Ends every child (after their current job when `wait`). */
  close(): Promise<void>;
  /** The children's process ids, busy or idle. */
  pids(): number[];
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
}

/** The child's module: this folder's pool-child.ts, or .js once compiled. */
function childModule(): { path: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  const ext = extname(self);
  const path = self.slice(0, self.length - ext.length).replace(/pool$/, 'pool-child') + ext;
  // TypeScript sources run through tsx, as bin/vitrine.js does in the parent.
  return { path, execArgv: ext === '.ts' ? ['--import', 'tsx'] : [] };
}

/** Starts `size` build processes, each building one input at a time with `runner`'s settings. */
export function createBuildPool(size: number, runner: BatchRunner): BuildPool {
  const { path, execArgv } = childModule();
  const slots: Slot[] = [];
  const waiting: ((s: Slot) => void)[] = [];
  let nextId = 0;
  let closed = false;
  const spawn = (): Slot => {
    const child = fork(path, [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const ready = new Promise<void>((done, fail) => {
      child.once('message', () => done());
      child.once('exit', (code) => fail(new Error(`build process exited (${code}) before it was ready`)));
    });
    ready.catch(() => undefined);
    return { child, ready, busy: false };
  };
  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());
  const release = (slot: Slot) => {
    slot.busy = false;
    const next = waiting.shift();
    if (next) {
      slot.busy = true;
      next(slot);
    }
  };
  const take = (): Promise<Slot> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((done) => waiting.push(done));
  };
  return {
    async run(job) {
      const slot = await take();
      const started = performance.now();
      try {
        await slot.ready;
        const id = nextId++;
        return await new Promise<BatchResult>((done, fail) => {
          const onMessage = (m: { id?: number; result?: BatchResult; error?: string }) => {
            if (m.id !== id) return;
            cleanup();
            if (m.error) fail(new Error(m.error));
            else done(m.result!);
          };
          const onExit = (code: number | null, signal: string | null) => {
            cleanup();
            fail(new Error(`the build process stopped while building ${job.name} (${signal ?? `exit ${code}`}, after ${Math.round(performance.now() - started)} ms)`));
          };
          const cleanup = () => {
            slot.child.off('message', onMessage);
            slot.child.off('exit', onExit);
          };
          slot.child.on('message', onMessage);
          slot.child.on('exit', onExit);
          slot.child.send({ id, job, runner } satisfies ChildRequest);
        });
      } finally {
        // A child that died is replaced, so one input's crash costs the others nothing.
        if (slot.child.exitCode !== null || slot.child.signalCode !== null) {
          const i = slots.indexOf(slot);
          if (!closed) slots[i] = spawn();
          release(slots[i]!);
        } else release(slot);
      }
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(
          (s) =>
            new Promise<void>((done) => {
              if (s.child.exitCode !== null || s.child.signalCode !== null) return done();
              s.child.once('exit', () => done());
              s.child.disconnect();
            }),
        ),
      );
    },
    pids: () => slots.map((s) => s.child.pid ?? 0),
  };
}
