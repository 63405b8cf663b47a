/**
 * Running an XSLT stylesheet: in a child process (child.cjs) under Node's permission model,
 * stopped after a time limit, with a memory limit; compiled by saxon-js from source and cached
 * on disk by content hash (the stylesheet and every module it includes). Errors come back as
 * diagnostics pointing at the stylesheet's `file:line:col`.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticBag, type Location } from '../../diagnostics/index.ts';
import { STANDARD_FUNCTIONS } from './allowed-functions.ts';

/** The child process script. */
const CHILD = resolve(import.meta.dirname, 'child.cjs');
/** saxon-js's own folder. */
const SAXON_DIR = dirname(fileURLToPath(import.meta.resolve('saxon-js')));
const SAXON_VERSION = (JSON.parse(readFileSync(join(SAXON_DIR, 'package.json'), 'utf8')) as { version: string }).version;

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

/** Limits of one run. */
export const XSL_TIME_LIMIT_MS = 20_000;
export const XSL_MEMORY_LIMIT_MB = 256;

/** One stylesheet run. */
export interface XslJob {
  /** Absolute path of the stylesheet file. */
  stylesheet: string;
  /** The input document (the view document or the OSP adapter's). */
  source: string;
  params: Record<string, string>;
  /** Folders the stylesheet may read (its own folder at least); nothing else. */
  roots: string[];
  /** A package's stylesheet: its compiled form is checked against the function allow-list. */
  untrusted?: boolean;
  /** Where compiled stylesheets are cached; none means no cache. */
  cacheDir?: string;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  /** How the stylesheet is named in diagnostics (a package path such as `pkg/views/cv.xsl`). */
  display?: string;
}

/** What a successful run produced. */
export interface XslOutput {
  /** The principal result, serialized. */
  output: string;
  /** The output method (`html`, `xml`, `xhtml`, `text`). */
  method: string;
  /** Result documents by their relative href. */
  documents: Map<string, string>;
  /** True when the compiled form came from the cache. */
  cached: boolean;
}

interface ChildAnswer {
  ok: boolean;
  phase?: 'compile' | 'check' | 'run';
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

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

interface CacheEntry {
  sef: string;
  /** Every module of the stylesheet (includes, imports) with the hash it had when compiled. */
  modules: Record<string, string>;
}

function cacheKey(job: XslJob, text: string): string {
  return sha(JSON.stringify([SAXON_VERSION, job.untrusted ? 'untrusted' : 'own', pathToFileURL(job.stylesheet).href, sha(text)]));
}

function readCache(dir: string, key: string): string | undefined {
  const file = join(dir, `${key}.json`);
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    for (const [path, hash] of Object.entries(entry.modules)) {
      if (!existsSync(path) || sha(readFileSync(path)) !== hash) return undefined;
    }
    return entry.sef;
  } catch {
    return undefined;
  }
}

/** The module files a SEF was compiled from (their base URIs). */
function modulesOf(sef: string): string[] {
  const out = new Set<string>();
  for (const m of sef.matchAll(/"baseUri":"(file:[^"]+)"/g)) {
    try {
      out.add(fileURLToPath(m[1]!));
    } catch {
      // not a file URL: nothing to watch
    }
  }
  return [...out];
}

