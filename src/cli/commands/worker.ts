/** `vitrine worker --queue redis://HOST:PORT`: takes batch jobs from the queue until stopped. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { countFlag, redact } from './batch.ts';
import type { Io, OutputFlags } from '../output.ts';

/** Options of `worker`. */
export interface WorkerCommandOptions {
  queue?: string | undefined;
  concurrency?: string | undefined;
  secretsDir?: string | undefined;
  cache?: string | undefined;
  lockMs?: string | undefined;
}

/** Runs a worker until `stop` resolves (Ctrl-C, SIGTERM); running jobs finish first. */
export async function runWorker(options: WorkerCommandOptions, flags: OutputFlags, io: Io, stop: Promise<void>): Promise<number> {
  if (!options.queue) {
    io.stderr.write('vitrine worker: give the queue (vitrine worker --queue redis://HOST:PORT)\n');
    return 2;
  }
  const concurrency = countFlag(io, 'worker', 'concurrency', options.concurrency, availableParallelism());
  const leaseMs = countFlag(io, 'worker', 'lock-ms', options.lockMs, 30_000);
  if (concurrency === undefined || leaseMs === undefined) return 2;
  const { startQueueWorker } = await import('../../batch/queue.ts');
  const say = (line: string) => {
    if (!flags.quiet) io.stderr.write(line + '\n');
  };
  const runner = { leaseMs, ...(options.cache ? { cache: resolve(io.cwd, options.cache) } : {}), ...(options.secretsDir ? { secretsDir: resolve(io.cwd, options.secretsDir) } : {}) };
  const worker = await startQueueWorker(options.queue, {
    concurrency,
    runner,
    onEvent: (e) => {
      if (e.kind === 'active') say(`building ${e.name}`);
      else if (e.kind === 'done') say(`${e.name}: ${e.result?.ok ? 'ok' : 'failed'} (${e.result?.files ?? 0} files, ${((e.result?.ms ?? 0) / 1000).toFixed(1)} s)`);
      else say(`${e.name}: this try broke, the queue will retry it: ${e.error}`);
    },
  });
  say(`worker: taking jobs from ${redact(options.queue)}, ${concurrency} at a time (pid ${process.pid})`);
  await stop;
  say('worker: stopping after the running jobs');
  await worker.close();
  return 0;
}
