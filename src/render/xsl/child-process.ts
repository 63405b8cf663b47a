/**
 * The stylesheet's process: how it is started (Node's permission model, no code from strings,
 * a memory limit, a network namespace where Linux allows it), what it may read, and how its
 * answer or its death comes back. run.ts decides what to run and turns answers into diagnostics.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XSL_MEMORY_LIMIT_MB, XSL_OUTPUT_LIMIT_BYTES, XSL_TIME_LIMIT_MS, type ChildAnswer, type ChildRun, type XslJob } from './job.ts';

/** The child process script, the file it loads first to close the network, and its helpers. */
const CHILD = resolve(import.meta.dirname, 'child.cjs');
const NO_NETWORK = resolve(import.meta.dirname, 'no-network.cjs');
const HELPERS = ['sef-checks.cjs', 'source-document.cjs'].map((f) => resolve(import.meta.dirname, f));
/** saxon-js's own folder. */
const SAXON_DIR = dirname(fileURLToPath(import.meta.resolve('saxon-js')));
export const SAXON_VERSION = (JSON.parse(readFileSync(join(SAXON_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The folders of saxon-js and of every package it depends on, transitively (axios and its
 * own): all a stylesheet's process needs to read besides the stylesheet's roots. Found as
 * Node finds them: in `node_modules` folders from the depending package upwards. Looked up on
 * every call (a few package.json reads); a build's XslContext keeps its answer.
 */
export function saxonReadFolders(): string[] {
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
  return [...found];
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
export function childFlags(job: Pick<XslJob, 'roots' | 'memoryLimitMb'>, saxonFolders: string[] = saxonReadFolders()): string[] {
  const reads = [CHILD, NO_NETWORK, ...HELPERS, ...saxonFolders, ...job.roots].map((p) => `--allow-fs-read=${realpathSync(p)}`);
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
export function childCommand(job: Pick<XslJob, 'roots' | 'memoryLimitMb'>, script = CHILD, saxonFolders?: string[]): { command: string; args: string[] } {
  const node = [...childFlags(job, saxonFolders), script];
  return networkNamespaceAvailable() ? { command: 'unshare', args: ['-rn', process.execPath, ...node] } : { command: process.execPath, args: node };
}

/** The signs in a dead process's stderr (or its exit) that V8 ran out of heap. */
function outOfMemory(stderr: string, code: number | null, signal: NodeJS.Signals | null): boolean {
  return /heap out of memory|Allocation failed|JavaScript heap/i.test(stderr) || signal === 'SIGABRT' || code === 134;
}

/** A run waiting for its answer line. */
interface Pending {
  done: (run: ChildRun) => void;
  timer: NodeJS.Timeout;
  limit: number;
  size: number;
  chunks: string[];
  timedOut?: boolean;
  tooLarge?: boolean;
}

/**
 * A warm stylesheet process (child.cjs): started once with its readable folders and memory
 * limit, it serves one run after another (never two at once) until closed, killed at a run's
 * time limit, or dead of its memory limit. A process that was killed or died is never used
 * again: XslContext starts a new one for the next run.
 */
export class StylesheetProcess {
  /** The process id (for tests and logs). */
  readonly pid: number | undefined;
  /** Keys of compiled stylesheets the process already holds (child.cjs keeps them parsed). */
  readonly holds = new Set<string>();
  private readonly child: ChildProcess;
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private stderr = '';
  private ended = false;

  constructor(job: Pick<XslJob, 'roots' | 'memoryLimitMb'>, saxonFolders: string[]) {
    const { command, args } = childCommand(job, CHILD, saxonFolders);
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
    this.pid = this.child.pid;
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => this.onData(d));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d.length + this.stderr.length < 65536 ? d : ''));
    this.child.stdin!.on('error', () => undefined);
    this.child.on('error', () => this.onExit(null, null));
    this.child.on('close', (code, signal) => this.onExit(code, signal));
    this.idle();
  }

  /** False once the process was killed, died or was closed. */
  get alive(): boolean {
    return !this.ended;
  }

  /** Runs one job (a JSON line for child.cjs); runs queue behind each other. */
  run(payload: string, limits: Pick<XslJob, 'timeLimitMs' | 'outputLimitBytes'>): Promise<ChildRun> {
    const next = this.queue.then(() => this.runNow(payload, limits));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the process; a run still going is not waited for (the build is over). */
  close(): void {
    if (this.ended) return;
    this.kill();
  }

  private runNow(payload: string, limits: Pick<XslJob, 'timeLimitMs' | 'outputLimitBytes'>): Promise<ChildRun> {
    if (this.ended) return Promise.resolve({ killed: 'crash', stderr: 'the stylesheet process had already ended', ...(this.pid ? { pid: this.pid } : {}) });
    this.stderr = '';
    this.busy();
    return new Promise((done) => {
      const timer = setTimeout(() => {
        if (this.pending) this.pending.timedOut = true;
        this.kill();
      }, limits.timeLimitMs ?? XSL_TIME_LIMIT_MS);
      this.pending = { done, timer, limit: limits.outputLimitBytes ?? XSL_OUTPUT_LIMIT_BYTES, size: 0, chunks: [] };
      this.child.stdin!.write(payload.endsWith('\n') ? payload : payload + '\n');
    });
  }

  private onData(d: string): void {
    const p = this.pending;
    if (!p) return;
    const at = d.indexOf('\n');
    if (at < 0) {
      p.chunks.push(d);
      p.size += d.length;
      // The child caps its result; an answer far over the cap (JSON escaping at most doubles
      // it, roughly) means something else went wrong: stop before the build's memory does.
      if (p.size > 3 * p.limit + 1024 * 1024 && !p.tooLarge) {
        p.tooLarge = true;
        this.kill();
      }
      return;
    }
    p.chunks.push(d.slice(0, at));
    const line = p.chunks.join('');
    let run: ChildRun;
    try {
      run = { answer: JSON.parse(line) as ChildAnswer, stderr: this.stderr };
    } catch {
      run = { killed: 'crash', stderr: this.stderr };
    }
    this.finish(run);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.ended = true;
    const p = this.pending;
    if (!p) return;
    if (p.timedOut) return this.finish({ killed: 'time', stderr: this.stderr });
    if (p.tooLarge) return this.finish({ answer: { ok: false, phase: 'size', message: `the stylesheet returned more than ${p.limit} bytes` }, stderr: this.stderr });
    this.finish({ killed: outOfMemory(this.stderr, code, signal) ? 'memory' : 'crash', stderr: this.stderr });
  }

  private finish(run: ChildRun): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    this.idle();
    p.done(this.pid ? { ...run, pid: this.pid } : run);
  }

  private kill(): void {
    this.ended = true;
    this.child.kill('SIGKILL');
  }

  /** An idle process does not keep the build's process alive (the build closes it anyway). */
  private idle(): void {
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { unref?: () => void } | null)?.unref?.();
  }

  private busy(): void {
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { ref?: () => void } | null)?.ref?.();
  }
}
