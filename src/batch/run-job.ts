/**
 * One try of one batch input: build it into OUT/<name> while holding that folder's lease, so a
 * second try of the same input (a retry after a worker looked dead) never writes at the same time.
 */
import { build } from '../build.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/index.ts';
import { createImageProcessor } from '../render/image-processor.ts';
import { batchSecretsPath } from '../read/batch-inputs.ts';
import { acquireFolderLease, makeFolder } from '../write/index.ts';

/** What a job carries through the queue: paths only, never file contents or secrets. */
export interface BatchJob {
  name: string;
  /** Absolute path of the input (zip, folder or file) on the shared file system. */
  input: string;
  folder: boolean;
  /** Absolute path of OUT/<name>. */
  out: string;
  /** `<name>.vitrine.yaml` beside a zip, when there is one. */
  config?: string;
}

/** Settings of the machine that runs the job (its own flags), not of the job. */
export interface BatchRunner {
  /** Per-input secrets files live here, as `<name>.json`. */
  secretsDir?: string;
  /** Image and XSL cache folder (default `.vitrine-cache`). */
  cache?: string;
  /** Lease time-to-live on the output folder, in ms. */
  leaseMs: number;
}

/** The outcome of one input, as the summary table and the JSON report show it. */
export interface BatchResult {
  name: string;
  input: string;
  ok: boolean;
  written: boolean;
  views: number;
  files: number;
  ms: number;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** Builds one input under the lease of its output folder. Throws only when the try itself broke (retry it). */
export async function runBatchJob(job: BatchJob, runner: BatchRunner): Promise<BatchResult> {
  const started = performance.now();
  const lease = await acquireFolderLease(job.out, { ttlMs: runner.leaseMs });
  try {
    const cache = runner.cache ?? '.vitrine-cache';
    const secrets = batchSecretsPath(job, runner.secretsDir);
    // Owner-only: it holds every input's folder tokens and generated passphrases.
    if (runner.secretsDir) await makeFolder(runner.secretsDir, { mode: 0o700 });
    const r = await build(job.input, {
      out: job.out,
      ...(job.config ? { config: job.config } : {}),
      ...(secrets ? { secrets } : {}),
      // Passphrases come from the secrets file of this input alone, never from a shared environment.
      env: {},
      render: { processImage: createImageProcessor(cache), xslCache: `${cache}/xsl` },
      // The output lock of every build (write/lock.ts) expires with the queue's lock too.
      lock: { leaseMs: runner.leaseMs },
    });
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    // A lost lease is the try's own failure, not the input's: the queue retries it.
    await lease.assertHeld();
    return {
      name: job.name,
      input: job.input,
      ok: r.value.written && errors === 0,
      written: r.value.written,
      views: r.value.views.length,
      files: r.value.files,
      ms: Math.round(performance.now() - started),
      errors,
      warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
      diagnostics: r.diagnostics,
    };
  } finally {
    await lease.release();
  }
}

/** The result of an input that could not be tried at all (a bad name, a crashed worker). */
export function failedResult(job: Pick<BatchJob, 'name' | 'input'>, message: string, ms = 0): BatchResult {
  return { name: job.name, input: job.input, ok: false, written: false, views: 0, files: 0, ms, errors: 1, warnings: 0, diagnostics: [diagnostic('BatchInputFailed', message, { file: job.input })] };
}
