/**
 * `vitrine batch DIR --out OUT`: every portfolio in DIR into OUT/<name>/, with a pool of build
 * processes here, or (with --queue) through BullMQ to `vitrine worker` processes anywhere.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { listBatchInputs } from '../../read/batch-inputs.ts';
import type { BatchJob, BatchResult } from '../../batch/index.ts';
import { failedResult } from '../../batch/run-job.ts';
import { printDiagnostics, type Io, type OutputFlags } from '../output.ts';

/** Options of `batch`. */
export interface BatchCommandOptions {
  out?: string | undefined;
  workers?: string | undefined;
  queue?: string | undefined;
  secretsDir?: string | undefined;
  cache?: string | undefined;
  lockMs?: string | undefined;
}

/** A positive whole number from a flag, or undefined with a usage message. */
export function countFlag(io: Io, command: string, flag: string, value: string | undefined, dflt: number): number | undefined {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  io.stderr.write(`vitrine ${command}: --${flag} must be a whole number above 0, not "${value}"\n`);
  return undefined;
}

/** Runs `batch` and returns the exit status: 1 when any input failed. */
export async function runBatch(dir: string | undefined, options: BatchCommandOptions, flags: OutputFlags, io: Io): Promise<number> {
  if (!dir || !options.out) {
    io.stderr.write('vitrine batch: give the folder of portfolios and --out (vitrine batch DIR --out OUT)\n');
    return 2;
  }
  if (options.queue && options.secretsDir) {
    io.stderr.write('vitrine batch: with --queue, secrets stay on the workers: give --secrets-dir to `vitrine worker`, not here\n');
    return 2;
  }
  const workers = countFlag(io, 'batch', 'workers', options.workers, availableParallelism());
  const leaseMs = countFlag(io, 'batch', 'lock-ms', options.lockMs, 30_000);
  if (workers === undefined || leaseMs === undefined) return 2;
  const started = performance.now();
  let inputs;
  try {
    inputs = await listBatchInputs(resolve(io.cwd, dir));
  } catch (e) {
    io.stderr.write(`vitrine batch: ${(e as Error).message}\n`);
    return 1;
  }
  const out = resolve(io.cwd, options.out);
  const jobs: BatchJob[] = [];
  const results: BatchResult[] = [];
  for (const i of inputs) {
    const job: BatchJob = { name: i.name, input: i.input, folder: i.folder, out: join(out, i.name), ...(i.config ? { config: i.config } : {}) };
    if (i.problem) results.push(failedResult(job, i.problem));
    else jobs.push(job);
  }
  const total = inputs.length;
  let done = results.length;
  const progress = (r: BatchResult) => {
    done++;
    if (!flags.quiet) io.stderr.write(`[${done}/${total}] ${r.name}  ${r.ok ? 'ok' : 'FAILED'}  ${r.views} views, ${r.files} files, ${(r.ms / 1000).toFixed(1)} s\n`);
  };
  if (!flags.quiet) io.stderr.write(`batch: ${total} input${total === 1 ? '' : 's'} from ${dir} into ${options.out}, ${options.queue ? `through the queue at ${redact(options.queue)}` : `${Math.min(workers, Math.max(1, jobs.length))} build processes`}\n`);
  if (jobs.length) {
    const runner = { leaseMs, ...(options.cache ? { cache: resolve(io.cwd, options.cache) } : {}), ...(options.secretsDir ? { secretsDir: resolve(io.cwd, options.secretsDir) } : {}) };
    const batch = await import('../../batch/index.ts');
    results.push(...(options.queue ? await batch.runQueuedBatch(options.queue, jobs, progress) : await batch.runLocalBatch(jobs, workers, runner, progress)));
  }
  results.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const failed = results.filter((r) => !r.ok);
  const ms = Math.round(performance.now() - started);
  if (flags.json) {
    io.stdout.write(JSON.stringify({ inputs: total, ok: total - failed.length, failed: failed.length, ms, out, results }) + '\n');
  } else {
    for (const r of failed) printDiagnostics(io, r.diagnostics, { ...flags, quiet: true });
    io.stdout.write(summaryTable(results));
    io.stdout.write(`${total - failed.length} of ${total} built, ${failed.length} failed, in ${(ms / 1000).toFixed(1)} s\n`);
  }
  return failed.length ? 1 : 0;
}

/** The queue address without its password, for printing. */
export function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

/** One row per input: name, status, views, files, errors, warnings, seconds. */
export function summaryTable(results: BatchResult[]): string {
  const rows = [['input', 'status', 'views', 'files', 'errors', 'warnings', 'seconds'], ...results.map((r) => [r.name, r.ok ? 'ok' : 'FAILED', String(r.views), String(r.files), String(r.errors), String(r.warnings), (r.ms / 1000).toFixed(1)])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd() + '\n').join('');
}
