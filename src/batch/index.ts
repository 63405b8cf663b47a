/** Many portfolios at once: on one machine (a process pool) or across machines (BullMQ on Redis). */
export { runLocalBatch } from './local.ts';
export { runQueuedBatch, startQueueWorker, QUEUE_NAME, type QueueWorkerOptions } from './queue.ts';
export { runBatchJob, failedResult, type BatchJob, type BatchResult, type BatchRunner } from './run-job.ts';
export { createBuildPool, type BuildPool } from './pool.ts';
