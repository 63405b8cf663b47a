/**
 * Running an XSLT stylesheet: in a child process (child.cjs) under Node's permission model,
 * stopped after a time limit, with a memory limit; compiled by saxon-js from source and cached
 * on disk by content hash (the stylesheet and every module it includes). Errors come back as
 * diagnostics pointing at the stylesheet's `file:line:col`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticBag, type Location } from '../../diagnostics/index.ts';
import { STANDARD_FUNCTIONS } from './allowed-functions.ts';
import { SAXON_VERSION, spawnChild, XSL_MEMORY_LIMIT_MB, XSL_OUTPUT_LIMIT_BYTES, XSL_TIME_LIMIT_MS, type ChildAnswer } from './child-process.ts';

export { childCommand, childFlags, networkNamespaceAvailable, permissionFlag, saxonReadFolders, xslChildRuns, XSL_MEMORY_LIMIT_MB, XSL_OUTPUT_LIMIT_BYTES, XSL_TIME_LIMIT_MS } from './child-process.ts';

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
  /** The output cap (default XSL_OUTPUT_LIMIT_BYTES); over it the run is an XslOutputTooLarge error. */
  outputLimitBytes?: number;
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
    outputLimit: job.outputLimitBytes ?? XSL_OUTPUT_LIMIT_BYTES,
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
    if (a.phase === 'script') bag.add('XslScriptRefused', `${job.display ?? job.stylesheet} ${msg}`, where, opts);
    else if (a.phase === 'size' || a.code === 'VXSL0005') bag.add('XslOutputTooLarge', `${job.display ?? job.stylesheet}: ${msg}`, { file: job.display ?? job.stylesheet }, opts);
    else if (a.phase === 'compile' && !refused) bag.add('XslCompileFailed', msg, where, opts);
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
