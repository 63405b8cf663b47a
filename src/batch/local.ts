/** Batches on one machine: a pool of build processes, one input per process at a time. */
import { createBuildPool } from './pool.ts';
import { failedResult, type BatchJob, type BatchResult, type BatchRunner } from './run-job.ts';

/** Builds every job with `workers` processes; resolves with every result (failed ones included), in job order. */
export async function runLocalBatch(jobs: BatchJob[], workers: number, runner: BatchRunner, onResult: (r: BatchResult) => void): Promise<BatchResult[]> {
  const pool = createBuildPool(Math.min(workers, Math.max(1, jobs.length)), runner);
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        const started = performance.now();
        const r = await pool.run(job).catch((e: unknown) => failedResult(job, (e as Error).message, Math.round(performance.now() - started)));
        onResult(r);
        return r;
      }),
    );
  } finally {
    await pool.close();
  }
}
