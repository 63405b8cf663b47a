/**
 * The stylesheet's process: how it is started (Node's permission model, no code from strings,
 * a memory limit, a network namespace where Linux allows it), what it may read, and how its
 * answer or its death comes back. run.ts decides what to run and turns answers into diagnostics.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { XslJob } from './run.ts';

/** The child process script, and the file it loads first to close the network. */
const CHILD = resolve(import.meta.dirname, 'child.cjs');
const NO_NETWORK = resolve(import.meta.dirname, 'no-network.cjs');
/** saxon-js's own folder. */
const SAXON_DIR = dirname(fileURLToPath(import.meta.resolve('saxon-js')));
export const SAXON_VERSION = (JSON.parse(readFileSync(join(SAXON_DIR, 'package.json'), 'utf8')) as { version: string }).version;

let saxonFolders: string[] | undefined;
/**
 * The folders of saxon-js and of every package it depends on, transitively (axios and its
 * own): all a stylesheet's process needs to read besides the stylesheet's roots. Found as
 * Node finds them: in `node_modules` folders from the depending package upwards.
 */
export function saxonReadFolders(): string[] {
  if (saxonFolders) return saxonFolders;
  const found = new Set<string>([SAXON_DIR]);
  const queue = [SAXON_DIR];
  while (queue.length) {
    const dir = queue.shift()!;
    const deps = Object.keys((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
    for (const dep of deps) {
      for (let up = dir; ; up = dirname(up)) {
        const candidate = join(up, 'node_modules', dep);
        if (existsSync(join(candidate, 'package.json'))) {
          const real = realpathSync(candidate);
          if (!found.has(real)) {
            found.add(real);
            queue.push(real);
          }
          break;
        }
        if (dirname(up) === up) break;
      }
    }
  }
  return (saxonFolders = [...found]);
}


/** The time limit of one run. */
export const XSL_TIME_LIMIT_MS = 20_000;
/** The memory limit of one run (V8's old space). */
export const XSL_MEMORY_LIMIT_MB = 256;
/** The most a stylesheet may return (principal result and result documents), in bytes. */
export const XSL_OUTPUT_LIMIT_BYTES = 64 * 1024 * 1024;

/** What the child process answers (child.cjs, top comment). */
export interface ChildAnswer {
  ok: boolean;
  phase?: 'compile' | 'script' | 'check' | 'size' | 'run';
  refused?: boolean;
  message?: string;
  code?: string;
  module?: string;
  line?: number;
  column?: number;
  sef?: string;
  output?: string;
  method?: string;
  documents?: Record<string, string>;
}

/** The permission flag of the running Node (renamed in Node 22). */
export function permissionFlag(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 22 ? '--permission' : '--experimental-permission';
}

/**
 * Node's flags for a stylesheet's process, before the script: the permission model with reads
 * of the child script, saxon-js and the job's roots only (no writes, child processes or
 * workers: not granted), and the memory limit.
 */
export function childFlags(job: Pick<XslJob, 'roots' | 'memoryLimitMb'>): string[] {
  const reads = [CHILD, NO_NETWORK, ...saxonReadFolders(), ...job.roots].map((p) => `--allow-fs-read=${realpathSync(p)}`);
  // No eval or new Function: ixsl:eval and any other way a stylesheet reaches JavaScript's
  // compiler fail, even if one got past the check (saxon-js itself compiles no strings).
  return [permissionFlag(), ...reads, `--max-old-space-size=${job.memoryLimitMb ?? XSL_MEMORY_LIMIT_MB}`, '--disallow-code-generation-from-strings', '--no-warnings'];
}

let namespaces: boolean | undefined;
/**
 * Whether this machine lets an unprivileged process start in a network namespace of its own
 * (`unshare -rn`: Linux with user namespaces enabled). Asked once per process: it is a fact
 * about the machine, not state of a build.
 */
export function networkNamespaceAvailable(): boolean {
  if (namespaces === undefined) namespaces = process.platform === 'linux' && spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return namespaces;
}

/**
 * The command that starts a stylesheet's process: Node with childFlags, inside a new network
 * namespace (no interface up) where Linux allows it; no-network.cjs holds everywhere else.
 */
export function childCommand(job: Pick<XslJob, 'roots' | 'memoryLimitMb'>, script = CHILD): { command: string; args: string[] } {
  const node = [...childFlags(job), script];
  return networkNamespaceAvailable() ? { command: 'unshare', args: ['-rn', process.execPath, ...node] } : { command: process.execPath, args: node };
}

/** Runs the child with a job; resolves with its answer, or with how it died. */
export function spawnChild(job: XslJob, payload: string): Promise<{ answer?: ChildAnswer; killed?: 'time' | 'memory' | 'crash'; stderr: string }> {
  childRuns++;
  const { command, args } = childCommand(job);
  const limit = job.outputLimitBytes ?? XSL_OUTPUT_LIMIT_BYTES;
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
    let out = '';
    let err = '';
    let timedOut = false;
    let tooLarge = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, job.timeLimitMs ?? XSL_TIME_LIMIT_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      // The child caps its result; an answer far over the cap (JSON escaping at most doubles
      // it, roughly) means something else went wrong: stop before the build's memory does.
      if (out.length > 3 * limit + 1024 * 1024 && !tooLarge) {
        tooLarge = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d.length + err.length < 65536 ? d : ''));
    child.on('error', () => {
      clearTimeout(timer);
      done({ killed: 'crash', stderr: err });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return done({ killed: 'time', stderr: err });
      if (tooLarge) return done({ answer: { ok: false, phase: 'size', message: `the stylesheet returned more than ${limit} bytes` }, stderr: err });
      try {
        return done({ answer: JSON.parse(out) as ChildAnswer, stderr: err });
      } catch {
        const memory = /heap out of memory|Allocation failed|JavaScript heap/i.test(err) || signal === 'SIGABRT' || code === 134;
        return done({ killed: memory ? 'memory' : 'crash', stderr: err });
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(payload);
  });
}

let childRuns = 0;

/** How many stylesheet child processes this process started (for tests and benchmarks). */
export function xslChildRuns(): number {
  return childRuns;
}
