/**
 * A batch pool process: builds the inputs its parent sends, one at a time, and answers with
 * the result. It dies with its parent: a worker machine killed mid-job must not leave a build
 * running on, since the queue will give the job to another try.
 */
import { failedResult, runBatchJob, type BatchJob, type BatchRunner } from './run-job.ts';

/** A message from the pool to a child. */
export interface ChildRequest {
  id: number;
  job: BatchJob;
  runner: BatchRunner;
}

process.on('disconnect', () => process.exit(1));
process.on('message', (m: ChildRequest) => {
  void runBatchJob(m.job, m.runner).then(
    (result) => process.send?.({ id: m.id, result }),
    (e: unknown) => process.send?.({ id: m.id, error: (e as Error)?.message ?? String(e), result: failedResult(m.job, String((e as Error)?.message ?? e)) }),
  );
});
process.send?.({ ready: true });
