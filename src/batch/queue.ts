/**
 * Batches across machines on BullMQ (Redis): the `batch` side enqueues one job per input and
 * waits for each; `worker` processes on any number of machines take jobs and build them into
 * the shared output folder. A job carries paths only: inputs and outputs live on a shared file
 * system, and secrets stay on the workers (their own --secrets-dir), never in Redis.
 *
 * A worker killed mid-job stops renewing the job's lock; another worker's stalled-job check
 * then puts the job back, and a new try builds it under the output folder's lease.
 */
import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import { basename, isAbsolute } from 'node:path';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createBuildPool } from './pool.ts';
import type { BatchJob, BatchResult, BatchRunner } from './run-job.ts';

/** The queue's name in Redis. */
export const QUEUE_NAME = 'vitrine-batch';

/** How many times a job is tried when tries break (a killed worker counts as one stall). */
const ATTEMPTS = 3;

function connect(url: string): Redis {
  // BullMQ needs maxRetriesPerRequest null: blocking commands wait as long as it takes.
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/**
 * Enqueues one job per input and resolves with every result, calling `onResult` as each input
 * finishes. An input whose every try broke gives a failed result; it does not stop the others.
 */
export async function runQueuedBatch(url: string, jobs: BatchJob[], onResult: (r: BatchResult) => void): Promise<BatchResult[]> {
  const connection = connect(url);
  const queue = new Queue<BatchJob, BatchResult>(QUEUE_NAME, { connection });
  const eventsConnection = connect(url);
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection });
  try {
    await events.waitUntilReady();
    const batch = randomUUID();
    const added = await queue.addBulk(
      jobs.map((data) => ({
        name: data.name,
        data,
        opts: { jobId: `${batch}-${data.name}`, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
      })),
    );
    return await Promise.all(
      added.map(async (job, i) => {
        let r: BatchResult;
        try {
          r = (await job.waitUntilFinished(events)) as BatchResult;
        } catch (e) {
          const { failedResult } = await import('./run-job.ts');
          r = failedResult(jobs[i]!, `every try failed: ${(e as Error).message}`);
        }
        onResult(r);
        return r;
      }),
    );
  } finally {
    await events.close();
    await queue.close();
    // Connections handed to BullMQ stay open until their owner closes them.
    connection.disconnect();
    eventsConnection.disconnect();
  }
}

/** Why a job taken from Redis is not one `vitrine batch` made, or undefined. */
export function jobProblem(data: unknown): string | undefined {
  const j = data as Partial<BatchJob> | null;
  if (!j || typeof j !== 'object') return 'no job data';
  if (typeof j.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(j.name)) return 'the name is not a safe folder name';
  if (typeof j.input !== 'string' || !isAbsolute(j.input)) return 'the input is not an absolute path';
  if (typeof j.out !== 'string' || !isAbsolute(j.out) || basename(j.out) !== j.name) return 'the output is not an absolute OUT/<name>';
  if (j.config !== undefined && (typeof j.config !== 'string' || !isAbsolute(j.config))) return 'the config is not an absolute path';
  if (typeof j.folder !== 'boolean') return 'folder is not a boolean';
  const known = new Set(['name', 'input', 'folder', 'out', 'config']);
  const extra = Object.keys(j).filter((k) => !known.has(k));
  return extra.length ? `unknown fields ${extra.join(', ')}` : undefined;
}

/** Options of a queue worker. */
export interface QueueWorkerOptions {
  /** Inputs built at once on this machine (one build process each). */
  concurrency: number;
  runner: BatchRunner;
  /** Called when a job starts or ends here. */
  onEvent?: (e: { kind: 'active' | 'done' | 'retry'; name: string; result?: BatchResult; error?: string }) => void;
}

/** Starts taking jobs from the queue; resolves once connected, with a way to stop after the running jobs. */
export async function startQueueWorker(url: string, options: QueueWorkerOptions): Promise<{ close(): Promise<void> }> {
  const pool = createBuildPool(options.concurrency, options.runner);
  const lockDuration = options.runner.leaseMs;
  const connection = connect(url);
  const worker = new Worker<BatchJob, BatchResult>(
    QUEUE_NAME,
    async (job: Job<BatchJob, BatchResult>) => {
      // Whoever can write to Redis can enqueue: a job is checked before it is built.
      const why = jobProblem(job.data);
      if (why) throw new UnrecoverableError(`refused job ${job.id}: ${why}`);
      options.onEvent?.({ kind: 'active', name: job.data.name });
      try {
        const result = await pool.run(job.data);
        options.onEvent?.({ kind: 'done', name: job.data.name, result });
        return result;
      } catch (e) {
        options.onEvent?.({ kind: 'retry', name: job.data.name, error: (e as Error).message });
        throw e;
      }
    },
    // The job's lock and the folder lease expire alike: a dead worker's job comes back after one lock time.
    { connection, concurrency: options.concurrency, lockDuration, stalledInterval: lockDuration, maxStalledCount: ATTEMPTS },
  );
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await pool.close();
      connection.disconnect();
    },
  };
}