function writeCache(dir: string, key: string, sef: string, bag: DiagnosticBag): void {
  try {
    mkdirSync(dir, { recursive: true });
    const modules: Record<string, string> = {};
    for (const path of modulesOf(sef)) if (existsSync(path)) modules[path] = sha(readFileSync(path));
    const tmp = join(dir, `${key}.${process.pid}.${randomUUID()}.tmp`);
    writeFileSync(tmp, JSON.stringify({ sef, modules } satisfies CacheEntry));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch (e) {
    bag.add('XslCacheUnwritable', `compiled stylesheet could not be cached in ${dir}: ${(e as Error).message}`, { file: dir });
  }
}

/** The location of a stylesheet problem: the module saxon-js names, resolved against the stylesheet. */
function locate(job: XslJob, a: ChildAnswer): Location {
  let file = job.display ?? job.stylesheet;
  if (a.module) {
    // saxon-js names a module by its base name or URI; its own compiler's modules (static.xsl,
    // xpath.xsl) are not files of the stylesheet and leave the main stylesheet as the place.
    let path: string | undefined;
    try {
      path = a.module.startsWith('file:') ? fileURLToPath(a.module) : resolve(dirname(job.stylesheet), a.module);
    } catch {
      path = undefined;
    }
    const main = path !== undefined && basename(path) === basename(job.stylesheet);
    if (path && !main && existsSync(path)) file = path;
    else if (!main) return { file }; // a line of saxon-js's compiler, not of the stylesheet
  }
  return { file, line: a.line ?? 1, column: a.column ?? 1 };
}

/**
 * Node's flags for a stylesheet's process, before the script: the permission model with reads
 * of the child script, saxon-js and the job's roots only (no writes, child processes or
 * workers: not granted), and the memory limit.
 */
export function childFlags(job: Pick<XslJob, 'roots' | 'memoryLimitMb'>): string[] {
  const reads = [CHILD, ...saxonReadFolders(), ...job.roots].map((p) => `--allow-fs-read=${realpathSync(p)}`);
  return [permissionFlag(), ...reads, `--max-old-space-size=${job.memoryLimitMb ?? XSL_MEMORY_LIMIT_MB}`, '--no-warnings'];
}

/** Runs the child with a job; resolves with its answer, or with how it died. */
function spawnChild(job: XslJob, payload: string): Promise<{ answer?: ChildAnswer; killed?: 'time' | 'memory' | 'crash'; stderr: string }> {
  childRuns++;
  const args = [...childFlags(job), CHILD];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, job.timeLimitMs ?? XSL_TIME_LIMIT_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d.length + err.length < 65536 ? d : ''));
    child.on('error', () => {
      clearTimeout(timer);
      done({ killed: 'crash', stderr: err });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return done({ killed: 'time', stderr: err });
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

/** Compiles (or takes from the cache) and runs a stylesheet; problems go into `bag`. */
export async function runXsl(job: XslJob, bag: DiagnosticBag, severity?: 'warning'): Promise<XslOutput | undefined> {
  const at: Location = { file: job.display ?? job.stylesheet };
  const opts = severity ? { severity } : undefined;
  let text: string;
  try {
    text = readFileSync(job.stylesheet, 'utf8');
  } catch (e) {
    bag.add('XslNotFound', `stylesheet ${job.display ?? job.stylesheet} could not be read: ${(e as Error).message}`, at, opts);
    return undefined;
  }
  const key = cacheKey(job, text);
  const sef = job.cacheDir ? readCache(job.cacheDir, key) : undefined;
  // The same compiled stylesheet on the same document, parameters and readable files gives the
  // same result: `vitrine serve` then rebuilds without starting a child process for it.
  const readable = sef && !job.untrusted ? rootsFingerprint(job.roots) : undefined;
  const memoKey = sef && readable ? sha(JSON.stringify([key, sha(sef), sha(job.source), job.params, job.roots, readable])) : undefined;
  const remembered = memoKey ? outputMemo.get(memoKey) : undefined;
  if (remembered) return { ...remembered, documents: new Map(remembered.documents), cached: true };
  const payload = JSON.stringify({
    ...(sef ? { sef } : { stylesheet: { text, uri: pathToFileURL(job.stylesheet).href } }),
    source: job.source,
    sourceUri: pathToFileURL(join(job.roots[0] ?? dirname(job.stylesheet), 'view.xml')).href,
    params: job.params,
    roots: job.roots,
    untrusted: !!job.untrusted,
    ...(job.untrusted ? { allowed: STANDARD_FUNCTIONS } : {}),
  });
  const run = await spawnChild(job, payload);
  if (run.killed === 'time') {
    bag.add('XslTimeLimit', `stylesheet ${job.display ?? job.stylesheet} was stopped after ${(job.timeLimitMs ?? XSL_TIME_LIMIT_MS) / 1000} s`, at, opts);
    return undefined;
  }
  if (run.killed === 'memory') {
    bag.add('XslMemoryLimit', `stylesheet ${job.display ?? job.stylesheet} was stopped: it needed more than ${job.memoryLimitMb ?? XSL_MEMORY_LIMIT_MB} MB`, at, opts);
    return undefined;
  }
  const a = run.answer;
  if (!a) {
    bag.add('XslRunFailed', `stylesheet ${job.display ?? job.stylesheet} stopped unexpectedly: ${run.stderr.split('\n').find((l) => l.trim()) ?? 'no message'}`, at, opts);
    return undefined;
  }
  if (a.sef && job.cacheDir && !job.untrusted) writeCache(job.cacheDir, key, a.sef, bag);
  if (!a.ok) {
    const where = locate(job, a);
    const msg = (a.message ?? '').replace(/\s+/g, ' ').trim();
    const refused = a.refused || /^VXSL/.test(a.code ?? '') || /is not allowed|not available to XSL views|ERR_ACCESS_DENIED/.test(msg);
    if (a.phase === 'compile' && !refused) bag.add('XslCompileFailed', msg, where, opts);
    else if (a.phase === 'check') bag.add('XslFunctionRefused', `${job.display ?? job.stylesheet} ${msg}`, where, opts);
    else if (refused) bag.add('XslAccessRefused', msg, where, opts);
    else bag.add('XslRunFailed', msg, where, opts);
    return undefined;
  }
  // An untrusted stylesheet's compiled form is cached only once it passed the check.
  if (a.sef && job.cacheDir && job.untrusted) writeCache(job.cacheDir, key, a.sef, bag);
  const result: XslOutput = { output: a.output ?? '', method: a.method ?? 'xml', documents: new Map(Object.entries(a.documents ?? {})), cached: !!sef };
  if (memoKey) remember(memoKey, result);
  return { ...result, documents: new Map(result.documents) };
}

let childRuns = 0;

/** How many stylesheet child processes this process started (for tests and benchmarks). */
export function xslChildRuns(): number {
  return childRuns;
}

/** Results of the user's own stylesheets in this process, newest last (a few views' worth). */
const outputMemo = new Map<string, XslOutput>();
const MEMO_ENTRIES = 32;

function remember(key: string, result: XslOutput): void {
  outputMemo.delete(key);
  outputMemo.set(key, result);
  while (outputMemo.size > MEMO_ENTRIES) outputMemo.delete(outputMemo.keys().next().value!);
}

/**
 * Name, size and modification time of every file under the roots a stylesheet may read (its
 * `doc()` and `unparsed-text()` inputs), so an edit to any of them runs the stylesheet again.
 * Undefined (no memo) when the roots hold too many files to list cheaply.
 */
function rootsFingerprint(roots: string[]): string[] | undefined {
  const out: string[] = [];
  const walk = (dir: string): boolean => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return true;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) {
        if (!walk(path)) return false;
      } else {
        out.push(`${path}:${st.size}:${st.mtimeMs}`);
        if (out.length > 2000) return false;
      }
    }
    return true;
  };
  for (const r of roots) if (!walk(r)) return undefined;
  return out;
}
