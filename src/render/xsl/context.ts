/**
 * What XSL rendering keeps for the length of a build (or of `vitrine serve`, across its
 * rebuilds): warm stylesheet processes, stylesheets compiled in this build, results of
 * identical runs, and saxon-js's folders. Made by the pipeline (build.ts, eleventy.ts, serve)
 * and handed to render; two builds in one process never share one. `close()` ends its processes.
 */
import { saxonReadFolders, StylesheetProcess } from './child-process.ts';
import type { XslJob, XslOutput } from './job.ts';

/** A compiled stylesheet, with every module it was compiled from and that module's hash then. */
export interface CompiledStylesheet {
  sef: string;
  modules: Record<string, string>;
}

/** One run as the context saw it (for tests and benchmarks). */
export interface XslRunRecord {
  stylesheet: string;
  audience: string;
  /** The process that ran it; none when an identical run's result was reused. */
  pid?: number;
}

/** Results of the user's own stylesheets remembered per context, newest last (a few views' worth). */
const MEMO_ENTRIES = 32;

/** The XSL state of one build (file comment). */
export class XslContext {
  /** Compiled stylesheets of this context by cache key: each stylesheet content is compiled once. */
  readonly compiled = new Map<string, CompiledStylesheet>();
  /** Counts: processes started, runs asked for, stylesheets compiled (tests, benchmarks). */
  readonly stats = { started: 0, runs: 0, compiles: 0 };
  /** Every run, in order. */
  readonly log: XslRunRecord[] = [];
  private readonly processes = new Map<string, StylesheetProcess>();
  private readonly outputs = new Map<string, XslOutput>();
  private folders: string[] | undefined;
  private closed = false;

  /** saxon-js's folders, the reads every stylesheet process needs (looked up once per context). */
  saxonFolders(): string[] {
    return (this.folders ??= saxonReadFolders());
  }

  /**
   * The warm process for runs under `key` (child-process.ts says what a key holds): the one
   * already running, or a new one when there is none or the last was killed or died.
   */
  process(key: string, job: Pick<XslJob, 'roots' | 'memoryLimitMb'>): StylesheetProcess {
    if (this.closed) throw new Error('this XSL context was closed: its build is over');
    const have = this.processes.get(key);
    if (have?.alive) return have;
    const made = new StylesheetProcess(job, this.saxonFolders());
    this.stats.started++;
    this.processes.set(key, made);
    return made;
  }

  /** Ends the process kept under `key`, so the next run under it starts a fresh one. */
  retire(key: string): void {
    this.processes.get(key)?.close();
    this.processes.delete(key);
  }

  /** The processes alive now (tests: none after close). */
  alive(): number[] {
    return [...this.processes.values()].filter((p) => p.alive && p.pid !== undefined).map((p) => p.pid!);
  }

  /** The result of an identical earlier run, if remembered. */
  remembered(key: string): XslOutput | undefined {
    return this.outputs.get(key);
  }

  /** Remembers a result (the oldest go past MEMO_ENTRIES). */
  remember(key: string, result: XslOutput): void {
    this.outputs.delete(key);
    this.outputs.set(key, result);
    while (this.outputs.size > MEMO_ENTRIES) this.outputs.delete(this.outputs.keys().next().value!);
  }

  /** Ends every process of the context; later runs are refused. */
  close(): void {
    this.closed = true;
    for (const p of this.processes.values()) p.close();
    this.processes.clear();
    this.outputs.clear();
  }
}

/** A fresh XSL context for one build. */
export function createXslContext(): XslContext {
  return new XslContext();
}
